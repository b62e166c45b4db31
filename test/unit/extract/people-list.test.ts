import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { findPeopleCards } from '@/lib/extract/page/people-list';

const page = (body: string) => parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document;
// Cards the reader keeps by itself; weak ones (names only) are judged by finalize, see extract() below.
const cardsOf = (body: string) =>
  findPeopleCards(page(body), 'https://x.io/')
    .filter((c) => !c.weak)
    .map((c) => `${c.person.fullName} | ${c.person.title ?? ''}`);
const peopleOf = (body: string) => extract(page(body), 'https://x.io/').people.map((p) => p.fullName);

describe('findPeopleCards', () => {
  it('reads repeated cards with a name and a role, role before or after the name', () => {
    const actual = cardsOf(`<ul>
      <li class="member"><img src="/a.jpg"><h3>Jane <b>Doe</b></h3><p>Chief Executive Officer</p></li>
      <li class="member"><img src="/b.jpg"><p class="role">Head of Sales</p><h3>Omar Haddad</h3></li>
    </ul>`);

    expect(actual).toEqual(['Jane Doe | Chief Executive Officer', 'Omar Haddad | Head of Sales']);
  });

  it('ignores testimonials without telltale classes (a quoted sentence gives them away)', () => {
    const actual = cardsOf(`<div class="grid">
      <div class="card"><img src="/a.jpg"><p>“This product changed how our team works every day.”</p><h4>Jane Doe</h4><span>CEO, Acme</span></div>
      <div class="card"><img src="/b.jpg"><p>"Setup took minutes and support was brilliant."</p><h4>Tom Lee</h4><span>CTO, Beta</span></div>
    </div>`);

    expect(actual).toEqual([]);
  });

  it('ignores pricing and feature cards, navigation and logo walls', () => {
    const actual = cardsOf(`
      <div class="plans"><div class="plan"><h3>Pro Plan</h3><p>For growing teams</p></div><div class="plan"><h3>Team Plan</h3><p>For larger teams</p></div></div>
      <div class="features"><div class="feature"><img src="/i.svg"><h3>Fast Sync</h3><p>Keep everything in sync</p></div><div class="feature"><img src="/j.svg"><h3>Smart Search</h3><p>Find anything</p></div></div>
      <nav><ul><li><a href="/a">About Us</a><span>Who we are</span></li><li><a href="/c">Contact Us</a><span>Say hello</span></li></ul></nav>
      <div class="logos"><div class="logo"><img src="/l1.svg" alt="Jane Corp"></div><div class="logo"><img src="/l2.svg" alt="Doe Industries"></div></div>`);

    expect(actual).toEqual([]);
  });

  it('judges cards found by structure alone by their names (pricing plans are not people)', () => {
    const plans = `<div class="plans"><div class="plan"><h3>Pro Plan</h3><p>For growing teams</p></div><div class="plan"><h3>Team Plan</h3><p>For larger teams</p></div><div class="plan"><h3>Rich Text</h3><p>Write</p></div></div>`;
    const people = `<div class="row"><div class="col"><h3>Maria Gomez</h3><p>Organizadora</p></div><div class="col"><h3>Luis Ortega</h3><p>Voluntario</p></div></div>`;

    expect(peopleOf(plans)).toEqual([]);
    expect(peopleOf(people)).toEqual(['Maria Gomez', 'Luis Ortega']);
  });
});

describe('login walls vs pages with a login box', () => {
  const page = (body: string) =>
    extract(parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document, 'https://acme.io/team');
  const login = '<form action="/login"><input type="email" name="u"><input type="password" name="p"></form>';

  it('calls a short page around a password field a login wall', () => {
    expect(page(`<h1>Sign in</h1>${login}<p>Sign in to see Jane Doe's profile.</p>`).pageKind).toBe('other');
  });

  it('still reads a team page that has a login box in its header', () => {
    const actual = page(`<header>${login}</header><ul>
      <li class="member"><img src="/a.jpg"><h3>Jane Doe</h3><p>Chief Executive Officer</p></li>
      <li class="member"><img src="/b.jpg"><h3>Omar Haddad</h3><p>Head of Sales</p></li></ul>`);

    expect(actual.pageKind).toBe('people-list');
    expect(actual.people.map((p) => p.fullName)).toEqual(['Jane Doe', 'Omar Haddad']);
  });
});
