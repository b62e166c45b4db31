import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const run = (html: string, url: string) => extract(doc(html), url);
const summary = (html: string, url: string) => {
  const out = run(html, url);
  return {
    kind: out.pageKind,
    people: out.people.map((p) => ({ name: p.fullName, title: p.title, company: p.companyName })),
    company: out.company?.name ?? null,
  };
};

describe('whose page is it: person pages on unseen sites (issue 17)', () => {
  it("a theme's placeholder h-card and site name make no person and no company", () => {
    const out = summary(
      `<html><head><title>About | Your awesome title</title><meta property="og:site_name" content="Your awesome title"></head>
      <body><header><a class="site-title" href="/">Your awesome title</a></header><main><h1>About</h1><p>This is the base Jekyll theme.</p></main>
      <footer class="site-footer h-card"><ul><li class="p-name">Your awesome title</li><li><a class="u-email" href="mailto:your-email@example.com">your-email@example.com</a></li></ul></footer></body></html>`,
      'https://someone.github.io/about/',
    );
    expect(out).toEqual({ kind: 'other', people: [], company: null });
  });

  it('an "about me" page marked Article by its theme is its owner\'s, named by their LinkedIn address', () => {
    const out = run(
      `<html><head><title>Chi sono</title><meta name="description" content="Appunti di tecnologia di Piero Salvi"></head>
      <body><article itemscope itemtype="http://schema.org/Article"><h1 itemprop="headline">Chi sono</h1>
      <p>Sono nato nel 1971. Mi occupo di informatica da sempre.</p>
      <p>Il mio profilo professionale è su <a href="https://www.linkedin.com/in/pierosalvi">Linkedin</a>.</p></article>
      <footer><a href="mailto:piero@salvi.example">mail</a><a href="https://github.com/psalvi">gh</a></footer></body></html>`,
      'https://www.salvi.example/chi-sono/',
    );
    expect(out.pageKind).toBe('person');
    expect(out.people.map((p) => [p.fullName, p.emails, p.links])).toEqual([
      ['Piero Salvi', ['piero@salvi.example'], ['https://www.linkedin.com/in/pierosalvi', 'https://github.com/psalvi']],
    ]);
  });

  it('the one person of an "über mich" page\'s markup is its subject, without "Dr.", and the practice the domain spells stays the company', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'MedicalBusiness',
          name: 'Praxis Gesundheit Bonn',
          url: 'https://praxis-gesundheit.example',
          employee: { '@type': 'Person', name: 'Dr. Miriam Albers', jobTitle: 'Psychotherapeutin' },
        },
      ],
    });
    const out = summary(
      `<html><head><title>Über mich - Praxis Gesundheit Bonn</title><script type="application/ld+json">${ld}</script></head>
      <body><header><div class="logo">Dr. Miriam Albers</div></header><h1>Über mich</h1><h2>Zur Person</h2><p>Text.</p>
      <h2>Vorherige Tätigkeitsfelder</h2><ul><li>Klinik A</li><li>Klinik B</li></ul><footer>© Dr. Miriam Albers</footer></body></html>`,
      'https://praxis-gesundheit.example/ueber-mich/',
    );
    expect(out).toEqual({
      kind: 'person',
      people: [{ name: 'Miriam Albers', title: 'Psychotherapeutin', company: 'Praxis Gesundheit Bonn' }],
      company: 'Praxis Gesundheit Bonn',
    });
  });

  it('a name the given-names data lacks is a person when their LinkedIn address spells it; a business the domain spells is not', () => {
    const person = summary(
      `<html><head><title>Over mij - Wiebren van Dijkhuis</title></head><body><header><h1><a href="/">Wiebren van Dijkhuis</a></h1></header>
      <h1>Over mij</h1><p>Ik (Wiebren van Dijkhuis) ben lead software ontwikkelaar bij Qodex in Zwolle. Daarnaast tuinier ik.</p>
      <ul><li><a href="https://www.linkedin.com/in/wiebrenvandijkhuis">in</a></li></ul></body></html>`,
      'https://www.wiebrenvandijkhuis.example/blog/',
    );
    expect(person).toEqual({
      kind: 'person',
      people: [{ name: 'Wiebren van Dijkhuis', title: 'lead software ontwikkelaar', company: 'Qodex' }],
      company: null,
    });
    const business = summary(
      `<html><head><title>Bulbo Automações</title></head><body><h1>Bulbo Automações</h1><p>Automação residencial em São Paulo.</p>
      <footer>© 2025 Bulbo Automações</footer></body></html>`,
      'https://bulboautomacoes.example/sobre-nos.html',
    );
    expect(business.kind).toBe('company');
    expect(business.people).toEqual([]);
  });

  it('reads the role and business an introduction gives: "Mijn naam is …, oprichter van …"', () => {
    const out = summary(
      `<html><head><title>Over mij – Kalm &amp; Krachtig</title><meta property="og:site_name" content="Kalm &amp; Krachtig"></head>
      <body><h1>Over mij</h1><h2>Het besluit dat mijn leven veranderde</h2>
      <p>Mijn naam is Femke Wijnstra, oprichter van Kalm &amp; Krachtig; een coachingspraktijk voor vrouwen. Na twintig jaar werk koos ik voor mijn passie.</p></body></html>`,
      'https://kalmenkrachtig.example/over-mij/',
    );
    expect(out.kind).toBe('person');
    expect(out.people).toEqual([{ name: 'Femke Wijnstra', title: 'oprichter', company: 'Kalm & Krachtig' }]);
  });
});
