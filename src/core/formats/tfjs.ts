/**
 * TensorFlow.js models: a model.json with modelTopology and weightsManifest, "format" saying
 * graph-model or layers-model (older layers models have no format but a Keras topology), beside
 * binary weight shards (group1-shard1of2.bin).
 */
import { baseName, leadingText, utf8 } from './bytes.ts';
import type { Contents, FileSample, FormatModule } from './types.ts';

function headText(sample: FileSample): string {
  return utf8(sample.head);
}

function isModelJson(sample: FileSample): boolean {
  if (!/^\s*\{/.test(leadingText(sample.head))) return false;
  const text = headText(sample);
  return /"modelTopology"\s*:/.test(text) || /"weightsManifest"\s*:/.test(text) || /"format"\s*:\s*"(graph|layers)-model"/.test(text);
}

function describeJson(sample: FileSample): Contents {
  const text = headText(sample);
  const pick = (key: string) => new RegExp(`"${key}"\\s*:\\s*"([^"]{1,80})"`).exec(text)?.[1];
  const producer = pick('convertedBy') ?? pick('generatedBy');
  const keras = pick('keras_version');
  const tf = pick('tensorflowVersion');
  const shards = new Set(text.match(/"[^"]*shard\d+of\d+[^"]*"/g) ?? []);
  return {
    ...(producer ? { producer } : {}),
    ...(keras || tf ? { version: keras ? `Keras ${keras}` : `TensorFlow ${tf}` } : {}),
    notes: shards.size > 0 ? [`${shards.size} weight shard${shards.size > 1 ? 's' : ''}`] : [],
  };
}

export const tfjsGraph: FormatModule = {
  id: 'tfjs-graph',
  label: 'TensorFlow.js graph model',
  kind: 'model',
  runtime: 'tfjs',
  alsoRunsIn: ['TensorFlow.js in Node (tfjs-node)'],
  match: (sample) => isModelJson(sample) && /"format"\s*:\s*"graph-model"|"node"\s*:\s*\[/.test(headText(sample)),
  describe: describeJson,
};

export const tfjsLayers: FormatModule = {
  id: 'tfjs-layers',
  label: 'TensorFlow.js layers model',
  kind: 'model',
  runtime: 'tfjs',
  alsoRunsIn: ['TensorFlow.js in Node (tfjs-node)'],
  match: isModelJson,
  describe: describeJson,
};

export const tfjsWeights: FormatModule = {
  id: 'tfjs-weights',
  label: 'TensorFlow.js weight shard',
  kind: 'part',
  runtime: 'tfjs',
  match: ({ name }) => /^group\d+-shard\d+of\d+(\.bin)?$/i.test(baseName(name)),
  why: 'This is one weight shard of a TensorFlow.js model; the model is its model.json. Drop the folder that holds both.',
};
