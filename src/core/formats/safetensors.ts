/**
 * safetensors: a u64 little-endian header length N, then N bytes of JSON (tensor name → dtype,
 * shape, data offsets; "__metadata__" free strings), then the raw tensors. The header is all the
 * description needs. Its index (model.safetensors.index.json) maps tensors to shards.
 */
import { addTo, baseName, elements, leadingText, u64, utf8 } from './bytes.ts';
import { hfConversions } from './conversions.ts';
import { MAX_HEADER_BYTES, type Contents, type FileSample, type FormatModule } from './types.ts';

interface TensorEntry {
  dtype: string;
  shape: number[];
}

function headerLength(head: Uint8Array): number {
  return head.length >= 8 ? u64(head, 0) : 0;
}

export function describeSafetensors(head: Uint8Array): Contents {
  const length = headerLength(head);
  if (8 + length > head.length) return { notes: [`header of ${length} bytes not read (the sample holds ${head.length})`] };
  const header = JSON.parse(utf8(head.subarray(8, 8 + length))) as Record<string, TensorEntry | Record<string, string>>;
  const dtypes: Record<string, number> = {};
  let tensors = 0;
  let parameters = 0;
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const tensor = entry as TensorEntry;
    const count = elements(tensor.shape ?? []);
    tensors++;
    parameters += count;
    addTo(dtypes, tensor.dtype, count);
  }
  const metadata = (header.__metadata__ ?? {}) as Record<string, string>;
  return {
    tensors, parameters, dtypes,
    ...(metadata.format ? { producer: `format: ${metadata.format}` } : {}),
  };
}

export const safetensors: FormatModule = {
  id: 'safetensors',
  label: 'safetensors weights file',
  kind: 'model',
  runtime: null,
  match: ({ head, size }) => {
    const length = headerLength(head);
    return length > 1 && length < Math.max(size, 9) && length <= MAX_HEADER_BYTES * 8 && head[8] === 0x7b;
  },
  headerBytes: (head) => Math.min(8 + headerLength(head), MAX_HEADER_BYTES),
  describe: ({ head }) => describeSafetensors(head),
  why: 'safetensors holds weights only, no computation graph: running it needs the model\'s Python code. A browser runtime needs the graph with the weights (ONNX, TF.js, TFLite or GGUF).',
  convert: hfConversions,
};

function isIndex({ head, name }: FileSample): boolean {
  return /\.safetensors\.index\.json$/i.test(baseName(name)) || (/^\s*\{/.test(leadingText(head)) && /"weight_map"\s*:/.test(utf8(head)));
}

export const safetensorsIndex: FormatModule = {
  id: 'safetensors-index',
  label: 'safetensors index (a sharded checkpoint)',
  kind: 'part',
  runtime: null,
  match: isIndex,
  describe: ({ head }) => {
    const text = utf8(head);
    const total = /"total_size"\s*:\s*(\d+)/.exec(text)?.[1];
    const shards = new Set(text.match(/"[^"]+\.safetensors"/g) ?? []);
    return { notes: [`${shards.size} shard file(s)`, ...(total ? [`${total} bytes of weights`] : [])] };
  },
  why: 'This index lists which shard holds each tensor of a sharded safetensors checkpoint: weights only, no graph.',
  convert: hfConversions,
};
