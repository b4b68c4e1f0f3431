/**
 * The roofline chart's data: the attainable-performance line min(peak, bandwidth × intensity)
 * sampled on a log scale across a span wide enough to show the ridge and the run's point.
 */
import { roofAt, type DeviceCeilings, type RooflinePoint } from '../../core/roofline/place.ts';

export interface RoofSample {
  intensity: number;
  gflops: number;
  roof: string;
}

export function roofDomain(ceilings: DeviceCeilings, point: RooflinePoint | null): [number, number] {
  const ridge = ceilings.compute.median / ceilings.bandwidth.median;
  const xs = [ridge, ...(point ? [point.intensity] : [])].filter((x) => x > 0);
  return [Math.min(...xs) / 20, Math.max(...xs) * 20];
}

export function roofLines(ceilings: DeviceCeilings, domain: [number, number], steps = 64): RoofSample[] {
  const [lo, hi] = domain.map(Math.log10) as [number, number];
  const samples: RoofSample[] = [];
  const roofs: Array<[string, Pick<DeviceCeilings, 'compute' | 'bandwidth'>]> = [['f32', ceilings]];
  if (ceilings.computeF16) roofs.push(['f16', { compute: ceilings.computeF16, bandwidth: ceilings.bandwidth }]);
  for (const [roof, c] of roofs) {
    for (let i = 0; i <= steps; i++) {
      const intensity = 10 ** (lo + ((hi - lo) * i) / steps);
      samples.push({ intensity, gflops: roofAt(c, intensity), roof });
    }
  }
  return samples;
}
