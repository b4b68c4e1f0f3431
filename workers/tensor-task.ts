/**
 * Vision task pipelines over any runtime's raw tensors (onnxruntime-web, TF.js): an image is
 * resized by the canvas and normalised (pre), run (model, outputs read back), then turned into
 * labels or boxes (post). transformers.js brings its own pipelines instead.
 */
import { decodeYolo, imageGeometry, pixelsToTensor, softmax, topK } from '../src/core/tasks/vision.ts';
import { completeSplit } from '../src/core/tasks/metrics.ts';
import type { TaskId, TaskInput } from '../src/core/tasks/types.ts';
import { BenchError } from './errors.ts';
import type { LoadedModel, TaskRunner } from './runtime.ts';

type Post = (outputs: Record<string, Float32Array>) => string;

function postFor(task: TaskId, model: LoadedModel): Post {
  const out = model.io.outputs[0];
  if (!out) throw new BenchError('BadModelError', 'The model has no outputs to read a result from.');
  if (task === 'image-classification') {
    return (outputs) => {
      const [best] = topK(softmax(outputs[out.name]!), 1);
      return best ? `class ${best.index} (${best.score.toFixed(3)})` : 'no classes';
    };
  }
  const [, channels, anchors] = out.shape;
  if (typeof channels !== 'number' || typeof anchors !== 'number' || channels < 5) {
    throw new BenchError('BadModelError',
      `object-detection expects a YOLO head output [batch, 4 + classes, anchors]; this model's "${out.name}" is [${out.shape.join(', ')}].`);
  }
  return (outputs) => `${decodeYolo(outputs[out.name]!, channels, anchors).length} boxes`;
}

export async function tensorTask(model: LoadedModel, task: TaskId, input: TaskInput, runtimeName: string): Promise<TaskRunner> {
  if (task !== 'image-classification' && task !== 'object-detection') {
    throw new BenchError('BadModelError',
      `${runtimeName} runs ${task} only as raw tensors here; for the whole pipeline (tokenizer, generation, feature extraction) choose runtime transformers.`);
  }
  const spec = model.io.inputs[0];
  const geometry = spec && model.io.inputs.length === 1 ? imageGeometry(spec.shape) : null;
  if (!spec || !geometry) {
    throw new BenchError('BadModelError',
      `${task} needs a model with one image input shaped [n, 3, h, w] or [n, h, w, 3]; this one takes ${model.io.inputs.map((i) => `${i.name} [${i.shape.join(', ')}]`).join(', ')}.`);
  }
  if (!input.image) throw new BenchError('BadModelError', `${task} needs an image: choose a sample image or give your own.`);
  // Built on the first run: some runtimes (TF.js graph models) learn output shapes only then.
  let post: Post | null = null;
  const bitmap = await createImageBitmap(input.image);
  const canvas = new OffscreenCanvas(geometry.width, geometry.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const shape = geometry.layout === 'nchw' ? [1, 3, geometry.height, geometry.width] : [1, geometry.height, geometry.width, 3];
  let last = '';
  return {
    async run() {
      const start = performance.now();
      context.drawImage(bitmap, 0, 0, geometry.width, geometry.height);
      const pixels = context.getImageData(0, 0, geometry.width, geometry.height).data;
      const prepared = model.prepare([{ name: spec.name, dtype: 'float32', shape, data: pixelsToTensor(pixels, geometry) }]);
      const modelStart = performance.now();
      const outputs = await model.readOutputs(prepared);
      const modelEnd = performance.now();
      model.release?.(prepared);
      post ??= postFor(task, model);
      last = post(outputs);
      return completeSplit(performance.now() - start, modelStart - start, modelEnd - modelStart);
    },
    lastOutput: () => last,
    dispose: () => bitmap.close(),
  };
}
