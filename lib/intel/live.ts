import { signal } from '@preact/signals';
import { EMPTY_ICP, type Icp, icpItem, parseIcp } from './icp';

/**
 * The profile as a signal for extension pages, kept current across pages
 * (storage.watch), so every FitBadge re-scores when the user edits the ICP.
 */
export const icpSignal = signal<Icp>(EMPTY_ICP);

let started: Promise<void> | null = null;

/**
 * Loads the profile once per page and follows later changes. Safe to call from
 * every component. The stored fit of the leads a page writes is the background's
 * job (fit-sync.ts): this page's notices reach it.
 */
export function startIcp(): Promise<void> {
  if (!started) {
    icpItem.watch((next) => {
      icpSignal.value = parseIcp(next);
    });
    started = icpItem.getValue().then((value) => {
      icpSignal.value = parseIcp(value);
    });
  }
  return started;
}
