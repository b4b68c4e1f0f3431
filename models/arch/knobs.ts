import type { Architecture } from './types.ts';

/**
 * The parameters a "Synthesize" form can offer for one architecture, read off
 * its presets: every number, list of numbers and nested group, with the tiny
 * and full values as anchors. Paths use dots for nested groups ("vision.layers");
 * `synthesize({ overrides })` takes the same shape back.
 */
export interface Knob {
  path: string;
  kind: 'integer' | 'number' | 'integer-list';
  tiny: number | number[];
  full: number | number[];
}

type Config = Record<string, unknown>;

function collect(tiny: Config, full: Config, prefix: string, out: Knob[]): void {
  for (const [key, value] of Object.entries(tiny)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const other = full[key];
    if (typeof value === 'number' && typeof other === 'number') {
      out.push({ path, kind: Number.isInteger(value) && Number.isInteger(other) ? 'integer' : 'number', tiny: value, full: other });
    } else if (Array.isArray(value) && Array.isArray(other)) {
      out.push({ path, kind: 'integer-list', tiny: value as number[], full: other as number[] });
    } else if (typeof value === 'object' && value !== null && typeof other === 'object' && other !== null) {
      collect(value as Config, other as Config, path, out);
    }
  }
}

export function knobs(family: Architecture<unknown>): Knob[] {
  const out: Knob[] = [];
  collect(family.presets.tiny as Config, family.presets.full as Config, '', out);
  return out;
}

/** { "vision.layers": 6 } → { vision: { layers: 6 } }, the overrides shape synthesize() merges. */
export function overridesFromPaths(values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let target = result;
    keys.slice(0, -1).forEach((key) => {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    });
    target[keys.at(-1) ?? path] = value;
  }
  return result;
}
