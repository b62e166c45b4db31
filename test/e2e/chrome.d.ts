// Service-worker code evaluated by Playwright runs in Chromium, where `chrome` is the extension API.
/// <reference types="chrome" />
