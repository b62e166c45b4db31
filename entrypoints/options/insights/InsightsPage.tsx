/** Insights section of the workspace (issue 8). */
export function InsightsPage() {
  return (
    <section>
      <h2>Insights</h2>
    </section>
  );
}
