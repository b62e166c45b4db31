// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { splitAffiliation } from './affiliation';
import { isRole, roleAt } from './role-words';

describe('isRole', () => {
  it.each([
    'Diretora Executiva',
    'Sócio fundador',
    'Gerente de Projetos',
    'Bestuurslid',
    'Algemeen bestuurslid',
    'Eigenaar',
    'Activiteiten- coördinator',
    'Prezes Zarządu',
    'Dyrektorka ds. marketingu',
    'Kierownik projektu',
    'Ředitel',
    'Jednatelka',
    '代表取締役社長',
    '技術部長',
    '理事',
    '代表者',
    'Associate Professor',
    'Παιδίατρος',
    'ΛΟΓΙΣΤΗΣ',
    'Ιατρός',
    'Καρδιολόγος',
    'Projektētājs',
  ])('reads "%s" as a role', (line) => {
    expect(isRole(line)).toBe(true);
  });

  it.each([
    'Nubank',
    'Stichting Prasoro',
    'Warszawa',
    '株式会社アドウェイズ',
    '代表的な例',
    'Sociology Department',
    'Επικοινωνία',
    'Κατάλογος',
    'Liepāja',
  ])('reads "%s" as no role', (line) => {
    expect(isRole(line)).toBe(false);
  });
});

describe('roleAt', () => {
  it.each([
    ['Diretora na Acme Brasil', 'Diretora', 'Acme Brasil'],
    ['Engenheiro de Software no Nubank', 'Engenheiro de Software', 'Nubank'],
    ['株式会社アドウェイズの代表取締役', '代表取締役', '株式会社アドウェイズ'],
    ['Code for YOKOHAMAの代表', '代表', 'Code for YOKOHAMA'],
    ['Lektor ved Aarhus Universitet', 'Lektor', 'Aarhus Universitet'],
    ['Professor vid Lunds universitet', 'Professor', 'Lunds universitet'],
    ['Utvecklare på Spotify', 'Utvecklare', 'Spotify'],
    ['Seniorforsker hos Norsk Regnesentral', 'Seniorforsker', 'Norsk Regnesentral'],
  ])('splits "%s" into title and employer', (line, title, company) => {
    expect(roleAt(line)).toEqual({ title, company });
  });

  it.each([
    'Engenheira na área de dados',
    'Forsker ved instituttets afdeling',
    'Diretor no',
    'Nubank na Acme',
    '株式会社の社長の部長',
  ])('finds no employer in "%s"', (line) => {
    expect(roleAt(line)).toBeNull();
  });
});

describe('splitAffiliation with finalize-side role words', () => {
  it('splits a Portuguese "Role na Company" line on a team page', () => {
    expect(splitAffiliation('Diretora na Acme Brasil', false)).toEqual({ title: 'Diretora', company: 'Acme Brasil' });
  });

  it("keeps a Portuguese role line as the title, not as a speaker's organisation", () => {
    expect(splitAffiliation('Diretor Executivo', true)).toEqual({ title: 'Diretor Executivo' });
  });
});

describe('finalize-side role words of teachers (issue 17, x-list)', () => {
  it.each([
    "Instructor de mindfulnes per a pacients del Vall d'Hebron",
    'Instrutora de ioga',
    'Lektorka a instruktorka',
  ])('reads "%s" as a role', (line) => {
    expect(isRole(line)).toBe(true);
  });
});
