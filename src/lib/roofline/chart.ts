/**
 * The roofline chart's data: the attainable-performance line min(peak, bandwidth × intensity)
 * sampled on a log scale across a span wide enough to show the ridge, the run's point and a
 * sweep's points.
 */
import { roofAt, type DeviceCeilings } from '../../core/roofline/place.ts';

export interface RoofSample {
  intensity: number;
  gflops: number;
  roof: string;
}

/** The x span: a factor of 20 beyond the ridge and every point's intensity on either side. */
export function roofDomain(ceilings: DeviceCeilings, intensities: readonly number[]): [number, number] {
  const ridge = ceilings.compute.median / ceilings.bandwidth.median;
  const xs = [ridge, ...intensities].filter((x) => x > 0 && Number.isFinite(x));
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

export interface PointLabel {
  intensity: number;
  achievedGflops: number;
  label: string;
}

/**
 * One label per spot: points within 20% of each other on both log axes (a few pixels apart: a
 * sweep's 1- and 2-thread points of a model too small to use the second thread) share one, so
 * their names do not print over each other.
 */
export function pointLabels(points: readonly PointLabel[]): PointLabel[] {
  const labels: PointLabel[] = [];
  const near = (a: number, b: number) => Math.abs(Math.log(a / b)) < Math.log(1.2);
  for (const p of points) {
    const same = labels.find((l) => near(l.intensity, p.intensity) && near(l.achievedGflops, p.achievedGflops));
    if (same) same.label = `${same.label}, ${p.label}`;
    else labels.push({ intensity: p.intensity, achievedGflops: p.achievedGflops, label: p.label });
  }
  return labels;
}
