import { describe, expect, it } from 'vitest';
import { dropOthersMailboxes, settleContacts, settleNamedMailboxes } from './contact-owners';
import { finalize } from './finalize';

type Loose = Record<string, unknown>;

describe('settleContacts', () => {
  it("moves an address that spells another listed person's name to that person", () => {
    const people: Loose[] = [
      { fullName: 'Jane Doe', emails: ['jane.doe@lab.example', 'z.wang5@lab.example'] },
      { fullName: 'Zheng Wang', emails: [] },
      { fullName: 'Ana Ruiz', emails: ['aruiz@lab.example'] },
    ];

    settleContacts(people, null, true);

    expect(people.map((p) => p.emails)).toEqual([
      ['jane.doe@lab.example'],
      ['z.wang5@lab.example'],
      ['aruiz@lab.example'],
    ]);
  });

  it('leaves an address that spells two listed names, or none, where it stands', () => {
    const people: Loose[] = [
      { fullName: 'John Smith', emails: ['lab.office@lab.example'] },
      { fullName: 'Jane Smith', emails: ['jsmith@lab.example'] },
    ];

    settleContacts(people, null, true);

    expect(people.map((p) => p.emails)).toEqual([['lab.office@lab.example'], ['jsmith@lab.example']]);
  });

  it("gives the page's address that spells one listed person's name to that person, on a people list only", () => {
    const people = (): Loose[] => [
      { fullName: 'Dou Du', emails: [] },
      { fullName: 'Ana Ruiz', emails: [] },
    ];
    const company = (): Loose => ({ name: 'OSSCAR', emails: ['dou.du@icloud.com', 'info@osscar.example'] });
    const list = people();
    const listCompany = company();
    const other = people();
    const otherCompany = company();

    settleContacts(list, listCompany, true);
    settleContacts(other, otherCompany, false);

    expect([list.map((p) => p.emails), listCompany.emails]).toEqual([
      [['dou.du@icloud.com'], []],
      ['info@osscar.example'],
    ]);
    expect([other.map((p) => p.emails), otherCompany.emails]).toEqual([
      [[], []],
      ['dou.du@icloud.com', 'info@osscar.example'],
    ]);
  });

  it("takes a role mailbox and the company's number that several cards repeat off the people, for the company", () => {
    const people: Loose[] = [
      { fullName: 'Maria Weber', emails: ['info@kanzlei.example'], phones: ['+49 30 1234560'], textPhones: [] },
      { fullName: 'Nico Kern', emails: ['info@kanzlei.example', 'kern@kanzlei.example'], textPhones: ['030 1234560'] },
      { fullName: 'Eva Roth', emails: ['vorstand@kanzlei.example'], phones: ['+49 30 1234567'] },
    ];
    const company: Loose = { name: 'Kanzlei', emails: [], phones: ['+49 30 1234560'] };

    settleContacts(people, company, true);

    expect(
      people.map((p) => [p.emails, [...((p.phones as string[]) ?? []), ...((p.textPhones as string[]) ?? [])]]),
    ).toEqual([
      [[], []],
      [['kern@kanzlei.example'], []],
      [['vorstand@kanzlei.example'], ['+49 30 1234567']],
    ]);
    expect(company.emails).toEqual(['info@kanzlei.example']);
  });

  it("keeps a number two people share that is not the company's (a shared office line)", () => {
    const people: Loose[] = [
      { fullName: 'Laila Los', phones: ['+49 761 203-54129'] },
      { fullName: 'Dirk Betz', phones: ['+49 761 203-54129'] },
    ];

    settleContacts(people, { name: 'Lab', phones: ['+49 761 203-0'] }, true);

    expect(people.map((p) => p.phones)).toEqual([['+49 761 203-54129'], ['+49 761 203-54129']]);
  });

  it('runs in finalize: the switchboard under each card ends on the company only', () => {
    const person = (fullName: string, email: string) => ({
      fullName,
      emails: [email, 'office@firm.example'],
      phones: ['+43 1 51 23 450'],
      sources: { fullName: 'people-list' },
    });
    const reading = {
      url: 'https://firm.example/team',
      pageKind: 'people-list',
      people: [person('Maria Weber', 'weber@firm.example'), person('Nico Kern', 'kern@firm.example')],
      company: { name: 'Firm', emails: [], phones: ['+43 1 51 23 450'], links: [], sources: { name: 'meta' } },
      hints: { countries: [] },
    };

    const actual = finalize(reading);

    expect(actual.people.map((p) => [p.fullName, p.emails, p.phones])).toEqual([
      ['Maria Weber', ['weber@firm.example'], []],
      ['Nico Kern', ['kern@firm.example'], []],
    ]);
    expect(actual.company?.phones).toEqual(['+4315123450']);
    expect(actual.company?.emails).toContain('office@firm.example');
  });
});

describe('settleNamedMailboxes', () => {
  it("moves the company's address that spells a named person's name to them when the company has its own", () => {
    const people: Loose[] = [{ fullName: 'Sylvain Coopman', emails: [] }];
    const company: Loose = { name: 'Fédération', emails: ['fc2a@fc2a.org', 'scoopman@fc2a.org'] };

    settleNamedMailboxes(people, company);

    expect(company.emails).toEqual(['fc2a@fc2a.org']);
    expect(people[0]?.emails).toEqual(['scoopman@fc2a.org']);
  });

  it("leaves a named person's address the company's when it is the company's only one", () => {
    const people: Loose[] = [{ fullName: 'Bernhard Baumann', emails: [] }];
    const company: Loose = { name: 'Imkerei Baumann', emails: ['baumann.bernhard@gmx.net'] };

    settleNamedMailboxes(people, company);

    expect(company.emails).toEqual(['baumann.bernhard@gmx.net']);
    expect(people[0]?.emails).toEqual([]);
  });
});

describe('dropOthersMailboxes', () => {
  it("drops a third organisation's role mailbox once the company has one on its own domain", () => {
    const company: Loose = {
      name: 'Kanzlei Beispiel',
      website: 'https://www.kanzlei-beispiel.de/',
      emails: [
        'kanzlei@kanzlei-beispiel.de',
        'info@rak-berlin.example',
        'office@kanzlei-beispiel.com',
        'info@gmail.com',
      ],
    };

    dropOthersMailboxes(company);

    expect(company.emails).toEqual(['kanzlei@kanzlei-beispiel.de', 'office@kanzlei-beispiel.com', 'info@gmail.com']);
  });

  it('keeps every mailbox when none is on the site’s own domain', () => {
    const company: Loose = { name: 'VO', website: 'https://vidimus.example/', emails: ['info@vo-initiatives.example'] };

    dropOthersMailboxes(company);

    expect(company.emails).toEqual(['info@vo-initiatives.example']);
  });
});
