import { describe, expect, it } from 'vitest';
import { routeDroppedFiles } from '../../../src/lib/drop-route.ts';

const file = (path: string) => ({ path, file: new File([new Uint8Array(1)], path.split('/').at(-1)!) });

describe('routeDroppedFiles', () => {
  it('reads a single .onnx file with onnxruntime-web whatever runtime was shown', () => {
    expect(routeDroppedFiles([file('model.onnx')], 'tfjs')).toMatchObject({ kind: 'file', runtime: 'ort' });
    expect(routeDroppedFiles([file('model.onnx')], 'transformers')).toMatchObject({ kind: 'file', runtime: 'ort' });
  });

  it('leaves an unknown single file to the runtime shown, which says what is wrong', () => {
    expect(routeDroppedFiles([file('notes.txt')], 'tfjs')).toMatchObject({ kind: 'file', runtime: 'tfjs' });
  });

  it('reads model.json with its shards as TF.js, a hub folder as transformers.js', () => {
    expect(routeDroppedFiles([file('m/model.json'), file('m/group1-shard1of1.bin')], 'ort')).toEqual({ kind: 'folder', runtime: 'tfjs' });
    expect(routeDroppedFiles([file('bert/config.json'), file('bert/onnx/model.onnx')], 'ort')).toEqual({ kind: 'folder', runtime: 'transformers' });
  });
});
