/**
 * The suite file of `benchtab suite FILE`: models × runtimes × backends × configs × targets, in
 * YAML or JSON (JSON is read by the same YAML 1.2 parser, so both get line numbers). Validated
 * with zod like the app's own schema; a bad file is answered with the line and the field.
 */
import english from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import { LineCounter, parseDocument } from 'yaml';
import type { BackendId, RuntimeId } from '../result.ts';
import { RUNTIME_IDS, RUNTIMES } from '../runtimes.ts';

const englishMessages = english().localeError;

/** Every backend some runtime offers; which runtime takes which is checked per job (jobs.ts). */
const BACKEND_IDS = [...new Set(Object.values(RUNTIMES).flatMap((info) => info.backends))] as [BackendId, ...BackendId[]];

/** An automation-contract parameter value; numbers and booleans are written into the URL as text. */
const paramValue = z.union([z.string(), z.number(), z.boolean()]);
const params = z.record(z.string().check(z.minLength(1)), paramValue);
const name = z.string().check(z.minLength(1), z.maxLength(128));

const modelEntry = z.union([
  z.string().check(z.minLength(1)),
  z.strictObject({
    /** A zoo id, a local path (served by the CLI), an app path (/zoo/…), a URL or a hub id. */
    model: z.string().check(z.minLength(1)),
    /** The job name the regression gate matches on; default: the model's file name. */
    name: z.optional(name),
    params: z.optional(params),
  }),
]);

const configEntry = z.strictObject({ name, params });

const targetEntry = z.union([
  z.string().check(z.minLength(1)),
  z.strictObject({
    name: z.optional(name),
    /** local, playwright:WS_ENDPOINT or webdriver:URL. */
    url: z.string().check(z.minLength(1)),
    /** WebDriver capabilities (browserName, platformName, goog:chromeOptions, …). */
    capabilities: z.optional(z.record(z.string(), z.unknown())),
  }),
]);

export const suiteSchema = z.strictObject({
  name: z.optional(name),
  /** Parameters every job gets (the automation contract: warmup, iterations, mode, sla, …). */
  params: z.optional(params),
  models: z.array(modelEntry).check(z.minLength(1)),
  runtimes: z.optional(z.array(z.enum(RUNTIME_IDS as [RuntimeId, ...RuntimeId[]])).check(z.minLength(1))),
  backends: z.optional(z.array(z.enum(BACKEND_IDS)).check(z.minLength(1))),
  configs: z.optional(z.array(configEntry).check(z.minLength(1))),
  targets: z.optional(z.array(targetEntry).check(z.minLength(1))),
});

export type Suite = z.infer<typeof suiteSchema>;
export type SuiteParams = z.infer<typeof params>;
export type SuiteTarget = z.infer<typeof targetEntry>;

export type SuiteParse = { ok: true; suite: Suite } | { ok: false; errors: string[] };

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || '(top level)';
}

/**
 * Parses and validates a suite; each error reads "suite.yaml:7: models[1].params.warmup: …".
 * A field that is missing points at its parent's line.
 */
export function parseSuite(text: string, fileName = 'suite'): SuiteParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, 3).map((error) => `${fileName}:${lineCounter.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`),
    };
  }
  const parsed = suiteSchema.safeParse(doc.toJS(), { error: englishMessages });
  if (parsed.success) return { ok: true, suite: parsed.data };
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 5).map((issue) => {
      // Unknown keys are reported on the object; name the first one and point at it.
      const keys = (issue as { keys?: string[] }).keys;
      const path = keys?.length ? [...issue.path, keys[0]!] : issue.path;
      return `${fileName}:${lineOf(path)}: ${fieldPath(path)}: ${issue.message}`;
    }),
  };
}
