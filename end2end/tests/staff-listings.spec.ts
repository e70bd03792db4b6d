import { test, expect, checkA11y } from "../support/fixtures";
import { accountOf, needsStaffAccounts, signIn } from "../support/staff";

// The editorial workflow end to end: an editor changes a service and asks for review, a publisher
// (another account) publishes, residents and search see it, the diff and the audit entry are
// right, and an old version comes back. Each project edits its own service, so they can run side
// by side.
const SERVICES: Record<string, { slug: string; title: string }> = {
  phone: { slug: "hundesteuer-anmelden", title: "Hundesteuer" },
  desktop: { slug: "sperrmuell-anmelden", title: "Sperrmüll" },
};

test.describe("service listings", () => {
  test.beforeEach(() => needsStaffAccounts());
  test.describe.configure({ timeout: 180_000 });

  test("edit, review, publish by another person, see it live, read the diff and the audit, restore", async ({ page, browser }) => {
    const service = SERVICES[test.info().project.name];
    test.skip(!service, "runs in the phone and desktop projects");
    const marker = `Geprüft ${Date.now()}`;

    // The editor finds the service, changes the teaser and hands it over.
    await signIn(page, accountOf("editor"), "editor");
    await page.goto("/verwaltung/leistungen");
    await checkA11y(page, "listings");
    await page.getByLabel("Titel oder Adresse").fill(service.title);
    await page.getByRole("button", { name: "Filtern" }).click();
    await page.locator(`a[href="/verwaltung/leistungen/${service.slug}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/verwaltung/leistungen/${service.slug}$`));
    await checkA11y(page, "listing");
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await checkA11y(page, "listing editor");
    const teaser = page.locator("#teaser-de");
    const oldTeaser = await teaser.inputValue();
    await teaser.fill(`${marker}: ${oldTeaser}`);
    await page.getByRole("button", { name: "Speichern und zur Prüfung geben" }).click();
    await expect(page.getByRole("status").filter({ hasText: "zur Prüfung gegeben" })).toBeVisible();
    await expect(page.getByText(/ist In Prüfung/)).toBeVisible();

    // Residents still see the old text.
    const resident = await browser.newPage();
    await resident.goto(`/leistungen/${service.slug}`);
    await expect(resident.getByText(marker)).toHaveCount(0);

    // The preview shows the draft as residents would see it.
    await page.getByRole("link", { name: "Vorschau" }).click();
    await expect(page.getByText(marker).first()).toBeVisible();
    await checkA11y(page, "preview");

    // A publisher reads the diff and publishes.
    await page.context().clearCookies();
    await signIn(page, accountOf("publisher"), "publisher");
    await page.goto(`/verwaltung/leistungen/${service.slug}`);
    const diff = page.getByRole("table", { name: "Änderungen gegenüber der Online-Fassung" });
    await expect(diff.getByRole("row", { name: /Kurzbeschreibung \(Deutsch\)/ })).toContainText(marker);
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Veröffentlicht" })).toBeVisible();

    // Live for residents and in search.
    await resident.goto(`/leistungen/${service.slug}`);
    await expect(resident.getByText(marker)).toBeVisible();
    const suggestions = await resident.request.get(`/api/v1/search?q=${encodeURIComponent(service.title)}&limit=5`);
    expect(await suggestions.text()).toContain(service.slug);
    await resident.goto(`/suche?q=${encodeURIComponent(service.title)}`);
    await expect(resident.getByText(marker).first()).toBeVisible();
    await resident.close();

    // The audit log names the publisher; an administrator reads it.
    await page.context().clearCookies();
    await signIn(page, accountOf("administrator"), "administrator");
    await page.goto(`/verwaltung/protokoll?betrifft=${service.slug}`);
    const rows = page.getByRole("region", { name: "Protokolleinträge" }).getByRole("row");
    await expect(rows.filter({ hasText: "Veröffentlicht" }).first()).toContainText(accountOf("publisher"));
    await expect(rows.filter({ hasText: "Entwurf gespeichert" }).first()).toContainText(marker);

    // The publisher restores the version before, and the editor's change is in the new draft's diff.
    await page.context().clearCookies();
    await signIn(page, accountOf("publisher", 1), "publisher");
    await page.goto(`/verwaltung/leistungen/${service.slug}`);
    const versions = await page.getByRole("button", { name: /^Version \d+ wiederherstellen$/ }).allTextContents();
    // The online version is not offered (there is no draft to discard); newest first, the
    // first one offered is the version before the edit.
    expect(versions.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: versions[0] }).click();
    await expect(page.getByRole("status").filter({ hasText: "wiederhergestellt" })).toBeVisible();
    const restored = page.getByRole("table", { name: "Änderungen gegenüber der Online-Fassung" });
    await expect(restored.getByRole("row", { name: /Kurzbeschreibung \(Deutsch\)/ })).toContainText(oldTeaser.slice(0, 20));
  });

  test("validation errors come back in the error summary with everything typed kept", async ({ page }) => {
    await signIn(page, accountOf("editor", 2), "editor");
    await page.goto("/verwaltung/leistungen/neu");
    await page.getByLabel("Adresse (deutsch)").fill("Nicht Gültig!");
    await page.getByLabel("Adresse (englisch)").fill("not-valid");
    await page.locator("#teaser-de").fill("Ein Kurztext, der nicht verloren gehen darf.");
    await page.locator("#costs-0-amount").fill("teuer");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Bitte geben Sie einen deutschen Titel ein.");
    await expect(summary).toContainText("Kosten 1");
    await expect(page.locator("#teaser-de")).toHaveValue("Ein Kurztext, der nicht verloren gehen darf.");
    await checkA11y(page, "listing editor errors");
    await summary.getByRole("link", { name: /deutschen Titel/ }).click();
    await expect(page).toHaveURL(/#title-de$/);
  });
});
