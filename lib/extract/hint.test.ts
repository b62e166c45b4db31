import { describe, expect, it } from 'vitest';
import { finalize } from './finalize';
import { nameHint } from './hint';
import type { PageReading } from './page/types';

describe('nameHint', () => {
  it.each([
    [
      { heading: 'Margit Halvorsen', title: 'Profile | Harbour Weekly' },
      { fullName: 'Margit Halvorsen', source: 'heading' },
    ],
    [
      { heading: 'Welcome', title: 'Jonas Weber | Portfolio' },
      { fullName: 'Jonas Weber', source: 'title' },
    ],
    [{ title: 'Chloé Dubois - Studio Dubois' }, { fullName: 'Chloé Dubois', source: 'title' }],
    [{ title: 'Kenji Watanabe – Photographer – Tokyo Lens' }, { fullName: 'Kenji Watanabe', source: 'title' }],
  ])('offers the name a page shows in its heading or title: %o', (hints, expected) => {
    expect(nameHint(hints)).toEqual(expected);
  });

  it.each([
    [{ heading: 'Notes on sourdough hydration', title: 'Notes on sourdough hydration' }],
    [{ heading: 'Contact us', title: 'Contact | Acme Robotics' }],
    [{ heading: 'Our Team', title: 'Team - Northwind Analytics' }],
    [{ title: 'janedoe.com' }],
    [{ title: 'https://www.linkedin.com/in/jane-doe' }],
    [{ heading: 'jane-doe', title: 'jane-doe' }],
    [{}],
  ])('offers nothing when neither reads as a person name (never a URL or slug): %o', (hints) => {
    expect(nameHint(hints)).toBeUndefined();
  });
});

describe('finalize and the name hint', () => {
  const reading = (over: Partial<PageReading>): PageReading => ({
    url: 'https://www.harbour-weekly.com/people/margit-halvorsen',
    pageKind: 'other',
    people: [],
    company: null,
    hints: { countries: [], heading: 'Margit Halvorsen', title: 'Margit Halvorsen | Harbour Weekly' },
    errors: [],
    ...over,
  });

  it('sets the hint when nothing was found', () => {
    expect(finalize(reading({})).nameHint).toEqual({ fullName: 'Margit Halvorsen', source: 'heading' });
  });

  it('sets no hint when the page gave a prospect', () => {
    const company = { name: 'Harbour Weekly', emails: [], phones: [], links: [], sources: { name: 'meta' } };
    const person = { fullName: 'Tom Reed', emails: [], phones: [], links: [], sources: { fullName: 'meta' } };

    expect(finalize(reading({ pageKind: 'company', company })).nameHint).toBeUndefined();
    expect(finalize(reading({ pageKind: 'person', people: [person] })).nameHint).toBeUndefined();
  });
});
