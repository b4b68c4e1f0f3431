/**
 * A tiny CNN as a TF.js graph model: the GraphDef JSON that tensorflowjs_converter writes for a
 * SavedModel (Placeholder, Conv2D, BiasAdd, Relu, Mean, MatMul, Softmax), with seeded weights.
 * No JavaScript library writes graph models, so the nodes are spelled out here.
 */
import { cnnWeights, type NamedWeight } from './weights.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const F = { type: 'DT_FLOAT' };
const ints = (...i: number[]) => ({ list: { i: i.map(String) } });

interface Node {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, unknown>;
}

function constNode(w: NamedWeight): Node {
  const dtype = w.dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT';
  return { name: w.name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: { dim: w.shape.map((d) => ({ size: String(d) })) } } } } };
}

function conv(name: string, input: string, stride: number): Node[] {
  return [
    { name: `${name}/Conv2D`, op: 'Conv2D', input: [input, `${name}/kernel`],
      attr: { T: F, strides: ints(1, stride, stride, 1), padding: { s: b64('SAME') }, data_format: { s: b64('NHWC') }, dilations: ints(1, 1, 1, 1) } },
    { name: `${name}/BiasAdd`, op: 'BiasAdd', input: [`${name}/Conv2D`, `${name}/bias`], attr: { T: F, data_format: { s: b64('NHWC') } } },
    { name: `${name}/Relu`, op: 'Relu', input: [`${name}/BiasAdd`], attr: { T: F } },
  ];
}

export function graphCnn(size: number, classes: number, seed: number): { topology: object; weights: NamedWeight[] } {
  const weights = cnnWeights(classes, seed);
  const nodes: Node[] = [
    { name: 'pixel_values', op: 'Placeholder', attr: { dtype: F, shape: { shape: { dim: [-1, size, size, 3].map((d) => ({ size: String(d) })) } } } },
    ...weights.map(constNode),
    ...conv('conv1', 'pixel_values', 2),
    ...conv('conv2', 'conv1/Relu', 2),
    { name: 'pool/Mean', op: 'Mean', input: ['conv2/Relu', 'pool/axes'], attr: { T: F, Tidx: { type: 'DT_INT32' }, keep_dims: { b: false } } },
    { name: 'fc/MatMul', op: 'MatMul', input: ['pool/Mean', 'fc/kernel'], attr: { T: F, transpose_a: { b: false }, transpose_b: { b: false } } },
    { name: 'fc/BiasAdd', op: 'BiasAdd', input: ['fc/MatMul', 'fc/bias'], attr: { T: F, data_format: { s: b64('NHWC') } } },
    { name: 'logits', op: 'Softmax', input: ['fc/BiasAdd'], attr: { T: F } },
  ];
  return { topology: { node: nodes, library: {}, versions: { producer: 1482 } }, weights };
}
