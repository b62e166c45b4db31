import { personNameScore } from './names';
import { companyLike } from './page/roles';
import { isRole } from './role-words';

/**
 * A listed person's employer from their bio (runs in finalize): a sentence about them, opening
 * with their name or a pronoun, that says where they work now ("Gustavo trabalha na Canonical.",
 * "Anna is the CEO of Acme.", "Er leitet die Firma Holzbau Weber.") or a bio opening with
 * "Role at Company," ("Developer advocate no Google, Francesc …"). Only when every such sentence
 * names the same organisation: a bio naming two is ambiguous, and past jobs ("worked at",
 * "previously") are no one's present employer, so their verbs are not read.
 */

// Subjects a sentence about the person opens with, besides their own names.
const PRONOUN = /^(?:he|she|they|er|sie|il|elle|iel|ele|ela|él|ella|lui|lei|hij|zij|ze)$/i;
// What follows the subject, then the organisation: present-tense "works at" and "is the <role> at";
// not "em"/"en", which as often name a town ("trabaja en Madrid"),
// (not "of", "de", "en": "Professor of Computer Science", "Doctora en Medicina" name a field).
// "is (currently) a <role> at" and "works as a <role> at" ("arbeitet als", "travaille comme", "werkt als").
// "works as a <role> for <Org>": English names the employer with "for" after a job held
// ("works as a Senior Sales Engineer for Citrix"); not after "is", where "for" as often names a field or a
// region ("is Director for Europe").
const VERB =
  /^(?:currently\s)?(?:works?\sas\s(?:(?:a|an|the)\s)?(.{2,60}?)\sfor(?:\sthe)?|works?\s(?:at|for)|trabalha\s(?:na|no|para\sa|para\so)|trabaja\spara|travaille\s(?:chez|pour)|arbeitet\s(?:bei|für)|leitet\s(?:die\sFirma|das\sUnternehmen)|lavora\s(?:presso|per)|werkt\s(?:bij|voor)|(?:is|é|es|est|ist|è|works?\sas|trabalha\scomo|travaille\scomme|arbeitet\sals|lavora\scome|werkt\sals)\s(?:(?:currently|now|presently|actuellement|derzeit|attualmente|atualmente)\s)?(?:(?:a|an|the|um|uma|o|a|un|una|el|la|une|le|ein|eine|der|die|een|de|het|il|lo)\s)?(.{2,60}?)\s(?:at|na|no|chez|bei|presso|bij)(?:\s(?:the|der|het))?)\s/iu;
const IS = /^(?:is|é|es|est|ist|è|works?|trabalha|trabaja|travaille|arbeitet|lavora|werkt)$/i;
// The organisation: capitalised words (and short joining words inside), up to the end of the clause or
// the first word in lower case ("na Stripe no time de Observability", "at Acme as a developer"), with
// the legal form a comma sets after it ("Nutanix, Inc.", "Acme, Ltd."), which is part of the name.
const ORG =
  /^(\p{Lu}[\p{L}\d&.'’-]*(?:\s(?:\p{Lu}[\p{L}\d&.'’-]*|&|de|of|di|du|do|da|der|für)){0,5}(?<!\s(?:&|de|of|di|du|do|da|der|für))(?:,\s(?:Inc|Ltd|LLC|Corp|Co|GmbH|AG|S\.A|S\.L|B\.V|N\.V)\.?)?)(?=$|[,.;:!?)]|\s\p{Ll})/u;
// The full stop of an abbreviated legal form ("Inc.") is the name's own, not the sentence's.
const LEGAL_DOT = /(?:^|\s)(?:Inc|Ltd|Corp|Co|S\.A|S\.L|B\.V|N\.V)\.$/;
// "Developer advocate no Google, …": a bio that opens with the role and the employer.
const ROLE_FIRST = /^(.{2,50}?)\s(?:at|@|no|na|bei|chez|presso|bij)\s/iu;

/** The organisation one bio names as the person's present employer, with the role when it says one; null when none or several. */
export function bioEmployer(bio: string, fullName: string): { company: string; title?: string } | null {
  const names = new Set(fullName.toLowerCase().split(/\s+/));
  const found: { company: string; title?: string }[] = [];
  const take = (rest: string, title?: string) => {
    // "presso l'Università di Torino", "chez l'Oréal": the elided article is no part of the name.
    const named = ORG.exec(rest.replace(/^l['’](?=\p{Lu})/u, ''))?.[1] ?? '';
    const org = (LEGAL_DOT.test(named) ? named : named.replace(/[.]$/, '')).trim();
    if (!org || !companyLike(org) || isRole(org) || names.has(org.toLowerCase().split(' ')[0] ?? '')) return;
    // A name-like organisation ("Atlantis Computing") is one after a role ("CTO at …"): people hold no
    // job at a person. Without a role ("works for Jane Smith") the same words may name the person they assist.
    if (!title && org.includes(' ') && personNameScore(org) >= 0.8) return;
    found.push(title ? { company: org, title } : { company: org });
  };
  const sentences = bio.replace(/\s+/g, ' ').split(/(?<=[.!?])\s(?=\p{Lu})/u);
  const lead = ROLE_FIRST.exec(sentences[0] ?? '');
  const first = (lead?.[1] ?? '').split(' ');
  // The role itself, not a sentence about the person ("Anna is the CEO at …", read below).
  const own = first.some((w) => names.has(w.toLowerCase()) || PRONOUN.test(w) || IS.test(w));
  if (lead?.[1] && !own && isRole(lead[1]) && first.length <= 5) take(bio.slice(lead[0].length), lead[1]);
  for (const s of sentences.slice(0, 8)) {
    let words = s.split(' ');
    // "Também conhecido pelo seu trabalho com Python, Gustavo trabalha na Canonical.": the clause after a
    // comma that opens with the person's name is a sentence about them.
    const clause = words.findIndex((w, i) => i > 0 && words[i - 1]?.endsWith(',') && names.has(w.toLowerCase()));
    if (!names.has((words[0] ?? '').toLowerCase()) && clause > 0) words = words.slice(clause);
    // The subject: a pronoun, or the person's own name (one or more of its words).
    let at = 0;
    while (at < 3 && names.has((words[at] ?? '').toLowerCase().replace(/,$/, ''))) at++;
    if (!at && !PRONOUN.test(words[0] ?? '')) continue;
    const rest = words.slice(at || 1).join(' ');
    // "Jane Doe, CTO at Acme, is …": the role and employer in apposition to the name.
    const apposed = at && words[at - 1]?.endsWith(',') ? ROLE_FIRST.exec(rest) : null;
    if (apposed?.[1] && isRole(apposed[1]) && apposed[1].split(' ').length <= 5) {
      take(rest.slice(apposed[0].length), apposed[1]);
      continue;
    }
    const verb = VERB.exec(rest);
    if (!verb) continue;
    const role = (verb[1] ?? verb[2])?.trim();
    if (role !== undefined && (!isRole(role) || role.split(' ').length > 10)) continue;
    // A long role ("a staff solution architect for End User Computing at Nutanix") still says where
    // the person works; only a short one is a title.
    take(rest.slice(verb[0].length), role && role.split(' ').length <= 5 ? role : undefined);
  }
  const companies = new Set(found.map((f) => f.company.toLowerCase()));
  return companies.size === 1 ? (found[0] as { company: string; title?: string }) : null;
}

/** Gives each listed person without a company the employer their bio names (their `bio`, read by the page). */
export function employersFromBios(people: Record<string, unknown>[]): void {
  for (const p of people) {
    if (typeof p.bio !== 'string' || typeof p.fullName !== 'string' || p.companyName) continue;
    const sources = p.sources && typeof p.sources === 'object' ? (p.sources as Record<string, unknown>) : null;
    const found = bioEmployer(p.bio.slice(0, 1000), p.fullName);
    if (!found || !sources) continue;
    p.companyName = found.company;
    sources.companyName = 'bio';
    if (found.title && !p.title) {
      p.title = found.title;
      sources.title = 'bio';
    }
  }
}
