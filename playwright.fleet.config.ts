import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run test:fleet`: the fleet CLI against a Playwright server and a Selenium Grid, apart from `npm test`. */
export default defineConfig({
  ...base,
  testDir: 'tests/fleet',
  timeout: 10 * 60_000,
  projects: base.projects!.filter((project) => project.name === 'webgpu').map((project) => ({ ...project, testIgnore: [] })),
});
