/**
 * Deterministic made-up vocabularies. Real vocabularies cannot be shipped
 * offline; these have the right size and token shapes so tokenizers load and
 * embedding tables match the published vocabulary sizes.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const PUNCTUATION = '.,!?;:\'"()-_/&%$#@*+=<>[]{}';

/** Pseudo-words built letter by letter in breadth-first order: a, b, …, aa, ab, … */
function* pseudoWords(): Generator<string> {
  let frontier = [''];
  for (;;) {
    const next: string[] = [];
    for (const stem of frontier) {
      for (const letter of LETTERS) {
        next.push(stem + letter);
        if (stem.length > 0) yield stem + letter;
      }
    }
    frontier = next;
  }
}

/** WordPiece vocabulary: specials, characters, ##characters, then pseudo-words up to `size`. */
export function wordPieceVocabulary(specials: string[], size: number): string[] {
  const chars = [...LETTERS, ...DIGITS, ...PUNCTUATION];
  const tokens = [...specials, ...chars, ...[...LETTERS, ...DIGITS].map((c) => `##${c}`)];
  const words = pseudoWords();
  let sub = false;
  while (tokens.length < size) {
    const word = words.next().value as string;
    tokens.push(sub ? `##${word}` : word);
    sub = !sub;
  }
  return tokens.slice(0, size);
}

/** GPT-2's bytes_to_unicode table (openai/gpt-2 encoder.py): printable stand-ins for all 256 bytes. */
export function byteLevelAlphabet(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const table = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + extra++);
  }
  return table;
}

/**
 * Byte-level BPE vocabulary of `size` tokens before specials: the 256 byte
 * symbols, then merges that extend existing tokens by one letter, each merge
 * giving one new token, so every token is reachable by the merge list.
 */
export function byteLevelBpe(size: number): { vocab: string[]; merges: string[] } {
  const vocab = byteLevelAlphabet();
  const merges: string[] = [];
  const known = new Set(vocab);
  const space = vocab[32] ?? 'Ġ';
  for (let i = 0; vocab.length < size && i < vocab.length; i++) {
    const stem = vocab[i] ?? '';
    if (!/^[a-zĠ]/.test(stem) && stem !== space) continue;
    for (const letter of LETTERS) {
      if (vocab.length >= size) break;
      const token = stem + letter;
      if (known.has(token)) continue;
      known.add(token);
      vocab.push(token);
      merges.push(`${stem} ${letter}`);
    }
  }
  return { vocab: vocab.slice(0, size), merges };
}
