import { describe, expect, it } from 'vitest';
import { entryChunks, shellChunks, staticImports } from '../../../scripts/bundle-graph.ts';

const HTML = `<head>
<script type="module" crossorigin src="/assets/main-A.js"></script>
<link rel="modulepreload" crossorigin href="/assets/bridge-B.js">
<link rel="stylesheet" crossorigin href="/assets/main-C.css">
<link rel="manifest" href="/manifest.webmanifest">
<script src="/legacy.js"></script>
</head>`;

describe('bundle graph', () => {
  it('takes module scripts and modulepreloads, not stylesheets or classic scripts', () => {
    expect(entryChunks(HTML)).toEqual(['assets/main-A.js', 'assets/bridge-B.js']);
  });

  it('follows static imports and leaves dynamic ones', () => {
    const code = 'import{a as b}from"./svelte-D.js";import"./side-E.js";const p=()=>import("./plot-F.js");export{x}from\'../g/h.js\';';
    expect(staticImports(code, 'assets/main-A.js')).toEqual(['assets/svelte-D.js', 'assets/side-E.js', 'g/h.js']);
  });

  it('walks the graph once per chunk, even through cycles', () => {
    const graph: Record<string, string[]> = {
      'assets/main-A.js': ['assets/svelte-D.js', 'assets/bridge-B.js'],
      'assets/bridge-B.js': ['assets/main-A.js'],
      'assets/svelte-D.js': [],
    };
    expect(shellChunks(HTML, (file) => graph[file] ?? [])).toEqual(['assets/main-A.js', 'assets/svelte-D.js', 'assets/bridge-B.js']);
  });
});
