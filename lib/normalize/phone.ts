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
  return readPhone(raw, defaultCountry).phone;
}

/** What normalizePhone read: the phone, the text it parsed, and the country of a valid number. */
export interface PhoneReading {
  phone: NormalizedPhone | null;
  /** The text parsed: `raw` without "tel:" and "%20", trimmed, at most 64 characters. */
  text: string;
  country?: CountryCode;
}

/** normalizePhone with the text it parsed and the number's country (one parse serves callers that need both). */
export function readPhone(raw: string, defaultCountry?: string): PhoneReading {
  const text = raw.replace(/^tel:/i, '').replace(/%20/g, ' ').trim().slice(0, 64);
  if (!/\d/.test(text)) return { phone: null, text };
  const digits = text.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return { phone: null, text };
  const parsed = parsePhoneNumberFromString(text, asCountry(defaultCountry));
  if (parsed?.isValid()) {
    const phone =
      parsed.number === text ? { value: parsed.number, valid: true } : { value: parsed.number, raw: text, valid: true };
    return parsed.country ? { phone, text, country: parsed.country } : { phone, text };
  }
  return { phone: { value: text, valid: false }, text };
}
