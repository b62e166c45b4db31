import { browser } from '#imports';
import { AppError, AppErrorSchema } from '@/lib/errors';
import { type Envelope, type MessageInput, type MessageOutput, type MessageType, protocol } from './protocol';

/** Sends a typed message to the background and returns its validated reply; throws AppError on failure. */
export async function sendMessage<K extends MessageType>(type: K, input: MessageInput<K>): Promise<MessageOutput<K>> {
  const envelope: Envelope = { prospector: 1, type, input };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  if (reply && typeof reply === 'object' && 'error' in reply) {
    const parsed = AppErrorSchema.safeParse((reply as { error: unknown }).error);
    throw parsed.success
      ? new AppError(parsed.data.code, parsed.data.message)
      : new AppError('internal', 'Bad error reply');
  }
  if (!reply || typeof reply !== 'object' || !('value' in reply)) {
    throw new AppError('internal', `No answer to ${type}`);
  }
  return protocol[type].output.parse((reply as { value: unknown }).value) as MessageOutput<K>;
}
