/**
 * Sessions from a WebDriver endpoint (Selenium Grid 4 hub or standalone, a cloud farm, a bare
 * chromedriver) through the official `selenium-webdriver` client, with the suite's capabilities.
 */
import { Builder, type WebDriver } from 'selenium-webdriver';
import { errorText, type BrowserInfo, type BrowserSession, type Driver } from '../session.ts';

/**
 * Used when a target gives no capabilities: headless Chrome that may use a GPU if the node has
 * one. Nodes without one answer "no WebGPU adapter" for webgpu jobs, which is the truth.
 */
export const DEFAULT_CAPABILITIES = {
  browserName: 'chrome',
  'goog:chromeOptions': { args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--enable-unsafe-webgpu'] },
};

class WebDriverSession implements BrowserSession {
  constructor(private readonly driver: WebDriver, readonly id: string, readonly info: BrowserInfo) {}

  async open(url: string, timeoutMs: number): Promise<void> {
    await this.driver.manage().setTimeouts({ pageLoad: timeoutMs, script: timeoutMs });
    await this.driver.get(url);
  }

  async evaluate<T>(expression: string): Promise<T> {
    // executeAsyncScript awaits promises (the adapter probe); the callback is the last argument.
    return (await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve(${expression}).then(done, (error) => done({ __error: String(error) }));`,
    )) as T;
  }

  async close(): Promise<void> {
    await this.driver.quit().catch(() => {});
  }
}

/** "ECONNREFUSED" and friends read as "cannot reach"; the Grid's own answers are passed on. */
function explain(error: unknown, name: string): string {
  const text = errorText(error);
  // selenium-webdriver puts the socket error's code at the start of its message ("ECONNREFUSED connect …").
  const code = (error as { code?: string }).code ?? /^(E[A-Z]{3,})\b/.exec(text)?.[1];
  if (code && /^E[A-Z]+$/.test(code)) return `Cannot reach the WebDriver endpoint ${name} (${code}).`;
  return `The WebDriver endpoint ${name} gave no session: ${text}`;
}

export function webdriverDriver(endpoint: string, name: string, capabilities: Record<string, unknown> | null): Driver {
  return {
    async openSession() {
      let driver: WebDriver;
      try {
        driver = await new Builder().usingServer(endpoint).withCapabilities(capabilities ?? DEFAULT_CAPABILITIES).build();
        const session = await driver.getSession();
        const caps = await driver.getCapabilities();
        const info = { browser: String(caps.get('browserName') ?? 'unknown'), version: String(caps.get('browserVersion') ?? '') };
        return new WebDriverSession(driver, session.getId(), info);
      } catch (error) {
        throw new Error(explain(error, name));
      }
    },
    async close() {},
  };
}
