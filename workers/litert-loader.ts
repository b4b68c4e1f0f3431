/**
 * Starts LiteRT.js inside a module worker, from files this app serves. LiteRT.js picks its glue
 * (relaxed-SIMD build, or the compat build where relaxed SIMD is missing) and loads it with
 * importScripts, which module workers do not have; so the glue is imported as an ES module
 * (scripts/vite-litert.ts) and handed over through a one-shot importScripts stand-in, and the
 * glue's locateFile points at the hashed .wasm asset. The threaded and JSPI builds are not used:
 * their pthread workers and suspending imports do not survive bundling, and results say so.
 */
import { getGlobalLiteRt, getGlobalLiteRtPromise, loadLiteRt, supportsFeature, type LiteRt } from '@litertjs/core';
import simdWasmUrl from '@litertjs/core/wasm/litert_wasm_internal.wasm?url';
import compatWasmUrl from '@litertjs/core/wasm/litert_wasm_compat_internal.wasm?url';

interface GlueScope {
  ModuleFactory?: unknown;
  Module?: { locateFile: (path: string) => string };
  importScripts?: (...urls: string[]) => void;
}

let started: Promise<LiteRt> | undefined;

async function start(): Promise<LiteRt> {
  const relaxedSimd = await supportsFeature('relaxedSimd');
  const factory = relaxedSimd
    ? (await import('@litertjs/core/wasm/litert_wasm_internal.js')).default
    : (await import('@litertjs/core/wasm/litert_wasm_compat_internal.js')).default;
  const wasmUrl = new URL(relaxedSimd ? simdWasmUrl : compatWasmUrl, self.location.href).href;
  const scope = self as unknown as GlueScope;
  const original = scope.importScripts;
  scope.importScripts = () => {
    scope.ModuleFactory = factory;
    scope.Module = { locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path) };
  };
  try {
    // The path only names the glue file LiteRT.js would fetch; the stand-in above answers instead.
    return await loadLiteRt(new URL('litert/', self.location.href).href);
  } finally {
    scope.importScripts = original;
  }
}

/** The worker's one LiteRT.js instance, started once. */
export function liteRt(): Promise<LiteRt> {
  if (getGlobalLiteRtPromise()) return getGlobalLiteRtPromise()!.then(() => getGlobalLiteRt());
  started ??= start();
  return started;
}

export const LITERT_BUILD = 'single-threaded build';
