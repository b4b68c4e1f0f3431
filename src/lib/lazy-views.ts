/**
 * The views that are not on the first screen, each loaded by dynamic import when first shown, so
 * the shell a first visit downloads before a runtime is chosen stays small (issue 11: ≤ 80 KB
 * gzipped; `npm run bench:bundle`). Charts (Observable Plot and d3) come only with these views.
 * `prefetchViews` warms them once the first screen is ready, so showing one later does not wait
 * on the network and the layout does not jump.
 */
export const views = {
  live: () => import('../components/LiveCharts.svelte'),
  result: () => import('../components/ResultView.svelte'),
  roofline: () => import('../components/RooflinePanel.svelte'),
  shared: () => import('../components/SharedResultView.svelte'),
  sweep: () => import('../components/SweepPanel.svelte'),
  concurrency: () => import('../components/ConcurrencyPanel.svelte'),
  openLoop: () => import('../components/OpenLoopPanel.svelte'),
  llmCompare: () => import('../components/LlmComparePanel.svelte'),
  compare: () => import('../components/ComparePanel.svelte'),
  history: () => import('../components/HistoryPanel.svelte'),
  modelCache: () => import('../components/ModelCachePanel.svelte'),
  synthesize: () => import('../components/SynthesizePanel.svelte'),
} as const;

let prefetched = false;

/** Loads every lazy view in the background, once; a failure shows when the view is opened. */
export function prefetchViews(): void {
  if (prefetched) return;
  prefetched = true;
  for (const load of Object.values(views)) load().catch(() => undefined);
}
