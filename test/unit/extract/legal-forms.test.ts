import { describe, expect, it } from 'vitest';
import { endsInLegalForm, isLegalFormOnly, withoutLegalForm } from '@/lib/extract/legal-forms';

describe('legal forms: one list for the notice, contact-page and list judges', () => {
  it('finds a form at the end in any case, with or without its final full stop', () => {
    for (const name of [
      'Muster GmbH',
      'Acme GmbH & Co. KG',
      'Atelier Roux sarl',
      'Acme Ltd.',
      'Foo Kft.',
      'LaTeRes ry',
    ])
      expect(endsInLegalForm(name), name).toBe(true);
    for (const name of [
      'WiMAKS sp.k.',
      'WiMAKS sp. k.',
      'Okna Burda sp. z o.o.',
      'Code Cell, S.L.U.',
      'Heulicher e.V.',
    ])
      expect(endsInLegalForm(name), name).toBe(true);
    expect(endsInLegalForm('Hauptstraße 5')).toBe(false);
    expect(endsInLegalForm('Gesellschaft')).toBe(false);
  });

  it('counts the forms that are also names or words only as registries write them', () => {
    expect(endsInLegalForm('Jan Sas')).toBe(false);
    expect(endsInLegalForm('Acme SAS')).toBe(true);
    expect(endsInLegalForm('Ana Sa')).toBe(false);
    expect(endsInLegalForm('Om DKA Byggtjänst AB')).toBe(true);
  });

  it("as written: a registry's spelling after a word, for a text that may be a person's name", () => {
    expect(endsInLegalForm('Om DKA Byggtjänst AB', true)).toBe(true);
    expect(endsInLegalForm('Acme Oy', true)).toBe(true);
    expect(endsInLegalForm('Jan Ab', true)).toBe(false);
    expect(endsInLegalForm('Atelier Roux sarl', true)).toBe(false);
    expect(endsInLegalForm('GmbH', true)).toBe(false);
  });

  it('strips the form it ends in, and tells a remainder that is a form alone', () => {
    expect(withoutLegalForm('Atelier Roux SARL')).toBe('Atelier Roux');
    expect(withoutLegalForm('Atelier Roux')).toBe('Atelier Roux');
    expect(isLegalFormOnly(' S.r.l.')).toBe(true);
    expect(isLegalFormOnly(' sp. z o.o.')).toBe(true);
    expect(isLegalFormOnly(', S.L.U.')).toBe(true);
    expect(isLegalFormOnly(' Toczyłowski sp.k.')).toBe(false);
  });

  it('stays linear on long adversarial text', () => {
    const text = `${'a. '.repeat(200_000)}x`;
    // CPU time, not the wall clock: a loaded machine may deschedule a linear search (see regex-linear.test.ts).
    const started = process.cpuUsage();
    endsInLegalForm(text);
    withoutLegalForm(text);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(2000);
  });
});
