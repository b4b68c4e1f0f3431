/**
 * OpenVINO IR: an .xml whose root element is <net name=… version=…>, with weights in a .bin of
 * the same name.
 */
import { leadingText, utf8 } from './bytes.ts';
import type { FormatModule } from './types.ts';

export const openVino: FormatModule = {
  id: 'openvino-ir',
  label: 'OpenVINO IR model',
  kind: 'model',
  runtime: null,
  match: ({ head }) => /^\s*(<\?xml[^>]*>\s*)?<net[\s>]/.test(leadingText(head, 1024)),
  describe: ({ head }) => {
    const text = utf8(head.subarray(0, 4096));
    const name = /<net[^>]*\bname="([^"]*)"/.exec(text)?.[1];
    const version = /<net[^>]*\bversion="([^"]*)"/.exec(text)?.[1];
    const layers = (utf8(head).match(/<layer\s/g) ?? []).length;
    return { ...(version ? { version: `IR v${version}` } : {}), ...(name ? { architecture: name } : {}), notes: [`${layers} layers in the first bytes`] };
  },
  why: 'OpenVINO IR runs in Intel\'s OpenVINO runtime (C++/Python); no browser runs it, and it has no exporter back to ONNX.',
  convert: [{ to: 'ONNX', runtime: 'ort', commands: ['# use the source model given to ovc: export it with torch.onnx.export or tf2onnx'], note: 'Benchmark the ONNX file OpenVINO was converted from.' }],
};
