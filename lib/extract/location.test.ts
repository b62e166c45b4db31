import { describe, expect, it } from 'vitest';
import { townOf } from './location';

describe('townOf', () => {
  it.each([
    // A contact label after the town is trimmed; a town's own words and its region stay.
    ['Kaufungen Tel', 'page', 'Kaufungen'],
    ['Wien Telefon:', 'page', 'Wien'],
    ['Frankfurt am Main', 'page', 'Frankfurt am Main'],
    ['Washington, D.C.', 'page', 'Washington, D.C.'],
    ['Telford', 'page', 'Telford'],
    ['Amsterdam, NL', 'json-ld', 'Amsterdam, NL'],
  ])('%s from %s is %s', (location, _source, expected) => {
    expect(townOf(location)).toBe(expected);
  });
});
