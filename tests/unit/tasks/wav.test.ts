import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, resample, WavError } from '../../../src/core/tasks/wav.ts';

describe('WAV decoding', () => {
  it('round-trips 16-bit PCM within one quantisation step', () => {
    const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 0.25]);
    const decoded = decodeWav(encodeWav(samples, 8000));
    expect(decoded.sampleRate).toBe(8000);
    expect(decoded.samples).toHaveLength(6);
    decoded.samples.forEach((s, i) => expect(s).toBeCloseTo(samples[i]!, 4));
  });

  it('mixes stereo float32 down to mono', () => {
    const bytes = new Uint8Array(44 + 16);
    const view = new DataView(bytes.buffer);
    const text = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
    text(0, 'RIFF'); view.setUint32(4, 52, true); text(8, 'WAVE');
    text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 3, true); view.setUint16(22, 2, true);
    view.setUint32(24, 16000, true); view.setUint16(34, 32, true);
    text(36, 'data'); view.setUint32(40, 16, true);
    [1, 0, 0.5, -0.5].forEach((v, i) => view.setFloat32(44 + i * 4, v, true));
    expect(Array.from(decodeWav(bytes).samples)).toEqual([0.5, 0]);
  });

  it('says what is wrong with a file that is not a WAV', () => {
    expect(() => decodeWav(new TextEncoder().encode('ID3 mp3 data'))).toThrow(WavError);
    expect(() => decodeWav(new TextEncoder().encode('ID3 mp3 data'))).toThrow(/not a WAV file/);
  });
});

describe('resampling', () => {
  it('keeps the duration and interpolates linearly', () => {
    expect(resample(Float32Array.from([0, 1, 2, 3]), 4, 8)).toEqual(Float32Array.from([0, 0.5, 1, 1.5, 2, 2.5, 3, 3]));
    expect(resample(new Float32Array(44100), 44100, 16000)).toHaveLength(16000);
  });
});
