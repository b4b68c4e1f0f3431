import { GraphBuilder, valueInfo } from './core/graph.ts';
import type { ZooFile } from './zoo.ts';
import { encodeModel } from './onnx/encode.ts';
import { DataType } from './onnx/types.ts';

/**
 * Deliberately broken model files for the app's error-path tests, written to
 * zoo/_fixtures/. Each one fails at a different stage of loading.
 */
export function badFixtures(validModel: Uint8Array): ZooFile[] {
  return [
    { path: 'unknown-op.onnx', data: unknownOpModel() },
    { path: 'truncated.onnx', data: validModel.slice(0, Math.floor(validModel.length / 2)) },
    { path: 'empty.onnx', data: new Uint8Array(0) },
    { path: 'endless-loop.onnx', data: endlessLoopModel() },
    { path: 'not-onnx.onnx', data: '<!doctype html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n' },
  ];
}

/** A well-formed model whose only node is an op no runtime implements, so session creation fails. */
function unknownOpModel(): Uint8Array {
  const g = new GraphBuilder(0, 'fp32');
  g.inputs.push(valueInfo('input', DataType.FLOAT, ['batch', 4]));
  g.nodes.push({ input: ['input'], output: ['output'], name: 'no_such_op', op_type: 'NoSuchOp', domain: 'benchtab.invalid', attribute: [] });
  g.outputs.push(valueInfo('output', DataType.FLOAT, ['batch', 4]));
  const model = g.model('unknown_op', 'Fixture: a node of an op type that does not exist.');
  model.opset_import.push({ domain: 'benchtab.invalid', version: 1 });
  return encodeModel(model);
}

/**
 * A valid model whose one inference never ends in practice: a Loop of 2^53 iterations (ONNX Loop,
 * opset 16), each a single Add. It loads and inspects like any model, then blocks the worker
 * thread inside one `session.run`, which is what the page's phase limit must end.
 */
function endlessLoopModel(): Uint8Array {
  const g = new GraphBuilder(0, 'fp32');
  const input = g.input('input', DataType.FLOAT, [1]);
  const body = g.subgraph();
  body.inputs.push(valueInfo('iteration', DataType.INT64, []), valueInfo('cond_in', DataType.BOOL, []), valueInfo('carried_in', DataType.FLOAT, [1]));
  body.output(body.op('Identity', ['cond_in']), 'cond_out', DataType.BOOL, []);
  body.output(body.op('Add', ['carried_in', body.scalar(1)]), 'carried_out', DataType.FLOAT, [1]);
  const tripCount = g.constant([2 ** 53], [], DataType.INT64);
  const keepGoing = g.constant([1], [], DataType.BOOL);
  const [final] = g.opMulti('Loop', [tripCount, keepGoing, input], 1, { body: { graph: body.graph('loop_body') } });
  g.output(final!, 'output', DataType.FLOAT, [1]);
  return encodeModel(g.model('endless_loop', 'Fixture: a Loop of 2^53 iterations; one inference never ends.'));
}
