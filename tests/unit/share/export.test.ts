import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toShared } from '../../../src/core/share/convert.ts';
import { csvCell, exportJson, importJson, markdownCell, toCsv, toMarkdown } from '../../../src/core/share/export.ts';
import { benchResultArb, typicalResult } from './fixtures.ts';

const shared = toShared(typicalResult(), '0.1.0');

/** A small RFC 4180 reader, to check that what toCsv writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; }
    else if (char === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += char;
  }
  return rows;
}

describe('JSON export and import', () => {
  test('round-trips names and results over generated results', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), benchResultArb), { minLength: 1, maxLength: 5 }), (pairs) => {
      const entries = pairs.map(([name, result]) => (name === undefined ? { result: toShared(result) } : { name, result: toShared(result) }));
      expect(importJson(exportJson(entries))).toEqual({ ok: true, result: entries });
    }), { numRuns: 50 });
  });

  test('a single result file imports as one entry', () => {
    expect(importJson(JSON.stringify(shared))).toEqual({ ok: true, result: [{ result: shared }] });
  });

  test('a bad entry refuses the file and names the entry', () => {
    const bundle = JSON.parse(exportJson([{ result: shared }, { result: shared }]));
    bundle.entries[1].result.stats.p50 = -1;
    const imported = importJson(JSON.stringify(bundle));
    expect(imported).toEqual({ ok: false, error: expect.stringMatching(/^Entry 2 does not match .*stats\.p50/) });
  });

  test.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['another app', '{"format":"other"}', /not a benchtab result/],
    ['an array', '[1,2]', /not a benchtab export/],
    ['__proto__', '{"format":"benchtab.results","version":1,"entries":[],"__proto__":{"x":1}}', /forbidden key "__proto__"/],
    ['no entries', '{"format":"benchtab.results","version":1}', /no list of entries/],
    ['an entry without a result', '{"format":"benchtab.results","version":1,"entries":[{}]}', /Entry 1 has no "result"/],
  ])('refuses %s', (_, text, message) => {
    const imported = importJson(text);
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error).toMatch(message);
  });

  test('refuses a file over the size limit before parsing it', () => {
    expect(importJson(' '.repeat(9 * 1024 * 1024))).toEqual({ ok: false, error: expect.stringContaining('too large') });
  });
});

describe('CSV', () => {
  test('formula-looking text gets an apostrophe and quotes; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const text of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(text).startsWith(`"'`)).toBe(true);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });

  test('any model name reads back as the same cell (neutralised when formula-like)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 30 }), (modelName, name) => {
      const entry = { name, result: { ...shared, model: { ...shared.model, name: modelName } } };
      const [header, row] = parseCsv(toCsv([entry]));
      expect(row).toHaveLength(header!.length);
      const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      expect(row![1]).toBe(neutral(modelName));
      expect(row![0]).toBe(neutral(name));
    }), { numRuns: 300 });
  });
});

describe('Markdown', () => {
  test('pipes, line breaks and markup cannot break the table', () => {
    expect(markdownCell('a|b\nc\\|d <script>')).toBe('a\\|b c\\\\\\|d \\<script\\>');
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (modelName) => {
      const table = toMarkdown([{ result: { ...shared, model: { ...shared.model, name: modelName } } }]);
      const lines = table.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      // Every unescaped pipe is a cell border: 12 of them for 11 columns.
      const borders = lines[2]!.replace(/\\./g, '').split('|').length - 1;
      expect(borders).toBe(12);
    }), { numRuns: 300 });
  });

  test('a typical table', () => {
    expect(toMarkdown([{ name: 'laptop', result: shared }])).toBe([
      '| model | runtime | backend | runs | p50 (ms) | p95 (ms) | p99 (ms) | throughput (/s) | valid | verdict | device |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
      '| laptop (mobilenetv2-12.onnx) | ort | webgpu | 100 | 12.87 | 15.34 | 18.21 | 76.4 | valid | not-measured: 100 runs are too few for p95 (at least 130 needed) | Chrome 131 on macOS · apple metal-3 · 10 cores · 8 GiB · isolated |',
      '',
    ].join('\n'));
  });
});
