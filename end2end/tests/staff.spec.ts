import { test, expect, checkA11y } from "../support/fixtures";
import * as OTPAuth from "otpauth";
import { accountOf, enterCode, needsStaffAccounts, signIn, STAFF_PASSWORD } from "../support/staff";

// The staff area: sign-in with the second factor, setting it up, accounts, and every staff page
// checked with axe at phone and desktop size. Staff pages are plain forms: they work the same
// with JavaScript off.
test.describe("staff sign-in", () => {
  test.beforeEach(() => needsStaffAccounts());
  test.describe.configure({ timeout: 120_000 });

  test("a publisher signs in with password and code, and signs out", async ({ page }) => {
    await page.goto("/verwaltung/konto");
    await expect(page).toHaveURL(/\/verwaltung\/anmelden\?weiter=/);
    await checkA11y(page, "sign-in");
    await page.getByLabel("E-Mail-Adresse").fill(accountOf("publisher"));
    await page.getByLabel("Passwort").fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/verwaltung\/anmelden\/code$/);
    await checkA11y(page, "second factor");
    await enterCode(page);
    await expect(page).toHaveURL(/\/verwaltung\/konto$/);
    await expect(page.getByText("eingerichtet (")).toBeVisible();
    await checkA11y(page, "my account");
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await expect(page.getByText("Sie sind abgemeldet.")).toBeVisible();
    await page.goto("/verwaltung");
    await expect(page).toHaveURL(/\/verwaltung\/anmelden/);
  });

  test("a wrong password is reported in the error summary, keeping the address", async ({ page }) => {
    await page.goto("/verwaltung/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill("niemand@rathaus.example");
    await page.getByLabel("Passwort").fill("ganz-sicher-falsch");
    await page.getByRole("button", { name: "Anmelden" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("E-Mail-Adresse oder Passwort ist falsch.");
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("niemand@rathaus.example");
    await checkA11y(page, "sign-in error");
  });

  test("keyboard only: the sign-in form is reached and sent with the keyboard", async ({ page }) => {
    await page.goto("/verwaltung/anmelden");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("E-Mail-Adresse")).toBeFocused();
    await page.keyboard.type(accountOf("editor"));
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Passwort")).toBeFocused();
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
  });

  test("an administrator creates an account; its publisher sets up the authenticator app", async ({ page }) => {
    await signIn(page, accountOf("administrator"), "administrator");
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Konten" }).click();
    await checkA11y(page, "accounts");
    const email = `neu-${test.info().project.name}-${Date.now()}@rathaus.example`;
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Name (optional)").fill("Neue Kollegin");
    await page.getByLabel("Freigabe").first().check();
    await page.getByRole("button", { name: "Konto anlegen" }).click();
    const notice = page.getByRole("status").filter({ hasText: "Einmal-Passwort" });
    await expect(notice).toBeVisible();
    const password = (await notice.textContent())!.split(": ").pop()!.trim();
    expect(password).toHaveLength(20);
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();

    await page.goto("/verwaltung/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort").fill(password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zweiten Faktor einrichten" })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR-Code/ })).toBeVisible();
    await checkA11y(page, "second factor set-up");
    const secret = (await page.locator("#totp-secret").textContent())!.replace(/\s/g, "");
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await page.getByLabel("Code aus der App").fill(code);
    await page.getByRole("button", { name: "Einrichten" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wiederherstellungscodes" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Wiederherstellungscodes" }).getByRole("listitem")).toHaveCount(10);
    await checkA11y(page, "recovery codes");
    await page.getByRole("link", { name: "Weiter zur Verwaltung" }).click();
    await expect(page.getByText("Willkommen, Neue Kollegin.")).toBeVisible();
  });
});

test.describe("staff pages", () => {
  test.beforeEach(() => needsStaffAccounts());
  // Chromium reports the refused page's status as a console error; that is the point here.
  test.use({ allowedConsole: [/status of 403 .*\/verwaltung\/protokoll\)$/] });
  test.describe.configure({ timeout: 120_000 });

  test("every section an administrator opens passes axe", async ({ page }) => {
    await signIn(page, accountOf("administrator"), "administrator");
    await checkA11y(page, "staff home");
    const nav = page.getByRole("navigation", { name: "Verwaltung" });
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) {
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(nav.locator(`a[href="${href}"]`)).toHaveAttribute("aria-current", "page");
      await checkA11y(page, `staff ${href}`);
    }
    for (const href of [
      "/verwaltung/themen/thema/tiere",
      "/verwaltung/themen/lebenslage/umzug",
      "/verwaltung/dienststellen/buergerbuero-mitte",
      "/verwaltung/leistungen/personalausweis-beantragen",
      "/verwaltung/leistungen/personalausweis-beantragen/vorschau",
    ]) {
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkA11y(page, `staff ${href}`);
    }
  });

  test("an editor sees only the sections of the role and is refused elsewhere", async ({ page }) => {
    await signIn(page, accountOf("editor"), "editor");
    const nav = page.getByRole("navigation", { name: "Verwaltung" });
    await expect(nav.getByRole("link", { name: "Leistungen" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Konten" })).toHaveCount(0);
    const response = await page.goto("/verwaltung/protokoll");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
    await checkA11y(page, "no access");
  });
});
