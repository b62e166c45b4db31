import { useEffect, useState } from 'preact/hooks';
import { DataPage } from './data/DataPage';
import { InsightsPage } from './insights/InsightsPage';
import { LeadsPage } from './leads/LeadsPage';
import { SettingsPage } from './settings/SettingsPage';

const SECTIONS = [
  { id: 'leads', label: 'Leads' },
  { id: 'insights', label: 'Insights' },
  { id: 'data', label: 'Import & export' },
  { id: 'settings', label: 'Settings' },
] as const;
type Section = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): Section {
  const id = location.hash.replace(/^#\/?/, '').split('/')[0];
  return SECTIONS.find((s) => s.id === id)?.id ?? 'leads';
}

/** The full-page workspace (options page). Sections are addressed by the hash: #leads, #insights, #data, #settings. */
export function Workspace() {
  const [section, setSection] = useState<Section>(sectionFromHash);
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const current = SECTIONS.find((s) => s.id === section);
  return (
    <div class="workspace">
      <header class="workspace-header">
        <h1>Prospector</h1>
        <nav aria-label="Workspace">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main aria-label={current?.label}>
        {section === 'leads' && <LeadsPage />}
        {section === 'insights' && <InsightsPage />}
        {section === 'data' && <DataPage />}
        {section === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}
