/** Settings section of the workspace (issue 6). */
export function SettingsPage() {
  return (
    <section>
      <h2>Settings</h2>
    </section>
  );
}
