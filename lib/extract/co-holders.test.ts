import { describe, expect, it } from 'vitest';
import { coHolders } from './co-holders';

const read = (fullName: string, title: string) => ({
  fullName,
  title,
  emails: [],
  phones: [],
  links: [],
  kin: 'DIV>DIV',
  judge: 3,
  sources: { fullName: 'people-list', title: 'people-list' },
});

describe('coHolders', () => {
  it("reads a role line of names joined by commas and 'and' as the office's other holders", () => {
    const actual = coHolders(read('Alida Hardersen', 'Jan Ole Åkerholm og Maja Øien'));

    expect(actual.map((p) => [p.fullName, p.title, p.judge])).toEqual([
      ['Alida Hardersen', undefined, 3],
      ['Jan Ole Åkerholm', undefined, 3],
      ['Maja Øien', undefined, 3],
    ]);
  });

  it('keeps a role line that names a role, an organisation, one name alone or a name without a known given name', () => {
    for (const title of [
      'Chief Executive Officer, Founder',
      'Chief Inspiration Officer',
      'Soprintendenza Speciale Archeologia, Belle Arti, Paesaggio di Roma',
      'Trail Run, Ex-Japan Runners',
    ]) {
      const expected = read('Jane Doe', title);

      expect(coHolders(expected)).toEqual([expected]);
    }
  });
});
