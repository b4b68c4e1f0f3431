/**
 * Byte builders for the format corpus: header-faithful files of every format the seed names,
 * made here (no downloads). Formats no browser runs need only what their header readers and
 * Netron-style matchers look at; the layouts follow each format's published spec.
 */
import { zipSync, strToU8 } from 'fflate';

const enc = new TextEncoder();

export function concat(...parts: (Uint8Array | string | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) { out.set(a, at); at += a.length; }
  return out;
}

function u32(n: number): Uint8Array { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; }
function u64(n: number): Uint8Array { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(n), true); return b; }

/** Deterministic filler bytes (a tiny LCG), so fixtures are byte-identical across runs. */
export function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) { s = (s * 1103515245 + 12345) >>> 0; out[i] = s >>> 24; }
  return out;
}

const BYTES_PER: Record<string, number> = { F32: 4, F16: 2, BF16: 2, I8: 1, U8: 1, I64: 8, I32: 4 };

/** safetensors: u64 header length, JSON header, then the tensors back to back. */
export function safetensorsFile(tensors: Record<string, { dtype: string; shape: number[] }>, metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const bytes = t.shape.reduce((n, d) => n * d, 1) * BYTES_PER[t.dtype]!;
    header[name] = { ...t, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  return concat(u64(json.length), json, noise(offset));
}

function ggufString(s: string): Uint8Array { const b = enc.encode(s); return concat(u64(b.length), b); }

/** GGUF v3 header: metadata only, no tensors (gguf.md: type 4 = u32, 8 = string, 9 = array). */
export function ggufHeader(): Uint8Array {
  const kv: Uint8Array[] = [
    concat(ggufString('general.architecture'), u32(8), ggufString('llama')),
    concat(ggufString('general.name'), u32(8), ggufString('corpus-tiny')),
    concat(ggufString('llama.block_count'), u32(4), u32(2)),
    concat(ggufString('llama.context_length'), u32(4), u32(128)),
    concat(ggufString('general.file_type'), u32(4), u32(7)),
    concat(ggufString('tokenizer.ggml.tokens'), u32(9), u32(8), u64(3), ggufString('<s>'), ggufString('</s>'), ggufString('a')),
  ];
  return concat('GGUF', u32(3), u64(0), u64(kv.length), ...kv);
}

/** A stored (uncompressed) zip, as torch.save and Keras write. */
export function zip(members: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 0, mtime: new Date('2026-01-01T00:00:00Z') });
}

/** Pickle protocol 4 bytes naming a class by module, as scikit-learn's files do; never run. */
export function pickleBytes(module: string, name: string): Uint8Array {
  const body = concat([0x8c, module.length], module, [0x94, 0x8c, name.length], name, [0x94, 0x93, 0x94, 0x29, 0x81, 0x94, 0x7d, 0x94, 0x62, 0x2e]);
  return concat([0x80, 0x04, 0x95], u64(body.length), body);
}

export const TORCH_LEGACY_MAGIC = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e];

export function pytorchZip(torchScript: boolean): Uint8Array {
  const members: Record<string, Uint8Array | string> = {
    'archive/data.pkl': pickleBytes('collections', 'OrderedDict'),
    'archive/byteorder': 'little',
    'archive/data/0': noise(64),
    'archive/data/1': noise(16, 3),
    'archive/version': '3\n',
  };
  if (torchScript) {
    members['archive/constants.pkl'] = pickleBytes('torch._utils', '_rebuild_tensor_v2');
    members['archive/code/__torch__/model.py'] = 'class Model(Module):\n  def forward(self, x):\n    return x\n';
  }
  return zip(members);
}

const HDF5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** HDF5 superblock signature and, where Keras wrote them, its attributes as text. */
export function hdf5(keras: boolean): Uint8Array {
  const attrs = keras ? 'keras_version\0\0\0\x002.15.0\0backend\0tensorflow\0model_config\0{"class_name": "Sequential", "config": {"name": "tiny"}}\0' : 'weights\0';
  return concat(HDF5, [0, 0, 0, 0, 0, 8, 8, 0, 4, 0, 16, 0], noise(96), attrs, new Uint8Array(512));
}

export function npy(shape: number[], dtype = '<f4'): Uint8Array {
  let header = `{'descr': '${dtype}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const bytes = shape.reduce((n, d) => n * d, 1) * 4;
  return concat([0x93], 'NUMPY', [1, 0, header.length & 0xff, header.length >> 8], header, noise(bytes));
}

/** A flatbuffer head with a file identifier and nothing valid behind it. */
export function flatbufferHead(identifier: string, length = 96): Uint8Array {
  return concat(u32(16), identifier, noise(length - 8, 11));
}

/** A protobuf that starts like Core ML's Model (specificationVersion 5, a description). */
export function mlmodel(): Uint8Array {
  return concat([0x08, 0x05, 0x12, 0x0c, 0x0a, 0x0a, 0x0a, 0x05], 'input', [0x1a, 0x01, 0x00], noise(64, 5));
}

export function savedModelPb(): Uint8Array {
  return concat([0x08, 0x01, 0x12, 0x17, 0x0a, 0x15, 0x12, 0x05], 'serve', [0x22, 0x06], '2.15.0', [0x2a, 0x04], 'v2.1', noise(32, 9));
}

export const OPENVINO_XML = `<?xml version="1.0"?>
<net name="corpus-tiny" version="11">
  <layers>
    <layer id="0" name="input" type="Parameter" version="opset1"><data shape="1,3,32,32" element_type="f32"/></layer>
    <layer id="1" name="relu" type="ReLU" version="opset1"/>
    <layer id="2" name="output" type="Result" version="opset1"/>
  </layers>
  <edges><edge from-layer="0" from-port="0" to-layer="1" to-port="0"/><edge from-layer="1" from-port="1" to-layer="2" to-port="0"/></edges>
</net>
`;

export const MLPACKAGE_MANIFEST = JSON.stringify({
  fileFormatVersion: '1.0.0',
  itemInfoEntries: { '4A1E': { author: 'com.apple.CoreML', description: 'CoreML Model Specification', name: 'model.mlmodel', path: 'com.apple.CoreML/model.mlmodel' } },
  rootModelIdentifier: '4A1E',
}, null, 2);

export const LFS_POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${'3f'.repeat(32)}\nsize 102400000\n`;
export const HTML_404 = '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n';
