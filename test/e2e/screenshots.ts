/**
 * Where the e2e specs write the README's screenshots: an ignored folder, so running the
 * tests rewrites no tracked file. `npm run screenshots` runs the specs that import this
 * module and copies the images to docs/screenshots.
 */
export const SCREENSHOTS_DIR = 'test-results/screenshots';

/** The path for the screenshot file `name` (Playwright creates the folder). */
export function screenshotPath(name: string): string {
  return `${SCREENSHOTS_DIR}/${name}`;
}
