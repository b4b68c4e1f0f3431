/**
 * Whether an address fragment is a share link (`#r=…`, link.ts). Apart from link.ts so the page
 * can ask at startup without loading the schema and its validator (zod), which come with the
 * first result or the first link actually opened.
 */

/** The fragment's key: `#r=<payload>`. */
export const FRAGMENT_KEY = 'r';

export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${FRAGMENT_KEY}=`);
}
