import { describe, expect, it } from 'vitest';
import { explainLoadError, sniffModelBytes } from '../../../src/core/formats.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffModelBytes', () => {
  it('names what a file is instead of failing vaguely', () => {
    expect(sniffModelBytes(new Uint8Array())?.code).toBe('empty');
    expect(sniffModelBytes(bytes('<!DOCTYPE html><html>404</html>'))?.code).toBe('html');
    expect(sniffModelBytes(bytes('version https://git-lfs.github.com/spec/v1\noid sha256:ab'))?.code).toBe('git-lfs-pointer');
    expect(sniffModelBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))?.code).toBe('zip');
    expect(sniffModelBytes(bytes('{"format": "graph-model"}'))?.code).toBe('json');
    expect(sniffModelBytes(bytes('just some notes about a model'))?.code).toBe('text');
    expect(sniffModelBytes(new Uint8Array([0xff, 0x00, 0x13, 0x88]))?.code).toBe('not-onnx');
  });

  it('accepts bytes that start like a ModelProto', () => {
    // ir_version = 8 (field 1 varint), then producer_name (field 2, length-delimited).
    expect(sniffModelBytes(new Uint8Array([0x08, 0x08, 0x12, 0x03, 0x61, 0x62, 0x63]))).toBeNull();
  });
});

describe('explainLoadError', () => {
  it('turns a parse failure into advice', () => {
    expect(explainLoadError('Failed to load model because protobuf parsing failed.', 100)).toMatch(/truncated or corrupt/);
    expect(explainLoadError('Could not find an implementation for NoSuchOp', 100)).toMatch(/operator/);
    expect(explainLoadError("Fatal error: benchtab.invalid:NoSuchOp(-1) is not a registered function/op", 1)).toMatch(/operator/);
    expect(explainLoadError('something else', 1)).toBe('something else');
  });
});
