/**
 * Installs the offline app (the service worker vite-plugin-pwa generates) once the page has done
 * its first work, so that precaching 30 MB never competes with the first number. Browsers driven
 * by automation (navigator.webdriver) install it only when asked (localStorage
 * "benchtab.offline" = "on"), so test runs and benchmarks are not measured beside a background
 * download.
 */
export function installOfflineApp(): void {
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  if (navigator.webdriver && !askedFor('benchtab.offline')) return;
  const register = (): void => {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: new URL('./', document.baseURI).pathname }).catch(() => {
      // No offline app (private mode, a blocked worker): the page works as it is.
    });
  };
  if (document.readyState === 'complete') setTimeout(register, 2000);
  else addEventListener('load', () => setTimeout(register, 2000), { once: true });
}

/** A localStorage switch set to "on" (storage may be unavailable: then it is off). */
function askedFor(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'on';
  } catch {
    return false;
  }
}

/**
 * Whether models given by URL or hub id are kept on this device (src/core/fetch/model-cache.ts).
 * Yes for people; a browser driven by automation keeps them only when localStorage
 * "benchtab.modelCache" is "on", so every test and benchmark downloads what it measures, as the
 * offline app is off there unless asked for.
 */
export function keepModelsOnDevice(): boolean {
  return !navigator.webdriver || askedFor('benchtab.modelCache');
}
