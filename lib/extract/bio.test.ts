// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bioEmployer } from './bio';

describe('bioEmployer', () => {
  it.each([
    ['Autor de diversas libs. Gustavo trabalha na Canonical.', 'Gustavo Niemeyer', { company: 'Canonical' }],
    ['Anna is the CEO at Acme Labs, where she leads product.', 'Anna Berg', { company: 'Acme Labs', title: 'CEO' }],
    ['Er leitet die Firma Holzbau Weber. Seit 2001.', 'Jonas Weber', { company: 'Holzbau Weber' }],
    [
      'Developer advocate no Google, Francesc Campoy é um dos nomes mais conhecidos da comunidade Go.',
      'Francesc Campoy',
      { company: 'Google', title: 'Developer advocate' },
    ],
    ['Elle travaille chez Doctolib depuis 2019.', 'Claire Martin', { company: 'Doctolib' }],
    [
      'Aditya é engenheiro de sistemas na Stripe no time de Observability, baseado em Nova York.',
      'Aditya Mukerjee',
      { company: 'Stripe', title: 'engenheiro de sistemas' },
    ],
    ['Tom works at Acme Labs as a developer.', 'Tom Lee', { company: 'Acme Labs' }],
    ['Jane Doe, CTO at Acme, is a regular speaker.', 'Jane Doe', { company: 'Acme', title: 'CTO' }],
    [
      'Jane is currently a Staff Engineer at Google, working on Go.',
      'Jane Doe',
      { company: 'Google', title: 'Staff Engineer' },
    ],
    ['She works as Head of Data at Zalando.', 'Jane Doe', { company: 'Zalando', title: 'Head of Data' }],
    [
      "Jane è ricercatrice presso l'Università di Torino.",
      'Jane Doe',
      { company: 'Università di Torino', title: 'ricercatrice' },
    ],
    [
      'Também conhecido pelo seu trabalho com Python, Gustavo trabalha na Canonical.',
      'Gustavo Niemeyer',
      { company: 'Canonical' },
    ],
    [
      'Ingmar works as a Senior Sales Engineer for Citrix. He is responsible for sales.',
      'Ingmar Verheij',
      { company: 'Citrix', title: 'Senior Sales Engineer' },
    ],
    [
      'Ruben Spruijt is Chief Technology Officer at Atlantis Computing, responsible for vision.',
      'Ruben Spruijt',
      { company: 'Atlantis Computing', title: 'Chief Technology Officer' },
    ],
    [
      'Kees Baggerman is a staff solution architect for End User Computing at Nutanix, Inc. In his role, Kees leads.',
      'Kees Baggerman',
      { company: 'Nutanix, Inc.' },
    ],
    ['She works at Acme, Ltd. and lives in Leeds.', 'Jane Doe', { company: 'Acme, Ltd.' }],
    ['Tom works at Acme. He likes tea.', 'Tom Lee', { company: 'Acme' }],
  ])('reads the employer in "%s"', (bio, name, expected) => {
    expect(bioEmployer(bio, name)).toEqual(expected);
  });

  it.each([
    ['She is a Professor of Computer Science.', 'Mary Shaw'],
    ['Doctora en Medicina, Ana trabaja en Madrid.', 'Ana Ruiz'],
    ['He previously worked at Google and IBM.', 'Tom Lee'],
    ['Tom works at Google. He is the CTO at Stripe.', 'Tom Lee'],
    ['Steve é membro do time principal que trabalha na linguagem Go no Google.', 'Steve Francia'],
    ['The team works at Acme.', 'Tom Lee'],
    ['Tom works for Anna Berg.', 'Tom Lee'],
    ['Tom is Director for Europe.', 'Tom Lee'],
    ['Known for his talks, the team works at Acme.', 'Tom Lee'],
  ])('names no employer in "%s": a field, a town, a past job, two employers or someone else', (bio, name) => {
    expect(bioEmployer(bio, name)).toBeNull();
  });
});
