import type { Lead } from '@/lib/lead/schema';

/**
 * Deterministic sample leads for tests and the benchmark: accents, emojis, commas,
 * quotes, line breaks, formula-like values and long notes, every exported field set
 * on most leads. Not used by the extension itself.
 */

const FIRST = ['Ana', 'Jürgen', 'Chloé', 'Wei', 'Zoë', 'Åsa', "O'Brien", 'Renée', 'Lars', 'Priya'];
const LAST = ['García', 'Müller', 'Dubois', 'Zhang', 'Łukasiewicz', 'Lindström', 'Núñez', 'Øberg', 'Patel', 'Smith'];
const COMPANY = [
  'Acme Ibérica',
  'Müller & Söhne, GmbH',
  'Say "Hello" Inc.',
  'Example 科技',
  'Żabka 🐸',
  "=cmd|' /C calc'!A0",
  '@SUM(1)',
  '+Plus Corp',
  '-Minus Ltd',
  'Plain Co',
];
const TITLE = ['CTO', 'Head of Sales, EMEA', 'Directora de Ventas', '-2+3', 'Fondatrice 🚀', 'VP "Growth"'];
const STAGES = ['new', 'researching', 'contacted', 'replied', 'won', 'my-custom-stage'];
const CHANNELS = ['email', 'cold-call', 'social', 'event'] as const;

function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** The n-th sample lead (n from 0), valid per LeadSchema. */
export function sampleLead(n: number): Lead {
  const first = FIRST[n % FIRST.length] as string;
  const last = LAST[(n * 3) % LAST.length] as string;
  const company = COMPANY[n % COMPANY.length] as string;
  const domain = `company${n}-example.com`;
  const created = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  const updated = new Date(Date.UTC(2025, 5, 1) + n * 60_000).toISOString();
  const slug = `person-${n}`;
  const lead: Lead = {
    id: uuid(n + 1),
    createdAt: created,
    updatedAt: updated,
    version: 1,
    fullName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    title: TITLE[n % TITLE.length] as string,
    location: n % 4 === 0 ? 'São Paulo, Brazil' : 'Berlin, Germany',
    companyName: company,
    companyDomain: domain,
    companyWebsite: `https://www.${domain}`,
    emails: [
      { value: `${slug}@${domain}`, source: 'page', status: 'found' },
      ...(n % 3 === 0 ? [{ value: `${slug}.alt@example.org`, source: 'user' as const, status: 'found' as const }] : []),
      ...(n % 5 === 0
        ? [
            {
              value: `guess.${slug}@${domain}`,
              source: 'guessed' as const,
              status: 'guessed' as const,
              confidence: 0.6,
            },
          ]
        : []),
    ],
    phones: [
      { value: `+1415555${String(1000 + (n % 9000)).padStart(4, '0')}`, source: 'page' },
      ...(n % 2 === 0 ? [{ value: `+4420794${60000 + (n % 40000)}`, source: 'user' as const }] : []),
    ],
    links: [`https://www.linkedin.com/in/${slug}`, ...(n % 2 ? [`https://github.com/${slug}`] : [])],
    sources: [{ url: `https://www.linkedin.com/in/${slug}`, capturedAt: created, extractor: 'linkedin-profile' }],
    origin: n % 7 === 0 ? 'inbound' : 'outbound',
    stage: STAGES[n % STAGES.length] as string,
    touches:
      n % 2 === 0
        ? [
            {
              id: `t-${n}`,
              at: new Date(Date.UTC(2025, 3, 1) + n * 1000).toISOString(),
              channel: CHANNELS[n % CHANNELS.length] ?? 'email',
              direction: 'out',
              note: 'Sent the intro, "short" version',
            },
          ]
        : [],
    ...(n % 3 === 0 ? { nextFollowUpAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString() } : {}),
    // A semicolon and a backslash inside one tag (list cells escape them).
    tags: n % 2 ? ['vip', 'conf, 2025', 'ñandú', ...(n % 3 === 1 ? ['q3; q4 \\ done'] : [])] : ['cold'],
    notes:
      n % 4 === 0
        ? `Met at the fair 🎪, said "call me".\nSecond line; with =1+1 and @mention\n${'long note '.repeat(200).trim()}`
        : '=1+1',
    edited: [],
  };
  return lead;
}

/** `count` sample leads. */
export function sampleLeads(count: number): Lead[] {
  return Array.from({ length: count }, (_, i) => sampleLead(i));
}
