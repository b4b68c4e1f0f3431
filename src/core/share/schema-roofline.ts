/**
 * What a link carries of the roofline: the model's counted work, and the ceilings of the device
 * that ran it where they were measured. The placement itself is recomputed from these and the
 * shared p50, so it cannot disagree with them.
 */
import * as z from 'zod/mini';
import { BOUNDS, count, text } from './schema-fields.ts';

const amount = z.number().check(z.gte(0), z.lte(1e18));
const figure = z.object({ median: amount, spread: z.number().check(z.gte(0), z.lte(1e6)), batches: count(1) });

export const sharedRoofline = z.object({
  work: z.object({
    flops: amount, macs: amount, bytes: amount, weightBytes: amount,
    countedNodes: count(0), nodes: count(0),
  }),
  ceilings: z.optional(z.object({
    backend: z.enum(['wasm', 'webgpu']),
    threads: z.optional(count(1)),
    compute: figure,
    computeF16: z.optional(figure),
    bandwidth: figure,
    method: text(),
    software: z.boolean(),
    adapter: z.optional(text(BOUNDS.name)),
    measuredAt: z.iso.datetime(),
  })),
});
