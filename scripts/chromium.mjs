// The browser every script and test drives: Debian's Chromium (../shared/reference/toolchain.md;
// tools that download their own browser fail on these machines) and the flags that keep a headless
// run quiet and offline. Each caller adds its own --headless form.
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
