import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from './index';
import { dropSharedEmails } from './shared-emails';

const card = (name: string, role: string, email: string) =>
  `<div class="member"><img src="/${name}.jpg"><h3>${name}</h3><p>${role}</p><a href="mailto:${email}">Email</a></div>`;

describe('dropSharedEmails', () => {
  it("drops an address two people carry when the site does not own its domain; keeps each one's own", () => {
    const people: Record<string, unknown>[] = [
      { fullName: 'Jane Doe', emails: ['j.doe@uni.example', 'your.name@gmail.com'] },
      { fullName: 'Tom Lee', emails: ['Your.Name@gmail.com'] },
      { fullName: 'Ana Ruiz', emails: ['ana@lab.example'] },
    ];

    dropSharedEmails(people, 'https://lab.example.github.io/team/');

    expect(people.map((p) => p.emails)).toEqual([['j.doe@uni.example'], [], ['ana@lab.example']]);
  });

  it("keeps a mailbox shared on the site's own domain (a board's address under each member)", () => {
    const people: Record<string, unknown>[] = [
      { fullName: 'Maria Weber', emails: ['vorstand@tennisclub.example'] },
      { fullName: 'Nico Kern', emails: ['vorstand@tennisclub.example'] },
    ];

    dropSharedEmails(people, 'https://www.tennisclub.example/vorstand/');

    expect(people.map((p) => p.emails)).toEqual([['vorstand@tennisclub.example'], ['vorstand@tennisclub.example']]);
  });

  it("gives no listed person a theme's placeholder address left on several cards, and merges none of them", () => {
    const doc = parseHTML(
      `<html><body><h1>Team</h1><div class="team">${[
        card('Jane Doe', 'Research Fellow', 'j.doe@leeds.example'),
        card('Omar Haddad', 'PhD Student', 'group.office@leeds.example'),
        card('Lena Fischer', 'PhD Student', 'group.office@leeds.example'),
      ].join('')}</div></body></html>`,
    ).document as unknown as Document;

    const actual = extract(doc, 'https://group.github.io/team/').people.map((p) => [p.fullName, p.emails]);

    expect(actual).toEqual([
      ['Jane Doe', ['j.doe@leeds.example']],
      ['Omar Haddad', []],
      ['Lena Fischer', []],
    ]);
  });

  it("keeps a board's mailbox on the site's own domain under each member, as three people", () => {
    const doc = parseHTML(
      `<html><body><h1>Vorstand</h1><div class="team">${[
        card('Maria Weber', '1. Vorsitzende', 'vorstand@tennisclub.example'),
        card('Nico Kern', '2. Vorsitzender', 'vorstand@tennisclub.example'),
        card('Eva Roth', 'Kassiererin', 'kasse@tennisclub.example'),
      ].join('')}</div></body></html>`,
    ).document as unknown as Document;

    const actual = extract(doc, 'https://www.tennisclub.example/vorstand/').people.map((p) => [p.fullName, p.emails]);

    expect(actual).toEqual([
      ['Maria Weber', ['vorstand@tennisclub.example']],
      ['Nico Kern', ['vorstand@tennisclub.example']],
      ['Eva Roth', ['kasse@tennisclub.example']],
    ]);
  });
});
