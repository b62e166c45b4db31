import { leadOwner } from '@/lib/lead/owner';
import type { Lead } from '@/lib/lead/schema';
import type { SyncStatus } from './config';

/** "just now", "5 minutes ago", "3 days ago": how long ago an ISO time was. */
export function timeAgo(iso: string, now = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  const units: [number, string][] = [
    [86_400 * 365, 'year'],
    [86_400 * 30, 'month'],
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** The status line of Settings → Team sync. */
export function statusLine(status: SyncStatus, now = new Date()): string {
  const parts: string[] = [];
  if (status.state === 'off') parts.push('Not connected');
  else if (status.state === 'connecting') parts.push('Connecting…');
  else if (status.state === 'syncing') {
    const p = status.progress;
    const count = p ? `${p.done.toLocaleString()}${p.total ? ` of ${p.total.toLocaleString()}` : ''}` : '';
    parts.push(
      p?.step === 'copy'
        ? `Synced · finishing the local copy ${count}`
        : p && p.done > 0
          ? `Syncing: ${count} leads`
          : 'Syncing…',
    );
  } else if (status.lastSyncedAt) parts.push(`Last synced ${timeAgo(status.lastSyncedAt, now)}`);
  else parts.push('Connected');
  if (status.state !== 'off' && status.pending > 0)
    parts.push(`${status.pending} change${status.pending === 1 ? '' : 's'} waiting to sync`);
  return parts.join(' · ');
}

/**
 * What the capture popup says about a prospect already in the team's list:
 * "In the team's list · owned by Sam · Contacted 3 days ago". Null for a lead nobody synced.
 */
export function teamLine(lead: Lead, now = new Date()): string | null {
  if (!lead.capturedBy && !lead.owner) return null;
  const parts = ["In the team's list"];
  const owner = leadOwner(lead);
  if (owner) parts.push(`owned by ${owner}`);
  const last = lead.touches.filter((t) => t.direction === 'out').at(-1);
  if (last) parts.push(`Contacted ${timeAgo(last.at, now)}`);
  else parts.push('Not contacted yet');
  return parts.join(' · ');
}
