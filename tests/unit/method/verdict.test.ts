import { describe, expect, it } from 'vitest';
import { judge, type VerdictInput } from '../../../src/core/method/verdict.ts';
import type { Validity } from '../../../src/core/method/validity.ts';

const valid: Validity = { valid: true, checks: [], reasons: [] };
const input = (over: Partial<VerdictInput> = {}): VerdictInput => ({ domain: 'vision', count: 200, p95: 40, validity: valid, ...over });

describe('judge', () => {
  it('passes p95 under the domain target with the margin', () => {
    const v = judge(input());
    expect(v).toMatchObject({
      domain: 'vision', targetMs: 50, slaMs: null, p95: 40, pass: true, status: 'pass',
      marginMs: 10, marginPct: 20, againstSla: null,
    });
    expect(v.againstTarget).toEqual({ limitMs: 50, pass: true, marginMs: 10, marginPct: 20 });
  });

  it('reports both comparisons and takes the margin from the tighter limit', () => {
    const v = judge(input({ slaMs: 30 }));
    expect(v).toMatchObject({ pass: false, status: 'fail', marginMs: -10 });
    expect(v.marginPct).toBeCloseTo(-33.333, 3);
    expect(v.againstTarget!.pass).toBe(true);
    expect(v.againstSla).toMatchObject({ limitMs: 30, pass: false });
    expect(v.reason).toMatch(/< Computer Vision target 50 ms, ≥ SLA 30 ms/);
    expect(judge(input({ slaMs: 45 }))).toMatchObject({ pass: true, marginMs: 5 });
    expect(judge(input({ slaMs: 80 }))).toMatchObject({ pass: true, marginMs: 10 });
  });

  it('fails p95 equal to the target: the seed asks for p95 < target', () => {
    expect(judge(input({ p95: 50 }))).toMatchObject({ pass: false, status: 'fail', marginMs: 0 });
    expect(judge(input({ p95: 60 }))).toMatchObject({ pass: false, marginMs: -10, marginPct: -20 });
  });

  it('never passes an invalid result, and says why', () => {
    const invalid: Validity = { valid: false, checks: [], reasons: ['the tab was hidden 1 time(s)'] };
    const v = judge(input({ validity: invalid }));
    expect(v).toMatchObject({ pass: false, status: 'not-measured', marginMs: null, againstTarget: null });
    expect(v.reason).toContain('the tab was hidden');
  });

  it('never passes on a sample too small for p95', () => {
    const v = judge(input({ count: 129 }));
    expect(v).toMatchObject({ pass: false, status: 'not-measured' });
    expect(v.reason).toMatch(/too few for p95 \(at least 130/);
    expect(judge(input({ count: 130 })).pass).toBe(true);
  });

  it('never passes without a domain, even with an SLA', () => {
    expect(judge(input({ domain: null, slaMs: 1000 }))).toMatchObject({ pass: false, status: 'not-measured', targetMs: null });
  });

  it('flags a pass that the p95 interval does not clear', () => {
    const close = judge(input({ p95: 49, p95UpperMs: 51 }));
    expect(close).toMatchObject({ pass: true, passAtUpperBound: false });
    expect(close.reason).toMatch(/too close to call/);
    expect(judge(input({ p95UpperMs: 45 })).passAtUpperBound).toBe(true);
  });

  it('survives JSON', () => {
    const v = judge(input({ slaMs: 30 }));
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});
