import { companyLike, roleish } from './page/roles';

/**
 * Role words finalize knows beyond the reader's (lib/extract/page/roles.ts, size-budgeted because it
 * is injected into every page): Portuguese, Dutch, Polish, Czech and Japanese titles, which a
 * listed person's line holds as often as an English one ("Diretora Executiva", "Bestuurslid",
 * "Prezes Zarządu", "Jednatel", "代表取締役社長"). finalize runs in the extension, so the lists
 * may grow without weighing on the page.
 */

// Bounded by letters (not \b, which takes "ó" or "ř" for a boundary).
const WORDS = new RegExp(
  `(?<![\\p{L}\\d])(?:${[
    // Portuguese
    'diretor(?:a|es|as)?',
    'direção',
    's[óo]ci[oa]s?',
    'gerentes?',
    'coordenador(?:a)?',
    'engenheir[oa]s?',
    'desenvolvedor(?:a)?',
    'programador(?:a)?',
    'pesquisador(?:a)?',
    'professor(?:a)?',
    'fundador(?:a)?',
    'cofundador(?:a)?',
    'presidente',
    'tesoureir[oa]',
    'secret[áa]ri[oa]',
    'advogad[oa]',
    'contador(?:a)?',
    'analista',
    'consultor(?:a)?',
    'estagi[áa]ri[oa]',
    'assessor(?:a)?',
    'doutorand[oa]',
    'mestrand[oa]',
    // Spanish, Catalan and Portuguese teachers of a practice ("Instructor de mindfulness", "Instrutora de ioga")
    'instruc?tor(?:a|es|as)?',
    // Spanish and Portuguese accented forms the reader's list writes without the accent
    'psic[óo]log[oa]',
    'bolsista',
    // Dutch
    'directeur',
    'eigenaar',
    'oprichter',
    'medeoprichter',
    'voorzitter',
    'vicevoorzitter',
    'penningmeester',
    'secretaris',
    'bestuurslid',
    'bestuurder',
    'medewerker',
    'medewerkster',
    'adviseur',
    'co[öo]rdinator',
    'ontwikkelaar',
    'leidster',
    'leider',
    'projectleider',
    'teamleider',
    'vennoot',
    'notaris',
    'advocaat',
    'docent',
    'promovendus',
    // Polish
    'prezes(?:a)?',
    'wiceprezes',
    'dyrektor(?:ka)?',
    'kierownik',
    'kierowniczka',
    'w[łl]a[śs]ciciel(?:ka)?',
    'za[łl]o[żz]yciel(?:ka)?',
    'wsp[óo][łl]za[łl]o[żz]yciel(?:ka)?',
    'programist(?:a|ka)',
    'in[żz]ynier',
    'cz[łl]onek',
    'przewodnicz[ąa]c[ya]',
    'skarbnik',
    'sekretarz',
    'wsp[óo]lnik',
    'adwokat',
    'radca',
    'specjalist(?:a|ka)',
    'doktorant(?:ka)?',
    // Czech
    'ředitel(?:ka)?',
    'jednatel(?:ka)?',
    'vedouc[íi]',
    'majitel(?:ka)?',
    'zakladatel(?:ka)?',
    'spoluzakladatel(?:ka)?',
    'p[řr]edsed(?:a|kyně)',
    'm[íi]stop[řr]edsed(?:a|kyně)',
    'program[áa]tor(?:ka)?',
    'organiz[áa]tor(?:ka)?',
    'v[ýy]voj[áa][řr](?:ka)?',
    'konzultant(?:ka)?',
    'spole[čc]n[íi]k',
    'advok[áa]t(?:ka)?',
    'pokladn[íi]k',
    'instruktor(?:ka)?',
    'lektor(?:ka)?',
    // Danish, Norwegian and Swedish ("Lektor ved Aarhus Universitet", "Utvecklare på Spotify",
    // "Styreleder"); lektor and docent are above
    'forsk(?:er|are)',
    'seniorforsk(?:er|are)',
    'udvikler',
    'utvikler',
    'utvecklare',
    'konsulent',
    'konsult',
    // A board's deputy member ("Kirsten Hørby (suppleant)"); Swedish and Danish heads in "-chef"
    // ("Marknadschef", "Afdelingschef", "Ekonomichef"), the French "Chef de projet" too
    'suppleant',
    '\\p{L}{0,20}chef',
    'r[åa]dgiv(?:er|are)',
    'direkt[øöo]r',
    'daglig leder',
    'verkst[äa]llande direkt[öo]r',
    'ingeni[øo]r',
    'ingenj[öo]r',
    'projektled(?:er|are)',
    'prosjektleder',
    'stipendiat',
    'ph\\.?d\\.?-studerende',
    'adjunkt',
    'formand',
    'n[æa]stformand',
    'kasserer',
    'kass[öo]r',
    'sekret[æe]r',
    'sekreterare',
    'bestyrelsesmedlem',
    'styremedlem',
    'styreleder',
    // A board's chair, deputy and member in Norwegian and Danish ("Leder", "Nestleder", "Marte Fossestøl (leder)").
    'n?estleder',
    'leder',
    'medlem',
    'styrelseledamot',
    'ledamot',
    'ordf[öo]rande',
    'grundl[æa]gger',
    'grunnlegger',
    'grundare',
    'medgrundare',
    'medgrundl[æa]gger',
    'arkitekt',
    'l[æa]rer',
    'l[äa]rare',
    'l[äa]kare',
    'l[æa]ge',
    'sygeplejerske',
    'sjuksk[öo]terska',
    'advokat',
    'revisor',
    // French health professions (a practice's team: "Kinésithérapeute", "Infirmière", "Orthophoniste"),
    // the 'h' of "-thérapeuthe" as practices misspell it
    'kin[ée]sith[ée]rapeuth?e',
    'ergoth[ée]rapeuth?e',
    'orthophoniste',
    'ost[ée]opathe',
    'podologue',
    'infirmi(?:er|[èe]re)',
    'sage-femme',
    'di[ée]t[ée]ticien(?:ne)?',
    // Professions freelancers and local practitioners name their one-person business after
    // ("Thaís Basso Nutricionista", "Jane Roe Fotografin"): finalize reads such a name as its owner's
    'nutri(?:cionista|zionista|tionist|tionniste)',
    'dietist(?:a|e)?',
    'fot[óo]graf(?:o|a|in|e)?',
    'photographe',
    'tradu(?:ctor|ctora|ttore|ttrice|tor|tora|cteur|ctrice)',
    '[üu]bersetzer(?:in)?',
    'vertaler',
    't[łl]umacz(?:ka)?',
    'interpr(?:eter|[èe]te|ete)',
    'dolmetscher(?:in)?',
    'copywriter',
    'ilustrador(?:a)?',
    'illustrat(?:ore|rice|eur)',
    'illustrator(?:in)?',
    'grafik(?:er|erin)?',
    'graphiste',
    'tutor(?:a)?',
    'logop(?:e|ä)d(?:e|in|a)?',
    'fisioterapeuta',
    'osteopat(?:a|h)',
    'naturopat(?:h|he|a)',
    'heilpraktiker(?:in)?',
    'hebamme',
    'tierarzt|tier(?:ä|a)rztin|veterin(?:ário|aria|ario|aire)',
    // Greek professions a practice's site is named with ("Μάριος Δέτσης, Παιδίατρος", "… - Λογιστής"):
    // doctors end in -ίατρος (Παιδίατρος, Οδοντίατρος, Ψυχίατρος; Ιατρός, Γιατρός), specialists in -ολόγος (Καρδιολόγος),
    // accents optional (titles in capitals drop them)
    '\\p{L}{0,8}[ίι]ατρ[οό]ς|\\p{L}{2,10}ολ[όο]γος',
    'λογιστ(?:[ήη]ς|ρια)',
    'δικηγ[όο]ρος',
    'συμβολαιογρ[άα]φος',
    'μηχανικ[όο]ς',
    'αρχιτ[έε]κτων|αρχιτ[έε]κτονας',
    'φυσικοθεραπευτ(?:[ήη]ς|ρια)',
    'σ[ύυ]μβουλος',
    // Latvian ("Kalvis Lejasmeiers | Projektētājs Liepāja", "Valdes priekšsēdētājs")
    'projekt[ēe]t[āa]j[sa]',
    'arhitekt[se]',
    'gr[āa]matved(?:is|e)',
    'jurist[se]',
    '[āa]rst[se]',
    'dizainer[se]',
    'fotogr[āa]f[se]',
    'tulkot[āa]j[sa]',
    'priek[šs]s[ēe]d[ēe]t[āa]j[sa]',
    'vad[īi]t[āa]j[sa]',
    'valdes locekl(?:is|e)',
  ].join('|')})(?![\\p{L}\\d])`,
  'iu',
);

// Japanese titles close a compound ("代表取締役社長", "技術部長", "人事担当"): matched at its end,
// before a space, a bracket, a separator or the end of the line.
const JAPANESE =
  /(?:代表取締役|取締役|執行役員|社長|副社長|会長|部長|課長|係長|室長|所長|センター長|理事長|理事|監事|代表者|代表|幹事|事務局長|局長|主任|担当|責任者|教授|准教授|助教|講師|研究員|秘書|エンジニア|デザイナー|マネージャー|ディレクター|プロデューサー|リーダー|メンバー|創業者|共同創業者|ファウンダー)(?=$|[\s、,，・/／|｜()（）「」])/u;

// Degrees and positions the reader's ROLE_WORDS spells differently ("Post-doctoral", "Ph.D.",
// "Werkstudentin", "Sachverständige"): the abstain gate's (issue 17) long-title check honours them.
const MORE =
  /\b(?:post-?doc\w*|pre-?doc\w*|ph\.\s?d\.?|werkstudent(?:in)?|sachverst(?:ä|ae)ndige[rn]?|collaborat(?:or|rice|ore|eur)|technici(?:an|en(?:ne)?)|trainee|pastor|admin)\b/i;

/** True when a line holds a role word of any language finalize knows (the reader's and this module's). */
export function isRole(text: string): boolean {
  return roleish(text) || WORDS.test(text) || JAPANESE.test(text) || MORE.test(text);
}

/** A short line holding a role word of the corpus's languages ("Penningmeester", "Associate Professor"). */
export function isRoleLine(title: unknown): boolean {
  return typeof title === 'string' && title.split(/\s+/).length <= 6 && isRole(title);
}

// "Diretora na Acme", "Engenheiro no Nubank": Portuguese's "at" before an employer; Danish, Norwegian
// and Swedish "ved", "vid", "på", "hos" ("Lektor ved Aarhus Universitet", "Utvecklare på Spotify"). Not "em",
// "w" or "v", which as often name a town ("Advogado em São Paulo", "Programista w Krakowie").
const AT = /^(.{2,80}?)\s{1,10}(?:na|no|ved|vid|på|hos)\s{1,10}(.{2,80})$/u;
// Scandinavian employers name their kind in lower case ("Lunds universitet", "Oslo kommune"): no field.
const KIND_IN_LOWER_CASE =
  /\s(?:universitet(?:et)?|h[öø]gskol(?:a|an|e|en)|sjukhus(?:et)?|sykehus(?:et)?|kommun(?:e)?)$/u;
// "株式会社アドウェイズの代表取締役", "Code for Xの代表": the organisation, "の", then the title.
const JAPANESE_AT = /^(.{2,60}?)の([^\sの]{1,20})$/u;

/**
 * "Role at Company" in the languages only finalize knows, or null: the title holds a role word, the
 * company is written like a name, never a field in lower case ("Engenheira na área de dados").
 */
export function roleAt(line: string): { title: string; company: string } | null {
  const text = line.replace(/\s+/g, ' ').trim();
  const ja = JAPANESE_AT.exec(text);
  if (ja?.[1] && ja[2] && JAPANESE.test(ja[2]) && !JAPANESE.test(ja[1])) return { title: ja[2], company: ja[1].trim() };
  const at = AT.exec(text);
  const [title = '', company = ''] = [at?.[1]?.trim(), at?.[2]?.trim()];
  if (!at || !isRole(title) || (/\s\p{Ll}{4,}/u.test(company) && !KIND_IN_LOWER_CASE.test(company))) return null;
  return companyLike(company) && !isRole(company) ? { title, company } : null;
}
