/**
 * Share links: the whole result in the URL fragment, after `#r=`, as its wire form (wire.ts: the
 * JSON without field names) → deflate-raw → base64url, preceded by a checksum of that payload and
 * a dot (checksum.ts), so a damaged link says so. The fragment never reaches a server. Decoding treats the fragment as hostile: every
 * failure is a `{ ok: false, error }` with a sentence for the user, never an exception.
 */
import { base64UrlToBytes, bytesToBase64Url } from './base64url.ts';
import { CHECKSUM_CHARS, payloadChecksum, splitChecked } from './checksum.ts';
import { sharedResultSchema, type Parsed, type SharedResult } from './schema.ts';
import { parseJsonSafely, parseShared } from './validate.ts';
import { pack, unpack } from './wire.ts';
import { FRAGMENT_KEY } from './fragment.ts';

export { FRAGMENT_KEY, isShareFragment } from './fragment.ts';
/** Decompressed JSON larger than this is refused, and decompression stops as soon as it is exceeded. */
export const MAX_DECODED_BYTES = 64 * 1024;
/** Longer payloads cannot be links we made: 64 KB of JSON deflates to far less than this. */
export const MAX_PAYLOAD_CHARS = 128 * 1024;

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too-large'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop inflating now: a decompression bomb must not get to allocate its full size.
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * What a link carries of a result: all of it except the checklist's detail sentences, which would
 * cost about 450 characters (a quarter of the budget) and repeat what the verdict and validity
 * already say. Statuses stay; history and exported files keep the details. Likewise the
 * sentences describing an unstable run's pattern: its kinds and positions stay.
 */
export function linkForm(shared: SharedResult): SharedResult {
  const items = shared.checklist.items.map((item) => ({ ...item, detail: '' }));
  // Instability findings travel by kind and position alone; the advice follows from the kind.
  const stability = shared.stability && { findings: shared.stability.findings.map((f) => ({ ...f, detail: '' })) };
  return { ...shared, checklist: { ...shared.checklist, items }, ...(stability ? { stability } : {}) };
}

/** The fragment for a result, `#r=…`, to append to the page's address. */
export async function encodeResult(shared: SharedResult): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(pack(sharedResultSchema, linkForm(shared))));
  const compressed = await readAll(streamOf(json).pipeThrough(new CompressionStream('deflate-raw')), Infinity);
  if (compressed === 'too-large') throw new Error('unreachable: no limit on compression');
  const payload = bytesToBase64Url(compressed);
  return `#${FRAGMENT_KEY}=${await payloadChecksum(payload)}.${payload}`;
}

/** The full share URL: `base` (usually location.href) with its fragment replaced. */
export async function shareUrl(base: string, shared: SharedResult): Promise<string> {
  const url = new URL(base);
  url.hash = '';
  return `${url.href}${await encodeResult(shared)}`;
}

/**
 * A decoded link. `unchecked`: the link has no checksum. Links made before checksums existed
 * (benchtab 0.1.0) still open, since refusing them would break every link already sent, but the
 * view says that damage to them cannot be detected. A new link cut inside its checksum also
 * lands here only if what is left still inflates and validates, which a few characters never do.
 */
export type DecodedLink = Parsed<SharedResult> & { unchecked?: boolean };

/** Reads `#r=…`, `r=…` or the bare payload. */
export async function decodeResult(fragment: string): Promise<DecodedLink> {
  try {
    return await decodeUnsafe(fragment);
  } catch (error) {
    // Every expected failure is handled below; this is the promise that nothing escapes.
    return { ok: false, error: `This link could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

async function decodeUnsafe(fragment: string): Promise<DecodedLink> {
  const text = fragment.replace(/^#/, '').replace(new RegExp(`^${FRAGMENT_KEY}=`), '');
  if (text.length === 0) return { ok: false, error: 'This link holds no result: the part after #r= is empty.' };
  if (text.length > MAX_PAYLOAD_CHARS) {
    return { ok: false, error: `This link is too long (${text.length} characters); a result link is at most ${MAX_PAYLOAD_CHARS}.` };
  }
  const { checksum, payload } = splitChecked(text);
  if (checksum !== null && (checksum.length !== CHECKSUM_CHARS || checksum !== (await payloadChecksum(payload)))) {
    return { ok: false, error: 'This link is damaged: its checksum does not match its contents (was it cut short or edited?). Ask for the link again.' };
  }
  const decoded = await decodePayload(payload);
  return checksum === null && decoded.ok ? { ...decoded, unchecked: true } : decoded;
}

async function decodePayload(payload: string): Promise<Parsed<SharedResult>> {
  const compressed = base64UrlToBytes(payload);
  if (compressed === null) {
    return { ok: false, error: 'This link is damaged: the part after #r= is not base64url text (was it cut short or edited?).' };
  }
  let json: Uint8Array | 'too-large';
  try {
    json = await readAll(streamOf(compressed).pipeThrough(new DecompressionStream('deflate-raw')), MAX_DECODED_BYTES);
  } catch {
    return { ok: false, error: 'This link is damaged: its data does not decompress (was it cut short or edited?).' };
  }
  if (json === 'too-large') {
    return { ok: false, error: `This link's result is larger than ${MAX_DECODED_BYTES / 1024} KB once decompressed, so it was refused.` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return { ok: false, error: 'This link is damaged: its data is not UTF-8 text.' };
  }
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, error: `This link is unreadable: ${parsed.error}.` };
  // One format only: the packed array. A keyed object would validate too, but nothing makes one.
  if (!Array.isArray(parsed.result)) return { ok: false, error: 'This link is not a benchtab result link.' };
  return parseShared(unpack(sharedResultSchema, parsed.result), 'This link');
}
