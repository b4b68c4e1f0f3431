/**
 * Model addresses as people give them: which schemes a page can fetch, how a file next to the
 * model is found (with the model URL's query, which signed and revision-pinned URLs need), and
 * what of an address may be saved or shown (no signatures, tokens or passwords).
 */

export type AddressKind = 'http' | 'blob' | 'data';

export type ParsedAddress =
  | { ok: true; url: URL; kind: AddressKind }
  | { ok: false; error: string };

const DROP_INSTEAD = 'drop the file instead (or choose it with the file picker)';

/** Why a scheme is refused, in words, with what to do instead. */
function refusal(scheme: string): string {
  switch (scheme) {
    case 'javascript:':
      return `A javascript: address runs code instead of naming a file, so benchtab never opens one. Give the model's http(s) address, or ${DROP_INSTEAD}.`;
    case 'file:':
      return `A file: address names a file on your disk, which a web page is not allowed to read by address. Please ${DROP_INSTEAD}.`;
    case 's3:':
    case 'gs:':
      return `A ${scheme} address is read by cloud tools, not by a browser. Make a pre-signed https:// URL for it, or ${DROP_INSTEAD}.`;
    default:
      return `A ${scheme} address cannot be fetched by a web page: benchtab reads http(s) addresses, paths on this site, blob: and data: URLs. Give an http(s) address, or ${DROP_INSTEAD}.`;
  }
}

/**
 * Reads what the user typed as a model address, relative to `base` (the page). http(s) and paths
 * on this site are fetched; blob: and data: URLs hold the bytes themselves; anything else is
 * refused with a sentence that says why and what to do.
 */
export function parseModelAddress(text: string, base: string): ParsedAddress {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: "Give the model's address, or drop the file." };
  // A scheme is letters then ':' (RFC 3986 §3.1); "C:\models\x.onnx" is a Windows path, not one.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme.length === 1) return { ok: false, error: `"${trimmed}" is a path on your disk, which a web page cannot read by address. Please ${DROP_INSTEAD}.` };
  if (scheme && !['http', 'https', 'blob', 'data'].includes(scheme)) return { ok: false, error: refusal(`${scheme}:`) };
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { ok: false, error: `"${trimmed}" is not a valid address. Give a full one such as https://example.com/model.onnx, or ${DROP_INSTEAD}.` };
  }
  if (url.protocol === 'blob:' || url.protocol === 'data:') return { ok: true, url, kind: url.protocol === 'blob:' ? 'blob' : 'data' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: refusal(url.protocol) };
  if (url.username || url.password) {
    return { ok: false, error: `Browsers refuse to fetch an address with a user name or password in it (${url.host}). Use a signed URL or a token in the query instead, or ${DROP_INSTEAD}.` };
  }
  return { ok: true, url, kind: 'http' };
}

/**
 * The address of a file beside the model (external data, a TF.js shard, a hub-layout file):
 * resolved against the model URL's path, carrying its query when the sibling is on the same
 * origin and names none, since a token or a revision pinned in the query is usually needed for
 * every file of the model. The fragment never reaches a server, so it is not carried.
 */
export function siblingUrl(model: string | URL, path: string): string {
  const base = new URL(model);
  const sibling = new URL(path, base);
  if (sibling.origin === base.origin && sibling.search === '' && !path.includes('?')) sibling.search = base.search;
  sibling.hash = '';
  return sibling.href;
}

/** Query parameters that carry a credential: signatures, tokens, keys, passwords. */
const SECRET_NAMES = new Set([
  'sig', 'signature', 'token', 'key', 'apikey', 'api_key', 'api-key', 'auth', 'authorization', 'code',
  'password', 'passwd', 'pwd', 'secret', 'credential', 'credentials', 'policy', 'key-pair-id', 'hmac',
]);
const SECRET_PREFIX = /^(x-amz-|x-goog-|x-ms-|x-oss-)/i;
const SECRET_PART = /token|secret|signature|password|credential/i;

export function isSecretParam(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase()) || SECRET_PREFIX.test(name) || SECRET_PART.test(name);
}

/** Drops secret parameters from a query-like string ("a=1&sig=x"); null if nothing was dropped. */
function withoutSecrets(query: string, removed: string[]): string | null {
  const params = new URLSearchParams(query);
  const names = [...new Set(params.keys())].filter(isSecretParam);
  if (names.length === 0) return null;
  for (const name of names) params.delete(name);
  removed.push(...names);
  return params.toString();
}

export interface PublicAddress {
  /** The address with no secret in it, or null where nothing of it may be kept (data:, blob:). */
  url: string | null;
  /** The names of what was removed: "X-Amz-Signature", "token", "password"… */
  removed: string[];
}

/**
 * What of a model address may be saved and shown: user name and password, and every query or
 * fragment parameter that looks like a credential, are removed; the rest (a revision, a file id)
 * stays, so the address still says which model it was. A data: URL is the model itself and a
 * blob: URL lives only in the tab that made it: neither is kept.
 */
export function publicAddress(address: string): PublicAddress {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { url: null, removed: [] };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: null, removed: [] };
  const removed: string[] = [];
  if (url.username || url.password) {
    removed.push(url.password ? 'password' : 'user name');
    url.username = '';
    url.password = '';
  }
  const query = withoutSecrets(url.search.slice(1), removed);
  if (query !== null) url.search = query;
  // Some services put tokens in the fragment (OAuth implicit flow: #access_token=…).
  const fragment = url.hash.includes('=') ? withoutSecrets(url.hash.slice(1), removed) : null;
  if (fragment !== null) url.hash = fragment;
  return { url: url.href, removed };
}

/** The name a model goes by when its address is all we know. */
export function addressName(url: URL): string {
  if (url.protocol === 'data:') return 'model from a data: URL';
  if (url.protocol === 'blob:') return 'model from a blob: URL';
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  try {
    return last ? decodeURIComponent(last) : url.host;
  } catch {
    return last ?? url.host;
  }
}

/** An address as messages show it: without secrets; a data: or blob: URL by what it is. */
export function shownAddress(address: string): string {
  const shown = publicAddress(address).url;
  if (shown) return shown;
  try {
    return addressName(new URL(address));
  } catch {
    return 'the model address';
  }
}
