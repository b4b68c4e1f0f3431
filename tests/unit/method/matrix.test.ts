import { describe, expect, it } from 'vitest';
import type { TensorSpec } from '../../../src/core/result.ts';
import { detectDomain, DOMAIN_IDS, parseDomain, SELECTION_MATRIX } from '../../../src/core/method/matrix.ts';

const f32 = (name: string, shape: TensorSpec['shape']): TensorSpec => ({ name, dtype: 'float32', shape });
const i64 = (name: string, shape: TensorSpec['shape']): TensorSpec => ({ name, dtype: 'int64', shape });

describe('selection matrix', () => {
  it('holds the seed document figures verbatim', () => {
    expect(DOMAIN_IDS.map((id) => [SELECTION_MATRIX[id].typicalLatency.minMs, SELECTION_MATRIX[id].typicalLatency.maxMs]))
      .toEqual([[1, 50], [10, 5000], [30, 200], [50, 10000]]);
    expect(SELECTION_MATRIX.vision).toMatchObject({
      label: 'Computer Vision', exampleModels: ['YOLOv8', 'ResNet', 'EfficientNet'],
      hardwareNeeds: 'GPU recommended', complexity: 'Medium',
    });
    expect(SELECTION_MATRIX.nlp.hardwareNeeds).toBe('GPU/TPU required');
    expect(SELECTION_MATRIX.speech.exampleModels).toEqual(['Whisper', 'Wav2Vec2']);
    expect(SELECTION_MATRIX.multimodal.complexity).toBe('Very High');
  });

  it('targets the upper end of each typical range', () => {
    for (const id of DOMAIN_IDS) expect(SELECTION_MATRIX[id].targetMs).toBe(SELECTION_MATRIX[id].typicalLatency.maxMs);
  });

  it('parses ids and common aliases', () => {
    expect(parseDomain('vision')).toBe('vision');
    expect(parseDomain('Computer Vision')).toBe('vision');
    expect(parseDomain('audio')).toBe('speech');
    expect(parseDomain('nope')).toBeNull();
  });
});

describe('detectDomain', () => {
  it('reads image, text, audio and combined inputs', () => {
    expect(detectDomain({ inputs: [f32('pixel_values', ['batch', 3, 224, 224])] }).domain).toBe('vision');
    expect(detectDomain({ inputs: [f32('images', [1, 640, 640, 3])] }).domain).toBe('vision');
    expect(detectDomain({ inputs: [i64('input_ids', ['batch', 'seq']), i64('attention_mask', ['batch', 'seq'])] }).domain).toBe('nlp');
    expect(detectDomain({ inputs: [f32('input_values', [1, 16000])] }).domain).toBe('speech');
    expect(detectDomain({ inputs: [f32('input_features', [1, 80, 3000])] }).domain).toBe('speech');
    const clip = detectDomain({ inputs: [i64('input_ids', [1, 77]), f32('pixel_values', [1, 3, 224, 224])] });
    expect(clip).toMatchObject({ domain: 'multimodal', source: 'inputs' });
    expect(clip.reason).toContain('pixel_values');
  });

  it('prefers the catalog, then the task, over the inputs', () => {
    const inputs = [f32('pixel_values', [1, 3, 224, 224])];
    expect(detectDomain({ catalogDomain: 'multimodal', task: 'image-classification', inputs }))
      .toMatchObject({ domain: 'multimodal', source: 'catalog' });
    expect(detectDomain({ task: 'zero-shot-image-classification', inputs }))
      .toMatchObject({ domain: 'multimodal', source: 'task' });
    expect(detectDomain({ task: 'automatic-speech-recognition', inputs: [] }).domain).toBe('speech');
  });

  it('falls through unknown hints and says when nothing decides', () => {
    expect(detectDomain({ catalogDomain: 'tabular', task: 'made-up', inputs: [i64('input_ids', [1, 8])] }))
      .toMatchObject({ domain: 'nlp', source: 'inputs' });
    const none = detectDomain({ inputs: [f32('x', [1, 10])] });
    expect(none).toMatchObject({ domain: null, source: 'none' });
    expect(none.reason).toMatch(/choose/);
  });
});
