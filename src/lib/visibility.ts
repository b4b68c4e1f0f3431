/**
 * Counts how often the page was hidden during a run. A hidden tab is throttled by the browser,
 * so its latencies are not the device's: validity reports such a run as invalid.
 */
export function watchHidden(): () => number {
  let hidden = document.hidden ? 1 : 0;
  const onChange = (): void => {
    if (document.hidden) hidden++;
  };
  document.addEventListener('visibilitychange', onChange);
  return () => {
    document.removeEventListener('visibilitychange', onChange);
    return hidden;
  };
}
