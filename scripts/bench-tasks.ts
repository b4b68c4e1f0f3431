/**
 * `npm run bench:tasks [device]`: one task pipeline per domain on the zoo's tiny models through
 * the offline mirror, each timed end to end and split into pre-processing, model and
 * post-processing (medians), with the domain's own metrics. device: wasm (default) or webgpu.
 */
import { openSession } from './runner.ts';

const device = process.argv[2] ?? 'wasm';
const CASES = [
  { domain: 'vision', runtime: 'transformers', model: '/zoo/resnet-tiny/', task: 'image-classification' },
  { domain: 'vision', runtime: 'ort', model: '/zoo/yolov8-tiny/onnx/model.onnx', task: 'object-detection' },
  { domain: 'vision', runtime: 'tfjs', model: '/zoo/cnn-graph-tfjs/model.json', task: 'image-classification' },
  { domain: 'nlp', runtime: 'transformers', model: '/zoo/bert-tiny/', task: 'feature-extraction' },
  { domain: 'nlp', runtime: 'transformers', model: '/zoo/gpt2-tiny/', task: 'text-generation' },
  { domain: 'speech', runtime: 'transformers', model: '/zoo/whisper-micro/', task: 'automatic-speech-recognition' },
  { domain: 'speech', runtime: 'transformers', model: '/zoo/wav2vec2-tiny/', task: 'automatic-speech-recognition' },
  { domain: 'multimodal', runtime: 'transformers', model: '/zoo/clip-tiny/', task: 'zero-shot-image-classification' },
];

const ms = (x: number) => `${x.toFixed(2)} ms`;
const session = await openSession(4491);
try {
  console.log(`device: ${device} (medians of ${device === 'webgpu' ? 10 : 30} runs after 3 warmups)`);
  for (const c of CASES) {
    const iterations = device === 'webgpu' ? 10 : 30;
    const result = await session.run({ model: c.model, runtime: c.runtime, task: c.task, backend: device, warmup: 3, iterations, mode: 'fixed' });
    const t = result.task!;
    const extra = t.generation
      ? ` TTFT=${ms(t.generation.ttftMs)} per-token=${ms(t.generation.perTokenMs)} ${t.generation.tokensPerSecond.toFixed(1)} tokens/s`
      : t.speech ? ` RTF=${t.speech.rtf.toFixed(3)} (${t.speech.audioSeconds} s audio)` : '';
    console.log(`${c.domain.padEnd(10)} ${c.task.padEnd(30)} ${c.model.padEnd(34)} ${c.runtime.padEnd(12)} ` +
      `e2e p50=${ms(result.stats.p50)} pre=${ms(t.split.pre.p50)} model=${ms(t.split.model.p50)} post=${ms(t.split.post.p50)}${extra}`);
  }
} finally {
  await session.close();
}
