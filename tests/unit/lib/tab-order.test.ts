import { describe, expect, it } from 'vitest';
import { neighbourTab } from '../../../src/lib/tab-order.ts';

describe('neighbourTab (WAI-ARIA tabs keyboard)', () => {
  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(neighbourTab('benchmark', 'ArrowRight')).toBe('sweep');
    expect(neighbourTab('benchmark', 'ArrowLeft')).toBe('history');
    expect(neighbourTab('history', 'ArrowRight')).toBe('benchmark');
    expect(neighbourTab('load', 'Home')).toBe('benchmark');
    expect(neighbourTab('load', 'End')).toBe('history');
    expect(neighbourTab('load', 'Enter')).toBeNull();
  });
});
