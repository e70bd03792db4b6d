import { defineConfig, devices } from "@playwright/test";

/**
 * The end-to-end and accessibility suite. It starts no server: `make e2e-local` (tools/e2e-local.sh)
 * starts the release build on a fresh demo database, and `make e2e BASE_URL=https://…` points the
 * suite at any running deployment. Paths below are relative to this file.
 */
const chromium = {
  // Debian's Chromium; Playwright cannot download its own browsers on these machines.
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };

export default defineConfig({
  testDir: "tests",
  outputDir: "results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["html", { outputFolder: "report", open: "never" }]],
  use: {
    baseURL: process.env.BASE_URL || "http://127.0.0.1:3000",
    launchOptions: chromium,
    // Testers see every page in the report, not only failures.
    screenshot: "on",
    trace: "retain-on-failure",
    navigationTimeout: 15_000,
    actionTimeout: 7_000,
  },
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium } },
    { name: "desktop", use: { ...desktop, launchOptions: chromium } },
    // Everything a resident does must work without JavaScript; only tests tagged @nojs run here.
    { name: "no-js", grep: /@nojs/, use: { ...desktop, javaScriptEnabled: false, launchOptions: chromium } },
  ],
});
