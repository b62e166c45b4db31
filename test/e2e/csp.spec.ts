import { expect, test } from './fixtures';

// Issue 13: zod probes for eval once (new Function in a try); the extension CSP blocks it and
// reports a violation although the throw is caught. lib/jitless.ts turns the probe off; this
// records every securitypolicyviolation while the popup and the workspace build and use schemas.
test('the popup and the workspace cause no CSP violation', async ({ context, extensionId }) => {
  const violations: string[] = [];
  for (const [path, use] of [
    ['popup.html?view=leads', 'Leads'],
    ['options.html#data', 'Import & export'],
  ] as const) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await expect(page.getByRole('heading', { name: 'Prospector' })).toBeVisible();
    // Let the lazily loaded views and the store calls (zod-validated replies) run.
    await expect(page.getByText(use).first()).toBeVisible();
    await page.waitForTimeout(500);
    violations.push(...(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)));
    await page.close();
  }
  expect(violations).toEqual([]);
});
