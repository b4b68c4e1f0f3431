/**
 * npm run models [-- --preset tiny|full|all] [--only id,arch,...] [--dtypes fp32,fp16,q8] [--gguf F32,F16,Q8_0,Q4_0] [--seed N] [--out DIR] [--list]
 *
 * Writes the synthetic zoo in Hugging Face hub layout to public/zoo/<id>/ and
 * the error fixtures to public/zoo/_fixtures/, then merges public/zoo/manifest.json.
 * Files whose bytes are unchanged are not rewritten, so reruns are cheap and
 * leave timestamps alone. The only module here that touches the file system.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG } from './catalog.ts';
import { GGUF_TYPES, type Dtype, type GgufType, type Preset } from './catalog.ts';
import { awkwardCorpus } from './awkward.ts';
import { badFixtures } from './fixtures.ts';
import { ggufFixtures } from './gguf/fixtures.ts';
import { ALL_DTYPES, DEFAULT_SEED, describeEntry, entryFiles } from './zoo.ts';
import type { GeneratedEntry, ZooFile } from './zoo.ts';
import { InvalidConfigError } from './core/validate.ts';
import { ARCHITECTURES } from './arch/registry.ts';

const MANIFEST_VERSION = 1;

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'tiny' },
    only: { type: 'string' },
    dtypes: { type: 'string', default: ALL_DTYPES.join(',') },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    out: { type: 'string', default: 'public/zoo' },
    gguf: { type: 'string', default: GGUF_TYPES.join(',') },
    list: { type: 'boolean', default: false },
  },
});

if (values.list) {
  for (const e of CATALOG) console.log(`${e.id.padEnd(20)} ${e.preset.padEnd(5)} ${e.architecture.padEnd(13)} ${e.domain.padEnd(11)} ${e.hubId}`);
  process.exit(0);
}

function fail(message: string): never {
  console.error(`models: ${message}`);
  process.exit(2);
}

const presets: Preset[] = values.preset === 'all' ? ['tiny', 'full'] : [values.preset as Preset];
if (!presets.every((p) => p === 'tiny' || p === 'full')) fail(`--preset must be tiny, full or all, got "${values.preset}"`);
const dtypes = values.dtypes.split(',') as Dtype[];
if (!dtypes.every((d) => ALL_DTYPES.includes(d))) fail(`--dtypes takes ${ALL_DTYPES.join(',')}, got "${values.dtypes}"`);
const ggufTypes = values.gguf === '' ? [] : (values.gguf.split(',') as GgufType[]);
if (!ggufTypes.every((t) => GGUF_TYPES.includes(t))) fail(`--gguf takes ${GGUF_TYPES.join(',')} (or nothing), got "${values.gguf}"`);
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got "${values.seed}"`);
const only = values.only?.split(',').map((s) => s.trim());
// An id names one entry whatever --preset says; an architecture key selects that family's --preset entries.
const entries = CATALOG.filter(
  (e) => e.architecture in ARCHITECTURES && (only ? only.includes(e.id) || (only.includes(e.architecture) && presets.includes(e.preset)) : presets.includes(e.preset)),
);
if (entries.length === 0) fail(`nothing matches --only ${values.only} for preset ${values.preset}; ids: ${CATALOG.map((e) => e.id).join(', ')}`);

/** Writes unless the file already holds exactly these bytes; returns whether it wrote. */
function writeIfChanged(path: string, data: Uint8Array | string): boolean {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  if (existsSync(path)) {
    const old = readFileSync(path);
    if (old.length === bytes.length && old.equals(bytes)) return false;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return true;
}

function writeAll(folder: string, files: ZooFile[]): number {
  return files.filter((f) => writeIfChanged(join(folder, f.path), f.data)).length;
}

type ManifestEntry = Omit<GeneratedEntry, 'files' | 'entry'> & GeneratedEntry['entry'] & { seed: number; files: { path: string; bytes: number }[] };
const manifestPath = join(values.out, 'manifest.json');
const manifest: { version: number; note: string; entries: ManifestEntry[] } = existsSync(manifestPath)
  ? JSON.parse(readFileSync(manifestPath, 'utf8'))
  : { version: MANIFEST_VERSION, note: '', entries: [] };
// Forget entries whose folder was deleted since (e.g. full-size models removed before a build).
manifest.entries = manifest.entries.filter((m) => existsSync(join(values.out, m.id)));
manifest.note = 'Synthetic models: architecture-faithful graphs with seeded random weights. Latency only; outputs are meaningless.';

for (const entry of entries) {
  const started = performance.now();
  const folder = join(values.out, entry.id);
  const files: { path: string; bytes: number }[] = [];
  let written = 0;
  let description: ReturnType<typeof describeEntry>;
  try {
    description = describeEntry(entry);
    for (const file of entryFiles(entry, { seed, dtypes, ggufTypes })) {
      if (writeIfChanged(join(folder, file.path), file.data)) written++;
      files.push({ path: file.path, bytes: typeof file.data === 'string' ? new TextEncoder().encode(file.data).length : file.data.length });
      if (entry.id === 'resnet-tiny' && file.path === 'onnx/model.onnx' && typeof file.data !== 'string') {
        writeAll(join(values.out, '_fixtures'), badFixtures(file.data));
        writeAll(join(values.out, '_awkward'), awkwardCorpus());
      }
      if (entry.id === 'llama-tiny' && file.path === 'config.json') writeAll(join(values.out, '_fixtures'), ggufFixtures());
    }
  } catch (error) {
    if (error instanceof InvalidConfigError) fail(error.message);
    throw error;
  }
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `${entry.id.padEnd(18)} ${description.parameters.toLocaleString('en-US').padStart(12)} params  ` +
      `${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${(performance.now() - started).toFixed(0).padStart(6)} ms  wrote ${written}/${files.length}`,
  );
  const record: ManifestEntry = { ...entry, ...description, seed, files };
  manifest.entries = [...manifest.entries.filter((m) => m.id !== entry.id), record];
}

if (presets.includes('full') && values.out === 'public/zoo') {
  console.log('note: vite build copies public/; remove public/zoo/<full id>/ before building a distribution.');
}

manifest.entries.sort((a, b) => CATALOG.findIndex((c) => c.id === a.id) - CATALOG.findIndex((c) => c.id === b.id));
writeIfChanged(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
