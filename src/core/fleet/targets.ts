/**
 * Fleet targets: where a job's browser comes from. Each is an engine teams already run:
 * `local` (system Chromium, headless), `playwright:WS_ENDPOINT` (a Playwright browser server or a
 * cloud endpoint speaking its protocol) and `webdriver:URL` (Selenium Grid 4 or any WebDriver).
 */
import type { SuiteTarget } from './suite.ts';

export type TargetKind = 'local' | 'playwright' | 'webdriver';

export interface TargetSpec {
  /** How reports name it: the suite's name, or the redacted endpoint. */
  name: string;
  kind: TargetKind;
  /** The endpoint with credentials; never written to a report (see redactEndpoint). */
  endpoint: string;
  /** WebDriver capabilities from the suite; null: the CLI's defaults. */
  capabilities: Record<string, unknown> | null;
}

/**
 * The endpoint without secrets: cloud farms put a user and an access key in the URL's userinfo or
 * its query (`?caps=…&key=…`), and results files travel into CI logs and PRs.
 */
export function redactEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.username || url.password) {
      url.username = '';
      url.password = '';
    }
    const hadQuery = url.search !== '';
    url.search = '';
    return `${url.href}${hadQuery ? '?…' : ''}`;
  } catch {
    return endpoint.replace(/\/\/[^@/]*@/, '//');
  }
}

const PROTOCOLS: Record<Exclude<TargetKind, 'local'>, readonly string[]> = {
  playwright: ['ws:', 'wss:'],
  webdriver: ['http:', 'https:'],
};

/** Reads `local`, `playwright:ws://…` or `webdriver:http://…`; returns a sentence when it cannot. */
export function parseTarget(entry: SuiteTarget): TargetSpec | string {
  const spec = typeof entry === 'string' ? entry.trim() : entry.url.trim();
  const capabilities = typeof entry === 'string' ? null : entry.capabilities ?? null;
  const named = typeof entry === 'string' ? undefined : entry.name;
  if (spec === 'local') return { name: named ?? 'local', kind: 'local', endpoint: '', capabilities };
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  if (colon < 0 || (kind !== 'playwright' && kind !== 'webdriver')) {
    return `Target "${spec}" is not local, playwright:WS_ENDPOINT or webdriver:URL.`;
  }
  const endpoint = spec.slice(colon + 1);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `Target "${spec}": "${endpoint}" is not a URL.`;
  }
  if (!PROTOCOLS[kind].includes(url.protocol)) {
    return `Target "${spec}": a ${kind} endpoint is a ${PROTOCOLS[kind].map((p) => `${p}//`).join(' or ')} URL.`;
  }
  return { name: named ?? `${kind}:${redactEndpoint(endpoint)}`, kind, endpoint, capabilities };
}
