import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { findPeopleCards } from '@/lib/extract/page/people-list';

const page = (body: string) => parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document;
// Cards the reader keeps by itself; weak ones (names only) are judged by finalize, see extract() below.
const cardsOf = (body: string) =>
  findPeopleCards(page(body), 'https://x.io/')
    .filter((c) => !c.weak)
    .map((c) => `${c.person.fullName} | ${c.person.title ?? ''}`);
const peopleOf = (body: string) => extract(page(body), 'https://x.io/').people.map((p) => p.fullName);

describe('findPeopleCards', () => {
  it('reads repeated cards with a name and a role, role before or after the name', () => {
    const actual = cardsOf(`<ul>
      <li class="member"><img src="/a.jpg"><h3>Jane <b>Doe</b></h3><p>Chief Executive Officer</p></li>
      <li class="member"><img src="/b.jpg"><p class="role">Head of Sales</p><h3>Omar Haddad</h3></li>
    </ul>`);

    expect(actual).toEqual(['Jane Doe | Chief Executive Officer', 'Omar Haddad | Head of Sales']);
  });

  it('reads a board written "Role: Name" in accordion headers, and no one for an office left empty', () => {
    const actual = cardsOf(`<div class="board">
      <div class="pair"><button class="card"><h3>Kassier: Thomas Schäfer</h3></button><div><p>Lorem ipsum dolor sit amet.</p></div></div>
      <div class="pair"><button class="card"><h3>Obmann Stellvertreter: Christian Lemberger</h3></button><div><p>Lorem ipsum.</p></div></div>
      <div class="pair"><button class="card"><h3>Schriftführer: Gabriela Christian</h3></button><div><p>Lorem ipsum.</p></div></div>
      <div class="pair"><button class="card"><h3>Kontrolle Stellvertreter:</h3></button><div><p>Lorem ipsum.</p></div></div>
    </div>`);

    expect(actual).toEqual([
      'Thomas Schäfer | Kassier',
      'Christian Lemberger | Obmann Stellvertreter',
      'Gabriela Christian | Schriftführer',
    ]);
  });

  it('reads a board written as list items "Office: Name." and leaves items labelling a field alone', () => {
    const board = extract(
      page(`<h2>Consejo de Vigilancia</h2><ol>
        <li>Presidente: Lcdo. Benito Montilla.</li>
        <li>Vicepresidente: Lcda. Adriana Torres.</li>
        <li>Secretario: Ing. Édgar Sánchez.</li>
      </ol>`),
      'https://x.io/',
    ).people.map((p) => `${p.fullName} | ${p.title ?? ''}`);
    const fields = peopleOf(
      `<ul><li>Nume: Rain Petru</li><li>Adresa: Strada Mare</li><li>Program: Luni Vineri</li></ul>`,
    );

    expect(board).toEqual([
      'Benito Montilla | Presidente',
      'Adriana Torres | Vicepresidente',
      'Édgar Sánchez | Secretario',
    ]);
    expect(fields).toEqual([]);
  });

  it('reads a list written "Family, Given" in the natural order, and "Name, Employer" lines as written', () => {
    const item = (n: number, name: string) =>
      `<div class="post-${n} project hentry"><h2 class="header"><a href="/p/${n}/">${name}</a></h2></div>`;
    const family = extract(
      page(
        `<div class="portfolio">${['Álvarez Vidal, Sergi', 'Castellón Masalles, Irene', 'Coll-Florit, Marta', 'Morales Moreno, Albert'].map((n, i) => item(i + 10, n)).join('')}</div>`,
      ),
      'https://x.io/equip/',
    ).people.map((p) => `${p.fullName} | ${p.title ?? ''}`);
    const employers = extract(
      page(
        `<ul>${['Jane Doe, Google', 'Omar Haddad, Mozilla', 'Maria Rossi, Karumi'].map((n) => `<li class="speaker"><h3>${n}</h3></li>`).join('')}</ul>`,
      ),
      'https://x.io/speakers/',
    ).people.map((p) => p.fullName);

    expect(family).toEqual([
      'Sergi Álvarez Vidal | ',
      'Irene Castellón Masalles | ',
      'Marta Coll-Florit | ',
      'Albert Morales Moreno | ',
    ]);
    expect(employers).toEqual(['Jane Doe', 'Omar Haddad', 'Maria Rossi']);
  });

  it('ignores testimonials without telltale classes (a quoted sentence gives them away)', () => {
    const actual = cardsOf(`<div class="grid">
      <div class="card"><img src="/a.jpg"><p>“This product changed how our team works every day.”</p><h4>Jane Doe</h4><span>CEO, Acme</span></div>
      <div class="card"><img src="/b.jpg"><p>"Setup took minutes and support was brilliant."</p><h4>Tom Lee</h4><span>CTO, Beta</span></div>
    </div>`);

    expect(actual).toEqual([]);
  });

  it('ignores pricing and feature cards, navigation and logo walls', () => {
    const actual = cardsOf(`
      <div class="plans"><div class="plan"><h3>Pro Plan</h3><p>For growing teams</p></div><div class="plan"><h3>Team Plan</h3><p>For larger teams</p></div></div>
      <div class="features"><div class="feature"><img src="/i.svg"><h3>Fast Sync</h3><p>Keep everything in sync</p></div><div class="feature"><img src="/j.svg"><h3>Smart Search</h3><p>Find anything</p></div></div>
      <nav><ul><li><a href="/a">About Us</a><span>Who we are</span></li><li><a href="/c">Contact Us</a><span>Say hello</span></li></ul></nav>
      <div class="logos"><div class="logo"><img src="/l1.svg" alt="Jane Corp"></div><div class="logo"><img src="/l2.svg" alt="Doe Industries"></div></div>`);

    expect(actual).toEqual([]);
  });

  it('judges cards found by structure alone by their names (pricing plans are not people)', () => {
    const plans = `<div class="plans"><div class="plan"><h3>Pro Plan</h3><p>For growing teams</p></div><div class="plan"><h3>Team Plan</h3><p>For larger teams</p></div><div class="plan"><h3>Rich Text</h3><p>Write</p></div></div>`;
    const people = `<div class="row"><div class="col"><h3>Maria Gomez</h3><p>Organizadora</p></div><div class="col"><h3>Luis Ortega</h3><p>Voluntario</p></div></div>`;

    expect(peopleOf(plans)).toEqual([]);
    expect(peopleOf(people)).toEqual(['Maria Gomez', 'Luis Ortega']);
  });
});

describe('people lists without cards of their own (issue 17)', () => {
  const read = (body: string) =>
    extract(page(body), 'https://lab.example.org/people').people.map((p) =>
      [p.fullName, p.title ?? '', p.links.join(' ')].join(' | ').replace(/( \| )+$/, ''),
    );

  it('reads a record broken into lines by <br> (MkDocs lists): name, role, links', () => {
    const actual = read(`<ul>
      <li><p><strong>Roberto Paredes</strong><br><em>Catedrático de Universidad</em><br><a href="https://www.linkedin.com/in/rparedes/">LinkedIn</a></p></li>
      <li><p><strong>Alberto Albiol</strong><br><em>Profesor Titular</em><br><a href="https://www.linkedin.com/in/aalbiol/">LinkedIn</a></p></li>
    </ul>`);

    expect(actual).toEqual([
      'Roberto Paredes | Catedrático de Universidad | https://www.linkedin.com/in/rparedes',
      'Alberto Albiol | Profesor Titular | https://www.linkedin.com/in/aalbiol',
    ]);
  });

  it('reads a board: a role heading over a plain name, and several names under one heading', () => {
    const actual = read(`<section><h2>Vorstand</h2>
      <div><h3>Präsident</h3><p>Norbert Roth</p></div>
      <div><h3>Kassiererin</h3><p>Selina Jäger</p></div>
      <div><h3>Beisitzer</h3><p>Stefan Spandler <br>Daniel Otto <br>Martina Weber <br></p></div>
    </section>`);

    expect(actual).toEqual([
      'Norbert Roth | Präsident',
      'Selina Jäger | Kassiererin',
      'Stefan Spandler | Beisitzer',
      'Daniel Otto | Beisitzer',
      'Martina Weber | Beisitzer',
    ]);
  });

  it("takes a board member's office in brackets after the name for the title, the line below for the employer", () => {
    const actual = extract(
      page(`<section><h1>Bestyrelse</h1>
      <div class="col"><p><strong>Sune Berthelsen</strong> (formand)</p><p>Lektor ved Nærum Gymnasium</p></div>
      <div class="col"><p><strong>Kristoffer Hvidberg</strong> (sekretær)</p><p>Stud.mag</p></div>
      <div class="col"><p><strong>Ditlev Tamm</strong></p><p>Professor ved Københavns Universitet</p></div>
      <div class="col"><p><strong>Jane Roe</strong> (PhD)</p><p>Lektor ved Aalborghus Gymnasium</p></div>
    </section>`),
      'https://society.example.org/bestyrelse/',
    ).people.map((p) => [p.fullName, p.title ?? '', p.companyName ?? ''].join(' | '));

    expect(actual).toEqual([
      'Sune Berthelsen | formand | Nærum Gymnasium',
      'Kristoffer Hvidberg | sekretær | ',
      'Ditlev Tamm | Professor | Københavns Universitet',
      'Jane Roe | Lektor | Aalborghus Gymnasium',
    ]);
  });

  it('reads names led by their link, line by line, and not the people named in passing (jemdoc)', () => {
    const actual = read(`<div id="layout-content"><h3>PhD students</h3>
      <p><a href="https://janedoe.github.io/">Jane Doe</a> (co-advised with <a href="/x">Marc Moonen</a>)<br>
      <a href="https://peterlang.dev/">Peter Lang</a><br>Maria Rossi<br></p>
      <h3>Postdocs</h3>
      <p><a href="https://scholar.google.com/citations?user=abc">Paul Zimmer</a>, Associate Professor, Kyushu University<br>
      <a href="https://www.linkedin.com/in/annabell/">Anna Bell</a>, Lecturer<br></p></div>`);

    expect(actual).toEqual([
      'Jane Doe |  | https://janedoe.github.io',
      'Peter Lang |  | https://peterlang.dev',
      'Maria Rossi',
      'Paul Zimmer | Associate Professor | https://scholar.google.com/citations?user=abc',
      'Anna Bell | Lecturer | https://www.linkedin.com/in/annabell',
    ]);
  });

  it("takes an institution after a listed name or role as the person's own employer", () => {
    const people = extract(
      page(`<div id="content"><ul>
        <li><strong>Alan Nilo da Costa</strong>, Universidade Federal de Uberlândia</li>
        <li><strong>Diego Resende</strong>, Universidade Estadual de Londrina</li>
        <li><strong>Paul Zimmer</strong>, Associate Professor, Kyushu University</li>
      </ul></div>`),
      'https://lab.example.org/people',
    ).people;

    expect(people.map((p) => [p.fullName, p.title ?? '', p.companyName ?? ''].join(' | '))).toEqual([
      'Alan Nilo da Costa |  | Universidade Federal de Uberlândia',
      'Diego Resende |  | Universidade Estadual de Londrina',
      'Paul Zimmer | Associate Professor | Kyushu University',
    ]);
  });

  it('reads a birth name after the name as part of no role ("Martin Raden, née Mann")', () => {
    const card = (name: string, role: string) =>
      `<div class="team-panel"><img src="/${name.length}.png" alt="Avatar"><div class="name-title">${name}</div><div class="role-title">${role}</div></div>`;
    const actual = read(
      `<div class="team"><div class="wrapper">${card('Martin Raden, née Mann', 'Researcher')}${card('Dilmurat Yusuf', 'Researcher')}</div></div>`,
    );

    expect(actual).toEqual(['Martin Raden | Researcher', 'Dilmurat Yusuf | Researcher']);
  });

  it('reads "Role@Company" without spaces as a role line, not as an address', () => {
    const card = (name: string, role: string) =>
      `<article class="blog-post"><img src="/${name.length}.webp" alt="blog-images"><div class="blog-content"><h3>${name}</h3><p>${role}</p></div><div class="blog-tip">eng</div></article>`;
    const actual = read(
      `<div class="row">${card('Matthias Geisler', 'Software Engineer@LichtBlick SE')}${card('Massimo Petrogalli', 'Android Engineer @ Conio')}</div>`,
    );

    expect(actual).toEqual(['Matthias Geisler | Software Engineer', 'Massimo Petrogalli | Android Engineer']);
  });

  it('drops the degrees written before a listed role', () => {
    const card = (name: string, role: string) =>
      `<div class="team-panel"><img src="/${name.length}.png" alt="Avatar"><div class="name-title">${name}</div><div class="role-title">${role}</div></div>`;
    const actual = read(
      `<div class="team"><div class="wrapper">${card('Rolf Backofen', 'Prof. Dr., Head of the Group')}${card('Martin Raden', 'Dr. rer. nat., Researcher')}${card('Alex Mitrofanof', 'M.Sc. Inf. &amp; M.Sc. Appl. Math., Researcher')}</div></div>`,
    );

    expect(actual).toEqual([
      'Rolf Backofen | Head of the Group',
      'Martin Raden | Researcher',
      'Alex Mitrofanof | Researcher',
    ]);
  });

  it('drops forms of address and finds the name after a role heading and in a prefixed photo alt', () => {
    const sphinx = read(`<div class="row">
      <div class="card"><p><strong>Project Manager</strong></p><img src="/a.jpg" alt="a.jpg"><p><a href="https://people.example.org/gp">Dr. Giovanni Pizzi</a></p></div>
      <div class="card"><p><strong>Team Member</strong></p><img src="/b.jpg" alt="b.jpg"><p><a href="https://people.example.org/tb">Taylor Baird</a></p></div>
    </div>`);
    const speakers = read(`<div class="grid">
      <article><img src="/e.jpg" alt="Photo Elena Tosi"><div><header>Elena Tosi</header><header class="title">Designer</header></div></article>
      <article><img src="/y.jpg" alt="Photo Yaprak Hamarat"><div><header>Yaprak Hamarat</header><header class="title">Researcher</header></div></article>
    </div>`);

    // The off-site link each name is written in is the person's own page.
    expect(sphinx).toEqual([
      'Giovanni Pizzi | Project Manager | https://people.example.org/gp',
      'Taylor Baird | Team Member | https://people.example.org/tb',
    ]);
    expect(speakers).toEqual(['Elena Tosi | Designer', 'Yaprak Hamarat | Researcher']);
  });

  it("reads a responsive board's office written twice (for phones, then beside the name) once, over its holder", () => {
    const section = (office: string, name: string, photo: string) => `<section class="feature-ltr"><div class="row">
      <div class="col-1"><h2>${office}</h2></div><div class="col-5"><img src="/${photo}.jpg"></div>
      <div class="col-6"><h2>${office}</h2><div class="intro">${name}</div><div class="text">Lorem ipsum dolor sit amet.</div></div>
    </div></section>`;
    const actual = read(
      `<section>${section('Kassiererin', 'Emma Linnea Wiström', 'e')}${section('Nestleder', 'Helene Sæthre Aune', 'h')}${section('Schriftführer', 'Anders Søberg', 'a')}</section>`,
    );

    expect(actual).toEqual([
      'Emma Linnea Wiström | Kassiererin',
      'Helene Sæthre Aune | Nestleder',
      'Anders Søberg | Schriftführer',
    ]);
  });

  it('drops a dotted form of address run into the next ("Prof.dr.") and the Spanish "Lcdo."/"Lcda."', () => {
    const actual = read(`<ul class="committee">
      <li><img src="/a.jpg"><h3>Prof.dr. Martin Bilek</h3><p>Chair</p></li>
      <li><img src="/b.jpg"><h3>Lcda. Clelia Hernández</h3><p>Secretaria</p></li>
      <li><img src="/c.jpg"><h3>Lcdo. Milton Estevez</h3><p>Tesorero</p></li>
    </ul>`);

    expect(actual.map((p) => p.split(' | ')[0])).toEqual(['Martin Bilek', 'Clelia Hernández', 'Milton Estevez']);
  });

  it('takes neither a date nor a "Contact me" overlay for a person', () => {
    const actual = read(`<ul><li>Ing. Manfred Knittel — 24.01.2014</li><li>Gerhard Fuchs — 13.05.2024</li></ul>
      <div class="members">
        <div class="m"><h3>Contact Me:</h3><a href="mailto:a@x.org">mail</a><h4 class="member-name">Yucen (Lily) Li</h4><p>Alumni</p></div>
        <div class="m"><h3>Contact Me:</h3><a href="mailto:b@x.org">mail</a><h4 class="member-name">Hao He</h4><p>PhD student</p></div>
      </div>`);

    expect(actual.map((p) => p.split(' | ')[0])).toEqual(['Yucen Li', 'Hao He']);
  });
});

describe('people lists the given-names check or the quick test missed (issue 17, x-people)', () => {
  const read = (body: string) =>
    extract(page(body), 'https://lab.example.org/equipe').people.map((p) =>
      [p.fullName, p.title ?? '', p.links.join(' ')].join(' | ').replace(/( \| )+$/, ''),
    );

  it('reads cards whose name is bare text before a break, with only icon links after it', () => {
    const card = (name: string, handle: string) =>
      `<div class="col"><img src="/${handle}.jpg" alt=""><p>${name}<br><a class="fa fa-github" href="https://github.com/${handle}"> </a></p></div>`;
    const actual = read(
      `<div class="row">${card('Joaquin Bravo', 'jackbravo')}${card('Katia Lira', 'katialira')}${card('Joel Rivera', 'cyraxjoe')}</div>`,
    );

    expect(actual).toEqual([
      'Joaquin Bravo |  | https://github.com/jackbravo',
      'Katia Lira |  | https://github.com/katialira',
      'Joel Rivera |  | https://github.com/cyraxjoe',
    ]);
  });

  it('keeps a list written family name first, but not a practice listed among its people', () => {
    const card = (name: string, role: string) =>
      `<li class="practitioner"><article><img src="/p.jpg" alt="portrait of ${name}"><h3>${name}</h3><p>${role}</p><a href="/team/x">Plus d'information</a></article></li>`;
    const actual = read(
      `<ul class="practitioners">${card('Rahier Nathalie', 'Médecin généraliste')}${card('Naert Sébastien', 'Médecin généraliste')}${card('Reckelbus Sylvie', 'Kinésithérapeute')}${card('Delvaulx Virginie', 'Kinésithérapeute')}${card('Laboratoire Olivier', 'Laboratoire')}</ul>`,
    );

    expect(actual).toEqual([
      'Rahier Nathalie | Médecin généraliste',
      'Naert Sébastien | Médecin généraliste',
      'Reckelbus Sylvie | Kinésithérapeute',
      'Delvaulx Virginie | Kinésithérapeute',
    ]);
  });

  it('keeps a list of bare linked names under a heading naming people beside a kept list, not under another heading', () => {
    const card = (name: string, role: string) =>
      `<div class="person"><img src="/p.jpg" alt="${name}"><h3 class="person-name">${name}</h3><h4 class="person-title">${role}</h4></div>`;
    const team = `<div class="row">${card('Colin Jacobs', 'Assistant Professor')}${card('James Meakin', 'Research Software Engineer')}</div>`;
    const names = (head: string) =>
      `<h1>${head}</h1><div><ul><li><a href="/members/hb/">Haimasree Bhattacharya</a></li><li><a href="/members/kg/">Karel Gerbrands</a></li><li><a href="/members/jk/">Joep Kamps</a></li></ul></div>`;
    const people = (body: string) => read(body).map((p) => p.split(' | ')[0]);

    expect(people(`${team}${names('Former members')}`)).toEqual([
      'Colin Jacobs',
      'James Meakin',
      'Haimasree Bhattacharya',
      'Karel Gerbrands',
      'Joep Kamps',
    ]);
    expect(people(`${team}${names('Sponsors')}`)).toEqual(['Colin Jacobs', 'James Meakin']);
  });

  it("takes a card that is itself a link to a person's profile as that person's link, not a site's", () => {
    const card = (name: string, href: string) =>
      `<a href="${href}" class="block"><div class="card"><img src="/p.jpg" alt="Researcher"><h4>${name}</h4><p>Research Assistant</p></div></a>`;
    const actual = read(
      `<div class="grid">${card('Renato Valencia', 'https://pe.linkedin.com/in/rjva29/')}${card('David Quispe', 'https://www.linkedin.com/in/djquispe')}${card('Fabio Carpio', 'https://example.com/fabio')}</div>`,
    );

    expect(actual).toEqual([
      'Renato Valencia | Research Assistant | https://www.linkedin.com/in/rjva29',
      'David Quispe | Research Assistant | https://www.linkedin.com/in/djquispe',
      'Fabio Carpio | Research Assistant',
    ]);
  });

  it('still drops a list of labels that end in a given name (no family name first)', () => {
    const card = (name: string) => `<div class="tile"><img src="/t.jpg" alt=""><h3>${name}</h3><p>Nouveau</p></div>`;
    const actual = read(`<div class="tiles">${card('Rouge Marie')}${card('Bleu Sophie')}${card('Vert Clara')}</div>`);

    expect(actual).toEqual([]);
  });
});

describe('cards that say by their classes which line is the name and which the employer (issue 17, x-people)', () => {
  const read = (body: string) =>
    extract(page(body), 'https://conf.example.org/speakers/').people.map((p) =>
      [p.fullName, p.companyName ?? ''].join(' | '),
    );
  const card = (company: string, name: string) =>
    `<li><a class="speaker" href="/speakers/x/"><div class="info"><div class="speaker-company">${company}</div><strong class="speaker-name">${name}</strong></div></a></li>`;

  it('reads the employer line above the name, a handle with the name in brackets, and a handle its class calls the name', () => {
    const actual = read(
      `<ul class="speakers">${card('BaseMachina, Inc.', 'syumai')}${card('Kanmu Inc', 'pongzu')}${card('株式会社Voicy', 'Toshiki Kawamura')}${card('BASE, inc', 'glassmonkey (Shunsuke Nagano)')}${card('Money Forward, Inc.', 'luccafort')}${card('Mercari, Inc.', 'Naoki Sega')}</ul>`,
    );

    expect(actual).toEqual([
      'Toshiki Kawamura | 株式会社Voicy',
      'Shunsuke Nagano | BASE, inc',
      'Naoki Sega | Mercari, Inc.',
      'syumai | BaseMachina, Inc.',
      'pongzu | Kanmu Inc',
      'luccafort | Money Forward, Inc.',
    ]);
  });

  it('takes no handle for a name without an employer line, nor outside a list of people', () => {
    const bare = `<li><a class="speaker" href="/speakers/y/"><div class="info"><strong class="speaker-name">sago35</strong></div></a></li>`;
    const withBare = read(
      `<ul class="speakers">${card('株式会社Voicy', 'Toshiki Kawamura')}${card('Mercari, Inc.', 'Naoki Sega')}${bare}</ul>`,
    );
    const handlesOnly = read(
      `<ul class="speakers">${card('BaseMachina, Inc.', 'syumai')}${card('Kanmu Inc', 'pongzu')}</ul>`,
    );

    expect(withBare).toEqual(['Toshiki Kawamura | 株式会社Voicy', 'Naoki Sega | Mercari, Inc.']);
    expect(handlesOnly).toEqual([]);
  });
});

describe('login walls vs pages with a login box', () => {
  const page = (body: string) =>
    extract(parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document, 'https://acme.io/team');
  const login = '<form action="/login"><input type="email" name="u"><input type="password" name="p"></form>';

  it('calls a short page around a password field a login wall', () => {
    expect(page(`<h1>Sign in</h1>${login}<p>Sign in to see Jane Doe's profile.</p>`).pageKind).toBe('other');
  });

  it('still reads a team page that has a login box in its header', () => {
    const actual = page(`<header>${login}</header><ul>
      <li class="member"><img src="/a.jpg"><h3>Jane Doe</h3><p>Chief Executive Officer</p></li>
      <li class="member"><img src="/b.jpg"><h3>Omar Haddad</h3><p>Head of Sales</p></li></ul>`);

    expect(actual.pageKind).toBe('people-list');
    expect(actual.people.map((p) => p.fullName)).toEqual(['Jane Doe', 'Omar Haddad']);
  });
});

describe('records the card search read whole or not at all (issue 17, x-lists)', () => {
  const cards = (body: string) =>
    findPeopleCards(page(body), 'https://x.io/').map((c) =>
      [c.person.fullName, c.person.title ?? '', c.person.companyName ?? ''].join(' | '),
    );

  it("takes the line after a record's role that names an institution as its employer, not a field's line", () => {
    const card = (name: string, lines: string) =>
      `<div class="card"><img src="/p.jpg" alt=""><div class="card-title"><a href="/p/">${name}</a></div><p class="card-text">${lines}</p></div>`;
    const actual = cards(
      `<div class="row">${card('Francesca Rossi', 'Postdoctoral Researcher in Archaeology<br> Scuola Normale Superiore')}${card('Marco Bianchi', 'Researcher in Archaeology<br> Digital Methods')}</div>`,
    );

    expect(actual).toEqual([
      'Francesca Rossi | Postdoctoral Researcher in Archaeology | Scuola Normale Superiore',
      'Marco Bianchi | Researcher in Archaeology | ',
    ]);
  });

  it("reads people's sections placed straight in <body>, but not the body's big layout wrappers", () => {
    const section = (name: string, role: string) =>
      `<section class="hero"><div><img src="/p.jpg" alt=""></div><div><h2>${name}</h2><h3>${role}</h3><p>Bio.</p></div></section><section class="divider"></section>`;
    const wrapper = (name: string) =>
      `<div class="shell"><h6>${name}</h6>${'<ul><li><a href="/x">Aeropress</a></li><li><a href="/y">Filter</a></li></ul>'.repeat(14)}</div>`;
    const sections = findPeopleCards(
      parseHTML(
        `<html><body>${section('Jakub Nowak', 'UX Research Manager')}${section('Anna Wilk', 'Product Manager')}</body></html>`,
      ).document as unknown as Document,
      'https://x.io/',
    ).map((c) => c.person.fullName);
    const wrappers = findPeopleCards(
      parseHTML(`<html><body>${wrapper('Zubehör Tests')}${wrapper('Kooperative Sidama Farmers')}</body></html>`)
        .document as unknown as Document,
      'https://x.io/',
    ).map((c) => c.person.fullName);

    expect(sections).toEqual(['Jakub Nowak', 'Anna Wilk']);
    expect(wrappers).toEqual([]);
  });

  it("cuts the role's first word off a name whose span ran into the role's ('mgr Anna Nowak Psycholog, Psychoterapeuta')", () => {
    const card = (name: string, role: string) =>
      `<div class="card"><img src="/p.webp" alt="mgr ${name}"><div><span class="block">mgr ${name}</span> <span class="block">${role}</span> <span class="block">Cena za sesję: 200 zł</span></div></div>`;
    const actual = peopleOf(
      `<div class="team">${card('Dominika Kamińska', 'Psycholog, Psychoterapeuta osób dorosłych')}${card('Agnieszka Tchoń', 'Pedagog, Psychoterapeuta młodzieży')}${card('Szymon Lipnicki', 'Psycholog, Psychoterapeuta')}</div>`,
    );

    expect(actual).toEqual(['Dominika Kamińska', 'Agnieszka Tchoń', 'Szymon Lipnicki']);
  });

  it('reads a record written as one link of labelled spans line by line', () => {
    const row = (name: string, cred: string) =>
      `<a class="roster__row" href="/team/x/"><span class="roster__name">Dr. ${name}</span> <span class="roster__cred">${cred}</span> <span class="roster__go">Online boeken</span></a>`;
    const actual = cards(
      `<div class="roster">${row('Valerie Verstraeten', 'Dermatoloog')}${row('Annick Bracke', 'Dermatoloog')}</div>`,
    );

    expect(actual).toEqual(['Valerie Verstraeten | Dermatoloog | ', 'Annick Bracke | Dermatoloog | ']);
  });

  it('drops the professional and academic titles written before listed names (Lek. wet., Tech. wet., MSc., Dra)', () => {
    const actual = peopleOf(`<ul>
      <li class="member"><h3>Lek. wet. Natalia Nowak</h3><p>Lekarz weterynarii</p></li>
      <li class="member"><h3>Tech. wet. Piotr Nowak</h3><p>Technik weterynarii</p></li>
      <li class="member"><h3>MSc. Luis Alberto Curiel</h3><p>Ingeniero</p></li>
      <li class="member"><h3>Dra Tatiana Reis</h3><p>Dentista</p></li>
    </ul>`);

    expect(actual).toEqual(['Natalia Nowak', 'Piotr Nowak', 'Luis Alberto Curiel', 'Tatiana Reis']);
  });
});

describe('records of editors and card frameworks the detector missed on unseen pages (issue 17, x-list)', () => {
  const people = (body: string) =>
    extract(page(body), 'https://team.example.org/tym/').people.map((p) =>
      [p.fullName, p.title ?? ''].join(' | ').replace(/ \| $/, ''),
    );
  const bio = (who: string) =>
    `<p>Jsem ${who}, rád chodím po horách a vařím pro celý tábor každé léto.</p><p>&nbsp;</p>`;

  it("reads paragraphs wholly in bold as each person's heading over their bio, a nickname in brackets dropped, runs joined", () => {
    const actual = people(`<div class="col"><h1>Náš tým</h1><p>Tak tohle je náš tým.</p><p>&nbsp;</p>
      <p><strong>Pavel Šimeček (Finn)</strong><img src="/finn.png" alt="finn"></p>${bio('instruktor')}
      <p><strong><img src="/petka.png" alt="petka">Petra Hovězáková (Peťka)</strong></p>${bio('lektorka')}
      <p><img src="/evca.png" alt="evca"><strong>Eva Krásenská</strong></p>${bio('žena')}
      <p><b><img src="/pet.png" alt="pet"></b><b>P</b><b>etr Jelínek (PET)</b></p>${bio('muž')}</div>`);

    expect(actual).toEqual(['Pavel Šimeček', 'Petra Hovězáková', 'Eva Krásenská', 'Petr Jelínek']);
  });

  it('takes no bold line that is not wholly bold, nor bold labels, for a heading', () => {
    const actual = people(`<div class="col"><h1>Blog</h1>
      <p><strong>Jana Nováková</strong> napsala článek o táboře a o tom, jak se vaří guláš.</p>${bio('autor')}
      <p><strong>Letní Tábor</strong></p>${bio('tábor')}
      <p><strong>Zimní Tábor</strong></p>${bio('tábor')}</div>`);

    expect(actual).toEqual([]);
  });

  it('reads cards whose name sits in an unclassed line when the card calls itself a team member', () => {
    const card = (name: string, specs: string) =>
      `<div class="team-member col"><div class="card"><div class="card-header"><p class="card-title">${name}</p></div><div class="list-group"><div class="list-group-item specs">${specs}</div><div class="list-group-item body"><p>Absolwentka uczelni, z 25-letnim doświadczeniem w zawodzie.</p></div></div></div></div>`;
    const cards = `<div class="row">${card('Kalina Jacyna', 'Ortodoncja')}${card('Michał Sekura', 'Implantologia, Chirurgia')}</div>`;
    const plain = cards.replaceAll('team-member col', 'col');

    expect(people(cards)).toEqual(['Kalina Jacyna | Ortodoncja', 'Michał Sekura | Implantologia, Chirurgia']);
    expect(people(plain)).toEqual([]);
  });

  it("takes the role-classed line after the name over a badge's above it ('Google Developer Expert' ribbons)", () => {
    const card = (name: string, company: string) =>
      `<div class="effect-wrapper"><figure><ul class="ribbon-wrapper"><li><p class="ribbon full-title">Google Developer Expert</p></li></ul><figcaption><h2 class="name">${name}</h2><p class="position">${company}</p></figcaption></figure></div>`;
    const actual = findPeopleCards(
      page(`<div class="row">${card('Jorge Barroso', 'Karumi')}${card('Gloria Bueno', 'MashMe')}</div>`),
      'https://x.io/',
    ).map((c) => `${c.person.fullName} | ${c.person.title ?? ''}`);

    expect(actual).toEqual(['Jorge Barroso | Karumi', 'Gloria Bueno | MashMe']);
  });

  it("keeps a name heading left empty among people's sections, not a run of bare name headings", () => {
    const section = (name: string, slug: string) =>
      `<h2>${name}</h2><p><img src="/images/speakers/${slug}.jpg" alt=""></p><p><a href="https://twitter.com/${slug}">${name}</a> é membro do time principal que trabalha na linguagem Go.</p>`;
    const speakers = `<div class="content">${section('Steve Francia', 'spf13')}${section('Carlisia Pinto', 'carlisia')}<h2>Luciano Ramalho</h2>${section('Andrews Medina', 'andrews')}</div>`;
    const bare = '<div class="content"><h2>Steve Francia</h2><h2>Carlisia Pinto</h2><h2>Luciano Ramalho</h2></div>';

    expect(peopleOf(speakers)).toEqual(['Steve Francia', 'Carlisia Pinto', 'Luciano Ramalho', 'Andrews Medina']);
    expect(findPeopleCards(page(bare), 'https://x.io/').map((c) => c.person.fullName)).toEqual([]);
  });

  it("reads a contact page's department cards by the person each names over their own phone and mailbox", () => {
    const actual = extract(
      page(`<div class="grid">
      <article class="contact-card"><h3>Finanse</h3><p>Joanna Jedlińska</p><p><a href="tel:+48537555345">+48 537 555 345</a></p><p><a href="mailto:faktury@acme.pl">faktury@acme.pl</a></p></article>
      <article class="contact-card"><h3>Przetargi</h3><p>Kinga Zych</p><p><a href="tel:+48575180055">+48 575 180 055</a></p><p><a href="mailto:przetargi@acme.pl">przetargi@acme.pl</a></p></article>
      </div>`),
      'https://acme.pl/kontakt',
    ).people.map((p) => [p.fullName, p.emails]);

    expect(actual).toEqual([
      ['Joanna Jedlińska', ['faktury@acme.pl']],
      ['Kinga Zych', ['przetargi@acme.pl']],
    ]);
  });

  it('reads named contacts written as lines (a label, the name, a bare phone, a mailbox), two or more', () => {
    const actual = extract(
      page(`<div><h2>Drużyna "Leśna"</h2><p>Jesteśmy drużyną dla dziewczynek w wieku 10-13 lat.<br>
      <p><b>Kontakt:</b><br>Alicja Han<br>724 794 671<br>alicja.han@zhp.net.pl</p></div>
      <div><h2>Drużyna "Kohorta"</h2><p>Drużyna męska zrzesza 20 chłopców.</p>
      <p><b>Kontakt:</b><br>Marcin Kniat<br>605 099 553<br>marcin.kniat@zhp.net.pl</p></div>`),
      'https://zhp.example.pl/druzyny',
    ).people.map((p) => [p.fullName, p.emails, p.phones]);

    expect(actual).toEqual([
      ['Alicja Han', ['alicja.han@zhp.net.pl'], ['+48724794671']],
      ['Marcin Kniat', ['marcin.kniat@zhp.net.pl'], ['+48605099553']],
    ]);
  });

  it('takes no single contact block, and no address block of a footer, for a list', () => {
    const actual = peopleOf(`<main><p>Jane Doe<br>Main Street 1<br>Tel. 030 1234567<br>jane@doe.example</p></main>
      <footer><p>John Smith<br>Tel. 030 7654321<br>john@smith.example</p></footer>`);

    expect(actual).toEqual([]);
  });
});
