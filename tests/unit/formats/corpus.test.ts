/**
 * Every row of the format corpus (models/corpus/rows.ts) is recognised as its expected format
 * from its files' first bytes and names, the way the app samples them.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../../models/corpus/rows.ts';
import { detectSet, sampleFile } from '../../../src/core/formats/index.ts';

async function sample(path: string, name: string) {
  const { size } = await stat(path);
  const handle = await open(path);
  try {
    return await sampleFile(name, size, async (start, end) => {
      const buffer = new Uint8Array(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      return buffer;
    });
  } finally {
    await handle.close();
  }
}

describe('format corpus', () => {
  it('has at least 50 rows, unique ids, and the outcome fields each needs', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CORPUS.map((r) => r.id)).size).toBe(CORPUS.length);
    for (const row of CORPUS) {
      if (row.outcome === 'errors') expect(row.errorClass, row.id).toBeTruthy();
      if (row.outcome === 'runs') expect(row.runtime, row.id).toBeTruthy();
    }
  });

  it('covers every format the seed and the issue name', () => {
    const formats = new Set(CORPUS.map((r) => r.format));
    for (const f of ['onnx', 'onnx-external-data', 'ort-format', 'tfjs-graph', 'tfjs-layers', 'tflite', 'gguf', 'safetensors', 'safetensors-index',
      'pytorch-zip', 'torchscript', 'pytorch-legacy', 'pickle', 'keras-h5', 'keras-v3', 'savedmodel', 'tensorrt', 'coreml', 'openvino-ir',
      'numpy', 'numpy-zip', 'git-lfs-pointer', 'html', 'json', 'empty']) expect(formats, f).toContain(f);
  });

  for (const row of CORPUS) {
    it(`${row.id}: ${row.note} → ${row.format}, ${row.outcome}`, async () => {
      const samples = await Promise.all(row.files.map((f) => sample(join('public', row.root, f), f)));
      const found = detectSet(samples);
      expect(found.format).toBe(row.format);
      if (row.outcome === 'runs') expect(found.runtime).toBe(row.runtime);
      if (row.outcome === 'explains') {
        // GGUF's card comes from the build (wllama present or not), not from the registry.
        if (found.runtime !== 'wllama') expect(found.why, 'a card says why').toBeTruthy();
        if (found.kind === 'model') expect(found.runtime === null || found.runtime === 'wllama').toBe(true);
      }
      if (row.outcome === 'errors' && found.kind === 'mistake') expect(found.format).toBe(row.errorClass);
      // The URL contract samples one file: it must agree where that file names the set.
      if (row.url && row.files.length > 1) {
        expect(detectSet([await sample(join('public', row.root, row.url), row.url)]).format).toBe(row.urlFormat ?? row.format);
      }
    });
  }

  it('the corpus table served to the browser is current', async () => {
    const served = JSON.parse(await readFile('public/zoo/_corpus/corpus.json', 'utf8')) as unknown;
    expect(served).toEqual(JSON.parse(JSON.stringify(CORPUS)));
  });
});
