/** Launches Debian's chromium through playwright-core (never `playwright install`); loopback only, no background traffic. */
import { chromium, type Browser } from "playwright-core";

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/** axe-core's source, injected into pages by the accessibility test. */
import { createRequire } from "node:module";
import fs from "node:fs";
export function axeSource(): string {
  return fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
}
export type { Browser, Page } from "playwright-core";
