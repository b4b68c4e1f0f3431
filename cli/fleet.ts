/**
 * A fleet run: expand the suite, resolve its models, serve the app (and local models), fan the
 * jobs out over every target's sessions, write the result set and apply the gate.
 */
import { gate } from '../src/core/fleet/gate.ts';
import { expandJobs, type JobSpec } from '../src/core/fleet/jobs.ts';
import type { JobRecord } from '../src/core/fleet/record.ts';
import type { Suite } from '../src/core/fleet/suite.ts';
import type { TargetSpec } from '../src/core/fleet/targets.ts';
import { localDriver, playwrightDriver } from './drivers/playwright.ts';
import { webdriverDriver } from './drivers/webdriver.ts';
import { resolveModel, type Mounts } from './models.ts';
import { runPool } from './pool.ts';
import { Progress } from './progress.ts';
import { loadRecords, UsageError, verdictLines, writeResults } from './results.ts';
import { startServer, type AppServer } from './server.ts';
import type { Driver } from './session.ts';

export interface FleetOptions {
  targets: string[];
  parallel: number;
  retries: number;
  out: string;
  baseline: string | null;
  maxRegression: number;
  appUrl: string | null;
  host: string;
  port: number;
  jobTimeoutMs: number;
  /** Measure each target's ceilings and place every raw-model job on its roofline. */
  ceilings: boolean;
  quiet: boolean;
  /** Capabilities for WebDriver targets that give none. */
  capabilities: Record<string, unknown> | null;
  title: string;
}

const DIST = new URL('../dist/', import.meta.url).pathname;

function driverFor(target: TargetSpec, capabilities: Record<string, unknown> | null): Driver {
  if (target.kind === 'local') return localDriver();
  if (target.kind === 'playwright') return playwrightDriver(target.endpoint, target.name);
  return webdriverDriver(target.endpoint, target.name, target.capabilities ?? capabilities);
}

function pageUrl(origin: string, job: JobSpec, model: string): string {
  const query = new URLSearchParams({ model, runtime: job.runtime, backend: job.backend, ...job.params, run: '1' });
  const url = new URL(origin);
  url.search = query.toString();
  return url.href;
}

export async function runFleet(suite: Suite, options: FleetOptions): Promise<0 | 1 | 2> {
  const { jobs, targets, errors } = expandJobs(suite, options.targets);
  if (errors.length > 0) throw new UsageError(errors.join('\n'));
  const baseline = options.baseline ? loadRecords(options.baseline) : null;
  const mounts: Mounts = { folders: [] };
  const resolved = new Map<string, { url: string; mounted: boolean }>();
  const unknown: string[] = [];
  for (const job of jobs) {
    const key = `${job.runtime} ${job.model}`;
    if (resolved.has(key)) continue;
    const resolution = resolveModel(job.model, job.runtime, DIST, process.cwd(), mounts);
    if (typeof resolution === 'string') unknown.push(resolution);
    else resolved.set(key, resolution);
  }
  if (unknown.length > 0) throw new UsageError([...new Set(unknown)].join('\n'));

  let server: AppServer | null = null;
  if (!options.appUrl || mounts.folders.length > 0) server = await startServer(options.host, options.port, mounts);
  const origin = options.appUrl ?? server!.origin;
  const progress = new Progress(jobs.length, options.quiet);
  const stop = new AbortController();
  // The first Ctrl+C stops cleanly (sessions closed, what finished is written); a second one kills.
  const onInterrupt = () => {
    console.error('benchtab: stopping; finished jobs will be written (Ctrl+C again to quit at once)');
    stop.abort();
  };
  process.once('SIGINT', onInterrupt);
  let records: JobRecord[];
  try {
    const pools = targets.map((target) => {
      const own = jobs.filter((job) => job.target === target.name).map((job) => {
        const model = resolved.get(`${job.runtime} ${job.model}`)!;
        const modelUrl = model.mounted && options.appUrl ? `${server!.origin}${model.url}` : model.url;
        return { job, url: pageUrl(origin, job, modelUrl) };
      });
      const options_ = { parallel: options.parallel, retries: options.retries, jobTimeoutMs: options.jobTimeoutMs, ceilings: options.ceilings, signal: stop.signal };
      return runPool(target, driverFor(target, options.capabilities), own, options_, progress.onEvent);
    });
    records = (await Promise.all(pools)).flat().sort((a, b) => a.job.index - b.job.index);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.stop();
    await server?.close();
  }
  const report = gate(records, baseline, { maxRegression: options.maxRegression });
  const files = writeResults(options.out, records, report, options.title);
  for (const line of verdictLines(report)) console.log(line);
  if (!options.quiet) console.log(`Results: ${files.join(', ')}`);
  return report.exitCode;
}
