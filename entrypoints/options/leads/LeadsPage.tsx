/** Leads section of the workspace (issue 6). */
export function LeadsPage() {
  return (
    <section>
      <h2>Leads</h2>
    </section>
  );
}
