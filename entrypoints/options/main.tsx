// First: no module may build a zod schema before this runs (lib/jitless.ts says why).
import '@/lib/jitless';
import { render } from 'preact';
import { Workspace } from './Workspace';
import '@/components/theme.css';
import './style.css';

render(<Workspace />, document.getElementById('app') as HTMLElement);
