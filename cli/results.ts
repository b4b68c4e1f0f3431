/** Reading and writing a result set: the folder `--out DIR` writes, or its results.jsonl alone. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateReport } from '../src/core/fleet/gate.ts';
import { parseRecords, type JobRecord } from '../src/core/fleet/record.ts';
import { junitXml, markdownSummary } from '../src/core/fleet/report.ts';

/** A usage or infrastructure problem found before or around the run: exit code 2. */
export class UsageError extends Error {}

export const RESULTS_FILE = 'results.jsonl';

export function loadRecords(path: string): JobRecord[] {
  if (!existsSync(path)) throw new UsageError(`No result set at ${path}.`);
  const file = statSync(path).isDirectory() ? join(path, RESULTS_FILE) : path;
  if (!existsSync(file)) throw new UsageError(`${path} is a folder without ${RESULTS_FILE}; give the folder that --out wrote.`);
  const { records, errors } = parseRecords(readFileSync(file, 'utf8'), file);
  if (errors.length > 0) throw new UsageError(`Cannot read ${file}:\n  ${errors.slice(0, 5).join('\n  ')}`);
  if (records.length === 0) throw new UsageError(`${file} holds no jobs.`);
  return records;
}

/** Writes results.jsonl, summary.md and junit.xml; returns their paths. */
export function writeResults(dir: string, records: readonly JobRecord[], report: GateReport, title: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    [RESULTS_FILE, records.map((record) => JSON.stringify(record)).join('\n') + '\n'],
    ['summary.md', markdownSummary(report, title)],
    ['junit.xml', junitXml(report)],
  ];
  return files.map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

/** The gate's verdict for the terminal: each problem, then one closing line. */
export function verdictLines(report: GateReport): string[] {
  const problems = report.jobs.flatMap((job) => job.problems.map((problem) => `  ${job.key}: ${problem}`));
  const regressions = report.jobs.filter((job) => job.comparison?.change === 'regression').length;
  const compared = report.jobs.filter((job) => job.comparison).length;
  const word = report.exitCode === 0 ? 'passed' : report.exitCode === 1 ? 'FAILED' : 'could not run every job';
  return [
    ...(problems.length > 0 ? ['Problems:', ...problems] : []),
    `benchtab: ${report.jobs.length} jobs, ${compared} compared with the baseline, ${regressions} regressed; gate ${word} (exit ${report.exitCode}).`,
  ];
}
