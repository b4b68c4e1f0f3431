/**
 * Build-if-stale and serve the production build with the cross-origin isolation headers from
 * vite.config.ts. Used by `npm start`, the e2e tests' web server and the bench scripts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const BUILD_INPUTS = ['src', 'workers', 'models', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];
const GENERATED = new Set([join(root, 'public', 'zoo')]);

function newestMtime(path) {
  if (!existsSync(path) || GENERATED.has(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function buildIsStale() {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > builtAt);
}

export function ensureBuilt() {
  if (!buildIsStale()) return;
  console.log('benchtab: building (sources changed since the last build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Serves dist/ on localhost; resolves to the Vite preview server (call .close() to stop). `plugins`
 * add middleware (the fleet CLI serves local model files beside the app).
 */
export async function serve(port, host = 'localhost', plugins = []) {
  return preview({ root, logLevel: 'warn', plugins, preview: { port, strictPort: true, host } });
}
