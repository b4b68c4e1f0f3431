/**
 * The app's single onnxruntime-web, configured once. onnxruntime-web and transformers.js share it
 * (package.json overrides transformers' own copy), and its .wasm is served by this app, never a
 * CDN. transformers.js points wasmPaths at jsDelivr when it is unset at import time, so this
 * module must be evaluated first: both runtimes import it before anything else.
 */
import * as ort from 'onnxruntime-web/webgpu';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { compiledOrtWasm } from './compiled-wasm.ts';

const wasmUrl = new URL(ortWasmUrl, self.location.href).href;
ort.env.wasm.wasmPaths = { wasm: wasmUrl };

/**
 * Bench workers instantiate ORT from the Module the page compiled (bench-bridge.ts posts it to
 * every one, whenever its compile ends). ORT 1.30 takes `env.wasm.wasmBinary` (bytes, which it
 * would compile again) but no Module, so a marker buffer stands in for the binary, and
 * Emscripten's `WebAssembly.instantiate(binary, imports)` for that marker is answered from the
 * Module, with the same {instance, module} shape, once the page has posted it. ORT's own
 * threads get the Module from it. Other workers (the overhead yardstick, ORT's threads) are left
 * to ORT's own loading.
 */
function instantiateFromPage(): void {
  const marker = new ArrayBuffer(8);
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (source: unknown, imports?: WebAssembly.Imports) => Promise<unknown>;
  const fromModule = async (imports?: WebAssembly.Imports): Promise<unknown> => {
    const module = await compiledOrtWasm();
    if (!module) return WebAssembly.instantiateStreaming(fetch(wasmUrl), imports);
    const instance = (await instantiate(module, imports)) as WebAssembly.Instance;
    return { instance, module };
  };
  (WebAssembly as { instantiate: unknown }).instantiate = (source: unknown, imports?: WebAssembly.Imports) =>
    ArrayBuffer.isView(source) && source.buffer === marker ? fromModule(imports) : instantiate(source, imports);
  ort.env.wasm.wasmBinary = marker;
}

if (self.name.startsWith('benchtab-bench:')) instantiateFromPage();

export { ort };
