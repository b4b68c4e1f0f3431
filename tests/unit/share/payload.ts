/** Builds link payloads from raw text, so tests can hand the decoder anything at all. */
import { bytesToBase64Url } from '../../../src/core/share/base64url.ts';

export async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `#r=` + deflated, base64url-encoded text. */
export async function fragmentOf(text: string): Promise<string> {
  return `#r=${bytesToBase64Url(await deflateRaw(new TextEncoder().encode(text)))}`;
}
