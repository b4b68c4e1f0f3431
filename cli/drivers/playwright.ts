/**
 * Sessions from Playwright: `local` launches the system's Chromium headless (one browser per
 * session), `playwright:WS_ENDPOINT` attaches to a browser server (`launchServer`,
 * `playwright run-server`, or a cloud endpoint speaking that protocol) with `chromium.connect`.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { BASE_ARGS, chromiumPath, WEBGPU_ARGS } from '../../scripts/chromium.ts';
import { errorText, type BrowserSession, type Driver } from '../session.ts';

let sessions = 0;

class PlaywrightSession implements BrowserSession {
  readonly id: string;
  readonly info;
  #crashed: string | null = null;

  constructor(private readonly browser: Browser, private readonly page: Page, label: string) {
    this.id = `${label}#${++sessions}`;
    this.info = { browser: browser.browserType().name(), version: browser.version() };
    // A crashed renderer or a lost connection makes every later call fail with this reason.
    page.on('crash', () => { this.#crashed = 'the page crashed'; });
    browser.on('disconnected', () => { this.#crashed ??= 'the browser disconnected'; });
  }

  #check(): void {
    if (this.#crashed) throw new Error(`Session ${this.id}: ${this.#crashed}`);
  }

  async open(url: string, timeoutMs: number): Promise<void> {
    this.#check();
    await this.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  }

  async evaluate<T>(expression: string): Promise<T> {
    this.#check();
    return (await this.page.evaluate(expression)) as T;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
  }
}

async function newSession(browser: Browser, label: string): Promise<BrowserSession> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return new PlaywrightSession(browser, page, label);
}

export function localDriver(): Driver {
  return {
    async openSession() {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...BASE_ARGS, ...WEBGPU_ARGS] });
      return newSession(browser, 'local');
    },
    async close() {},
  };
}

export function playwrightDriver(endpoint: string, name: string): Driver {
  return {
    async openSession() {
      let browser: Browser;
      try {
        browser = await chromium.connect(endpoint, { timeout: 30_000 });
      } catch (error) {
        throw new Error(`Cannot connect to the Playwright server ${name}: ${errorText(error)}`);
      }
      return newSession(browser, 'playwright');
    },
    async close() {},
  };
}
