import { deleteDB } from 'idb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, DB_NAME } from '@/lib/db';
import { EMPTY_ICP, getIcp, setIcp } from '@/lib/intel/icp';
import { IcpEditor } from './IcpEditor';

let root: HTMLElement;
beforeEach(async () => {
  await closeDatabase();
  await deleteDB(DB_NAME);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await closeDatabase();
});

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
}

const titles = () => root.querySelector<HTMLInputElement>('#icp-titles');

describe('IcpEditor', () => {
  it('keeps the form disabled until the stored profile is in it, so early typing is not overwritten', async () => {
    await setIcp({ ...EMPTY_ICP, titles: ['VP'] });
    act(() => render(<IcpEditor />, root));
    // First render: the stored profile has not arrived yet.
    expect(titles()?.disabled).toBe(true);
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    await until(() => titles()?.disabled === false);
    expect(titles()?.value).toBe('VP');

    // Clearing the titles and saving stores an empty profile and says how to start.
    const input = titles() as HTMLInputElement;
    act(() => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await until(() => root.textContent?.includes('Describe your target above') ?? false);
    expect((await getIcp()).titles).toEqual([]);
  });
});
