import { z } from 'zod';

/** Error kinds the UI knows how to explain; each keeps existing data intact. */
export const ERROR_CODES = [
  'invalid', // input failed validation
  'not-found',
  'quota', // storage full
  'blocked', // a DB upgrade waits for another tab holding the old version
  'corrupt', // a stored record failed validation
  'forbidden', // message from a sender that may not send it
  'unavailable', // e.g. the page cannot be scripted (chrome://, the web store)
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

/** A typed, user-explainable error. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Turns anything thrown (DOMException, ZodError, ...) into an AppError with a clear message. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return new AppError('invalid', `${where}${first?.message ?? 'invalid data'}`, { cause: err });
  }
  const name = (err as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new AppError(
      'quota',
      'The browser storage for Prospector is full. Export and remove old leads, then try again.',
      {
        cause: err,
      },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('internal', message || 'Unexpected error', { cause: err });
}
