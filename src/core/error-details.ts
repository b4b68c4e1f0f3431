/**
 * One error message that carries three things across comlink (which keeps only the message): the
 * explanation for people, a class name for tests and automation, and the runtime's raw text for
 * a disclosure. Written "explanation\n\nDetails (class): raw".
 */

export interface ErrorDetails {
  message: string;
  errorClass: string | null;
  raw: string | null;
}

const DETAILS = /\n\nDetails \(([\w-]+)\)(?:: ([\s\S]*)|\.)$/;

export function withDetails(message: string, errorClass: string, raw?: string): string {
  return `${message}\n\nDetails (${errorClass})${raw ? `: ${raw}` : '.'}`;
}

export function splitError(text: string): ErrorDetails {
  const match = DETAILS.exec(text);
  if (!match) return { message: text, errorClass: null, raw: null };
  return { message: text.slice(0, match.index), errorClass: match[1]!, raw: match[2] ?? null };
}

/** Build-machine paths and source locations ("/onnxruntime_src/core/graph/model.cc:147") are noise to users. */
export function scrubRaw(raw: string): string {
  return raw
    .replace(/(?:[A-Za-z]:)?(?:[\\/][\w.+@-]+){2,}\.(?:cc|cpp|h|hpp|c|py|rs|js|ts|mjs)(?::\d+)+/g, '[source]')
    .replace(/\b[\w+-]+\.(?:cc|cpp|h|hpp)(?::\d+)+\s*/g, '')
    .replace(/(?:\/(?:home|Users|usr|opt|tmp|build|workspace|onnxruntime_src|__w)\/)[^\s"')]*/g, '[path]')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 2000);
}
