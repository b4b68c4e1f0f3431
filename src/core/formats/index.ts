/**
 * Format detection, Netron's way: one module per format, each with `match` on the first bytes
 * and the name and `describe` from the header alone. See registry.ts for the order.
 */
export { detectFile, detectSet, describeOnnxBytes, FORMATS, formatById, headerBytesFor } from './registry.ts';
export { inspectOnnx, type OnnxInspection } from './onnx-inspect.ts';
export * from './types.ts';
export { sniffModelBytes, type FormatProblem } from './sniff.ts';
export { sampleFile, type RangeReader } from './sample.ts';
export { problemMessage } from './sniff.ts';
