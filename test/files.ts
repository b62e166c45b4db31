/**
 * The text of a file made of `parts`, byte for byte: a leading BOM stays. (Blob.text()
 * drops it in Node and in browsers, but keeps it in happy-dom, so tests that check the
 * BOM read the bytes instead.)
 */
export async function fileText(parts: BlobPart[]): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Blob(parts).arrayBuffer());
}
