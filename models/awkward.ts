/**
 * A corpus of awkward ONNX graphs, the kinds real third-party models are: a recurrent voice model
 * with an int64 sample-rate scalar and a state input, optional inputs, dims named "?" or not named
 * at all, bool and int32 inputs, weights in external data, and a small encoder (a vocabulary of
 * 50, 16 positions). Each must run on benchtab's derived defaults; written to zoo/_awkward/.
 */
import { GraphBuilder, valueInfo } from './core/graph.ts';
import { encodeModel } from './onnx/encode.ts';
import { rawBytes } from './onnx/protos.ts';
import { DataType } from './onnx/types.ts';
import type { ZooFile } from './zoo.ts';

const FLOAT = DataType.FLOAT;

/** Like silero-vad: audio, a recurrent state and an int64 scalar sample rate (8000 or 16000). */
function recurrent(): Uint8Array {
  const g = new GraphBuilder(1, 'fp32');
  const audio = g.input('input', FLOAT, ['batch', 'N']);
  const state = g.input('state', FLOAT, [2, 'batch', 8]);
  const sr = g.input('sr', DataType.INT64, []);
  // A 64-sample window, stride 32: the STFT-like first convolution.
  const frames = g.op('Conv', [g.op('Unsqueeze', [audio, g.ints([1])]), g.weight('stft.weight', [8, 1, 64], { fanIn: 64 })], { strides: [32] });
  const features = g.op('ReduceMean', [frames], { axes: [2], keepdims: 0 });
  // The sample rate picks a row: 8000 → 0, 16000 → 1, anything else is out of range.
  const rate = g.op('Sub', [g.op('Div', [sr, g.scalar(8000, DataType.INT64)]), g.scalar(1, DataType.INT64)]);
  const bias = g.op('Gather', [g.weight('rate.bias', [2, 8], { fill: 0.1 }), rate]);
  const mixed = g.op('Add', [g.op('Add', [features, bias]), g.op('ReduceMean', [state], { axes: [0], keepdims: 0 })]);
  g.output(mixed, 'output', FLOAT, ['batch', 8]);
  g.output(g.op('Mul', [state, g.scalar(0.5)]), 'stateN', FLOAT, [2, 'batch', 8]);
  return encodeModel(g.model('recurrent', 'Awkward corpus: audio, state and an int64 sample-rate scalar.'));
}

/** An input that is also an initializer: optional, with a default the caller may override. */
function optionalInputs(): Uint8Array {
  const g = new GraphBuilder(2, 'fp32');
  const x = g.input('x', FLOAT, ['batch', 4]);
  const scale = g.weight('scale', [4], { fill: 2 });
  g.inputs.push(valueInfo(scale, FLOAT, [4]));
  g.output(g.op('Mul', [x, scale]), 'y', FLOAT, ['batch', 4]);
  return encodeModel(g.model('optional_inputs', 'Awkward corpus: an input with a default (an initializer of the same name).'));
}

/** Dims named "?" and a dim with neither a size nor a name. */
function unnamedDims(): Uint8Array {
  const g = new GraphBuilder(3, 'fp32');
  const x = g.input('x', FLOAT, ['?', 'seq', 3]);
  const dims = g.inputs[0]!.type.tensor_type.shape.dim;
  dims[1] = {}; // neither dim_value nor dim_param
  g.output(g.op('ReduceSum', [x, g.ints([1])], { keepdims: 0 }), 'y', FLOAT, ['?', 3]);
  return encodeModel(g.model('unnamed_dims', 'Awkward corpus: a dim named "?" and an unnamed one.'));
}

/** A bool flag and int32 counts beside a float input. */
function boolInt32(): Uint8Array {
  const g = new GraphBuilder(4, 'fp32');
  const flag = g.input('use_counts', DataType.BOOL, [1]);
  const counts = g.input('counts', DataType.INT32, ['batch', 4]);
  const x = g.input('x', FLOAT, ['batch', 4]);
  g.output(g.op('Where', [flag, g.op('Cast', [counts], { to: FLOAT }), x]), 'y', FLOAT, ['batch', 4]);
  return encodeModel(g.model('bool_int32', 'Awkward corpus: bool and int32 inputs.'));
}

/** A 4×4 MatMul whose weight lives in `location`; the data file is written unless told not to. */
function externalData(name: string, location: string, withFile = true): ZooFile[] {
  const g = new GraphBuilder(5, 'fp32');
  const x = g.input('x', FLOAT, ['batch', 4]);
  const values = Float32Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1 : 0.01 * i));
  g.initializers.push({
    name: 'w', dims: [4, 4], data_type: FLOAT, raw_data: new Uint8Array(0), data_location: 1,
    external_data: [{ key: 'location', value: location }, { key: 'offset', value: '0' }, { key: 'length', value: '64' }],
  });
  g.output(g.op('MatMul', [x, 'w']), 'y', FLOAT, ['batch', 4]);
  const files: ZooFile[] = [{ path: `${name}.onnx`, data: encodeModel(g.model(name, `Awkward corpus: weights in external data (${location}).`)) }];
  if (withFile) files.push({ path: location, data: rawBytes(values) });
  return files;
}

/** A tiny encoder: a vocabulary of 50 and 16 learned positions (computed with Range). */
function encoder50(): Uint8Array {
  const g = new GraphBuilder(6, 'fp32');
  const ids = g.input('input_ids', DataType.INT64, ['batch', 'sequence']);
  const mask = g.input('attention_mask', DataType.INT64, ['batch', 'sequence']);
  const tokens = g.op('Gather', [g.weight('embeddings.word_embeddings.weight', [50, 8], { fanIn: 8 }), ids]);
  const length = g.op('Gather', [g.op('Shape', [ids]), g.scalar(1, DataType.INT64)], { axis: 0 });
  const positions = g.op('Range', [g.scalar(0, DataType.INT64), length, g.scalar(1, DataType.INT64)]);
  const placed = g.op('Add', [tokens, g.op('Gather', [g.weight('embeddings.position_embeddings.weight', [16, 8], { fanIn: 8 }), positions])]);
  const masked = g.op('Mul', [placed, g.op('Unsqueeze', [g.op('Cast', [mask], { to: FLOAT }), g.ints([2])])]);
  g.output(masked, 'last_hidden_state', FLOAT, ['batch', 'sequence', 8]);
  return encodeModel(g.model('encoder_50', 'Awkward corpus: vocabulary 50, 16 positions.'));
}

/** Two inputs added together: their free dims must agree (the shape-mismatch case). */
function addTwo(): Uint8Array {
  const g = new GraphBuilder(7, 'fp32');
  const a = g.input('a', FLOAT, ['batch', 'n']);
  const b = g.input('b', FLOAT, ['batch', 'm']);
  g.output(g.op('Add', [a, b]), 'y', FLOAT, ['batch', 'n']);
  return encodeModel(g.model('add_two', 'Awkward corpus: two inputs whose dims must agree.'));
}

/** The corpus: every model here runs on derived defaults, except where its name says it fails. */
export function awkwardCorpus(): ZooFile[] {
  return [
    { path: 'recurrent.onnx', data: recurrent() },
    { path: 'optional-inputs.onnx', data: optionalInputs() },
    { path: 'unnamed-dims.onnx', data: unnamedDims() },
    { path: 'bool-int32.onnx', data: boolInt32() },
    ...externalData('external-data', 'external-data.onnx_data'),
    ...externalData('external-dotdata', 'external-dotdata.onnx.data'),
    { path: 'encoder-50.onnx', data: encoder50() },
    { path: 'add-two.onnx', data: addTwo() },
    ...externalData('external-missing', 'external-missing.onnx_data', false),
    ...externalData('external-escape', '../escape.onnx_data', false),
  ];
}

/** Names of the corpus models that must run on their defaults. */
export const AWKWARD_RUNNABLE = ['recurrent', 'optional-inputs', 'unnamed-dims', 'bool-int32', 'external-data', 'external-dotdata', 'encoder-50', 'add-two'];
