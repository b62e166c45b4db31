import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { harvest } from '@/lib/extract/page/contacts';
import { normalizeEmail } from '@/lib/normalize/email';
import { normalizePhone } from '@/lib/normalize/phone';
import { diff } from './facts';
import { CONTACT_CASES, emailCases, hasPeers, PEER_CASES, peerHtml } from './peer-cases';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

describe.skipIf(!hasPeers())('peer pages (../shared/peer-pages)', () => {
  it.each(PEER_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = parse(peerHtml(c.file, c.block));

    const actual = extract(doc, c.url);

    expect(diff(c.expected, actual)).toEqual([]);
  });

  it.each(CONTACT_CASES.map((c) => [c.name, c] as const))('%s: contacts from plain text', (_name, c) => {
    const doc = parse(peerHtml(c.file, c.block));
    const body = doc.body as unknown as Element;

    const found = harvest(body, 'https://schema.example.org/');
    const phones = [...found.phones, ...found.textPhones]
      .map((p) => normalizePhone(p, c.defaultCountry))
      .filter((p) => p?.valid)
      .map((p) => p?.value);

    expect(found.emails.sort()).toEqual([...c.emails].sort());
    expect([...new Set(phones)]).toEqual(c.phones);
  });

  it('isemail corpus: never accepts an invalid address, accepts nearly all valid ones', () => {
    const cases = emailCases();
    const accepted = (address: string) => normalizeEmail(address) !== null;

    const falseAccepts = cases.filter((c) => !c.accept && accepted(c.address)).map((c) => `${c.id} ${c.address}`);
    const valid = cases.filter((c) => c.accept);
    const recall = valid.filter((c) => accepted(c.address)).length / valid.length;

    expect(cases.length).toBeGreaterThan(150);
    expect(falseAccepts).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });
});
