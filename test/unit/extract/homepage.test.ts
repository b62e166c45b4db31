import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const personOf = (html: string, url = 'https://example.net/ueber-mich.html') => {
  const out = extract(doc(html), url);
  const p = out.people[0];
  return { kind: out.pageKind, name: p?.fullName, title: p?.title, company: p?.companyName };
};

describe('home and about pages of one person without markup (issue 17)', () => {
  it('takes the name from a title part that the page repeats, without "Über" or postnominals', () => {
    const r = personOf(
      '<html><head><title>Über mich — STUDIO | Martin Keller B.A.</title></head><body><h1>Über mich</h1><h2>Martin Keller B.A.</h2><p>Mental Coach</p></body></html>',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Martin Keller', title: 'Mental Coach' });
  });

  it('takes the name the owner introduces themselves with over a brand-like title', () => {
    const r = personOf(
      '<html><head><title>Anwalt Roth</title></head><body><h1>Willkommen!</h1><p>Ich bin Jens-Peter Roth, Rechtsanwalt in Minden. Ich berate Start-ups.</p><footer><a href="mailto:kanzlei@anwaltroth.example">Mail</a></footer></body></html>',
      'https://anwaltroth.example/index.html',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Jens-Peter Roth' });
  });

  it('drops the "À propos de" prefix and the quoted nickname', () => {
    expect(
      personOf('<html><head><title>À propos</title></head><body><h1>À propos de Claire Dubois</h1></body></html>').name,
    ).toBe('Claire Dubois');
    expect(
      personOf('<html><head><title>Nicolas "nico" Martin</title></head><body><h3>Hi</h3></body></html>').name,
    ).toBe('Nicolas Martin');
  });

  it('takes a member page whose address spells a name the given-names data lacks, never a one-word handle', () => {
    const html =
      '<html><head><title>Hyeonjun Kwak | Xie Lab</title></head><body><h1>Hyeonjun Kwak</h1><p>Postdoctoral Researcher</p></body></html>';
    expect(personOf(html, 'https://lab.example/members/hyeonjun-kwak.html')).toMatchObject({
      kind: 'person',
      name: 'Hyeonjun Kwak',
      title: 'Postdoctoral Researcher',
    });
    expect(personOf(html, 'https://lab.example/members/hyeonjunkwak').kind).not.toBe('person');
  });

  it('reads the role line after a name that no heading holds (a speaker panel)', () => {
    const r = personOf(
      '<html><head><title>Adam Pasternack - Stir Trek</title></head><body><div class="panel"><div class="panel-header">Adam Pasternack!</div><div><img src="/a.jpg"></div><div><h3>Consultant - Improving</h3></div></div><p>Bio of Adam Pasternack.</p></body></html>',
      'https://conf.example/speakers/2018/Adam-Pasternack.html',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Adam Pasternack', title: 'Consultant', company: 'Improving' });
  });

  it('reads the role in the next table row of a heading in a table cell', () => {
    const r = personOf(
      '<html><head><title>Department | Individual</title></head><body><table><tr><th><h2>Victoria Hale</h2></th></tr><tr><td>Professor</td></tr></table></body></html>',
      'https://math.example.edu/people/hale',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Victoria Hale', title: 'Professor' });
  });

  it('reads role and employer from the first self-description of the bio', () => {
    const r = personOf(
      '<html><head><title>Jon Carter</title></head><body><p class="name">Jon Carter</p><p>I\'m a principal research scientist at Google DeepMind in San Francisco, where I lead a team.</p></body></html>',
      'https://joncarter.example/',
    );
    expect(r).toMatchObject({ name: 'Jon Carter', title: 'principal research scientist', company: 'Google DeepMind' });
  });

  it("reads a platform profile's short bio as the role, the platform never the company", () => {
    const r = personOf(
      '<html><head><title>Jane Roe (@jane.example.social) — Bluesky</title><meta property="og:type" content="profile"><meta property="og:title" content="Jane Roe (@jane.example.social)"><meta name="description" content="Founder @Acme"></head><body><h1>Jane Roe</h1></body></html>',
      'https://bsky.app/profile/jane.example.social',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Jane Roe', title: 'Founder', company: 'Acme' });
  });

  it("reads a one-person business's founder as the page's person, with its contacts, and no company", () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'ProfessionalService',
          name: 'Greta Lindqvist – Fachübersetzerin für Medizin',
          url: 'https://greta-lindqvist.example',
          email: 'mail@greta-lindqvist.example',
          founder: { '@type': 'Person', name: 'Greta Lindqvist', jobTitle: 'Übersetzerin' },
        },
        { '@type': 'Review', reviewBody: 'Sehr gut!', author: { '@type': 'Person', name: 'Kunde A' } },
      ],
    });
    const out = extract(
      doc(
        `<html><head><title>Greta Lindqvist</title><script type="application/ld+json">${ld}</script></head><body><h1>Texte, die wirken</h1></body></html>`,
      ),
      'https://greta-lindqvist.example/',
    );
    expect(out.pageKind).toBe('person');
    expect(out.company).toBeNull();
    expect(out.people.map((p) => [p.fullName, p.title, p.companyName, p.emails])).toEqual([
      ['Greta Lindqvist', 'Fachübersetzerin für Medizin', undefined, ['mail@greta-lindqvist.example']],
    ]);
  });

  it('a recipe page whose cards are no names is about no one, and names no company', () => {
    const card = (t: string) =>
      `<li class="item"><a href="/r/${t.length}"><img src="/i/${t.length}.jpg" alt=""><h3>${t}</h3></a></li>`;
    const out = extract(
      doc(
        `<html><head><title>Bolo de Cenoura | CozinhaCom</title><meta property="og:site_name" content="CozinhaCom"></head><body><h1>Bolo de Cenoura</h1><ul>${['Cookie de Chocolate', 'Tortinha de Cookie', 'Manjar dos Deuses', 'Doce de Ambrosia'].map(card).join('')}</ul></body></html>`,
      ),
      'https://cozinhacom.example/receitas/doces/bolo-de-cenoura-123',
    );
    expect([out.pageKind, out.people.length, out.company]).toEqual(['other', 0, null]);
  });

  it("reads a staff profile on a practice's site: the card's contacts are the person's, the footer's the practice's", () => {
    const out = extract(
      doc(`<html><head><title>Marco Bianchi — Studio Aurora</title></head><body>
        <header><a href="/">Studio Aurora</a></header>
        <main><div class="profile"><h1>Dott. Marco Bianchi</h1><p>Psicologo Psicoterapeuta • Collaboratore</p>
          <p><a href="mailto:marco@bianchi-psi.example">Mail</a> <a href="https://www.linkedin.com/in/marcobianchi">in</a></p></div></main>
        <footer><strong>Studio Aurora</strong><br>Email: segreteria.aurora@gmail.com<br>Via Roma 3, 16121 Genova<br>© 2026 Studio Aurora</footer>
        </body></html>`),
      'https://studioaurora-genova.example/marco-bianchi.html',
    );
    expect(out.pageKind).toBe('person');
    expect(out.people.map((p) => [p.fullName, p.title, p.companyName, p.emails, p.links])).toEqual([
      [
        'Marco Bianchi',
        'Psicologo Psicoterapeuta',
        'Studio Aurora',
        ['marco@bianchi-psi.example'],
        ['https://www.linkedin.com/in/marcobianchi'],
      ],
    ]);
    expect([out.company?.name, out.company?.location, out.company?.emails]).toEqual([
      'Studio Aurora',
      'Genova',
      ['segreteria.aurora@gmail.com'],
    ]);
  });

  it("names no page company after an employer mentioned in a personal site's bio", () => {
    const out = extract(
      doc(`<html><head><title>Jon Carter</title></head><body><h1>Jon Carter</h1>
        <p>I'm a principal research scientist at Google DeepMind in San Francisco.</p></body></html>`),
      'https://joncarter.example/',
    );
    expect([out.people[0]?.companyName, out.company]).toEqual(['Google DeepMind', null]);
  });

  it('reads the profession from the label right above the name heading (a kicker)', () => {
    const r = personOf(
      '<html><head><title>Über mich | Mentalstark</title></head><body><h1>Über mich</h1><section><span class="intro-label">Akademischer Mentalcoach</span><h2>Lukas Brandner B.A.</h2><p>Ich bin überzeugt: mentale Stärke ist erlernbar, und ich zeige Ihnen, wie man sie trainiert.</p></section></body></html>',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Lukas Brandner', title: 'Akademischer Mentalcoach' });
  });

  it('takes a town after a dash in the role line as no company', () => {
    const r = personOf(
      '<html><head><title>Über Sabine Roth | Roth Immobilien</title></head><body><h1>Sabine Roth</h1><p>Immobilienmaklerin – Regensburg</p></body></html>',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Sabine Roth', title: 'Immobilienmaklerin' });
    expect(r.company).toBeUndefined();
  });

  it('reads the role the title or the logo writes after the name, without the town', () => {
    const r = personOf(
      '<html><head><title>À propos – Aline Mercier, sophrologue à Nyon</title></head><body><header><a class="logo" href="/">Aline Mercier</a></header><h1>À propos</h1><p>Après plusieurs années comme enseignante, je me suis formée à la sophrologie.</p></body></html>',
      'https://alinemercier.example/a-propos.html',
    );
    expect(r).toMatchObject({ kind: 'person', name: 'Aline Mercier', title: 'sophrologue' });
  });

  it("gives the person the header's profile icons on a home page titled with their name", () => {
    const out = extract(
      doc(`<html><head><title>Camille "kmi" Faure</title></head><body>
        <div class="navbar"><a href="/">kmi</a><a class="fa fa-github" href="https://github.com/kmi-dev"></a>
        <a class="fa fa-linkedin" href="https://www.linkedin.com/in/camille-faure-42/"></a></div>
        <h1>Projets</h1><h1>À propos</h1><h3>Camille "kmi" Faure</h3><p>Étudiante en direction artistique.</p></body></html>`),
      'https://kmi.example/',
    );
    expect(out.people.map((p) => [p.fullName, p.links])).toEqual([
      ['Camille Faure', ['https://github.com/kmi-dev', 'https://www.linkedin.com/in/camille-faure-42']],
    ]);
  });

  it('takes the name two of an "about me" page\'s statements agree on when no heading holds it', () => {
    const footer = '<footer><p>© 2012 - 2023, Erik Vermeulen. All Rights Reserved.</p></footer>';
    const actual = personOf(
      `<html><head><title>Over mij - Mindful Living</title><meta name="description" content="Erik Vermeulen, psychiater en trainer."></head><body><h1>Over mij</h1><h2>Wat mij beweegt</h2>${footer}</body></html>`,
      'https://mindful.example/over-mij/',
    );
    expect(actual).toMatchObject({ kind: 'person', name: 'Erik Vermeulen' });
  });

  it('takes the title part and the copyright holder, or the description and the markup author, as agreeing', () => {
    const byTitle = personOf(
      '<html><head><title>Über mich / Beate Lang</title></head><body><h1>Über mich</h1><footer><p>© 2015, Beate Lang, Wien, <a href="/impressum">Impressum</a><br>Tel: 0676/4480510</p></footer></body></html>',
      'https://beate.example/ueber-mich/',
    );
    expect(byTitle).toMatchObject({ kind: 'person', name: 'Beate Lang' });
    // The JSON-LD's description holds raw line breaks (a Hugo template): the block is read all the same.
    const jsonLd =
      '<script type="application/ld+json">{"@type":"BlogPosting","description":"\n  Over Maria Hagen\n","author":{"@type":"Person","name":"Maria Hagen"},}</script>';
    const byAuthor = personOf(
      `<html><head><title>Plezier | Over mij</title><meta name="description" content="Over Maria Hagen — achtergrond">${jsonLd}</head><body><h1>Over mij</h1></body></html>`,
      'https://plezier.example/over-mij/',
    );
    expect(byAuthor).toMatchObject({ kind: 'person', name: 'Maria Hagen' });
  });

  it('takes no name that only one statement gives, nor a brand whose initials spell the host', () => {
    const once = personOf(
      '<html><head><title>Over mij</title><meta name="description" content="Erik Vermeulen, psychiater."></head><body><h1>Over mij</h1><footer>© 2023 Studio Licht</footer></body></html>',
      'https://studio.example/over-mij/',
    );
    expect(once.name).toBeUndefined();
    const brand = personOf(
      '<html><head><title>Over mij - Mindful Living Design</title><meta name="description" content="Mindful Living Design, training."></head><body><h1>Over mij</h1></body></html>',
      'https://mld.example/over-mij/',
    );
    expect(brand.name).toBeUndefined();
  });

  it('reads an organisation\'s "Chi siamo" or "Quem somos" heading as no one\'s name', () => {
    const actual = extract(
      doc(
        '<html><head><title>Vignate GNU/Linux User Group</title></head><body><header><h1>ViGLug</h1><h2>Vignate GNU/Linux User Group</h2></header><h1>Chi Siamo</h1><h2>Cos\'è il ViGLug?</h2><p>Un gruppo di appassionati.</p><footer><a href="https://github.com/ViGLug">GitHub</a></footer></body></html>',
      ),
      'https://viglug.example/chi-siamo/',
    );
    expect(actual.pageKind).toBe('company');
    expect(actual.people).toEqual([]);
    const quem = extract(
      doc(
        '<html><head><title>Lar Esperança</title></head><body><h1>QUEM SOMOS</h1><p>Fundado em 1896.</p></body></html>',
      ),
      'https://lar.example/quem-somos/',
    );
    expect(quem.people).toEqual([]);
    expect(quem.pageKind).not.toBe('person');
  });

  it("reads the role a theme's masthead sets inside the name's heading", () => {
    const actual = personOf(
      '<html><head><title>À propos - Frank Tessier</title></head><body><div class="masthead"><h3 class="masthead-title"><a href="/">Frank Tessier</a> <small>Consultant web</small></h3></div><h1>À propos</h1><p>Je travaille sur le web depuis 2000.</p></body></html>',
      'https://frank.example/a-propos/',
    );
    expect(actual).toMatchObject({ kind: 'person', name: 'Frank Tessier', title: 'Consultant web' });
  });

  it('reads the role of a self-description that names no employer, never a sentence', () => {
    const html = (intro: string) =>
      `<html><head><title>Over mij | Martijn de Vries</title></head><body><h1>Laat me mijzelf introduceren</h1><h2>Martijn de Vries</h2><p>${intro}</p></body></html>`;
    expect(
      personOf(html('Hallo! Ik ben een Grafisch Ontwerper uit Nederland.'), 'https://martijn.example/over-mij/'),
    ).toMatchObject({ kind: 'person', name: 'Martijn de Vries', title: 'Grafisch Ontwerper' });
    expect(
      personOf(html('Hallo! Ik ben een grote fan van koffie en fietsen.'), 'https://martijn.example/over-mij/').title,
    ).toBeUndefined();
  });

  it('gives a practice named after its owner with "Dott.ssa" to the owner: no company, its contacts theirs', () => {
    const jsonLd =
      '<script type="application/ld+json">{"@type":"Physician","name":"Dott.ssa Federica Bianchi","telephone":"+39 339 156 5344","url":"https://bianchi.example/"}</script>';
    const out = extract(
      doc(
        `<html><head><title>Chi sono | Federica Bianchi</title>${jsonLd}</head><body><h1>Chi sono</h1><h2>Federica Bianchi</h2><p>Allergologa</p></body></html>`,
      ),
      'https://bianchi.example/chi-sono/',
    );
    expect(out.company).toBeNull();
    expect(out.people.map((p) => [p.fullName, p.phones])).toEqual([['Federica Bianchi', ['+393391565344']]]);
  });

  // Issue 17, batch s8: person pages read as a company or as no one's.
  it('takes a self-introduction whose name ends before " ," or at "and", particles and all', () => {
    const spaced = personOf(
      '<html><head><title>Lic. Ana Zuttion — Psicopedagoga | Impulso Laboral</title></head><body><h1>Lic. Ana Zuttion — Psicopedagoga</h1><p>Soy <strong>Ana Zuttion</strong> , psicopedagoga laboral.</p></body></html>',
      'https://impulso.example/sobre-mi/',
    );
    expect(spaced).toMatchObject({ kind: 'person', name: 'Ana Zuttion' });
    const and = personOf(
      '<html><head><title>Over mij - De Rekenleraar</title></head><body><h1>Van wie krijg ik les?</h1><p>Mijn naam is Tim van der Berg en ik ben fan van cijfers.</p></body></html>',
      'https://www.derekenleraar.example/over-mij/',
    );
    expect(and).toMatchObject({ kind: 'person', name: 'Tim van der Berg' });
  });

  it('takes the name written before the copyright sign when the host spells its initial and family name', () => {
    const html =
      '<html><body><h2>Poznaj mnie bliżej.</h2><p>Cześć, tu Krzyś. Developer front-end.</p><span class="footer__Copyright">Krzysztof Nowacki © 2021 Wszelkie prawa zastrzeżone</span></body></html>';
    expect(personOf(html, 'https://knowacki.example/o-mnie/')).toMatchObject({
      kind: 'person',
      name: 'Krzysztof Nowacki',
    });
    // Without the host's agreement, one statement alone is no owner.
    expect(personOf(html, 'https://webdev.example/o-mnie/').name).toBeUndefined();
  });

  it("reads a contact page as its owner's when the host and their member profile spell the agreed name", () => {
    const html = (profile: string) =>
      `<html><head><title>Contatti - Federico Albani</title></head><body><h1>Federico Albani</h1><p>Via Roma 1, Reggio Calabria</p><a href="mailto:federico@albani.example">Email</a><a href="${profile}">LinkedIn</a><footer><p>© 2025 Federico Albani - Consulente</p></footer></body></html>`;
    const own = extract(
      doc(html('https://www.linkedin.com/in/federico-albani-consulente')),
      'https://www.federicoalbani.example/contatti/',
    );
    expect(own.pageKind).toBe('person');
    expect(own.people[0]?.fullName).toBe('Federico Albani');
    // A brand's host spells the brand too: without the member profile the page stays its company's.
    const brand = extract(
      doc(html('https://www.linkedin.com/company/federicoalbani')),
      'https://www.federicoalbani.example/contatti/',
    );
    expect(brand.pageKind).not.toBe('person');
  });

  it("never takes a builder's credited LinkedIn profile for the site's owner", () => {
    const html =
      '<html><head><title>Contact - Garage Sukkel</title></head><body><h1>Contact</h1><p>Tel 026 333 3133</p><footer><span>Website ontwikkeld door </span><a href="https://www.linkedin.com/in/thomas-mantel/">Thomas Mantel</a></footer></body></html>';
    const out = extract(doc(html), 'https://garagesukkel.example/contact');
    expect(out.people.map((p) => p.fullName)).not.toContain('Thomas Mantel');
  });
});
