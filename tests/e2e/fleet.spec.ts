/**
 * The fleet CLI on this machine's Chromium (`local`), and its refusals. No mocks: the CLI runs as
 * a child process through the package's bin, exactly as a user or CI would run it. The remote
 * engines (a Playwright browser server, a Selenium Grid 4 standalone) and the regression gate are
 * in tests/fleet/ (`npm run test:fleet`): minutes each on two cores, so apart from `npm test`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeModels, readRecords, runCli, writeSuite } from '../../scripts/fleet-engines.ts';

// Nothing listens here (a port from this spec's own range, the e2e port + 27..34).
const NOTHING_LISTENS = 'http://127.0.0.1:4549';

let dir: string;
let models: ReturnType<typeof makeModels>;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'benchtab-fleet-'));
  models = makeModels(dir);
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a bad suite file, an unknown model and an unreachable endpoint end with a clear message and exit 2', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'models: [resnet-tiny]\nbackends:\n  - wasm\n  - tpu\n');
  const badRun = await runCli(['suite', bad]);
  expect(badRun.code).toBe(2);
  expect(badRun.stderr).toMatch(/bad\.yaml:4: backends\[1\]: Invalid option: expected one of "wasm"\|"webgpu"/);

  const unknown = await runCli(['run', 'model=no-such-model&iterations=20']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown model "no-such-model": .*the zoo has resnet-tiny/);

  const out = join(dir, 'unreachable');
  const unreachable = await runCli(['run', 'model=resnet-tiny&iterations=20', '--target', `webdriver:${NOTHING_LISTENS}`, '--retries', '0', '--out', out]);
  expect(unreachable.code).toBe(2);
  expect(unreachable.stdout).toMatch(/Cannot reach the WebDriver endpoint webdriver:http:\/\/127\.0\.0\.1:4549\/ \(ECONNREFUSED\)/);
  expect(readRecords(out)[0]).toMatchObject({ status: 'infra' });
});

test('local: the suite runs in system Chromium with no set-up and writes its three reports', async () => {
  test.setTimeout(300_000);
  const out = join(dir, 'local');
  const run = await runCli(['suite', writeSuite(dir, models), '--parallel', '2', '--out', out]);
  expect(run.code, run.stderr).not.toBe(2);
  const local = readRecords(out);
  expect(local.map((r) => `${r.job.name} ${r.job.backend} ${r.status}`)).toEqual(['micro-a wasm done', 'micro-a webgpu done', 'micro-b wasm done', 'micro-b webgpu done']);
  expect(local.every((r) => r.target!.deviceClass === 'Chrome on Linux · software GPU (google swiftshader)')).toBe(true);
  expect(run.stdout).toMatch(/^. \[4\/4\] micro-. ort\/\w+ @ local on Chrome on Linux · software GPU/m);
  const summary = readFileSync(join(out, 'summary.md'), 'utf8');
  expect(summary).toContain('## Chrome on Linux · software GPU (google swiftshader)');
  expect(summary.match(/^\| micro-[ab] \| ort · (wasm|webgpu) \| [\d.]+ ms \|/gm)).toHaveLength(4);
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  expect(junit.match(/<testcase classname="benchtab\.local" name="micro-[ab] ort\/(wasm|webgpu)"/g)).toHaveLength(4);
});
