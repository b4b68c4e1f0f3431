/**
 * A share link's checksum: the first 48 bits of the SHA-256 of its payload text, as 8 base64url
 * characters before the payload (`#r=<checksum>.<payload>`). It tells a link damaged on the way
 * (cut short, a character changed by a chat app or a hand) from an intact one; about one damaged
 * link in 2^48 would pass. It is not a signature: anyone can make a link with a valid checksum,
 * which is why a shared result is shown as a claim (see SharedResultView).
 */
import { bytesToBase64Url } from './base64url.ts';

export const CHECKSUM_CHARS = 8;
const CHECKSUM_BYTES = 6;

export async function payloadChecksum(payload: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(payload));
  return bytesToBase64Url(new Uint8Array(digest, 0, CHECKSUM_BYTES));
}

/** `<checksum>.<payload>` → its parts; a payload without a dot is an older, unchecked link. */
export function splitChecked(text: string): { checksum: string | null; payload: string } {
  const dot = text.indexOf('.');
  return dot < 0 ? { checksum: null, payload: text } : { checksum: text.slice(0, dot), payload: text.slice(dot + 1) };
}
