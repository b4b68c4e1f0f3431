import { describe, expect, it } from 'vitest';
import { describeRepeats, groupFindings } from '../../../src/core/method/finding-groups.ts';
import type { PatternKind } from '../../../src/core/method/patterns.ts';

const f = (kind: PatternKind, atRun: number | null, detail = `${kind} at ${atRun}`) => ({ kind, atRun, detail });

describe('findings grouped for reading', () => {
  it('one group per kind, in order of first appearance, counted, with the first one\'s figures', () => {
    const groups = groupFindings([f('warm-up-tail', 0), f('step-up', 683), f('step-down', 913), f('step-up', 980), f('step-up', 1063), f('spikes', null)]);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([['warm-up-tail', 1], ['step-up', 3], ['step-down', 1], ['spikes', 1]]);
    expect(groups[1]!.first.detail).toBe('step-up at 683');
    expect(groups[1]!.atRuns).toEqual([683, 980, 1063]);
  });

  it('says how many times and where, 1-based, only for a kind seen more than once', () => {
    const [tail, steps, spikes] = groupFindings([f('warm-up-tail', 0), ...[683, 980, 1063, 1216].map((r) => f('step-up', r)), f('spikes', null), f('spikes', null)]);
    expect(describeRepeats(tail!)).toBe('');
    expect(describeRepeats(steps!)).toBe('4 times, at runs 684, 981, 1064 …');
    expect(describeRepeats(spikes!)).toBe('2 times');
  });
});
