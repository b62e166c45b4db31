import { classifyLink } from '@/lib/normalize/links';
import { CREDIT, footerOf, siteLabel } from './company';
import { textOf } from './contacts';
import { addList, clip, nameKey, newPerson, setField, stripCredentials, HONORIFIC as TITLES } from './entity';
import type { MetaReading } from './meta';
import { looksLikeName } from './people-list';
import { linesOf, subHeading } from './people-text';
import { listPage, SPEAKER_PATH, sentenceLike, VOICES } from './person-signs';
import { isOrgText, ROLE_WORDS, roleish, splitRole } from './roles';
import type { RawPerson } from './types';

/**
 * What a page is about, beyond its markup: pages about no prospect (search results,
 * errors, login walls, articles), pages about a company (its home, about, contact and
 * legal pages, not its product or news pages), the home page of one person,
 * and lists of other organisations' people.
 */

// Search engines: their result pages mention people but are not about one.
const SEARCH_HOST =
  /(^|\.)(google|bing|duckduckgo|yahoo|yandex|baidu|ecosia|qwant|startpage|kagi|naver|seznam|search\.brave)\.[a-z.]+$/;
const ERROR_TITLE =
  /\b(404|410)\b|not found|page introuvable|nicht gefunden|no encontrada|non trovata|niet gevonden|見つかりません|存在しません|access denied|zugriff verweigert/i;

/**
 * What tells whether the listed people belong to other organisations than the page's (speakers,
 * authors): true when most role lines name an employer; else the page's title, its h1 and its first
 * short section headings, which finalize reads for an event's or a journal's words (lib/extract/page-kind.ts).
 */
export function othersSigns(doc: Document, meta: MetaReading, people: RawPerson[]): true | string[] {
  // Most role lines name an employer ("Engineer at Adyen"): the people come from elsewhere.
  const affiliated = people.filter((p) => p.sources.title === 'people-list' && splitRole(p.title ?? '', false).company);
  if (affiliated.length >= 2 && affiliated.length * 5 >= people.length * 2) return true;
  const signs = [meta.title, clip(doc.querySelector('h1')?.textContent ?? '', 200)];
  // An event's programme page: its list sits under a short section heading "Sprekers", "Speakers".
  // Its first 30 h2 and h3 in document order, as querySelectorAll('h2, h3') lists them: two tag lists
  // read lazily and merged, not a walk of the whole page (npm run bench extract: 286 of them in 10,000 elements).
  const h2 = doc.getElementsByTagName('h2');
  const h3 = doc.getElementsByTagName('h3');
  for (let i = 0, j = 0, k = 0; k < 30; k++) {
    const [a, b] = [h2[i], h3[j]];
    // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
    const section = a && (!b || a.compareDocumentPosition(b) & 4) ? h2[i++] : h3[j++];
    if (!section) break;
    const text = clip(section.textContent ?? '', 60);
    if (text.split(' ').length <= 2) signs.push(text);
  }
  return signs;
}

/**
 * "Portfolio Niels Lubberman" + linkedin.com/pub/niels-lubberman/... → Niels Lubberman, when exactly one
 * profile is linked: the name its address spells, as the title, the heading, the description, the
 * author tag or the footer writes it ("… di Vittore Zen" + linkedin.com/in/vittorezen).
 */
export function nameFromProfileLink(doc: Document, meta: MetaReading, base: string): RawPerson | null {
  const links = linkedInProfiles(doc, base);
  if (links.length !== 1) return null;
  const url = links[0] as string;
  const slug = slugLetters(url);
  if (slug.length < 5) return null;
  const squash = (t: string) => nameKey(t).replace(/ /g, '');
  const heading = clip(doc.querySelector('h1')?.textContent ?? '', 200);
  const foot = footerOf(doc);
  const texts = [meta.title, heading, meta.author, meta.description, foot ? textOf(foot, 2000) : ''];
  // LinkedIn's profile badge names its owner in the image's alt ("View Łukasz Dywicki’s profile on LinkedIn"),
  // whatever the address spells (/in/splatch).
  const badge = badgeAlt(doc, base);
  const owner = clip(BADGE.exec(badge)?.[1] ?? '', 100);
  if (owner && looksLikeName(owner)) {
    const p = newPerson(owner, 'title');
    if (p) addList(p, 'links', [url], 'contact');
    return p;
  }
  for (const text of texts) {
    const tokens = clip(text, 2000)
      .split(/\s+/)
      .map((t) => t.replace(/^[("“„«]+|[)"”“»,.;:!?]+$/g, ''));
    for (let size = 2; size <= 4; size++)
      for (let i = 0; i + size <= tokens.length; i++) {
        const slice = tokens.slice(i, i + size).join(' ');
        if (squash(slice) === slug.toLowerCase() && looksLikeName(slice)) {
          const p = newPerson(slice, 'title');
          if (p) addList(p, 'links', [url], 'contact');
          return p;
        }
      }
  }
  return null;
}

// The text of LinkedIn's profile badge image (its generator wrote it in English whatever the page's language).
const BADGE = /^View\s(.{3,60}?)['’]s\s(?:full\s)?profile\son\sLinked\s?In$/i;

/** The alt of the image inside the page's link to a LinkedIn member profile (the badge), or ''. */
function badgeAlt(doc: Document, base: string): string {
  const anchors = doc.querySelectorAll('a[href*="linkedin.com/in/"], a[href*="linkedin.com/pub/"]');
  for (let i = 0; i < anchors.length && i < 20; i++) {
    const a = anchors[i] as Element;
    const alt = a.querySelector('img[alt]')?.getAttribute('alt') ?? '';
    if (alt && classifyLink(a.getAttribute('href') ?? '', base)?.kind === 'linkedin-person') return alt;
  }
  return '';
}

/**
 * The LinkedIn member profiles a page links to (canonical, at most 20 anchors looked at), but a
 * credit's ("Website ontwikkeld door … en Thomas Mantel"): the site's builder, not its owner.
 */
function linkedInProfiles(doc: Document, base: string): string[] {
  const links = new Set<string>();
  const anchors = doc.querySelectorAll('a[href*="linkedin.com/in/"], a[href*="linkedin.com/pub/"]');
  for (let i = 0; i < anchors.length && i < 20; i++) {
    if (CREDIT.test(clip(anchors[i]?.parentElement?.textContent ?? '', 200))) continue;
    const c = classifyLink(anchors[i]?.getAttribute('href') ?? '', base);
    if (c?.kind === 'linkedin-person') links.add(c.url);
  }
  return [...links];
}

/** A profile address's name letters: "niels-lubberman", "vittorezen", "laure-sauvaitre-4713489b" (its id dropped). */
function slugLetters(url: string): string {
  return decodeURIComponent(url.split('/in/')[1] ?? url.split('/pub/')[1] ?? '')
    .split(/[-_/]/)
    .filter((w) => /^\p{L}{2,}$/u.test(w))
    .join('')
    .toLowerCase();
}

/** The name letters of the LinkedIn profiles a page links to. */
function profileSlugs(doc: Document, base: string): string[] {
  return linkedInProfiles(doc, base).map(slugLetters);
}

/** Search results, error pages, login walls and articles: pages about no prospect. */
export function isOtherPage(
  doc: Document,
  url: URL,
  meta: MetaReading,
  isArticle: boolean,
  isProfile: boolean,
  hasPeople: boolean,
): boolean {
  if (SEARCH_HOST.test(url.hostname) && (/search|^\/$|\/web/.test(url.pathname) || url.searchParams.has('q')))
    return true;
  if (/\/search\/?$/.test(url.pathname) && ['q', 'query', 'search', 'text', 'p'].some((k) => url.searchParams.has(k)))
    return true;
  const h1 = clip(doc.querySelector('h1')?.textContent ?? '', 200);
  if (ERROR_TITLE.test(meta.title) || ERROR_TITLE.test(h1)) return true;
  const body = doc.body;
  // A short page around a password field is a login wall, unless it plainly shows people (a header login box).
  if (!hasPeople && body && doc.querySelector('input[type="password"]') && textOf(body, 6000).length < 5000)
    return true;
  if (isArticle && !isProfile) return true;
  return false;
}

// Paths of the pages where a site speaks about itself: home, about, team, contact, legal notices.
export const COMPANY_PATH =
  /about|ueber|uber|über|a-propos|apropos|qui-sommes|chi-siamo|quienes|quem-somos|nosotros|sobre|over-ons|company|unternehmen|firma|entreprise|empresa|azienda|team|equipe|équipe|equipo|contact|kontakt|contatt|contacto|yhteys|impressum|imprint|legal|mentions|aviso|note-legali|colophon|colofon|kolofon|privacy|datenschutz|studio|agency|services|leistungen|(?:^|[/_-])(?:o-?(?:nas|firmie)|om-?oss|om-?os)(?:$|[/_.-])/i;
// Path segments of a catalogue: a product range is the company's offer, not a page about the company.
const PRODUCT_SEGMENT =
  /^(?:products?|producten|produkte?|produits|prodotti|productos|produtos|produkty|catalog(?:ue)?|katalog|catalogo|catalogus|assortiment|sortiment|shop|webshop|store|winkel|collections?)$/i;

// A page's own last path segment naming the site's about, contact or legal page: the theme may mark
// every page an article (Hugo, Jekyll: og:type article with a date), such a page is still the site's own.
const SITE_SELF_SEGMENT =
  /^(?:about(?:-us)?|over-?ons|(?:wir-)?(?:ueber|uber|über)-?uns|colofon|colophon|kolofon|impressum|imprint|contact(?:-us)?|kontakt|contatti|contacto|mentions-legales|aviso-legal|note-legali|chi-siamo|o-nas|o-firmie|quienes-somos|quem-somos|sobre-nos|qui-sommes-nous|a-propos)(?:\.html?)?$/i;

/** True when the page's address ends in the site's about, contact or legal page ("/colofon/", "/impressum"). */
export function siteSelfPath(page: URL): boolean {
  const last = page.pathname.split('/').filter(Boolean).pop() ?? '';
  return SITE_SELF_SEGMENT.test(last);
}

/** The address's last path segment without its extension ("/members/jane-doe.html" → "jane-doe"). */
function lastSlug(page: URL): string {
  return (
    page.pathname
      .split('/')
      .filter(Boolean)
      .pop()
      ?.replace(/\.\w+$/, '') ?? ''
  );
}

/**
 * True when a theme's article marking (og:type article, a JSON-LD Article with a date) is no post's:
 * the site's about-me, about, contact or legal page, or a page titled with a person's name alone whose
 * address spells it ("/arturo-ruiz-taboada/" under h1 "Arturo Ruiz Taboada"): a profile a CMS
 * (Publii, WordPress, Hugo) dates like any page. A post's title is a sentence or a topic, not a name.
 */
export function ownPage(doc: Document, page: URL): boolean {
  if (FIRST_PERSON_PATH.test(page.pathname) || siteSelfPath(page)) return true;
  const slug = lastSlug(page);
  const h1 = clip(doc.querySelector('h1')?.textContent ?? '', 200).trim();
  return slug.includes('-') && nameKey(slug) === nameKey(h1) && looksLikeName(h1);
}

/** True when the page may be about the site's company: its home (or a top-level page) or an about/contact/legal page. */
export function companyPath(page: URL): boolean {
  const segments = page.pathname.split('/').filter(Boolean);
  if (segments.some((s) => PRODUCT_SEGMENT.test(s))) return false;
  if (segments.length <= 1 && !/\.(php|aspx?)$/.test(segments[0] ?? '') && !page.search.includes('=')) return true;
  return COMPANY_PATH.test(page.pathname);
}

/**
 * Paths of a page where its owner speaks of themselves ("über mich", "chi sono", "about me", "over mij";
 * Indonesian and Malay "tentang saya", Turkish "hakkimda", Scandinavian "om mig", "om meg").
 */
export const FIRST_PERSON_PATH =
  /(?:ueber|uber|über)-?mich|about-?me(?![a-z])|chi-?sono|sobre-?mi(?![a-z])|sobre-?mim|over-?mij|qui-?(?:suis|je)|a-?propos-?de-?moi|o-?mnie|kurzprofil|mein-?profil|my-?profile|lebenslauf|tentang-?saya|hakkimda|(?<![a-z])om-?m(?:ig|eg)(?![a-z])/i;

// Honorifics written before a name in a page heading ("Dott.ssa Ginevra Di Negro", "Prof. Dr. Jane Doe").
const HONORIFIC =
  /^(?:(?:dott\.(?:ssa)?|dr\.|prof\.(?:ssa)?|avv\.|arch\.|ing\.|mag\.|dipl\.-ing\.|me|maître|mr\.?|mrs\.?|ms\.?)\s+)+/i;

// Words before the name in an about page's title or heading ("Über Angela Krause", "À propos de …"), and
// the words a personal site's title puts around its owner's name ("Homepage of Jane Roe", "Jane Roe's Homepage").
const ABOUT_PREFIX =
  /^(?:über|about|over|à propos de|a propos de|chi è|chi sono|sobre|acerca de|conoce al?|meet|hi,? i'm|ich bin|je suis|(?:personal )?(?:home ?page|web ?site|site|blog|portfolio) (?:of|von|de|di|van|du))\s+/i;
const SITE_OF = /['’]s (?:personal )?(?:home ?page|web ?site|site|blog|page|portfolio)$/i;
// A nickname in quotes between given and family name: Nicolas "0swin" Roger.
const NICKNAME = /\s["“„«][^"“”„«»\s]{1,20}["”“»]\s/g;

// A first-person section's own title, alone ("Chi Sono | Paola Vacirca", "Over mij"): no one's name, nor a
// site's (lib/extract/section-title.ts adds more languages for finalize, outside the reader's size budget).
// So is an organisation's ("Chi Siamo", "QUEM SOMOS" as a page's heading): two capitalised words, no name.
export const SELF_SECTION =
  /^(?:chi sono|about me|about|über mich|ueber mich|over mij|o mnie|sobre m[ií]|qui suis-je|à propos(?: de moi)?|mein profil|my profile|profil|kurzprofil|lebenslauf|curriculum(?: vitae)?|cv|biografia|biography|bio|chi siamo|quem somos|qui[eé]nes somos|qui sommes-nous|(?:wir )?(?:über|ueber) uns|about us|who we are|over ons|o nas|o firmie|om oss|om os|sobre n[oó]s|sobre nosotros|nosotros)$/i;

/** A heading or title part as a candidate name: nickname, honorifics and "About" dropped, cut at a comma. */
function nameText(text: string): string {
  if (SELF_SECTION.test(clip(text, 200).trim())) return '';
  // Then the degrees and titles names carry everywhere ("Lic. Carolina Zuttion", "Mgr. Jana Nováková").
  const t = clip(text, 200)
    .replace(NICKNAME, ' ')
    .replace(ABOUT_PREFIX, '')
    .replace(SITE_OF, '')
    .replace(HONORIFIC, '')
    .replace(TITLES, '');
  return stripCredentials(t.trim()).split(', ')[0]?.trim() ?? '';
}

/** The element whose own short text is the name ("Adam Pasternack!" in a speaker's panel) when no heading holds it. */
function nameHolder(doc: Document, name: string): Element | null {
  const key = nameKey(name);
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(), i = 0; n && i < 400; n = walker.nextNode(), i++) {
    const el = n.parentElement;
    if ((n.nodeValue?.length ?? 0) < 80 && nameKey(n.nodeValue ?? '') === key && el && !el.closest('a, nav, title'))
      return el;
  }
  return null;
}

/**
 * The person a home page is about, when it has no markup for them: a title that
 * is only a name, else a part of the title ("Über mich | Martin Konzett B.A.") that a heading
 * or the page's text repeats, else one of the first headings that is a name. Then a short
 * role line below that heading. Finalize judges the name (judge 0): a page whose "name"
 * reads as no person's is not a person's page.
 */
export function homepagePerson(
  doc: Document,
  meta: MetaReading,
  page: URL,
  headingsToo = true,
  authors: string[] = [],
): { person: RawPerson; heading: Element | null } | null {
  if (listPage(doc, page, meta)) return null;
  // Names in testimonials, reviews, comments and quotes are other people's, never the page's person.
  const own = (h: Element) => !h.closest(VOICES);
  const all = Array.from(doc.querySelectorAll('h1, h2, h3, [class*="name"]')).slice(0, 40).filter(own);
  // An h4 counts only beside a contact (an academic's sidebar: photo, name, mail and profile icons).
  const contact = (h: Element) =>
    h.tagName !== 'H4' || !!h.parentElement?.querySelector('a[href^="mailto:"], a[href*="linkedin.com/in/"]');
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3, h4'))
    .slice(0, 12)
    .filter((h) => contact(h) && own(h))
    .slice(0, 3);
  const holding = (name: string) => all.find((h) => nameKey(nameText(h.textContent ?? '')).includes(nameKey(name)));
  const title = nameText(meta.title);
  let name = '';
  let heading: Element | null = null;
  // "Ich bin Jens Roth, Rechtsanwalt …", "Soy el Dr. …": the owner introducing themselves is the
  // plainest statement of whose page it is, above a title that may be the brand ("Anwalt Roth").
  const bodyStart = textOf(doc.body ?? doc.documentElement, 8000).replace(/\s+/g, ' ');
  const introMatch = INTRO.exec(bodyStart);
  const intro = nameText(introMatch?.[1] ?? '');
  // "Mijn naam is Josien Hannema, oprichter van Sense & Sensitivity;": the role they give themselves.
  const introRole = introMatch
    ? appositive(
        bodyStart.slice(introMatch.index + introMatch[0].length, 300 + introMatch.index + introMatch[0].length),
      )
    : null;
  if (looksLikeName(intro)) {
    name = intro;
    heading = holding(intro) ?? null;
  } else if (looksLikeName(title)) {
    name = title;
    heading = holding(title) ?? nameHolder(doc, title);
  }
  if (!name && headingsToo) {
    const bodyText = textOf(doc.body ?? doc.documentElement, 20_000)
      .replace(/\s+/g, ' ')
      .toLowerCase();
    // A part a heading repeats beats one the text merely mentions: the brand before the owner's
    // name in "Über mich — STUDIO NORD | Jane Roe" also sits in the navigation.
    const candidates = meta.titleParts
      .slice(0, 4)
      .map(nameText)
      // Words whose initials spell the host are the brand's name, not the owner's.
      .filter((c) => looksLikeName(c) && !hostInitials(c, page));
    for (const candidate of candidates) {
      heading = holding(candidate) ?? null;
      if (heading) {
        name = candidate;
        break;
      }
    }
    if (!name) {
      name = candidates.find((c) => bodyText.includes(c.toLowerCase())) ?? '';
      heading = name ? nameHolder(doc, name) : null;
    }
  }
  // An "about me" page whose title and headings name only the section ("Über mich", "Over mij"):
  // the name two of the page's other statements of its owner agree on.
  if (!name && FIRST_PERSON_PATH.test(page.pathname)) {
    name = agreedOwner(doc, meta, page, authors);
    heading = name ? (holding(name) ?? null) : null;
  }
  if (!name && headingsToo) {
    heading = headings.find((h) => looksLikeName(nameText(h.textContent ?? ''))) ?? null;
    if (heading) name = nameText(heading.textContent ?? '');
  }
  const p = name ? newPerson(name, 'title') : null;
  if (!p) return null;
  // Given names the dataset lacks ("Gerton ten Ham") still make a person's page when the page
  // vouches for the name: a LinkedIn profile it links spells it (/in/gertontenham), or it is their
  // "about me" page. A domain alone does not: businesses spell theirs too (bulbautomacoes.com.br).
  const squashed = nameKey(p.fullName).replace(/ /g, '');
  // So does the page's own address when it spells the name word by word (/members/gerton-ten-ham.html):
  // a member page. A handle written as one word (/northwindstudio) is a brand's as often.
  const slug = lastSlug(page);
  const slugged = nameKey(slug) === nameKey(p.fullName) || profileSlugs(doc, page.href).includes(squashed);
  // Words whose initials spell the site's host ("Mindfulness-Based Compassionate Living" on mbcl.nl)
  // name its brand, not its owner: judged like any unvouched name, even on an "over mij" page.
  // So does an owner introducing themselves by name ("Mijn naam is Joost van der Schee en ik ben …"):
  // no label or brand is written so.
  const vouched =
    !hostInitials(p.fullName, page) && (FIRST_PERSON_PATH.test(page.pathname) || slugged || name === intro);
  if (!vouched) p.judge = 0;
  // A theme's masthead sets the role inside the name's heading ("<h3><a>Frank Taillandier</a><small>Consultant
  // web</small></h3>", Jekyll's Poole and Hyde): before a kicker or the lines after it.
  const inside = heading ? subHeading(heading) : null;
  const sub = inside && nameKey(inside.name) === nameKey(name) ? inside.text : '';
  const role = introRole?.company || !heading ? '' : sub || kickerOf(heading) || roleAfter(heading);
  // Their introduction's role with an employer comes first; its role alone only after the heading's line.
  const introduced = introRole && looksLikeName(intro) && name === intro;
  if (introduced && introRole.company) {
    setField(p, 'title', introRole.title, 'page');
    setField(p, 'companyName', introRole.company, 'page');
  } else if (role) roleInto(p, role, SPEAKER_PATH.test(page.pathname));
  else if (introduced) setField(p, 'title', introRole.title, 'page');
  if (meta.image) setField(p, 'photoUrl', meta.image, 'meta');
  return { person: p, heading };
}

/** True when the words' initials spell the site's host ("Mindfulness-Based Compassionate Living" on mbcl.nl): a brand. */
function hostInitials(name: string, page: URL): boolean {
  const initials = name
    .split(/[\s-]+/)
    .map((w) => w.charAt(0))
    .join('')
    .toLowerCase();
  return initials.length >= 3 && initials === page.hostname.replace(/^www\./, '').split('.')[0];
}

// A copyright line's holder after its years ([1], up to the next comma or bar).
const COPY_HEAD =
  /(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*(?:[-–—]\s*(?:19|20)\d{2}\s*)?)?[,.]?\s*([^,|•·\n]{3,60})/i;

/**
 * The owner's name on an "about me" page that two of its statements of its owner agree on: the
 * title's parts ("Über mich / Beate Loidl"), the footer's copyright holder ("© 2015, Beate Loidl,
 * Perchtoldsdorf"; "Krzysztof Zaleski © 2021 Wszelkie prawa zastrzeżone", written before the sign),
 * the description's head ("Over Marlous Hagen — …", "Erik van den Brink, psychiater, …"), the
 * page's markup author (a theme's BlogPosting author), the site's host when it spells the name as its
 * initial and family name (kzaleski.pl: a brand's host spells the brand whole, rarely so) and a footer's
 * mailbox written as the name (andrea.idini@…). One
 * alone may be the brand, the theme's default or a co-author; two agreeing are the owner. '' when none agree.
 */
function agreedOwner(doc: Document, meta: MetaReading, page: URL, authors: string[]): string {
  const foot = footerOf(doc);
  // The holder's first part: "© 2015, Beate Loidl, Perchtoldsdorf, Wien", "© 2012 - 2023, Erik van den Brink. All …".
  const holder = (COPY_HEAD.exec(foot ? textOf(foot, 4000) : '')?.[1] ?? '').split(/\.\s|\s[-–—]\s/)[0] ?? '';
  // The body's text where no footer is marked as one (a Gatsby theme's <span class="footer__Copyright…">).
  const end = foot ?? doc.body;
  const before =
    /((?:\p{Lu}[\p{L}'’-]+\s){1,3}\p{Lu}[\p{L}'’-]+)\s?(?:©|\(c\))/u.exec(end ? textOf(end, 20_000) : '')?.[1] ?? '';
  // The site's logo text ("<a class=logo>Sofía García</a>") names the site as its title does: one statement with it.
  const logo = doc.querySelector('header [class*="logo"], [class*="brand"], [class*="logo"]');
  // The line a theme marks as the copyright names the holder without the sign too ("site.org - Jane Roe", Publii).
  const mark = (foot ?? doc).querySelector('[class*="copyright"]');
  // The description's clauses: a bio opens with the name ("Andrea Idini, classe 1985, …") after a notice may.
  const lists = [
    [...meta.title.split(/\s[|/–—·-]\s/).slice(0, 4), logo ? textOf(logo, 200) : ''],
    [
      holder,
      before,
      ...(mark
        ? textOf(mark, 200)
            .split(/\s[|/–—·-]\s/)
            .slice(0, 3)
        : []),
    ],
    meta.description.split(/\s[|–—-]\s|[,;:.]\s/).slice(0, 8),
    authors.slice(0, 3),
  ].map((texts) => texts.map(nameText).filter((n) => looksLikeName(n) && !hostInitials(n, page)));
  const host = siteLabel(page.hostname);
  // A mailbox written as the name ("andrea.idini@gmail.com" in the footer): a brand's is info@, not its name.
  const boxes = (foot ? textOf(foot, 4000) : '')
    .split(/\s+/)
    .filter((w) => w.includes('@'))
    .map((w) => w.split('@')[0] ?? '');
  const initialed = (n: string) => {
    const words = nameKey(n).split(' ');
    const whole = words.join('');
    return (
      words.length >= 2 &&
      (host === (words[0]?.charAt(0) ?? '') + words.slice(1).join('') ||
        boxes.some((b) => nameKey(b).replace(/ /g, '') === whole))
    );
  };
  const agree = (n: string) =>
    lists.filter((l) => l.some((m) => nameKey(m) === nameKey(n))).length + (initialed(n) ? 1 : 0) >= 2;
  return lists.flat().find(agree) ?? '';
}

/**
 * True when a contact or legal page belongs to a person's own site: the name its statements agree
 * on ("Contatti - Federico Albano", "© 2025 Federico Albano") is the one the host spells and a
 * LinkedIn member profile it links spells (federicoalbano.com, /in/federico-albano-consulente):
 * a brand's host spells the brand, but its owner's member profile does not.
 */
export function personalSite(doc: Document, meta: MetaReading, page: URL): boolean {
  const squash = nameKey(agreedOwner(doc, meta, page, [])).replace(/ /g, '');
  return (
    squash.length >= 6 &&
    siteLabel(page.hostname) === squash &&
    profileSlugs(doc, page.href).some((slug) => slug.startsWith(squash))
  );
}

// Leaders whose "of" names their business ("oprichter van Sense & Sensitivity", "founder of Acme");
// other roles' "of" names a field ("Professor of Latin").
const LEADER =
  /^(?:co-?)?(?:founder|oprichter|oprichtster|eigena(?:ar|resse)|owner|gründer(?:in)?|inhaber(?:in)?|fondat(?:eur|rice|ore)|fundador(?:a)?|ceo|geschäftsführer(?:in)?|managing director|titolare|propietari[oa]|dueñ[oa])$/i;
// ("…, a data scientist at Novo Nordisk", "…, ricercatore presso l'Università di Bologna").
const ARTICLE = '(?:the|de|die|der|la|le|il|el|an?|une?|una?|een|eine?|uma?)\\s';
const APPOSITIVE = new RegExp(
  `^,\\s(?:${ARTICLE})?([\\p{L} -]{3,40}?)\\s(?:van|of|de|di|von|del|du|at|bei|bij|chez|presso|en)\\s(?:het\\s|de\\s|the\\s|l['’])?(\\p{Lu}[^;.,:!?()]{1,60})`,
  'u',
);
// "Ich bin Lena Berger, Fotografin aus Hamburg.": a role alone, up to a place or the sentence's end.
const ROLE_ONLY = new RegExp(
  `^,\\s(?:${ARTICLE})?(\\p{L}[\\p{L} -]{2,40}?)(?=\\s(?:aus|from|in|uit|à|a|en|em|da|de|w|based)\\s|\\s?[.,;!])`,
  'u',
);

/** The role an introduction gives after the name: ", oprichter van Sense & Sensitivity" → title and company. */
function appositive(after: string): { title: string; company: string } | null {
  const m = APPOSITIVE.exec(after);
  const alone = (ROLE_ONLY.exec(after)?.[1] ?? '').trim();
  if (!m && alone.split(' ').length <= 4 && roleish(alone)) return { title: alone, company: '' };
  const title = (m?.[1] ?? '').trim();
  const company = (m?.[2] ?? '').replace(COMPANY_END, '').trim();
  if (!m || !company || !roleish(title) || (!LEADER.test(title) && !/\s(?:at|bei|bij|chez|presso)\s/.test(m[0])))
    return null;
  return { title, company };
}

// A self-introduction by name at a sentence start: "Hi, I'm …,", "Ich bin …,", "Je suis …", "Soy el …" (capitalised
// after a heading whose text ran on without a full stop: "… Psicopedagoga Laboral Soy Carolina Zuttion ,"). The name
// ends at a comma or full stop (a space before it where the name was a <strong> the text joined with spaces:
// "Soy Carolina Zuttion , psicopedagoga") or at "and" going on about them ("Meu nome é Julia Caroline e sou …").
const INTRO =
  /(?:^|[.!?:]\s|\s(?=(?:I'm|I’m|I am|My name is|Mijn naam is|Mein Name ist|Mi nombre es|Me llamo|Mi chiamo|Je m'appelle|Meu nome é|Ich heiße|Ich bin|Ik ben|Je suis|Soy|Sono|Eu sou)\s))(?:(?:[Hh]i|[Hh]ello|[Hh]allo|[Hh]ola|[Bb]onjour|[Cc]iao),?\s)?(?:I'm|I’m|I am|[Mm]y name is|[Ii]ch bin|[Ii]ch heiße|[Mm]ein Name ist|[Jj]e suis|[Jj]e m'appelle|[Ss]oy|[Mm]e llamo|[Mm]i nombre es|[Ss]ono|[Mm]i chiamo|[Mm]ijn naam is|[Ii]k ben|[Mm]eu nome é|[Ee]u sou)\s(?:el\s|la\s)?(\p{Lu}[\p{L}'’-]*\.?\s(?:(?:\p{Lu}[\p{L}'’-]*\.?|van|der|den|de|von|zu|di|da|du|le|ten|ter|dos|das|del)\s){0,3}\p{Lu}[\p{L}'’-]+)(?=\s?[,.]|\s(?:and|und|et|e|y|en|i)\s\p{Ll})/u;

// "I'm a principal research scientist at Google DeepMind in San Francisco, where …", "Ich bin … bei …".
const SELF =
  /\b(?:I'm|I’m|I am|ich bin|je suis|sono|soy|[Ii]k (?:\([^()]{3,40}\) )?ben|sou)\s(?:an?\s|the\s|eine?\s|une?\s)?([^.,;:!?|]{3,60}?)\s(?:at|with|bei|chez|presso|en|bij|na|em)\s(?:the\s|de\s)?(\p{Lu}[^.,;:!?()|]{1,60})/u;
// "I am a …" up to a place ("from", "uit", "aus", "based in") or the sentence's end: a role with no employer.
const SELF_ROLE =
  /\b(?:I'm|I’m|I am|[Ii]ch bin|[Jj]e suis|[Ss]ono|[Ss]oy|[Ii]k ben|[Ss]ou)\s(?:an?|eine?|une?|un|una|uma?|een)\s([\p{L} -]{3,40}?)(?=\s(?:from|based|aus|de|da|uit|in|à|en|em)\s|[.,;!])/u;
const COMPANY_END = /\s(?:in|where|and|since|on|advised|working|und|à|a|dans)\s.*$/;

// A town after a local professional's role: "sophrologue à Morges", "Médico General en Cartagena".
const IN_TOWN = /\s(?:à|in|en|a|bei|près de)\s\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?$/u;

/**
 * The role a page writes beside its person's name when nothing else gives one: "À propos – Christel
 * Cantois, sophrologue à Morges" (title), "Martin Konzett B.A. – Akademischer Mentalcoach" (a photo's
 * alt), "Jane Roe | Photographer" (the logo), "© 2025 Jane Roe · Coach · Dornbirn" (the footer). The
 * first short part after the name that holds a role word, without the town.
 */
export function namedRole(doc: Document, meta: MetaReading, name: string): string {
  const key = nameKey(name);
  if (!key.includes(' ')) return '';
  const texts = [meta.title, meta.ogTitle, meta.siteName];
  for (const img of Array.from(doc.querySelectorAll('img[alt]')).slice(0, 30))
    texts.push(img.getAttribute('alt') ?? '');
  const logo = doc.querySelector('header [class*="logo"], [class*="brand"], [class*="logo"]');
  if (logo) texts.push(textOf(logo, 200));
  const foot = footerOf(doc);
  // The footer's short lines: its copyright line often reads "© 2025 Name · Role · Town". Shortest
  // first: a wrapper's text runs the line on into its buttons ("… Consulente del Credito Chiama ora").
  if (foot)
    texts.push(
      ...Array.from(foot.querySelectorAll('p, li, small, span, div'))
        .slice(0, 60)
        .map((el) => textOf(el, 300))
        .filter((t) => t.length <= 200)
        .sort((a, b) => a.length - b.length),
    );
  for (const raw of texts) {
    const text = clip(raw, 200).replace(NICKNAME, ' ');
    // The name, then a separator: the rest of the line is about them.
    const at = nameKey(text).indexOf(key);
    if (at < 0) continue;
    const words = key.split(' ').length;
    const tokens = text.split(' ');
    const start = tokens.findIndex((_, i) => nameKey(tokens.slice(i, i + words).join(' ')) === key);
    if (start < 0) continue;
    // "Mercier, sophrologue": the separator may cling to the name's last word.
    const tail = trailingNonLetters(tokens[start + words - 1] ?? '');
    const rest = stripCredentials(`x ${tail} ${tokens.slice(start + words).join(' ')}`).slice(2);
    const m = /^(?:[A-Z]\.[A-Za-z.]{0,8}\s)?\s{0,3}[,–—|·-]\s{0,3}([^|·•–—,(]{3,80})/.exec(rest);
    const role = (m?.[1] ?? '').trim().replace(IN_TOWN, '');
    if (role && role.split(' ').length <= 5 && roleish(role) && !/[@:/]/.test(role)) return role;
  }
  return '';
}

/**
 * Sets a role line found near a heading. Such a line is no bio: only "Role at Company" or an
 * institution after the role names an employer ("Immobilienmaklerin – Bamberg" names a town,
 * "Coach | Mentaltraining" a field); the other forms give their role part alone.
 */
function roleInto(p: RawPerson, role: string, others = false): void {
  // "Consultant chez SmartView (conseil et formation) & SmartCode (projets Agile)": the first affiliation.
  const first = role.replace(/\s\([^()]{1,60}\)/g, '').split(/\s(?:&|\+|and|et|und|y|e)\s/)[0] ?? role;
  const strict = splitRole(role, others);
  const lead = strict.company ? strict : splitRole(first, others);
  const parts = lead.company ? lead : { title: splitRole(role, true).title };
  setField(p, 'title', parts.title, 'title');
  if (parts.company) setField(p, 'companyName', parts.company, 'title');
}

/** The role line beside the heading that names a person found another way (a LinkedIn address). */
export function headingRole(doc: Document, p: RawPerson): void {
  const key = nameKey(p.fullName);
  const heading = Array.from(doc.querySelectorAll('h1, h2, h3'))
    .slice(0, 40)
    .find((h) => nameKey(nameText(h.textContent ?? '')) === key);
  const role = heading ? kickerOf(heading) || roleAfter(heading) : '';
  if (role) roleInto(p, role);
}

/** The role line a bio's first self-description gives ("I am a PhD candidate at MIT"), as "Role at Company". */
export function selfDescribed(doc: Document): string {
  const text = textOf(doc.body ?? doc.documentElement, 8000).replace(/\s+/g, ' ');
  const m = SELF.exec(text);
  // "Ik ben een Grafisch Ontwerper uit Nederland.", "I am a photographer based in Lyon": a role with no employer.
  const alone = m ? '' : (SELF_ROLE.exec(text)?.[1] ?? '').trim();
  if (alone) return alone.split(' ').length <= 4 && roleish(alone) && !sentenceLike(alone) ? alone : '';
  if (!m) return '';
  const title = (m[1] ?? '').trim();
  const company = (m[2] ?? '').replace(COMPANY_END, '').trim();
  if (!ROLE_WORDS.test(title) || !company) return '';
  return `${title} at ${company}`;
}

/** The next sibling of the nearest of three ancestors that has one (a heading in a table cell: the next row). */
function nextUp(el: Element): Element | null {
  let up = el.parentElement;
  for (let i = 0; i < 3 && up; i++, up = up.parentElement) if (up.nextElementSibling) return up.nextElementSibling;
  return null;
}

/**
 * The label right above a name heading (a "kicker": "<span>Akademischer Mentalcoach</span><h2>Martin
 * Konzett</h2>", "Geschäftsinhaberin · Seit 2001" over the h1): themes set the profession there.
 */
function kickerOf(heading: Element): string {
  let el: Element | null = heading;
  // The heading may be the first child of its wrapper: the label is then the wrapper's previous sibling.
  for (let i = 0; i < 2 && el && !el.previousElementSibling; i++) el = el.parentElement;
  const prev = el?.previousElementSibling;
  if (!prev || prev.children.length > 2 || /^(NAV|HEADER|UL|OL|IMG|FIGURE|PICTURE)$/.test(prev.tagName)) return '';
  const line = (
    textOf(prev, 200)
      .replace(/\s+/g, ' ')
      .trim()
      .split(/\s[•·|]\s/)[0] ?? ''
  ).trim();
  return line.length >= 3 && line.split(' ').length <= 5 && roleish(line) && !/[@:]\S/.test(line) ? line : '';
}

/** The first short line holding a role word in the few blocks that follow a heading. */
function roleAfter(heading: Element): string {
  let el: Element | null = heading;
  for (let i = 0; i < 6 && el; i++) {
    el = el.nextElementSibling ?? nextUp(el);
    if (!el) break;
    // An academic's block of lines (jemdoc, Hugo): "AI researcher,<br>Lab, Institute,<br>School, University".
    const lines = el.getElementsByTagName('br').length ? linesOf(el).map((b) => b.text.replace(/[,;]$/, '')) : [];
    const text = lines[0] ?? textOf(el, 400).replace(/\s+/g, ' ').trim();
    // "Psicologo Psicoterapeuta • Collaboratore": the first of several roles is the profession.
    const line = text.split(/\s[•·]\s/)[0] ?? '';
    if (
      line.length >= 3 &&
      line.length <= 100 &&
      roleish(line) &&
      !/[@:]\S/.test(line) &&
      !SELF.test(line) &&
      !sentenceLike(line)
    ) {
      // The institution in the next lines is the employer ("McGill University"), a lab or a field is not.
      const org = lines
        .slice(1, 3)
        .flatMap((l) => l.split(/,\s/))
        .find((part) => isOrgText(part.trim()));
      return org && !splitRole(line, false).company ? `${line} at ${org.trim()}` : line;
    }
  }
  return '';
}

// Honorifics a practice puts before its owner's name ("Dr. Rodrigo Ochoa", "Studio Avv. Rossi").
const PRACTICE_PREFIX =
  /^(?:(?:dr|dra|prof(?: ?ssa)?|dott(?: ?ssa)?|avv|me|mag|ing|arch|studio|praxis|cabinet|kanzlei)\s)+/;

/** True when a business is named after the person ("Jane Doe", "Dr. Jane Doe", "Jane Doe – Translator"). */
export function ownBusiness(companyName: string, person: RawPerson): boolean {
  const name = nameKey(person.fullName);
  const co = nameKey(companyName).replace(PRACTICE_PREFIX, '');
  const squash = (s: string) => s.replace(/ /g, '');
  if (squash(co) === squash(name)) return true;
  return name.includes(' ') && (co === name || co.startsWith(`${name} `));
}

/** The run of non-letters (dots excepted) ending `token`; a backward scan, since `[^…]+$` is quadratic on long runs. */
function trailingNonLetters(token: string): string {
  let i = token.length;
  while (i > 0 && token[i - 1] !== '.' && !/\p{L}/u.test(token[i - 1] ?? '')) i--;
  return token.slice(i);
}
