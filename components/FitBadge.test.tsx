import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { leads } from '@/lib/db';
import { EMPTY_ICP, setIcp } from '@/lib/intel/icp';
import { icpSignal, startIcp } from '@/lib/intel/live';
import type { EmailPoint } from '@/lib/lead/schema';
import { renderRootEachTest, until } from '@/test/component';
import { FitBadge } from './FitBadge';
import { GuessedEmail } from './GuessedEmail';

const root = renderRootEachTest();

describe('FitBadge', () => {
  const reasons = [
    { criterion: 'title' as const, outcome: 'match' as const, term: 'VP', text: 'title matches VP' },
    { criterion: 'location' as const, outcome: 'miss' as const, text: 'location outside target' },
  ];

  it('shows the score and the reasons, or only the score with the reasons for screen readers when compact', () => {
    render(<FitBadge score={57} reasons={reasons} />, root());
    expect(root().textContent).toContain('Fit 57');
    expect(root().querySelector('.fit-reasons')?.textContent).toBe('title matches VP, location outside target');
    render(<FitBadge score={57} reasons={reasons} compact />, root());
    expect(root().querySelector('.fit-reasons')).toBeNull();
    expect(root().querySelector('.visually-hidden')?.textContent).toContain(
      'of 100, partial fit: title matches VP, location outside target',
    );
  });

  it('renders nothing without a score, and scores a lead with the stored profile', async () => {
    render(<FitBadge score={null} />, root());
    expect(root().textContent).toBe('');
    await setIcp({ ...EMPTY_ICP, titles: ['Founder'] });
    await startIcp();
    await until(() => icpSignal.value.titles.length === 1);
    render(<FitBadge lead={{ title: 'Co-founder' }} />, root());
    await until(() => root().textContent?.includes('Fit 100') === true);
    expect(root().textContent).toContain('title matches Founder');
  });
});

describe('GuessedEmail', () => {
  it('guesses from the stored leads at the domain and hands back a guessed EmailPoint', async () => {
    await leads.saveMany([
      { fullName: 'Jane Doe', emails: [{ value: 'jdoe@acme.com' }] },
      { fullName: 'Max Mustermann', emails: [{ value: 'mmustermann@acme.com' }] },
    ]);
    const accepted: EmailPoint[] = [];
    render(
      <GuessedEmail lead={{ fullName: 'Ana Lima', companyDomain: 'acme.com' }} onAccept={(p) => accepted.push(p)} />,
      root(),
    );
    await until(() => root().querySelector('.guessed-email-value') !== null);
    expect(root().querySelector('.guessed-email-value')?.textContent).toBe('alima@acme.com');
    expect(root().textContent).toContain('67% confidence');
    root().querySelector('button')?.click();
    expect(accepted).toEqual([
      expect.objectContaining({ value: 'alima@acme.com', status: 'guessed', source: 'guessed' }),
    ]);
  });

  it('renders nothing for a lead that has an address', async () => {
    render(
      <GuessedEmail lead={{ fullName: 'Ana Lima', companyDomain: 'acme.com', emails: [{ value: 'a@b.io' }] }} />,
      root(),
    );
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(root().innerHTML).toBe('');
  });
});
