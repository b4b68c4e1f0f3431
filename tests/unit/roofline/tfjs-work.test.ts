import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countOnnxWork } from '../../../src/core/roofline/onnx-work.ts';
import { countTfjsWork } from '../../../src/core/roofline/tfjs-work.ts';
import type { TfjsModelJson } from '../../../src/core/roofline/tfjs-graph.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const ints = (...i: number[]) => ({ list: { i: i.map(String) } });
const F = { type: 'DT_FLOAT' };
const dims = (shape: number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
const constant = (name: string, shape: number[], dtype = 'DT_FLOAT') => ({ name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: dims(shape) } } } });

/** A GraphDef as tensorflowjs_converter writes one, with the int32 constants in a shard. */
function handGraph(): { json: TfjsModelJson; shards: Uint8Array[] } {
  const conv = { strides: ints(1, 1, 1, 1), dilations: ints(1, 1, 1, 1), padding: { s: b64('SAME') }, data_format: { s: b64('NHWC') } };
  const nodes = [
    { name: 'x', op: 'Placeholder', attr: { dtype: F, shape: { shape: dims([-1, 8, 8, 3]) } } },
    constant('conv/kernel', [3, 3, 3, 4]), constant('conv/bias', [4]), constant('dw/kernel', [3, 3, 4, 1]),
    constant('pool/axes', [2], 'DT_INT32'), constant('fc/kernel', [4, 2]), constant('fc/bias', [2]),
    { name: 'conv', op: 'Conv2D', input: ['x', 'conv/kernel'], attr: { T: F, ...conv } },
    { name: 'bias', op: 'BiasAdd', input: ['conv', 'conv/bias'], attr: { T: F } },
    { name: 'relu', op: 'Relu', input: ['bias', '^conv'], attr: { T: F } },
    { name: 'dw', op: 'DepthwiseConv2dNative', input: ['relu', 'dw/kernel'], attr: { T: F, ...conv, strides: ints(1, 2, 2, 1) } },
    { name: 'pool', op: 'Mean', input: ['dw', 'pool/axes'], attr: { T: F, keep_dims: { b: false } } },
    { name: 'fc', op: '_FusedMatMul', input: ['pool', 'fc/kernel', 'fc/bias'], attr: { T: F, transpose_a: { b: false }, transpose_b: { b: false }, fused_ops: { list: { s: [b64('BiasAdd')] } } } },
    { name: 'probs', op: 'Softmax', input: ['fc:0'], attr: { T: F } },
  ];
  const weights = [
    { name: 'conv/kernel', shape: [3, 3, 3, 4], dtype: 'float32' }, { name: 'conv/bias', shape: [4], dtype: 'float32' },
    { name: 'dw/kernel', shape: [3, 3, 4, 1], dtype: 'float32' }, { name: 'pool/axes', shape: [2], dtype: 'int32' },
    { name: 'fc/kernel', shape: [4, 2], dtype: 'float32' }, { name: 'fc/bias', shape: [2], dtype: 'float32' },
  ];
  // The axes [1, 2] sit after 108 + 4 + 36 floats; split the shards through them to test reading across two.
  const data = new Uint8Array((108 + 4 + 36 + 2 + 8 + 2) * 4);
  new DataView(data.buffer).setInt32(148 * 4, 1, true);
  new DataView(data.buffer).setInt32(149 * 4, 2, true);
  const cut = 148 * 4 + 2;
  return {
    json: { modelTopology: { node: nodes }, weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights }] },
    shards: [data.subarray(0, cut), data.subarray(cut)],
  };
}

describe('TF.js graph models’ work', () => {
  it('counts a hand-computed graph: Conv2D, BiasAdd, Relu, depthwise, Mean, fused MatMul, Softmax', () => {
    const { json, shards } = handGraph();
    const work = countTfjsWork(json, shards, { batch: 2 });
    // Per image: conv 8·8·4 outputs × 3·3·3; depthwise (stride 2, SAME) 4·4·4 outputs × 3·3; the product 4×2.
    const macs = 8 * 8 * 4 * 27 + 4 * 4 * 4 * 9 + 4 * 2;
    // Bias and ReLU on 256 values; the mean reads 64; the fused bias 2; softmax 5 per value.
    const other = 256 + 256 + 64 + 2 + 5 * 2;
    expect(work.macs).toBe(2 * macs);
    expect(work.flops).toBe(2 * (2 * macs + other));
    expect(work.countedNodes).toBe(work.nodes);
    expect(work.nodes).toBe(7);
    expect(work.weightBytes).toBe((108 + 4 + 36 + 2 + 8 + 2) * 4);
  });

  it('names what it cannot count, and refuses a layers model', () => {
    const { json, shards } = handGraph();
    const nodes = (json.modelTopology as { node: object[] }).node;
    nodes.push({ name: 'nms', op: 'NonMaxSuppressionV5', input: ['probs'] });
    expect(countTfjsWork(json, shards, { batch: 1 }).uncounted).toEqual({ NonMaxSuppressionV5: 1 });
    expect(() => countTfjsWork({ modelTopology: { class_name: 'Sequential' } }, [], {})).toThrow(/layers model/);
  });

  it.each(['resnet-tiny', 'mobilenet-v2-tiny', 'efficientnet-tiny', 'yolov8-tiny'])('counts the zoo’s %s as its ONNX twin does', (id) => {
    const dir = `public/zoo/${id}`;
    const json = JSON.parse(readFileSync(`${dir}/tfjs/model.json`, 'utf8')) as TfjsModelJson & { weightsManifest: Array<{ paths: string[] }> };
    const shards = json.weightsManifest[0]!.paths.map((path) => new Uint8Array(readFileSync(`${dir}/tfjs/${path}`)));
    const tf = countTfjsWork(json, shards, { batch: 2 });
    const onnx = countOnnxWork(new Uint8Array(readFileSync(`${dir}/onnx/model.onnx`)), { batch: 2, batch_size: 2 });
    expect(tf.countedNodes).toBe(tf.nodes);
    expect(tf.macs).toBe(onnx.macs);
    expect(tf.flops).toBe(onnx.flops);
    // The same weights, plus TF's few int32 shape constants.
    expect(Math.abs(tf.weightBytes - onnx.weightBytes) / onnx.weightBytes).toBeLessThan(0.001);
  });
});
