/**
 * The onnxruntime-web WebAssembly.Module the page compiles once (src/lib/compiled-wasm.ts) and
 * posts to every bench worker, so that inspecting and every run instantiate it instead of
 * compiling 26.8 MB of wasm again. Kept apart from ort-env.ts so the module can arrive at any
 * time: the worker imports its runtime and reads the model while the page is still compiling,
 * and only onnxruntime's instantiation waits for it.
 */
let deliver: (module: WebAssembly.Module | null) => void = () => {};
const delivered = new Promise<WebAssembly.Module | null>((resolve) => {
  deliver = resolve;
});

/** The page's compiled module, or null where its compile failed (the worker then compiles its own). */
export function setCompiledOrtWasm(module: WebAssembly.Module | null): void {
  deliver(module);
}

export function compiledOrtWasm(): Promise<WebAssembly.Module | null> {
  return delivered;
}
