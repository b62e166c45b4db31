import { type Browser, browser } from '#imports';
import { AppError, toAppError } from '@/lib/errors';
import { EnvelopeSchema, type MessageOutput, type MessageType, type Protocol, protocol } from './protocol';

export type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [K in MessageType]: (input: import('zod').output<Protocol[K]['input']>, sender: Sender) => Promise<MessageOutput<K>>;
};

/** True when the sender is one of our own extension pages (popup, options), checked by id and origin. */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const origin = new URL(browser.runtime.getURL('/')).origin;
  return typeof sender.url === 'string' && new URL(sender.url).origin === origin;
}

/** True when the sender is our content script in a tab's top frame (not an iframe, not another extension). */
export function isOurContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0;
}

function senderAllowed(type: MessageType, sender: Sender): boolean {
  return protocol[type].from === 'extension'
    ? isExtensionPage(sender)
    : isOurContentScript(sender) && !isExtensionPage(sender);
}

/**
 * Registers the background's one message listener. Call synchronously at the top of
 * the background's main. Unknown messages and forbidden senders get no answer;
 * valid ones get `{ value }` or `{ error: { code, message } }`.
 */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) return undefined;
    const type = envelope.data.type as MessageType;
    if (!senderAllowed(type, sender)) return undefined;
    return dispatch(type, envelope.data.input, sender, handlers);
  });
}

async function dispatch(type: MessageType, rawInput: unknown, sender: Sender, handlers: Handlers) {
  try {
    const input = protocol[type].input.safeParse(rawInput);
    if (!input.success) throw toAppError(input.error);
    const handler = handlers[type] as (input: unknown, sender: Sender) => Promise<unknown>;
    return { value: await handler(input.data, sender) };
  } catch (err) {
    const appError = err instanceof AppError ? err : toAppError(err);
    return { error: { code: appError.code, message: appError.message } };
  }
}
