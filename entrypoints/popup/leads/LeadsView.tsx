/** Saved leads: search, filter and work the list (issue 6). */
export function LeadsView() {
  return <p class="muted">No leads yet. Open a prospect's page and click Prospector to capture the first one.</p>;
}
