import { render } from 'preact';
import { Workspace } from './Workspace';
import '@/components/theme.css';
import './style.css';

render(<Workspace />, document.getElementById('app') as HTMLElement);
