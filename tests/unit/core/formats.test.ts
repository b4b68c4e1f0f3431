import { describe, expect, it } from 'vitest';
import { explainLoadError, scrubRaw } from '../../../workers/errors.ts';

describe('explainLoadError', () => {
  it('turns a runtime message into advice with a class', () => {
    expect(explainLoadError('Failed to load model because protobuf parsing failed.', 100)).toMatchObject({ errorClass: 'corrupt-model', message: expect.stringMatching(/truncated or corrupt/) });
    expect(explainLoadError('Could not find an implementation for NoSuchOp', 100).errorClass).toBe('unsupported-operator');
    expect(explainLoadError('Fatal error: benchtab.invalid:NoSuchOp(-1) is not a registered function/op', 1).errorClass).toBe('unsupported-operator');
    expect(explainLoadError("Failed to load external data file \"model.onnx_data\", error: Module.MountedFiles is not available.", 1).errorClass).toBe('missing-external-data');
    expect(explainLoadError('something else', 1)).toEqual({ errorClass: 'unknown', message: 'The runtime could not load the model: something else' });
  });

  it('keeps no build-machine paths in the raw text', () => {
    const raw = "[ONNXRuntimeError] : 1 : FAIL : /onnxruntime_src/onnxruntime/core/graph/model.cc:147 onnxruntime::Model::Model ModelProto does not have a graph. at /home/runner/work/x/build.js";
    const scrubbed = scrubRaw(raw);
    expect(scrubbed).not.toMatch(/onnxruntime_src|home\/runner|model\.cc/);
    expect(scrubbed).toMatch(/ModelProto does not have a graph/);
    expect(scrubRaw('ERROR_MESSAGE: inference_session.cc:2119 LoadOrtModelWithLoader ORT model verification failed.')).toBe('ERROR_MESSAGE: LoadOrtModelWithLoader ORT model verification failed.');
    expect(explainLoadError('LoadOrtModelWithLoader ORT model verification failed.', 1).errorClass).toBe('corrupt-model');
  });
});
