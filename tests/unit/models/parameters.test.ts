import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from '../../../models/arch/registry.ts';
import { CATALOG } from '../../../models/catalog.ts';
import { countParameters } from '../../../models/zoo.ts';

/**
 * Each full preset's parameter count (elements of its initializers) is within
 * 1% of the published figure cited in its architecture module. Built shapes-only.
 */
const full = CATALOG.filter((e) => e.preset === 'full' && e.architecture in ARCHITECTURES);

describe('full-size parameter counts', () => {
  it.each(full)('$id is within 1% of $publishedParameters', (entry) => {
    const published = entry.publishedParameters ?? 0;
    const counted = countParameters(entry);
    const error = Math.abs(counted - published) / published;
    expect(error, `${entry.id}: counted ${counted}, published ${published}`).toBeLessThan(0.01);
  });
});
