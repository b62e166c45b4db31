import { normalizeEmail } from '@/lib/normalize/email';
import { classifyLink, type LinkKind } from '@/lib/normalize/links';
import { isMachineLocal } from '@/lib/normalize/mailboxes';

/**
 * Contact harvesting: mailto:, tel:, Cloudflare-protected and obfuscated addresses,
 * phone-like text and profile links, within one root element. Phones found in text
 * are only candidates here; finalize keeps those libphonenumber accepts.
 */

// Never read text inside these: addresses in scripts and styles are not contacts.
const SKIP_TAGS = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CODE', 'PRE', 'TEXTAREA', 'IFRAME'];
// Both cases: HTML element names are upper-case, SVG/XML ones keep their case (no toUpperCase per node).
const SKIP_TEXT = new Set([...SKIP_TAGS, ...SKIP_TAGS.map((t) => t.toLowerCase())]);
const MAX_TEXT = 400_000;

/**
 * Visible-ish text of a subtree: text outside scripts/styles and outside `skip`
 * subtrees, capped. Iterative (a 3,000-deep DOM must not overflow the stack).
 */
export function textOf(root: Node, max = MAX_TEXT, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  let size = 0;
  const doc = root.ownerDocument;
  if (!skip && doc?.createTreeWalker) {
    // A block holding one text node (most names and roles in a card): what the walk below would
    // give, without creating a walker for it.
    const only = root.firstChild;
    if (only && only === root.lastChild && only.nodeType === 3 && max > 0 && !SKIP_TEXT.has(root.nodeName)) {
      const t = only.nodeValue ?? '';
      if (t.length === 0 || (t.length < 4 && !t.trim())) return '';
      return t.length > 5000 ? t.slice(0, 5000) : t;
    }
    // Native walk over text nodes only: far fewer binding calls than visiting every node.
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    // The last two parents and whether each is skipped: a paragraph's text alternates with its
    // links' and bold words' ("<p>…<a>…</a>…<b>…</b>…</p>"), so most parents were just looked at.
    let p1: Node | null = null;
    let p2: Node | null = null;
    let skip1 = false;
    let skip2 = false;
    for (let n = walker.nextNode(); n && size < max; n = walker.nextNode()) {
      // `data`, not `nodeValue`: the same string of a Text node, through a cheaper binding.
      const t = (n as Text).data;
      if (t.length === 0 || (t.length < 4 && !t.trim())) continue;
      // After the blank test: the white space between a page's tags needs no look at its parent.
      // Its localName (the same names, lower case, in SKIP_TEXT), not its nodeName: a cheaper read,
      // once per text node of the page (npm run bench extract: ~13,000 per reading).
      const parent = n.parentNode;
      let skipped: boolean;
      if (parent === p1) skipped = skip1;
      else {
        skipped = parent === p2 ? skip2 : !!parent && SKIP_TEXT.has((parent as Element).localName);
        p2 = p1;
        skip2 = skip1;
        p1 = parent;
        skip1 = skipped;
      }
      if (skipped) continue;
      parts.push(t.length > 5000 ? t.slice(0, 5000) : t);
      size += t.length;
    }
    if (parts.length || !root.firstChild) return parts.join(' ');
  }
  let n: Node | null = root.firstChild;
  while (n && size < max) {
    let descend = false;
    if (n.nodeType === 3) {
      const t = n.nodeValue ?? '';
      if (t.trim()) {
        parts.push(t.length > 5000 ? t.slice(0, 5000) : t);
        size += t.length;
      }
    } else if (n.nodeType === 1) {
      const el = n as Element;
      descend = !SKIP_TEXT.has(el.tagName) && !(skip?.(el) ?? false);
    }
    if (descend && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== root && !n.nextSibling) n = n.parentNode;
    if (!n || n === root) break;
    n = n.nextSibling;
  }
  return parts.join(' ');
}

/** Decodes Cloudflare's email obfuscation: hex key byte, then bytes XOR key (UTF-8). */
export function decodeCfEmail(hex: string): string {
  if (!/^[0-9a-f]{4,600}$/i.test(hex) || hex.length % 2) return '';
  const key = Number.parseInt(hex.slice(0, 2), 16);
  let percent = '';
  for (let i = 2; i < hex.length; i += 2) {
    const byte = Number.parseInt(hex.slice(i, i + 2), 16) ^ key;
    percent += `%${byte.toString(16).padStart(2, '0')}`;
  }
  try {
    return decodeURIComponent(percent);
  } catch {
    return '';
  }
}

// "[at]", "(at)", "{at}", " at " with brackets; "arroba", "chez", "ät" in other languages.
// Every regex here runs on the whole page text: a match starts only where a run begins
// ((?<!\s) before \s*) and repetitions are bounded, so each is linear
// (test/unit/extract/regex-linear.test.ts checks them).
const OBF_AT = /(?<!\s)\s*[[({<]\s*(?:at|@|arroba|chez|ät|snabel-a)\s*[\])}>]\s*/gi;
const OBF_DOT = /(?<!\s)\s*[[({<]\s*(?:dot|punkt|point|punto|\.)\s*[\])}>]\s*/gi;
// "jane at acme dot com": plain words, only when both "at" and "dot" appear.
const OBF_WORDS =
  /(?<![a-z0-9._%+-])\b([a-z0-9._%+-]{1,64})\s{1,20}(?:at|AT)\s{1,20}([a-z0-9-]{1,63}(?:\s{1,20}(?:dot|DOT)\s{1,20}[a-z0-9-]{1,63}){1,4})\b/g;

const LOCAL_CHAR = /[a-z0-9._%+'-]/i;
const DOMAIN_CHAR = /[a-z0-9.-]/i;

/** Finds addresses in text, decoding common obfuscations; linear in the text length. */
export function emailsInText(text: string): string[] {
  if (!text) return [];
  let t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  if (/[[({<]\s*(?:at|@|arroba|chez|ät|snabel-a)\s*[\])}>]/i.test(t)) t = t.replace(OBF_AT, '@').replace(OBF_DOT, '.');
  if (/\s(?:at|AT)\s/.test(t) && /\s(?:dot|DOT)\s/.test(t))
    t = t.replace(
      OBF_WORDS,
      (_m, local: string, dom: string) => `${local}@${dom.replace(/(?<!\s)\s+(?:dot|DOT)\s+/g, '.')}`,
    );
  const out: string[] = [];
  let from = 0;
  for (let found = 0; found < 500; found++) {
    const at = t.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(t[s - 1] as string)) s--;
    let e = at + 1;
    while (e < t.length && e - at < 254 && DOMAIN_CHAR.test(t[e] as string)) e++;
    // A longer run than an address allows is not an address (e.g. a 50 KB "email").
    if ((s > 0 && LOCAL_CHAR.test(t[s - 1] as string)) || (e < t.length && DOMAIN_CHAR.test(t[e] as string))) continue;
    // "@jane@social.example" is a fediverse handle (Mastodon), not an address.
    if (s > 0 && t[s - 1] === '@') continue;
    const candidate = t
      .slice(s, e)
      .replace(/^[.'-]+/, '')
      .replace(/(?<![.-])[.-]+$/, '');
    const email = normalizeEmail(candidate);
    if (email && !out.includes(email)) out.push(email);
  }
  return out;
}

// Placeholders and machine addresses that are never a prospect's contact; themes' sample hosts too
// ("info@mysite.com", "hello@yourwebsite.com", "name@companyname.com").
const PLACEHOLDER_DOMAIN =
  /(^|\.)(example\.(com|org|net)|domain\.(com|tld)|email\.com|(?:your|my)(?:domain|site|website|company|business)\.[a-z]+|(?:company|domain|site)name\.[a-z]+|company\.com|test\.com|sentry\.io|sentry-next\.wixpress\.com|wixpress\.com|localhost|invalid)$/;
const PLACEHOLDER_LOCAL =
  /^(you|your|yourname|your\.name|your-name|youremail|your\.email|email|e-mail|name|first\.last|firstname\.lastname|firstname|user|username|someone|test|max\.mustermann|votre\.nom|prenom\.nom)$/;

/**
 * True for a theme's placeholder number left on a live site: "+44 1234 567 890",
 * "+33 1 23 45 67 89", "000 000 0000" (not the US 555-01xx range: fixtures and examples use it as real-looking numbers). Checked on digits only.
 */
export function isPlaceholderPhone(phone: string): boolean {
  const d = phone.replace(/\D/g, '');
  // The whole number after an optional country code is the run 123456789(0): "+44 1234 567 890",
  // "+33 1 23 45 67 89". A real number merely ending in 12345678 (+33 6 12 34 56 78) is kept.
  return /^(?:\d{1,3})?0?1234567890?$/.test(d) || /(\d)\1{6}/.test(d);
}

// Site names that themes ship and owners forget to change (Jekyll's minima, WordPress, page builders).
const PLACEHOLDER_NAME =
  /^(?:your (?:awesome title|name|company(?: name)?|site(?: name| title)?|business(?: name)?|brand|website|logo)|(?:my|a) (?:wordpress |awesome |new )?(?:blog|site|website|cms)|just another wordpress site|site (?:title|name)|(?:company|business|brand) name|lorem ipsum(?: dolor)?(?: sit amet)?|(?:your|my|the) tagline)$/i;

/** True for a theme's placeholder site or author name ("Your awesome title", "Just another WordPress site"). */
export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAME.test(name.trim());
}

/** True for placeholder, no-reply and tracking addresses. */
export function isDecoyEmail(email: string): boolean {
  const [local = '', domain = ''] = email.split('@');
  if (PLACEHOLDER_DOMAIN.test(domain) || PLACEHOLDER_LOCAL.test(local) || isMachineLocal(local)) return true;
  // Tracking ids: long hex or random-looking local parts (Sentry DSNs, bounce tokens).
  return /^[a-f0-9]{16,}$/.test(local) || /^[a-z0-9]{24,}$/.test(local);
}

// Phone candidates: + or ( or a digit, then digits with common separators; 7-15 digits checked after.
// An en dash too: "Tel: 0255 – 51 63 43" (WordPress turns a spaced hyphen into one).
const PHONE_CANDIDATE = /(?:\+|\(\s?\+?|\b)\d[\d\u00a0 ().\-/–]{5,22}\d/g;
// Labels in front of a number, in a few languages, with the word "number" or not ("Telefonnummer:",
// "Phone number:", "Tel. no."); fax numbers are not contacts. A one-letter label stands
// alone ("T +49 …"): the end of "VAT:", "SIRET :" or "Account:" is no label.
const PHONE_LABEL =
  /(?:(?:tel|tél|phone|fon|fono)\.?\s?(?:[/&+]|\s(?:und|and|et|e|y)\s)\s?fax|tel|tél|téléphone|phone|fon|telefon|telefono|teléfono|telefone|telefoon|telf|tlf|tfno|mobile?|mobil|mobiel|gsm|handy|cell|cellulare|celular|m(?:ó|o)vil|kom(?:ó|o)rka|whatsapp|portable|call|(?<![a-z])(?:ph|t|m|p)|電話|tel\.|☎|📞|✆)(?:\s?(?:nummer|number|nr|no)\.?)?\s*[.:]?\s*(?:\([^)]{0,20}\))?\s*[.:]?\s*$/i;
// A number in a sentence ("Le standard est joignable au 05 56 …", "erreichbar unter", "call us on").
const PHONE_PHRASE =
  /(?:joignable|contactable|appelez[- ]nous|erreichbar|call us|reach us|ll[áa]m(?:enos|anos)|chiamateci|chiamare|ligue[- ]nos)\s(?:au|at|on|unter|al|allo|al n(?:ú|u)mero|il|para)?\s?$/i;
// "F +49 30 …" after "T +49 30 …": a lone F labels a fax with or without its colon; "faks" is Polish.
// A number labelled both ("tel./fax", "Tel. & Fax", "telefono e fax") answers calls: no fax label.
const FAX_LABEL =
  /(?<!(?:tel|tél|phone|fon|fono)\.?\s?(?:[/&+]|\s(?:und|and|et|e|y)\s)\s?)fax|faks|télécopie|ファクス|ファックス|(?<![a-z])f\s*[.:]?\s*$/i;
// "Fax: North America - +1 888 …": a fax label earlier on the number's line (no digit between them).
const FAX_BEFORE =
  /(?:(?<!(?:tel|tél|phone|fon|fono)\.?\s?(?:[/&+]|\s(?:und|and|et|e|y)\s)\s?)fax|télécopie|telefax)[^\d]{0,30}$/i;

/** True when the text before a number labels it a fax ("Fax:", "Telefax: North America -"). */
export function faxBefore(before: string): boolean {
  // Source indentation between label and number ("<span>Telefax:</span>⏎   <span>+49 …") is one space.
  const t = before.replace(/\s+/g, ' ');
  return FAX_LABEL.test(t.slice(-12)) || FAX_BEFORE.test(t);
}

/** Phone-like strings in text that start with + or ( or follow a phone label. */
export function phonesInText(text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  // What `out` holds, for the look-up below: a page's hundreds of distinct numbers of one length
  // made `out.includes` compare each with every earlier one (npm run bench extract: 226 numbers).
  const kept = new Set<string>();
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  PHONE_CANDIDATE.lastIndex = 0;
  // Where the number after a spaced slash starts: it shares the label of the one before it.
  let next = -1;
  let cut = '';
  for (let m = PHONE_CANDIDATE.exec(t), n = 0; m && n < 300; m = PHONE_CANDIDATE.exec(t), n++) {
    let raw = m[0].trim();
    // "Tel: (11) 5929-1252 / (11) 5973-8988": one label, two numbers. A whole number before a spaced
    // slash ends there and the next is read on its own, under the same label ("0211 / 123456" is one).
    const slash = raw.search(/\s\/\s/);
    const chained = next === m.index && kept.has(cut);
    next = -1;
    if (slash > 0 && raw.slice(0, slash).replace(/\D/g, '').length >= 7) {
      next = m.index + slash + 3;
      PHONE_CANDIDATE.lastIndex = next;
      raw = raw.slice(0, slash);
      cut = raw;
    }
    // A number seen already adds nothing, whatever stands before it this time (a phone repeated
    // in each row of a page's prose: the tests below cost more than the match).
    if (kept.has(raw)) continue;
    const digits = raw.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    const before = t.slice(Math.max(0, m.index - 80), m.index);
    if (faxBefore(before)) continue;
    // Years ("2019-2024"), dates and ranges are not phones.
    if (/^\d{4}\s*[-/–]\s*\d{2,4}$/.test(raw) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(raw)) continue;
    if (
      raw.startsWith('+') ||
      raw.startsWith('(') ||
      chained ||
      PHONE_LABEL.test(before) ||
      PHONE_PHRASE.test(before)
    ) {
      out.push(raw);
      kept.add(raw);
    }
  }
  return out;
}

// Academic, developer and speaker profiles (Scholar, ORCID, ResearchGate, dblp, Stack Overflow, Speaker Deck,
// GitLab): one person's account whatever its label says, as a GitHub account is, though no LinkKind names them.
export const PROFILE_SITE =
  /^https?:\/\/(?:www\.)?(?:scholar\.google\.[a-z.]{2,8}\/citations\?|orcid\.org\/\d{4}-|researchgate\.net\/profile\/|dblp\.org\/pid\/|(?:stackoverflow|stackexchange)\.com\/users\/|speakerdeck\.com\/|gitlab\.com\/)/i;

/** What one element (a card, the footer, the page) holds in contacts. */
export interface Contacts {
  emails: string[];
  phones: string[];
  textPhones: string[];
  /** `text`: the anchor's own short text ("Srinivas Kaza"), which may name whose profile it is. */
  links: { url: string; kind: LinkKind; text?: string }[];
}

// The anchors harvest reads: every one but site-relative ("/about", "#top") links, which can be
// neither a mailto:, tel:, Cloudflare address nor an off-site profile; most of a page's links are
// those, and skipping them in the selector saves reading each one's attributes (npm run bench extract).
const CONTACT_ANCHORS =
  'a[href]:not([href^="/"]):not([href^="#"]), a[href^="//"], a[href*="/cdn-cgi/l/email-protection#"], [data-cfemail]';

/** True for an href CONTACT_ANCHORS selects (its anchors without the data-cfemail ones). */
const contactHref = (h: string | null) =>
  h !== null && ((h[0] !== '/' && h[0] !== '#') || h.startsWith('//') || h.includes('/cdn-cgi/l/email-protection#'));

/**
 * The text just before an element on its line: its previous siblings' text back to a <br>
 * (and, for a link alone in its label's element, its parent's), at most 40 characters.
 * "<strong>Fax:</strong> <a href="tel:…">" labels the link a fax.
 */
function labelBefore(el: Element): string {
  let out = '';
  let node: Node | null = el;
  for (let hops = 0; node && hops < 6 && out.trim().length < 40; hops++) {
    const prev: Node | null = node.previousSibling;
    if (!prev) {
      // "<p>Fax: <span><a href=tel:…></span></p>": climb out of an inline wrapper.
      const parent: Element | null = node.parentElement;
      if (!parent || out.trim() || !/^(SPAN|EM|STRONG|B|I|SMALL)$/.test(parent.nodeName)) break;
      node = parent;
      continue;
    }
    if (prev.nodeName === 'BR') break;
    out = `${prev.textContent ?? ''}${out}`;
    node = prev;
  }
  return out.slice(-80);
}

/** Harvests contacts under `root`, skipping elements `skip` returns true for (e.g. people cards). */
export function harvest(root: Element, base: string, skip?: (el: Element) => boolean, text?: string): Contacts {
  const out: Contacts = { emails: [], phones: [], textPhones: [], links: [] };
  const addEmail = (raw: string) => {
    const e = normalizeEmail(raw);
    if (e && !isDecoyEmail(e) && !out.emails.includes(e)) out.emails.push(e);
  };
  // Without a Cloudflare-protected address (most pages) the anchors are tested here, by their
  // href alone: the same elements in the same order, at half the selector list's cost.
  const cfAny = root.querySelector('[data-cfemail]') !== null;
  const anchors = cfAny ? root.querySelectorAll(CONTACT_ANCHORS) : root.getElementsByTagName('a');
  for (let i = 0, n = 0; i < anchors.length && n < 3000; i++) {
    const a = anchors[i] as Element;
    const raw = a.getAttribute('href');
    if (!cfAny && !contactHref(raw)) continue;
    n++;
    if (skip?.(a)) continue;
    // Without any [data-cfemail] below the root, no anchor has one: not read again per anchor.
    const cf = cfAny ? a.getAttribute('data-cfemail') : null;
    if (cf) {
      addEmail(decodeCfEmail(cf));
      continue;
    }
    const href = (raw ?? '').trim();
    if (/^mailto:/i.test(href)) addEmail(href);
    else if (/^tel:/i.test(href)) {
      const tel = href.slice(4).trim();
      if (tel && !out.phones.includes(tel) && !faxBefore(labelBefore(a))) out.phones.push(tel);
    } else if (href.includes('/cdn-cgi/l/email-protection#')) addEmail(decodeCfEmail(href.split('#')[1] ?? ''));
    else if (/^https?:\/\/(?:wa\.me|api\.whatsapp\.com)\//i.test(href)) {
      // A WhatsApp chat link holds the number with its country code, without the "+" ("wa.me/5551996241083",
      // "send?phone=%2B31…"): a text phone, so finalize keeps it only when valid ("wa.me/3384096230" omits the code).
      // A chat widget's default ("wa.me/31612345678") is a run of ascending digits.
      const d = /(?:me\/|phone=(?:%2B|\+)?)(\d{7,15})(?!\d)/i.exec(href)?.[1];
      if (d && !d.includes('2345678') && !out.textPhones.includes(`+${d}`)) out.textPhones.push(`+${d}`);
    } else if (href.startsWith('http') || href.startsWith('//')) {
      // One URL parse: classifyLink resolves against the base itself (resolving first parsed it twice).
      const c = classifyLink(href, base);
      if (c && (c.kind !== 'website' || PROFILE_SITE.test(c.url)) && !out.links.some((l) => l.url === c.url)) {
        const text = (a.textContent ?? '').slice(0, 80).trim();
        out.links.push(text && text.length <= 60 ? { ...c, text } : c);
      }
    }
  }
  const visible = text ?? textOf(root, MAX_TEXT, skip);
  for (const e of emailsInText(visible)) addEmail(e);
  for (const p of phonesInText(visible)) if (!out.textPhones.includes(p)) out.textPhones.push(p);
  // Themes label a number with an icon, not a word ("<i class=icon-phone></i>06 547 26 037"), or name its
  // element for it ("<span id=et-info-phone>608.822.5550</span>"): the element's text or the icon's next.
  const icons = root.querySelectorAll('[class*=phone],[id*=phone]');
  for (let i = 0; i < icons.length && i < 50; i++) {
    const el = icons[i] as Element;
    for (const t of [el.textContent, el.nextSibling?.textContent]) {
      const s = (t ?? '').trim();
      if (/^\+?[\d\s().\-/]{7,22}$/.test(s) && !out.textPhones.includes(s)) out.textPhones.push(s);
    }
  }
  return out;
}
