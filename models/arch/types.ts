import type { Variant } from '../core/graph.ts';
import type { ModelProto } from '../onnx/types.ts';

export type { Preset } from '../catalog.ts';
import type { Preset } from '../catalog.ts';

export interface BuildOptions {
  seed: number;
  variant: Variant;
  /** Shapes only, no weight bytes: for parameter counts of full presets. */
  dryRun?: boolean;
}

/** One ONNX file of a model; seq2seq models have an encoder and a decoder. */
export interface BuiltGraph {
  /** File stem as transformers.js expects it: model, encoder_model, decoder_model_merged. */
  fileStem: string;
  model: ModelProto;
}

/** An architecture family: its presets, its checks and its graph builder. */
export interface Architecture<Config> {
  /** Stable key used by the CLI's --only and by the catalog. */
  key: string;
  presets: Record<Preset, Config>;
  /** Throws InvalidConfigError listing every problem. */
  validate(config: Config): void;
  build(config: Config, options: BuildOptions): BuiltGraph[];
  /**
   * JSON files beside onnx/ in the hub layout, keyed by file name: config.json
   * always, plus preprocessor_config.json or tokenizer files as the model needs.
   */
  hubFiles(config: Config): Record<string, unknown>;
  /** Square input size for the TF.js graph-model copy; only the classification CNNs have one. */
  tfjsInputSize?(config: Config): number;
}
