import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium (`apt-get install chromium`, as .ci/run does), on the PATH or at
 * /usr/bin/chromium. Never a browser that Playwright downloads: this network reaches no such host.
 */
export function findChromium(): string | undefined {
  const onPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((directory) => path.join(directory, "chromium"));
  return [...onPath, "/usr/bin/chromium"].find((file) => existsSync(file));
}

/**
 * Headless, with the switches that keep Chromium from reaching out on its own (updates, sync,
 * first-run pages); without them it keeps trying hosts this network refuses. Playwright gives each
 * launch a fresh profile (--user-data-dir) of its own and removes it on close.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
