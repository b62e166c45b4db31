/** Chromium's executable: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH: string;
/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS: string[];
/** The flags that load one unpacked extension, and no other. */
export function extensionArgs(extensionDir: string): string[];
