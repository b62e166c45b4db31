/** Country names as pages write them (several languages) → ISO codes: a hint for national phone numbers. */
export const COUNTRY_WORDS: [RegExp, string][] = [
  [/\b(germany|deutschland)\b/i, 'DE'],
  [/\b(france)\b/i, 'FR'],
  [/\b(united kingdom|england|scotland|wales)\b/i, 'GB'],
  [/\b(united states|usa)\b/i, 'US'],
  [/\b(india)\b/i, 'IN'],
  [/(japan|日本)/i, 'JP'],
  [/\b(switzerland|schweiz|suisse|svizzera)\b/i, 'CH'],
  [/\b(austria|österreich)\b/i, 'AT'],
  [/\b(spain|españa)\b/i, 'ES'],
  [/\b(italy|italia)\b/i, 'IT'],
  [/\b(netherlands|nederland)\b/i, 'NL'],
  [/\b(belgium|belgique|belgië)\b/i, 'BE'],
  [/\b(canada)\b/i, 'CA'],
  [/\b(australia)\b/i, 'AU'],
  [/\b(ireland)\b/i, 'IE'],
  [/\b(sweden|sverige)\b/i, 'SE'],
];

/** True when a location already names the country a two-letter code stands for ("Hamburg, Deutschland" + "DE"). */
export function namesCountry(location: string, code: string): boolean {
  const upper = code.toUpperCase();
  return COUNTRY_WORDS.some(([re, c]) => c === upper && re.test(location));
}
