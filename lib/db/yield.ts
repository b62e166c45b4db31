/**
 * Gives the page a turn (input, paint, timers) between slices of long work outside an
 * IndexedDB transaction. A MessageChannel message is queued like any other task: no 4 ms
 * clamp as nested setTimeout(0) gets after five levels (50 slices of an export lost ~200 ms
 * to it), and unlike scheduler.yield it does not jump ahead of the page's timers.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
