import { test, expect, checkA11y, waitForHydration } from "../support/fixtures";
import { FRAME, NO_EASY_READ, literal } from "../support/pages";

const MISSING = [
  { path: "/diese-seite-gibt-es-nicht", lang: "de" as const },
  { path: "/en/this-page-does-not-exist", lang: "en" as const },
  // Unknown slugs inside the catalogue's routes.
  { path: "/leistungen/gibt-es-nicht", lang: "de" as const },
  { path: "/en/services/nope", lang: "en" as const },
  // A service without a Leichte Sprache version.
  { path: NO_EASY_READ, lang: "de" as const },
];

// Chromium logs the 404 of the document itself as a console error; allow exactly that.
test.use({
  allowedConsole: [
    new RegExp(`the server responded with a status of 404 .*(${MISSING.map((m) => literal(m.path).source).join("|")})\\)$`),
  ],
});

for (const missing of MISSING) {
  test(`${missing.path} is a 404 page in ${missing.lang}`, async ({ page, request }, testInfo) => {
    const frame = FRAME[missing.lang];
    const raw = await request.get(missing.path);
    expect(raw.status(), "HTTP status of an unknown path").toBe(404);
    expect(raw.headers()["content-type"]).toMatch(/^text\/html/);

    const response = await page.goto(missing.path);
    expect(response?.status()).toBe(404);
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", missing.lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(frame.notFound);
    await expect(page).toHaveTitle(new RegExp(`^${frame.notFound} – `));
    await expect(page.getByRole("main")).toContainText(frame.notFoundHint);
    await expect(page.getByRole("main").getByRole("link", { name: frame.notFoundHome })).toHaveAttribute("href", frame.home);
    await checkA11y(page, `404 ${missing.path} (${testInfo.project.name})`);
  });
}
