/**
 * Kept for callers of the first version: the format registry lives in ./formats/ (one module per
 * format); this re-exports its quick check on a file's first bytes.
 */
export { sniffModelBytes, type FormatProblem } from './formats/index.ts';
