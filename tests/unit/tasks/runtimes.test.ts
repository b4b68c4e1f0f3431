import { describe, expect, it } from 'vitest';
import { parseUrlRequest } from '../../../src/core/config.ts';
import { isHubId } from '../../../src/core/runtimes.ts';

describe('runtime URL parameters', () => {
  it('reads runtime, device, task and dtype for transformers.js', () => {
    const { overrides, errors } = parseUrlRequest('?model=Xenova/gpt2&runtime=transformers&device=webgpu&task=text-generation&dtype=q8');
    expect(errors).toEqual([]);
    expect(overrides).toMatchObject({ runtime: 'transformers', backend: 'webgpu', task: 'text-generation', dtype: 'q8' });
  });

  it('checks the backend against the runtime: webgl and cpu are TF.js backends', () => {
    expect(parseUrlRequest('?runtime=tfjs&backend=webgl').overrides.backend).toBe('webgl');
    expect(parseUrlRequest('?backend=webgl').errors[0]).toMatch(/backend=webgl is not one of wasm, webgpu, webnn \(runtime ort\)/);
  });

  it('explains tasks, dtypes and devices that do not fit', () => {
    expect(parseUrlRequest('?runtime=transformers').errors[0]).toMatch(/add task=/);
    expect(parseUrlRequest('?runtime=tfjs&task=text-generation').errors[0]).toMatch(/use runtime=transformers/);
    expect(parseUrlRequest('?runtime=transformers&task=fill-mask').errors[0]).toMatch(/task=fill-mask is not one of/);
    expect(parseUrlRequest('?runtime=transformers&task=feature-extraction&dtype=int3').errors[0]).toMatch(/dtype=int3/);
    expect(parseUrlRequest('?dtype=q8').errors[0]).toMatch(/needs runtime=transformers/);
    expect(parseUrlRequest('?backend=wasm&device=webgpu').errors[0]).toMatch(/disagree/);
    expect(parseUrlRequest('?sample=../x').errors[0]).toMatch(/sample=\.\.\/x must be a sample id/);
    expect(parseUrlRequest('?sample=chirp').overrides.sample).toBe('chirp');
  });

  it('tells a hub id from a path or URL', () => {
    expect(isHubId('Xenova/bert-base-uncased')).toBe(true);
    for (const other of ['/zoo/bert-tiny/', 'zoo/bert-tiny/model.json', 'https://hf.co/x/y', 'model.onnx']) expect(isHubId(other)).toBe(false);
  });
});
