import type { GraphBuilder, WeightInit } from './graph.ts';
import { DataType } from '../onnx/types.ts';
import { gelu, layerNorm, linear } from './nn.ts';

/**
 * Transformer pieces in the shape optimum/torch exports them: attention as
 * MatMul + Softmax over [batch, heads, seq, headDim], masks as additive floats.
 */

/** Masked positions get this added to their scores; finite so fp16 stays finite. */
const MASKED = -1e4;

export interface AttentionConfig {
  hidden: number;
  heads: number;
  /** Whisper's k_proj has no bias; everything else here does. */
  keyBias?: boolean;
}

/** [batch, seq, hidden] → [batch, heads, seq, headDim]. */
export function splitHeads(g: GraphBuilder, x: string, heads: number, headDim: number): string {
  return g.op('Transpose', [g.op('Reshape', [x, g.ints([0, 0, heads, headDim])])], { perm: [0, 2, 1, 3] });
}

/** [batch, heads, seq, headDim] → [batch, seq, hidden]. */
export function mergeHeads(g: GraphBuilder, x: string, hidden: number): string {
  return g.op('Reshape', [g.op('Transpose', [x], { perm: [0, 2, 1, 3] }), g.ints([0, 0, hidden])]);
}

/** softmax(q·kᵀ/√d + mask)·v on split heads. */
export function scaledDotProduct(g: GraphBuilder, q: string, k: string, v: string, headDim: number, mask?: string): string {
  let scores = g.op('MatMul', [q, g.op('Transpose', [k], { perm: [0, 1, 3, 2] })]);
  scores = g.op('Mul', [scores, g.scalar(1 / Math.sqrt(headDim))]);
  if (mask) scores = g.op('Add', [scores, mask]);
  return g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
}

export interface AttentionResult {
  output: string;
  /** Keys and values in [batch, heads, totalSeq, headDim], the form KV caches take. */
  key: string;
  value: string;
}

/**
 * Multi-head attention with separate q/k/v projections. `context` defaults to
 * `x` (self-attention); `past` is concatenated before the new keys and values.
 */
export function attention(
  g: GraphBuilder,
  name: string,
  x: string,
  c: AttentionConfig,
  options: { mask?: string; past?: { key: string; value: string }; context?: string; cross?: { key: string; value: string } } = {},
): AttentionResult {
  const headDim = c.hidden / c.heads;
  const q = splitHeads(g, linear(g, `${name}.q_proj`, x, c.hidden, c.hidden), c.heads, headDim);
  let key: string;
  let value: string;
  if (options.cross) {
    ({ key, value } = options.cross);
  } else {
    const source = options.context ?? x;
    key = splitHeads(g, linear(g, `${name}.k_proj`, source, c.hidden, c.hidden, c.keyBias ?? true), c.heads, headDim);
    value = splitHeads(g, linear(g, `${name}.v_proj`, source, c.hidden, c.hidden), c.heads, headDim);
  }
  if (options.past) {
    key = g.op('Concat', [options.past.key, key], { axis: 2 });
    value = g.op('Concat', [options.past.value, value], { axis: 2 });
  }
  const context = mergeHeads(g, scaledDotProduct(g, q, key, value, headDim, options.mask), c.hidden);
  return { output: linear(g, `${name}.out_proj`, context, c.hidden, c.hidden), key, value };
}

/** Projected keys and values of `context`, split into heads: cross-attention's cache entries. */
export function crossKeyValue(g: GraphBuilder, name: string, context: string, c: AttentionConfig): { key: string; value: string } {
  const headDim = c.hidden / c.heads;
  return {
    key: splitHeads(g, linear(g, `${name}.k_proj`, context, c.hidden, c.hidden, c.keyBias ?? true), c.heads, headDim),
    value: splitHeads(g, linear(g, `${name}.v_proj`, context, c.hidden, c.hidden), c.heads, headDim),
  };
}

export interface FeedForwardConfig {
  hidden: number;
  intermediate: number;
  activation?: (g: GraphBuilder, x: string) => string;
}

export function feedForward(g: GraphBuilder, name: string, x: string, c: FeedForwardConfig): string {
  const h = (c.activation ?? gelu)(g, linear(g, `${name}.fc1`, x, c.hidden, c.intermediate));
  return linear(g, `${name}.fc2`, h, c.intermediate, c.hidden);
}

export interface EncoderLayerConfig extends AttentionConfig, FeedForwardConfig {
  /** Pre-LN (GPT-2, CLIP, Whisper) normalises before each sublayer; post-LN (BERT, Wav2Vec2-base) after. */
  preNorm: boolean;
  epsilon: number;
}

/** One self-attention + feed-forward layer with residuals. */
export function encoderLayer(g: GraphBuilder, name: string, x: string, c: EncoderLayerConfig, mask?: string): string {
  if (c.preNorm) {
    const attended = attention(g, `${name}.self_attn`, layerNorm(g, `${name}.self_attn_layer_norm`, x, c.hidden, c.epsilon), c, { mask });
    const h = g.op('Add', [x, attended.output]);
    return g.op('Add', [h, feedForward(g, `${name}.mlp`, layerNorm(g, `${name}.final_layer_norm`, h, c.hidden, c.epsilon), c)]);
  }
  const attended = attention(g, `${name}.self_attn`, x, c, { mask });
  const h = layerNorm(g, `${name}.self_attn_layer_norm`, g.op('Add', [x, attended.output]), c.hidden, c.epsilon);
  return layerNorm(g, `${name}.final_layer_norm`, g.op('Add', [h, feedForward(g, `${name}.mlp`, h, c)]), c.hidden, c.epsilon);
}

/** BERT-style padding mask: attention_mask [batch, seq] (1 = keep) → additive [batch, 1, 1, seq]. */
export function paddingMask(g: GraphBuilder, attentionMask: string): string {
  const keep = g.op('Cast', [g.op('Unsqueeze', [attentionMask, g.ints([1, 2])])], { to: g.floatType });
  return g.op('Mul', [g.op('Sub', [g.scalar(1), keep]), g.scalar(MASKED)]);
}

/** A scalar int64: dimension `axis` of `value`'s runtime shape. */
export function dimension(g: GraphBuilder, value: string, axis: number): string {
  return g.op('Gather', [g.op('Shape', [value]), g.scalar(axis, DataType.INT64)], { axis: 0 });
}

/**
 * Causal mask for `querySeq` new positions after a cache: query i may see
 * key j when j ≤ (total − querySeq) + i. Optional attention_mask [batch, total]
 * adds padding. Returns an additive mask [batch or 1, 1, querySeq, total].
 */
export function causalMask(g: GraphBuilder, querySeq: string, totalSeq: string, attentionMask?: string): string {
  const zero = g.scalar(0, DataType.INT64);
  const one = g.scalar(1, DataType.INT64);
  const keyPositions = g.op('Range', [zero, totalSeq, one]);
  const queryPositions = g.op('Range', [g.op('Sub', [totalSeq, querySeq]), totalSeq, one]);
  let allowed = g.op('LessOrEqual', [keyPositions, g.op('Unsqueeze', [queryPositions, g.ints([1])])]);
  if (attentionMask) {
    const padding = g.op('Cast', [g.op('Unsqueeze', [attentionMask, g.ints([1, 2])])], { to: DataType.BOOL });
    allowed = g.op('And', [allowed, padding]);
  } else {
    allowed = g.op('Unsqueeze', [allowed, g.ints([0, 1])]);
  }
  return g.op('Where', [allowed, g.scalar(0), g.scalar(MASKED)]);
}

/** Positions 0..seq−1 as int64 [1, seq], for learned position embeddings. */
export function positionIds(g: GraphBuilder, sequence: string, start?: string): string {
  const begin = start ?? g.scalar(0, DataType.INT64);
  const end = g.op('Add', [begin, sequence]);
  return g.op('Unsqueeze', [g.op('Range', [begin, end, g.scalar(1, DataType.INT64)]), g.ints([0])]);
}

/**
 * Logits through an LM head tied to the token embedding [vocab, hidden]. fp32
 * and fp16 share the one initializer through a Transpose the runtime folds at
 * load; q8 stores the transposed int8 copy that quantised exports carry.
 */
export function tiedLmHead(g: GraphBuilder, x: string, tableName: string, vocab: number, hidden: number, init: WeightInit = { fanIn: hidden }): string {
  if (g.variant !== 'q8') {
    const table = g.weight(tableName, [vocab, hidden], init);
    return g.op('MatMul', [x, g.op('Transpose', [table], { perm: [1, 0] })]);
  }
  const table = g.weightValues(tableName, [vocab, hidden], init);
  return g.matmul(x, 'lm_head.weight', [hidden, vocab], { fanIn: hidden }, transpose(table, vocab, hidden));
}

/** [rows, cols] → [cols, rows] in 64×64 tiles, so neither side strides through memory a value at a time. */
export function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  if (values.length === 0) return out;
  const TILE = 64;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const rEnd = Math.min(r0 + TILE, rows);
      const cEnd = Math.min(c0 + TILE, cols);
      for (let r = r0; r < rEnd; r++) {
        for (let c = c0; c < cEnd; c++) out[c * rows + r] = values[r * cols + c] as number;
      }
    }
  }
  return out;
}
