import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { leadOwner } from '@/lib/lead/owner';
import { getSyncConfig } from '@/lib/sync/config';
import { bulkReassign, list, selection } from './model';

/**
 * Team sync in the workspace: filter the list by owner and reassign the selected
 * leads to a teammate. Shown only once this browser is connected (it needs a teammate name).
 * The names offered are this browser's and those of the owners in the loaded rows; any other
 * name can be typed.
 */
export function TeamBar() {
  const me = useSignal<string | null>(null);
  const to = useSignal('');
  useEffect(() => {
    void getSyncConfig().then((config) => {
      me.value = config?.name ?? null;
    });
  }, []);
  if (!me.value) return null;
  const mine = me.value;
  const names = new Set<string>([mine]);
  for (const lead of list.rows.value.loaded()) {
    const owner = leadOwner(lead, mine);
    if (owner) names.add(owner);
  }
  const owner = list.filters.value.owner ?? '';
  if (owner) names.add(owner);
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  return (
    <fieldset class="team-bar">
      <legend class="visually-hidden">Team</legend>
      <label for="ws-owner">Owner</label>
      <select
        id="ws-owner"
        value={owner}
        onChange={(e) => void list.setFilters({ owner: (e.currentTarget as HTMLSelectElement).value, me: mine })}
      >
        <option value="">Anyone</option>
        {sorted.map((name) => (
          <option key={name} value={name}>
            {name === mine ? `${name} (me)` : name}
          </option>
        ))}
      </select>
      <label for="ws-reassign">Reassign selected to</label>
      <input
        id="ws-reassign"
        list="ws-teammates"
        maxLength={80}
        value={to.value}
        onInput={(e) => {
          to.value = (e.currentTarget as HTMLInputElement).value;
        }}
      />
      <datalist id="ws-teammates">
        {sorted.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button
        type="button"
        disabled={!to.value.trim() || selection.value.size === 0}
        onClick={() => void bulkReassign(to.value)}
      >
        Reassign
      </button>
    </fieldset>
  );
}
