// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  domainLabel,
  employsMembers,
  judgeSiteName,
  pageCompany,
  spellsDomain,
  withoutRegistration,
} from '@/lib/extract/site-name';

type From = 'meta' | 'title' | 'logo' | 'brand' | 'h1' | '©';
const site = (chosen: string, ...candidates: [From, string][]) => ({ name: chosen, siteNames: { chosen, candidates } });

describe('domainLabel', () => {
  it.each([
    ['https://www.acme-robotics.co.uk/team', 'acmerobotics'],
    ['https://cmustrudel.github.io/people/', 'cmustrudel'],
    ['https://acme.netlify.app/', 'acme'],
  ])('%s → %s', (url, label) => {
    expect(domainLabel(url)).toBe(label);
  });
});

describe('withoutRegistration', () => {
  it.each([
    ['(CAPROFUPTET), RIF J-30339150-8', 'CAPROFUPTET'],
    ['Acme Srl - P.IVA 01234567890', 'Acme Srl'],
    ['Acme BV · KvK 12345678', 'Acme BV'],
    ['Acme GmbH, USt-IdNr. DE123456789', 'Acme GmbH'],
    ['Acme S.A. CNPJ 12.345.678/0001-90', 'Acme S.A.'],
    ['Acme sp. z o.o., NIP 123-456-78-90', 'Acme sp. z o.o.'],
    ['Firma AB, org.nr 556677-8899', 'Firma AB'],
    ['Obrt Soul Space, OIB: 12345678901', 'Obrt Soul Space'],
    ['Caja de Ahorro de los Profesores (CAPROF)', 'Caja de Ahorro de los Profesores'],
    // No number after the word, or the word inside another: the name stands.
    ['Nip Studio', 'Nip Studio'],
    ['Cifra Nit Design', 'Cifra Nit Design'],
    ['Studio (NYC)', 'Studio (NYC)'],
  ])('%s → %s', (name, expected) => {
    expect(withoutRegistration(name)).toBe(expected);
  });
});

describe('judgeSiteName', () => {
  it("takes the words the page writes for a title's bare host ('41 Estudio Legal' for 41estudiolegal.com)", () => {
    const hints = { title: 'Quienes Somos – 41estudio.com' };
    expect(
      judgeSiteName(
        site('41estudio.com', ['title', '41estudio.com'], ['text' as From, '41 Estudio']),
        hints,
        'https://41estudio.com/quienes-somos/',
      ),
    ).toBe('41 Estudio');
  });

  it('drops the registration number a copyright line writes after the name', () => {
    expect(
      judgeSiteName(
        site('(ACMEFUND), RIF J-30339150-8', ['©', '(ACMEFUND), RIF J-30339150-8']),
        {},
        'https://acmefund.com.ve/',
      ),
    ).toBe('ACMEFUND');
  });

  it("takes the title's name over a copyright line that adds a form's abbreviation, and only an abbreviation", () => {
    const hints = { title: 'Colofon • AZ Sint Maria Gent' };
    expect(
      judgeSiteName(
        site('AZ Sint Maria Gent AV', ['©', 'AZ Sint Maria Gent AV']),
        hints,
        'https://jaarverslag.example/',
      ),
    ).toBe('AZ Sint Maria Gent');
    expect(
      judgeSiteName(
        site('AZ Sint Maria Gent Ziekenhuis', ['©', 'AZ Sint Maria Gent Ziekenhuis']),
        hints,
        'https://jaarverslag.example/',
      ),
    ).toBe('AZ Sint Maria Gent Ziekenhuis');
  });

  it('drops "Webpage of the" before a name and a speakers label after it', () => {
    expect(
      judgeSiteName(
        site('Webpage of the Moreno Lab', ['title', 'Webpage of the Moreno Lab']),
        {},
        'https://morenolab.org/people/',
      ),
    ).toBe('Moreno Lab');
    expect(
      judgeSiteName(
        site('PyData Ghent Speakers', ['meta', 'PyData Ghent Speakers']),
        {},
        'https://pydata-ghent.example/speakers/',
      ),
    ).toBe('PyData Ghent');
  });

  it("takes a firm named after its founders for the site's name: its trade word makes it no person's", () => {
    const firm = site('Lucas y Romero Auditores', ['title', 'Lucas y Romero Auditores']);

    expect(
      judgeSiteName(
        firm,
        { title: 'Equipo - Lucas y Romero Auditores' },
        'https://www.lucasyromeroauditores.cl/equipo/',
      ),
    ).toBe('Lucas y Romero Auditores');
    expect(
      judgeSiteName(
        site('', ['h1', 'Equipo']),
        { title: 'Nuestro Equipo – Clínica Rivas' },
        'https://x.github.io/rivas/',
      ),
    ).toBe('Clínica Rivas');
  });

  it('drops a tagline after the name in a logo alt', () => {
    const company = site('Narrenverein Heulicher | Heudorf im Hegau', [
      'logo',
      'Narrenverein Heulicher | Heudorf im Hegau',
    ]);

    expect(
      judgeSiteName(
        company,
        { title: 'Vorstand | Narrenverein Heulicher | Heudorf im Hegau' },
        'https://heuliecher.de/vorstand',
      ),
    ).toBe('Narrenverein Heulicher');
  });

  it("drops the town after a name that is the domain's, keeps a comma that is part of a name", () => {
    const venue = site('Masseria Le Fonti, Santa Maria di Leuca', ['title', 'Masseria Le Fonti, Santa Maria di Leuca']);
    const firm = site('Kanzlei Franz Beispiel, LL.M.', ['title', 'Kanzlei Franz Beispiel, LL.M.']);

    expect(
      judgeSiteName(
        venue,
        { title: 'Contatti | Masseria Le Fonti, Santa Maria di Leuca' },
        'https://masserialefonti.it/contatti',
      ),
    ).toBe('Masseria Le Fonti');
    expect(
      judgeSiteName(firm, { title: 'Impressum – Kanzlei Franz Beispiel, LL.M.' }, 'https://beispiel.legal/impressum'),
    ).toBe('Kanzlei Franz Beispiel, LL.M.');
  });

  it('drops a trailing team word when the rest names the domain', () => {
    const company = site('OSSCAR Team', ['title', 'OSSCAR Team']);

    expect(
      judgeSiteName(company, { title: 'OSSCAR Team — Open Software Services' }, 'https://www.osscar.org/team.html'),
    ).toBe('OSSCAR');
  });

  it("keeps the team word when the rest would read as a person's name, and still refuses a person's name", () => {
    const hints = { title: 'Our Team - AI Validation Team', heading: 'Our Team' };
    const url = 'https://example.github.io/ai-validation/about/team/';

    expect(judgeSiteName(site('AI Validation Team', ['title', 'AI Validation Team']), hints, url)).toBe(
      'AI Validation Team',
    );
    expect(judgeSiteName(site('Anna Smith', ['title', 'Anna Smith']), { title: 'Team - Anna Smith' }, url)).toBeNull();
  });

  it("keeps a German association's e.V. from its copyright line, not a company's Inc.", () => {
    const club = site('Kodokan Olsberg', ['title', 'Kodokan Olsberg'], ['©', 'Judoverein Kodokan Olsberg e.V.']);
    const firm = site('Lumaforge', ['title', 'Lumaforge'], ['©', 'Lumaforge, Inc.']);

    expect(judgeSiteName(club, { title: 'Vorstand – Kodokan Olsberg' }, 'https://kodokan-olsberg.de/vorstand')).toBe(
      'Kodokan Olsberg e.V.',
    );
    expect(judgeSiteName(firm, { title: 'Blog | Lumaforge' }, 'https://lumaforge.io/blog')).toBe('Lumaforge');
  });

  it("takes the copyright holder when readPage chose the page's own label (a Hugo logo alt that is the page's title)", () => {
    const club = site('Vorstand', ['logo', 'Vorstand'], ['©', 'Schützengilde Flämingrand e.V.'], ['h1', 'Vorstand']);
    const hints = { title: 'Vorstand', heading: 'Vorstand' };
    expect(judgeSiteName(club, hints, 'https://sgi-flaemingrand.de/vorstand/')).toBe('Schützengilde Flämingrand e.V.');
    // og:site_name beside it still names the site.
    const two = site('Vorstand', ['logo', 'Vorstand'], ['meta', 'Kreisschützenverband'], ['©', 'Schützengilde e.V.']);
    expect(judgeSiteName(two, hints, 'https://sgi-flaemingrand.de/vorstand/')).toBe('Kreisschützenverband');
  });

  it("drops 'Logo' before a logo alt's name and spells an acronym out as the copyright line does", () => {
    const ijt = site('Logo IJT', ['logo', 'Logo IJT'], ['©', 'Inclusion des Jeunes au Travail']);
    expect(judgeSiteName(ijt, { title: 'Notre equipe | IJT' }, 'https://kamradep.github.io/asso/equipe')).toBe(
      'Inclusion des Jeunes au Travail',
    );
    // Initials that differ leave the acronym as the site writes it.
    const other = site('Logo IJT', ['logo', 'Logo IJT'], ['©', 'Institut des Jeunes Talents Numériques']);
    expect(judgeSiteName(other, { title: 'Notre equipe | IJT' }, 'https://kamradep.github.io/asso/equipe')).toBe('IJT');
    // An acronym the domain spells is the name the site goes by.
    const ibm = site('IBM', ['logo', 'IBM'], ['©', 'International Business Machines']);
    expect(judgeSiteName(ibm, { title: 'Team | IBM' }, 'https://www.ibm.com/team')).toBe('IBM');
    // Unless the site's own og:site_name or title spells it out beside it: the long name is what it is called.
    const scp = site('SCP', ['logo', 'SCP'], ['meta', 'Sociedad Colombiana de Pediatría | SCP']);
    expect(judgeSiteName(scp, { title: 'Sede | SCP' }, 'https://scp.com.co/sede/')).toBe(
      'Sociedad Colombiana de Pediatría',
    );
    expect(judgeSiteName(ibm, { title: 'Team | IBM | Consulting Services' }, 'https://www.ibm.com/team')).toBe('IBM');
  });

  it("takes the part beside the page's label in a two-part title when nothing else vouches for a name", () => {
    const long = site('First Workshop on the Foundations of Post-training', [
      '©',
      'First Workshop on the Foundations of Post-training',
    ]);
    const none = { name: 'x', siteNames: { chosen: 'x', candidates: [] } };

    expect(judgeSiteName(long, { title: 'Speakers | FoPt 2025' }, 'https://fopt-workshop.github.io/')).toBe(
      'FoPt 2025',
    );
    expect(judgeSiteName(none, { title: 'Mitwirkende – AutARK' }, 'https://example.org/')).toBe('AutARK');
    expect(judgeSiteName(none, { title: 'Speakers | DAB23 | Bern' }, 'https://example.org/')).toBe(null);
  });

  it('prefers the heading that extends the logo name ("Bioinformatics" → "Bioinformatics Group")', () => {
    const company = site('Bioinformatics', ['logo', 'Bioinformatics Logo']);

    expect(
      judgeSiteName(
        company,
        { title: 'Team', heading: 'Bioinformatics Group - Members' },
        'https://backofenlab.github.io/team.html',
      ),
    ).toBe('Bioinformatics Group');
  });

  it("never takes a person's name, a generic alt text or a page label for the site's name", () => {
    const hints = { title: 'Nikolai Matni – People' };

    expect(judgeSiteName(site('site', ['logo', 'site-logo']), { title: 'Speakers' }, 'https://gdg.example.it/')).toBe(
      null,
    );
    expect(
      judgeSiteName(site('team', ['title', 'team']), { title: 'team - teamtomo.org' }, 'https://teamtomo.org/team'),
    ).toBe('teamtomo');
    expect(
      judgeSiteName(
        { name: 'x', siteNames: { chosen: 'x', candidates: [] } },
        hints,
        'https://nikolaimatni.github.io/people',
      ),
    ).toBe(null);
  });

  it('gives up when the domain holds two candidates (a project of a group)', () => {
    const company = site('LightVed', ['title', 'LightVed']);

    expect(
      judgeSiteName(company, { title: 'Equipo - LightVed - PRHLT' }, 'https://lightved-prhlt.github.io/equipo/'),
    ).toBe(null);
  });

  it('replaces a structured name that is only a host name by og:site_name, and keeps any other', () => {
    const hostName = {
      name: 'acmeabogados.com',
      siteNames: { chosen: 'Acme Abogados', candidates: [['meta', 'Acme Abogados']] as [From, string][] },
    };
    const structured = { name: 'Acme Holding GmbH', siteNames: hostName.siteNames };

    expect(judgeSiteName(hostName, {}, 'https://acmeabogados.com/equipo')).toBe('Acme Abogados');
    expect(judgeSiteName(structured, {}, 'https://acmeabogados.com/equipo')).toBe('Acme Holding GmbH');
  });
});

describe('judgeSiteName with a template stand-in', () => {
  it("takes a logo's \"Company\" for no name: the title's part beside the page's label names the site", () => {
    const stand = {
      name: 'Company',
      siteNames: { chosen: 'Company', candidates: [['logo', 'Company']] as [string, string][] },
    };

    expect(judgeSiteName(stand, { title: 'Kontakt - TCLaw' }, 'https://matija8.github.io/TC-Law/kontakt/')).toBe(
      'TCLaw',
    );
  });
});

describe("judgeSiteName with a site's mark writing the name whole", () => {
  const site = (chosen: string, candidates: [string, string][]) => ({
    name: chosen,
    siteNames: { chosen, candidates },
  });

  it('takes the words a short form leaves out before the name, as the logo or og:site_name writes it', () => {
    const agora = site('Agora', [
      ['title', 'Agora'],
      ['logo', 'Udruga za mlade Agora –'],
    ]);
    expect(judgeSiteName(agora, { title: 'Kontakt | Agora' }, 'https://arhiva.agora.hr/kontakt/')).toBe(
      'Udruga za mlade Agora',
    );
  });

  it("leaves out an article and a page's word before the name", () => {
    const lab = site('The Bruna Lab', [
      ['title', 'The Bruna Lab -'],
      ['logo', 'Bruna Lab'],
    ]);
    expect(judgeSiteName(lab, { title: 'The Bruna Lab -' }, 'https://brunalab.org/people/')).toBe('Bruna Lab');
  });
});

describe('pageCompany', () => {
  const found = [{ fullName: 'Jane Doe', sources: { fullName: 'people-list' } }];

  it("makes a generic people list's company from its title's brand when readPage found none", () => {
    const hints = { title: 'Ons Bestuur | Uitvaartvereniging Opperdoes D.E.L.' };
    const adapter = [{ fullName: 'Jane Doe', sources: { fullName: 'site:linkedin-search' } }];

    expect(pageCompany(null, hints, 'https://example.nl/bestuur', 'people-list', found)).toMatchObject({
      name: 'Uitvaartvereniging Opperdoes D.E.L.',
      website: 'https://example.nl',
    });
    expect(
      pageCompany(null, { title: 'Search | LinkedIn' }, 'https://www.linkedin.com/search/', 'people-list', adapter),
    ).toBe(null);
  });

  it("takes no person's plain name for the organisation, even one the given-names data does not know", () => {
    expect(
      pageCompany(
        null,
        { title: 'Panos Patrinos – People' },
        'https://kul-optec.github.io/people',
        'people-list',
        found,
      ),
    ).toBe(null);
  });

  it('keeps an unjudged company on a company page, drops it on a people list', () => {
    const junk = { name: 'site', siteNames: { chosen: 'site', candidates: [['logo', 'site-logo']] } };

    expect(pageCompany(junk, { title: 'Speakers' }, 'https://gdg.example.it/speakers', 'people-list', found)).toBe(
      null,
    );
    expect(pageCompany(junk, { title: 'Contact' }, 'https://gdg.example.it/contact', 'company', [])).toBe(junk);
  });

  it("names the company by a line spelling the domain when readPage's choice is no name (the site's address, a stand-in)", () => {
    const named = (name: string) => ({ name, siteNames: { chosen: name, candidates: [['title', name]] } });
    const lines = ['Contacto', 'Santolaya Ingenieros Consultores', 'Padre Mariano 181, Of.801'];
    const url = 'https://www.santolayaing.cl/contacto/';

    expect(pageCompany(named('https://www.santolayaing.cl'), {}, url, 'company', [], lines)?.name).toBe(
      'Santolaya Ingenieros Consultores',
    );
    // A line that does not spell it vouches for nothing; a name the reader chose stays as read.
    expect(pageCompany(named('Company'), {}, url, 'company', [], ['Ingenieros Santolaya'])?.name).toBe('Company');
    expect(pageCompany(named('Santolaya'), {}, url, 'company', [], lines)?.name).toBe('Santolaya');
    expect(spellsDomain('Santolaya Ingenieros Consultores', 'santolayaing')).toBe(true);
    expect(spellsDomain('Santolaya Consultores', 'santolayaing')).toBe(false);
  });

  it("drops a company whose only name is a section's title ('Buket Özensoy - Hakkımda'), and a template's 'Company'", () => {
    const named = (name: string) => ({ name, siteNames: { chosen: name, candidates: [['title', name]] } });
    const url = 'https://example.github.io/buket-site/hakkimda/';

    expect(pageCompany(named('Hakkımda'), { title: 'Buket Özensoy - Hakkımda' }, url, 'person', [])).toBe(null);
    expect(pageCompany(named('Om mig'), { title: 'Om mig | Anna Berg' }, url, 'person', [])).toBe(null);
    const logo = { name: 'Company', siteNames: { chosen: 'Company', candidates: [['logo', 'Company']] } };
    expect(
      pageCompany(logo, { title: 'Kontakt - TCLaw' }, 'https://example.github.io/TC-Law/kontakt/', 'company', [])?.name,
    ).toBe('TCLaw');
  });

  it("drops an unjudged company written as a person's name, not one with a business word or an acronym", () => {
    const named = (name: string) => ({ name, siteNames: { chosen: name, candidates: [['title', name]] } });
    const hints = { title: 'Contatti - Federico Albano', heading: 'Contattami' };

    expect(pageCompany(named('Federico Albano'), hints, 'https://www.example.com/contatti/', 'company', [])).toBe(null);
    expect(pageCompany(named('ACE Conseil'), {}, 'https://www.example.com/', 'company', [])?.name).toBe('ACE Conseil');
    expect(pageCompany(named('Studio Albano'), {}, 'https://www.example.com/', 'company', [])?.name).toBe(
      'Studio Albano',
    );
  });

  it("keeps a company written as a person's name when its description names it after its kind of organisation", () => {
    const named = (name: string, description: string) => ({
      name,
      description,
      siteNames: { chosen: name, candidates: [['title', name]] },
    });
    const url = 'https://www.example.org/contacto/';

    expect(
      pageCompany(
        named('Federico Albano', 'Asociación proyecto Federico Albano - Email: x@example.org'),
        {},
        url,
        'company',
        [],
      )?.name,
    ).toBe('Federico Albano');
    expect(pageCompany(named('Federico Albano', 'Federico Albano, consulente.'), {}, url, 'company', [])).toBe(null);
  });

  it("keeps a copyright holder as the page's company but not as its members' employer", () => {
    const footer = {
      name: 'High-dimentional ML Team',
      siteNames: { chosen: 'High-dimentional ML Team', candidates: [['©', 'High-dimentional ML Team']] },
    };
    const logo = {
      name: 'Bruna Lab',
      siteNames: { chosen: 'Bruna Lab', candidates: [['logo', 'Bruna Lab']] },
    };
    const titled = { ...footer, siteNames: { ...footer.siteNames } };
    const url = 'https://riken-yamada.github.io/team/';

    const fromFooter = pageCompany(
      footer,
      { title: 'High-dimensional Statistical Modelling - Team' },
      url,
      'people-list',
      found,
    );
    const fromLogo = pageCompany(logo, { title: 'Who are we?' }, url, 'people-list', found);
    const fromTitle = pageCompany(titled, { title: 'Members | High-dimentional ML Team' }, url, 'people-list', found);

    expect(fromFooter?.name).toBe('High-dimentional ML');
    expect(employsMembers(fromFooter as Record<string, unknown>)).toBe(false);
    expect(employsMembers(fromLogo as Record<string, unknown>)).toBe(true);
    expect(employsMembers(fromTitle as Record<string, unknown>)).toBe(true);
  });

  it('ignores a hostile siteNames shape', () => {
    const hostile = { name: 'Acme', siteNames: { chosen: 42, candidates: 'x' } };

    expect(pageCompany(hostile, {}, 'https://acme.com/', 'company', [])).toMatchObject({ name: 'Acme' });
  });
});

describe('pageCompany on an academic group page', () => {
  it("takes the institution under the heading when the site's name is its owner's", () => {
    const people = [{ fullName: 'Ana Ruiz', sources: { fullName: 'people-list' } }];
    const hints = {
      title: 'Jane Whitfield – People',
      heading: 'Jane Whitfield – People',
      subtitle: 'Mechanical Engineering, University of Leeds',
    };

    const company = pageCompany(null, hints, 'https://janewhitfield.github.io/people.html', 'people-list', people);

    expect(company?.name).toBe('University of Leeds');
  });
});
