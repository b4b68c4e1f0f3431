/** Short, human descriptions of the device a result ran on, for tables and comparison rows. */
import type { SharedDevice } from './schema.ts';

/** Order matters: Edge and Opera also claim Chrome, and Chrome also claims Safari. */
const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: readonly [name: string, pattern: RegExp][] = [
  ['Android', /Android/],
  ['iOS', /iPhone|iPad|iPod/],
  ['ChromeOS', /CrOS/],
  ['Windows', /Windows/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Linux', /Linux/],
];

/** "Chrome 131 on macOS" from a user agent string; parts it cannot tell are left out. */
export function platformFromUserAgent(userAgent: string): string {
  let browser = '';
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1] ?? ''}`.trim();
      break;
    }
  }
  const system = SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? '';
  if (browser && system) return `${browser} on ${system}`;
  return browser || system || 'unknown browser';
}

/** The GPU in a few words: "apple metal-3", or the description when the vendor says little. */
export function gpuSummary(device: SharedDevice): string {
  const gpu = device.gpu;
  if (!gpu) return 'no WebGPU adapter';
  const words = [gpu.vendor, gpu.architecture].filter(Boolean).join(' ') || gpu.description || 'unnamed GPU';
  return gpu.isFallbackAdapter ? `${words} (software fallback)` : words;
}

/**
 * One line per device: "Chrome 131 on macOS · apple metal-3 · 8 cores · 8 GiB · isolated", led by
 * the user's label when there is one ("Pixel 8 · Chrome 131 on Android · …").
 */
export function deviceSummary(device: SharedDevice): string {
  const parts = [...(device.label ? [device.label] : []), device.platform || platformFromUserAgent(device.userAgent), gpuSummary(device)];
  if (device.hardwareConcurrency > 0) parts.push(`${device.hardwareConcurrency} cores`);
  if (device.deviceMemory !== null) parts.push(`${device.deviceMemory} GiB`);
  parts.push(device.crossOriginIsolated ? 'isolated' : 'not isolated');
  return parts.join(' · ');
}
