import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run test:soak`: the long soak, apart from `npm test`. */
export default defineConfig({
  ...base,
  testDir: 'tests/soak',
  timeout: 30 * 60_000,
  projects: base.projects!.filter((project) => project.name === 'webgpu').map((project) => ({ ...project, testIgnore: [] })),
});
