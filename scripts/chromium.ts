/**
 * Finding and launching the system Chromium, shared by the e2e tests and the bench scripts.
 * Flags from shared/notes/browser-testing.md; nothing here downloads a browser.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Headless as root, without background networking (this machine has no network to reach). */
export const BASE_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** SwiftShader gives a real (software) WebGPU adapter in headless Chromium. */
export const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

/** CHROMIUM_PATH first, then the usual system paths. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error('No Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary.');
  }
  return found;
}
