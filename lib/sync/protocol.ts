import { z } from 'zod';
import { SyncStatusSchema } from './config';

/**
 * Team sync's messages, spread into the one protocol map (lib/messaging/protocol.ts).
 * Extension pages only: the settings panel connects, syncs now and disconnects; the
 * background owns the engine.
 */
export const syncProtocol = {
  /** Checks server, credentials and database, stores the configuration and runs a first sync. */
  'sync.connect': {
    from: 'extension',
    input: z.object({
      url: z.string().trim().min(1).max(2000),
      username: z.string().trim().min(1).max(200),
      password: z.string().min(1).max(1000),
      name: z.string().trim().min(1).max(80),
    }),
    output: SyncStatusSchema,
  },
  /** One sync round now. */
  'sync.now': { from: 'extension', input: z.object({}).optional(), output: SyncStatusSchema },
  /** Stops sync, forgets the configuration and the local mirror (the leads stay). */
  'sync.disconnect': { from: 'extension', input: z.object({}).optional(), output: SyncStatusSchema },
} as const;
