import { type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { expect, test } from "./fixtures";

/**
 * Staff accounts of the suite. `make e2e-local` creates them (tools/e2e-local.sh); against another
 * deployment, create them the same way and set E2E_STAFF_PASSWORD and E2E_TOTP_SECRET (see
 * end2end/README.md). Publishers, caseworkers and administrators need the second factor, so they carry the
 * TOTP secret; there are several of each because a code is accepted only once.
 */
export const STAFF_PASSWORD = process.env.E2E_STAFF_PASSWORD ?? "";
export const TOTP_SECRET = process.env.E2E_TOTP_SECRET ?? "";
export const ACCOUNTS_PER_ROLE = 4;

export type StaffRole = "editor" | "publisher" | "caseworker" | "administrator";

/** Skips the calling test when the deployment has no test accounts configured. */
export function needsStaffAccounts(): void {
  test.skip(!STAFF_PASSWORD || !TOTP_SECRET, "E2E_STAFF_PASSWORD and E2E_TOTP_SECRET name the staff test accounts");
}

/** The test account of `role` for this worker (each parallel worker has its own). */
export function accountOf(role: StaffRole, offset = 0): string {
  const index = (test.info().parallelIndex + offset) % ACCOUNTS_PER_ROLE;
  return `e2e-${role}-${index}@rathaus.example`;
}

function currentCode(): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(TOTP_SECRET), digits: 6, period: 30 }).generate();
}

/** Types the current code; a code used a moment ago is refused (replay), so wait for the next. */
export async function enterCode(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel("Code aus Ihrer Authenticator-App").fill(currentCode());
    await page.getByRole("button", { name: "Bestätigen" }).click();
    await page.waitForLoadState();
    if (!new URL(page.url()).pathname.startsWith("/verwaltung/anmelden")) return;
    const wait = 30_000 - (Date.now() % 30_000) + 500;
    await page.waitForTimeout(wait);
  }
  throw new Error("the second factor was refused three times");
}

/** Signs in with the sign-in form (and the code when the role needs one). */
export async function signIn(page: Page, email: string, role: StaffRole): Promise<void> {
  await page.goto("/verwaltung/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  if (role !== "editor") {
    await expect(page).toHaveURL(/\/verwaltung\/anmelden\/code$/);
    await enterCode(page);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
}
