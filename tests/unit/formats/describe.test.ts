/** What the header readers say, checked against the corpus's known contents and the zoo. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_FILES } from '../../../models/corpus/rows.ts';
import { detectFile, inspectOnnx, sniffModelBytes } from '../../../src/core/formats/index.ts';

const bytesOf = (id: string, path: string) => {
  const data = CORPUS_FILES[id]![path]!;
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
};
const detect = (id: string, path: string) => {
  const head = bytesOf(id, path);
  return detectFile({ name: path, size: head.length, head, tail: head });
};

describe('header readers', () => {
  it('safetensors: tensor count, parameters and dtypes from the header', () => {
    const found = detect('safetensors', 'model.safetensors');
    expect(found.contents.tensors).toBe(4);
    expect(found.contents.parameters).toBe(64 * 16 + 16 * 16 + 16 + 10 * 16);
    expect(found.contents.dtypes).toEqual({ F16: 1024, F32: 272, BF16: 160 });
    expect(found.convert?.map((c) => c.to)).toEqual(['ONNX', 'GGUF']);
    expect(detect('safetensors-metadata', 'adapter.safetensors').contents.producer).toBe('format: pt');
  });

  it('GGUF: version, architecture and the keys that describe the model; arrays skipped', () => {
    const found = detect('gguf-header', 'model.gguf');
    expect(found.runtime).toBe('wllama');
    expect(found.contents.version).toBe('GGUF v3');
    expect(found.contents.architecture).toBe('llama');
    expect(found.contents.notes).toEqual(expect.arrayContaining(['general.name = corpus-tiny', 'llama.block_count = 2', 'weights Q8_0']));
  });

  it('PyTorch: checkpoint, TorchScript and legacy are told apart without unpickling', () => {
    expect(detect('pytorch-zip', 'model.pt').contents.tensors).toBe(2);
    expect(detect('torchscript', 'model.pt').convert?.[0]?.commands[0]).toMatch(/torch\.jit\.load/);
    expect(detect('pickle-sklearn', 'model.pkl').contents.producer).toBe('sklearn');
    expect(detect('pickle-sklearn', 'model.pkl').contents.version).toBe('pickle protocol 4');
  });

  it('Keras, NumPy, OpenVINO, Core ML and LFS pointers read their headers', () => {
    expect(detect('keras-h5', 'model.h5').contents).toMatchObject({ producer: 'Keras 2.15.0 (tensorflow)', architecture: 'Sequential' });
    expect(detect('numpy-npy', 'input.npy').contents.notes).toEqual(['dtype <f4', 'shape (2, 3)']);
    expect(detect('openvino-ir', 'model.xml').contents).toMatchObject({ version: 'IR v11', architecture: 'corpus-tiny' });
    expect(detect('coreml-mlmodel', 'model.mlmodel').contents.version).toBe('specification 5');
    expect(detect('lfs-onnx', 'model.onnx').contents.notes).toContain('the real file is 102400000 bytes');
  });

  it('ONNX inspection: opset, producer, op histogram, parameters, bytes by dtype', () => {
    const model = new Uint8Array(readFileSync('public/zoo/resnet-tiny/onnx/model.onnx'));
    const found = inspectOnnx(model);
    expect(found.opsets['ai.onnx']).toBeGreaterThanOrEqual(13);
    expect(found.nodes).toBe(Object.values(found.ops).reduce((a, b) => a + b, 0));
    expect(Object.keys(found.ops)).toContain('Conv');
    expect(found.parameters).toBeGreaterThan(1000);
    expect(found.initializerBytes.float32).toBeGreaterThanOrEqual(found.parameters * 4 * 0.9);
    expect(found.externalData).toEqual([]);
    expect(found.truncated).toBe(false);
    const fp16 = inspectOnnx(new Uint8Array(readFileSync('public/zoo/resnet-tiny/onnx/model_fp16.onnx')));
    expect(Object.keys(fp16.initializerBytes)).toContain('float16');
    // A head sample gives partial facts, marked so, without throwing.
    expect(inspectOnnx(model.subarray(0, 600), true).truncated).toBe(true);
  });
});

describe('sniffModelBytes (the first-chunk check)', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  it('names what is not a model a browser runs, and passes what is', () => {
    expect(sniffModelBytes(new Uint8Array())?.code).toBe('empty');
    expect(sniffModelBytes(text('<!DOCTYPE html><html>404</html>'))?.code).toBe('html');
    expect(sniffModelBytes(text('version https://git-lfs.github.com/spec/v1\noid sha256:ab'))?.code).toBe('git-lfs-pointer');
    expect(sniffModelBytes(text('{"labels": ["a"]}'))?.code).toBe('json');
    expect(sniffModelBytes(text('just some notes about a model'))?.code).toBe('text');
    expect(sniffModelBytes(new Uint8Array([0xff, 0x00, 0x13, 0x88]), 'x.onnx')?.message).toMatch(/not an ONNX model/);
    expect(sniffModelBytes(bytesOf('safetensors', 'model.safetensors'))?.message).toMatch(/optimum-cli export onnx/);
    expect(sniffModelBytes(new Uint8Array([0x08, 0x08, 0x12, 0x03, 0x61, 0x62, 0x63]))).toBeNull();
    expect(sniffModelBytes(bytesOf('tflite-header-only', 'model.tflite'))).toBeNull();
  });
});
