import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import './data.css';

/** Import & export section of the workspace. */
export function DataPage() {
  return (
    <section class="data-page" aria-labelledby="data-heading">
      <h2 id="data-heading">Import & export</h2>
      <ExportPanel />
      <ImportPanel />
    </section>
  );
}
