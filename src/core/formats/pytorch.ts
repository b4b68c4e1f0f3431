/**
 * PyTorch, never unpickled: a zip checkpoint (torch.save since 1.6) has an "<archive>/data.pkl"
 * member; a TorchScript archive (torch.jit.save) also has constants.pkl and code/; a legacy file
 * (before 1.6) is a pickle starting with torch's magic number 0x1950a86a20f9469cfc6c; any other
 * pickle (.pkl, joblib) is named by the modules its GLOBAL opcodes mention, read as text.
 */
import { ascii, baseName, extension, startsWith } from './bytes.ts';
import { TORCH_TO_ONNX } from './conversions.ts';
import type { Contents, FileSample, FormatModule } from './types.ts';
import { isZip, zipNames } from './zip.ts';

const PICKLE_PROTO = 0x80;
/** pickle PROTO 2, LONG1 of 10 bytes: torch's legacy MAGIC_NUMBER (torch/serialization.py). */
const LEGACY_MAGIC = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

function names(sample: FileSample): string[] {
  return isZip(sample.head) ? zipNames(sample.head, sample.tail) : [];
}

const has = (entries: string[], member: string) => entries.some((e) => e === member || e.endsWith(`/${member}`));

function describeZip(sample: FileSample): Contents {
  const entries = names(sample);
  const version = entries.find((e) => e.endsWith('/version') || e === 'version');
  const tensors = entries.filter((e) => /\/data\/\d+$/.test(e)).length;
  return {
    ...(tensors > 0 ? { tensors } : {}),
    notes: [`${entries.length} archive members`, ...(version ? [`serialization record: ${version}`] : [])],
  };
}

const WHY_PICKLE = 'PyTorch files are Python pickles: loading one runs Python code and needs the model\'s class, so no browser runtime reads them (and benchtab never unpickles them).';

export const torchScript: FormatModule = {
  id: 'torchscript',
  label: 'TorchScript archive (torch.jit.save)',
  kind: 'model',
  runtime: null,
  match: (sample) => { const e = names(sample); return has(e, 'constants.pkl') || e.some((n) => n.includes('/code/')); },
  describe: describeZip,
  why: 'TorchScript runs in libtorch (C++), which has no browser build. The graph is there, so it converts directly.',
  convert: [{ ...TORCH_TO_ONNX, commands: ['model = torch.jit.load("model.pt")', 'torch.onnx.export(model, (example_input,), "model.onnx")'], note: 'No Python class needed: the archive carries the TorchScript code.' }],
};

export const pytorchZip: FormatModule = {
  id: 'pytorch-zip',
  label: 'PyTorch checkpoint (torch.save, zip)',
  kind: 'model',
  runtime: null,
  match: (sample) => has(names(sample), 'data.pkl'),
  describe: describeZip,
  why: WHY_PICKLE,
  convert: [TORCH_TO_ONNX],
};

export const pytorchLegacy: FormatModule = {
  id: 'pytorch-legacy',
  label: 'PyTorch checkpoint (legacy, before 1.6)',
  kind: 'model',
  runtime: null,
  match: ({ head }) => startsWith(head, LEGACY_MAGIC),
  describe: () => ({ notes: ['pickle protocol 2 with torch\'s magic number'] }),
  why: WHY_PICKLE,
  convert: [TORCH_TO_ONNX],
};

/** Module names a pickle's GLOBAL/STACK_GLOBAL opcodes refer to, read as text, never run. */
function pickleModules(head: Uint8Array): string[] {
  const text = ascii(head, 0, Math.min(head.length, 64 * 1024));
  const found = text.match(/\b(sklearn|torch|numpy|xgboost|lightgbm|joblib|pandas|keras|tensorflow|catboost|collections|builtins)\b/g) ?? [];
  return [...new Set(found)];
}

export const pickle: FormatModule = {
  id: 'pickle',
  label: 'Python pickle',
  kind: 'model',
  runtime: null,
  match: ({ head, name }) => (head[0] === PICKLE_PROTO && head[1]! >= 2 && head[1]! <= 5) || (['.pkl', '.pickle', '.joblib'].includes(extension(name)) && head.length > 0 && !isZip(head)),
  describe: ({ head }) => {
    const modules = pickleModules(head);
    return {
      ...(head[0] === PICKLE_PROTO ? { version: `pickle protocol ${head[1]}` } : {}),
      ...(modules.length > 0 ? { producer: modules.join(', ') } : {}),
      notes: ['a research format: the seed warns against .pkl in production'],
    };
  },
  why: 'A pickle is Python objects serialised with the code to rebuild them: opening one runs code, so it is unsafe to load from anyone you do not trust, and no browser runtime reads it.',
  convert: [
    { to: 'ONNX', runtime: 'ort', commands: ['pip install skl2onnx', 'onx = skl2onnx.to_onnx(model, X[:1])', 'open("model.onnx", "wb").write(onx.SerializeToString())'], note: 'scikit-learn models (skl2onnx); for PyTorch use torch.onnx.export.' },
    TORCH_TO_ONNX,
  ],
};

export function isTorchName(name: string): boolean {
  return ['.pt', '.pth', '.bin', '.ckpt'].includes(extension(name)) || baseName(name) === 'pytorch_model.bin';
}
