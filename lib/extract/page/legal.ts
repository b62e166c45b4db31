import { clip } from './entity';
import type { TownLines } from './types';

/**
 * The text of legal notices and address blocks as the reader collects it: plain lines that
 * finalize parses (lib/extract/legal.ts reads the entity, its town and its representatives out
 * of them), so the parser's word lists stay out of the script injected into pages. The reader
 * keeps only what it decides with itself: where the notice starts and where its sections naming
 * others start. So do the towns of address blocks and of a page's text (lib/extract/town.ts).
 */

// The addresses of pages that name the site's legal entity: a notice proper, or a contact page (whose
// address block names it too, beside a team it may list). The reader and finalize tell them apart alike.
export const NOTICE_PATH = /impressum|imprint|mentions|aviso|legal/i;
export const CONTACT_PATH = /kontakt|contact|contatt/i;

// Where the owner's block starts ("Angaben gemäß § 5 TMG", "Éditeur du site", "Titolare del sito").
export const ANCHOR =
  /^(?:angaben gem(?:ä|ae)(?:ß|ss)|informationen gem(?:ä|ae)(?:ß|ss)|impressum|(?:é|e)diteur du site|mentions l(?:é|e)gales|note legali|aviso legal|datos identificativos|imprint|legal notice|colofon|colophon|会社概要)/i;
// The statutory line itself: a bare "Impressum" may be a menu item far above the notice.
const STRONG_ANCHOR = /^(?:angaben gem(?:ä|ae)(?:ß|ss)|informationen gem(?:ä|ae)(?:ß|ss)|(?:é|e)diteur du site)/i;
// Headings of the sections that name someone else: the supervising authority or chamber, the
// professional insurer, the web host, the site's maker, the dispute board.
export const DECOY =
  /^(?:angaben zur |angaben zum )?(?:aufsichtsbeh(?:ö|oe)rde|zust(?:ä|ae)ndige (?:\p{L}{0,24}kammer|aufsichtsbeh)|(?:rechtsanwalts|handwerks|steuerberater|architekten)?kammer\b|berufshaftpflicht|haftpflichtversicherung|versicherung|hosting|hoster|h(?:é|e)berg(?:eur|ement)|h(?:é|e)bergé par|webdesign|realisation|r(?:é|e)alisation|conception|provider|alojamiento|hosting provider|streitschlichtung|verbraucherstreit|online-streit)/iu;

/** Lines of text under root: one per text node, trimmed (a notice breaks lines with <br> and blocks). */
function linesOf(root: Element, max = 4000): string[] {
  const doc = root.ownerDocument;
  const out: string[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) {
    const parent = n.parentNode as Element | null;
    if (parent && /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent.nodeName)) continue;
    const t = clip(n.nodeValue ?? '', 300);
    if (t) out.push(t);
  }
  return out;
}

/**
 * The lines of a page's legal notice, from its statutory line (or its heading) on, at most 400;
 * on a legal page without one, from the top. null when the page shows no notice.
 */
export function noticeLines(root: Element, isLegalPage: boolean): string[] | null {
  // "© Acme • Alle rechten voorbehouden • v.u.: …": a footer's parts are lines of their own.
  const lines = linesOf(root).flatMap((l) => l.split(/\s[•·]\s/));
  const strong = lines.findIndex((l) => STRONG_ANCHOR.test(l));
  let start = strong >= 0 ? strong : lines.findIndex((l) => ANCHOR.test(l));
  if (start < 0 && !isLegalPage) return null;
  if (start < 0) start = 0;
  return lines.slice(start, start + 400);
}

/** A notice's owner's block and, from the first section naming others on, the rest (empty when none). */
export function splitNotice(block: string[]): { own: string[]; others: string[] } {
  const decoyAt = block.findIndex((l, i) => i > 0 && DECOY.test(l));
  return decoyAt > 0 ? { own: block.slice(0, decoyAt), others: block.slice(decoyAt) } : { own: block, others: [] };
}

/**
 * Tells a notice's chamber, insurer or host contacts (in its sections naming others, not in the
 * owner's block), which are not the company's; null when the notice has no such section.
 */
export function noticeDecoy(block: string[]): ((v: string) => boolean) | null {
  const { own, others } = splitNotice(block);
  const squeeze = (t: string) => t.replace(/\s/g, '');
  const theirs = squeeze(others.join(' '));
  const ours = squeeze(own.slice(0, 60).join(' '));
  const seen = (text: string, v: string) => text.includes(squeeze(v)) || text.includes(squeeze(v).replace('@', '(at)'));
  return theirs ? (v: string) => seen(theirs, v) && !seen(ours, v) : null;
}

/** The lines of address blocks (a footer, <address> elements) in which finalize reads a town: up to a section naming others. */
export function townBlock(...roots: Element[]): TownLines {
  const lines = roots.flatMap((root) => linesOf(root, 200));
  const end = lines.findIndex((l) => DECOY.test(l));
  return { lines: end < 0 ? lines : lines.slice(0, end) };
}

/** The lines of address blocks up to the first section naming others: finalize reads their representatives. */
export function blockLines(roots: Element[]): string[] {
  const lines = roots.flatMap((root) => linesOf(root, 60));
  const end = lines.findIndex((l) => DECOY.test(l));
  return (end < 0 ? lines : lines.slice(0, end)).slice(0, 400);
}

/** The text lines of a page's body (one per text node), for pageTownLines and signature. */
export function pageLines(root: Element): string[] {
  return linesOf(root, 3000);
}

/**
 * A page's lines in which finalize reads the town of the first street-and-postcode address: up to a
 * section naming others. A line with no digit, nor one in the two before it, can give no town (a
 * postcode or a street line's house number is a digit), so it goes as '': the reading stays small.
 */
export function pageTownLines(lines: string[]): TownLines {
  const end = lines.findIndex((l) => DECOY.test(l));
  const own = end < 0 ? lines : lines.slice(0, end);
  return { lines: own.map((l, i) => (/\d/.test(l + own[i - 1] + own[i - 2]) ? l : '')), page: true };
}

// What every letter's closing that finalize knows holds ("grüße", "regards", "sincerely", "cordialement",
// "bien à vous", "amicalement", "saludos", "saluti", "atentamente", "groeten": lib/extract/company-notice.ts
// VALEDICTION), with its flags: a line without it closes no letter.
const CLOSING = /gr|gar|cer|dial|bien|amic|salu|aten/iu;

/**
 * A page's lines for finalize to find its first letter's closing and signer in (company-notice.ts
 * signature): only those that may close a letter and the line after each; the others go as ''.
 */
export function closingLines(lines: string[]): string[] {
  return lines.map((l, i) => (CLOSING.test(l) || CLOSING.test(lines[i - 1] ?? '') ? l : ''));
}
