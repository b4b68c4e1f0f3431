#!/usr/bin/env node
// The package's `bin`: registers tsx (a dependency) so the TypeScript CLI runs as the other scripts do.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2));
// Servers and browser connections may still hold the event loop; the verdict is final.
process.stdout.write('', () => process.exit(code));
