/**
 * The generator's public API, for Workers and the CLI. It pulls in protobufjs
 * and every architecture: UI code that only needs the list of models should
 * import ./catalog.ts (plain data) instead.
 */
export { CATALOG, DTYPE_SUFFIX, catalogByDomain, catalogEntry, onnxPath } from './catalog.ts';
export type { CatalogEntry, Domain, Dtype, Preset } from './catalog.ts';
export { ARCHITECTURES } from './arch/registry.ts';
export { knobs, overridesFromPaths } from './arch/knobs.ts';
export type { Knob } from './arch/knobs.ts';
export { InvalidConfigError } from './core/validate.ts';
export { badFixtures } from './fixtures.ts';
export { ALL_DTYPES, DEFAULT_SEED, countParameters, describeEntry, entryFiles, generateEntry, mergeConfig, synthesize, synthesizeGguf } from './zoo.ts';
export type { GgufSynthesizeRequest } from './zoo.ts';
export type { GeneratedEntry, SynthesizeRequest, SynthesizedModel, TensorSignature, ZooFile } from './zoo.ts';
