import { describe, expect, it } from 'vitest';
import { badFixtures } from '../../../models/fixtures.ts';
import { catalogEntry } from '../../../models/catalog.ts';
import { generateEntry } from '../../../models/zoo.ts';
import { createSession } from './ort.ts';

const entry = catalogEntry('resnet-tiny');
if (!entry) throw new Error('resnet-tiny missing');
const model = generateEntry(entry, { dtypes: ['fp32'] }).files.find((f) => f.path === 'onnx/model.onnx')?.data;
if (!(model instanceof Uint8Array)) throw new Error('no model');
const fixtures = badFixtures(model);

/** Each fixture must fail session creation with a message naming its cause. */
const expected: Record<string, RegExp> = {
  'unknown-op.onnx': /NoSuchOp/,
  'truncated.onnx': /protobuf parsing failed/,
  'empty.onnx': /No graph was found|protobuf/,
  'not-onnx.onnx': /protobuf parsing failed/,
};

describe('bad fixtures', () => {
  it('has exactly the four documented broken files, and the endless loop', () => {
    expect(fixtures.map((f) => f.path).sort()).toEqual([...Object.keys(expected), 'endless-loop.onnx'].sort());
  });

  it('endless-loop.onnx is a valid model: its session is created (only running it never ends)', async () => {
    const data = fixtures.find((f) => f.path === 'endless-loop.onnx')?.data;
    if (!(data instanceof Uint8Array)) throw new Error('no endless loop');
    const session = await createSession(data);
    expect(session.inputNames).toEqual(['input']);
    expect(session.outputNames).toEqual(['output']);
  });

  for (const [path, message] of Object.entries(expected)) {
    it(`${path} fails session creation`, async () => {
      const data = fixtures.find((f) => f.path === path)?.data ?? '';
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      await expect(createSession(bytes)).rejects.toThrow(message);
    });
  }

  it('truncated.onnx is half of resnet-tiny', () => {
    const truncated = fixtures.find((f) => f.path === 'truncated.onnx')?.data;
    expect(truncated?.length).toBe(Math.floor(model.length / 2));
  });
});
