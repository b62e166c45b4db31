import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';

// The extractor and the dedupe keys share lib/normalize/mailboxes: a non-English role
// mailbox must stay the company's here too (lib/db/rows.test.ts checks the dedupe side).
describe('role mailboxes in other languages', () => {
  const bioPage = (mailbox: string) =>
    parseHTML(`<html lang="de"><head>
      <script type="application/ld+json">{"@type":"Person","name":"Anna Schmidt","jobTitle":"Geschäftsführerin","worksFor":{"@type":"Organization","name":"Müller & Partner GmbH","url":"https://firm.de/"}}</script>
      <title>Anna Schmidt – Müller & Partner</title></head>
      <body><h1>Anna Schmidt</h1><p>Geschäftsführerin</p>
      <footer>Müller & Partner GmbH · <a href="mailto:${mailbox}">${mailbox}</a> · <a href="mailto:anna@firm.de">anna@firm.de</a></footer>
      </body></html>`).document as unknown as Document;

  it.each(['kontakt@firm.de', 'bonjour@firm.de'])(
    'a bio page on the firm site gives %s to the company, not to the person',
    (mailbox) => {
      const actual = extract(bioPage(mailbox), 'https://firm.de/team/anna-schmidt');

      expect(actual.people.map((p) => p.emails)).toEqual([['anna@firm.de']]);
      expect(actual.company?.emails).toContain(mailbox);
    },
  );
});
