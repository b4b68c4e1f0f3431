/**
 * WAV decoding and resampling for speech tasks. Workers have no AudioContext, so a small RIFF
 * reader does it: PCM 8/16/24/32-bit and IEEE float32, any channel count (mixed down to mono).
 */

export interface DecodedAudio {
  samples: Float32Array;
  sampleRate: number;
}

export class WavError extends Error {}

function findChunk(view: DataView, id: string, from: number): { offset: number; size: number } | null {
  for (let at = from; at + 8 <= view.byteLength;) {
    const name = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    const size = view.getUint32(at + 4, true);
    if (name === id) return { offset: at + 8, size: Math.min(size, view.byteLength - at - 8) };
    at += 8 + size + (size % 2);
  }
  return null;
}

function readSample(view: DataView, at: number, bits: number, float: boolean): number {
  if (float) return bits === 64 ? view.getFloat64(at, true) : view.getFloat32(at, true);
  switch (bits) {
    case 8: return (view.getUint8(at) - 128) / 128;
    case 16: return view.getInt16(at, true) / 32768;
    case 24: return ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16))) / 8388608;
    default: return view.getInt32(at, true) / 2147483648;
  }
}

export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => (bytes.byteLength >= at + 4 ? String.fromCharCode(...bytes.subarray(at, at + 4)) : '');
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new WavError('The audio file is not a WAV file (no RIFF/WAVE header). Give a .wav file.');
  const fmt = findChunk(view, 'fmt ', 12);
  const data = findChunk(view, 'data', 12);
  if (!fmt || !data) throw new WavError('The WAV file has no fmt or data chunk: it is truncated or corrupt.');
  let format = view.getUint16(fmt.offset, true);
  const channels = view.getUint16(fmt.offset + 2, true);
  const sampleRate = view.getUint32(fmt.offset + 4, true);
  const bits = view.getUint16(fmt.offset + 14, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in its sub-format GUID.
  if (format === 0xfffe && fmt.size >= 26) format = view.getUint16(fmt.offset + 24, true);
  if ((format !== 1 && format !== 3) || ![8, 16, 24, 32, 64].includes(bits) || channels < 1 || sampleRate < 1) {
    throw new WavError(`Unsupported WAV encoding (format ${format}, ${bits}-bit): use PCM or float32.`);
  }
  const frameBytes = (bits / 8) * channels;
  const frames = Math.floor(data.size / frameBytes);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += readSample(view, data.offset + i * frameBytes + (c * bits) / 8, bits, format === 3);
    samples[i] = sum / channels;
  }
  return { samples, sampleRate };
}

/** Linear-interpolation resampling: enough for benchmark inputs (the model sees the right length). */
export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return samples;
  const out = new Float32Array(Math.max(1, Math.round((samples.length * to) / from)));
  const step = from / to;
  for (let i = 0; i < out.length; i++) {
    const x = i * step;
    const i0 = Math.min(samples.length - 1, Math.floor(x));
    const i1 = Math.min(samples.length - 1, i0 + 1);
    out[i] = samples[i0]! + (samples[i1]! - samples[i0]!) * (x - i0);
  }
  return out;
}

/** A 16-bit PCM mono WAV file, for the shipped samples and the tests. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => { for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i); };
  text(0, 'RIFF'); view.setUint32(4, 36 + samples.length * 2, true); text(8, 'WAVE');
  text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true); view.setUint32(28, sampleRate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  text(36, 'data'); view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, s)) * 32767), true));
  return bytes;
}
