/**
 * A gated fleet run as people and CI systems read it: a Markdown summary (one table per device
 * class, so software GPUs never share a table with real ones) and JUnit XML (one testcase per job).
 */
import type { GateReport, JobJudgement } from './gate.ts';
import { signedPct } from './gate.ts';
import { fleetRoofline, rooflineCell } from './roofline.ts';

const ms = (value: number | null | undefined): string => (value == null || !Number.isFinite(value) ? '–' : `${+value.toPrecision(3)} ms`);
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdictText(job: JobJudgement): string {
  const result = job.record.result;
  if (job.record.status === 'infra') return 'not run';
  if (job.record.status === 'failed' || !result) return 'failed';
  const { status, domain, targetMs, slaMs } = result.verdict;
  const limit = slaMs !== null && (targetMs === null || slaMs < targetMs) ? `SLA ${ms(slaMs)}` : `${domain ?? ''} ${ms(targetMs)}`.trim();
  return status === 'not-measured' ? 'not measured' : `${status} (p95 < ${limit})`;
}

function baselineText(job: JobJudgement): string {
  if (!job.comparison) return job.baseline ? 'not compared' : '–';
  const { interval, change } = job.comparison;
  const beyondNoise = interval.low > 1 || interval.high < 1;
  const word = change === 'regression' ? '**regression**' : change === 'improvement' ? 'faster' : beyondNoise ? 'within the allowance' : 'within noise';
  return `${word} ${signedPct(interval.ratio)} (CI ${signedPct(interval.low)} … ${signedPct(interval.high)})`;
}

function row(job: JobJudgement): string {
  const { record } = job;
  const result = record.result;
  const name = `${record.job.name}${record.job.config ? ` [${record.job.config}]` : ''}`;
  const validity = !result ? '–' : result.validity.valid ? 'valid' : `invalid: ${result.validity.reasons[0] ?? ''}`;
  return `| ${[
    name, `${record.job.runtime} · ${record.job.backend}`, ms(result?.stats.p50), ms(result?.stats.p95),
    verdictText(job), validity, String(result?.stats.count ?? 0), rooflineCell(record.roofline ?? fleetRoofline(result)), baselineText(job), job.outcome,
  ].map(cell).join(' | ')} |`;
}

export function markdownSummary(report: GateReport, title = 'benchtab fleet run'): string {
  const count = (outcome: string) => report.jobs.filter((job) => job.outcome === outcome).length;
  const lines = [
    `# ${title}`, '',
    `${report.jobs.length} jobs: ${count('pass')} passed, ${count('fail')} failed, ${count('error')} not run (infrastructure). `
      + `Exit code ${report.exitCode}; a regression is a p50 slowdown beyond ${signedPct(1 + report.maxRegression)} whose 95% bootstrap interval lies wholly above no change.`,
  ];
  const classes = [...new Set(report.jobs.map((job) => job.record.target?.deviceClass ?? `${job.record.job.target} (no device reached)`))];
  for (const deviceClass of classes) {
    const jobs = report.jobs.filter((job) => (job.record.target?.deviceClass ?? `${job.record.job.target} (no device reached)`) === deviceClass);
    const example = jobs.find((job) => job.record.target)?.record.target;
    lines.push('', `## ${deviceClass}`, '');
    if (example) lines.push(`${example.platform} (${example.browser} ${example.browserVersion}) via ${example.name}${example.crossOriginIsolated ? '' : ' · not cross-origin isolated: 1 WASM thread, 100 µs timers'}`, '');
    lines.push('| model | runtime · backend | p50 | p95 | verdict | validity | runs | roofline | vs baseline | gate |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    lines.push(...jobs.map(row));
  }
  const problems = report.jobs.flatMap((job) => job.problems.map((problem) => `- **${job.key}**: ${problem}`));
  const notes = report.jobs.flatMap((job) => job.notes.map((note) => `- ${job.key}: ${note}`));
  if (problems.length > 0) lines.push('', '## Problems', '', ...problems);
  if (report.unmatchedBaseline.length > 0) lines.push('', '## Baseline jobs not in this run', '', ...report.unmatchedBaseline.map((key) => `- ${key}`));
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes);
  return `${lines.join('\n')}\n`;
}

const xml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // XML 1.0 forbids most control characters even when escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitXml(report: GateReport): string {
  const seconds = (job: JobJudgement) => ((job.record.overhead?.totalMs ?? 0) / 1000).toFixed(3);
  const groups = new Map<string, JobJudgement[]>();
  for (const job of report.jobs) {
    const name = job.record.target?.deviceClass ?? job.record.job.target;
    groups.set(name, [...(groups.get(name) ?? []), job]);
  }
  const count = (jobs: JobJudgement[], outcome: string) => jobs.filter((job) => job.outcome === outcome).length;
  const suites = [...groups].map(([name, jobs]) => {
    const cases = jobs.map((job) => {
      const label = `${job.record.job.name}${job.record.job.config ? ` [${job.record.job.config}]` : ''} ${job.record.job.runtime}/${job.record.job.backend}`;
      const detail = [...job.problems, ...job.notes].join('\n');
      const body = job.outcome === 'fail' ? `<failure message="${xml(job.problems[0] ?? '')}">${xml(detail)}</failure>`
        : job.outcome === 'error' ? `<error message="${xml(job.problems[0] ?? '')}">${xml(detail)}</error>` : '';
      const out = `p50 ${ms(job.record.result?.stats.p50)}, p95 ${ms(job.record.result?.stats.p95)}, ${verdictText(job)}${detail ? `\n${detail}` : ''}`;
      return `    <testcase classname="benchtab.${xml(job.record.job.target)}" name="${xml(label)}" time="${seconds(job)}">${body}<system-out>${xml(out)}</system-out></testcase>`;
    });
    const time = jobs.reduce((sum, job) => sum + (job.record.overhead?.totalMs ?? 0), 0) / 1000;
    return `  <testsuite name="${xml(name)}" tests="${jobs.length}" failures="${count(jobs, 'fail')}" errors="${count(jobs, 'error')}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="benchtab" tests="${report.jobs.length}" failures="${count(report.jobs, 'fail')}" errors="${count(report.jobs, 'error')}">\n${suites.join('\n')}\n</testsuites>\n`;
}
