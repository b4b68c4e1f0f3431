/**
 * Compiles onnxruntime-web's .wasm once per page, streaming, as soon as the page starts, and
 * hands the compiled WebAssembly.Module to every bench worker (a Module can be posted to a
 * same-origin worker). Without it, inspecting a model and then running it compiled the same
 * 26.8 MB twice, in two fresh workers.
 */
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

let ort: Promise<WebAssembly.Module | null> | null = null;

/** The compiled module, or null where compiling here failed (the worker then compiles its own). */
export function compiledOrtWasm(): Promise<WebAssembly.Module | null> {
  ort ??= WebAssembly.compileStreaming(fetch(ortWasmUrl)).catch(() => null);
  return ort;
}
