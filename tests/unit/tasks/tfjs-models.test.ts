import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { checkShardSizes } from '../../../src/core/tfjs-weights.ts';

/** Loads a generated zoo model the way the app's IOHandler does: model.json plus its shards. */
function artifacts(id: string): tf.io.ModelArtifacts {
  const json = JSON.parse(readFileSync(`public/zoo/${id}/model.json`, 'utf8')) as tf.io.ModelJSON;
  const group = json.weightsManifest[0]!;
  const shards = group.paths.map((p) => readFileSync(`public/zoo/${id}/${p}`));
  expect(checkShardSizes(group, shards.map((s) => s.byteLength))).toBeNull();
  const buffers = shards.map((s) => s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength) as ArrayBuffer);
  return { modelTopology: json.modelTopology, format: json.format, weightSpecs: group.weights, weightData: tf.io.CompositeArrayBuffer.join(buffers) };
}

describe('the TF.js zoo (npm run models)', () => {
  it('the layers and the graph model load and give ten class probabilities', async () => {
    await tf.setBackend('cpu');
    const layers = await loadLayersModel(tf.io.fromMemory(artifacts('cnn-layers-tfjs')));
    const graph = await loadGraphModel(tf.io.fromMemory(artifacts('cnn-graph-tfjs')));
    const x = tf.ones([1, 32, 32, 3]);
    for (const y of [layers.predict(x) as tf.Tensor, graph.execute(x) as tf.Tensor]) {
      expect(y.shape).toEqual([1, 10]);
      expect((await tf.sum(y).data())[0]).toBeCloseTo(1, 4);
    }
  });

  it('a shard cut short is named, with both sizes', () => {
    const group = { paths: ['a.bin', 'b.bin'], weights: [{ name: 'w', shape: [4, 4], dtype: 'float32' }] };
    expect(checkShardSizes(group, [32, 32])).toBeNull();
    expect(checkShardSizes(group, [32, 10])).toMatch(/a\.bin, b\.bin hold 42 bytes.*64 bytes/);
  });
});
