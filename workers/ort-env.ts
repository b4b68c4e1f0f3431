/**
 * The app's single onnxruntime-web, configured once. onnxruntime-web and transformers.js share it
 * (package.json overrides transformers' own copy), and its .wasm is served by this app, never a
 * CDN. transformers.js points wasmPaths at jsDelivr when it is unset at import time, so this
 * module must be evaluated first: both runtimes import it before anything else.
 */
import * as ort from 'onnxruntime-web/webgpu';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

ort.env.wasm.wasmPaths = { wasm: new URL(ortWasmUrl, self.location.href).href };

export { ort };
