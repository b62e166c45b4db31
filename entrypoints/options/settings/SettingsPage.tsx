import { settings } from '@/components/settingsState';
import { AppearancePanel } from './AppearancePanel';
import { DataPanel } from './DataPanel';
import { saveSetting, status } from './model';
import { NewLeadsPanel } from './NewLeadsPanel';
import { PipelinePanel } from './PipelinePanel';
import { SiteRecipes } from './SiteRecipes';
import { SitesPanel } from './SitesPanel';
import { TeamSyncPanel } from './TeamSyncPanel';

/** Settings section of the workspace: one panel per concern, each saving through the one settings signal. */
export function SettingsPage() {
  const s = settings.value;
  return (
    <section class="settings-page" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="status" role="status">
        {status.value}
      </p>
      <AppearancePanel />
      <NewLeadsPanel />
      <PipelinePanel />

      <fieldset>
        <legend>Reminders</legend>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={s.reminders}
            onChange={async (e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              await saveSetting('Reminders', (x) => ({ ...x, reminders: on }));
            }}
          />
          Notify me when a follow-up is due
        </label>
        <p class="muted small">The toolbar badge always counts the follow-ups due today.</p>
      </fieldset>

      <SitesPanel />
      <SiteRecipes />
      <TeamSyncPanel />
      <DataPanel />
    </section>
  );
}
