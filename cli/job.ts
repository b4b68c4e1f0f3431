/**
 * One job on one live session: load the page with the job's parameters and `run=1`, poll the
 * automation contract until it settles, read the result and the adapter. A page that settles in
 * `error` is the benchmark failing on its own (returned); anything thrown is the session dying.
 */
import { readFileSync } from 'node:fs';
import type { BenchResult } from '../src/core/result.ts';
import { toShared } from '../src/core/share/convert.ts';
import { deviceClassOf, isSoftwareAdapter, type Overhead, type TargetIdentity } from '../src/core/fleet/record.ts';
import type { SharedResult } from '../src/core/share/schema.ts';
import type { TargetSpec } from '../src/core/fleet/targets.ts';
import { redactEndpoint } from '../src/core/fleet/targets.ts';
import { platformFromUserAgent } from '../src/core/share/device.ts';
import { measureCeilings } from './ceilings.ts';
import { POLL_EXPRESSION, PROBE_EXPRESSION, RESULT_EXPRESSION, type BrowserSession, type PageProbe, type PageProgress, type PageState } from './session.ts';

export interface JobOutcome {
  status: 'done' | 'failed';
  error: string | null;
  /** Why the target's ceilings are missing, when `--ceilings` asked for them. */
  ceilingsError: string | null;
  result: SharedResult | null;
  samplesMs: number[];
  target: TargetIdentity;
  overhead: Omit<Overhead, 'sessionMs' | 'totalMs'>;
}

const POLL_MS = 250;
/** A page that never sets window.benchtab is not the app (a wrong --app-url, a proxy's error page). */
const NO_APP_MS = 30_000;
/** Results say which benchtab made them. */
const APP_VERSION = `benchtab ${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version} (fleet CLI)`;

export function identify(target: TargetSpec, session: BrowserSession, probe: PageProbe): TargetIdentity {
  return {
    name: target.name,
    kind: target.kind,
    endpoint: target.kind === 'local' ? 'local' : redactEndpoint(target.endpoint),
    browser: session.info.browser,
    browserVersion: session.info.version,
    platform: platformFromUserAgent(probe.userAgent),
    userAgent: probe.userAgent,
    gpu: probe.gpu,
    softwareAdapter: isSoftwareAdapter(probe.gpu),
    crossOriginIsolated: probe.crossOriginIsolated,
    deviceClass: deviceClassOf(probe.userAgent, probe.gpu),
  };
}

export async function runJob(
  session: BrowserSession, target: TargetSpec, url: string, timeoutMs: number,
  onProgress: (progress: PageProgress) => void, ceilings = false,
): Promise<JobOutcome> {
  const started = performance.now();
  await session.open(url, timeoutMs);
  const loaded = performance.now();
  let state: PageState | null = null;
  for (;;) {
    state = await session.evaluate<PageState | null>(POLL_EXPRESSION);
    if (state && (state.state === 'done' || state.state === 'error')) break;
    if (state?.progress) onProgress(state.progress);
    if (!state && performance.now() - loaded > NO_APP_MS) throw new Error(`the page at ${new URL(url).origin} has no window.benchtab: is it a benchtab build?`);
    if (performance.now() - loaded > timeoutMs) throw new Error(`the job did not finish within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const settled = performance.now();
  const read = () => session.evaluate<BenchResult | null>(RESULT_EXPRESSION);
  let raw = state.state === 'done' ? await read() : null;
  let ceilingsError: string | null = null;
  let ceilingsMs: number | undefined;
  // Raw-model runs only: a task run counts no work, so there is nothing to place.
  if (ceilings && raw?.work) {
    const measuring = performance.now();
    ceilingsError = await measureCeilings(session, timeoutMs);
    raw = await read();
    ceilingsMs = performance.now() - measuring;
  }
  const probe = await session.evaluate<PageProbe>(PROBE_EXPRESSION);
  // The worker's own adapter reading wins: it is what the benchmark ran on.
  const gpu = raw?.env.gpu ?? probe.gpu;
  const identity = identify(target, session, { ...probe, gpu: gpu && { vendor: gpu.vendor, architecture: gpu.architecture, description: gpu.description, isFallbackAdapter: gpu.isFallbackAdapter } });
  const overhead = {
    pageLoadMs: loaded - started, benchmarkMs: settled - loaded, collectMs: performance.now() - settled - (ceilingsMs ?? 0),
    ...(ceilingsMs === undefined ? {} : { ceilingsMs }),
  };
  if (!raw) {
    return { status: 'failed', error: state.error ?? 'the page settled without a result', ceilingsError: null, result: null, samplesMs: [], target: identity, overhead };
  }
  return { status: 'done', error: null, ceilingsError, result: toShared(raw, APP_VERSION), samplesMs: raw.timings.samplesMs, target: identity, overhead };
}
