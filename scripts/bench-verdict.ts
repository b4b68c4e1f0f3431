/**
 * `npm run bench:verdict`: time to a verdict. The zoo's tiny vision and NLP models run in
 * "Until decided" and in Standard, in headless Chromium through the automation contract; for
 * each it prints the wall time from opening the page to the verdict, the measured runs, the
 * verdict, its regimes, and whether the two modes agree. Run it beside a busy machine to see
 * regimes and advice; `npm run bench:verdict -- 3` repeats each pair 3 times, alternating which
 * mode goes first so a change in the machine's load does not always fall on the same one. Each
 * line carries the 1-minute load average when the run ended: the two modes of a pair ran at
 * different moments, and on a shared machine their verdicts can differ for that reason alone.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { groupFindings } from '../src/core/method/finding-groups.ts';
import type { BenchResult } from '../src/core/result.ts';
import { openSession } from './runner.ts';

const MODELS: { label: string; params: Record<string, string | number> }[] = [
  { label: 'vision · resnet-tiny (ort, wasm)', params: { model: '/zoo/resnet-tiny/onnx/model.onnx', domain: 'vision', threads: 1 } },
  { label: 'nlp · bert-tiny (transformers, feature-extraction, wasm)', params: { model: '/zoo/bert-tiny/', runtime: 'transformers', task: 'feature-extraction', domain: 'nlp', device: 'wasm', threads: 1 } },
];
const repeats = Math.max(1, Number(process.argv[2] ?? 1) || 1);

function line(mode: string, wallMs: number, r: BenchResult): string {
  // The pattern's kinds, each once with its count: a run on a loaded machine can step dozens of times.
  const groups = groupFindings(r.stability?.pattern.findings ?? []);
  const pattern = groups.map((g) => (g.count > 1 ? `${g.kind}×${g.count}` : g.kind)).join(' ') || 'steady';
  const measuredS = r.timings.samplesMs.reduce((a, b) => a + b, 0) / 1000;
  return `  ${mode.padEnd(8)} ${(wallMs / 1000).toFixed(1).padStart(5)} s to verdict (measured ${measuredS.toFixed(1)} s, `
    + `${r.stats.count} runs, stop: ${r.stopReason}, load ${loadavg()[0]!.toFixed(1)})  `
    + `${r.verdict.status.toUpperCase()}${r.verdict.decided ? ' (decided)' : ''}  `
    + `p50 ${r.stats.p50.toFixed(2)} ms, p95 ${r.stats.p95.toFixed(2)} ms, ${r.stability?.regimes.length ?? 1} regime(s): ${pattern}`;
}

// 4501: a port of its own, so it runs beside `npm start` (4173) and the e2e server.
const session = await openSession(4501);
let agreed = 0;
let pairs = 0;
try {
  for (const { label, params } of MODELS) {
    console.log(label);
    for (let i = 0; i < repeats; i++) {
      const timed: Record<string, { wallMs: number; result: BenchResult }> = {};
      for (const mode of i % 2 === 0 ? ['decided', 'standard'] : ['standard', 'decided']) {
        const start = performance.now();
        const result = await session.run({ ...params, mode });
        timed[mode] = { wallMs: performance.now() - start, result };
        console.log(line(mode, timed[mode].wallMs, result));
      }
      const same = timed.decided!.result.verdict.status === timed.standard!.result.verdict.status;
      pairs++;
      if (same) agreed++;
      console.log(`  verdicts ${same ? 'agree' : 'DISAGREE'}; Until decided took ${(100 * timed.decided!.wallMs / timed.standard!.wallMs).toFixed(0)}% of Standard's time`);
    }
  }
  console.log(`verdicts agreed in ${agreed} of ${pairs} pairs`);
} finally {
  await session.close();
}
