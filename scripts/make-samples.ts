/**
 * Writes the sample inputs the app ships in public/samples/: small PNG images, short WAV clips
 * (a tone, a chirp, seeded noise) and default texts, all made here, so no third-party media
 * ships. Run once (`npx tsx scripts/make-samples.ts`); the files are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { mulberry32 } from '../src/core/rng.ts';
import { encodeWav } from '../src/core/tasks/wav.ts';

const OUT = 'public/samples';
const RATE = 16000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
  return out;
}

/** An 8-bit RGB PNG from a pixel function. */
function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const noise = mulberry32(7);
const images = {
  'gradient.png': png(128, 128, (x, y) => [x * 2, y * 2, 255 - x - y]),
  'shapes.png': png(160, 120, (x, y) => {
    if ((x - 50) ** 2 + (y - 60) ** 2 < 30 ** 2) return [220, 40, 40];
    if (x > 95 && x < 145 && y > 35 && y < 85) return [40, 90, 220];
    return [235, 230, 210];
  }),
  'noise.png': png(96, 96, () => [noise() * 255, noise() * 255, noise() * 255]),
};

const seconds = (s: number) => new Float32Array(Math.round(s * RATE));
const audio = {
  'tone-440hz.wav': encodeWav(seconds(1).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / RATE)), RATE),
  // A linear chirp from 200 Hz to 3 kHz: phase is the integral of the swept frequency.
  'chirp.wav': encodeWav(seconds(2).map((_, i) => { const t = i / RATE; return 0.5 * Math.sin(2 * Math.PI * (200 * t + (2800 / 4) * t * t)); }), RATE),
  'noise.wav': encodeWav(seconds(1).map(() => (noise() * 2 - 1) * 0.3), RATE),
};

const manifest = {
  note: 'Made by scripts/make-samples.ts: generated pixels and waveforms, no third-party media.',
  samples: [
    { id: 'gradient', kind: 'image', file: 'gradient.png', label: 'Colour gradient, 128×128' },
    { id: 'shapes', kind: 'image', file: 'shapes.png', label: 'A circle and a square, 160×120' },
    { id: 'noise-image', kind: 'image', file: 'noise.png', label: 'Seeded noise, 96×96' },
    { id: 'tone', kind: 'audio', file: 'tone-440hz.wav', label: '440 Hz tone, 1 s, 16 kHz' },
    { id: 'chirp', kind: 'audio', file: 'chirp.wav', label: 'Chirp 200 Hz → 3 kHz, 2 s, 16 kHz' },
    { id: 'noise-audio', kind: 'audio', file: 'noise.wav', label: 'Seeded noise, 1 s, 16 kHz' },
  ],
  texts: {
    'feature-extraction': 'benchtab measures how long a model takes in this browser tab.',
    'text-generation': 'Once upon a time, in a browser tab,',
    'zero-shot-image-classification': 'a red circle, a blue square, a photo of a cat, a landscape',
  },
};

mkdirSync(OUT, { recursive: true });
for (const [name, bytes] of Object.entries({ ...images, ...audio })) writeFileSync(`${OUT}/${name}`, bytes);
writeFileSync(`${OUT}/samples.json`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`samples: ${Object.keys({ ...images, ...audio }).join(', ')} → ${OUT}/`);
