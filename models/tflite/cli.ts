/**
 * npm run models (TFLite step): writes the zoo's TFLite copy of the tiny vision CNN to
 * public/zoo/cnn-tflite/model.tflite and public/zoo/tflite-manifest.json for the picker.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tfliteCnn } from './cnn.ts';

const OUT = 'public/zoo';
const SIZE = 32;

function write(path: string, data: Uint8Array | string): void {
  const bytes = Buffer.from(data);
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

const id = 'cnn-tflite';
write(join(OUT, id, 'model.tflite'), tfliteCnn(SIZE, 10, 42));
write(join(OUT, 'tflite-manifest.json'), `${JSON.stringify({
  version: 1,
  note: 'Synthetic TFLite model: the TF.js zoo CNN\'s architecture and seeded weights. Latency only; outputs are meaningless.',
  entries: [{ id, name: 'CNN (tiny, TFLite)', domain: 'vision', task: 'image-classification', path: `zoo/${id}`, url: `zoo/${id}/model.tflite`, inputShape: [1, SIZE, SIZE, 3], synthetic: true }],
}, null, 2)}\n`);
console.log(`tflite: ${id} → ${OUT}/`);
