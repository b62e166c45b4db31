import { Dashboard } from './Dashboard';
import { EmailSuggestions } from './EmailSuggestions';
import { IcpEditor } from './IcpEditor';
import './insights.css';

/** Insights section of the workspace: the ideal customer profile and the outbound-vs-inbound dashboard. */
export function InsightsPage() {
  return (
    <section class="insights" aria-labelledby="insights-heading">
      <h2 id="insights-heading">Insights</h2>
      <p class="muted">Computed on this device from your own leads; nothing is sent anywhere.</p>
      <IcpEditor />
      <Dashboard />
      <EmailSuggestions />
    </section>
  );
}
