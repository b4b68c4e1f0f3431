/** Types for content-types.mjs (a plain script, so that serve.mjs needs no build step). */
import type { Plugin } from 'vite';

export const MODEL_CONTENT_TYPES: Readonly<Record<string, string>>;
export function contentTypeFor(pathname: string): string | undefined;
export function modelContentTypes(): Plugin;
