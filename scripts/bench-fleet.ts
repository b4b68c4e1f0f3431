/**
 * `npm run bench:fleet`: one suite of 8 jobs on a local Selenium Grid 4 (2 slots) with 1 and with 2
 * parallel sessions; prints both wall times and their ratio, and the CLI's own overhead per job
 * (session start, page load, reading the result back) apart from the benchmark's time in the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobRecord } from '../src/core/fleet/record.ts';
import { BASE_ARGS, chromiumPath, WEBGPU_ARGS } from './chromium.ts';
import { makeModels, readRecords, runCli, startGrid } from './fleet-engines.ts';

const GRID_PORT = Number(process.env.GRID_PORT ?? 4546);
const dir = mkdtempSync(join(tmpdir(), 'benchtab-bench-fleet-'));
const models = makeModels(dir);
const suite = join(dir, 'suite.yaml');
// 4 models × 2 thread counts = 8 wasm jobs (SwiftShader WebGPU would measure the software GPU).
writeFileSync(suite, `name: bench fleet
params: { warmup: 10, iterations: 100 }
models: [${models.microA}, ${models.microB}, resnet-tiny, mobilenet-v2-tiny]
configs:
  - { name: 1 thread, params: { threads: 1 } }
  - { name: 2 threads, params: { threads: 2 } }
targets:
  - name: grid
    url: webdriver:http://127.0.0.1:${GRID_PORT}
    capabilities:
      browserName: chrome
      goog:chromeOptions: { binary: ${chromiumPath()}, args: [--headless=new, --disable-dev-shm-usage, ${[...BASE_ARGS, ...WEBGPU_ARGS].join(', ')}] }
`);

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const f = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** What the page itself spent on the benchmark: fetch, session creation, first run, warmup, measured runs. */
function inPageMs(record: JobRecord): number {
  const result = record.result;
  if (!result) return 0;
  const warmup = result.timings.warmupMs.reduce((a, b) => a + b, 0);
  return result.timings.fetchMs + result.timings.initMs + result.timings.firstMs + warmup + record.samplesMs.reduce((a, b) => a + b, 0);
}

const grid = startGrid(GRID_PORT);
try {
  const started = performance.now();
  await grid.ready;
  console.log(`Grid 4 standalone ready in ${f(performance.now() - started)} at ${grid.url}`);
  const walls: number[] = [];
  for (const parallel of [1, 2]) {
    const out = join(dir, `p${parallel}`);
    const t0 = performance.now();
    const run = await runCli(['suite', suite, '--parallel', String(parallel), '--out', out, '--quiet']);
    const wall = performance.now() - t0;
    walls.push(wall);
    if (run.code === 2) throw new Error(`the suite could not run:\n${run.stdout}\n${run.stderr}`);
    const records = readRecords(out);
    const done = records.filter((r) => r.status === 'done');
    const overhead = records.map((r) => r.overhead!).filter(Boolean);
    const sessions = overhead.filter((o) => o.sessionMs > 0);
    console.log(`\n--parallel ${parallel}: ${records.length} jobs (${done.length} done) in ${f(wall)} wall, exit ${run.code}`);
    console.log(`  per job: session start ${f(mean(sessions.map((o) => o.sessionMs)))} × ${sessions.length} sessions`
      + ` (${f(sessions.reduce((a, o) => a + o.sessionMs, 0) / records.length)} a job), page load ${f(mean(overhead.map((o) => o.pageLoadMs)))},`
      + ` page until settled ${f(mean(overhead.map((o) => o.benchmarkMs)))}, result read-back ${f(mean(overhead.map((o) => o.collectMs)))}`);
    const bench = mean(done.map(inPageMs));
    const cli = sessions.reduce((a, o) => a + o.sessionMs, 0) / records.length + mean(overhead.map((o) => o.pageLoadMs + o.collectMs));
    console.log(`  a job: ${f(bench)} benchmark in the page (fetch + init + first + warmup + runs),`
      + ` ${f(mean(overhead.map((o) => o.benchmarkMs)) - bench)} the app's own work around it (boot, inspection, worker),`
      + ` ${f(cli)} the CLI and the engine (session start shared by its jobs, page load, read-back)`);
  }
  console.log(`\nwall time, 1 session: ${f(walls[0]!)}; 2 sessions: ${f(walls[1]!)}; ratio ${(walls[0]! / walls[1]!).toFixed(2)}× (2 cores here, shared)`);
} finally {
  grid.stop();
  rmSync(dir, { recursive: true, force: true });
}
