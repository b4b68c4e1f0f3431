#!/usr/bin/env node
/**
 * `npm run models [-- --preset tiny|full|all] [--only …] [--dtypes …] …`: the ONNX zoo generator
 * (models/cli.ts) takes the options; the TF.js, TFLite and corpus generators take none and run
 * after it. npm appends `-- args` to the last command of an `&&` chain only, so the chain could
 * not pass --preset to the ONNX generator.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const steps = [
  ['models/cli.ts', args],
  ['models/tfjs/cli.ts', []],
  ['models/tflite/cli.ts', []],
  ['models/corpus/cli.ts', []],
];
for (const [script, scriptArgs] of steps) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
