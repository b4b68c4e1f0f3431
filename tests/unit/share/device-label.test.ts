import { describe, expect, test } from 'vitest';
import { toShared } from '../../../src/core/share/convert.ts';
import { deviceSummary } from '../../../src/core/share/device.ts';
import { decodeResult, encodeResult } from '../../../src/core/share/link.ts';
import { typicalResult } from './fixtures.ts';

describe('the device label in links', () => {
  test('travels in a share link and leads the device summary', async () => {
    const shared = toShared(typicalResult(), '0.1.0', '  Pixel 8  ');
    expect(shared.device.label).toBe('Pixel 8');
    const decoded = await decodeResult(await encodeResult(shared));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.result.device.label).toBe('Pixel 8');
    expect(deviceSummary(decoded.result.device)).toMatch(/^Pixel 8 · Chrome 131 on macOS/);
  });

  test('a result without a label (every link made before labels) decodes without one', async () => {
    const shared = toShared(typicalResult(), '0.1.0');
    expect('label' in shared.device).toBe(false);
    const decoded = await decodeResult(await encodeResult(shared));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.result.device.label).toBeUndefined();
    expect(deviceSummary(decoded.result.device)).toMatch(/^Chrome 131 on macOS/);
  });
});
