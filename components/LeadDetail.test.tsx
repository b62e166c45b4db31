import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { LeadRepository } from '@/lib/db/api';
import type { Lead } from '@/lib/lead/schema';
import { renderRootEachTest, until } from '@/test/component';
import { makeLead } from '@/test/factories';
import { ErrorBoundary } from './ErrorBoundary';
import { LeadDetail } from './LeadDetail';
import { validateField } from './lead-detail/fields';

const root = renderRootEachTest();

/** A repository that serves stored rows as they are: what an older version or a backup left, unvalidated. */
function repoOf(...leads: Lead[]): LeadRepository {
  const byId = new Map(leads.map((l) => [l.id, l]));
  return { get: async (id: string) => byId.get(id), tags: async () => [] } as unknown as LeadRepository;
}

const alice = makeLead(1, { fullName: 'Alice Example', links: ['https://github.com/alice'] });
const bob = makeLead(2, {
  fullName: 'Bob Broken',
  links: ['http://x:99999', 'javascript:alert(1)', 'https://bob.example/about'],
  sources: [{ url: 'http://x:99999', capturedAt: '2026-01-01T00:00:00.000Z', extractor: 'json-ld' }],
  emails: [{ value: 'sales%3fbcc%3dspy@evil.com', source: 'import', status: 'found' }],
});

const hrefs = () => [...root().querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
const heading = () => root().querySelector('h2')?.textContent;

describe('LeadDetail on stored data it cannot parse', () => {
  it('renders a lead holding http://x:99999, showing bad links as text and never as links', async () => {
    render(<LeadDetail id={bob.id} repo={repoOf(bob)} />, root());
    await until(() => heading() === 'Bob Broken');
    expect(root().textContent).toContain('http://x:99999 (not a web link)');
    expect(root().textContent).toContain('javascript:alert(1) (not a web link)');
    expect(hrefs()).toContain('https://bob.example/about');
    expect(hrefs().some((h) => h.startsWith('javascript:') || h.includes('99999'))).toBe(false);
    expect(root().querySelector('.render-failed')).toBeNull();
  });

  it('switching from another lead shows the new lead its own links', async () => {
    const repo = repoOf(alice, bob);
    render(<LeadDetail id={alice.id} repo={repo} />, root());
    await until(() => heading() === 'Alice Example');
    expect(hrefs()).toContain('https://github.com/alice');
    render(<LeadDetail id={bob.id} repo={repo} />, root());
    await until(() => heading() === 'Bob Broken');
    expect(hrefs()).not.toContain('https://github.com/alice');
    expect(hrefs()).toContain('https://bob.example/about');
  });

  it('writes a stored address with ? or % as one mailto: recipient, with no header', async () => {
    render(<LeadDetail id={bob.id} repo={repoOf(bob)} />, root());
    await until(() => heading() === 'Bob Broken');
    const mailto = hrefs().find((h) => h.startsWith('mailto:'));
    expect(mailto).toBe('mailto:sales%253fbcc%253dspy@evil.com');
    expect(decodeURIComponent(mailto ?? '')).not.toContain('?');
  });

  it('refuses a typed link that is not http(s), saying why', () => {
    expect(validateField('url', 'javascript:alert(1)')).toEqual({
      error: 'Only http:// and https:// links can be saved, not “javascript:”',
    });
    expect(validateField('url', 'data:text/html,x')).toHaveProperty('error');
    expect(validateField('url', 'acme.example/team')).toEqual({ value: 'https://acme.example/team' });
  });
});

describe('ErrorBoundary', () => {
  function Bomb(props: { fail: { on: boolean } }): preact.JSX.Element {
    if (props.fail.on) throw new Error('boom');
    return <p>fine now</p>;
  }

  it('shows that the part failed and the data is safe, and tries again on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fail = { on: true };
    render(
      <div>
        <p>outside</p>
        <ErrorBoundary label="Timeline">
          <Bomb fail={fail} />
        </ErrorBoundary>
      </div>,
      root(),
    );
    await until(() => root().querySelector('.render-failed') !== null);
    const box = root().querySelector('[role="alert"]');
    expect(box?.textContent).toContain('This part failed to display. Your data is safe.');
    expect(box?.textContent).toContain('Timeline: boom');
    expect(root().textContent).toContain('outside');

    fail.on = false;
    await act(() => (root().querySelector('.render-failed button') as HTMLButtonElement).click());
    expect(root().textContent).toContain('fine now');
    expect(root().querySelector('.render-failed')).toBeNull();
  });
});
