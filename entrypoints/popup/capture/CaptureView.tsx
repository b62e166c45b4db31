/** Capture: what the extractor found on the active tab, as an editable lead form (issue 5). */
export function CaptureView() {
  return <p class="muted">Reading this page…</p>;
}
