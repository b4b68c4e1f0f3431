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

/** SentencePiece's word-boundary marker (U+2581), which stands for a space. */
export const SPM_SPACE = '\u2581';

/** The kinds of token llama.cpp distinguishes (llama.h, enum llama_token_type). */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

export interface SentencePieceVocabulary {
  tokens: string[];
  /** SentencePiece scores: llama.cpp merges the adjacent pair whose joined piece scores highest. */
  scores: number[];
  types: number[];
  /** The same merges as Hugging Face BPE rules ("a b"), ranked in vocabulary order. */
  merges: string[];
}

/**
 * A Llama-2-style SentencePiece vocabulary of exactly `size` pieces: <unk>, <s>, </s>, the 256
 * byte-fallback pieces <0x00>…<0xFF> (llama.cpp's SPM tokenizer needs them for characters the
 * vocabulary lacks), single characters, then pieces grown one letter at a time from "▁" and
 * letter stems. Each grown piece is one merge, and its score falls with its rank, so llama.cpp
 * (highest score first) and Hugging Face BPE (lowest rank first) split text the same way.
 */
export function sentencePieceVocabulary(size: number): SentencePieceVocabulary {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [TOKEN_TYPE.unknown, TOKEN_TYPE.control, TOKEN_TYPE.control];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(TOKEN_TYPE.byte);
  }
  const firstPiece = tokens.length;
  const singles = [SPM_SPACE, ...LETTERS, ...LETTERS.toUpperCase(), ...DIGITS, ...PUNCTUATION];
  const known = new Set<string>();
  const merges: string[] = [];
  const add = (piece: string): void => {
    known.add(piece);
    tokens.push(piece);
    types.push(TOKEN_TYPE.normal);
  };
  for (const c of singles) if (tokens.length < size) add(c);
  for (let i = firstPiece; tokens.length < size && i < tokens.length; i++) {
    const stem = tokens[i] ?? '';
    if (!/^[a-z\u2581]/.test(stem)) continue;
    for (const letter of LETTERS) {
      if (tokens.length >= size) break;
      if (known.has(stem + letter)) continue;
      add(stem + letter);
      merges.push(`${stem} ${letter}`);
    }
  }
  while (tokens.length < size) add(`<extra_${tokens.length}>`);
  const scores = tokens.map((_, i) => (i < firstPiece ? 0 : -(i - firstPiece)));
  return { tokens: tokens.slice(0, size), scores: scores.slice(0, size), types: types.slice(0, size), merges };
}
