/** Small helpers that make values fit the schema: strings cut to their caps, numbers rounded. */
import { BOUNDS } from './schema-fields.ts';
import { FORBIDDEN_KEYS } from './validate.ts';

export const cut = (value: string, max: number = BOUNDS.text): string => (value.length > max ? value.slice(0, max) : value);
/** Fractions and percentages to 6 digits: more than any display shows, far shorter than a double. */
export const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
export const roundOrNull = (value: number | null, round: (x: number) => number): number | null => (value === null ? null : round(value));

/** Capped, and without keys a link may not carry (a dim named "constructor" would make the link unreadable). */
export function cutRecord<T>(record: Record<string, T>, map: (value: T) => T): Record<string, T> {
  const entries = Object.entries(record)
    .filter(([key]) => key.length > 0 && !FORBIDDEN_KEYS.has(key))
    .slice(0, BOUNDS.recordEntries);
  return Object.fromEntries(entries.map(([key, value]) => [cut(key, 64), map(value)]));
}
