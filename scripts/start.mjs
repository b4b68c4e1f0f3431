#!/usr/bin/env node
/** `npm start`: build when the sources changed, then serve the production build. PORT is honoured. */
import { ensureBuilt, serve } from './serve.mjs';

ensureBuilt();
const server = await serve(Number(process.env.PORT ?? 4173), process.env.HOST ?? 'localhost');
console.log('benchtab is serving the production build (Ctrl+C to stop):');
server.printUrls();
