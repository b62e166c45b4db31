// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isKnownGivenName, looksLikePersonName, personNameScore } from '@/lib/extract/names';

describe('looksLikePersonName', () => {
  it.each([
    'Jane van Doe',
    'Gonzalo Peña-Castellanos',
    'Alejandro E. Rendon',
    'Priya Raman',
    'Wei Zhang',
    'Oluwaseun Adeyemi',
    'Jens-Christof Niemeyer',
    'Katherine (Kate) Moss',
    'Dr. Maria de la Cruz',
    'Ben Barad',
    'Gerard ‘t Hooft',
  ])('accepts %s', (name) => {
    expect(looksLikePersonName(name)).toBe(true);
  });

  it.each([
    'Read More',
    'Our Team',
    'Product Manager',
    'Contact Us',
    'Pro Plan',
    'Swimming Pool Waterproofing',
    'Meet the Team',
    'STRUDEL Lab',
    'Version 2.0 Released',
    'Jane',
  ])('rejects %s', (text) => {
    expect(looksLikePersonName(text)).toBe(false);
  });

  it.each([
    'Northwind Analytics',
    'Harbor Foods',
    'Summit Capital',
    'Orbit Robotics',
    'Nordic Media',
    // Firms named after their founders carry their trade: "Mora y Romero Auditores", "Clínica Gouet".
    'Mora y Romero Auditores',
    'Clínica Gouet',
    'Praxis Müller',
    'Weber Steuerberater',
  ])('gives a business name no name score, even beside real names in a card list: %s', (text) => {
    expect(personNameScore(text)).toBe(0);
  });

  it('scores the right shape without a known given name between a non-name and a name', () => {
    const unknown = personNameScore('Zyxwq Plorb');

    expect(unknown).toBeGreaterThan(personNameScore('Read More'));
    expect(unknown).toBeLessThan(personNameScore('Grace Hopper'));
  });

  it('accepts a family name in capitals after a known given name, not capitals before one', () => {
    const actual = ['Serge BARRY', 'Hai NGUYEN', 'Jean-Pierre DE LA FONTAINE', 'NASA Apollo', 'Anna ACME Mueller'].map(
      looksLikePersonName,
    );

    expect(actual).toEqual([true, true, true, false, false]);
  });

  it('reads a particle at either end of a name as a name ("Dou Du" has the shape of one)', () => {
    expect(personNameScore('Dou Du')).toBeGreaterThanOrEqual(0.5);
    expect(personNameScore('Maria de la Cruz')).toBeGreaterThanOrEqual(0.8);
  });

  it('knows given names of several languages and compound forms', () => {
    expect(['Jürgen', 'Giuseppe', 'Yuki', 'Anna-Lena', 'Mehmet'].map(isKnownGivenName)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('knows accented given names the dataset spells without their accents', () => {
    const actual = ['Luís', 'Łukasz', 'Søren', 'Ángel', 'Małgorzata'].map(isKnownGivenName);

    expect(actual).toEqual([true, true, true, true, true]);
  });

  it("allows an article as a family name, only as a name's last word", () => {
    expect(personNameScore('Laila Los')).toBeGreaterThanOrEqual(0.8);
    expect(personNameScore('Los Angeles')).toBe(0);
  });

  it('reads a kanji family name, a space and a given name as a name; a label without the space not', () => {
    const actual = [
      '中條 拓伯',
      '金子 美津子',
      '伊藤 さくら',
      '東 良輔',
      '事業品目',
      '船舶用システム製品',
      '大 阪',
    ].map(looksLikePersonName);

    expect(actual).toEqual([true, true, true, true, false, false, false]);
  });
});
