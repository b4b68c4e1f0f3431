import { whisperPreprocessor } from '../hub/preprocessors.ts';
import { byteLevelTokenizer } from '../hub/tokenizers.ts';
import type { WhisperConfig } from './whisper.ts';

/** The 99 language codes of multilingual Whisper, in token order (openai/whisper tokenizer.py LANGUAGES). */
const LANGUAGES = (
  'en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt la mi ml cy sk te fa lv bn ' +
  'sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my ' +
  'bo tl mg as tt haw ln ha ba jw su'
).split(' ');

const TASKS = ['<|translate|>', '<|transcribe|>', '<|startoflm|>', '<|startofprev|>', '<|nocaptions|>', '<|notimestamps|>'];

/**
 * Whisper's specials after the 50257 BPE tokens: end of text, start of
 * transcript, languages, tasks, then 1501 timestamps (0.00 … 30.00 s), which
 * makes 51865 in all. Smaller vocabularies keep English and the tasks only.
 */
function specials(vocab: number): string[] {
  const timestamps = Array.from({ length: 1501 }, (_, i) => `<|${(i * 0.02).toFixed(2)}|>`);
  const full = ['<|endoftext|>', '<|startoftranscript|>', ...LANGUAGES.map((l) => `<|${l}|>`), ...TASKS, ...timestamps];
  return vocab >= 256 + full.length ? full : ['<|endoftext|>', '<|startoftranscript|>', '<|en|>', ...TASKS];
}

export function whisperHubFiles(c: WhisperConfig): Record<string, unknown> {
  const tokens = specials(c.vocab);
  const base = c.vocab - tokens.length;
  const id = (token: string): number => base + tokens.indexOf(token);
  const generation = {
    decoder_start_token_id: id('<|startoftranscript|>'),
    eos_token_id: id('<|endoftext|>'),
    pad_token_id: id('<|endoftext|>'),
    bos_token_id: id('<|endoftext|>'),
    no_timestamps_token_id: id('<|notimestamps|>'),
    is_multilingual: tokens.length > 9,
    lang_to_id: Object.fromEntries(tokens.filter((t) => LANGUAGES.includes(t.slice(2, -2))).map((t) => [t, id(t)])),
    task_to_id: { translate: id('<|translate|>'), transcribe: id('<|transcribe|>') },
    max_length: c.maxTargetPositions,
  };
  return {
    'config.json': {
      model_type: 'whisper',
      architectures: ['WhisperForConditionalGeneration'],
      num_mel_bins: c.melBins,
      d_model: c.hidden,
      encoder_layers: c.encoderLayers,
      decoder_layers: c.decoderLayers,
      encoder_attention_heads: c.heads,
      decoder_attention_heads: c.heads,
      encoder_ffn_dim: c.intermediate,
      decoder_ffn_dim: c.intermediate,
      max_source_positions: c.frames / 2,
      max_target_positions: c.maxTargetPositions,
      vocab_size: c.vocab,
      activation_function: 'gelu',
      is_encoder_decoder: true,
      use_cache: true,
      decoder_start_token_id: generation.decoder_start_token_id,
      eos_token_id: generation.eos_token_id,
      pad_token_id: generation.pad_token_id,
      bos_token_id: generation.bos_token_id,
    },
    'generation_config.json': generation,
    'preprocessor_config.json': whisperPreprocessor(c.melBins, c.frames),
    ...byteLevelTokenizer({ size: c.vocab, specials: tokens, tokenizerClass: 'WhisperTokenizer', maxLength: c.maxTargetPositions }),
  };
}
