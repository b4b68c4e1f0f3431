/**
 * Recognises what a user actually gave us before a runtime sees it, so the message can say
 * "this is an HTML page" instead of "protobuf parsing failed". A table of small matchers, in the
 * manner of Netron's format modules: the first that matches names the file.
 */

export interface FormatProblem {
  /** Short, stable code for tests and the automation contract. */
  code: 'empty' | 'html' | 'git-lfs-pointer' | 'zip' | 'text' | 'json' | 'not-onnx';
  message: string;
}

interface Matcher {
  test(head: Uint8Array, text: string): boolean;
  problem: FormatProblem;
}

const ONNX_HINT = 'Choose an .onnx file exported from PyTorch, TensorFlow (tf2onnx) or another ONNX exporter.';

const MATCHERS: Matcher[] = [
  {
    test: (_, text) => /^\s*<(!doctype|html|head|body|\?xml)/i.test(text),
    problem: { code: 'html', message: `This is an HTML or XML page, not an ONNX model. A URL that answers with a web page (a login or 404 page) gives this. ${ONNX_HINT}` },
  },
  {
    test: (_, text) => text.startsWith('version https://git-lfs'),
    problem: { code: 'git-lfs-pointer', message: 'This is a Git LFS pointer, not the model itself. Fetch the real file with `git lfs pull`, or download it from the hosting page.' },
  },
  {
    test: (head) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04,
    problem: { code: 'zip', message: `This is a zip archive (a PyTorch .pt/.pth checkpoint, a Keras file or a zipped folder), not an ONNX model. Export it to ONNX first, or unzip it. ${ONNX_HINT}` },
  },
  {
    test: (_, text) => /^\s*[{[]/.test(text),
    problem: { code: 'json', message: `This is a JSON file, not an ONNX model. ${ONNX_HINT}` },
  },
];

/** Share of printable ASCII in the head; binary protobuf rarely has over 95%. */
function printableShare(head: Uint8Array): number {
  let printable = 0;
  for (const b of head) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  return head.length === 0 ? 0 : printable / head.length;
}

/**
 * ONNX files are a protobuf ModelProto whose first field is, in every exporter we know,
 * ir_version (field 1, varint: tag byte 0x08). Anything else is at best an unusual file.
 */
function looksLikeOnnx(head: Uint8Array): boolean {
  return head[0] === 0x08 && head.length > 1 && head[1]! > 0 && head[1]! < 0x20;
}

export function sniffModelBytes(bytes: Uint8Array): FormatProblem | null {
  if (bytes.length === 0) {
    return { code: 'empty', message: 'The file is empty (0 bytes). Check that the download or export finished.' };
  }
  const head = bytes.subarray(0, 512);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  for (const matcher of MATCHERS) if (matcher.test(head, text)) return matcher.problem;
  if (printableShare(head) > 0.95) {
    return { code: 'text', message: `This is a text file, not an ONNX model. ${ONNX_HINT}` };
  }
  if (!looksLikeOnnx(head)) {
    return { code: 'not-onnx', message: `This does not start like an ONNX model (no ir_version field). ${ONNX_HINT}` };
  }
  return null;
}

/** Turns a runtime's load error into a message that says what to try. */
export function explainLoadError(raw: string, bytes: number): string {
  if (/protobuf|parse|invalid wire type|index out of range|Failed to load model/i.test(raw)) {
    return `The ONNX model could not be parsed (${bytes} bytes): the file may be truncated or corrupt. Download or export it again. (${raw})`;
  }
  if (/Could not find an implementation|not a registered function\/op|not implemented|unsupported|No Op registered|opset/i.test(raw)) {
    return `The model uses an operator this runtime and backend cannot run. Try the other backend, or re-export with a supported opset. (${raw})`;
  }
  return raw;
}
