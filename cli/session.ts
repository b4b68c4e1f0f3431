/**
 * One browser session on a target, whatever engine gives it: the CLI loads the app's page in it,
 * polls `window.benchtab` (the automation contract) and reads the result back. Any exception from
 * a session means the session is gone (node lost, browser crash, disconnect); a benchmark that
 * fails on its own ends with `state: 'error'` on a live page instead.
 */
import type { GpuAdapter } from '../src/core/fleet/record.ts';

export interface PageProgress {
  phase: string;
  done: number;
  total: number;
}

export interface PageState {
  state: 'idle' | 'running' | 'done' | 'error';
  error: string | null;
  progress: PageProgress | null;
}

/** What the page says about its browser and WebGPU adapter, read after each job. */
export interface PageProbe {
  userAgent: string;
  crossOriginIsolated: boolean;
  gpu: GpuAdapter | null;
}

export interface BrowserInfo {
  browser: string;
  version: string;
}

export interface BrowserSession {
  /** The engine's session id (WebDriver) or a local label. */
  readonly id: string;
  readonly info: BrowserInfo;
  /** Navigates; resolves after the load event. */
  open(url: string, timeoutMs: number): Promise<void>;
  /** Evaluates an expression in the page and returns its (JSON-able) value; promises are awaited. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface Driver {
  /** Starts a new session; throws with a sentence when the endpoint cannot give one. */
  openSession(): Promise<BrowserSession>;
  close(): Promise<void>;
}

export const POLL_EXPRESSION = `(() => {
  const b = window.benchtab;
  return b ? { state: b.state, error: b.error, progress: b.progress ?? null } : null;
})()`;

export const RESULT_EXPRESSION = '(() => window.benchtab ? window.benchtab.result : null)()';

/** The adapter as the page sees it, so a failed job still says what device it ran on. */
export const PROBE_EXPRESSION = `(async () => {
  let gpu = null;
  try {
    const adapter = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
    if (adapter) {
      const info = adapter.info || {};
      gpu = { vendor: info.vendor || '', architecture: info.architecture || '', description: info.description || '',
        isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) };
    }
  } catch { gpu = null; }
  return { userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated === true, gpu };
})()`;

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);
