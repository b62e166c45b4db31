import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A phone number as stored: E.164 when it parsed, else the trimmed raw text. */
export interface NormalizedPhone {
  value: string;
  raw?: string;
  valid: boolean;
}

/** A two-letter country code libphonenumber knows, upper-cased; undefined otherwise. */
export function asCountry(code: string | undefined | null): CountryCode | undefined {
  const upper = code?.trim().toUpperCase();
  return upper && upper.length === 2 && isSupportedCountry(upper) ? (upper as CountryCode) : undefined;
}

/**
 * Normalises a phone number to E.164 with libphonenumber-js. The country comes from
 * the number itself (+44...), else `defaultCountry` (page language, TLD, address or
 * the user's setting). Unparseable text is kept raw so nothing the user saw is lost.
 */
export function normalizePhone(raw: string, defaultCountry?: string): NormalizedPhone | null {
  const text = raw.replace(/^tel:/i, '').replace(/%20/g, ' ').trim().slice(0, 64);
  if (!/\d/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return null;
  const parsed = parsePhoneNumberFromString(text, asCountry(defaultCountry));
  if (parsed?.isValid()) {
    return parsed.number === text
      ? { value: parsed.number, valid: true }
      : { value: parsed.number, raw: text, valid: true };
  }
  return { value: text, valid: false };
}
