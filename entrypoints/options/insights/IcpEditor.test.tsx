import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { EMPTY_ICP, getIcp, setIcp } from '@/lib/intel/icp';
import { renderRootEachTest, until } from '@/test/component';
import { IcpEditor } from './IcpEditor';

const root = renderRootEachTest();

const titles = () => root().querySelector<HTMLInputElement>('#icp-titles');

describe('IcpEditor', () => {
  it('keeps the form disabled until the stored profile is in it, so early typing is not overwritten', async () => {
    await setIcp({ ...EMPTY_ICP, titles: ['VP'] });
    act(() => render(<IcpEditor />, root()));
    // First render: the stored profile has not arrived yet.
    expect(titles()?.disabled).toBe(true);
    expect(root().querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    await until(() => titles()?.disabled === false);
    expect(titles()?.value).toBe('VP');

    // Clearing the titles and saving stores an empty profile and says how to start.
    const input = titles() as HTMLInputElement;
    act(() => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      root()
        .querySelector('form')
        ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await until(() => root().textContent?.includes('Describe your target above') ?? false);
    expect((await getIcp()).titles).toEqual([]);
  });
});
