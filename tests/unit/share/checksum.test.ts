/** A link's checksum: damage is reported as damage; intact and older links still open. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { payloadChecksum } from '../../../src/core/share/checksum.ts';
import { toShared } from '../../../src/core/share/convert.ts';
import { decodeResult, encodeResult } from '../../../src/core/share/link.ts';
import { typicalResult } from './fixtures.ts';

const fragment = await encodeResult(toShared(typicalResult(), '0.1.0'));
const [checksum, payload] = fragment.slice('#r='.length).split('.') as [string, string];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('share link checksum', () => {
  test('a link carries the checksum of its payload, and an intact link opens as checked', async () => {
    expect(checksum).toBe(await payloadChecksum(payload));
    expect(checksum).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const decoded = await decodeResult(fragment);
    expect(decoded.ok).toBe(true);
    expect(decoded.unchecked).toBeUndefined();
  });

  test('every one-character change to the payload or the checksum is reported as damage', async () => {
    const text = `${checksum}.${payload}`;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), fc.constantFrom(...ALPHABET), async (at, char) => {
      fc.pre(text[at] !== char && text[at] !== '.');
      const decoded = await decodeResult(`#r=${text.slice(0, at)}${char}${text.slice(at + 1)}`);
      expect(decoded).toEqual({ ok: false, error: expect.stringMatching(/^This link is damaged/) });
    }), { numRuns: 300 });
  });

  test('a link cut short is damaged, not a shorter result', async () => {
    const decoded = await decodeResult(`#r=${checksum}.${payload.slice(0, -5)}`);
    expect(decoded).toEqual({ ok: false, error: expect.stringContaining('checksum does not match') });
  });

  test('an older link without a checksum still opens, marked unchecked', async () => {
    const decoded = await decodeResult(`#r=${payload}`);
    expect(decoded.ok).toBe(true);
    expect(decoded.unchecked).toBe(true);
  });
});
