import { existsSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/**
 * Where the browser tests find Chromium: `RTC_MOCK_CHROMIUM` when set, else Debian's package
 * (a test tool's own browser download is not reachable in CI; .ci/run installs `chromium`).
 */
export const CHROMIUM_PATH = process.env.RTC_MOCK_CHROMIUM ?? "/usr/bin/chromium";

/** Launches Chromium headless; a missing browser fails the test with how to get one. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium) or set RTC_MOCK_CHROMIUM to a Chromium binary`,
    );
  return chromium.launch({ ...options, executablePath: CHROMIUM_PATH, args: ["--no-sandbox", ...(options.args ?? [])] });
}
