/**
 * NumPy arrays: .npy ("\x93NUMPY", version, a header length, a Python dict literal with descr,
 * fortran_order and shape) and .npz (a zip of .npy members). Data, not models.
 */
import { extension, startsWith, utf8, view } from './bytes.ts';
import type { FormatModule } from './types.ts';
import { isZip, zipNames } from './zip.ts';

const MAGIC = [0x93, ...'NUMPY'.split('').map((c) => c.charCodeAt(0))];

export const numpy: FormatModule = {
  id: 'numpy',
  label: 'NumPy array (.npy)',
  kind: 'data',
  runtime: null,
  match: ({ head }) => startsWith(head, MAGIC),
  describe: ({ head }) => {
    const major = head[6] ?? 1;
    const length = major === 1 ? view(head).getUint16(8, true) : view(head).getUint32(8, true);
    const start = major === 1 ? 10 : 12;
    const header = utf8(head.subarray(start, start + length));
    const dtype = /'descr':\s*'([^']*)'/.exec(header)?.[1];
    const shape = /'shape':\s*(\([^)]*\))/.exec(header)?.[1];
    return { version: `NPY ${major}.${head[7] ?? 0}`, notes: [...(dtype ? [`dtype ${dtype}`] : []), ...(shape ? [`shape ${shape}`] : [])] };
  },
  why: 'This is an array of numbers, not a model: it has no graph to run. (Model inputs here are synthesized from the model\'s signature.)',
};

export const numpyZip: FormatModule = {
  id: 'numpy-zip',
  label: 'NumPy archive (.npz)',
  kind: 'data',
  runtime: null,
  match: ({ head, tail, name }) => isZip(head) && (extension(name) === '.npz' || (() => { const n = zipNames(head, tail); return n.length > 0 && n.every((e) => e.endsWith('.npy')); })()),
  describe: ({ head, tail }) => ({ tensors: zipNames(head, tail).length }),
  why: 'This is a set of arrays (weights or data), not a model: without the code that uses them there is no graph to run.',
};
