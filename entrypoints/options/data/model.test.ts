import { describe, expect, it } from 'vitest';
import { resetImport, restoreSettings } from './model';

describe('restore options', () => {
  it('leaves "replace settings" unticked by default and after starting over', () => {
    expect(restoreSettings.value).toBe(false);
    restoreSettings.value = true;
    resetImport();
    expect(restoreSettings.value).toBe(false);
  });
});
