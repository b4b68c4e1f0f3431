/**
 * WebNN for onnxruntime-web: available only where the browser exposes navigator.ml and can make
 * a context. Chromium on Linux has no navigator.ml without a flag, and even with it createContext
 * throws NotSupportedError, so there choosing webnn says so, as webgpu without an adapter does.
 */
import { BenchError } from './errors.ts';

interface NavigatorWithMl {
  ml?: { createContext(options?: { deviceType?: string }): Promise<unknown> };
}

export const WEBNN_DEVICE = 'gpu';

export async function assertWebNn(): Promise<void> {
  const ml = (navigator as NavigatorWithMl).ml;
  if (!ml) {
    throw new BenchError('BackendUnavailableError',
      'WebNN is not available here: this browser has no navigator.ml. It ships in Chrome and Edge on Windows and macOS ' +
      '(on Linux only behind --enable-features=WebMachineLearningNeuralNetwork, and even then without a backend). Choose wasm or webgpu.',
      undefined, 'webnn-unavailable');
  }
  try {
    await ml.createContext({ deviceType: WEBNN_DEVICE });
  } catch (cause) {
    throw new BenchError('BackendUnavailableError',
      `WebNN is exposed but cannot make a ${WEBNN_DEVICE} context on this device. Choose wasm or webgpu.`,
      cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause), 'webnn-unavailable');
  }
}
