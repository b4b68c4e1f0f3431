import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precompressedWasm } from './scripts/precompress.ts';
import { offlineApp } from './scripts/pwa.ts';
import { litertGlue } from './scripts/vite-litert.ts';
import { securityHeadersPlugin } from './scripts/security-headers.ts';

/**
 * Cross-origin isolation gives SharedArrayBuffer (WASM threads) and 5 µs timers. Both the dev
 * server and the production preview (`npm start`) send these headers.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // CSP, nosniff and Referrer-Policy on every response (scripts/security-headers.ts), set before
  // the precompressed .wasm middleware answers.
  plugins: [svelte(), litertGlue(), securityHeadersPlugin(), precompressedWasm(), offlineApp()],
  // One page: a missing file must be a real 404, not index.html (which would parse as a "model").
  appType: 'mpa',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  // onnxruntime-web locates its .wasm next to its own module; pre-bundling would move it.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  // Worker bundles take their own plugins (config.plugins reach workers only in dev).
  worker: { format: 'es', plugins: () => [litertGlue()], rolldownOptions: { checks: { bundlerTimings: false } } },
  build: {
    target: 'es2022',
    // The ORT wasm (~26 MB) is one asset by design; don't warn about it every build.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // The app, and the page `npm run bench:overhead` measures benchtab's own overhead with.
      input: { main: 'index.html', overhead: 'src/bench/overhead.html' },
      // Rolldown's plugin-timing report names vite:asset reading that same 26 MB file on every
      // build: nothing to act on, so `npm start` and `npm test` do not print it (issue 11).
      checks: { bundlerTimings: false },
    },
  },
});
