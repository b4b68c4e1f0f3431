/**
 * The page's sections as tabs (WAI-ARIA Authoring Practices, "Tabs with automatic activation"):
 * one visible at a time, every panel kept mounted so a sweep or a load run keeps going while
 * another tab is shown.
 */
import { tick } from 'svelte';
import type { TabId } from './tab-order.ts';

export class Tabs {
  current = $state<TabId>('benchmark');
  /** Tabs shown at least once: a panel is loaded (src/lib/lazy-views.ts) and mounted on its first showing. */
  readonly seen = $state<Partial<Record<TabId, true>>>({ benchmark: true });

  /** Shows a tab; with `target`, then scrolls to that element's id and moves focus to it. */
  async show(id: TabId, target?: string): Promise<void> {
    this.current = id;
    this.seen[id] = true;
    if (target) await reveal(target);
  }
}

/**
 * Brings an action's feedback to where the user looks: once the DOM has updated, scrolls the
 * element with this id into view (unless it already is) and focuses it, so screen readers read
 * it too. Targets are headings or regions with tabindex="-1".
 */
export async function reveal(id: string): Promise<void> {
  await tick();
  const element = document.getElementById(id);
  if (!element) return;
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.top > innerHeight - 80) {
    element.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }
  element.focus({ preventScroll: true });
}
