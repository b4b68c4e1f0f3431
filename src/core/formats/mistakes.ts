/**
 * What users give by mistake, said plainly: an empty file, a Git LFS pointer instead of the
 * model, an HTML page (a login or 404 page saved as the model), a JSON or text file that is no
 * model, a zip of something else, and bytes nothing recognises.
 */
import { extension, leadingText, printableShare, utf8 } from './bytes.ts';
import type { FormatModule } from './types.ts';
import { isZip, zipNames } from './zip.ts';

const FORMATS_HINT = 'benchtab runs ONNX (.onnx, .ort), TensorFlow.js (model.json), TFLite (.tflite), GGUF and Hugging Face folders.';

export const empty: FormatModule = {
  id: 'empty', label: 'an empty file', kind: 'mistake', runtime: null,
  match: ({ size, head }) => size === 0 || head.length === 0,
  why: 'The file is empty (0 bytes). Check that the download or export finished.',
};

export const gitLfsPointer: FormatModule = {
  id: 'git-lfs-pointer', label: 'a Git LFS pointer', kind: 'mistake', runtime: null,
  match: ({ head }) => leadingText(head).startsWith('version https://git-lfs'),
  describe: ({ head }) => {
    const text = leadingText(head);
    const size = /^size (\d+)/m.exec(text)?.[1];
    const oid = /^oid (sha256:[0-9a-f]{12})/m.exec(text)?.[1];
    return { notes: [...(size ? [`the real file is ${size} bytes`] : []), ...(oid ? [`${oid}…`] : [])] };
  },
  why: 'This is a Git LFS pointer, not the model itself. Fetch the real file with `git lfs pull`, or download it from the hosting page.',
};

export const html: FormatModule = {
  id: 'html', label: 'an HTML page', kind: 'mistake', runtime: null,
  match: ({ head }) => /^\s*<(!doctype html|html|head|body)/i.test(leadingText(head)),
  why: 'This is an HTML page, not a model. A URL that answers with a web page (a login, consent or 404 page) gives this: use the file\'s direct download link.',
};

export const zipArchive: FormatModule = {
  id: 'zip', label: 'a zip archive', kind: 'mistake', runtime: null,
  match: ({ head }) => isZip(head),
  describe: ({ head, tail }) => {
    const names = zipNames(head, tail);
    return { notes: names.length > 0 ? [`members: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`] : [] };
  },
  why: `This is a zip archive. If it holds a model, unzip it and drop the folder or the model file. ${FORMATS_HINT}`,
};

export const json: FormatModule = {
  id: 'json', label: 'a JSON file that is not a model', kind: 'mistake', runtime: null,
  match: ({ head }) => /^\s*[{[]/.test(leadingText(head)),
  describe: ({ head }) => {
    const keys = [...utf8(head.subarray(0, 2048)).matchAll(/"([\w.-]{1,40})"\s*:/g)].slice(0, 6).map((m) => m[1]);
    return { notes: keys.length > 0 ? [`keys: ${keys.join(', ')}`] : [] };
  },
  why: `This JSON file is not a model (a TF.js model.json has modelTopology and weightsManifest; a Hugging Face config.json needs the folder around it). ${FORMATS_HINT}`,
};

export const text: FormatModule = {
  id: 'text', label: 'a text file', kind: 'mistake', runtime: null,
  match: ({ head }) => printableShare(head.subarray(0, 512)) > 0.95,
  why: `This is a text file, not a model. ${FORMATS_HINT}`,
};

export const unknown: FormatModule = {
  id: 'unknown', label: 'an unrecognised file', kind: 'mistake', runtime: null,
  match: () => true,
  why: FORMATS_HINT,
};

/** The message for bytes nothing recognised, by the name the user gave them. */
export function unknownWhy(name: string): string {
  return extension(name) === '.onnx'
    ? `This is not an ONNX model: it does not start with ONNX's ir_version field (the file may be truncated, corrupt or of another format). ${FORMATS_HINT}`
    : `benchtab does not recognise this file's format from its first bytes. ${FORMATS_HINT}`;
}
