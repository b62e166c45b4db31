import { describe, expect, it } from 'vitest';
import { titleTown } from './town';

describe('titleTown', () => {
  it.each([
    ['Dott.ssa Ilaria Melchioni | Psicoterapeuta a Pisa', 'Pisa'],
    ['Contatti | Studio Legale Radici - Avvocato a Lucca', 'Lucca'],
    ['À propos – Christel Cantois, sophrologue à Morges', 'Morges'],
    ['Jane Roe – Fotografa a Reggio Emilia', 'Reggio Emilia'],
  ])('reads the town a title writes after a profession: %s', (title, expected) => {
    expect(titleTown(title)).toBe(expected);
  });

  it.each([
    // Other languages' "in", "en", "em" as often name a field.
    'Jane Roe - Lecturer in Classical Archaeology',
    'Dra. Ana Lima | Especialista em Ortodontia',
    'Dr. Jean Roe, Docteur en Médecine',
    // No profession before it, or a country after it.
    'Control por App y Mando a Distancia',
    'Jane Roe | Fotografa a Italia',
    undefined,
  ])('reads none where the words after the profession are no town: %s', (title) => {
    expect(titleTown(title)).toBe('');
  });
});
