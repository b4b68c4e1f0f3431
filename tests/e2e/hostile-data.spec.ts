/**
 * Crafted data that passed validation used to break the page (Svelte's each_key_duplicate): a
 * share link and an imported file whose checklist holds one id twice. Both end in a clear error,
 * with no page error, and the page stays usable.
 */
import { expect, test } from '@playwright/test';
import { toShared } from '../../src/core/share/convert.ts';
import { encodeResult } from '../../src/core/share/link.ts';
import type { SharedResult } from '../../src/core/share/schema.ts';
import { typicalResult } from '../unit/share/fixtures.ts';
import { openTab, settle, watchPageErrors } from './helpers.ts';

function withDuplicateChecklistId(): SharedResult {
  const shared = toShared(typicalResult(), '0.1.0');
  const [first, second, ...rest] = shared.checklist.items;
  return { ...shared, checklist: { ...shared.checklist, items: [first!, { ...second!, id: first!.id }, ...rest] } };
}

test('a link and an import with a duplicated checklist id end in clear errors', async ({ page }) => {
  const errors = watchPageErrors(page);
  const hostile = withDuplicateChecklistId();
  await page.goto(`/${await encodeResult(hostile)}`);
  const opened = await settle(page, ['error']);
  expect(opened.error).toMatch(/^This link .*checklist\.items: Duplicate checklist item id/);

  await page.goto('/');
  // Import is in the History tab, whose panel loads when it is first shown.
  await openTab(page, 'History');
  await page.getByTestId('import-input').setInputFiles({
    name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)),
  });
  await expect(page.getByTestId('history-error')).toContainText('Duplicate checklist item id');
  await expect(page.getByTestId('history-name')).toHaveCount(0);
  expect(errors).toEqual([]);
});
