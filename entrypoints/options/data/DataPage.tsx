/** Import & export section of the workspace (issue 7). */
export function DataPage() {
  return (
    <section>
      <h2>Import & export</h2>
    </section>
  );
}
