import { defineConfig } from '@playwright/test';
import { BASE_ARGS, chromiumPath, WEBGPU_ARGS } from './scripts/chromium.ts';
const PORT = Number(process.env.E2E_PORT ?? 4417);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: chromiumPath() },
  },
  projects: [
    {
      name: 'webgpu',
      testIgnore: /no-webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath: chromiumPath(), args: [...BASE_ARGS, ...WEBGPU_ARGS] } },
    },
    {
      name: 'no-webgpu',
      testMatch: /no-webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath: chromiumPath(), args: BASE_ARGS } },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    env: { PORT: String(PORT) },
    url: `http://localhost:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
