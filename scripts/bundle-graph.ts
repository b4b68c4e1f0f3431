/**
 * Which built chunks a page loads before anything else: its module scripts and modulepreloads,
 * then every chunk those import statically. A dynamic `import("./x.js")` is not followed: that
 * chunk loads when the code asks for it. Pure, so `npm run bench:bundle` is unit-tested.
 */

/** The chunk files (relative to dist/, e.g. "assets/main-abc.js") an HTML page loads at once. */
export function entryChunks(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b[^>]*>/g;
  for (const [element, name] of html.matchAll(tag)) {
    const src = /\b(?:src|href)="\/?([^"]+\.(?:js|mjs))"/.exec(element)?.[1];
    if (!src) continue;
    if (name === 'script' ? /type="module"/.test(element) : /rel="modulepreload"/.test(element)) found.push(src);
  }
  return found;
}

/** Static imports of a built ES module, resolved against its folder: `import"./a.js"`, `from"./b.js"`. */
export function staticImports(code: string, file = 'assets/x.js'): string[] {
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  const out = new Set<string>();
  // `import(` is dynamic and not matched: the specifier must follow `from` or a bare `import`.
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g)) {
    out.add(resolve(folder, spec!));
  }
  return [...out];
}

function resolve(folder: string, spec: string): string {
  const parts = (folder + spec).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The page's entry chunks and their static imports, transitively, in the order first met. */
export function shellChunks(html: string, importsOf: (file: string) => string[]): string[] {
  const seen: string[] = [];
  const visit = (file: string): void => {
    if (seen.includes(file)) return;
    seen.push(file);
    for (const next of importsOf(file)) visit(next);
  };
  for (const file of entryChunks(html)) visit(file);
  return seen;
}
