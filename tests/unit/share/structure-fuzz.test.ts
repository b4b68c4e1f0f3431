/**
 * Structural fuzzing: a valid shared result with one subtree replaced by a value derived from
 * that subtree's own schema (zod-arbitrary.ts). Links, imports and stored records all go through
 * `parseShared`; whatever it accepts must be safe to render: keyed lists without duplicate keys,
 * finite numbers within bounds, strings within caps. Nothing may throw.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toShared } from '../../../src/core/share/convert.ts';
import { importJson } from '../../../src/core/share/export.ts';
import { decodeResult, encodeResult } from '../../../src/core/share/link.ts';
import { sharedResultSchema, type SharedResult } from '../../../src/core/share/schema.ts';
import { parseShared } from '../../../src/core/share/validate.ts';
import { typicalResult } from './fixtures.ts';
import { arbitraryOf, replaced, schemaPaths } from './zod-arbitrary.ts';

const valid = toShared(typicalResult(), '0.1.0');
const paths = schemaPaths(sharedResultSchema, valid);

const mutated = fc.constantFrom(...paths).chain(({ path, schema }) =>
  arbitraryOf(schema).map((next) => ({ where: path.join('.'), value: replaced(valid, path, next) })));

const unique = (keys: unknown[]): boolean => new Set(keys).size === keys.length;

/** What the UI relies on when it renders an accepted result. */
function expectRenderable(result: SharedResult): void {
  expect(unique(result.checklist.items.map((item) => item.id))).toBe(true);
  expect(unique(result.validity.checks.map((check) => check.id))).toBe(true);
  expect(unique(result.precision.support.map((s) => s.name))).toBe(true);
  expect(unique(result.io.inputs.map((t) => t.name))).toBe(true);
  expect(unique(result.io.outputs.map((t) => t.name))).toBe(true);
  expect(unique((result.verdict.regimes ?? []).map((r) => r.index))).toBe(true);
  for (const value of [result.stats.p50, result.stats.p95, result.stats.mean, result.model.bytes]) expect(Number.isFinite(value)).toBe(true);
  expect(result.model.name.length).toBeLessThanOrEqual(256);
}

describe('structural fuzzing of valid payloads', () => {
  test('the schema has many places to mutate', () => {
    expect(paths.length).toBeGreaterThan(150);
  });

  test('a mutated record is refused with a message or accepted in a renderable form', () => {
    let refused = 0;
    fc.assert(fc.property(mutated, ({ value }) => {
      const parsed = parseShared(value, 'This record');
      if (parsed.ok) expectRenderable(parsed.result);
      else {
        refused++;
        expect(parsed.error).toMatch(/^This record .{10,}/);
      }
    }), { numRuns: 600 });
    expect(refused).toBeGreaterThan(100);
  });

  test('duplicated keys in every keyed list are refused', () => {
    const lists: [string, (r: any) => unknown[]][] = [
      ['checklist item id', (r) => r.checklist.items],
      ['validity check id', (r) => r.validity.checks],
      ['percentile in precision.support', (r) => r.precision.support],
      ['input name', (r) => r.io.inputs],
    ];
    for (const [what, listOf] of lists) {
      const copy: any = structuredClone(valid);
      const items = listOf(copy);
      items.push(structuredClone(items[0]));
      const parsed = parseShared(copy, 'This record');
      expect(parsed.ok, what).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(`Duplicate ${what}`);
    }
  });

  test('through a link and an import: never a throw, never an unrenderable result', async () => {
    await fc.assert(fc.asyncProperty(mutated, async ({ value }) => {
      const decoded = await decodeResult(await encodeResult(value as SharedResult).catch(() => '#r=AAAA'));
      if (decoded.ok) expectRenderable(decoded.result);
      const imported = importJson(JSON.stringify(value));
      if (imported.ok) imported.result.forEach((entry) => expectRenderable(entry.result));
    }), { numRuns: 150 });
  });
});
