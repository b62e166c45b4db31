import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHANGES_CHANNEL,
  type LeadsChange,
  type LeadsNotice,
  notifyLeadsChanged,
  onLeadsChanged,
  receiveLeadsNotice,
  relayLeadsChanges,
} from './changes';

const offs: (() => void)[] = [];
function listen(): LeadsChange[] {
  const heard: LeadsChange[] = [];
  offs.push(onLeadsChanged((change) => heard.push(change)));
  return heard;
}

afterEach(() => {
  for (const off of offs.splice(0)) off();
  relayLeadsChanges(null);
});

describe('lead change notices', () => {
  it('hands each notice to the relay with a key, after telling this context', () => {
    const relayed: LeadsNotice[] = [];
    relayLeadsChanges((notice) => relayed.push(notice));
    const heard = listen();

    notifyLeadsChanged({ type: 'saved', ids: ['a', 'b'] });

    expect(heard).toEqual([{ type: 'saved', ids: ['a', 'b'] }]);
    expect(relayed).toEqual([{ type: 'saved', ids: ['a', 'b'], key: expect.any(String) }]);
  });

  it('acts on a received notice once, however many ways it arrives, and never on its own', () => {
    const relayed: LeadsNotice[] = [];
    relayLeadsChanges((notice) => relayed.push(notice));
    notifyLeadsChanged({ type: 'updated', ids: ['own'] });
    const heard = listen();
    const notice: LeadsNotice = { type: 'removed', ids: ['x'], key: 'from-the-popup' };

    const first = receiveLeadsNotice(notice);
    const second = receiveLeadsNotice(notice);
    const own = receiveLeadsNotice(relayed[0] as LeadsNotice);

    expect([first, second, own]).toEqual([true, false, false]);
    expect(heard).toEqual([{ type: 'removed', ids: ['x'] }]);
  });

  it('keeps the write when the relay throws', () => {
    relayLeadsChanges(() => {
      throw new Error('no background');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const heard = listen();

    expect(() => notifyLeadsChanged({ type: 'cleared', ids: [] })).not.toThrow();
    expect(heard).toHaveLength(1);
  });

  it('hears notices from other contexts on the channel, once each, and ignores malformed posts', async () => {
    const heard = listen();
    const other = new BroadcastChannel(CHANGES_CHANNEL);
    const notice: LeadsNotice = { type: 'saved', ids: ['c'], key: 'from-another-tab' };

    other.postMessage(notice);
    other.postMessage(notice);
    other.postMessage({ type: 'dropped-everything', ids: [], key: 'k' });
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    other.close();

    expect(heard).toEqual([{ type: 'saved', ids: ['c'] }]);
  });
});
