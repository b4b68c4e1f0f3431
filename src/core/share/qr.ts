/**
 * A share link as a QR code, for opening a result on another device (a phone's link shown to a
 * laptop's camera, or the reverse). The encoding is uqr's (src/lib/qr.ts); this is the pure part:
 * whether a link fits, and the dark modules as one SVG path.
 */

/** Most bytes one QR code holds: version 40, error correction L, byte mode (ISO/IEC 18004, table 7). */
export const QR_MAX_BYTES = 2953;

export function qrBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The dark modules as one path, each row's runs of dark modules as one rectangle (`M x y h n v 1
 * h -n z`), in module units: the SVG's viewBox is the code's size, and crisp edges keep it
 * scannable at any scale.
 */
export function modulesPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}
