/**
 * A tiny CNN as a TF.js layers model, built with tfjs-layers itself (on the pure-JS cpu backend)
 * and saved through a save handler, so the topology is exactly what TF.js writes.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { seededWeight, type NamedWeight } from './weights.ts';

export async function layersCnn(size: number, classes: number, seed: number): Promise<{ topology: object; weights: NamedWeight[] }> {
  await tf.setBackend('cpu');
  const model = tfl.sequential({
    name: 'cnn_tiny',
    layers: [
      tfl.layers.conv2d({ inputShape: [size, size, 3], filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'conv1' }),
      tfl.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'conv2' }),
      tfl.layers.globalAveragePooling2d({ name: 'pool' }),
      tfl.layers.dense({ units: classes, activation: 'softmax', name: 'fc' }),
    ],
  });
  // Replace Glorot's unseeded init with seeded noise, weight by weight.
  model.setWeights(model.weights.map((w, i) => tf.tensor(seededWeight(w.name, w.shape as number[], seed + i).data, w.shape as number[])));
  let topology: object = {};
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    topology = artifacts.modelTopology as object;
    return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
  }));
  const weights = await Promise.all(model.weights.map(async (w) => ({
    name: w.name, shape: w.shape as number[], dtype: 'float32' as const, data: (await w.read().data()) as Float32Array,
  })));
  model.dispose();
  return { topology, weights };
}
