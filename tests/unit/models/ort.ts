import * as ort from 'onnxruntime-web';

/**
 * onnxruntime-web's "node" export condition (dist/ort.node.min.mjs) runs the
 * wasm backend in Node with no extra setup. One thread keeps tests stable on
 * 2 cores and matches the app's non-isolated default.
 */
ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';

export { ort };

export function createSession(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
}

/** Declared shape of a session input or output, symbolic dims as strings. */
export function declaredShape(meta: readonly ort.InferenceSession.ValueMetadata[], name: string): (number | string)[] | undefined {
  const found = meta.find((m) => m.name === name);
  return found && found.isTensor ? [...found.shape] : undefined;
}
