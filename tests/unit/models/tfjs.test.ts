import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../models/catalog.ts';
import { generateEntry } from '../../../models/zoo.ts';
import { createSession, ort } from './ort.ts';

/**
 * The TF.js graph-model copies of the vision models load in TF.js and
 * compute what the ONNX fp32 model computes (same weights, NHWC instead of NCHW).
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const withTfjs = CATALOG.filter((e) => e.preset === 'tiny' && e.tfjsModel);

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

describe.each(withTfjs)('$id TF.js graph model', (entry) => {
  const generated = generateEntry(entry, { dtypes: ['fp32'] });
  const file = (path: string) => generated.files.find((f) => f.path === path)?.data ?? '';

  it('loads and matches onnxruntime on the same input', async () => {
    const modelJson = JSON.parse(file('tfjs/model.json') as string);
    const manifest = modelJson.weightsManifest[0] as { paths: string[]; weights: tf.io.WeightsManifestEntry[] };
    const shards = manifest.paths.map((p) => bytesOf(file(`tfjs/${p}`)));
    const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
    shards.reduce((offset, s) => (weightData.set(s, offset), offset + s.length), 0);
    const model = await loadGraphModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: manifest.weights, weightData: weightData.buffer, format: 'graph-model', signature: modelJson.signature }),
    );
    const inputName = generated.signatures.model?.inputs[0]?.name ?? '';
    const outputName = generated.signatures.model?.outputs[0]?.name ?? '';
    const inputDims = modelJson.signature.inputs[inputName].tensorShape.dim.map((d: { size: string }) => Number(d.size));
    const size = inputDims[1];
    expect(inputDims).toEqual([-1, size, size, 3]);

    const nchw = Float32Array.from({ length: 3 * size * size }, (_, i) => Math.sin(i * 0.37));
    const nhwc = tf.transpose(tf.tensor4d(nchw, [1, 3, size, size]), [0, 2, 3, 1]);
    const output = model.execute(nhwc) as tf.Tensor;
    const fromTfjs = await output.data();

    const session = await createSession(bytesOf(file('onnx/model.onnx')));
    const ortOutput = (await session.run({ [inputName]: new ort.Tensor('float32', nchw, [1, 3, size, size]) }))[outputName];
    const fromOrt = ortOutput?.data as Float32Array;
    expect(output.shape).toEqual(ortOutput?.dims);
    // Relative to the output's scale: YOLO's boxes are in pixels, logits are near 0.
    const scale = fromOrt.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-6);
    const maxDifference = fromOrt.reduce((m, v, i) => Math.max(m, Math.abs(v - (fromTfjs[i] ?? Number.NaN))), 0);
    expect(maxDifference / scale).toBeLessThan(1e-4);
    tf.dispose([nhwc, output]);
    model.dispose();
    await session.release();
  });
});
