/** File names and the download itself: an anchor with `download` on a Blob URL, so no downloads permission is needed. */

export type ExportFormat = 'csv' | 'json' | 'vcf';

export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  vcf: 'text/vcard;charset=utf-8',
};

/** prospector-leads-YYYY-MM-DD.<ext>, in the user's local date. */
export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `prospector-leads-${day}.${format}`;
}

/** Saves text (or parts: strings and Blobs, joined) as a file through the browser's ordinary download flow. */
export function downloadText(text: string | BlobPart[], format: ExportFormat, fileName = exportFileName(format)): void {
  const parts = typeof text === 'string' ? [text] : text;
  const url = URL.createObjectURL(new Blob(parts, { type: MIME_TYPES[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; a minute is plenty for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
