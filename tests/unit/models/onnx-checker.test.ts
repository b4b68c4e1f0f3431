import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../models/catalog.ts';
import { ARCHITECTURES } from '../../../models/arch/registry.ts';
import { entryFiles } from '../../../models/zoo.ts';

/**
 * The reference ONNX checker (onnx.checker.check_model with full_check, then
 * strict shape inference) accepts every tiny file: catches spec violations a
 * lenient runtime would let through. Needs Python's onnx package (Debian:
 * apt-get install python3-onnx); skipped where it is missing.
 */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0);

const SCRIPT = `
import sys, onnx
from onnx import checker, shape_inference
for path in sys.argv[1:]:
    model = onnx.load(path)
    checker.check_model(model, full_check=True)
    shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    print("ok", path)
`;

const root = mkdtempSync(join(tmpdir(), 'benchtab-onnx-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('onnx checker', () => {
  it.skipIf(!PYTHON)('accepts every tiny zoo file in every dtype', () => {
    const paths: string[] = [];
    for (const entry of CATALOG.filter((e) => e.preset === 'tiny' && e.architecture in ARCHITECTURES)) {
      for (const file of entryFiles(entry)) {
        if (!file.path.endsWith('.onnx')) continue;
        const path = join(root, entry.id, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.data);
        paths.push(path);
      }
    }
    const result = spawnSync(PYTHON ?? 'python3', ['-c', SCRIPT, ...paths], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(paths.length);
  });
});
