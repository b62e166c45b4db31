/**
 * Which mailboxes belong to nobody in particular: role and legal addresses a company
 * shares (info@, kontakt@, privacy@), machine senders (noreply@) and consumer mail
 * hosts (gmail.com). The extractor, the dedupe keys and the email-pattern guesser all
 * ask here, so an address cannot be a company mailbox in one and a person in another.
 * Page-safe: plain data, no dependencies (it ships in the injected extractor).
 */

// The site's own legal and abuse mailboxes, in the languages of the imprints we read.
const LEGAL_LOCALS = new Set([
  'privacy',
  'abuse',
  'legal',
  'gdpr',
  'dpo',
  'datenschutz',
  'dataprotection',
  'data-protection',
  'security',
  'compliance',
  'copyright',
  'dmca',
  'rgpd',
  'impressum',
]);

// Shared team mailboxes, greetings included ("hallo@", "bonjour@", "hej@" are how
// German, French and Scandinavian firms write "hello@").
const ROLE_LOCALS = new Set([
  'info',
  'contact',
  'hello',
  'hallo',
  'hola',
  'ciao',
  'hej',
  'salut',
  'bonjour',
  'hi',
  'kontakt',
  'contacto',
  'contatto',
  'office',
  'mail',
  'sales',
  'support',
  'help',
  'service',
  'team',
  'admin',
  'enquiries',
  'inquiries',
  'press',
  'presse',
  'media',
  'marketing',
  'partner',
  'partners',
  'jobs',
  'careers',
  'recruiting',
  'hr',
  'billing',
  'accounts',
  'webmaster',
  'general',
  'reception',
  'booking',
  'bookings',
  'orders',
]);

// Machine senders: never a person, never a contact.
const MACHINE_LOCAL =
  /^(no-?reply|do-?not-?reply|donotreply|noreply[-.+_a-z0-9]*|bounces?|mailer-daemon|postmaster|hostmaster|notifications?|tracking|unsubscribe)([+._-].*)?$/;

// Consumer mail hosts: an address here says nothing about the person's employer.
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'ymail.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.com',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'qq.com',
  '163.com',
  '126.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'naver.com',
  'tutanota.com',
]);

function localPart(email: string): string {
  const at = email.indexOf('@');
  return (at < 0 ? '' : email.slice(0, at)).toLowerCase();
}

/** True for a legal or abuse mailbox's local part (privacy, datenschutz, dpo). */
export function isLegalLocal(local: string): boolean {
  return LEGAL_LOCALS.has(local.toLowerCase());
}

/** True for a local part a company shares: role mailboxes (info, kontakt, bonjour) and legal ones. */
export function isRoleLocal(local: string): boolean {
  const l = local.toLowerCase();
  return ROLE_LOCALS.has(l) || LEGAL_LOCALS.has(l);
}

/** True for a machine sender's local part (noreply, mailer-daemon, bounces+x). */
export function isMachineLocal(local: string): boolean {
  return MACHINE_LOCAL.test(local.toLowerCase());
}

/** The site's own legal/abuse mailboxes (privacy@, datenschutz@). */
export function isLegalMailbox(email: string): boolean {
  return isLegalLocal(localPart(email));
}

/** Role and legal mailboxes (info@, kontakt@, privacy@): they belong to the company, not to a person. */
export function isRoleMailbox(email: string): boolean {
  return isRoleLocal(localPart(email));
}

/** Mailboxes that identify no person: role, legal and machine addresses. */
export function isSharedMailbox(email: string): boolean {
  const local = localPart(email);
  return isRoleLocal(local) || isMachineLocal(local);
}

/** True for consumer mailbox providers (gmail.com, outlook.com, ...), whose domain is no company. */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
