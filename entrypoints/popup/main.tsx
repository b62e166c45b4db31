// First: no module may build a zod schema before this runs (lib/jitless.ts says why).
import '@/lib/jitless';
import { render } from 'preact';
import { startSettings } from '@/components/settingsState';
import { keepSyncLive } from '@/lib/sync/keepalive';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

// The theme (system / light / dark) comes from settings; apply it before the first paint we can.
void startSettings();
// Team sync is continuous while a Prospector page is open (does nothing when sync is off).
keepSyncLive();
render(<App />, document.getElementById('app') as HTMLElement);
