import { describe, expect, it } from 'vitest';
import { architecture } from '../../../models/arch/registry.ts';
import { GraphBuilder, valueInfo } from '../../../models/core/graph.ts';
import { DataType } from '../../../models/onnx/types.ts';
import { defaultDims } from '../../../src/core/dims.ts';
import type { GraphLike } from '../../../src/core/roofline/graph.ts';
import { countGraphWork, inputShapes } from '../../../src/core/roofline/work.ts';

/** A graph of the generator's own making, shapes only (no weight bytes). */
function built(make: (g: GraphBuilder) => void): GraphLike {
  const g = new GraphBuilder(1, 'fp32', { dryRun: true });
  make(g);
  return { node: g.nodes, initializer: g.initializers, input: g.inputs } as unknown as GraphLike;
}

function fullPreset(key: string, dims: Record<string, number>) {
  const family = architecture(key);
  const [graph] = family.build(family.presets.full, { seed: 42, variant: 'fp32', dryRun: true });
  const g = graph!.model.graph as unknown as GraphLike;
  return countGraphWork(g, inputShapes(g, dims));
}

describe('work counted from hand-computed graphs', () => {
  it('counts a convolution as output elements × input channels × kernel', () => {
    // 1×3×32×32 input, 16 filters of 3×3, stride 1, pad 1: 16×32×32 outputs, 3×3×3 MACs each.
    const graph = built((g) => {
      g.inputs.push(valueInfo('x', DataType.FLOAT, [1, 3, 32, 32]));
      g.op('Conv', ['x', g.weight('w', [16, 3, 3, 3], { fanIn: 27 })], { pads: [1, 1, 1, 1] });
    });
    const work = countGraphWork(graph, inputShapes(graph, {}));
    expect(work.macs).toBe(16 * 32 * 32 * 27);
    expect(work.flops).toBe(2 * 16 * 32 * 32 * 27);
    // Weights 16·27 floats; input read 3·32·32, output written 16·32·32, 4 bytes each.
    expect(work.weightBytes).toBe(16 * 27 * 4);
    expect(work.activationBytes).toBe((3 * 32 * 32 + 16 * 32 * 32) * 4);
    expect(work.intensity).toBeCloseTo(work.flops / work.bytes, 12);
  });

  it('counts a batched MatMul as batch × M × K × N', () => {
    const graph = built((g) => {
      g.inputs.push(valueInfo('a', DataType.FLOAT, ['batch', 64, 32]));
      g.op('MatMul', ['a', g.weight('b', [32, 48], { fanIn: 32 })]);
    });
    expect(countGraphWork(graph, inputShapes(graph, { batch: 4 })).macs).toBe(4 * 64 * 32 * 48);
  });

  it('counts an attention block: projections, scores, softmax and the weighted sum', () => {
    const [seq, hidden, heads] = [10, 32, 4];
    const graph = built((g) => {
      g.inputs.push(valueInfo('x', DataType.FLOAT, [1, seq, hidden]));
      const split = (t: string) => g.op('Transpose', [g.op('Reshape', [t, g.ints([0, 0, heads, hidden / heads])])], { perm: [0, 2, 1, 3] });
      const [q, k, v] = ['q', 'k', 'v'].map((n) => split(g.op('MatMul', ['x', g.weight(n, [hidden, hidden], { fanIn: hidden })])));
      const scores = g.op('MatMul', [q!, g.op('Transpose', [k!], { perm: [0, 1, 3, 2] })]);
      g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v!]);
    });
    const work = countGraphWork(graph, inputShapes(graph, {}));
    const projections = 3 * seq * hidden * hidden;
    const attention = 2 * heads * seq * seq * (hidden / heads);
    expect(work.macs).toBe(projections + attention);
    expect(work.flops).toBe(2 * (projections + attention) + 5 * heads * seq * seq);
    expect(work.countedNodes).toBe(work.nodes);
  });

  it('says which ops it could not count instead of guessing', () => {
    const graph = built((g) => {
      g.inputs.push(valueInfo('x', DataType.FLOAT, [1, 8]));
      g.op('NonMaxSuppression', ['x']);
    });
    const work = countGraphWork(graph, inputShapes(graph, {}));
    expect(work.uncounted).toEqual({ NonMaxSuppression: 1 });
    expect(work.countedNodes).toBe(0);
  });
});

describe('work of the zoo’s full presets against published figures', () => {
  it('ResNet-50 at 224 px: 4.1 GMACs (torchvision’s ResNet50_Weights: 4.09 GFLOPS, counted as MACs)', () => {
    const work = fullPreset('resnet', { batch_size: 1 });
    expect(work.macs / 1e9).toBeGreaterThan(4.05);
    expect(work.macs / 1e9).toBeLessThan(4.15);
    expect(work.countedNodes).toBe(work.nodes);
  });

  it('MobileNetV2 1.0 at 224 px: 300 M multiply-adds (Sandler et al. 2018, Table 4)', () => {
    const work = fullPreset('mobilenetv2', { batch_size: 1 });
    expect(work.macs / 1e6).toBeGreaterThan(295);
    expect(work.macs / 1e6).toBeLessThan(305);
  });

  it('BERT-base: 12 × (4·768² + 2·768·3072) ≈ 84.9 M MACs per token, plus the pooler', () => {
    // The encoder's weight matrices, each used once per token; attention adds 2·seq·768 per layer.
    const perToken = 12 * (4 * 768 * 768 + 2 * 768 * 3072);
    const one = fullPreset('bert', { batch: 1, sequence: 1 });
    expect(one.macs).toBeGreaterThan(perToken);
    expect(one.macs).toBeLessThan(perToken * 1.01);
    // At the app's default 128 tokens: 128 × the per-token work, plus attention's 2·128²·768 per layer.
    const long = fullPreset('bert', defaultDims({ inputs: [{ name: 'input_ids', dtype: 'int64', shape: ['batch', 'sequence'] }], outputs: [] }));
    const expected = 128 * perToken + 12 * 2 * 128 * 128 * 768;
    expect(Math.abs(long.macs - expected) / expected).toBeLessThan(0.01);
  });
});
