/**
 * npm run models (last step): writes the format corpus's own files to public/zoo/_corpus/<row>/
 * and its table to public/zoo/_corpus/corpus.json. Unchanged files are not rewritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CORPUS, CORPUS_FILES } from './rows.ts';

const OUT = 'public/zoo/_corpus';

function write(path: string, data: Uint8Array | string): void {
  const bytes = Buffer.from(data);
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

for (const [id, files] of Object.entries(CORPUS_FILES)) {
  for (const [path, data] of Object.entries(files)) write(join(OUT, id, path), data);
}
write(join(OUT, 'corpus.json'), `${JSON.stringify(CORPUS, null, 2)}\n`);
console.log(`corpus: ${CORPUS.length} rows → ${OUT}/`);
