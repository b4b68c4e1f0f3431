import { toFloat16Array } from './float16.ts';
import { fillUniform, hashSeed } from './prng.ts';
import { attribute, rawBytes, valueInfo } from '../onnx/protos.ts';
import type { AttrValue, Dim } from '../onnx/protos.ts';
import { DataType } from '../onnx/types.ts';
import type { GraphProto, ModelProto, NodeProto, TensorProto, ValueInfoProto } from '../onnx/types.ts';
import { quantizeInt8 } from './quantize.ts';

export { valueInfo };
export type { AttrValue, Dim } from '../onnx/protos.ts';

/** Weight storage variants, named as transformers.js names its dtypes. */
export type Variant = 'fp32' | 'fp16' | 'q8';
/** How to fill a weight: uniform with a standard deviation of gain/sqrt(fanIn), or one constant. */
/** `adjust` edits seeded values in place; `values` holds rows from `firstRow` on (rows of the last dimension). */
export type WeightInit = { fanIn: number; gain?: number; adjust?: (values: Float32Array, firstRow: number) => void } | { fill: number };

/** Opset 17 is the first with LayerNormalization; every runtime we target supports it. */
export const OPSET = 17;
const IR_VERSION = 8;

/**
 * Builds one ONNX graph. Layers call `op`, `weight` and the constant helpers;
 * the variant decides how weights are stored and which float type the graph
 * computes in (fp16 computes in float16 and casts at the inputs and outputs).
 */
export class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly inputs: ValueInfoProto[] = [];
  readonly outputs: ValueInfoProto[] = [];
  /** The float type activations have inside the graph. */
  readonly floatType: DataType;
  /** Shape-only mode: initializers get dims but no bytes, for counting parameters of full presets cheaply. */
  readonly dryRun: boolean;
  readonly #shared: { counter: number; names: Set<string>; values: Map<string, string> };

  constructor(
    readonly seed: number,
    readonly variant: Variant,
    options: { dryRun?: boolean; parent?: GraphBuilder } = {},
  ) {
    this.floatType = variant === 'fp16' ? DataType.FLOAT16 : DataType.FLOAT;
    this.dryRun = options.dryRun ?? options.parent?.dryRun ?? false;
    this.#shared = options.parent ? options.parent.#shared : { counter: 0, names: new Set(), values: new Map() };
  }

  /** A builder for a nested graph (If branches): names stay unique across both scopes. */
  subgraph(): GraphBuilder {
    return new GraphBuilder(this.seed, this.variant, { parent: this });
  }

  /** A fresh value name; `hint` makes graphs readable in Netron. */
  fresh(hint: string): string {
    return `${hint}_${this.#shared.counter++}`;
  }

  /** Adds a node and returns its outputs. */
  opMulti(opType: string, inputs: string[], outputCount: number, attrs: Record<string, AttrValue> = {}, domain = ''): string[] {
    const name = this.fresh(opType);
    const output = Array.from({ length: outputCount }, (_, i) => `${name}:${i}`);
    const attribute_ = Object.entries(attrs).map(([key, value]) => attribute(key, value));
    const node: NodeProto = { input: inputs, output, name, op_type: opType, attribute: attribute_ };
    if (domain) node.domain = domain;
    this.nodes.push(node);
    return [...output]; // a copy: callers may extend the list they get back
  }

  /** Adds a single-output node and returns its output. */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    const [output] = this.opMulti(opType, inputs, 1, attrs);
    return output as string;
  }

  /** A graph input; float inputs are cast to the compute type. */
  input(name: string, elemType: DataType, shape: Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, shape));
    if (elemType === DataType.FLOAT && this.floatType !== DataType.FLOAT) return this.op('Cast', [name], { to: this.floatType });
    return name;
  }

  /** Marks `value` as the graph output `name`; compute-type floats are cast back to float32. */
  output(value: string, name: string, elemType: DataType, shape: Dim[]): void {
    let source = value;
    if (elemType === DataType.FLOAT && this.floatType !== DataType.FLOAT) source = this.op('Cast', [value], { to: DataType.FLOAT });
    this.nodes.push({ input: [source], output: [name], name: this.fresh('Identity'), op_type: 'Identity', attribute: [] });
    this.outputs.push(valueInfo(name, elemType, shape));
  }

  #addInitializer(name: string, dims: number[], dataType: DataType, data: ArrayBufferView): string {
    if (this.#shared.names.has(name)) throw new Error(`duplicate weight name ${name}`);
    this.#shared.names.add(name);
    this.initializers.push({ name, dims, data_type: dataType, raw_data: rawBytes(data) });
    return name;
  }

  /** Float32 values for a weight, seeded by its name (empty in dry-run mode). */
  weightValues(name: string, shape: number[], init: WeightInit): Float32Array {
    const values = new Float32Array(this.dryRun ? 0 : shape.reduce((a, b) => a * b, 1));
    if ('fill' in init) values.fill(init.fill);
    else fillUniform(values, hashSeed(this.seed, name), ((init.gain ?? 1) * Math.sqrt(3)) / Math.sqrt(init.fanIn));
    if ('adjust' in init && values.length > 0) init.adjust?.(values, 0);
    return values;
  }

  /**
   * The same values as weightValues, `rows` rows of a 2-D weight at a time (one continuing
   * random stream), so a caller can encode a large table without holding it whole in float32.
   */
  *weightChunks(name: string, shape: [number, number], init: { fanIn: number; gain?: number; adjust?: (values: Float32Array, firstRow: number) => void }, rows: number): Generator<Float32Array> {
    let state = hashSeed(this.seed, name);
    const bound = ((init.gain ?? 1) * Math.sqrt(3)) / Math.sqrt(init.fanIn);
    for (let first = 0; first < shape[0]; first += rows) {
      const chunk = new Float32Array(Math.min(rows, shape[0] - first) * shape[1]);
      state = fillUniform(chunk, state, bound);
      init.adjust?.(chunk, first);
      yield chunk;
    }
  }

  /**
   * A learned tensor, returned as a compute-type value. q8 stores matrices and
   * kernels as int8 with a per-tensor scale and dequantizes them in the graph.
   */
  weight(name: string, shape: number[], init: WeightInit): string {
    const cached = this.#shared.values.get(name);
    if (cached) return cached;
    const value = this.storeWeight(name, shape, this.weightValues(name, shape, init));
    this.#shared.values.set(name, value);
    return value;
  }

  /** Stores given float32 values in the variant's form; used directly for derived copies (a transposed tied head). */
  storeWeight(name: string, shape: number[], values: Float32Array): string {
    if (this.variant === 'fp16') return this.#addInitializer(name, shape, DataType.FLOAT16, toFloat16Array(values));
    if (this.variant === 'q8' && shape.length >= 2) {
      const [quantized, scale] = quantizeInt8(values);
      const stored = this.#addInitializer(`${name}_quantized`, shape, DataType.INT8, quantized);
      return this.op('DequantizeLinear', [stored, this.scalar(scale, DataType.FLOAT), this.scalar(0, DataType.INT8)]);
    }
    return this.#addInitializer(name, shape, DataType.FLOAT, values);
  }

  /**
   * x·W for a learned W [in, out]. q8 follows onnxruntime's quantize_dynamic,
   * as transformers.js' model_quantized.onnx files do: the activation is
   * quantised per run (DynamicQuantizeLinear), multiplied by the int8 weight
   * with MatMulInteger, and rescaled. `values` overrides the seeded values.
   */
  matmul(x: string, name: string, shape: [number, number], init: WeightInit, values?: Float32Array): string {
    if (this.variant !== 'q8') {
      const w = values ? this.storeWeight(name, shape, values) : this.weight(name, shape, init);
      return this.op('MatMul', [x, w]);
    }
    const [quantized, scale] = quantizeInt8(values ?? this.weightValues(name, shape, init));
    const stored = this.#addInitializer(`${name}_quantized`, shape, DataType.INT8, quantized);
    const [xq, xScale, xZero] = this.opMulti('DynamicQuantizeLinear', [x], 3) as [string, string, string];
    const product = this.op('MatMulInteger', [xq, stored, xZero, this.scalar(0, DataType.INT8)]);
    const rescale = this.op('Mul', [xScale, this.scalar(scale, DataType.FLOAT)]);
    return this.op('Mul', [this.op('Cast', [product], { to: DataType.FLOAT }), rescale]);
  }

  /** Row lookup into an embedding table; q8 gathers int8 rows and dequantizes only those. */
  embedding(name: string, shape: [number, number], indices: string, init: WeightInit): string {
    if (this.variant !== 'q8') return this.op('Gather', [this.weight(name, shape, init), indices]);
    const [quantized, scale] = quantizeInt8(this.weightValues(name, shape, init));
    const stored = this.#addInitializer(`${name}_quantized`, shape, DataType.INT8, quantized);
    const rows = this.op('Gather', [stored, indices]);
    return this.op('DequantizeLinear', [rows, this.scalar(scale, DataType.FLOAT), this.scalar(0, DataType.INT8)]);
  }

  /** A constant tensor as a Constant node: not an initializer, so not counted as a parameter. */
  constant(values: number[], shape: number[], dataType: DataType): string {
    const data =
      dataType === DataType.INT64
        ? BigInt64Array.from(values.map((v) => BigInt(v)))
        : dataType === DataType.INT8
          ? Int8Array.from(values)
          : dataType === DataType.FLOAT16
            ? toFloat16Array(Float32Array.from(values))
            : dataType === DataType.BOOL
              ? Uint8Array.from(values)
              : Float32Array.from(values);
    const tensor: TensorProto = { name: this.fresh('const'), dims: shape, data_type: dataType, raw_data: rawBytes(data) };
    return this.op('Constant', [], { value: { tensor } });
  }

  /** A scalar in the compute float type unless `dataType` says otherwise. */
  scalar(value: number, dataType: DataType = this.floatType): string {
    return this.constant([value], [], dataType);
  }

  /** A 1-D int64 tensor, the form shape and axes inputs take. */
  ints(values: number[]): string {
    return this.constant(values, [values.length], DataType.INT64);
  }

  graph(name: string): GraphProto {
    return { name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs };
  }

  model(name: string, docString: string, metadata: Record<string, string> = {}): ModelProto {
    return {
      ir_version: IR_VERSION,
      opset_import: [{ domain: '', version: OPSET }],
      producer_name: 'benchtab-synthetic',
      producer_version: '1',
      doc_string: docString,
      graph: this.graph(name),
      metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    };
  }
}
