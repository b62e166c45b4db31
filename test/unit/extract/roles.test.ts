// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { roleish, splitRole } from '@/lib/extract/page/roles';

describe('splitRole', () => {
  it.each([
    ['Principal Data Engineer at Adyen', 'Principal Data Engineer', 'Adyen'],
    ['Founder @Acme', 'Founder', 'Acme'],
    ['Softwareentwicklerin bei SAP', 'Softwareentwicklerin', 'SAP'],
    ['Directrice chez Airbus', 'Directrice', 'Airbus'],
    ['Ricercatore presso Politecnico di Milano', 'Ricercatore', 'Politecnico di Milano'],
    ['Engineer bij Adyen', 'Engineer', 'Adyen'],
    ['Chercheur au CEA LETI', 'Chercheur', 'CEA LETI'],
    ["Chercheur en Data Science à l'IMAG", 'Chercheur en Data Science', 'IMAG'],
  ])('splits "%s" everywhere', (line, title, company) => {
    expect(splitRole(line, false)).toEqual({ title, company });
  });

  it.each([
    ['Staff Engineer, Datadog', 'Staff Engineer', 'Datadog'],
    ['Head of Data | Klarna', 'Head of Data', 'Klarna'],
    ['Acme — Chief Technology Officer', 'Chief Technology Officer', 'Acme'],
    ['Ingeniera en Mercado Libre', 'Ingeniera', 'Mercado Libre'],
    ['Analista em Banco do Brasil', 'Analista', 'Banco do Brasil'],
    ['Senior UX Research Manager // Allegro', 'Senior UX Research Manager', 'Allegro'],
  ])('splits "%s" where people come from other companies', (line, title, company) => {
    expect(splitRole(line, true)).toEqual({ title, company });
  });

  it.each([
    'Senior Manager, Business Services',
    'Founding Partner, CA',
    'Licenciado en Derecho',
    'Partner – Tax Advisory',
  ])('keeps "%s" whole on a company\'s own team page', (line) => {
    expect(splitRole(line, false)).toEqual({ title: line });
  });

  it.each(["Chercheur en NLP pour l'IA", 'Chercheur en physique quantique', 'Expert en Machine learning appliqué'])(
    'keeps "%s" whole: a field after "en", not an employer',
    (line) => {
      expect(splitRole(line, true)).toEqual({ title: line });
    },
  );
});

describe('roleish', () => {
  it.each([
    'Associé',
    'Ärztin',
    'Étudiante en master',
    'Chargé de mission',
    'Délégué général',
    'Fachärztin für Psychiatrie',
    'Zahnarzt',
    'Geschäftsführerin',
  ])('reads "%s" as a role: accented words end and start at letters, German compounds at their last word', (line) => {
    expect(roleish(line)).toBe(true);
  });

  it.each([
    'Psycholog',
    'Pedagog',
    'Psychoterapeutka',
    'Dyrektor',
    'Kierownik',
    'Właścicielka',
    'Założyciel',
    'Lekarz',
  ])('reads the Polish role "%s" as a role', (line) => {
    expect(roleish(line)).toBe(true);
  });

  it.each([
    'Product Managerka',
    'Senior UX Researcherka',
    'Specialistka na online marketing',
    'Pasante',
    'Practicante',
  ])('reads "%s" as a role: Polish and Czech feminine -ka on a role word, Spanish interns', (line) => {
    expect(roleish(line)).toBe(true);
  });

  it.each(['Headquarters', 'Leadership Summit', 'Membership', 'Internet', 'Pedagogika', 'Kierownica'])(
    'reads "%s" as no role: a role word inside a longer word is none',
    (line) => {
      expect(roleish(line)).toBe(false);
    },
  );
});
