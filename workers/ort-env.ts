/**
 * The app's single onnxruntime-web, configured once. onnxruntime-web and transformers.js share it
 * (package.json overrides transformers' own copy), and its .wasm is served by this app, never a
 * CDN. transformers.js points wasmPaths at jsDelivr when it is unset at import time, so this
 * module must be evaluated first: both runtimes import it before anything else.
 */
import * as ort from 'onnxruntime-web/webgpu';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { compiledOrtWasm } from './compiled-wasm.ts';

ort.env.wasm.wasmPaths = { wasm: new URL(ortWasmUrl, self.location.href).href };

/**
 * Instantiates ORT from the page's compiled Module. ORT 1.30 takes `env.wasm.wasmBinary` (bytes,
 * which it would compile again) but no Module, so a marker buffer stands in for the binary, and
 * Emscripten's `WebAssembly.instantiate(binary, imports)` for that marker is answered from the
 * Module with the same {instance, module} shape. ORT's own threads get the Module from it.
 */
function instantiateFrom(module: WebAssembly.Module): void {
  const marker = new ArrayBuffer(8);
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (source: unknown, imports?: WebAssembly.Imports) => Promise<unknown>;
  (WebAssembly as { instantiate: unknown }).instantiate = (source: unknown, imports?: WebAssembly.Imports) =>
    ArrayBuffer.isView(source) && source.buffer === marker
      ? (instantiate(module, imports) as Promise<WebAssembly.Instance>).then((instance) => ({ instance, module }))
      : instantiate(source, imports);
  ort.env.wasm.wasmBinary = marker;
}

const precompiled = compiledOrtWasm();
if (precompiled) instantiateFrom(precompiled);

export { ort };
