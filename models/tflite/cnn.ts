/**
 * The zoo's tiny vision CNN (the TF.js graph model's architecture and seeded weights) as a
 * TFLite flatbuffer: CONV_2D ×2 (SAME, stride 2, fused ReLU) → MEAN over H, W → FULLY_CONNECTED
 * → SOFTMAX, NHWC float32, batch 1. Kernels move from TF.js's HWIO to TFLite's OHWI, the dense
 * kernel from [in, out] to [out, in].
 */
import { Builder } from 'flatbuffers';
import { cnnWeights, type NamedWeight } from '../tfjs/weights.ts';
import {
  Activation, buffer, conv2dOptions, fullyConnectedOptions, model, Op, operator, operatorCode, Options, Padding,
  reducerOptions, signatureDef, softmaxOptions, subGraph, tensor, TensorType,
} from './schema.ts';

function bytes(data: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** [kh, kw, in, out] → [out, kh, kw, in]. */
function hwioToOhwi(w: NamedWeight): { shape: number[]; data: Float32Array } {
  const [kh, kw, ci, co] = w.shape as [number, number, number, number];
  const out = new Float32Array(w.data.length);
  for (let h = 0; h < kh; h++) for (let x = 0; x < kw; x++) for (let i = 0; i < ci; i++) for (let o = 0; o < co; o++) {
    out[((o * kh + h) * kw + x) * ci + i] = w.data[((h * kw + x) * ci + i) * co + o]!;
  }
  return { shape: [co, kh, kw, ci], data: out };
}

function transpose2d(w: NamedWeight): { shape: number[]; data: Float32Array } {
  const [rows, cols] = w.shape as [number, number];
  const out = new Float32Array(w.data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = w.data[r * cols + c]!;
  return { shape: [cols, rows], data: out };
}

export function tfliteCnn(size: number, classes: number, seed: number): Uint8Array {
  const w = Object.fromEntries(cnnWeights(classes, seed).map((x) => [x.name, x]));
  const conv1 = hwioToOhwi(w['conv1/kernel']!);
  const conv2 = hwioToOhwi(w['conv2/kernel']!);
  const fc = transpose2d(w['fc/kernel']!);
  const b = new Builder(64 * 1024);
  // Buffer 0 is the empty sentinel every activation tensor points at.
  const constants: [string, number[], number, Uint8Array][] = [
    ['conv1/kernel', conv1.shape, TensorType.FLOAT32, bytes(conv1.data)],
    ['conv1/bias', [8], TensorType.FLOAT32, bytes(w['conv1/bias']!.data)],
    ['conv2/kernel', conv2.shape, TensorType.FLOAT32, bytes(conv2.data)],
    ['conv2/bias', [16], TensorType.FLOAT32, bytes(w['conv2/bias']!.data)],
    ['pool/axes', [2], TensorType.INT32, bytes(w['pool/axes']!.data)],
    ['fc/kernel', fc.shape, TensorType.FLOAT32, bytes(fc.data)],
    ['fc/bias', [classes], TensorType.FLOAT32, bytes(w['fc/bias']!.data)],
  ];
  const buffers = [buffer(b), ...constants.map(([, , , data]) => buffer(b, data))];
  const half = Math.ceil(size / 2);
  const quarter = Math.ceil(half / 2);
  const specs: { name: string; shape: number[]; type: number; buffer: number }[] = [
    { name: 'pixel_values', shape: [1, size, size, 3], type: TensorType.FLOAT32, buffer: 0 },
    ...constants.map(([name, shape, type], i) => ({ name, shape, type, buffer: i + 1 })),
    { name: 'conv1/Relu', shape: [1, half, half, 8], type: TensorType.FLOAT32, buffer: 0 },
    { name: 'conv2/Relu', shape: [1, quarter, quarter, 16], type: TensorType.FLOAT32, buffer: 0 },
    { name: 'pool/Mean', shape: [1, 16], type: TensorType.FLOAT32, buffer: 0 },
    { name: 'fc/BiasAdd', shape: [1, classes], type: TensorType.FLOAT32, buffer: 0 },
    { name: 'logits', shape: [1, classes], type: TensorType.FLOAT32, buffer: 0 },
  ];
  const index = (name: string) => specs.findIndex((s) => s.name === name);
  const tensors = specs.map((s) => tensor(b, s));
  const codes = [Op.CONV_2D, Op.MEAN, Op.FULLY_CONNECTED, Op.SOFTMAX];
  const conv = (input: string, name: string) => operator(b, {
    opcode: 0, inputs: [index(input), index(`${name}/kernel`), index(`${name}/bias`)], outputs: [index(`${name}/Relu`)],
    optionsType: Options.Conv2DOptions, options: conv2dOptions(b, { padding: Padding.SAME, stride: 2, activation: Activation.RELU }),
  });
  const operators = [
    conv('pixel_values', 'conv1'),
    conv('conv1/Relu', 'conv2'),
    operator(b, { opcode: 1, inputs: [index('conv2/Relu'), index('pool/axes')], outputs: [index('pool/Mean')], optionsType: Options.ReducerOptions, options: reducerOptions(b, false) }),
    operator(b, { opcode: 2, inputs: [index('pool/Mean'), index('fc/kernel'), index('fc/bias')], outputs: [index('fc/BiasAdd')], optionsType: Options.FullyConnectedOptions, options: fullyConnectedOptions(b, Activation.NONE) }),
    operator(b, { opcode: 3, inputs: [index('fc/BiasAdd')], outputs: [index('logits')], optionsType: Options.SoftmaxOptions, options: softmaxOptions(b, 1) }),
  ];
  const graph = subGraph(b, { tensors, inputs: [index('pixel_values')], outputs: [index('logits')], operators, name: 'main' });
  const signature = signatureDef(b, { key: 'serving_default', inputs: [['pixel_values', index('pixel_values')]], outputs: [['logits', index('logits')]] });
  return model(b, {
    operatorCodes: codes.map((c) => operatorCode(b, c)), subgraphs: [graph], buffers, signatures: [signature],
    description: 'benchtab models/tflite: tiny CNN, synthetic weights',
  });
}
