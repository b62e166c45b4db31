// One definition of how Prospector's tools start Chromium: e2e tests, benchmarks and the
// extract CLI. Debian's build by default; CHROMIUM_PATH for any other (e.g. Playwright's).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a quiet, offline, headless Chromium (add the extension flags for extension runs). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Every host name resolves to loopback: a test may open http://www.linkedin.com:PORT/in/x
  // and get the saved page from our 127.0.0.1 server, and nothing can leave the machine.
  '--host-resolver-rules=MAP * 127.0.0.1',
];

/** The flags that load one unpacked extension, and no other. */
export function extensionArgs(extensionDir) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}
