/**
 * Words that make a heading an action, a product or a section, not a person (several
 * languages). Its own small module: the injected page reader (people lists) and finalize's
 * name judge (./names.ts, which carries the given-names dataset) both use it.
 */
export const NOT_NAME =
  /^(about|contact|team|our|the|meet|home|news|blog|read|more|learn|view|see|join|get|buy|shop|order|book|sign|log|login|register|subscribe|download|services?|products?|solutions?|pricing|careers?|jobs?|events?|company|group|board|research|projects?|publications?|people|members?|alumni|staff|faculty|bestuur|directie|medewerkers|vorstand|mitarbeiter|consiglio|direttivo|junta|directiva|zarząd|equipa|squadra|speakers?|partners?|abogados|avocats|avvocati|advocaten|rechtsanw[äa]lte|lawyers|attorneys|clients?|customers?|support|help|privacy|terms|imprint|impressum|kontakt|über|uns|unser|unsere|équipe|nous|notre|nos|qui|sommes|nuestro|equipo|nosotros|chi|siamo|il|team|welcome|willkommen|bienvenue|bienvenido|hello|hi|new|free|best|top|all|business|design|digital|software|data|cloud|app|apps|api|web|online|mobile|global|international|management|marketing|sales|consulting|analytics|foods?|capital|ventures|holdings?|logistics|media|networks?|robotics|foundation|association|society|productions|interactive|development|engineering|technology|technologies|systems?|studio|agency|labs?|inc\.?|ltd\.?|gmbh|llc|sa|sas|ag|co\.?|corp\.?|university|universität|université|universidad|università|institute|school|department|center|centre|conference|summit|meetup|workshop|keynote|session|panel|award|prize|edition|season|chapter|part|volume|issue|page|section|introduction|overview|summary|conclusion|abstract|references|faq|q&a|la|le|les|der|die|das|el|los|las)$/i;

/** Articles in NOT_NAME that are also family names ("Laila Los", "Kim Das"): allowed as a name's last word. */
export const SURNAME_WORD = /^(la|le|les|der|die|das|el|los|las)$/i;
