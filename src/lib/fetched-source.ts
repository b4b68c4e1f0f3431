/**
 * A model source as the page hands it to workers: with the download rules it was given (the
 * stall limit) and, once inspected, the files the inspection downloaded, so that every later
 * worker (the run, sweep points, concurrency clients) reads those bytes instead of fetching again.
 */
import type { FetchedFile, ModelSource, RemoteOptions } from '../../workers/protocol.ts';

export function withRemoteOptions(source: ModelSource, options: RemoteOptions): ModelSource {
  if (source.kind === 'file' || source.kind === 'folder') return source;
  const fetched = [...(source.fetched ?? []), ...(options.fetched ?? [])];
  return {
    ...source,
    ...(options.stallMs !== undefined ? { stallMs: options.stallMs } : {}),
    ...(options.keepOnDevice !== undefined ? { keepOnDevice: options.keepOnDevice } : {}),
    ...(fetched.length > 0 ? { fetched: dedupe(fetched) } : {}),
  };
}

/** The last word on each URL wins (a later download of the same file replaces the earlier). */
function dedupe(files: FetchedFile[]): FetchedFile[] {
  return [...new Map(files.map((file) => [file.url, file])).values()];
}
