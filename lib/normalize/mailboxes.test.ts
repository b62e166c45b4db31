import { describe, expect, it } from 'vitest';
import { isFreeMailDomain, isLegalMailbox, isRoleMailbox, isSharedMailbox } from './mailboxes';

describe('mailboxes', () => {
  it.each([
    ['info@acme.io', true],
    ['Kontakt@firm.de', true],
    ['bonjour@atelier.fr', true],
    ['privacy@acme.io', true],
    ['jane.doe@acme.io', false],
    ['information.jane@acme.io', false],
  ])('isRoleMailbox(%s) is %s', (email, expected) => {
    expect(isRoleMailbox(email)).toBe(expected);
  });

  it('counts legal mailboxes as role mailboxes, and only them as legal', () => {
    expect([isLegalMailbox('datenschutz@firm.de'), isRoleMailbox('datenschutz@firm.de')]).toEqual([true, true]);
    expect(isLegalMailbox('kontakt@firm.de')).toBe(false);
  });

  it('treats machine senders as shared but not as role mailboxes', () => {
    expect([isSharedMailbox('noreply@acme.io'), isRoleMailbox('noreply@acme.io')]).toEqual([true, false]);
    expect(isSharedMailbox('jane@acme.io')).toBe(false);
  });

  it('knows consumer mail hosts in any case', () => {
    expect([isFreeMailDomain('GMAIL.com'), isFreeMailDomain('web.de'), isFreeMailDomain('acme.io')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
