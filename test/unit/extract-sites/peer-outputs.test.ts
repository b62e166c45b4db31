/**
 * The LinkedIn adapters against the peers' own expected outputs, read in place from
 * ../shared/peer-pages (skipped when absent). Where a peer is right we must agree with it; where it
 * is wrong (SOURCES.md and the curator's visible_evidence say so) the test names the field we
 * deliberately read differently, so the disagreement is a decision, not an accident.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedinCompany } from '@/lib/extract/sites/linkedin-company';
import { linkedinProfile } from '@/lib/extract/sites/linkedin-profile';
import type { Company, Person } from '@/lib/extract/types';
import { PEER_DIR, parsePage } from './helpers';

const peer = (path: string) => readFileSync(join(PEER_DIR, path), 'utf8');
const json = (path: string) => JSON.parse(peer(path)) as Record<string, Record<string, Record<string, unknown>>>;

function profileOf(path: string, url: string): Person | undefined {
  return linkedinProfile.extract(parsePage(peer(path)), new URL(url))?.people?.[0];
}
function companyOf(path: string, url: string): Company | null | undefined {
  return linkedinCompany.extract(parsePage(peer(path)), new URL(url))?.company;
}

describe.skipIf(!existsSync(PEER_DIR))("LinkedIn adapters vs the peers' own outputs", () => {
  it('agrees with scoutr on the logged-in profiles (name, position title, company, photo)', () => {
    const expected = json('scoutr/expected.json');
    const rows: [string, string][] = [
      ['test-websites/profile1.html', 'https://www.linkedin.com/in/eduardo-alvarez-nowak/'],
      ['test-websites/profile2.html', 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/'],
    ];

    for (const [file, url] of rows) {
      const want = expected[file]?.peer ?? {};
      const actual = profileOf(`scoutr/${file}`, url);

      expect(actual?.fullName).toBe(want.candidate_name);
      expect(actual?.title).toBe(want.candidate_job_title);
      expect(actual?.companyName).toBe(want.company_name);
      expect(actual?.photoUrl ?? '').toBe(want.candidate_image_url);
    }
  });

  it('agrees with scoutr on the guest profiles except the headline-derived title (curator: peer wrong)', () => {
    const expected = json('scoutr/expected.json');
    const rows: [string, string][] = [
      ['test-data/profile1.html', 'https://se.linkedin.com/in/eduardo-alvarez-nowak'],
      ['test-data/profile2.html', 'https://se.linkedin.com/in/sri-lalitha-jeevanige-35520a61'],
    ];

    for (const [file, url] of rows) {
      const entry = expected[file] ?? {};
      const actual = profileOf(`scoutr/${file}`, url);

      expect(actual?.fullName).toBe(entry.peer?.candidate_name);
      expect(actual?.companyName).toBe(entry.peer?.company_name);
      expect(actual?.photoUrl ?? '').toBe(entry.peer?.candidate_image_url);
      // Title: the position the JSON-LD and <title> name, not the peer's headline fragment.
      const ld = entry.visible_evidence?.jsonld_person as { jobTitle: string[] } | undefined;
      expect(actual?.title).toBe(ld?.jobTitle[0]);
      expect(actual?.title).not.toBe(entry.peer?.candidate_job_title);
    }
  });

  it("agrees with linkedin-public-profile's result except the bracketed former surname", () => {
    const want = JSON.parse(peer('linkedin-public-profile/test/fixtures/profile_result.json')) as {
      url: string;
      name: string;
      location: string;
      picture: string;
      featured_current: string[];
      experience: { position: string; current: boolean }[];
    };

    const actual = profileOf('linkedin-public-profile/test/fixtures/profile.html', want.url);

    expect(actual?.location).toBe(want.location);
    expect(actual?.photoUrl).toBe(want.picture);
    expect(actual?.companyName).toBe(want.featured_current[0]);
    expect(actual?.title).toBe(want.experience.find((e) => e.current)?.position);
    expect(actual?.links).toContain(want.url.replace('de.linkedin.com', 'www.linkedin.com'));
    // The peer keeps "(Beisenkötter)"; the page's <title> and og:title say "Julian Amelung".
    expect(want.name).toBe('Julian (Beisenkötter) Amelung');
    expect(actual?.fullName).toBe('Julian Amelung');
  });

  it("agrees with scrape-linkedin-selenium's company overview (size as numbers)", () => {
    const want = json('scrape-linkedin-selenium/expected.json')['html_files/facebook_overview.html']?.peer ?? {};

    const actual = companyOf(
      'scrape-linkedin-selenium/html_files/facebook_overview.html',
      'https://www.linkedin.com/company/facebook/about/',
    );

    expect(actual?.name).toBe(want.name);
    expect(actual?.industry).toBe(want.industry);
    expect(actual?.location).toBe(want.headquarters);
    expect(actual?.website).toBe(want.website);
    expect(actual?.logoUrl).toBe(want.image);
    expect(actual?.size).toBe(String(want.company_size).replace(/[^\d+-]/g, ''));
  });
});
