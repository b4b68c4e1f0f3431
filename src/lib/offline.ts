/**
 * Installs the offline app (the service worker vite-plugin-pwa generates) once the page has done
 * its first work, and never while a run is measured: a run waits, untimed, for an install in
 * progress to finish, and an install due during a run starts after it, so precaching 30 MB never
 * competes with a number. Browsers driven
 * by automation (navigator.webdriver) install it only when asked (localStorage
 * "benchtab.offline" = "on"), so test runs and benchmarks are not measured beside a background
 * download.
 */
/** Runs in flight; the offline app is not installed while there are any (see holdOfflineInstall). */
let holds = 0;
let deferred: (() => void) | null = null;

/**
 * Keeps the offline app's install (a 30 MB precache) from starting while a run is measured; the
 * returned function ends the hold, and an install that was due then starts.
 */
export function holdOfflineInstall(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0 && deferred) {
      const install = deferred;
      deferred = null;
      install();
    }
  };
}

/**
 * Resolves once no service worker of this page is installing (its precache would download beside
 * the timed runs), or after `limitMs` on a network too slow to wait for.
 */
export async function offlineInstallSettled(limitMs = 60_000): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const installing = (await navigator.serviceWorker.getRegistration().catch(() => undefined))?.installing;
  if (!installing) return;
  await new Promise<void>((resolve) => {
    setTimeout(resolve, limitMs);
    const check = (): void => {
      if (installing.state === 'installing') return;
      installing.removeEventListener('statechange', check);
      resolve();
    };
    installing.addEventListener('statechange', check);
    check();
  });
}

export function installOfflineApp(): void {
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  if (navigator.webdriver && !askedFor('benchtab.offline')) return;
  const register = (): void => {
    if (holds > 0) {
      deferred = register;
      return;
    }
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
