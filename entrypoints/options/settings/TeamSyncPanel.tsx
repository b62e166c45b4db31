import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from '#imports';
import { InputField, type InputKind } from '@/components/InputField';
import { store } from '@/components/store';
import { sendMessage } from '@/lib/messaging/client';
import type { MessageInput } from '@/lib/messaging/protocol';
import { type SyncConfig, type SyncStatus, syncConfigItem, syncStatusItem } from '@/lib/sync/config';
import { statusLine } from '@/lib/sync/format';
import { parseDatabaseUrl } from '@/lib/sync/remote';

/** What the connect form asks for: the `sync.connect` message's input. */
type ConnectionForm = MessageInput<'sync.connect'>;

/** The connect form's inputs, all required. */
const CONNECTION_FIELDS: ReadonlyArray<{
  field: keyof ConnectionForm;
  label: string;
  type?: InputKind;
  autocomplete?: string;
  placeholder?: string;
  maxLength?: number;
}> = [
  { field: 'url', label: 'Server URL', type: 'url', placeholder: 'https://couch.example.com/acme-leads' },
  { field: 'username', label: 'Username', autocomplete: 'username' },
  { field: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
  { field: 'name', label: 'Your name', maxLength: 80, placeholder: 'Shown to teammates' },
];

/**
 * Settings → Team sync: connect this browser to a team database on CouchDB
 * (or Cloudant, or PouchDB Server). Connect asks for the host permission of that one
 * origin inside the click (permissions.request needs the user gesture), then the
 * background checks the server and syncs. The password is not shown again, and is kept
 * only when the server does not keep a session cookie.
 */
export function TeamSyncPanel() {
  const config = useSignal<SyncConfig | null>(null);
  const status = useSignal<SyncStatus>({ state: 'off', pending: 0 });
  const form = useSignal<ConnectionForm>({ url: '', username: '', password: '', name: '' });
  const message = useSignal('');
  const busy = useSignal(false);
  // The status line's "5 minutes ago" moves on.
  const tick = useSignal(0);

  useEffect(() => {
    void syncConfigItem.getValue().then((c) => {
      config.value = c;
      if (c) form.value = { url: c.url, username: c.username, password: '', name: c.name };
    });
    void syncStatusItem.getValue().then((s) => {
      status.value = s;
    });
    const offStatus = syncStatusItem.watch((s) => {
      status.value = s;
    });
    const offConfig = syncConfigItem.watch((c) => {
      config.value = c;
    });
    const timer = setInterval(() => {
      tick.value++;
    }, 30_000);
    return () => {
      offStatus();
      offConfig();
      clearInterval(timer);
    };
  }, []);

  const run = async (work: () => Promise<unknown>) => {
    busy.value = true;
    message.value = '';
    try {
      await work();
    } catch (err) {
      message.value = err instanceof Error ? err.message : String(err);
    } finally {
      busy.value = false;
    }
  };

  const connect = (e: Event) => {
    e.preventDefault();
    let origin: string;
    try {
      origin = parseDatabaseUrl(form.value.url).origin;
    } catch (err) {
      message.value = (err as Error).message;
      return;
    }
    // Inside the click: no await before the request, or the browser refuses to ask.
    const asked = browser.permissions.request({ origins: [`${origin}/*`] });
    void run(async () => {
      if (!(await asked)) throw new Error(`Prospector needs your permission to reach ${origin} to sync.`);
      await sendMessage('sync.connect', form.value);
      form.value = { ...form.value, password: '' };
      message.value = 'Connected.';
    });
  };

  const s = status.value;
  void tick.value;
  const connected = config.value !== null;
  return (
    <fieldset class="team-sync">
      <legend>Team sync</legend>
      <p class="muted small">
        Share one prospect list with your teammates through a CouchDB database (CouchDB 3, IBM Cloudant or PouchDB
        Server). Off until you connect: until then Prospector makes no network request.
      </p>
      <form onSubmit={connect} aria-label="Team sync">
        {CONNECTION_FIELDS.map(({ field, ...input }) => (
          <InputField
            key={field}
            id={`sync-${field}`}
            {...input}
            required
            value={form.value[field]}
            // The password is asked again at each connect; the rest stays as connected.
            disabled={connected && field !== 'password'}
            onValue={(value) => {
              form.value = { ...form.value, [field]: value };
            }}
          />
        ))}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy.value}>
            Connect
          </button>
          <button
            type="button"
            disabled={busy.value || !connected}
            onClick={() => void run(() => sendMessage('sync.now', {}))}
          >
            Sync now
          </button>
          <button
            type="button"
            disabled={busy.value || !connected}
            onClick={() =>
              void run(async () => {
                await sendMessage('sync.disconnect', {});
                message.value = 'Disconnected. Your leads stay in this browser.';
              })
            }
          >
            Disconnect
          </button>
        </div>
      </form>
      <p class="status" role="status" data-testid="sync-status">
        {statusLine(s)}
      </p>
      {s.error || message.value ? (
        <p class={s.error && !message.value ? 'error' : 'status'} role="alert" data-testid="sync-message">
          {message.value || s.error}
        </p>
      ) : null}
      {s.removedByTeam ? (
        <p class="status">
          {s.removedByTeam.count} lead{s.removedByTeam.count === 1 ? ' was' : 's were'} removed by a teammate.{' '}
          <button
            type="button"
            class="link"
            onClick={() =>
              void run(async () => {
                const token = s.removedByTeam?.token;
                if (token) await store.restore(token);
                await syncStatusItem.setValue({ ...status.value, removedByTeam: undefined });
                message.value = 'Restored; your teammates get them back at the next sync.';
              })
            }
          >
            Restore
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
