/**
 * A listed person's role line, split into their title and their own company:
 * "Role at Company", "Role @ Company", "Founder @Company" and their translations (bei,
 * chez, presso, bij, en, na, w, hos, em) always; "Role, Company", "Role | Company" and
 * "Company — Role" only where the caller says the page lists people of other companies
 * (speakers, authors, a platform bio), because on a company's own team page "Senior
 * Manager, Business Services" names a department, not an employer.
 */

// Role words in the languages of the corpus: the side of a line that holds one is the title.
// Bounded by letters, not \b: \b takes é or ä for a non-letter, so "Associé" and "Ärztin" never
// matched and the end of a compound after an umlaut did by accident (COMPOUND says so now).
// Professions named after their science are roles too (Climatologa, Biologe, astrophysicist).
// Spanish, Italian and French write the vice-president in one word ("Vicepresidente", "Viceprésident").
// Polish and Czech make a role feminine with -ka, loans too ("Product Managerka", "Specialistka", "Projektantka").
export const ROLE_WORDS =
  /(?<![\p{L}\d])(ceo|cto|cfo|coo|cmo|cpo|ciso|vp|svp|evp|founder|co-?founder|fondat(eur|rice|ore|ora)|fundador(a)?|gründer(in)?|oprichter|director(a)?|directeur|directrice|direktor(in)?|direttore|manager(in)?|head|lead|leiter(in)?|engineer|ingeniero|ingeniera|ingegnere|developer|entwickler(in)?|desarrollador(a)?|designer(in)?|diseñador(a)?|partner(in)?|socio|socia|(vice)?president(e|a)?|(vice)?président(e)?|chief|officer|consultant|consultor(a)?|berater(in)?|analyst|advisor|adviser|associate|associé(e)?|professor(in)?|profesor(a)?|professeur|professore|docente|lecturer|researcher|investigador(a)?|chercheur|chercheuse|ricercatore|ricercatrice|forscher(in)?|scientist|wissenschaftler(in)?|postdoc|phd|doctorant(e)?|doktorand(in)?|student|estudiante|étudiant(e)?|geschäftsführer(in)?|inhaber(in)?|vorstand|responsable|responsabile|gérant(e)?|owner|speaker|editor|redakteur(in)?|writer|author|autor(a)?|auteur|journalist|recruiter|counsel|attorney|lawyer|abogad[oa]|avocat(e)?|avvocato|rechtsanwalt|rechtsanwältin|fachanwalt|anwalt|notar|accountant|architect|arquitect[oa]|architekt(in)?|chair(man|woman|person)?|secretary|treasurer|intern|stagiaire|stagiair|praktikant(?:in)?|tirocinante|becari[oa]|pasante|practicante|specialist|especialista|coordinator|coord[ie]nador(a)?|coordinatore|koordinator(in)?|administrat(?:or|eur|rice)|assistant|asistente|executive|principal|evangelist|advocate|strategist|organi[sz]er|organizador(a)?|organisat(eur|rice)|organizzat(ore|rice)|photographer|illustrator|artist|coach|trainer|mentor|maintainer|contributor|member|fellow|dean|rector|decano|doyen|catedr[aá]tic[oa]|hoogleraar|onderzoeker|promovend(us)?|voorzitter|penningmeester|secretaris|bestuurslid|(vize)?präsident(in)?|kassier(er)?(in)?|schriftführer(in)?|beisitzer(in)?|vorsitzende[rn]?|(wice)?prezes|skarbnik|sekretarz|członek|tesorier[ea]|tesorer[oa]|segretari[oa]|secretari[oa]|trésorière?|secrétaire|vocal|psicolog[oa]|psicoterapeuta|psycholog(?:ist|ue|in|e)?|psychotherapeut(?:in)?|psychoterapeut(?:a|ka)|pedagog(?:ue|a|o|e|in)?|p(?:ä|ae)dagog(?:e|in)|dyrektor(?:ka)?|kierownik|w(?:ł|l)a(?:ś|s)ciciel(?:ka)?|za(?:ł|l)o(?:ż|z)yciel(?:ka)?|lekarz|therapist|th(?:é|e)rapeute|therapeut(?:in)?|terapeuta|m(?:é|e)dic[oa]|m(?:é|e)decin|doctor(?:a)?|arzt|(?:ä|a)rztin|physician|nurse|infermier[ae]|sophrologue|osteopath(?:e|in)?|fisioterapista|physiotherapeut(?:in)?|dentist(?:a|e)?|sachbearbeiter(?:in)?|makler(?:in)?|realtor|expert|sviluppat(?:ore|rice)|consulente|progettista|programmat(?:ore|rice)|dottorand[oa]|assegnista|d[ée]velopp(?:eur|euse)|ing[ée]nieure?|ingenieur(?:in)?|enseignant(?:e)?|charg[ée]e?|d[ée]l[ée]gu[ée]e?|conseill(?:er|ère)|t[ée]cnic[oa]|gerente|jefe|jefa|programador(?:a)?|analista|mitarbeiter(?:in)?|referent(?:in)?|(?:climat|bi|ge|soci|ec|zo|neur|radi|cardi|kardi|arch(?:a?e)?|ant(?:h)?rop|astr|ethn|onc|dermat|hydr|meteor|seism|glaci|paleont|vir|immun|epidemi|pharmac|toxic|musik|music|phil|crimin|the|egypt|sin|ornith|entom|ocean|petr|miner|geront|endokrin|endocrin|ne(?:ph|f)r|ur|path|ha?emat|gastroenter|ophthalm|audi|lingu)olog(?:ist|iste|ue|o|a|e|in)|(?:astro)?(?:fisic[oa]|physicist|physicien(?:ne)?|physiker(?:in)?))(?:ka)?(?![\p{L}\d])/iu;

// German compounds end in a role word (Softwareentwicklerin, Vertriebsleiter, Geschäftsführer,
// Fachärztin): ROLE_WORDS's letter boundaries no longer match inside them. So do Dutch ones
// ("Grafisch Ontwerper", webontwerper); and the Spanish "Psicóloga" is written with its accent.
const COMPOUND =
  /(entwickler|leiter|leitung|berater|führer|forscher|referent|ingenieur|architekt|wissenschaftler|manager|assistent|inhaber|bearbeiter|coach|makler|therapeut|[aä]rzt|ontwerper|psicólog[oa])(in)?\b/i;
/** "Thérapeute relationnelle · Coach systémique": of several roles in one line, the first is the profession. */
export function firstRole(line: string): string {
  const parts = line.split(/\s[•·]\s/);
  return parts.length >= 2 && parts.slice(0, 2).every((p) => roleish(p)) ? (parts[0] as string).trim() : line;
}

/** True when a text holds a role word, German compounds included (Vertriebsleiterin). */
export const roleish = (t: string) => ROLE_WORDS.test(t) || COMPOUND.test(t);

// "<role> at <company>" and its translations; "@" also without a space ("Founder @Acme").
const AT =
  /^(.{2,80}?)\s{1,10}(?:at|@|bei|chez|presso|bij|hos|au|aux|à)\s{1,10}(.{2,80})$|^(.{2,80}?)\s{0,10}@(\S.{1,79})$/i;
// Prepositions that also name a field ("Chercheur en physique quantique", "Licenciado en Derecho"):
// tried after the others, and only before a name written in title case.
const AT_WEAK = /^(.{2,80}?)\s{1,10}(?:en|na|w|em)\s{1,10}(.{2,80})$/i;
// A double slash too: speaker cards write "Senior UX Research Manager // Allegro".
const SEPARATED = /^(.{2,80}?)\s{0,10}(?:,|\||·|•|\s[–—-]\s|\s\/\/\s)\s{0,10}(.{2,80})$/;

// Words that name an organisation in any case ("University of Antwerp", "Universidade Federal
// de Uberlândia", "Acme GmbH"): after a role, such a part is the person's employer even on a team page.
const ORG_WORD =
  /\b(universi(ty|tät|té|tà|dad|dade|teit|ty college)|hochschule|institut(e|o)?|instituto|college|école|escola|escuela|scuola|politecnico|polytechnique|academy|akademie|hospital|klinikum|inc\.?|ltd\.?|llc|gmbh|ag|s\.?a\.?s?|s\.?r\.?l\.?|b\.?v\.?|corp(oration)?|foundation|stiftung|fondation|fundación|fondazione)(?=$|[\s,.)])/i;

/** True when a line names an organisation ("Universidade Estadual de Londrina", "Kyushu University"), not a role. */
export function isOrgText(text: string): boolean {
  return ORG_WORD.test(text) && companyLike(text.replace(/^(the|la|le|l'|el|die|der|de)\s+/i, 'X '));
}

export interface RoleParts {
  title: string;
  company?: string;
}

/** A company as written after a role: capitalised (or a known lower-case brand form), short, no role word. */
export function companyLike(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 60 || t.split(/\s+/).length > 6) return false;
  if (!/^[\p{Lu}\d@]/u.test(t) && !/^[a-z][a-z0-9]*[A-Z.]/.test(t)) return false;
  return !roleish(t);
}

/** Splits a role line into title and company; `others` allows the comma, pipe and dash forms. */
export function splitRole(line: string, others: boolean): RoleParts {
  const text = line.replace(/\s+/g, ' ').trim();
  const strong = AT.exec(text);
  const at = strong ?? (others ? AT_WEAK.exec(text) : null);
  if (at) {
    const title = (at[1] ?? at[3] ?? '').trim();
    // French elides the article before a vowel ("à l'IMAG").
    const company = (at[2] ?? at[4] ?? '')
      .trim()
      .replace(/^@/, '')
      .replace(/^l['’](?=\p{Lu})/u, '');
    // After "en"/"w"/"na"/"em" a field reads in lower case ("en NLP pour l'IA"), an employer does not.
    const field = !strong && /\s\p{Ll}{4,}/u.test(company);
    if (roleish(title) && companyLike(company) && !field) return { title, company };
  }
  const sep = SEPARATED.exec(text);
  if (!others) {
    // "Assistant Professor, University of Antwerp": an institution after the role is the employer anywhere.
    const [left, right] = [(sep?.[1] ?? '').trim(), (sep?.[2] ?? '').trim()];
    return sep && roleish(left) && isOrgText(right) ? { title: left, company: right } : { title: text };
  }
  if (sep) {
    const [left, right] = [(sep[1] ?? '').trim(), (sep[2] ?? '').trim()];
    if (roleish(left) && companyLike(right)) return { title: left, company: right };
    if (roleish(right) && companyLike(left)) return { title: right, company: left };
  }
  return { title: text };
}
