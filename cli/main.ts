/**
 * `benchtab run QUERY`, `benchtab suite FILE`, `benchtab compare BASELINE CURRENT`. Exit codes:
 * 0 all good, 1 a regression, an SLA breach or a failed or invalid job, 2 a usage or
 * infrastructure error.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { gate } from '../src/core/fleet/gate.ts';
import { suiteFromQuery } from '../src/core/fleet/jobs.ts';
import { markdownSummary } from '../src/core/fleet/report.ts';
import { parseSuite } from '../src/core/fleet/suite.ts';
import type { FleetOptions } from './fleet.ts';
import { loadRecords, UsageError, verdictLines, writeResults } from './results.ts';

const whole = (min: number) => (text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
  return value;
};

/** "10%", "10" (percent) or "0.1" (a fraction). */
export function parseFraction(text: string): number {
  const percent = text.trim().endsWith('%') || Number(text) >= 1;
  const value = Number(text.trim().replace(/%$/, ''));
  if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError('expected a percentage such as 10% or a fraction such as 0.1');
  return percent ? value / 100 : value;
}

function json(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch { /* answered below */ }
  throw new InvalidArgumentError('expected a JSON object, e.g. \'{"browserName":"chrome"}\'');
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface RunFlags {
  target: string[]; parallel: number; retries: number; out: string; baseline?: string; maxRegression: number;
  appUrl?: string; host: string; port: number; jobTimeout: number; quiet?: boolean; capabilities?: Record<string, unknown>;
  ceilings?: boolean;
}

function withRunOptions(command: Command): Command {
  return command
    .option('-t, --target <spec>', 'local, playwright:WS_ENDPOINT or webdriver:URL; repeat for several (replaces the suite\'s targets)', collect, [])
    .option('-p, --parallel <n>', 'sessions per target running jobs at once', whole(1), 1)
    .option('-r, --retries <n>', 'times a job whose session died is retried on a new session', whole(0), 1)
    .option('-o, --out <dir>', 'folder for results.jsonl, summary.md and junit.xml', 'benchtab-results')
    .option('-b, --baseline <path>', 'a result set (folder or results.jsonl) to gate against')
    .option('--max-regression <pct>', 'allowed p50 slowdown before the gate fails', parseFraction, 0.1)
    .option('--app-url <url>', 'where remote browsers open benchtab (default: the CLI serves the build itself)')
    .option('--host <host>', 'address the CLI serves on, as remote browsers reach it', 'localhost')
    .option('--port <n>', 'port the CLI serves on (0: any free port)', whole(0), 0)
    .option('--capabilities <json>', 'WebDriver capabilities for targets that give none', json)
    .option('--job-timeout <s>', 'seconds a job may take before its session is presumed dead', whole(1), 600)
    .option('--ceilings', 'measure each target\'s compute and memory ceilings (cached per device) and place every raw-model job on its roofline')
    .option('-q, --quiet', 'no progress lines; only problems and the verdict');
}

/** Loaded on demand: browsers, Vite and WebDriver are not needed for `compare` or `--help`. */
async function runFleet(...args: Parameters<typeof import('./fleet.ts').runFleet>): Promise<0 | 1 | 2> {
  return (await import('./fleet.ts')).runFleet(...args);
}

function fleetOptions(flags: RunFlags, title: string): FleetOptions {
  return {
    targets: flags.target, parallel: flags.parallel, retries: flags.retries, out: flags.out, baseline: flags.baseline ?? null,
    maxRegression: flags.maxRegression, appUrl: flags.appUrl ?? null, host: flags.host, port: flags.port,
    jobTimeoutMs: flags.jobTimeout * 1000, ceilings: flags.ceilings ?? false, quiet: flags.quiet ?? false, capabilities: flags.capabilities ?? null, title,
  };
}

export function program(exit: (code: number) => void): Command {
  const cli = new Command('benchtab')
    .description('Run benchtab benchmarks on local Chromium, Playwright servers and Selenium Grids, and gate regressions.')
    .exitOverride()
    .showHelpAfterError('(benchtab --help lists the commands)');

  withRunOptions(cli.command('run <query>')
    .description('one benchmark; QUERY holds the automation contract\'s parameters, e.g. "model=resnet-tiny&backend=wasm&iterations=50"'))
    .action(async (query: string, flags: RunFlags) => {
      const { suite, errors } = suiteFromQuery(query);
      if (errors.length > 0) throw new UsageError(errors.join('\n'));
      exit(await runFleet(suite, fleetOptions(flags, 'benchtab run')));
    });

  withRunOptions(cli.command('suite <file>').description('a suite file (YAML or JSON): models × runtimes × backends × configs × targets'))
    .action(async (file: string, flags: RunFlags) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UsageError(`Cannot read the suite ${file}: ${(error as Error).message}`);
      }
      const parsed = parseSuite(text, basename(file));
      if (!parsed.ok) throw new UsageError(`The suite ${file} is not valid:\n  ${parsed.errors.join('\n  ')}`);
      exit(await runFleet(parsed.suite, fleetOptions(flags, parsed.suite.name ?? basename(file))));
    });

  cli.command('compare <baseline> <current>')
    .description('the regression report of two result sets (folders or results.jsonl), without running anything')
    .addOption(new Option('--max-regression <pct>', 'allowed p50 slowdown before the gate fails').argParser(parseFraction).default(0.1))
    .option('-o, --out <dir>', 'also write summary.md and junit.xml (and the current results.jsonl) there')
    .action((baselinePath: string, currentPath: string, flags: { maxRegression: number; out?: string }) => {
      const report = gate(loadRecords(currentPath), loadRecords(baselinePath), { maxRegression: flags.maxRegression });
      console.log(markdownSummary(report, `benchtab compare: ${currentPath} against ${baselinePath}`));
      if (flags.out) writeResults(flags.out, report.jobs.map((job) => job.record), report, 'benchtab compare');
      for (const line of verdictLines(report)) console.log(line);
      exit(report.exitCode);
    });
  return cli;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    await program((value) => { code = value; }).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      console.error(`benchtab: ${error.message}`);
      return 2;
    }
    console.error(`benchtab: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 2;
  }
  return code;
}
