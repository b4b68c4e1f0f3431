/** The page's sections, in order, and how the keyboard moves between them (WAI-ARIA tabs). */
export const TABS = [
  { id: 'benchmark', label: 'Benchmark' },
  { id: 'sweep', label: 'Sweep' },
  { id: 'load', label: 'Load' },
  { id: 'compare', label: 'Compare' },
  { id: 'history', label: 'History' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

/** The tab an arrow, Home or End key moves to from `from`, wrapping; null for other keys. */
export function neighbourTab(from: TabId, key: string): TabId | null {
  const index = TABS.findIndex((tab) => tab.id === from);
  const last = TABS.length - 1;
  const next = key === 'ArrowRight' ? (index + 1) % TABS.length
    : key === 'ArrowLeft' ? (index + last) % TABS.length
      : key === 'Home' ? 0 : key === 'End' ? last : null;
  return next === null ? null : TABS[next]!.id;
}
