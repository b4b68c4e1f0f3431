/**
 * TensorRT engines (.engine, .plan, .trt): serialised for one GPU model and TensorRT version.
 * Netron recognises the "ptrt"/"ftrt" magic near the start.
 */
import { ascii, extension } from './bytes.ts';
import type { FormatModule } from './types.ts';

export const tensorRt: FormatModule = {
  id: 'tensorrt',
  label: 'TensorRT engine',
  kind: 'model',
  runtime: null,
  match: ({ head, name }) => /ptrt|ftrt/.test(ascii(head, 0, 32)) || (['.engine', '.plan', '.trt'].includes(extension(name)) && head.length > 0),
  why: 'A TensorRT engine is compiled for one NVIDIA GPU and one TensorRT version: it runs nowhere else, and no browser runs TensorRT. It cannot be converted back.',
  convert: [{ to: 'ONNX', runtime: 'ort', commands: ['# use the ONNX file the engine was built from (trtexec --onnx=model.onnx --saveEngine=model.engine)'], note: 'Benchmark that .onnx here instead.' }],
};
