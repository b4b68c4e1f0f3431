import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { env, pipeline, RawImage } from '@huggingface/transformers';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../models/catalog.ts';
import type { Dtype } from '../../../models/catalog.ts';
import { entryFiles } from '../../../models/zoo.ts';

/**
 * The hub-layout folders load with transformers.js from local files alone:
 * remote models are disabled and the zoo is written to a temporary folder.
 * In Node transformers.js runs them on onnxruntime-node.
 */
const root = mkdtempSync(join(tmpdir(), 'benchtab-zoo-'));
env.allowLocalModels = true;
env.allowRemoteModels = false;
env.localModelPath = `${root}/`;

afterAll(() => rmSync(root, { recursive: true, force: true }));

const image = new RawImage(Uint8ClampedArray.from({ length: 96 * 80 * 3 }, (_, i) => (i * 37) % 256), 96, 80, 3);
const audio = Float32Array.from({ length: 16000 }, (_, i) => Math.sin(i / 10) * 0.1);

/** How each task is called and what a well-formed answer looks like. */
const CALLS: Record<string, { run: (p: (...args: unknown[]) => Promise<unknown>) => Promise<unknown>; check: (out: unknown) => void }> = {
  'image-classification': { run: (p) => p(image), check: (out) => expect((out as { label: string }[])[0]?.label).toMatch(/^LABEL_/) },
  'feature-extraction': { run: (p) => p('hello world'), check: (out) => expect((out as { dims: number[] }).dims).toHaveLength(3) },
  'text-generation': {
    run: (p) => p('hello', { max_new_tokens: 3 }),
    check: (out) => expect((out as { generated_text: string }[])[0]?.generated_text).toMatch(/^hello/),
  },
  'automatic-speech-recognition': { run: (p) => p(audio, { max_new_tokens: 3 }), check: (out) => expect(typeof (out as { text: string }).text).toBe('string') },
  'zero-shot-image-classification': {
    run: (p) => p(image, ['a cat', 'a dog']),
    check: (out) => expect((out as { score: number }[]).reduce((s, o) => s + o.score, 0)).toBeCloseTo(1, 3),
  },
};

const entries = CATALOG.filter((e) => e.preset === 'tiny' && e.task in CALLS);

describe.each(entries)('transformers.js loads $id', (entry) => {
  for (const file of entryFiles(entry)) {
    const path = join(root, entry.id, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.data);
  }
  const call = CALLS[entry.task];

  it.each<Dtype>(['fp32', 'fp16', 'q8'])('as %s', async (dtype) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pipeline()'s task union is too wide to name here
    const run = (await pipeline(entry.task as any, entry.id, { dtype, device: 'cpu' })) as any;
    call?.check(await call.run(run));
    await run.dispose();
  });
});
