// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addressTown, streetLike, townOf } from '@/lib/extract/address';

describe('townOf', () => {
  it.each([
    ['68163 Mannheim', 'Mannheim'],
    ['A-1010 Wien', 'Wien'],
    ['16121 Genova (GE)', 'Genova'],
    ['Musterstraße 12, 12345 Frankfurt am Main', 'Frankfurt am Main'],
    ['1234 AB Amsterdam', 'Amsterdam'],
    ['00-950 Warszawa', 'Warszawa'],
    ['Köln, Germany, 50668', 'Köln'],
    ['1600 Amphitheatre Parkway, Mountain View, CA 94043', 'Mountain View'],
    ['London EC1A 1BB', 'London'],
    ['Calle Asalto 29, 29006. Málaga. Si tienes alguna pregunta', 'Málaga'],
    ['Le siège est situé au 54 rue Gustave Eiffel 33610 Canéjan.', 'Canéjan'],
    // A state's code after the town is no part of it; a town in capitals keeps its last word.
    ['4081 Hartkirchen OÖ', 'Hartkirchen'],
    ['85000 LA ROCHE SUR YON', 'LA ROCHE SUR YON'],
    ['〒547-0002 大阪府大阪市平野区加美東6-13-47', '大阪市'],
    // The line break before the phone label lost: the label is no part of the town.
    ['34260 Kaufungen Tel', 'Kaufungen'],
    ['34260 Kaufungen Fax.', 'Kaufungen'],
    // A Dutch postcode before the street: the town follows the house number.
    ['4695BJ Rädda Barnenstraat 1, Sint-Maartensdijk', 'Sint-Maartensdijk'],
    ['75012 Paris 12e', 'Paris'],
    // Postcodes of four digits that read as years: with the Dutch letters or a country prefix.
    ['1973 XT IJmuiden', 'IJmuiden'],
    ['B-2000 Antwerpen (Het Eilandje)', 'Antwerpen'],
    ['© 2024 Acme GmbH, Hauptstr. 5, 12345 Berlin', 'Berlin'],
    // Three digits, a space, two: Sweden, Czechia, Slovakia, Greece.
    ['671 91 Arvika', 'Arvika'],
    ['Vodičkova 28, 110 00 Praha', 'Praha'],
    // Portugal's and Brazil's codes before the town; Brazil's town, state and CEP.
    ['1000-001 Lisboa', 'Lisboa'],
    ['CEP 01310-100 São Paulo - SP', 'São Paulo'],
    ['Sorocaba - SP CEP: 18071-590', 'Sorocaba'],
    ['R. Gen. Câmara, 10 – Centro, Viamão – RS, 94435-000 (Atrás da Igreja)', 'Viamão'],
  ])('%s → %s', (line, expected) => {
    expect(townOf(line)).toBe(expected);
  });

  it.each([
    ['© 2024 Acme GmbH'],
    ['Tel. 05191 979238'],
    // A house number is not a postcode: the street is no town.
    ['1600 Amphitheatre Parkway'],
    // A town and a country without a postcode may be an institute ("MPI-SWS, Germany").
    ['MPI-SWS, Germany'],
    ['Paris, Texas'],
    // A street after the postcode, and no town after its number: no town rather than the street.
    ['4695BJ Rädda Barnenstraat 1'],
    ['Seit 2001 Acme'],
    // A phone's groups are no postcode.
    ['+46 8 123 45 Stockholm'],
    ['(15) 3313-2025 ou (15) 3313-9100'],
  ])('%s → no town', (line) => {
    expect(townOf(line)).toBe('');
  });

  it('takes a town and its country right after a street line', () => {
    expect(townOf('Lyon, France', true)).toBe('Lyon');
    expect(townOf('Lyon, France')).toBe('');
  });

  it("takes the town before the country of a district, town and country line, an address's last line", () => {
    expect(townOf('Providencia, Santiago, Chile.')).toBe('Santiago');
    expect(townOf('Ciudad de México, Mexico')).toBe('');
  });

  it('takes a year-shaped postcode right after a street line', () => {
    expect(townOf('2000 Antwerpen', true)).toBe('Antwerpen');
    expect(townOf('2000 Antwerpen')).toBe('');
  });
});

describe('streetLike', () => {
  it.each([
    ['Heidjerweg 1', true],
    ['Wundtstraße 40', true],
    ['Via Roma 3', true],
    ['Calle Mayor, 2', true],
    ['54 rue Gustave Eiffel', true],
    ['221B Baker Street', true],
    // A street named after a date: its day stands before the name.
    ['32-400 Myślenice, ul. 3-go Maja 14c', true],
    ['Rua 7 de Setembro, 100', true],
    ['Version 12', false],
    ['Since 2019 we build', false],
  ])('%s → %s', (line, expected) => {
    expect(streetLike(line)).toBe(expected);
  });
});

describe('townOf and a country', () => {
  it('takes the town after a country written between it and the postcode, never the country', () => {
    expect(townOf('Kováčska 256/38 04001 Szlovákia, Kassa')).toBe('Kassa');
    expect(townOf('04001 Slovensko')).toBe('');
  });
});

describe('addressTown', () => {
  it('takes a postcode line after a house number or a postal mark without a street word', () => {
    expect(addressTown(['Kontakt', 'Vorwerks Hof 9, 32130 Enger'])).toBe('Enger');
    expect(addressTown(['本社所在地', '〒547-0002 大阪府大阪市平野区加美東6-13-47'])).toBe('大阪市');
    expect(addressTown(['Seit 2001 in 96047 Bamberg tätig'])).toBe('');
  });

  it('takes a postcode line in running text only beside a street line', () => {
    expect(addressTown(['Kontakt', 'Heidjerweg 1', '29614 Soltau', 'Tel. 05191 979238'])).toBe('Soltau');
    expect(addressTown(['Wir liefern seit 1998', '29614 Soltau ist schön'])).toBe('');
    expect(addressTown(['Location:', 'Thürmchenswall 69', 'Köln, Germany'])).toBe('Köln');
  });

  it('takes the town after a street and its number where the address gives no postcode', () => {
    expect(addressTown(['Indirizzo:', 'Via Einaudi 82', 'Venezia', 'P.IVA: 04850210271'])).toBe('Venezia');
    expect(addressTown(['Adres', 'ul. Wolska 81, Warszawa, Wola', '730 880 881'])).toBe('Warszawa');
    expect(addressTown(['Via Roma 3', '00100 Roma', 'Via Po 2, Torino'])).toBe('Roma');
  });

  it('takes no country, label or section word after a street for a town', () => {
    expect(addressTown(['ul. Długa 5', 'Polska'])).toBe('');
    expect(addressTown(['Hauptstraße 17', 'Telefon', '08296 282'])).toBe('');
    expect(addressTown(['Via Roma 3', 'Contatti'])).toBe('');
  });

  it('stops at a section naming someone else', () => {
    const lines = ['Hosting', 'Host AG', 'Hauptstr. 5', '8001 Zürich'];
    expect(addressTown(lines, (l) => l === 'Hosting')).toBe('');
  });

  it('stays fast on long adversarial text', () => {
    const long = `${'Aa '.repeat(20_000)}${'1'.repeat(5000)} ${'Bb-'.repeat(10_000)}`;
    const started = performance.now();
    townOf(long.slice(0, 400));
    addressTown(Array.from({ length: 3000 }, (_, i) => `${'Xx '.repeat(60)}${i}`));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
