import { bert } from './bert.ts';
import { clip } from './clip.ts';
import { efficientnet } from './efficientnet.ts';
import { mobilenetv2 } from './mobilenetv2.ts';
import { wav2vec2 } from './wav2vec2.ts';
import { whisper } from './whisper.ts';
import { yolov8 } from './yolov8.ts';
import { gpt2 } from './gpt2.ts';
import { resnet } from './resnet.ts';
import { llama, llama3 } from './llama.ts';
import type { Architecture } from './types.ts';

/** Every architecture family by key; each family's own module is fully typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous map of configs
export const ARCHITECTURES: Record<string, Architecture<any>> = {
  resnet,
  mobilenetv2,
  efficientnet,
  yolov8,
  bert,
  gpt2,
  llama,
  llama3,
  wav2vec2,
  whisper,
  clip,
};

export function architecture(key: string): Architecture<unknown> {
  const found = ARCHITECTURES[key];
  if (!found) throw new Error(`unknown architecture "${key}"; known: ${Object.keys(ARCHITECTURES).join(', ')}`);
  return found as Architecture<unknown>;
}
