import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract, finalize } from '@/lib/extract';

/**
 * Classes of person pages that failed on real pages (issue 17), each pinned by a page written
 * here in the shape those sites share: the corpus HTML is not in the repository.
 */
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const summary = (html: string, url: string) => {
  const out = extract(doc(html), url);
  return {
    kind: out.pageKind,
    people: out.people.map((p) => ({
      name: p.fullName,
      title: p.title,
      company: p.companyName,
      links: p.links,
    })),
    company: out.company?.name ?? null,
  };
};

describe('"about me" pages are their owner\'s', () => {
  it('is a person page even where the theme marks it an article, named by the LinkedIn badge', () => {
    const html = `<html><head><title>O mnie | Middleware Notes</title>
      <meta property="og:type" content="article"><meta property="article:published_time" content="2011-06-10T15:02:12+00:00">
      <meta property="og:site_name" content="Middleware Notes"></head><body>
      <header><a href="/">Middleware Notes</a></header>
      <main><article><h1>O mnie</h1><div class="post-meta">June 10, 2011 · splatch</div>
      <p>Hej, nazywam się Tomasz i piszę o oprogramowaniu.</p>
      <p>Mój profil: <a href="http://pl.linkedin.com/in/splatch"><img alt="View Tomasz Wielicki’s profile on LinkedIn" src="/btn.png"></a></p>
      </article><ul class="share"><li><a href="https://www.linkedin.com/shareArticle?mini=true&url=x">share</a></li></ul></main></body></html>`;
    expect(summary(html, 'https://wielicki.example/o-mnie/')).toMatchObject({
      kind: 'person',
      people: [{ name: 'Tomasz Wielicki', links: ['https://www.linkedin.com/in/splatch'] }],
    });
  });

  it('keeps its owner over sidebar widgets that read like cards, and takes their links', () => {
    const widget = (title: string, href: string, label: string) =>
      `<section><h1>${title}</h1><ul><li class="loading">Status updating...</li></ul><a href="${href}">${label}</a></section>`;
    const html = `<html><head><title>Sobre Mim - Ana Luísa Prado</title></head><body>
      <header><hgroup><h1><a href="/">Ana Luísa Prado</a></h1><h2>Site pessoal</h2></hgroup></header>
      <div id="main"><article><header><h1>Sobre Mim</h1></header><p>Desenvolvedora desde 1998.</p></article>
      <aside class="sidebar">${widget('GitHub Repos', 'https://github.com/anaprado', '@anaprado on GitHub')}${widget('Latest Tweets', 'https://twitter.com/anaprado', 'Follow @anaprado')}</aside></div>
      </body></html>`;
    const out = summary(html, 'http://anaprado.example.com/sobre-mim');
    expect(out.kind).toBe('person');
    expect(out.people).toHaveLength(1);
    expect(out.people[0]).toMatchObject({ name: 'Ana Luísa Prado' });
    expect(out.people[0]?.links).toEqual(
      expect.arrayContaining(['https://github.com/anaprado', 'https://x.com/anaprado']),
    );
  });
});

describe('article authors described only by their bio sentence', () => {
  const post = (bio: string, meta = '') => `<html><head><title>What is Zig? - Devs Daily Blog</title>
    <meta property="og:type" content="article"><meta property="article:published_time" content="2020-01-20T07:39:00-05:00">
    <meta property="og:site_name" content="Devs Daily Blog"></head><body>
    <article class="post"><h1>What is Zig?</h1><div class="meta"><span class="author-name">by <a href="/authors/mk/">Mara Keller</a></span></div>
    <p>${'Zig is a language. '.repeat(40)}</p></article>
    <div class="m-author"><div class="m-author__name">Mara Keller</div><div class="m-author__title"></div>
    <div class="m-author__description">${bio}</div>
    <div class="m-author__meta"><a href="/authors/mk/">Author Archives</a><a href="https://twitter.com/marakeller">Twitter</a><a href="https://github.com/mkeller">Github</a></div>${meta}</div>
    <div class="related"><div class="card"><span class="author-name">by Tom Brandt</span></div></div></body></html>`;
  const url = 'https://devsdaily.example/2020/01/20/what-is-zig/';

  it('reads "is the co-founder of Company" as the author\'s role and employer; the publisher is no company', () => {
    const out = summary(
      post('Mara is the co-founder of Forge Nine, the first Zig consultancy. She also writes books.'),
      url,
    );
    expect(out).toEqual({
      kind: 'person',
      people: [
        {
          name: 'Mara Keller',
          title: 'co-founder',
          company: 'Forge Nine',
          links: ['https://x.com/marakeller', 'https://github.com/mkeller'],
        },
      ],
      company: null,
    });
  });

  it('keeps a staff writer of the publisher, or a role whose "of" names a field, as no prospect', () => {
    expect(summary(post('Mara is the editor of the Devs Daily Blog.'), url).kind).toBe('other');
    expect(summary(post('Mara is a professor of Computer Science.'), url).kind).toBe('other');
  });
});

describe("pages named for several people are no one person's home page", () => {
  it('does not take the first name heading of a speakers page as its person', () => {
    const html = `<html><head><title>Speakers - Doctoral Day 2026</title></head><body><main>
      <h1>Intervenants</h1><div class="grid"><a href="/speakers/jd/"><h1>Didier Lamarre</h1></a></div></main></body></html>`;
    const out = summary(html, 'https://doctoral-day.example/speakers/');
    expect(out.kind).not.toBe('person');
    expect(out.people.map((p) => p.name)).not.toEqual(['Didier Lamarre']);
  });
});

describe('academic home pages: a role block of lines under the name', () => {
  it('takes the first line as the title and the university of the next lines as the employer', () => {
    const html = `<html><head><title>Clara Verdi</title></head><body><table><tr><td>menu</td><td>
      <div id="toptitle"><h1>Clara Verdi</h1></div>
      <table class="imgtable"><tr><td><img src="me.jpg" alt="Profile picture"></td><td><p>AI researcher,<br>
      <a href="https://lab.example">Reasoning Lab</a>, <a href="https://mila.example">Mila</a>,<br>
      <a href="https://cs.example.edu">School of Computer Science, Northfield University</a>,<br>
      E-mail: clara.verdi@mail.northfield.example<br></p></td></tr></table>
      <h2>About me</h2><p>I am a Postdoctoral researcher at Northfield University.</p></td></tr></table></body></html>`;
    expect(summary(html, 'https://claraverdi.example.io/')).toMatchObject({
      kind: 'person',
      people: [{ name: 'Clara Verdi', title: 'AI researcher', company: 'Northfield University' }],
    });
  });
});

describe('the page kind of a legal notice naming one person in its structured data', () => {
  it('stays the company page, not a list of one', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      name: 'Erste Hilfe Nordheim',
      url: 'https://www.erstehilfe-nordheim.example/',
      founder: { '@type': 'Person', name: 'Ruben Kastner' },
    });
    const html = `<html><head><title>Impressum | Erste Hilfe Nordheim</title><script type="application/ld+json">${ld}</script></head>
      <body><main><h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Kastner Paramedic e.K.<br>Inhaber: Ruben Kastner<br>Hafenstraße 3<br>40213 Düsseldorf</p></main></body></html>`;
    expect(summary(html, 'https://www.erstehilfe-nordheim.example/impressum/').kind).toBe('company');
  });

  it('stays the company page when the board that represents the association reads as a list', () => {
    const reading = (url: string) => ({
      url,
      pageKind: 'people-list',
      people: ['Robert Gerber', 'Philipp Pfister'].map((fullName) => ({
        fullName,
        emails: [],
        phones: [],
        links: [],
        sources: { fullName: 'people-list' },
      })),
      company: { name: 'Jugendhaus e.V.', emails: [], phones: [], links: [], sources: { name: 'page' } },
      hints: { countries: [] },
    });
    const notice = finalize(reading('https://jugendhaus.example/impressum.html'));
    expect(notice).toMatchObject({ pageKind: 'company', people: [{ fullName: 'Robert Gerber' }, {}] });
    expect(finalize(reading('https://jugendhaus.example/vorstand/')).pageKind).toBe('people-list');
  });
});

describe("a home page's person is never a voice it quotes", () => {
  it('skips the name heading of a testimonial', () => {
    const html = `<html><head><title>Willkommen</title></head><body><h1>Willkommen!</h1>
      <div class="testimonial-slider"><div class="testimonial"><h3>Sabine Vogt</h3><p>„Tolle Beratung, Makler mit Herz.“</p></div></div>
      </body></html>`;
    const out = summary(html, 'https://immobilien-nord.example/');
    expect(out.people.map((p) => p.name)).not.toContain('Sabine Vogt');
  });
});

describe('a bio sentence is no title', () => {
  it('abstains on a line under the name that is a first-person sentence', () => {
    const html = `<html><head><title>Lena Fischer</title></head><body><h1>Lena Fischer</h1>
      <p>I help founders as a consultant for growing teams.</p><p>Mail: <a href="mailto:lena@lenafischer.example">lena@lenafischer.example</a></p></body></html>`;
    const out = summary(html, 'https://lenafischer.example/');
    expect(out.people).toMatchObject([{ name: 'Lena Fischer' }]);
    expect(out.people[0]?.title).toBeUndefined();
  });

  it('keeps a role line under the name', () => {
    const html = `<html><head><title>Lena Fischer</title></head><body><h1>Lena Fischer</h1>
      <p>Organisational consultant</p></body></html>`;
    expect(summary(html, 'https://lenafischer.example/').people[0]?.title).toBe('Organisational consultant');
  });
});

describe("other people's profile links on a person's page", () => {
  it("drops a co-author link written as their name that their address spells, keeps the owner's", () => {
    const html = `<html><head><title>Jon Carter</title></head><body><h1>Jon Carter</h1><p>Research scientist</p>
      <p><a href="https://www.linkedin.com/in/jon-carter-1">LinkedIn Profile</a></p>
      <h2>Papers</h2><p>Jon Carter, <a href="https://github.com/srinikaza">Srini Kaza</a>, A paper, 2024.</p></body></html>`;
    const links = summary(html, 'https://joncarter.example/').people[0]?.links ?? [];
    expect(links).toContain('https://www.linkedin.com/in/jon-carter-1');
    expect(links).not.toContain('https://github.com/srinikaza');
  });
});

describe("a speaker's page on an event's site", () => {
  it('reads the first affiliation of the role line; the event is not their company', () => {
    const html = `<html><head><title>Chris Morel - Café Ops Lyon</title><meta property="og:site_name" content="Café Ops Lyon"></head><body>
      <header><a class="logo" href="/">Café Ops Lyon</a></header><main><h1>Chris Morel</h1>
      <p>Consultant chez SmartLens (conseil et formation) &amp; SmartCode (projets Agile)</p></main>
      <footer>© 2025 Café Ops Lyon</footer></body></html>`;
    expect(summary(html, 'https://cafeops.example/speakers/chris-morel/')).toMatchObject({
      kind: 'person',
      people: [{ name: 'Chris Morel', title: 'Consultant', company: 'SmartLens' }],
      company: null,
    });
  });
});

describe('an article on a publishing platform', () => {
  it("keeps its commenters out of a people list and the platform out of the author's company", () => {
    const comment = (name: string, slug: string) =>
      `<li class="comment"><a href="https://www.linkedin.com/in/${slug}"><img class="comment__actor-image" src="/a.jpg" alt=""></a><a class="comment__actor-name" href="https://www.linkedin.com/in/${slug}">${name}</a><p class="comment__headline">Senior Manager at Acme</p><p>Great post!</p></li>`;
    const html = `<html><head><title>What set your soul on fire | LinkedIn</title><meta property="og:site_name" content="LinkedIn"></head><body>
      <article><h1>What set your soul on fire</h1><div class="author"><a href="https://www.linkedin.com/in/ellyn-shore-1b51127">Ellyn Shore</a></div>
      <p>${'Text of the article. '.repeat(30)}</p></article>
      <section class="comments"><ul class="comments__list">${comment('Zoe Kirby', 'zoekirby')}${comment('Nancy Vale', 'nancy-vale-42')}${comment('Debra Wells', 'debra-wells-47')}</ul></section></body></html>`;
    const out = summary(html, 'https://www.linkedin.com/pulse/what-set-your-soul-fire-ellyn-shore');
    expect(out.kind).not.toBe('people-list');
    expect(out.people.map((p) => p.name)).not.toContain('Zoe Kirby');
    expect(out.people.every((p) => p.company !== 'LinkedIn')).toBe(true);
  });
});

describe("a professional's own site named with their name and profession", () => {
  it('keeps a name whose last word is also a role word ("Jane Head") whole', () => {
    const html = `<html><head><title>About me | Jane Head</title></head><body>
      <main><h1>Jane Head</h1><p>I write about gardens.</p></main></body></html>`;
    expect(summary(html, 'https://janehead.example/about-me/').people).toMatchObject([{ name: 'Jane Head' }]);
  });

  it("makes a company page of a one-person business its owner's: the name, the profession, the site's contacts", () => {
    const reading = (name: string) => ({
      url: 'https://www.example.com.br/',
      pageKind: 'company',
      people: [],
      company: {
        name,
        emails: ['contato@example.com.br'],
        phones: [],
        links: ['https://www.instagram.com/nutri.example', 'https://www.linkedin.com/company/example'],
        sources: { name: 'title', emails: 'contact', links: 'contact' },
      },
      hints: { countries: [] },
    });
    const expected = finalize(reading('Thaís Basso Nutricionista'));
    expect(expected).toMatchObject({
      pageKind: 'person',
      company: null,
      people: [
        {
          fullName: 'Thaís Basso',
          title: 'Nutricionista',
          emails: ['contato@example.com.br'],
          links: ['https://www.instagram.com/nutri.example'],
        },
      ],
    });
    // A group's position, a name with no given name the data knows, a field rather than a profession: a company.
    for (const name of ['Jane Doe Partner', 'Krause Immobilien Maklerin', 'Anna Kowalska Fotografia'])
      expect(finalize(reading(name)).pageKind).toBe('company');
  });
});

describe("one professional's site, named after them (./own-site)", () => {
  const reading = (url: string, name: string, title: string, emails: string[] = []) => ({
    url,
    pageKind: 'company',
    people: [],
    company: { name, emails, phones: ['+30 210 300 0000'], links: [], sources: { name: 'title', emails: 'contact' } },
    hints: { countries: ['GR'], title },
  });

  it('gives the page to the owner the host spells, with the profession the title writes after the name', () => {
    const out = finalize(
      reading(
        'https://pappas-paidiatros.example/epikoinonia/',
        'Νίκος Παππάς',
        'Επικοινωνία | Νίκος Παππάς, Παιδίατρος',
      ),
    );
    expect(out).toMatchObject({
      pageKind: 'person',
      company: null,
      people: [{ fullName: 'Νίκος Παππάς', title: 'Παιδίατρος', phones: ['+302103000000'] }],
    });
  });

  it("takes a name the site's mailbox spells, with a given name the data knows", () => {
    const out = finalize(
      reading('https://elenaroe.example/contact/', 'elenaroe', 'Elena Roe - Contact', ['elenaroe@gmail.com']),
    );
    expect(out.people).toMatchObject([{ fullName: 'Elena Roe', emails: ['elenaroe@gmail.com'] }]);
  });

  it('takes a name the data lacks when a free-mail mailbox is written as its words, not a business mailbox', () => {
    const site = (emails: string[]) =>
      finalize(
        reading(
          'https://www.zorvana.plith.example/despre-mine/',
          'Zorvana Plith',
          'Despre mine – Zorvana Plith',
          emails,
        ),
      );
    expect(site(['zorvana.plith@gmail.com'])).toMatchObject({
      pageKind: 'person',
      people: [{ fullName: 'Zorvana Plith' }],
    });
    expect(site(['zorvana.plith@plith.example']).pageKind).toBe('company');
    // A business's free-mail mailbox writes its kind with the name: its parts are not the name's words.
    const garage = finalize(
      reading('https://garageplith.example/contact/', 'Garage Z.Plith', 'Garage Z.Plith', [
        'garage_z.plith@hotmail.com',
      ]),
    );
    expect(garage.pageKind).toBe('company');
  });

  it('takes a practice named with a form of address for its owner\'s, but not a bank named "ING"', () => {
    const out = finalize(reading('https://consultorio.example/', 'Dr. Ana Lima', 'Dr. Ana Lima'));
    expect(out).toMatchObject({ pageKind: 'person', people: [{ fullName: 'Ana Lima' }] });
    expect(finalize(reading('https://bank.example/', 'ING Direct Spain', 'ING Direct Spain')).pageKind).toBe('company');
    // Czech and Slovak degrees are written before the name as forms of address: a surgeon's "MUDr.".
    const surgeon = finalize(reading('https://kapucko.example/kontakt/', 'MUDr', 'Kontakt — MUDr. Filip Čaniga'));
    expect(surgeon).toMatchObject({ pageKind: 'person', people: [{ fullName: 'Filip Čaniga' }] });
  });

  it("keeps a brand whose host spells it, and a name written after the kind of organisation, a company's", () => {
    expect(finalize(reading('https://bulbautomacoes.example/', 'Bulb Automações', 'Bulb Automações')).pageKind).toBe(
      'company',
    );
    expect(finalize(reading('https://tendercollege.example/', 'Tender College', 'Tender College')).pageKind).toBe(
      'company',
    );
    const described = reading(
      'https://primitivacomplutum.example/',
      'Primitiva Complutum',
      'Contacto - Primitiva Complutum',
    );
    (described.company as Record<string, unknown>).description = 'Asociación proyecto Primitiva Complutum en San Juan';
    expect(finalize(described).pageKind).toBe('company');
  });

  it("names a profile page's person by the site's owner when the page named them by their role", () => {
    const out = finalize({
      url: 'https://pappas-paidiatros.example/o-iatros/',
      pageKind: 'person',
      people: [{ fullName: 'Ο Ιατρός', emails: [], phones: [], links: [], sources: { fullName: 'meta' } }],
      company: { name: 'Νίκος Παππάς', emails: ['info@pappas-paidiatros.example'], phones: [], links: [], sources: {} },
      hints: { countries: [], title: 'Ο Ιατρός | Νίκος Παππάς, Παιδίατρος' },
    });
    expect(out).toMatchObject({
      pageKind: 'person',
      company: null,
      people: [{ fullName: 'Νίκος Παππάς', title: 'Παιδίατρος' }],
    });
  });

  it("reads a practice's office cards that share their first word as no one's, their numbers the page's", () => {
    const office = (fullName: string, phone: string) => ({
      fullName,
      emails: [],
      phones: [phone],
      links: [],
      sources: { fullName: 'people-list' },
      kin: 'DIV.offices>DIV.card',
    });
    const out = finalize({
      url: 'https://pappas-paidiatros.example/epikoinonia/',
      pageKind: 'people-list',
      people: [office('Ιατρείο Ζωγράφου', '+302103000001'), office('Ιατρείο Κηφισιάς', '+302103000002')],
      company: { name: 'Νίκος Παππάς, Παιδίατρος', emails: [], phones: [], links: [], sources: { name: 'logo' } },
      hints: { countries: [], title: 'Επικοινωνία | Νίκος Παππάς, Παιδίατρος' },
    });
    expect(out).toMatchObject({
      pageKind: 'person',
      people: [{ fullName: 'Νίκος Παππάς', phones: ['+302103000001', '+302103000002'] }],
    });
  });
});

describe('a role line with a numbered section marker', () => {
  it('drops the marker a CV joins to the role, keeps a rank written with a full stop', () => {
    const reading = (title: string) => ({
      url: 'https://novak.example/',
      pageKind: 'person',
      people: [
        {
          fullName: 'Adam Novak',
          title,
          emails: [],
          phones: [],
          links: [],
          sources: { fullName: 'json-ld', title: 'json-ld' },
        },
      ],
      company: null,
      hints: { countries: [] },
    });
    expect(finalize(reading('02 — Digital Graphic Designer')).people[0]?.title).toBe('Digital Graphic Designer');
    expect(finalize(reading('1. Vorsitzender')).people[0]?.title).toBe('1. Vorsitzender');
  });
});

describe('the page presents its person: the title, the introduction, the logo', () => {
  it('reads the name out of a personal site\'s title ("Jane Smithson\'s Homepage")', () => {
    const html = `<html><head><title>Jane Smithson's Homepage</title></head><body>
      <main><h1>About</h1><p>My research is on programming languages.</p></main></body></html>`;
    expect(summary(html, 'https://jsmithson.example.io/').people).toMatchObject([{ name: 'Jane Smithson' }]);
  });

  it('reads the introduction after an "About" heading, with its role and employer after an article', () => {
    const html = `<html><head><title>About – Notes from the field</title></head><body>
      <header><a href="/">Notes from the field</a></header>
      <article><h1>About</h1><p>I am Peter Olsen, a data scientist at Novo Nordisk. I write about statistics.</p></article></body></html>`;
    expect(summary(html, 'https://notes.example.net/about/')).toMatchObject({
      kind: 'person',
      people: [{ name: 'Peter Olsen', title: 'data scientist', company: 'Novo Nordisk' }],
    });
  });

  it("takes the employer after an elided article (presso l'Università) and a role alone up to a place", () => {
    const italian = `<html><head><title>Chi sono | Marco Rossi</title></head><body><h1>Chi sono</h1>
      <p>Sono Marco Rossi, ricercatore presso l'Università di Bologna. Mi occupo di economia.</p></body></html>`;
    expect(summary(italian, 'https://www.marcorossi.example/chi-sono/').people).toMatchObject([
      { name: 'Marco Rossi', title: 'ricercatore', company: 'Università di Bologna' },
    ]);
    const de = `<html><head><title>Über mich</title></head><body><h1>Über mich</h1>
      <p>Ich bin Lena Berger, Beraterin aus Hamburg. Seit 2010 begleite ich Familien.</p></body></html>`;
    expect(summary(de, 'https://lena-berger.example/ueber-mich/').people).toMatchObject([
      { name: 'Lena Berger', title: 'Beraterin' },
    ]);
  });

  it('names the owner of an "about me" page by its logo and copyright line agreeing', () => {
    const html = `<html><head><title>Sobre mí</title></head><body>
      <header><a class="logo" href="/">Sofía García</a></header><h1>Sobre mí</h1>
      <p>Trabajo con adultos y adolescentes desde 2012.</p>
      <footer>© 2024 Sofía García. Todos los derechos reservados.</footer></body></html>`;
    expect(summary(html, 'https://sg-psicologia.example/sobre-mi/')).toMatchObject({
      kind: 'person',
      people: [{ name: 'Sofía García' }],
    });
  });

  it("gives a user directory's page (/~jdoe/) its profile links: the page is its owner's own", () => {
    const html = `<html><head><title>Jane Smithson</title></head><body><h1>Jane Smithson</h1>
      <p>Associate Professor<br>Department of Physics<br>University of Oslo</p>
      <p><a href="https://github.com/jsmithson">GitHub</a></p></body></html>`;
    expect(summary(html, 'https://www.uni.example/~jsmithson/').people).toMatchObject([
      { name: 'Jane Smithson', links: ['https://github.com/jsmithson'] },
    ]);
  });
});

describe("a person's academic and developer profiles", () => {
  it('gives the owner of a personal site their Scholar, ORCID and Stack Overflow profiles, one per site', () => {
    const html = `<html><head><title>Mark Jensen</title></head><body><h1>Mark Jensen</h1>
      <p>Software engineer. <a href="https://github.com/mjensen">GitHub</a>
      <a href="https://scholar.google.com/citations?user=abcdEFG">Scholar</a>
      <a href="https://orcid.org/0000-0002-1825-0097">ORCID</a>
      <a href="https://stackoverflow.com/users/12345/mark-jensen">Stack Overflow</a></p>
      <p>Cited: <a href="https://scholar.google.com/citations?user=zzzz">a co-author</a></p></body></html>`;
    expect(summary(html, 'https://markjensen.example/').people).toMatchObject([
      {
        name: 'Mark Jensen',
        links: [
          'https://github.com/mjensen',
          'https://scholar.google.com/citations?user=abcdEFG',
          'https://orcid.org/0000-0002-1825-0097',
          'https://stackoverflow.com/users/12345/mark-jensen',
        ],
      },
    ]);
  });
});
describe("a personal blog's post", () => {
  it("is no page of the blog's owner where its address is dated, even with no og:type", () => {
    const html = `<html><head><title>My trip to Japan | Jane Roe</title></head><body>
      <header><a href="/">Jane Roe</a></header><article><h1>My trip to Japan</h1><p>May 1, 2023</p>
      <p>Last month I went to Japan with John Smith.</p></article><footer>© 2023 Jane Roe</footer></body></html>`;
    expect(summary(html, 'https://janeroe.example/2023/05/my-trip/')).toMatchObject({ kind: 'other', people: [] });
  });

  it("is no page of the site's owner on its blog or news index, where nothing but their name is read", () => {
    const blog = (url: string, title?: string) =>
      finalize({
        url,
        pageKind: 'person',
        people: [
          {
            fullName: 'Jane Roe',
            emails: [],
            phones: [],
            links: [],
            ...(title ? { title } : {}),
            sources: { fullName: 'title' },
          },
        ],
        company: null,
        hints: { countries: [], title: 'Blog | Jane Roe' },
      });
    expect(blog('https://janeroe.example/blog.html')).toMatchObject({ pageKind: 'other', people: [] });
    expect(blog('https://janeroe.example/blog/jane-roe/', 'Photographer').pageKind).toBe('person');
  });
});
