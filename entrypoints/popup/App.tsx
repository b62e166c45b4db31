import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { TabPanel, Tabs } from '@/components/Tabs';
import { CaptureView } from './capture/CaptureView';

type View = 'capture' | 'leads';
const VIEWS = [
  { id: 'capture' as const, label: 'This page' },
  { id: 'leads' as const, label: 'Leads' },
];

// The Leads view (list, lead detail, export) is loaded when first shown: the popup
// usually opens on "This page", and every kilobyte parsed delays the filled form.
const loadLeadsView = () => import('./leads/LeadsView').then((m) => m.LeadsView);

/** The toolbar popup: the capture view for the page in front of the user, and the saved leads. */
export function App() {
  const params = new URLSearchParams(location.search);
  const [view, setView] = useState<View>(params.get('view') === 'leads' ? 'leads' : 'capture');
  const [LeadsView, setLeadsView] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (view === 'leads' && !LeadsView) void loadLeadsView().then((component) => setLeadsView(() => component));
  }, [view, LeadsView]);
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Prospector</h1>
        <Tabs tabs={VIEWS} selected={view} onSelect={setView} label="Views" idPrefix="popup" />
      </header>
      <TabPanel idPrefix="popup" id={view}>
        <ErrorBoundary label={view === 'capture' ? 'This page' : 'Leads'} resetKey={view}>
          {view === 'capture' ? <CaptureView /> : LeadsView ? <LeadsView /> : <p class="muted">Loading leads…</p>}
        </ErrorBoundary>
      </TabPanel>
    </main>
  );
}
