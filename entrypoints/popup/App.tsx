import { useState } from 'preact/hooks';
import { TabPanel, Tabs } from '@/components/Tabs';
import { CaptureView } from './capture/CaptureView';
import { LeadsView } from './leads/LeadsView';

type View = 'capture' | 'leads';
const VIEWS = [
  { id: 'capture' as const, label: 'This page' },
  { id: 'leads' as const, label: 'Leads' },
];

/** The toolbar popup: the capture view for the page in front of the user, and the saved leads. */
export function App() {
  const params = new URLSearchParams(location.search);
  const [view, setView] = useState<View>(params.get('view') === 'leads' ? 'leads' : 'capture');
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Prospector</h1>
        <Tabs tabs={VIEWS} selected={view} onSelect={setView} label="Views" idPrefix="popup" />
      </header>
      <TabPanel idPrefix="popup" id={view}>
        {view === 'capture' ? <CaptureView /> : <LeadsView />}
      </TabPanel>
    </main>
  );
}
