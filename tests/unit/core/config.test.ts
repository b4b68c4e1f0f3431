import { describe, expect, it } from 'vitest';
import { defaultConfig, parseIntegerList, parseUrlRequest, stoppingRuleFor, validateConfig } from '../../../src/core/config.ts';

describe('automation URL parameters', () => {
  it('reads the documented parameters', () => {
    const request = parseUrlRequest('?model=/zoo/m.onnx&runtime=ort&backend=webgpu&warmup=3&iterations=20&threads=2&run=1');
    expect(request).toEqual({
      model: '/zoo/m.onnx',
      autorun: true,
      overrides: { backend: 'webgpu', warmup: 3, iterations: 20, threads: 2, mode: 'fixed' },
      choices: { inputs: {}, dims: {} },
      errors: [],
    });
  });

  it('reads the methodology parameters', () => {
    const request = parseUrlRequest('?mode=quick&sla=25&domain=nlp');
    expect(request.overrides).toEqual({ mode: 'quick', slaMs: 25, domain: 'nlp' });
    expect(parseUrlRequest('?mode=forever&sla=-1&domain=robotics').errors).toHaveLength(3);
    const tuned = parseUrlRequest('?mode=standard&minSeconds=0.5&maxRuns=5000');
    expect(tuned.overrides.stopping).toEqual({ minCount: 130, minDurationMs: 500, maxCount: 5000, maxDurationMs: 120_000 });
    expect(parseUrlRequest('?minRuns=x').errors[0]).toMatch(/minRuns=x/);
  });

  it('explains each bad parameter', () => {
    const request = parseUrlRequest('?runtime=mxnet&backend=cuda&iterations=0&threads=x');
    expect(request.errors).toHaveLength(4);
    expect(request.errors.join(' ')).toMatch(/runtime=mxnet.*backend=cuda.*iterations=0.*threads=x/);
    expect(request.overrides).toEqual({ mode: 'fixed' });
  });
});

describe('config', () => {
  it('defaults WASM threads to all cores only when cross-origin isolated', () => {
    expect(defaultConfig(8, true).threads).toBe(8);
    expect(defaultConfig(8, false).threads).toBe(1);
  });

  it('rejects impossible values in words', () => {
    const config = defaultConfig(2, true);
    expect(validateConfig(config)).toBeNull();
    expect(validateConfig({ ...config, iterations: 0 })).toMatch(/iterations/);
    expect(validateConfig({ ...config, dims: { batch: -1 } })).toMatch(/"batch"/);
  });
});

describe('stopping rule of a config', () => {
  it('runs exactly `iterations` times in fixed mode, and the preset otherwise', () => {
    expect(stoppingRuleFor('fixed', 25)).toMatchObject({ minCount: 25, maxCount: 25, minDurationMs: 0 });
    expect(stoppingRuleFor('quick', 25)).toMatchObject({ minCount: 64, minDurationMs: 6000 });
    expect(stoppingRuleFor('standard', 25, { minDurationMs: 1000 })).toMatchObject({ minCount: 130, minDurationMs: 1000 });
  });
});

describe('integer lists', () => {
  it('reads comma or space separated whole numbers, once each', () => {
    expect(parseIntegerList('1, 2 4,2', 8)).toEqual([1, 2, 4]);
    expect(parseIntegerList('', 8)).toMatch(/at least one/);
    expect(parseIntegerList('1, 0', 8)).toMatch(/"0"/);
    expect(parseIntegerList('3, 99', 8)).toMatch(/"99"/);
  });
});
