import type { z } from 'zod';

// Free of extension APIs: the CSV export workers bundle the store's readers, which use it.

/** A short human reason from a zod error: "emails.0.value: not an email address". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
