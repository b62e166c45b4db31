// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { signature, withLegalForm } from '@/lib/extract/company-notice';
import { signerOf } from '@/lib/extract/legal';
import { isPlaceholderName, newCompany, newPerson } from '@/lib/extract/page/entity';
import { judgeSiteName } from '@/lib/extract/site-name';

/** The signer of the first letter's closing in a page's lines, as the reader and finalize find it. */
const signedBy = (lines: string[]) => signerOf(signature(lines));

describe('withLegalForm', () => {
  it("gives the site's name the legal form its text writes, at word boundaries only", () => {
    expect(withLegalForm('It Lijsket', ['Stichting it Lijsket, RSIN: 814623384'])).toBe('Stichting It Lijsket');
    expect(withLegalForm('Heulicher', ['Narrenverein Heulicher e.V. – Satzung'])).toBe('Heulicher e.V.');
    expect(withLegalForm('Acme', ['Welcome to Acmetools by Stichting Acmetools'])).toBe('');
  });
});

describe('signedBy', () => {
  it("reads the signer of a firm page's letter, for finalize to judge", () => {
    expect(
      signedBy(['Über mich', 'Ich nähe seit 2018.', 'Herzliche Grüße,', 'Thomas Beispiel-Hartmann']),
    ).toMatchObject({
      fullName: 'Thomas Beispiel-Hartmann',
      judge: -1,
    });
    expect(signedBy(['Best regards, the Acme team'])).toBeNull();
  });
});

describe('theme placeholders', () => {
  it.each(['Your awesome title', 'Company Name', 'Author Name', 'Team Member Name', 'Vorname Nachname', 'Lorem ipsum'])(
    '%s is no name',
    (name) => {
      expect(isPlaceholderName(name)).toBe(true);
      expect(newPerson(name, 'page')).toBeNull();
      expect(newCompany(name, 'page')).toBeNull();
    },
  );

  it('keeps real names', () => {
    expect(isPlaceholderName('Jane Doe')).toBe(false);
    expect(isPlaceholderName('Your Move Realty')).toBe(false);
  });
});

describe('judgeSiteName, the host spelled in CamelCase', () => {
  it('prefers the header text the domain holds, even when its first word is a given name', () => {
    const company = {
      name: 'Agape Bible Church',
      siteNames: {
        chosen: 'Agape Bible Church',
        candidates: [
          ['brand', 'Agape Bible Church'],
          ['©', 'AgapeBibleChurchDetroit'],
        ] as [string, string][],
      },
    };
    expect(judgeSiteName(company, { title: 'About -' }, 'https://www.agapebiblechurchdetroit.com/about/')).toBe(
      'Agape Bible Church',
    );
  });
});
