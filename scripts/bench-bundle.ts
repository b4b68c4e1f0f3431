/**
 * `npm run bench:bundle`: the JavaScript a first visit needs before any runtime is chosen (the
 * shell), gzipped, against issue 11's budget of 80 KB.
 *
 * The shell is what dist/index.html loads: its module script, its modulepreloads and every chunk
 * they import statically, followed through the built code. Chunks reached only by a dynamic
 * import() (charts, runtimes, the tabs' panels, the QR code) are listed apart: they load when
 * needed. Sizes are gzip level 9 (what `npm start` and most CDNs send for JavaScript).
 *
 * Builds first when dist/ is missing or with --build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { shellChunks, staticImports } from './bundle-graph.ts';

const DIST = process.env.DIST ?? "dist";
const BUDGET_KB = 80;

if (process.argv.includes('--build') || !existsSync(join(DIST, 'index.html'))) {
  execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
}

const read = (file: string): string => readFileSync(join(DIST, file), 'utf8');
const gzipKb = (text: string): number => gzipSync(text, { level: 9 }).length / 1024;
const html = read('index.html');
const shell = shellChunks(html, (file) => staticImports(read(file), file));

const row = (file: string, note = ''): [string, number, number] => {
  const text = read(file);
  console.log(`  ${gzipKb(text).toFixed(1).padStart(7)} KB gz  ${(text.length / 1024).toFixed(1).padStart(8)} KB raw  ${file}${note}`);
  return [file, gzipKb(text), text.length / 1024];
};

console.log('Shell (loaded by index.html before a runtime is chosen):');
const rows = shell.map((file) => row(file));
const total = rows.reduce((sum, [, gz]) => sum + gz, 0);
const pass = total <= BUDGET_KB;
console.log(`  ${total.toFixed(1).padStart(7)} KB gz  total: ${pass ? 'meets' : 'OVER'} the ${BUDGET_KB} KB budget`);

const lazy = readdirSync(join(DIST, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((file) => /\.(js|css)$/.test(file) && !shell.includes(file) && !/overhead/.test(file))
  .map((file) => [file, gzipKb(read(file))] as const)
  .sort((a, b) => b[1] - a[1]);
console.log(`\nLoaded when needed (${lazy.length} chunks: dynamic imports, workers, CSS):`);
for (const [file, gz] of lazy.slice(0, 15)) console.log(`  ${gz.toFixed(1).padStart(7)} KB gz  ${file}`);
if (lazy.length > 15) console.log(`  … and ${lazy.length - 15} smaller`);
process.exitCode = pass ? 0 : 1;
