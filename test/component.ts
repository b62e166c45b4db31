import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect } from 'vitest';
import { emptyDatabaseEachTest } from './db';

/**
 * Per-test setup of a component test file: an empty database, and a fresh element in the
 * document to render into, unmounted and removed after each test. Call at the top level;
 * the returned getter gives the current test's element.
 */
export function renderRootEachTest(): () => HTMLElement {
  // Registered first, so (hooks run as a stack) the database closes after the unmount below.
  emptyDatabaseEachTest();
  let root: HTMLElement | null = null;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (root) {
      render(null, root);
      root.remove();
    }
    root = null;
  });
  return () => {
    if (!root) throw new Error('renderRootEachTest: no element outside a test');
    return root;
  };
}

/** Lets effects and timers run (inside act, in 10 ms steps, up to 2 s) until `check` holds; fails if it never does. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
}
