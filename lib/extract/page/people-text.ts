import { cleanName } from '@/lib/normalize/name';
import { NOT_NAME, SURNAME_WORD } from '../name-words';
import { textOf } from './contacts';
import { HONORIFIC, stripCredentials } from './entity';
import { memo } from './memo';
import { roleish } from './roles';

/**
 * The text side of people lists: a card's text blocks (lines broken by <br>
 * included) and the shape tests for a listed name and a role, shared by the record
 * detector (./people-list.ts) and the line-by-line lists (./people-lines.ts).
 */

/** All descendant elements; live and fast in browsers (linkedom lacks the '*' tag form). */
export function descendants(root: Element): ArrayLike<Element> {
  const live = root.getElementsByTagName('*');
  // live[0], not live.length: the length of a live list counts the whole subtree, its first item does not.
  return live[0] || !root.firstElementChild ? live : root.querySelectorAll('*');
}

// A card's role line is evidence of a person's record: the role words every reader shares
// (roles.ts), and a few that name a job only on such a line ("Sales", "PM", 部長).
const CARD_ROLE =
  /\b(?:pm|product|sales|marketing|keynote|moderator)\b|担当|部長|課長|社長|取締役|代表|マネージャー|エンジニア|デザイナー|責任者|執行役員|会長|室長|教授|助教|講師|研究員|秘書/i;

export const PARTICLE =
  /^(van|von|de|der|den|da|di|du|la|le|del|della|dos|das|bin|ibn|al|el|y|i|ten|ter|zu|af|av|st\.?|['‘’]t)$/i;
// At most one space: family and given name ("山田 太郎"); a third part is a label after the name.
const CJK_NAME =
  /^(?=.{2,14}$)[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}・]+(?:\s[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}・]+)?$/u;

/** True for text shaped like a person's name ("Jane van Doe", "Zoë O'Neil", "山田 太郎"). */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 60 || /[\d@|:/&<>{}[\]_#=+*!?]/.test(t)) return CJK_NAME.test(t) && !/\d/.test(t);
  if (CJK_NAME.test(t)) return true;
  const tokens = t.split(/\s+/);
  // Particles do not count towards the five words: Spanish and Portuguese names carry several
  // ("Javier Alberto de la Tejera de la Peña", "Itaymberê Rodolfo Guimarães Vieira da Silva"), after
  // two given names or a given name and a family name; a place's name has its particle second
  // ("Scalinata di Santa Maria del Monte", "Palazzo della Ragione").
  const particles = tokens.filter((tok) => PARTICLE.test(tok)).length;
  const long = tokens.length > 5 && (particles === 0 || PARTICLE.test(tokens[1] ?? ''));
  if (tokens.length < 2 || long || tokens.length - particles > 5 || tokens.length > 8) return false;
  // A name opens with its given name: a lower-case particle before two words is a byline ("von Fritz Schröder").
  if (tokens.length > 2 && /^\p{Ll}/u.test(t) && PARTICLE.test(tokens[0] as string)) return false;
  let capitals = 0;
  for (const tok of tokens) {
    if (PARTICLE.test(tok)) continue;
    if (/^\p{Lu}\.?$/u.test(tok)) continue; // initial
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(tok)) return false;
    capitals++;
  }
  return capitals >= 2 || (capitals >= 1 && tokens.length >= 2);
}

export interface Block {
  el: Element;
  text: string;
  /** One line of a block broken by <br> ("<b>Jane Doe</b><br>CEO"); `el` is then the line's only element or the block. */
  line?: boolean;
  /** The block a line was cut from. */
  of?: Element;
  /** A line's first element, when the line starts with one ("<a>Jane Doe</a>, Lecturer"). */
  first?: Element;
  /** The role written inside the name's heading ("<h2>Jane Doe <small>founder</small></h2>", "<h3>Kassier: Thomas Schäfer</h3>"). */
  sub?: boolean;
}

/**
 * A heading that carries the role after the name in its own inline element: Bootstrap and
 * Foundation themes' "<h2>Jane Doe <small>founder</small></h2>", "<h3>Jane Doe <span>CEO</span></h3>";
 * or a record's line ending in a role label with a role word ("<p>Jane Doe <span>CEO</span></p>").
 * The name and the role are then two blocks; null for any other element.
 */
export function subHeading(el: Element): { name: string; role: Element; text: string } | null {
  const tag = el.tagName.toUpperCase();
  const heading = /^H[1-6]$/.test(tag);
  if (!heading && !/^(P|LI|DD|DT)$/.test(tag)) return null;
  const last = el.lastElementChild;
  const label =
    /^(SMALL|SPAN|EM|I)$/.test(last?.tagName.toUpperCase() ?? '') || (!heading && !last?.hasAttribute('href'));
  if (!last || last.childElementCount || !label) return null;
  const text = (last.textContent ?? '').replace(/\s+/g, ' ').trim();
  const whole = textOf(el, 400).replace(/\s+/g, ' ').trim();
  if (!text || !whole.endsWith(text)) return null;
  const name = whole.slice(0, whole.length - text.length).replace(/(?<![\s,|–—-])[\s,|–—-]+$/, '');
  // A plain <span> is often just styling of the surname: only a role word makes it a role.
  if (!isName(name) || roleLike(name) || ((!heading || last.tagName.toUpperCase() !== 'SMALL') && !roleLike(text)))
    return null;
  // The label may open with its separator ("<span>, Google Developer Expert</span>").
  const role = text.replace(/^[\s,|–—-]+/, '');
  return role ? { name, role: last, text: role } : null;
}

// Elements that flow inside a line: a block made only of these is read as one text.
const INLINE =
  /^(A|B|STRONG|EM|I|SPAN|SMALL|BR|SUP|SUB|ABBR|IMG|U|MARK|TIME|CITE|Q|CODE|LABEL|FONT|BDI|WBR|S|DATA|SVG|PICTURE|SOURCE|META|LINK)$/;
// Documentation themes (MkDocs, Sphinx, Hugo) end headings with a permalink mark.
export const ANCHOR_MARK = /(?<!\s)\s*[¶§#🔗]\s*$/u;
const WRAPPED_BLOCK = 'div, p, h1, h2, h3, h4, h5, h6, ul, ol, li, section, article, figure, table';
// Not a button: one may hold a record's heading (an accordion's header over the hidden bio, a board's
// "<button><h3>Kassier: Thomas Schäfer</h3></button>"), and a control's label is never a role (isRole).
export const SKIP_BLOCK = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|SELECT|OPTION|FORM)$/;

/**
 * Text blocks of a card in document order: the innermost elements whose children are
 * all inline, each read whole ("Jane <b>Doe</b>" is one block), capped.
 */
export function blocksOf(card: Element): Block[] {
  const out: Block[] = [];
  let inside: Element | null = null;
  // Indexed, not copied: a big card's descendants past the 250th are never read.
  const below = descendants(card);
  for (let i = -1; i < 250; i++) {
    const el = i < 0 ? card : below[i];
    if (!el) break;
    if (inside?.contains(el)) continue;
    const tag = el.tagName.toUpperCase();
    if (SKIP_BLOCK.test(tag)) {
      inside = el;
      continue;
    }
    let inlineOnly = true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const t = c.tagName.toUpperCase();
      // A link wrapping a whole record (Quarto, many grids) holds blocks: it is not inline; nor is a
      // <span> holding paragraphs (Drupal Views' "<span class=field-content><p>Name</p><p>Company</p>").
      if (!INLINE.test(t) || (c.firstElementChild && c.querySelector(WRAPPED_BLOCK))) {
        inlineOnly = false;
        break;
      }
    }
    if (!inlineOnly) continue;
    inside = el;
    // A record that is one link of labelled spans ("<a class=row><span class=row__name>…</span><span
    // class=row__cred>…</span>…"), styled as lines: each span is a line of its own.
    const spans = i < 0 ? classedSpans(el) : null;
    if (spans) {
      for (const c of spans) {
        const text = textOf(c, 2000).replace(/\s+/g, ' ').trim();
        if (text && out.length < 60) out.push({ el: c, text: text.slice(0, 400) });
      }
      continue;
    }
    if (el.getElementsByTagName('br').length) {
      for (const b of linesOf(el)) if (out.length < 60) out.push(b);
      continue;
    }
    const sub = subHeading(el);
    if (sub && out.length < 59) {
      out.push({ el, text: sub.name }, { el: sub.role, text: sub.text, sub: true });
      continue;
    }
    const text = textOf(el, 2000).replace(/\s+/g, ' ').replace(ANCHOR_MARK, '').trim();
    // Responsive themes write a line twice, one copy per screen size (a board's office over the photo
    // for phones, again beside the name): read once, so that the name stays among the first lines.
    if (text && out.length < 60 && text !== out[out.length - 1]?.text)
      out.push(...labelled({ el, text: text.slice(0, 400) }));
  }
  return out;
}

// The elements a board writes its offices in: a heading, a bold line, a definition list's term.
const LABEL_TAG = /^(H[1-6]|STRONG|B|DT)$/;
// "Kassier: Thomas Schäfer": a board written in the definition-list form, one office and its holder
// per heading or bold line. The label has at most four words and no digit ("Tel: 0722…" labels a contact).
const LABEL = /^(\p{Lu}[^:\d\s]*(?:\s[^:\d\s]+){0,3}):\s+(\S.{2,60})$/u;

/**
 * A heading's "Role: Name" as two blocks, the role first (read as a short heading over the name) and
 * marked `sub`, never a name; a heading "Role:" alone (an office left empty) is that role block alone.
 */
export function labelled(b: Block): Block[] {
  const tag = b.el.tagName.toUpperCase();
  // Boards are as often a list of "<li>Presidente: Lcdo. Benito Montilla.</li>": an item's label must
  // then be an office ("Nume: …", "Adresas: …" label a form's field), its full stop no part of the name.
  const li = tag === 'LI';
  if (!li && !LABEL_TAG.test(tag)) return [b];
  // Only a heading: a bold "Jane Doe:" may open the line of her bio.
  if (/^[HD]/.test(tag) && b.text.endsWith(':')) return [{ ...b, sub: true }];
  const [, role = '', n = ''] = LABEL.exec(b.text) ?? [];
  const name = li ? n.replace(/(?<=\p{Ll}{2})\.$/u, '') : n;
  return role && (!li || roleLike(role)) && isName(name) && !roleLike(name)
    ? [
        { ...b, text: role, sub: true },
        { ...b, text: name },
      ]
    : [b];
}

/** The card's children when it holds only two or more classed <span>s and no text of its own; else null. */
function classedSpans(card: Element): Element[] | null {
  const out: Element[] = [];
  // A wrapper around the one link (portrait grids): the link's spans.
  const one = card.firstElementChild;
  const host = one && one === card.lastElementChild && one.tagName.toUpperCase() === 'A' ? one : card;
  for (let n = host.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return null;
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    // An icon or the photo beside the spans holds no text.
    if (c.tagName.toUpperCase() !== 'SPAN' && !(c.textContent ?? '').trim()) continue;
    if (c.tagName.toUpperCase() !== 'SPAN' || !c.getAttribute('class') || c.firstElementChild) return null;
    out.push(c);
  }
  return out.length >= 2 ? out : null;
}

/**
 * The lines of an inline block broken by <br> (MkDocs and jemdoc lists, club boards:
 * "<strong>Name</strong><br><em>Role</em><br>links"), each read as its own block.
 */
export function linesOf(el: Element): Block[] {
  const out: Block[] = [];
  let text = '';
  let only: Element | null = null;
  let first: Element | null = null;
  let parts = 0;
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').replace(ANCHOR_MARK, '').trim();
    const block: Block = { el: parts === 1 && only ? only : el, text: t.slice(0, 400), line: true, of: el };
    if (first) block.first = first;
    if (t) out.push(...labelled(block));
    text = '';
    only = null;
    first = null;
    parts = 0;
  };
  const walk = (parent: Element) => {
    for (let n = parent.firstChild; n && out.length < 40; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = n.nodeValue ?? '';
        if (t.trim()) parts += 2; // bare text: the line is not one element's
        text += t;
      } else if (n.nodeType === 1) {
        const c = n as Element;
        const tag = c.tagName.toUpperCase();
        if (tag === 'BR') flush();
        else if (SKIP_BLOCK.test(tag)) continue;
        else if (c.getElementsByTagName('br').length) walk(c);
        else {
          const t = textOf(c, 2000);
          if (t.trim()) {
            if (!parts) first = c;
            parts++;
            only = c;
          }
          text += ` ${t} `;
        }
      }
    }
  };
  walk(el);
  flush();
  return out;
}

export const insideCard = (el: Element, card: Element, sel: RegExp) => {
  for (let e: Element | null = el; e && e !== card.parentElement; e = e.parentElement) {
    if (sel.test(e.tagName.toUpperCase())) return true;
  }
  return false;
};
// A theme's mark before a heading's text ("_ Jane Doe", "• Jane Doe", "▸ Jane Doe").
const BULLET = /^\s{0,5}[_•·*▸►]{1,3}\s{1,5}/u;
// A lower-case handle with the name in brackets ("glassmonkey (Shunsuke Nagano)"): the name.
const HANDLE_FIRST = /^\s*[\p{Ll}\d_][\w.-]{1,29}\s{0,3}\(([^()]{3,60})\)\s*$/u;
/** A listed name as kept: credentials, forms of address and a nickname in brackets dropped ("Yucen (Lily) Li"). */
export const nameOf = (t: string) =>
  cleanName(stripCredentials(t.replace(BULLET, '').replace(HANDLE_FIRST, '$1')))
    .replace(/^DI\s+(?=\p{Lu})/u, '') // Diplom-Ingenieur (Austria), upper case only: "Di Stefano" is a name
    .replace(HONORIFIC, '')
    .replace(/(?<=\S)\s{1,3}\([^()]{1,30}\)\s{1,3}(?=\S)/, ' ')
    .replace(/(?<=\p{L})\s{0,3}:$/u, ''); // "<strong>Eric Scott:</strong> his project"
// Memoised: a card list asks the same of each card's repeated labels and lines.
export const isName = memo((t: string) => {
  const n = nameOf(t);
  const words = n.split(' ');
  const last = words.length - 1;
  return (
    looksLikeName(n) &&
    !words.some((w, i) => !PARTICLE.test(w) && NOT_NAME.test(w) && !(i > 0 && i === last && SURNAME_WORD.test(w)))
  );
});

/**
 * "Coll-Florit, Marta" as "Marta Coll-Florit": directories and academic lists write the family name
 * first, then a comma and the given names; '' for another shape ("Jane Doe, CEO" reads as a name too:
 * the reader keeps that reading and finalize, which knows given names, judges the list).
 */
export function surnameFirst(t: string): string {
  const [, family, given] = /^([^,]{2,40}), (\p{Lu}\S*(?: \p{Lu}\S*)?)$/u.exec(t) ?? [];
  return given && !roleLike(given) && isName(`${given} ${family}`) ? `${given} ${family}` : '';
}

export const roleLike = memo((t: string) => CARD_ROLE.test(t) || roleish(t));
// A line all in capitals is a label or a topic ("FISICA TEORICA"), not a plain name.
export const shouting = (t: string) => !/\p{Ll}/u.test(t) && /\p{Lu}/u.test(t);

/**
 * A board's office written in bold or as a heading over its holder's name, in any language
 * ("<strong>Kassör</strong> Jane Doe", "<h3>Kassiererin</h3><p>Selina Jäger</p>"): a short label
 * without a digit or a colon ("Område 1", "Tel: 031…" label a place or a contact, not an office).
 */
export function officeLabel(el: Element, text: string): boolean {
  // The block may be the bold element's wrapper ("<div><strong>Kassör</strong></div>").
  const bold = (el.childElementCount === 1 && el.firstElementChild) || el;
  return LABEL_TAG.test(bold.tagName.toUpperCase()) && !/[\d:]/.test(text) && text.split(' ').length < 5;
}
