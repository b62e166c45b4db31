import { describe, expect, it } from 'vitest';
import { sectionTitle } from './section-title';

describe('sectionTitle', () => {
  it.each([
    'Hakkımda',
    'Apie mus',
    'About the team',
    'Über das Team',
    "À propos de l'équipe",
    'Apie Komanda',
    'Om teamet',
  ])('takes %s for a section title', (text) => {
    expect(sectionTitle(text)).toBe(true);
  });

  it.each(['Jane Roe', 'Tom Team', 'Komanda Roe', 'About Jane Roe'])('takes %s for none', (text) => {
    expect(sectionTitle(text)).toBe(false);
  });
});
