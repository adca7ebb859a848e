import { existsSync } from "node:fs";

/** Where Debian/Ubuntu packages put Chromium; CHROMIUM_PATH overrides. */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * Flags for a root user in a container on a closed network: no sandbox (it needs user
 * namespaces that root in a container lacks), no GPU, and none of Chromium's own background
 * traffic (updates, sync, field trials), which would otherwise flood the network with retries.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const INSTALL_HINT = [
  "Install Chromium, then run the tests again:",
  "  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium",
  "  elsewhere:      any Chromium or Chrome build; point CHROMIUM_PATH at its binary",
  "(Playwright's own browser download is not used: playwright-core drives the system browser.)",
].join("\n");

/** The browser to drive, or undefined when none is installed. An explicit CHROMIUM_PATH must exist. */
export function findChromium(explicit: string | undefined): string | undefined {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} does not exist.\n${INSTALL_HINT}`);
    return explicit;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate));
}
