/**
 * npm run models (second step): writes the TF.js zoo, tiny vision CNNs as a layers model and a
 * graph model (model.json + two weight shards each, seeded weights), into public/zoo/<id>-tfjs/,
 * two broken copies into public/zoo/_fixtures/ for the bad-input tests, and
 * public/zoo/tfjs-manifest.json for the app's picker. Unchanged files are not rewritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { env } from '@tensorflow/tfjs-core';
import { graphCnn } from './graph-cnn.ts';
import { layersCnn } from './layers-cnn.ts';
import { shard, type NamedWeight } from './weights.ts';

// Production mode: the CPU backend's "running TensorFlow.js in Node.js, install tfjs-node"
// banner is for people serving models from Node, not for a generator writing files.
env().set('PROD', true);

const OUT = 'public/zoo';
const SIZE = 32;
const CLASSES = 10;
const SEED = 42;

function write(path: string, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

function writeModel(folder: string, format: 'layers-model' | 'graph-model', topology: object, weights: NamedWeight[]) {
  const { manifest, shards } = shard(weights, 2);
  const modelJson = { format, generatedBy: 'benchtab models/tfjs', convertedBy: null, modelTopology: topology, weightsManifest: manifest };
  write(join(folder, 'model.json'), `${JSON.stringify(modelJson)}\n`);
  for (const s of shards) write(join(folder, s.path), s.data);
  return { modelJson, shards };
}

const layers = await layersCnn(SIZE, CLASSES, SEED);
const graph = graphCnn(SIZE, CLASSES, SEED);
const written = [
  { id: 'cnn-layers-tfjs', name: 'CNN (tiny, TF.js layers model)', format: 'layers-model' as const, ...layers },
  { id: 'cnn-graph-tfjs', name: 'CNN (tiny, TF.js graph model)', format: 'graph-model' as const, ...graph },
].map((m) => ({ ...m, files: writeModel(join(OUT, m.id), m.format, m.topology, m.weights) }));

// Broken copies of the graph model: one shard missing, one shard cut short.
const { modelJson, shards } = written[1]!.files;
write(join(OUT, '_fixtures/tfjs-missing-shard/model.json'), `${JSON.stringify(modelJson)}\n`);
write(join(OUT, '_fixtures/tfjs-missing-shard', shards[0]!.path), shards[0]!.data);
write(join(OUT, '_fixtures/tfjs-short-shard/model.json'), `${JSON.stringify(modelJson)}\n`);
write(join(OUT, '_fixtures/tfjs-short-shard', shards[0]!.path), shards[0]!.data);
write(join(OUT, '_fixtures/tfjs-short-shard', shards[1]!.path), shards[1]!.data.subarray(0, 100));

const manifest = {
  version: 1,
  note: 'Synthetic TF.js models: seeded random weights. Latency only; outputs are meaningless.',
  entries: written.map((m) => ({
    id: m.id, name: m.name, domain: 'vision', task: 'image-classification', format: m.format,
    path: `zoo/${m.id}`, url: `zoo/${m.id}/model.json`, inputShape: [-1, SIZE, SIZE, 3], synthetic: true,
    files: ['model.json', ...m.files.shards.map((s) => s.path)],
  })),
};
write(join(OUT, 'tfjs-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`tfjs: ${written.map((m) => m.id).join(', ')} → ${OUT}/`);
