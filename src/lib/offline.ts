/**
 * Installs the offline app (the service worker vite-plugin-pwa generates) once the page has done
 * its first work, so that precaching 30 MB never competes with the first number. Browsers driven
 * by automation (navigator.webdriver) install it only when asked (localStorage
 * "benchtab.offline" = "on"), so test runs and benchmarks are not measured beside a background
 * download.
 */
export function installOfflineApp(): void {
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  const asked = (() => {
    try {
      return localStorage.getItem('benchtab.offline') === 'on';
    } catch {
      return false;
    }
  })();
  if (navigator.webdriver && !asked) return;
  const register = (): void => {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: new URL('./', document.baseURI).pathname }).catch(() => {
      // No offline app (private mode, a blocked worker): the page works as it is.
    });
  };
  if (document.readyState === 'complete') setTimeout(register, 2000);
  else addEventListener('load', () => setTimeout(register, 2000), { once: true });
}
