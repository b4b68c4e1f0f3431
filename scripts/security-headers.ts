/**
 * The protective headers `npm start` (Vite preview) serves with the production build, one
 * directive per line with the reason it is there. The README's "Security headers" section
 * explains the choices; tests/e2e/headers.spec.ts checks them and that the app runs under them.
 */

import type { Plugin } from 'vite';

/** connect-src: the app's own origin, any HTTPS origin and loopback HTTP (see below). */
const CONNECT = ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'];

/**
 * The policy for one request. `requestUrl` is the path and query asked for: a page opened with
 * `?model=http://host/...` also may fetch from that plain-HTTP origin, since the user named it.
 * The Synthesize and bench workers alone get 'unsafe-eval': protobufjs (which writes ONNX in the
 * one and reads graphs for input defaults, inspection and the roofline's work count in the other)
 * compiles its coders with Function() from the project's own ONNX schema, never from model data.
 * Without it the graph reads fail and models lose their derived defaults.
 */
export function contentSecurityPolicy(requestUrl = '/'): string {
  const url = new URL(requestUrl, 'http://localhost');
  const connect = [...CONNECT];
  const model = url.searchParams.get('model');
  if (model?.startsWith('http://')) {
    try {
      connect.push(new URL(model).origin);
    } catch { /* not a URL: the page says so itself */ }
  }
  const evalWorker = /\/(synth|bench)\.worker[-.][^/]*\.js$/.test(url.pathname);
  return [
    // Everything not named below: this origin only.
    "default-src 'self'",
    // No inline script, no eval; 'wasm-unsafe-eval' lets onnxruntime-web and TF.js compile their .wasm.
    `script-src 'self' 'wasm-unsafe-eval'${evalWorker ? " 'unsafe-eval'" : ''}`,
    // Workers are the app's own module files (bench, synthesize, ORT's threads), plus blob: for
    // wllama alone: it ships llama.cpp's worker and its pthreads as inlined code started from
    // object URLs (no file of its own to serve). Never data:.
    "worker-src 'self' blob:",
    // Model files and hub folders come from wherever the user points: any HTTPS host, loopback HTTP.
    `connect-src ${connect.join(' ')}`,
    // Observable Plot and Svelte insert <style> elements and style attributes; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // Chart and sample previews: the app's files, object URLs of the user's own images, data: icons.
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    // No plugins, no <base> rewriting, no form posts, no framing by other sites (clickjacking).
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * All protective headers for one request.
 */
export function securityHeaders(requestUrl: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(requestUrl),
    // A model, a sample or a JSON export is never run as script or rendered as HTML by sniffing.
    'X-Content-Type-Options': 'nosniff',
    // Share links carry the result in the fragment (never sent), and model URLs may be signed: no Referer.
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * A Vite plugin: the preview server (npm start) sends the headers on every response; the dev
 * server only nosniff and Referrer-Policy, since its HMR client needs what the CSP forbids.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'benchtab-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(securityHeaders(req.url ?? '/'))) res.setHeader(name, value);
        next();
      });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(securityHeaders(req.url ?? '/'))) {
          if (name !== 'Content-Security-Policy') res.setHeader(name, value);
        }
        next();
      });
    },
  };
}
