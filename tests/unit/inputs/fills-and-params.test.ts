import { describe, expect, it } from 'vitest';
import { parseUrlRequest } from '../../../src/core/config.ts';
import { externalLocationProblem, externalDataPath } from '../../../src/core/external-data.ts';
import { formatFill, parseFill, synthesizeFilled } from '../../../src/core/inputs/fill.ts';
import { parseNpy } from '../../../src/core/inputs/npy.ts';
import { planInputs } from '../../../src/core/inputs/plan.ts';
import { suggestParam, unknownParamErrors } from '../../../src/core/url-params.ts';

describe('fills', () => {
  it('parse and format round-trip', () => {
    for (const text of ['zeros', 'ones', 'arange', '16000', '-1.5', 'uniform:-1,1', 'normal:0,0.5', 'int:0,999', 'npy:x.npy']) {
      const fill = parseFill(text);
      expect(typeof fill).not.toBe('string');
      expect(formatFill(fill as Exclude<typeof fill, string>)).toBe(text);
    }
    expect(parseFill('int:5,1')).toMatch(/low end/);
    expect(parseFill('normal:0,-1')).toMatch(/standard deviation/);
    expect(parseFill('bananas')).toMatch(/not a fill/);
  });

  it('fill tensors as asked, deterministically', () => {
    const ids = synthesizeFilled('ids', 'int64', [2, 50], { kind: 'int', low: 3, high: 5 }, 1);
    const values = Array.from(ids.data as BigInt64Array, Number);
    expect(new Set(values)).toEqual(new Set([3, 4, 5]));
    const arange = synthesizeFilled('p', 'int32', [2, 3], { kind: 'arange' }, 1);
    expect(Array.from(arange.data as Int32Array)).toEqual([0, 1, 2, 0, 1, 2]);
    const normal = synthesizeFilled('x', 'float32', [4000], { kind: 'normal', mean: 2, std: 0.5 }, 1);
    const mean = (normal.data as Float32Array).reduce((a, b) => a + b, 0) / 4000;
    expect(Math.abs(mean - 2)).toBeLessThan(0.05);
    expect(synthesizeFilled('x', 'float32', [8], { kind: 'normal', mean: 2, std: 0.5 }, 1).data)
      .toEqual(synthesizeFilled('x', 'float32', [8], { kind: 'normal', mean: 2, std: 0.5 }, 1).data);
    expect(Array.from(synthesizeFilled('b', 'bool', [3], { kind: 'zeros' }, 1).data as Uint8Array)).toEqual([0, 0, 0]);
  });

  it('reads .npy files', () => {
    const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    const padded = header.padEnd(117, ' ') + '\n';
    const bytes = new Uint8Array(10 + padded.length + 24);
    bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, padded.length, 0]);
    bytes.set(new TextEncoder().encode(padded), 10);
    new Float32Array(bytes.buffer, 10 + padded.length, 6).set([1, 2, 3, 4, 5, 6]);
    const array = parseNpy(bytes);
    expect(array).toMatchObject({ dtype: 'float32', shape: [2, 3] });
    expect(Array.from((array as { data: Float32Array }).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseNpy(new Uint8Array(20))).toMatch(/not a \.npy/);
  });
});

describe('derived defaults by name, dtype and shape', () => {
  it('GPT-2 with a cache: past 0, total = past + new, positions arange, mask ones', () => {
    const plan = planInputs({
      inputs: [
        { name: 'input_ids', dtype: 'int64', shape: ['batch', 'sequence'] },
        { name: 'attention_mask', dtype: 'int64', shape: ['batch', 'total_sequence'] },
        { name: 'position_ids', dtype: 'int64', shape: ['batch', 'sequence'] },
        { name: 'past_key_values.0.key', dtype: 'float32', shape: ['batch', 4, 'past_sequence', 16] },
      ],
      outputs: [],
    }, { vocabSize: 1000, hints: { vocab: { input_ids: { rows: 1000, table: 'wte' } }, positions: [{ rows: 64, table: 'wpe', input: 'position_ids' }], windows: {} } });
    expect(plan.dims.past_sequence!.value).toBe(0);
    expect(plan.dims.sequence).toEqual({ value: 64, reason: 'from the position table: 64 positions' });
    expect(plan.dims.total_sequence!.value).toBe(64);
    expect(plan.fills['past_key_values.0.key']!.value).toBe('zeros');
    expect(plan.fills.position_ids!.value).toBe('arange');
    expect(plan.fills.input_ids).toEqual({ value: 'int:0,999', reason: 'from the embedding table: 1000 tokens' });
  });

  it('sums in dim names, h0/c0 states, bool false, preprocessor image size', () => {
    const plan = planInputs({
      inputs: [
        { name: 'x', dtype: 'float32', shape: [1, 3, 'height', 'width'] },
        { name: 'h0', dtype: 'float32', shape: [1, 1, 32] },
        { name: 'flag', dtype: 'bool', shape: [] },
        { name: 'mask', dtype: 'int64', shape: [1, 'past_sequence_length + 1'] },
        { name: 'past_key', dtype: 'float32', shape: [1, 'past_sequence_length', 8] },
      ],
      outputs: [],
    }, { vocabSize: 10, imageSize: { height: 384, width: 320 } });
    expect(plan.dims.height).toEqual({ value: 384, reason: 'from preprocessor_config.json' });
    expect(plan.dims.width!.value).toBe(320);
    expect(plan.fills.h0!.value).toBe('zeros');
    expect(plan.fills.flag).toEqual({ value: 'zeros', reason: 'boolean input: false' });
    expect(plan.dims['past_sequence_length + 1']!.value).toBe(1);
  });
});

describe('the URL contract', () => {
  it('rejects unknown parameters, naming the closest known one', () => {
    expect(parseUrlRequest('?model=m.onnx&iteratons=5').errors).toEqual([expect.stringMatching(/Unknown URL parameter "iteratons": did you mean iterations\?/)]);
    expect(suggestParam('Warmup')).toBe('warmup');
    expect(suggestParam('in_sr')).toBe('in.sr');
    expect(suggestParam('zzzzzzzzzz')).toBeNull();
    expect(unknownParamErrors(new URLSearchParams('stall=3'), ['stallSeconds'])).toHaveLength(1);
    expect(unknownParamErrors(new URLSearchParams('stallSeconds=3'), ['stallSeconds'])).toHaveLength(0);
  });

  it('reads in.NAME and dim.NAME', () => {
    const request = parseUrlRequest('?model=m.onnx&in.sr=16000&in.state=zeros&dim.sequence=512');
    expect(request.errors).toEqual([]);
    expect(request.choices).toEqual({ inputs: { sr: '16000', state: 'zeros' }, dims: { sequence: 512 } });
    expect(parseUrlRequest('?in.x=bananas&dim.n=-1').errors).toHaveLength(2);
  });
});

describe('external data locations', () => {
  it('refuses absolute, URL and climbing locations; resolves beside the model', () => {
    expect(externalLocationProblem('model.onnx_data')).toBeNull();
    expect(externalLocationProblem('weights/part1.bin')).toBeNull();
    expect(externalLocationProblem('/etc/passwd')).toMatch(/absolute path/);
    expect(externalLocationProblem('C:\\\\weights.bin')).toMatch(/absolute path/);
    expect(externalLocationProblem('https://evil.example/w.bin')).toMatch(/is a URL/);
    expect(externalLocationProblem('../../w.bin')).toMatch(/climbs out/);
    expect(externalDataPath('onnx/model.onnx', 'model.onnx_data')).toBe('onnx/model.onnx_data');
    expect(externalDataPath('model.onnx', './model.onnx.data')).toBe('model.onnx.data');
  });

});
