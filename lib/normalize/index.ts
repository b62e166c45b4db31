export { registrableDomain } from './domain';
export { emailDomain, mailtoHref, normalizeEmail } from './email';
export { canonicalLink, canonicalWebsite, classifyLink, isProfileLink, type LinkKind, parseHttpUrl } from './links';
export { cleanName, foldText, splitName } from './name';
export { asCountry, type NormalizedPhone, normalizePhone } from './phone';
