import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ModelFiles } from '../../../workers/model-files.ts';
import type { FolderFile } from '../../../workers/protocol.ts';

const file = (path: string, text: string): FolderFile => ({ path, file: new File([text], path.split('/').at(-1)!) });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('ModelFiles: a model as a set of files', () => {
  it('finds the entry of a dropped folder: model.json for TF.js, the folder itself for a hub layout', () => {
    expect(new ModelFiles({ kind: 'folder', name: 'm', files: [file('model.json', '{}'), file('a.bin', 'x')] }).entry).toBe('model.json');
    expect(new ModelFiles({ kind: 'folder', name: 'm', files: [file('config.json', '{}'), file('onnx/model.onnx', 'x')] }).entry).toBe('');
  });

  it('a URL names its file; relative paths resolve against its folder', () => {
    const files = new ModelFiles({ kind: 'url', url: 'http://h/zoo/cnn/model.json?v=1', name: 'cnn', synthetic: true });
    expect(files.entry).toBe('model.json');
    expect(files.describe('group1-shard1of2.bin')).toBe('http://h/zoo/cnn/group1-shard1of2.bin?v=1');
    expect(new ModelFiles({ kind: 'hub', url: 'https://huggingface.co/Xenova/gpt2', name: 'Xenova/gpt2', synthetic: false }).describe('config.json'))
      .toBe('https://huggingface.co/Xenova/gpt2/resolve/main/config.json');
  });

  it('reads, counts and hashes what was read; a missing file is named and answers 404', async () => {
    const files = new ModelFiles({ kind: 'folder', name: 'm', files: [file('model.json', '{"a":1}'), file('w.bin', 'weights')] });
    expect(new TextDecoder().decode(await files.read('model.json'))).toBe('{"a":1}');
    expect(await files.digest()).toBe(sha('{"a":1}'));
    await files.read('w.bin');
    expect(files.bytes).toBe(14);
    expect(await files.digest()).toBe(sha(`${sha('{"a":1}')}  model.json\n${sha('weights')}  w.bin\n`));
    await expect(files.read('shard2.bin', 'model.json lists it')).rejects.toThrow('The dropped files have no shard2.bin: model.json lists it.');
    expect((await files.response('tokenizer.json')).status).toBe(404);
    expect(files.missing).toEqual(['shard2.bin', 'tokenizer.json']);
    expect(files.fetchMs).toBeGreaterThanOrEqual(0);
  });
});
