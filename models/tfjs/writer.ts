/**
 * Accumulates TF GraphDef nodes in the JSON form tfjs-converter's model.json
 * uses (strings base64, integers as decimal strings) and packs the weights into
 * 4 MB shards, the converter's default shard size.
 */

type Attr = Record<string, unknown>;
interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr: Record<string, Attr>;
}
interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
}

const SHARD_BYTES = 4 * 1024 * 1024;

function base64(text: string): string {
  return btoa(text);
}

const str = (text: string): Attr => ({ s: base64(text) });
const ints = (values: number[]): Attr => ({ list: { i: values.map(String) } });
const FLOAT: Attr = { type: 'DT_FLOAT' };
const shapeOf = (dims: number[]) => ({ dim: dims.map((d) => ({ size: String(d) })) });

export class TfGraphWriter {
  readonly #nodes: TfNode[] = [];
  readonly #specs: WeightSpec[] = [];
  readonly #data: Uint8Array[] = [];

  placeholder(name: string, dims: number[]): string {
    this.#nodes.push({ name, op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: shapeOf(dims) } } });
    return name;
  }

  #const(name: string, dims: number[], dtype: 'float32' | 'int32', bytes: Uint8Array): string {
    const type = dtype === 'float32' ? 'DT_FLOAT' : 'DT_INT32';
    this.#nodes.push({ name, op: 'Const', attr: { value: { tensor: { dtype: type, tensorShape: shapeOf(dims) } }, dtype: { type } } });
    this.#specs.push({ name, shape: dims, dtype });
    this.#data.push(bytes);
    return name;
  }

  constFloat(name: string, dims: number[], values: Float32Array): string {
    return this.#const(name, dims, 'float32', new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  constInt(name: string, values: number[], dims = [values.length]): string {
    const data = Int32Array.from(values);
    return this.#const(name, dims, 'int32', new Uint8Array(data.buffer));
  }

  #op(name: string, op: string, input: string[], attr: Record<string, Attr> = {}): string {
    this.#nodes.push({ name, op, input, attr: { T: FLOAT, ...attr } });
    return name;
  }

  conv(name: string, x: string, filter: string, o: { depthwise: boolean; stride: number; pad: number; bias?: string | undefined; activation?: string | undefined }): string {
    const fusedOps = [...(o.bias ? ['BiasAdd'] : []), ...(o.activation ? [o.activation] : [])];
    const padding: Record<string, Attr> = o.pad > 0 ? { padding: str('EXPLICIT'), explicit_paddings: ints([0, 0, o.pad, o.pad, o.pad, o.pad, 0, 0]) } : { padding: str('VALID') };
    const attr: Record<string, Attr> = { strides: ints([1, o.stride, o.stride, 1]), dilations: ints([1, 1, 1, 1]), data_format: str('NHWC'), ...padding };
    if (fusedOps.length === 0) return this.#op(name, o.depthwise ? 'DepthwiseConv2dNative' : 'Conv2D', [x, filter], attr);
    const fused = { ...attr, fused_ops: { list: { s: fusedOps.map(base64) } }, num_args: { i: o.bias ? '1' : '0' } };
    return this.#op(name, o.depthwise ? 'FusedDepthwiseConv2dNative' : '_FusedConv2D', [x, filter, ...(o.bias ? [o.bias] : [])], fused);
  }

  unary(op: string, name: string, x: string): string {
    return this.#op(name, op, [x]);
  }

  binary(op: string, name: string, a: string, b: string): string {
    return this.#op(name, op, [a, b]);
  }

  /**
   * TF.js pooling has no explicit padding, so PyTorch's symmetric padding is a
   * PadV2 with the lowest float first (as Keras exports pad with ZeroPadding2D).
   */
  maxPool(name: string, x: string, kernel: number, stride: number, pad: number): string {
    let source = x;
    if (pad > 0) {
      const paddings = this.constInt(`${name}/paddings`, [0, 0, pad, pad, pad, pad, 0, 0], [4, 2]);
      const lowest = this.constFloat(`${name}/lowest`, [], Float32Array.of(-3.4028234663852886e38));
      source = this.#op(`${name}/pad`, 'PadV2', [x, paddings, lowest], { Tpaddings: { type: 'DT_INT32' } });
    }
    return this.#op(name, 'MaxPool', [source], { ksize: ints([1, kernel, kernel, 1]), strides: ints([1, stride, stride, 1]), padding: str('VALID'), data_format: str('NHWC') });
  }

  spatialMean(name: string, x: string): string {
    return this.#op(name, 'Mean', [x, this.constInt(`${name}/reduction_indices`, [1, 2])], { keep_dims: { b: true }, Tidx: { type: 'DT_INT32' } });
  }

  squeezeSpatial(name: string, x: string): string {
    return this.#op(name, 'Squeeze', [x], { squeeze_dims: ints([1, 2]) });
  }

  /** x·Wᵀ + b with W stored [out, in], as _FusedMatMul with transpose_b. */
  denseTransposed(name: string, x: string, weight: string, bias: string): string {
    return this.#op(name, '_FusedMatMul', [x, weight, bias], {
      transpose_a: { b: false },
      transpose_b: { b: true },
      fused_ops: { list: { s: [base64('BiasAdd')] } },
      num_args: { i: '1' },
    });
  }

  transpose(name: string, x: string, perm: number[]): string {
    return this.#op(name, 'Transpose', [x, this.constInt(`${name}/perm`, perm)], { Tperm: { type: 'DT_INT32' } });
  }

  reshape(name: string, x: string, shape: number[]): string {
    return this.#op(name, 'Reshape', [x, this.constInt(`${name}/shape`, shape)], { Tshape: { type: 'DT_INT32' } });
  }

  /** SplitV: one output per size, referenced as name, name:1, …. */
  split(name: string, x: string, sizes: number[], axis: number): string[] {
    this.#op(name, 'SplitV', [x, this.constInt(`${name}/sizes`, sizes), this.constInt(`${name}/axis`, [axis], [])], { num_split: { i: String(sizes.length) }, Tlen: { type: 'DT_INT32' } });
    return sizes.map((_, i) => (i === 0 ? name : `${name}:${i}`));
  }

  concat(name: string, inputs: string[], axis: number): string {
    return this.#op(name, 'ConcatV2', [...inputs, this.constInt(`${name}/axis`, [axis], [])], { N: { i: String(inputs.length) }, Tidx: { type: 'DT_INT32' } });
  }

  /** Nearest-neighbour resize to [height, width]; half-pixel centres match ONNX's default for ×2. */
  resizeNearest(name: string, x: string, height: number, width: number): string {
    return this.#op(name, 'ResizeNearestNeighbor', [x, this.constInt(`${name}/size`, [height, width])], {
      align_corners: { b: false },
      half_pixel_centers: { b: true },
    });
  }

  identity(name: string, x: string): string {
    return this.#op(name, 'Identity', [x]);
  }

  finish(input: { name: string; dims: number[] }, outputs: { name: string; dims: number[] }[]) {
    const total = this.#data.reduce((n, d) => n + d.length, 0);
    const all = new Uint8Array(total);
    let offset = 0;
    for (const d of this.#data) {
      all.set(d, offset);
      offset += d.length;
    }
    const count = Math.max(1, Math.ceil(total / SHARD_BYTES));
    const shards: Record<string, Uint8Array> = {};
    for (let i = 0; i < count; i++) shards[`group1-shard${i + 1}of${count}.bin`] = all.subarray(i * SHARD_BYTES, Math.min(total, (i + 1) * SHARD_BYTES));
    const signatureOf = (v: { name: string; dims: number[] }) => ({ name: `${v.name}:0`, dtype: 'DT_FLOAT', tensorShape: shapeOf(v.dims) });
    const modelJson = {
      format: 'graph-model',
      generatedBy: 'benchtab-synthetic',
      convertedBy: 'benchtab models/tfjs (synthetic weights: latency only)',
      signature: {
        inputs: { [input.name]: signatureOf(input) },
        outputs: Object.fromEntries(outputs.map((o) => [o.name, signatureOf(o)])),
      },
      modelTopology: { node: this.#nodes, library: {}, versions: { producer: 1 } },
      weightsManifest: [{ paths: Object.keys(shards), weights: this.#specs }],
    };
    return { modelJson, shards };
  }
}
