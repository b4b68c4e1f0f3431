import { byteLevelBpe, sentencePieceVocabulary, SPM_SPACE, wordPieceVocabulary } from './vocabulary.ts';

/**
 * tokenizer.json (Hugging Face tokenizers format) and tokenizer_config.json
 * for the generated vocabularies, keyed by file name for the hub layout.
 */

type Files = Record<string, unknown>;

function addedTokens(tokens: string[], ids: number[]): unknown[] {
  return tokens.map((content, i) => ({ id: ids[i], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
}

const indexOf = (tokens: string[]): Record<string, number> => Object.fromEntries(tokens.map((t, i) => [t, i]));

/** BERT's uncased WordPiece tokenizer with [CLS] … [SEP] templates. */
export function wordPieceTokenizer(size: number, maxLength: number): Files {
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const vocab = wordPieceVocabulary(specials, size);
  const single = [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }];
  const pair = [...single, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }];
  return {
    'tokenizer.json': {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: addedTokens(specials, [0, 1, 2, 3, 4]),
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: {
        type: 'TemplateProcessing',
        single,
        pair,
        special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
      },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: indexOf(vocab) },
    },
    'tokenizer_config.json': {
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: maxLength,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
      clean_up_tokenization_spaces: true,
    },
  };
}

export interface BpeOptions {
  /** Total vocabulary including specials, which take the last ids. */
  size: number;
  specials: string[];
  tokenizerClass: string;
  maxLength: number;
  bos?: string;
  eos?: string;
  pad?: string;
  /** Llama 3: the template puts bos in front and no eos after. */
  bosOnly?: boolean;
}

/** Byte-level BPE (GPT-2, CLIP, Whisper): byte symbols, generated merges, specials at the end. */
export function byteLevelTokenizer(o: BpeOptions): Files {
  const { vocab, merges } = byteLevelBpe(o.size - o.specials.length);
  const specialIds = o.specials.map((_, i) => vocab.length + i);
  const all = [...vocab, ...o.specials];
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  const withEnds = o.bos && o.eos;
  return {
    'tokenizer.json': {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: addedTokens(o.specials, specialIds),
      normalizer: null,
      pre_tokenizer: byteLevel,
      post_processor: withEnds
        ? {
            type: 'TemplateProcessing',
            single: [{ SpecialToken: { id: o.bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, ...(o.bosOnly ? [] : [{ SpecialToken: { id: o.eos, type_id: 0 } }])],
            pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }],
            special_tokens: Object.fromEntries([o.bos, o.eos].map((t) => [t, { id: t, ids: [all.indexOf(t ?? '')], tokens: [t] }])),
          }
        : byteLevel,
      decoder: byteLevel,
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, vocab: indexOf(all), merges },
    },
    'tokenizer_config.json': {
      tokenizer_class: o.tokenizerClass,
      model_max_length: o.maxLength,
      add_prefix_space: false,
      bos_token: o.bos ?? o.specials[0],
      eos_token: o.eos ?? o.specials[0],
      unk_token: o.specials[0],
      pad_token: o.pad ?? o.eos ?? o.specials[0],
      clean_up_tokenization_spaces: false,
    },
  };
}

/** Wav2Vec2's character-level CTC tokenizer: a word delimiter "|" and upper-case letters. */
export function characterTokenizer(size: number): Files {
  const specials = ['<pad>', '<s>', '</s>', '<unk>'];
  const chars = ['|', ...'ETAONIHSRDLUMWCFGYPBVK\'XJQZ'];
  const extra = Array.from({ length: Math.max(0, size - specials.length - chars.length) }, (_, i) => `<extra_${i}>`);
  const vocab = [...specials, ...chars, ...extra].slice(0, size);
  return {
    'vocab.json': indexOf(vocab),
    'tokenizer.json': {
      version: '1.0',
      added_tokens: addedTokens(specials, [0, 1, 2, 3]),
      normalizer: null,
      pre_tokenizer: null,
      post_processor: null,
      decoder: { type: 'CTC', pad_token: '<pad>', word_delimiter_token: '|', cleanup: true },
      model: { type: 'WordLevel', vocab: indexOf(vocab), unk_token: '<unk>' },
    },
    'tokenizer_config.json': {
      tokenizer_class: 'Wav2Vec2CTCTokenizer',
      do_lower_case: false,
      word_delimiter_token: '|',
      pad_token: '<pad>',
      bos_token: '<s>',
      eos_token: '</s>',
      unk_token: '<unk>',
    },
  };
}

/**
 * A Llama-2 / TinyLlama tokenizer.json: SentencePiece as Hugging Face BPE with byte fallback,
 * "▁" for spaces and before the text, <s> added in front. The GGUF writer stores the same
 * vocabulary as tokenizer.ggml.* (models/gguf/llama-gguf.ts), so both runtimes read one text alike.
 */
export function sentencePieceTokenizer(size: number, maxLength: number): Files {
  const { tokens, merges } = sentencePieceVocabulary(size);
  const space = { String: ' ' };
  return {
    'tokenizer.json': {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: addedTokens(['<unk>', '<s>', '</s>'], [0, 1, 2]),
      normalizer: { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: SPM_SPACE }, { type: 'Replace', pattern: space, content: SPM_SPACE }] },
      pre_tokenizer: null,
      post_processor: {
        type: 'TemplateProcessing',
        single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
        pair: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '<s>', type_id: 1 } }, { Sequence: { id: 'B', type_id: 1 } }],
        special_tokens: { '<s>': { id: '<s>', ids: [1], tokens: ['<s>'] } },
      },
      decoder: {
        type: 'Sequence',
        decoders: [
          { type: 'Replace', pattern: { String: SPM_SPACE }, content: ' ' },
          { type: 'ByteFallback' },
          { type: 'Fuse' },
          { type: 'Strip', content: ' ', start: 1, stop: 0 },
        ],
      },
      model: { type: 'BPE', dropout: null, unk_token: '<unk>', continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: true, byte_fallback: true, vocab: indexOf(tokens), merges },
    },
    'tokenizer_config.json': {
      tokenizer_class: 'LlamaTokenizer',
      model_max_length: maxLength,
      add_bos_token: true,
      add_eos_token: false,
      bos_token: '<s>',
      eos_token: '</s>',
      unk_token: '<unk>',
      pad_token: null,
      legacy: true,
      clean_up_tokenization_spaces: false,
    },
  };
}
