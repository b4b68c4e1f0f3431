/**
 * Findings as people read them. On a busy machine a run can step up and down dozens of times
 * (other work comes and goes), and fifty lines that each say "close other tabs" hide the one that
 * matters. Findings of one kind become one group, in order of first appearance, with how many
 * times it was seen and at which runs; the first one's figures stand for the group.
 */
import type { PatternKind } from './patterns.ts';

interface Finding {
  kind: PatternKind;
  atRun: number | null;
  detail: string;
}

export interface FindingGroup<F extends Finding> {
  kind: PatternKind;
  /** The first of its kind, in run order as the findings came. */
  first: F;
  count: number;
  /** Where each one starts (0-based), for those that have a position. */
  atRuns: number[];
}

export function groupFindings<F extends Finding>(findings: readonly F[]): FindingGroup<F>[] {
  const groups = new Map<PatternKind, FindingGroup<F>>();
  for (const f of findings) {
    const group = groups.get(f.kind) ?? { kind: f.kind, first: f, count: 0, atRuns: [] };
    group.count++;
    if (f.atRun !== null) group.atRuns.push(f.atRun);
    groups.set(f.kind, group);
  }
  return [...groups.values()];
}

/** How many times and where, for a group of more than one: "25 times, at runs 684, 981, 1064 …". */
export function describeRepeats(group: FindingGroup<Finding>, shown = 3): string {
  if (group.count < 2) return '';
  const runs = group.atRuns.slice(0, shown).map((r) => r + 1).join(', ');
  const more = group.atRuns.length > shown ? ' …' : '';
  return runs ? `${group.count} times, at runs ${runs}${more}` : `${group.count} times`;
}
