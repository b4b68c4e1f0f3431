import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { modulesPath, QR_MAX_BYTES, qrBytes } from '../../../src/core/share/qr.ts';

describe('share link QR code', () => {
  it('draws each row\'s runs of dark modules as one rectangle', () => {
    expect(modulesPath([[true, true, false, true], [false, false, false, false], [false, true, true, true]]))
      .toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
    expect(modulesPath([[false]])).toBe('');
  });

  it('covers exactly the dark modules of a real code', () => {
    const code = encode('https://example.test/#r=abc.def', { ecc: 'L', border: 2 });
    const dark = code.data.flat().filter(Boolean).length;
    const area = [...modulesPath(code.data).matchAll(/h(\d+)v1/g)].reduce((sum, [, n]) => sum + Number(n), 0);
    expect(area).toBe(dark);
  });

  it('knows the largest link one code holds, counting bytes not characters', () => {
    expect(qrBytes('µ')).toBe(2);
    const longest = `https://x.test/#r=${'a'.repeat(QR_MAX_BYTES - 18)}`;
    expect(qrBytes(longest)).toBe(QR_MAX_BYTES);
    expect(() => encode(longest, { ecc: 'L' })).not.toThrow();
    expect(() => encode(`${longest}a`, { ecc: 'L' })).toThrow();
  });
});
