/**
 * Turns a file's bytes into text. Spreadsheet programs still write Windows-1252
 * ("Latin-1") and UTF-16 CSVs, so the encoding is found from the byte order mark,
 * else by trying strict UTF-8, else read as Windows-1252 (every byte is a character
 * there, so it never fails) with a note for the user.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Shown to the user when the guess could be wrong. */
  note?: string;
}

/** Guesses UTF-16 without a BOM: in mostly-ASCII text every other byte is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes file bytes: BOM (UTF-8, UTF-16LE/BE) first, then strict UTF-8, then Windows-1252. */
export function decodeBytes(input: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const decode = (encoding: TextEncodingName, fatal = false) =>
    // ignoreBOM: false (the default) drops the BOM from the text.
    new TextDecoder(encoding, { fatal }).decode(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    return { text: decode(utf16), encoding: utf16, note: `Read as ${utf16.toUpperCase()} (no byte order mark).` };
  }
  try {
    return { text: decode('utf-8', true), encoding: 'utf-8' };
  } catch {
    return {
      text: decode('windows-1252'),
      encoding: 'windows-1252',
      note: 'This file is not UTF-8; it was read as Windows-1252 (Latin-1). Check the accents in the preview.',
    };
  }
}
