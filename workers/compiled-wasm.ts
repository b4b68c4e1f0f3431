/**
 * The onnxruntime-web WebAssembly.Module the page compiled once (src/lib/compiled-wasm.ts) and
 * posted to this worker, so that inspecting and every run instantiate it instead of compiling
 * 26.8 MB of wasm again. Kept apart from ort-env.ts so the worker can receive it before it
 * imports any runtime.
 */
let ortModule: WebAssembly.Module | null = null;

export function setCompiledOrtWasm(module: WebAssembly.Module | null): void {
  ortModule = module;
}

export function compiledOrtWasm(): WebAssembly.Module | null {
  return ortModule;
}
