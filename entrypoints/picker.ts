import { browser, defineUnlistedScript } from '#imports';
import { startPicker } from '@/lib/picker/overlay';

// Injected on demand by the popup's "Pick people on this page" (scripting.executeScript under
// activeTab, top frame only). The popup closes once the page has focus, so the confirmed records
// go to the background ('picker.picked'), which keeps them for the popup's next opening.
export default defineUnlistedScript(() => {
  const slot = globalThis as { prospectorPickerStop?: () => void };
  // A second click on the button restarts the picker instead of stacking two.
  slot.prospectorPickerStop?.();
  slot.prospectorPickerStop = startPicker(document, {
    onConfirm: (input) => {
      slot.prospectorPickerStop = undefined;
      void browser.runtime.sendMessage({ prospector: 1, type: 'picker.picked', input }).catch(() => {});
    },
    onCancel: () => {
      slot.prospectorPickerStop = undefined;
    },
  });
});
