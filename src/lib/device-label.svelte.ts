/**
 * The user's name for this device ("Pixel 8", "office laptop"), kept in this browser and written
 * into every result's device, so a share link says which phone it came from.
 */
const KEY = 'benchtab.deviceLabel';

function stored(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export class DeviceLabel {
  value = $state(stored());

  set(text: string): void {
    this.value = text.slice(0, 120);
    try {
      localStorage.setItem(KEY, this.value);
    } catch {
      // Storage refused (private mode): the label still applies to this page.
    }
  }
}
