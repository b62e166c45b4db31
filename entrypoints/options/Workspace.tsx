import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { startSettings } from '@/components/settingsState';
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

/** The lead a deep link opens: #leads/<id> (the capture view and reminders link here). */
export function leadIdFromHash(hash = location.hash): string | null {
  const match = /^#\/?leads\/([0-9a-f-]{36})$/i.exec(hash);
  return match?.[1] ?? null;
}

/**
 * The full-page workspace (options page). Sections are addressed by the hash: #leads, #insights, #data,
 * #settings; #leads/<id> opens a lead's detail beside the table.
 */
export function Workspace() {
  const [section, setSection] = useState<Section>(sectionFromHash);
  const [leadId, setLeadId] = useState<string | null>(leadIdFromHash);
  useEffect(() => {
    void startSettings();
    const onHash = () => {
      setSection(sectionFromHash());
      setLeadId(leadIdFromHash());
    };
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
        <ErrorBoundary label={current?.label ?? section} resetKey={section}>
          {section === 'leads' && <LeadsPage leadId={leadId} />}
          {section === 'insights' && <InsightsPage />}
          {section === 'data' && <DataPage />}
          {section === 'settings' && <SettingsPage />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
