// First: no module may build a zod schema before this runs (lib/jitless.ts says why).
import '@/lib/jitless';
import { render } from 'preact';
import { keepSyncLive } from '@/lib/sync/keepalive';
import { Workspace } from './Workspace';
import '@/components/theme.css';
import './style.css';

// Team sync is continuous while a Prospector page is open (does nothing when sync is off).
keepSyncLive();
render(<Workspace />, document.getElementById('app') as HTMLElement);
