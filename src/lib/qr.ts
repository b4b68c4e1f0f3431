/**
 * Encodes a share link as a QR code with uqr (unjs: small, no dependencies, typed ESM), loaded
 * by dynamic import only when a user asks for a code, so it is not part of the page's shell.
 */
import { modulesPath, QR_MAX_BYTES, qrBytes } from '../core/share/qr.ts';

export type QrDrawing = { ok: true; size: number; path: string } | { ok: false; error: string };

export async function drawQr(text: string): Promise<QrDrawing> {
  const bytes = qrBytes(text);
  if (bytes > QR_MAX_BYTES) {
    return { ok: false, error: `This link is ${bytes.toLocaleString('en')} bytes; a QR code holds at most ${QR_MAX_BYTES.toLocaleString('en')}. Copy or share the link instead.` };
  }
  try {
    const { encode } = await import('uqr');
    // The lowest error correction holds the most; boostEcc raises it where the version has room.
    const code = encode(text, { ecc: 'L', boostEcc: true, border: 2 });
    return { ok: true, size: code.size, path: modulesPath(code.data) };
  } catch (cause) {
    return { ok: false, error: `No QR code could be drawn: ${cause instanceof Error ? cause.message : String(cause)}. Copy or share the link instead.` };
  }
}
