/**
 * The automation contract: URL parameters in, `window.benchtab` out. Tests and the command-line
 * runner drive the page through this alone, so its shape is documented in the README.
 */
import type { Contents } from '../core/formats/index.ts';
import type { BenchResult } from '../core/result.ts';
import type { SharedResult } from '../core/share/schema.ts';
import type { Status } from './benchmark.svelte.ts';

export type AutomationState = 'idle' | 'running' | 'done' | 'error';

export interface BenchtabGlobal {
  state: AutomationState;
  /** The current run's result, or the decoded result of an opened share link. */
  result: BenchResult | SharedResult | null;
  error: string | null;
  /** The finished run's share link. */
  shareUrl: string | null;
  /** The run in flight: its phase and runs done of the phase's minimum (the fleet CLI shows it). */
  progress?: { phase: string; done: number; total: number } | null;
  /** What the last model given was recognised as (src/core/formats), and what came of it. */
  format?: AutomationFormat | null;
  /** The error's class ('html', 'corrupt-model', 'fetch-failed'…), for scripts that branch on it. */
  errorClass?: string | null;
}

export interface AutomationFormat {
  /** Increases with every model given, so a script can wait for the detection of the one it gave. */
  seq: number;
  id: string;
  /** The file the detection names (a folder's model.json, the .onnx beside its data). */
  entry: string;
  label: string;
  runtime: string | null;
  /** runs: a runtime loads it; explains: a card says how to convert it; errors: it is a mistake. */
  outcome: 'runs' | 'explains' | 'errors';
  contents: Contents;
}

declare global {
  interface Window {
    benchtab: BenchtabGlobal;
  }
}

export function automationState(status: Status): AutomationState {
  return status === 'inspecting' || status === 'running' ? 'running' : status;
}

/** Keeps window.benchtab current; call during component initialisation. */
export function exposeAutomation(read: () => BenchtabGlobal): void {
  window.benchtab = read();
  $effect(() => {
    window.benchtab = read();
  });
}
