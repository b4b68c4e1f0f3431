/**
 * `--ceilings`: after a job, the target's ceilings for the job's backend, measured through the
 * page's own roofline panel as a user would ("Measure this device's ceilings"), so the fleet and
 * the page run the same probes. The page caches them per device in IndexedDB: later jobs of the
 * same session find them there and are placed at once. Polled from here, not awaited in the page,
 * because WebDriver's script timeout is shorter than a software GPU's probes.
 */
import type { BrowserSession } from './session.ts';

export interface CeilingsTiming {
  pollMs: number;
  /** How long cached ceilings may take to come back from IndexedDB before the probes are started. */
  cacheWaitMs: number;
}

const TIMING: CeilingsTiming = { pollMs: 250, cacheWaitMs: 2_000 };

const PLACED_EXPRESSION = `(() => {
  const placed = Boolean(window.benchtab && window.benchtab.result && window.benchtab.result.roofline);
  const alert = document.querySelector('[data-testid="roofline"] [role="alert"]');
  return { placed, error: alert ? alert.textContent : null };
})()`;

/** Starts the probes; answers why not when the panel offers no measurement. */
const START_EXPRESSION = `(() => {
  const button = document.querySelector('[data-testid="measure-ceilings"]');
  if (button) { button.click(); return null; }
  const why = document.querySelector('[data-testid="roofline-why"]');
  return why ? why.textContent.replace(/^No roofline for this run: /, '') : 'the page shows no roofline panel';
})()`;

interface Placed {
  placed: boolean;
  error: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves null once the page's result carries its placement, or why it does not. */
export async function measureCeilings(session: BrowserSession, timeoutMs: number, timing = TIMING): Promise<string | null> {
  const start = performance.now();
  const poll = async (untilMs: number): Promise<Placed> => {
    for (;;) {
      const state = await session.evaluate<Placed>(PLACED_EXPRESSION);
      if (state.placed || state.error || performance.now() - start > untilMs) return state;
      await sleep(timing.pollMs);
    }
  };
  if ((await poll(timing.cacheWaitMs)).placed) return null;
  const refused = await session.evaluate<string | null>(START_EXPRESSION);
  if (refused) return refused.trim();
  const state = await poll(timeoutMs);
  if (state.placed) return null;
  return state.error?.trim() || `the ceilings were not measured within ${Math.round(timeoutMs / 1000)} s`;
}
