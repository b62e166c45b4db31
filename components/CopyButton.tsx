import { useSignal } from '@preact/signals';

/** Copies `text` to the clipboard in one click and says so (for emails and phone numbers). */
export function CopyButton(props: { text: string; label: string }) {
  const copied = useSignal(false);
  const onClick = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      copied.value = true;
      setTimeout(() => {
        copied.value = false;
      }, 1500);
    } catch {
      // Clipboard access can be refused (page not focused); the value stays selectable as text.
      copied.value = false;
    }
  };
  return (
    <button type="button" class="icon-button copy-button" aria-label={props.label} onClick={onClick}>
      {copied.value ? 'Copied' : 'Copy'}
      <span class="visually-hidden" aria-live="polite">
        {copied.value ? 'Copied to clipboard' : ''}
      </span>
    </button>
  );
}
