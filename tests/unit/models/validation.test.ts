import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARCHITECTURES } from '../../../models/arch/registry.ts';
import { InvalidConfigError } from '../../../models/core/validate.ts';
import { knobs, overridesFromPaths } from '../../../models/arch/knobs.ts';
import { synthesize } from '../../../models/zoo.ts';

/** Impossible parameters fail with a sentence naming the parameter, before any graph is built. */
const CASES: { architecture: string; overrides: Record<string, unknown>; message: RegExp }[] = [
  { architecture: 'resnet', overrides: { stemWidth: 0 }, message: /stemWidth must be a positive integer, got 0/ },
  { architecture: 'resnet', overrides: { imageSize: 16 }, message: /imageSize 16 is too small: ResNet downsamples by 32/ },
  { architecture: 'resnet', overrides: { widths: [8, 16], depths: [1, 1, 1] }, message: /one entry per stage/ },
  { architecture: 'mobilenetv2', overrides: { widthMultiplier: 0 }, message: /widthMultiplier must be positive/ },
  { architecture: 'efficientnet', overrides: { imageSize: 31 }, message: /imageSize 31 is too small/ },
  { architecture: 'yolov8', overrides: { imageSize: 100 }, message: /multiple of the largest stride/ },
  { architecture: 'bert', overrides: { heads: 5 }, message: /heads \(5\) must divide hidden \(64\)/ },
  { architecture: 'bert', overrides: { hidden: 0 }, message: /hidden must be a positive integer/ },
  { architecture: 'gpt2', overrides: { heads: 3 }, message: /heads \(3\) must divide hidden \(64\)/ },
  { architecture: 'wav2vec2', overrides: { samples: 100 }, message: /samples 100 is too small: .*receptive field of audio \(minimum 400\)/ },
  { architecture: 'whisper', overrides: { frames: 201 }, message: /must be even/ },
  { architecture: 'clip', overrides: { vision: { heads: 5 } }, message: /vision.heads \(5\) must divide vision.hidden \(64\)/ },
  { architecture: 'clip', overrides: { imageSize: 8 }, message: /imageSize 8 is too small: a 16-pixel patch must fit/ },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parameter validation', () => {
  it.each(CASES)('$architecture $overrides', ({ architecture, overrides, message }) => {
    const family = ARCHITECTURES[architecture];
    if (!family) throw new Error(`no ${architecture}`);
    const build = vi.spyOn(family, 'build');
    expect(() => synthesize({ architecture, preset: 'tiny', overrides })).toThrow(InvalidConfigError);
    expect(() => synthesize({ architecture, preset: 'tiny', overrides })).toThrow(message);
    expect(build).not.toHaveBeenCalled();
  });

  it('lists every problem at once', () => {
    expect(() => synthesize({ architecture: 'bert', preset: 'tiny', overrides: { heads: 5, layers: 0 } })).toThrow(/layers must be .*; heads \(5\) must divide/);
  });

  it.each(Object.keys(ARCHITECTURES))('%s presets are valid', (key) => {
    const family = ARCHITECTURES[key];
    expect(() => family?.validate(family.presets.tiny)).not.toThrow();
    expect(() => family?.validate(family.presets.full)).not.toThrow();
  });

  it('lists the knobs of a nested config and takes them back as overrides', () => {
    const clip = ARCHITECTURES.clip;
    if (!clip) throw new Error('no clip');
    const list = knobs(clip);
    expect(list).toContainEqual({ path: 'vision.layers', kind: 'integer', tiny: 2, full: 12 });
    expect(list).toContainEqual({ path: 'imageSize', kind: 'integer', tiny: 64, full: 224 });
    const model = synthesize({ architecture: 'clip', preset: 'tiny', overrides: overridesFromPaths({ 'vision.layers': 1 }) });
    expect(JSON.parse(model.hubFiles['config.json'] ?? '{}').vision_config.num_hidden_layers).toBe(1);
  });

  it('synthesizes from overrides and counts the parameters', () => {
    const model = synthesize({ architecture: 'bert', preset: 'tiny', overrides: { layers: 1 }, dtype: 'q8' });
    expect(Object.keys(model.onnx)).toEqual(['model']);
    expect(model.parameters).toBeLessThan(synthesize({ architecture: 'bert', preset: 'tiny' }).parameters);
    expect(JSON.parse(model.hubFiles['config.json'] ?? '{}').num_hidden_layers).toBe(1);
  });
});
