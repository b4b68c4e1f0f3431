/**
 * ONNX external data: a large model keeps its weights in files beside the .onnx (TensorProto
 * external_data `location`, relative to the model's folder). A location is a file name we read
 * through the model's own file set, so one that is absolute, a URL or climbs out with `..` is
 * refused before onnxruntime sees it: it could read a file the user never gave.
 */

/** Why a location is refused, in words; null when it is a plain relative path. */
export function externalLocationProblem(location: string): string | null {
  const named = `The model's external data location "${location}"`;
  if (location.trim() === '') return 'The model has weights in external data with no location: re-export it with onnx.save_model(..., save_as_external_data=True).';
  if (location.startsWith('/') || location.startsWith('\\') || /^[a-z]:[\\/]/i.test(location)) return `${named} is an absolute path; external data must be a file beside the model. Re-export it with a relative location.`;
  if (/^[a-z][a-z\d+.-]*:/i.test(location)) return `${named} is a URL; external data must be a file beside the model. Re-export it with a relative location.`;
  if (location.split(/[\\/]/).includes('..')) return `${named} climbs out of the model's folder with ".."; external data must be beside the model.`;
  return null;
}

/** The path of a location inside the model's file set: relative to the .onnx file's folder. */
export function externalDataPath(onnxPath: string, location: string): string {
  const slash = onnxPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : onnxPath.slice(0, slash + 1);
  return `${folder}${location.replace(/^\.\//, '').replace(/\\/g, '/')}`;
}
