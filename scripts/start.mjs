#!/usr/bin/env node
/** `npm start`: build when the sources changed, then serve the production build. PORT is honoured. */
import { ensureBuilt, serve } from './serve.mjs';

ensureBuilt();
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? 'localhost';
const server = await serve(port, host);
// serve() keeps Vite quiet (bench scripts share it), so the address is printed here.
const urls = server.resolvedUrls?.local ?? [`http://${host}:${port}/`];
console.log(`benchtab is serving the production build at ${urls.join(' ')} (Ctrl+C to stop)`);
