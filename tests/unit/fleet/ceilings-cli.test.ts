import { describe, expect, it } from 'vitest';
import { measureCeilings as measure } from '../../../cli/ceilings.ts';
import type { BrowserSession } from '../../../cli/session.ts';

/** A page as `--ceilings` sees it through evaluate(): cached ceilings, a button, a refusal or an alert. */
function page(options: { cachedAfterPolls?: number; placedAfterClickPolls?: number; why?: string; alert?: string }) {
  let polls = 0;
  let clicked = false;
  let clickPolls = 0;
  const session: BrowserSession = {
    id: 'fake', info: { browser: 'chromium', version: '1' },
    open: async () => {},
    close: async () => {},
    evaluate: async <T>(expression: string): Promise<T> => {
      if (expression.includes('button.click()')) {
        if (options.why) return options.why as T;
        clicked = true;
        return null as T;
      }
      polls++;
      if (clicked) clickPolls++;
      const placed = (options.cachedAfterPolls !== undefined && polls >= options.cachedAfterPolls)
        || (clicked && options.placedAfterClickPolls !== undefined && clickPolls >= options.placedAfterClickPolls);
      return { placed, error: clicked && options.alert ? options.alert : null } as T;
    },
  };
  return { session, clicked: () => clicked };
}

/** Polled every millisecond, cache waited for 20: the logic, not the page's pace. */
const measureCeilings = (session: BrowserSession, timeoutMs: number) => measure(session, timeoutMs, { pollMs: 1, cacheWaitMs: 20 });

describe('--ceilings through the page', () => {
  it('uses ceilings the page finds in its cache without measuring again', async () => {
    const p = page({ cachedAfterPolls: 3 });
    expect(await measureCeilings(p.session, 10_000)).toBeNull();
    expect(p.clicked()).toBe(false);
  });

  it('starts the probes when none are cached and waits for the placement', async () => {
    const p = page({ placedAfterClickPolls: 2 });
    expect(await measureCeilings(p.session, 10_000)).toBeNull();
    expect(p.clicked()).toBe(true);
  });

  it('says why when the page cannot place the run, or the probes fail or time out', async () => {
    expect(await measureCeilings(page({ why: ' the webgl backend’s ceilings are not measured here ' }).session, 10_000)).toBe('the webgl backend’s ceilings are not measured here');
    expect(await measureCeilings(page({ alert: 'WebGPU device lost' }).session, 10_000)).toBe('WebGPU device lost');
    expect(await measureCeilings(page({}).session, 600)).toMatch(/not measured within 1 s/);
  });
});
