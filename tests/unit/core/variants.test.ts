import { describe, expect, it } from 'vitest';
import { dtypesFromFiles, variantUrl } from '../../../src/core/variants.ts';

describe('precision variants', () => {
  it('finds the transformers.js file of each dtype', () => {
    expect(variantUrl('http://h/zoo/m/onnx/model.onnx', 'fp16')).toBe('http://h/zoo/m/onnx/model_fp16.onnx');
    expect(variantUrl('http://h/zoo/m/onnx/model.onnx', 'q8')).toBe('http://h/zoo/m/onnx/model_quantized.onnx');
    expect(variantUrl('http://h/zoo/m/onnx/model.onnx', 'fp32')).toBe('http://h/zoo/m/onnx/model.onnx');
    expect(variantUrl('http://h/zoo/m/onnx/model.onnx', 'int3')).toBeNull();
    expect(variantUrl('http://h/weights.bin', 'fp16')).toBeNull();
  });

  it('lists the dtypes a folder has', () => {
    expect(dtypesFromFiles(['config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx'])).toEqual(['fp32', 'q8']);
  });
});
