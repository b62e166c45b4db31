/**
 * The README's screenshots. The e2e specs take them only for `npm run screenshots`, which
 * sets PROSPECTOR_SCREENSHOTS=1, runs the specs that import this module, and copies the
 * images from this ignored folder to docs/screenshots; `npm test` skips them (they assert
 * nothing, and a full-page capture costs a second or more), and rewrites no tracked file.
 */
export const SCREENSHOTS_DIR = 'test-results/screenshots';

/** True when this run takes the README's screenshots. */
export const TAKE_SCREENSHOTS = process.env.PROSPECTOR_SCREENSHOTS === '1';

/** The path for the screenshot file `name` (Playwright creates the folder). */
export function screenshotPath(name: string): string {
  return `${SCREENSHOTS_DIR}/${name}`;
}

/** Saves a screenshot of a page or an element as `name`, when this run takes screenshots. */
export async function screenshot(
  target: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> },
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (TAKE_SCREENSHOTS) await target.screenshot({ path: screenshotPath(name), ...options });
}
