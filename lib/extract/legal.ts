import { streetLike, townAfterStreet, townOf } from './address';
import { endsInLegalForm, withoutLegalForm } from './legal-forms';
import { NOT_NAME as NOT_NAME_WORD } from './name-words';
import { looksLikePersonName } from './names';
import { clip, newPerson, setField } from './page/entity';
import { ANCHOR, DECOY, splitNotice } from './page/legal';
import { ROLE_WORDS } from './page/roles';
import type { RawPerson } from './page/types';

/**
 * Legal notices and contact pages without markup: a German Impressum, Austrian or
 * Swiss Impressum, French mentions légales, Italian note legali, Spanish aviso legal. The law
 * makes them name the legal entity, its address and its representative; we read those three
 * from the notice's lines. Decoys on the same page (the supervising chamber, the insurer, the
 * web host, the agency) come after the owner's block, so only the first hits are taken.
 * It runs in the extension (finalize), on the lines the reader collected (./page/legal.ts),
 * so its word lists stay out of the script injected into pages.
 */

/** Role labels per language: [label pattern, title to record ('' = the label names no role)]. */
const ROLES: [RegExp, string][] = [
  // de, at, ch
  [/^(?:gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|gesch(?:ä|ae)ftsf(?:ü|ue)hrung)\b/i, '*'],
  [/^inhaber(?:in)?\b/i, '*'],
  [/^angaben zum verantwortlichen\b/i, ''],
  // A profession before the name ("Rechtsanwalt Jörn Buhlke") is the title regulated professions must state.
  [/^(?:rechtsanw(?:a|ä|ae)lt(?:in)?|steuerberater(?:in)?|notar(?:in)?|avocat(?:e)?|avvocato|abogad[oa])\b/i, '*'],
  [/^vorstand(?:svorsitzende[rn]?)?\b/i, '*'],
  [/^vertreten durch\b/i, ''],
  // "Betreiber der Website", "Nom : …", "Name: …": a label over the owner's name.
  [/^(?:betreiber(?:in)?(?: de[rs] \p{L}+)?|nom|name|nome|nombre)(?![\p{L}-])/iu, ''],
  [/^vertretungsberechtigt(?:e[rn]?)?\b/i, ''],
  [/^verantwortlich f(?:ü|ue)r den inhalt\b/i, ''],
  // fr
  [/^(?:directeur|directrice) de (?:la )?publication\b/i, ''],
  [/^responsable de (?:la )?publication\b/i, ''],
  [/^(?:pr(?:é|e)sident(?:e)?|g(?:é|e)rant(?:e)?|co-?fondat(?:eur|rice))\b/i, '*'],
  // it
  [/^titolare del sito\b/i, ''],
  [
    /^(?:titolare|legale rappresentante|rappresentante legale|representante legal|amministratore(?: unico| delegato)?)\b/i,
    '*',
  ],
  // es
  [/^(?:administrador(?:a)?(?: único| única)?|titular)\b/i, '*'],
  // en
  [/^(?:managing director|owner)\b/i, '*'],
  // nl, be: the responsible publisher ("v.u.: dhr. …") a Belgian colophon must name, the manager
  [/^(?:verantwoordelijke uitgever|v\.\s?u\.)/i, ''],
  // nl managers, pl owners and boards, ja (会社概要's 代表者 / 代表取締役 row)
  [
    /^(?:(?:zaakvoerder|eigenaar|bestuurder|w(?:ł|l)a(?:ś|s)ciciel(?:ka)?|prezes zarz(?:ą|a)du)(?![\p{L}-])|代表(?:者|取締役(?:社長)?))/iu,
    '*',
  ],
];

// Labels of the company's name in a notice's or profile table's rows ("社名", "Onderneming", "Raison sociale").
const NAME_LABEL =
  /^(?:社名|会社名|商号|onderneming|bedrijfsnaam|handelsnaam|raison sociale|d(?:é|e)nomination(?: sociale)?|ragione sociale|denominazione(?: sociale)?|raz(?:ó|o)n social|raz(?:ã|a)o social|firmenname|nazwa firmy)\s?[:：]?\s?(.*)$/iu;
// The same labels in a notice written as one run-on paragraph ("… nuestros datos: Denominación Social: CODE
// CELL, S.L.U. Domicilio Social: …"): the value runs to the next capitalised label and its colon.
const NAME_LABEL_INLINE =
  /(?:^|[.:;]\s)(?:raison sociale|d(?:é|e)nomination sociale|denominaci(?:ó|o)n social|ragione sociale|denominazione sociale|raz(?:ó|o)n social|raz(?:ã|a)o social|firmenname|nazwa firmy|obchodn(?:é|í) (?:meno|firma))\s?:\s?([^:]{2,80}?)(?=\s\p{Lu}\p{L}+(?:\s\p{L}+)?\s?:|$)/iu;
// The label a notice heads its provider's block with, alone on its line ("Anbieter:", "Anbieter &
// Diensteanbieter", "Herausgeber", "Medieninhaber", "Éditeur du site"): the law asks the provider to be
// named first, so the next line is the entity, or its owner's name when a sole trader runs it.
const PROVIDER =
  /^(?:(?:dienste)?anbieter|herausgeber(?:in)?|medieninhaber(?:in)?|(?:seiten)?betreiber(?:in)?|(?:é|e)diteur(?: du site)?|editore(?: del sito)?)(?:\s?(?:&|und|\/)\s?(?:dienste)?anbieter)?\s?:?$/iu;
// Sentences that name the owner mid-line ("Este sitio web es propiedad y está operado por Randy ...").
const OWNER_PHRASE =
  /(?<!\p{L})(?:operad[oa] por|propiedad de|gestionad[oa] por|exploit(?:é|e) par|(?:é|e)dit(?:é|e) par|betrieben von|gestito da|(?:repr(?:é|e)sentant l(?:é|e)gal|(?:directeur|directrice|responsable) de (?:la )?publication)(?: de la soci(?:é|e)t(?:é|e) [^\s,]{1,40}| du site)? est) (.{3,120})/iu;
// "Akema, Société par Actions Simplifiée au capital …", "ACE Conseil, SAS au capital de …": the entity before its legal form.
const FORM_AFTER =
  /^([^,:;]{2,60}), (?:soci(?:é|e)t(?:é|e)|sas|sasu|sarl|eurl|sa|sci|gmbh|ug|ag|s\.?r\.?l\.?s?|s\.?p\.?a\.?|societ(?:à|a)|sociedad|s\.?l\.?u?|s\.?a\.?|ltd|llc|inc)(?!\p{L})/iu;
// "… en sa qualité de CEO": the role a French notice gives after the representative's name.
const AS_ROLE = /(?<!\s)\s+en (?:sa )?qualit(?:é|e) d[e'’]\s?/iu;
// A profession stated on its own line under the owner's name ("Qualifica: Psicologo", "Berufsbezeichnung: Rechtsanwalt").
const QUALIFICATION =
  /^(?:qualifica|qualification|berufsbezeichnung|profession|profesi(?:ó|o)n|titolo professionale)\s?:\s?(.{2,80})$/iu;
// Enumerated section headings ("1) Titolare del sito", "2. Hébergeur").
const ENUM = /^(?:\d{1,2}|[a-z])[.)]\s{1,3}/i;
// Words that make a capitalised line a heading or an institution, not a person.
const NOT_NAME =
  /kammer|gericht|beh(?:ö|oe)rde|versicherung|register|verantwortlich|anschrift|kontakt|impressum|informations?\b|g(?:é|e)n(?:é|e)rales?\b|contact|adresse|sede\b|del sito|zust(?:ä|ae)ndig/i;
// Nouns that name a business, not a person ("Agentur MARKE ICH", "Fotostudio Licht", "Praxis am Markt").
const FIRM_WORD =
  /^(?:\p{L}{0,20}(?:agentur|studio|praxis|kanzlei|b(?:ü|ue)ro|verlag|werkstatt|fotografie|manufaktur|immobilien|beratung|technik|apotheke|klinik|akademie|stiftung|zentrum|gruppe|agenzia|ristorante)|agency|atelier|salon|hotel|restaurant|caf(?:é|e)|pension|cabinet|boutique|maison|soci(?:é|e)t(?:é|e)|bottega|group|consulting|design|media|services?|solutions|systems|photography|academy|verein|center|centre|clinic|vertrieb|shop)$/iu;
// Degrees written after a German or English name ("Dipl.-Ing. Hans Wagner FH", "Anna Weber M.A.", "Jan Kühn MBA").
const DEGREE_AFTER = /\s(?:FH|TU|TH|MBA|M\.\s?A\.|B\.\s?A\.|M\.\s?Sc\.|B\.\s?Sc\.|LL\.\s?M\.|Ph\.\s?D\.)$/u;
// Honorifics before a name that are not part of it.
const HONORIFIC =
  /^(?:(?:herr|frau|dr\.|prof\.|dipl\.-[\p{L}]{1,10}\.?|mme|mlle|monsieur|madame|dott\.(?:ssa)?|sig\.(?:ra)?|don|doña|maître|me|sr\.|sra\.|mr\.?|mrs\.?|ms\.?|dhr\.|mevr\.|de heer|mevrouw) )+/iu;
// Template names left on live sites (theme placeholders): never a prospect.
const PLACEHOLDER = /^(?:jean dupont|max mustermann|erika mustermann|mario rossi|juan p(?:é|e)rez|john smith)$/i;
// Headings of the sections naming the site's host, maker or maintainer that the reader's DECOY (anchored at the
// line's start, in the injected script) misses: the word after a first one ("Identification de l'hébergeur",
// "Informations sur l'hébergeur", "Angaben zum Hosting-Anbieter") or a maintainer's section ("Maintenance").
// Only a short line: a heading, not a sentence that mentions hosting.
// Notices must also name the bodies over the owner (the data-protection authority, the bar or chamber a
// regulated profession belongs to) and often credit the site's makers: each under its own heading, after
// the owner's block, with that body's or maker's address and numbers ("Autorité de contrôle : CNIL",
// "Ordine degli Avvocati di Lucca", "Colegio de Abogados", "Webdesign & Umsetzung", "Crédits").
const OTHERS_HEADING =
  /^(?:.{0,30}\s(?:l['’])?(?:h(?:é|e)berg(?:eur|ement)|hosting|hoster|alojamiento|hospedagem)|maintenance|manutenzione|mantenimiento|wartung|barreau|ordre des (?:avocats|architectes|m(?:é|e)decins|experts)|ordine (?:degli|dei) |colegio (?:de|oficial) |ordem dos |law society|bar association|chambre (?:de commerce|des m(?:é|e)tiers)|camera di commercio|c(?:á|a)mara (?:de|oficial de) comercio|autorit(?:é|à) (?:de contr(?:ô|o)le|garante)|garante (?:per la|della) |autoriteit persoonsgegevens|cnil\b|agencia espa(?:ñ|n)ola de protecci(?:ó|o)n|(?:the )?(?:data protection|supervisory) (?:authority|commission)|information commissioner|cr(?:é|e)dit(?:s|i|os)(?: photos?)?\s?:?$|web ?design|site (?:r(?:é|e)alis(?:é|e)|con(?:ç|c)u)|(?:website|site|design(?:ed)?|developed) by\b|realizzazione|sviluppo (?:del )?sito|dise(?:ñ|n)o web|desarrollo web)/iu;

/** What a legal notice names: the company's legal name, its town, its representatives. */
export interface LegalReading {
  companyName: string;
  /** Text of the sections naming others (chamber, insurer, host): their contacts are not the company's. */
  decoyText: string;
  /** Text of the owner's block: a contact found there stays the company's even when repeated below. */
  ownText: string;
  location: string;
  people: RawPerson[];
}

const foldName = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();

/** A person's name at the start of a text ("Dr. Philipp Zahn, Anschrift wie oben" → "Philipp Zahn"). */
function nameIn(text: string): string {
  const head = text
    .replace(/^[:\s–—-]+/, '')
    .replace(HONORIFIC, '')
    .split(/[,;(|/]| - | – |(?<=\p{L}{3})\.(?: |$)/u)[0]
    ?.trim()
    .replace(HONORIFIC, '');
  if (!head || /\d|@/.test(head) || NOT_NAME.test(head) || endsInLegalForm(head) || PLACEHOLDER.test(head)) return '';
  // "Hans Wagner FH", "Anna Weber M.A.": a degree after the name is not part of it (its brackets are split off above).
  const bare = head.replace(DEGREE_AFTER, '');
  if (bare !== head) return nameIn(bare);
  // "山﨑 大輔", "山田太郎": a Japanese family and given name, no company word (会社, 法人).
  if (/^\p{sc=Han}{1,3} ?\p{sc=Han}{1,3}$/u.test(head)) return /会社|法人|組合|事務所/.test(head) ? '' : head;
  const words = head.split(' ');
  if (words.length < 2 || words.length > 5) return '';
  if (words.some((w) => FIRM_WORD.test(w) || (w.length > 3 && NOT_NAME_WORD.test(w)))) return '';
  // Every word capitalised, an initial ("M."), or a particle (von, van der, de la, di).
  const ok = words.every((w) => /^(?:\p{Lu}[\p{L}'’-]*\.?|von|van|der|den|de|la|du|di|da|del|dos|y|zu)$/u.test(w));
  return ok ? head : '';
}

/** True for a line that can be a firm's name: short, no digits, no label, no section heading. */
function firmLine(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= 60 &&
    line.split(' ').length <= 6 &&
    !/[\d:@]/.test(line) &&
    !NOT_NAME.test(line) &&
    !DECOY.test(line) &&
    !ANCHOR.test(line) &&
    !roleIn(line)
  );
}

/** The first role label in a line and what follows it. */
function roleIn(text: string): { title: string; rest: string } | null {
  const line = text.replace(ENUM, '');
  for (const [re, title] of ROLES) {
    const m = re.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length).replace(/^(?:\s?\([^)]{0,40}\))?[\s:]+/, '');
    // "Geschäftsführer | CEO: Ingo Ernst": a bilingual label; the later one is the site's own translation.
    const alt = /^[|/]\s?([^:|/]{2,40}):\s?/.exec(rest);
    if (alt?.[1] && ROLE_WORDS.test(alt[1])) return { title: alt[1].trim(), rest: rest.slice(alt[0].length) };
    return { title: title === '*' ? m[0] : '', rest };
  }
  return null;
}

/**
 * Reads a legal notice's entity, town and representatives from its lines (./page/legal.ts
 * noticeLines) and the page's title; null when they name none.
 */
export function parseNotice(block: string[], pageTitle: string): LegalReading | null {
  const out: LegalReading = { companyName: '', decoyText: '', ownText: '', location: '', people: [] };
  const split = splitNotice(block);
  // Everything from the first decoy section on: a dispute board or a host often follows the chamber.
  // The owner's block also ends at a heading only finalize knows (OTHERS_HEADING): the entity, its town
  // and its representatives are read in it, never in a host's, a bar's or a web agency's section.
  const more = split.own.findIndex((l, i) => i > 0 && l.length <= 60 && OTHERS_HEADING.test(l));
  const own = more > 0 ? split.own.slice(0, more) : split.own;
  out.decoyText = [...split.own.slice(own.length), ...split.others].join(' ');
  out.ownText = own.slice(0, 60).join('\n');
  let forwarded = -1;
  // A contact page without a notice is read from its top: a line ending in a legal form there may be
  // anyone's (the theme's maker in the footer, a client, a partner). Unlabelled, it names the site's
  // company only when the page's title shares one of its words; a notice's own block names its owner.
  const anchored = ANCHOR.test(block[0] ?? '');
  const titleWords = new Set(
    foldName(pageTitle)
      .split(' ')
      .filter((w) => w.length >= 3),
  );
  const titled = (name: string) =>
    foldName(withoutLegalForm(name))
      .split(' ')
      .some((w) => titleWords.has(w));
  for (const [i, line] of own.slice(0, 30).entries()) {
    // "Hauptstr. 28" then "Zossen", "Via Einaudi 82, Venezia": a town after a street's number, with no postcode.
    if (!out.location && i > forwarded) out.location = townAfterStreet(line, own[i + 1] ?? '');
    // A provider label's entity: the next line when a street or a postcode follows it and it is no
    // person's name (a sole trader's own name is read as the representative below).
    const provided = own[i + 1] ?? '';
    if (
      !out.companyName &&
      PROVIDER.test(line) &&
      firmLine(provided) &&
      !NAME_LABEL.test(provided) &&
      !looksLikePersonName(provided) &&
      (streetLike(own[i + 2] ?? '') || /\d/.test(own[i + 2] ?? ''))
    )
      out.companyName = provided;
    // "社名" then "ORIGAMI GRP", "Onderneming" then "VO Initiatives BV, Antwerpen": the name a row labels, and its town.
    const labelled = NAME_LABEL.exec(line) ?? NAME_LABEL_INLINE.exec(line);
    if (labelled && !out.companyName) {
      const parts = (labelled[1] || own[i + 1] || '').replace(/[\u200b-\u200d\ufeff]/g, '').split(/,\s?/);
      // "CODE CELL, S.L.U.": a legal form after the comma is part of the name, not its town.
      if (parts.length >= 2 && endsInLegalForm(` ${(parts[1] ?? '').trim()}`))
        parts.splice(0, 2, `${parts[0]}, ${parts[1]?.trim()}`);
      const [value = '', town = ''] = parts;
      if (firmLine(value)) out.companyName = value;
      if (out.companyName && !out.location && /^\p{Lu}[\p{L}-]{2,30}$/u.test(town)) out.location = town;
    }
    // "Éditeur du site : Atelier Roux SARL, 33610 Canéjan": the entity after a label, before the address.
    const entity = (line.split(': ').pop() ?? '').split(',')[0]?.trim() ?? '';
    if (
      !out.companyName &&
      endsInLegalForm(entity) &&
      entity.length <= 80 &&
      !roleIn(entity) &&
      (anchored || titled(entity))
    )
      out.companyName = entity;
    const formed = FORM_AFTER.exec(
      line.replace(
        /^.*?(?<!\p{L})(?:(?:é|e)dit(?:é|e) par|propiedad de|operad[oa] por|betrieben von|gestito da) /iu,
        '',
      ),
    );
    // Short forms (SA, SL, AG) must be written in capitals: "Marie, sa fille" names no company.
    const held = formed?.[1] ?? '';
    const form = held ? (line.slice(line.indexOf(held) + held.length + 2).split(/[\s,]/)[0] ?? '') : '';
    if (held && !out.companyName && (form.length > 4 || form === form.toUpperCase())) out.companyName = held.trim();
    // "c/o Online-Impressum.de": the address that follows is a forwarding service's, not the company's.
    if (/^c\/o\b/i.test(line)) forwarded = i + 3;
    if (!out.location && i > forwarded) {
      out.location = townOf(line, streetLike(own[i - 1] ?? ''));
    }
  }
  for (let i = 0; i < own.length && out.people.length < 3; i++) {
    const line = own[i] as string;
    const phrase = OWNER_PHRASE.exec(line);
    const [said = '', saidRole = ''] = phrase?.[1]?.split(AS_ROLE) ?? [];
    const byPhrase = nameIn(said);
    if (byPhrase) {
      const p = newPerson(byPhrase, 'page');
      const seen = out.people.find((q) => q.fullName === p?.fullName);
      const title = clip(saidRole, 60).replace(/\.$/, '');
      if (seen ?? p) setField((seen ?? p) as RawPerson, 'title', ROLE_WORDS.test(title) ? title : '', 'page');
      if (p && !seen) out.people.push(p);
      continue;
    }
    // "Angaben gemäß § 5 DDG" then the owner's name on the next line (a sole trader), or
    // "Brand – Owner Name" (a trading name before the owner's).
    if (i >= 1 && i <= 3 && /^angaben gem/i.test(own[i - 1] as string)) {
      const [brand = '', owner = ''] = line.split(/\s[–—-]\s/);
      // Two name-shaped lines before the street ("Always Automaten", "Idris Akkurt", "Feldstraße 22"),
      // the first the site's name in the page's title ("Impressum | Always Automaten Zeven"): it is
      // the trading name, the line above the address its owner.
      const title = foldName(pageTitle);
      const traded =
        !!nameIn(line) &&
        !!nameIn(own[i + 1] ?? '') &&
        /\d/.test(own[i + 2] ?? '') &&
        title.includes(foldName(line)) &&
        !title.includes(foldName(own[i + 1] ?? ''));
      const name = traded ? '' : nameIn(line) || (owner && !nameIn(brand) ? nameIn(owner) : '');
      const p = name ? newPerson(name, 'page') : null;
      if (p) {
        if (name !== nameIn(line) && !out.companyName) out.companyName = clip(brand, 80);
        out.people.push(p);
        continue;
      }
      // "Agentur MARKE ICH", then "Anika Schön", then the street: a trading name, then its owner.
      const owner2 = !name && (traded || firmLine(line)) && /\d/.test(own[i + 2] ?? '') ? nameIn(own[i + 1] ?? '') : '';
      const q = owner2 ? newPerson(owner2, 'page') : null;
      if (q) {
        if (!out.companyName) out.companyName = clip(line, 80);
        out.people.push(q);
        i++;
        continue;
      }
    }
    const qualified = QUALIFICATION.exec(line);
    const last = out.people[out.people.length - 1];
    if (qualified?.[1] && last && !last.title) {
      setField(last, 'title', qualified[1], 'page');
      continue;
    }
    let role = roleIn(line);
    if (!role) continue;
    let rest = role.rest;
    let j = i;
    // "Vertreten durch:" / "Geschäftsführer Dr. Philipp Zahn" on the next line.
    if (!nameIn(rest) && !roleIn(rest) && j + 1 < own.length) rest = own[++j] as string;
    // "Verantwortlich für den Inhalt dieser Internetseiten unter der Domain" / "www.acme.de ist:": a label
    // wrapped over two lines ends at its colon, and the name follows it.
    if (j > i && !/:\s*$/.test(line) && /:\s*$/.test(rest) && !nameIn(rest) && j + 1 < own.length)
      rest = own[++j] as string;
    const inner = roleIn(rest);
    if (inner) {
      if (inner.title) role = inner;
      rest = inner.rest || (own[j + 1] ?? '');
    }
    // "Rechtsanwalt Jörn Buhlke" after the label keeps the profession as the title.
    const name = nameIn(rest);
    if (!name) continue;
    // "Bernhard Baumann", "Imkerei Baumann", "Staudachstrasse 1": the trading name between the owner and the street.
    if (!out.companyName && j > i && firmLine(own[j + 1] ?? '') && streetLike(own[j + 2] ?? ''))
      out.companyName = own[j + 1] as string;
    const p = newPerson(name, 'page');
    const seen = out.people.find((q) => q.fullName === p?.fullName);
    // "Jennifer Carrolo, cofondatrice.": a role written after the name, when the label gave none.
    const after = /^[^,]{2,80}, ([^,]{2,60}?)\.?$/u.exec(rest.trim())?.[1] ?? '';
    const title = role.title || (after && (roleIn(after)?.title || ROLE_WORDS.test(after)) ? after : '');
    if (seen && title) setField(seen, 'title', title, 'page');
    if (!p || seen) continue;
    if (title) setField(p, 'title', title, 'page');
    out.people.push(p);
    // "Vertretungsberechtigte Vorstände" then a name on each line: a board's members under one label.
    // Only names the given-names data knows: the next heading ("Rechtliche Hinweise") has a name's shape too.
    const listed = j > i;
    for (let k = j + 1; listed && k < own.length && out.people.length < 6; k++) {
      const next = own[k] as string;
      const member = nameIn(next);
      if (!member || member !== next.trim() || !looksLikePersonName(member)) break;
      const q = newPerson(member, 'page');
      if (!q || out.people.some((o) => o.fullName === q.fullName)) break;
      if (title) setField(q, 'title', title, 'page');
      out.people.push(q);
      i = k;
    }
  }
  return out.companyName || out.location || out.people.length ? out : null;
}

/**
 * The representatives an address block names on a company's own page without a notice
 * ("Geschäftsführer | CEO: Ingo Ernst", "Inhaberin: Anna Weber" in the footer's <address>):
 * only a role label and a name on one line, so a block's other lines never become people.
 */
export function blockPeople(lines: string[]): RawPerson[] {
  const out: RawPerson[] = [];
  for (const line of lines) {
    const role = roleIn(line);
    const name = role ? nameIn(role.rest) : '';
    const p = name ? newPerson(name, 'page') : null;
    if (!p || out.some((q) => q.fullName === p.fullName)) continue;
    if (role?.title) setField(p, 'title', role.title, 'page');
    out.push(p);
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * The signer of a company page's letter to its visitors ("Über mich … Herzliche Grüße, Thomas
 * Borgmann-Hartmann"): on a small firm's own page, its owner. The first signature only; finalize
 * judges the name like a record found by structure. `signed` is ./page/legal.ts signature's text.
 */
export function signerOf(signed: string | null): RawPerson | null {
  const name = signed === null ? '' : nameIn(signed);
  const p = name ? newPerson(name, 'page') : null;
  // Its own group (-1): kept only when the given-names data knows the first name.
  return p ? { ...p, judge: -1 } : null;
}
