/**
 * The installable offline app (vite-plugin-pwa, Workbox's generateSW). After the first visit the
 * shell, the runtimes' .wasm, the zoo manifests and the default model are precached; other
 * built-in models, samples and TF.js/LiteRT assets are cached as they are first used. Model
 * files given by URL are never cached by the service worker: fetch timings of a URL model stay
 * honest, and the browser's own cache rules apply to them.
 */
import { VitePWA } from 'vite-plugin-pwa';

const MB = 1024 * 1024;

export function offlineApp() {
  return VitePWA({
    registerType: 'autoUpdate',
    // Registered by src/lib/offline.ts once the page has done its first work.
    injectRegister: false,
    manifest: {
      name: 'benchtab',
      short_name: 'benchtab',
      description: 'Benchmark ML models in this browser tab, on WebGPU and WebAssembly.',
      theme_color: '#2457c5',
      background_color: '#f4f6f8',
      display: 'standalone',
      start_url: '.',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: [
        '**/*.{js,css,html,svg,webmanifest}',
        'assets/ort-wasm-*.wasm',
        'zoo/*.json',
        'zoo/resnet-tiny/**/*',
        'samples/**/*',
      ],
      globIgnores: ['**/overhead*', 'src/bench/**', 'zoo/_fixtures/**', 'zoo/_corpus/**', '**/*.br', '**/*.gz'],
      // onnxruntime-web's .wasm is 26.8 MB.
      maximumFileSizeToCacheInBytes: 40 * MB,
      // "/?model=…&run=1" is the same page as "/".
      ignoreURLParametersMatching: [/.*/],
      // A missing file must stay a 404 (appType mpa), never the app shell.
      navigateFallback: null,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
        {
          // Byte ranges (a format sniff) go to the network: a 206 cannot be cached.
          urlPattern: ({ url, request, sameOrigin }) => sameOrigin && !request.headers.has('range') && (url.pathname.includes('/zoo/') || url.pathname.includes('/assets/')),
          handler: 'CacheFirst',
          options: { cacheName: 'benchtab-builtins', expiration: { maxEntries: 400 } },
        },
      ],
    },
  });
}
