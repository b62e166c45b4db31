import { leads, onLeadsChanged } from '@/lib/db';
import { getInsightsPrefs, setInsightsPrefs } from '@/lib/intel/prefs';
import { loadDashboardFast } from '@/lib/intel/snapshot-store';
import { getSettings, watchSettings } from '@/lib/settings';
import type { DashboardDeps } from './dashboard-model';

/** The real dashboard dependencies: the lead store, the kept snapshot, settings and preferences. */
export const dashboardDeps: DashboardDeps = {
  load: (options, onProgress) => loadDashboardFast(options, onProgress),
  stages: async () => (await getSettings()).stages,
  tags: () => leads.tags(),
  getPrefs: getInsightsPrefs,
  setPrefs: setInsightsPrefs,
  onLeadsChanged: (cb) => onLeadsChanged(() => cb()),
  onSettingsChanged: (cb) => watchSettings(() => cb()),
  now: () => Date.now(),
};
