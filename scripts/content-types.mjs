/**
 * Content-Types for the files a model is made of, which the static server's table does not know
 * (it sends an empty Content-Type for .onnx). Model formats have no registered media type, so
 * they are application/octet-stream, the type for binary data of no other type (RFC 2046 §4.5.1);
 * .wasm must be application/wasm for WebAssembly.compileStreaming. Vite's static handler keeps a
 * Content-Type set before it runs.
 */
export const MODEL_CONTENT_TYPES = {
  '.onnx': 'application/octet-stream',
  '.ort': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.gguf': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.safetensors': 'application/octet-stream',
  '.pb': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(pathname) {
  const dot = pathname.lastIndexOf('.');
  return dot < 0 ? undefined : MODEL_CONTENT_TYPES[pathname.slice(dot).toLowerCase()];
}

/** A Vite plugin: sets the type on the preview (npm start) and dev servers. */
export function modelContentTypes() {
  const middleware = (req, res, next) => {
    const type = contentTypeFor(new URL(req.url ?? '/', 'http://x').pathname);
    if (type) res.setHeader('Content-Type', type);
    next();
  };
  return {
    name: 'benchtab-model-content-types',
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
    configureServer: (server) => void server.middlewares.use(middleware),
  };
}
