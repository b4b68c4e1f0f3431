/**
 * Precision variants of one model, named the way transformers.js lays them out on the hub
 * (onnx/model.onnx, onnx/model_fp16.onnx, onnx/model_quantized.onnx, onnx/model_q4.onnx), so the
 * same rule finds them in the zoo, on a mirror and on the hub.
 */
export const DTYPE_FILE_SUFFIX: Readonly<Record<string, string>> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
};

export const DTYPES = Object.keys(DTYPE_FILE_SUFFIX);

/** The URL of `dtype`'s file beside an fp32 `model.onnx` URL, or null if the URL has another shape. */
export function variantUrl(fp32Url: string, dtype: string): string | null {
  const suffix = DTYPE_FILE_SUFFIX[dtype];
  if (suffix === undefined) return null;
  const match = /^(.*\/)([^/]+)\.onnx(\?.*)?$/.exec(fp32Url);
  if (!match) return null;
  return `${match[1]}${match[2]}${suffix}.onnx${match[3] ?? ''}`;
}

/** The dtypes a hub-layout folder has files for, given its file list. */
export function dtypesFromFiles(paths: readonly string[], stem = 'model'): string[] {
  return DTYPES.filter((dtype) => paths.includes(`onnx/${stem}${DTYPE_FILE_SUFFIX[dtype]}.onnx`));
}
