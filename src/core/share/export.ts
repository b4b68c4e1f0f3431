/**
 * Results out of and into the app as files: a JSON bundle (the only format that comes back in), a
 * CSV for spreadsheets and a Markdown table for PRs and issues. Names are strangers' text, so every
 * format escapes them for its reader.
 */
import { deviceSummary } from './device.ts';
import { SCHEMA_VERSION, type Parsed, type SharedResult } from './schema.ts';
import { parseJsonSafely, parseShared } from './validate.ts';

export const BUNDLE_FORMAT = 'benchtab.results';
/** An import larger than this is refused before parsing: about 2,000 typical results. */
export const MAX_IMPORT_CHARS = 8 * 1024 * 1024;
export const MAX_IMPORT_RESULTS = 2000;

/** A result with the name the user gave it in history, if any. */
export interface NamedResult {
  name?: string;
  result: SharedResult;
}

export interface ResultBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof SCHEMA_VERSION;
  exportedAt: string;
  entries: NamedResult[];
}

export function exportJson(entries: readonly NamedResult[], now = new Date()): string {
  const bundle: ResultBundle = {
    format: BUNDLE_FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    entries: entries.map(({ name, result }) => (name === undefined ? { result } : { name, result })),
  };
  return JSON.stringify(bundle, null, 2);
}

function parseEntry(value: unknown, label: string): Parsed<NamedResult> {
  if (typeof value !== 'object' || value === null || !('result' in value)) {
    return { ok: false, error: `${label} has no "result".` };
  }
  const parsed = parseShared(value.result, label);
  if (!parsed.ok) return parsed;
  const name = 'name' in value ? value.name : undefined;
  if (name === undefined) return { ok: true, result: { result: parsed.result } };
  if (typeof name !== 'string' || name.length > 256) return { ok: false, error: `${label} has a name that is not a short text.` };
  return { ok: true, result: { name, result: parsed.result } };
}

/**
 * Reads an exported bundle, or a single result. All or nothing: one bad entry refuses the file,
 * and the message names the entry.
 */
export function importJson(text: string): Parsed<NamedResult[]> {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: `This file is too large to import (over ${MAX_IMPORT_CHARS / 1024 / 1024} MB).` };
  }
  const json = parseJsonSafely(text);
  if (!json.ok) return { ok: false, error: `This file is unreadable: ${json.error}.` };
  const value = json.result;
  if (typeof value !== 'object' || value === null || !('format' in value)) {
    return { ok: false, error: 'This file is not a benchtab export.' };
  }
  if (value.format !== BUNDLE_FORMAT) {
    const single = parseShared(value, 'This file');
    return single.ok ? { ok: true, result: [{ result: single.result }] } : single;
  }
  const entries = 'entries' in value ? value.entries : undefined;
  if (!Array.isArray(entries)) return { ok: false, error: 'This export has no list of entries.' };
  if (entries.length > MAX_IMPORT_RESULTS) {
    return { ok: false, error: `This export holds ${entries.length} results; at most ${MAX_IMPORT_RESULTS} can be imported at once.` };
  }
  const results: NamedResult[] = [];
  for (const [index, entry] of entries.entries()) {
    const parsed = parseEntry(entry, `Entry ${index + 1}`);
    if (!parsed.ok) return parsed;
    results.push(parsed.result);
  }
  return { ok: true, result: results };
}

const fixed = (value: number, digits = 3): string => String(Math.round(value * 10 ** digits) / 10 ** digits);

/** The columns of the CSV, in order; each reads one cell from a named result. */
const CSV_COLUMNS: readonly [header: string, cell: (entry: NamedResult) => string | number | boolean][] = [
  ['name', (e) => e.name ?? ''],
  ['model', (e) => e.result.model.name],
  ['sha256', (e) => e.result.model.sha256],
  ['source', (e) => e.result.model.source],
  ['synthetic', (e) => e.result.model.synthetic],
  ['bytes', (e) => e.result.model.bytes],
  ['runtime', (e) => e.result.runtime],
  ['backend', (e) => e.result.backend],
  ['dtype', (e) => e.result.config.dtype ?? e.result.task?.dtype ?? ''],
  ['task', (e) => e.result.config.task ?? ''],
  ['warmup', (e) => e.result.config.warmup],
  ['mode', (e) => e.result.config.mode],
  // The runs a fixed-mode run was asked for; other modes stop by their rule (count is what ran).
  ['fixed_iterations', (e) => (e.result.config.mode === 'fixed' ? e.result.config.iterations : '')],
  ['threads', (e) => e.result.config.threads],
  ['count', (e) => e.result.stats.count],
  ['min_ms', (e) => e.result.stats.min],
  ['p50_ms', (e) => e.result.stats.p50],
  ['p90_ms', (e) => e.result.stats.p90],
  ['p95_ms', (e) => e.result.stats.p95],
  ['p99_ms', (e) => e.result.stats.p99],
  ['max_ms', (e) => e.result.stats.max],
  ['mean_ms', (e) => e.result.stats.mean],
  ['stddev_ms', (e) => e.result.stats.stddev],
  ['throughput_per_s', (e) => e.result.stats.throughput],
  ['init_ms', (e) => e.result.timings.initMs],
  ['first_ms', (e) => e.result.timings.firstMs],
  ['device', (e) => deviceSummary(e.result.device)],
  ['user_agent', (e) => e.result.device.userAgent],
  ['cross_origin_isolated', (e) => e.result.device.crossOriginIsolated],
  ['stop_reason', (e) => e.result.stopReason],
  ['valid', (e) => e.result.validity.valid],
  ['verdict', (e) => e.result.verdict.status],
  ['verdict_reason', (e) => e.result.verdict.reason],
  ['started_at', (e) => e.result.startedAt],
  ['app_version', (e) => e.result.appVersion],
];

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe (OWASP's advice); numbers and booleans are written as they are.
 */
export function csvCell(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: readonly NamedResult[]): string {
  const header = CSV_COLUMNS.map(([name]) => name).join(',');
  const rows = entries.map((entry) => CSV_COLUMNS.map(([, cell]) => csvCell(cell(entry))).join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}

/**
 * Markdown table cell text: line breaks become spaces, and characters Markdown would read as
 * syntax (table pipes, HTML, emphasis, links, code) are backslash-escaped, backslash first.
 */
export function markdownCell(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\\|<>[\]*_`~#!]/g, (char) => `\\${char}`);
}

const MARKDOWN_HEADER = ['model', 'runtime', 'backend', 'runs', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'throughput (/s)', 'valid', 'verdict', 'device'];
/** Right-aligned (numeric) columns of the Markdown table. */
const MARKDOWN_NUMERIC = new Set(['runs', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'throughput (/s)']);

/** A GitHub-flavoured Markdown table, one row per result, ready to paste into a PR or issue. */
export function toMarkdown(entries: readonly NamedResult[]): string {
  const rows = entries.map(({ name, result }) => [
    markdownCell(name ? `${name} (${result.model.name})` : result.model.name),
    result.runtime,
    result.backend,
    String(result.stats.count),
    fixed(result.stats.p50, 2),
    fixed(result.stats.p95, 2),
    fixed(result.stats.p99, 2),
    fixed(result.stats.throughput, 1),
    result.validity.valid ? 'valid' : markdownCell(`invalid: ${result.validity.reasons.join('; ')}`),
    markdownCell(`${result.verdict.status}: ${result.verdict.reason}`),
    markdownCell(deviceSummary(result.device)),
  ]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const align = MARKDOWN_HEADER.map((name) => (MARKDOWN_NUMERIC.has(name) ? '---:' : '---'));
  return [line(MARKDOWN_HEADER), line(align), ...rows.map(line)].join('\n') + '\n';
}
