/**
 * Members tables (project committers, lab staff, boards): a header row names the columns, so a
 * row's role and organisation are read from the cells under "Title"/"Role" and
 * "Organisation"/"Affiliation", in the corpus's languages, and never from an ID, room or
 * e-mail column (an "Apache ID" such as "wusheng" is no role).
 */

const ROLE_HEAD =
  /^(?:job\s)?(?:title|role|position|function|grade|funktion|rolle|stellung|poste|fonction|titre|statut|cargo|puesto|rol|ruolo|qualifica|funzione|functie|stanowisko|funkcja)$/i;
const ORG_HEAD =
  /^(?:organi[sz]ations?|company|companies|affiliations?|employer|institution|firma|unternehmen|arbeitgeber|entreprise|soci[ée]t[ée]|employeur|empresa|organizaci[óo]n|instituci[óo]n|azienda|ente|affiliazione|bedrijf|organisatie|werkgever|instytucja|organizacja)$/i;

// What an organisation column says of someone without one.
const NO_ORG =
  /^(?:independent|self-employed|freelance(?:r)?|none|n\/a|-|–|—|unaffiliated|selbstst[äa]ndig|ind[ée]pendant(?:e)?|aut[óo]nomo|freelance)$/i;

// A column of handles ("Apache ID", "User ID"): never a role, whatever the table's width (an
// address or a number is no role either, ./people-card isRole).
const ID_HEAD = /\bid\b/i;

export interface RowColumns {
  /** The table has a header row: only its role column (or a cell holding a role word) gives the role. */
  headed: boolean;
  role?: string;
  org?: string;
  /** A column is headed as handles. */
  ids?: boolean;
}

const cellText = (el: Element | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

/** The role and organisation cells of a table row, by its table's header row; null outside a headed table. */
export function rowColumns(row: Element): RowColumns | null {
  if (row.tagName !== 'TR') return null;
  const table = row.closest('table');
  const head = table?.querySelector('tr');
  if (!head || head === row || !head.children.length) return null;
  for (let c = head.firstElementChild; c; c = c.nextElementSibling) if (c.tagName !== 'TH') return null;
  const out: RowColumns = { headed: true };
  const cells = row.children;
  for (let i = 0; i < head.children.length && i < 20; i++) {
    const label = cellText(head.children[i]).replace(/[:*]$/, '');
    if (ID_HEAD.test(label)) out.ids = true;
    const value = cellText(cells[i]);
    if (!value) continue;
    if (ROLE_HEAD.test(label)) out.role ??= value;
    else if (ORG_HEAD.test(label) && !NO_ORG.test(value)) out.org ??= value;
  }
  return out;
}
