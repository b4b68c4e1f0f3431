/** The table of op handlers: how each op's output shapes and work follow from its inputs. */
import type { AttributeLike, Known } from './graph.ts';
import { COMPUTE_OPS } from './ops-compute.ts';
import { TENSOR_OPS } from './ops-tensor.ts';

export interface NodeContext {
  inputs: Array<Known | undefined>;
  attrs: Map<string, AttributeLike>;
  outputCount: number;
}

export interface NodeWork {
  outputs: Array<Known | undefined>;
  /** Multiply-accumulates (convolutions, matrix products). */
  macs?: number;
  /** Other floating-point operations (elementwise, reductions, normalisation). */
  flops?: number;
}

/** Undefined when the op's outputs cannot be known from what is known of its inputs. */
export type Handler = (ctx: NodeContext) => NodeWork | undefined;

export const HANDLERS: Record<string, Handler> = { ...TENSOR_OPS, ...COMPUTE_OPS };
