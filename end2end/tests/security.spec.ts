import { test, expect, waitForHydration } from "../support/fixtures";

function nonceOf(csp: string | undefined): string | undefined {
  return csp?.match(/'nonce-([A-Za-z0-9+/_=-]+)'/)?.[1];
}

test("hydration works under the Content-Security-Policy", async ({ page, request }) => {
  const wasm: string[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.endsWith(".wasm")) wasm.push(`${response.status()} ${response.url()}`);
  });
  const response = await page.goto("/");
  expect(response, "no response for /").not.toBeNull();
  const csp = response!.headers()["content-security-policy"];
  expect(csp, "content-security-policy header").toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  const nonce = nonceOf(csp);
  expect(nonce, `a nonce in the CSP: ${csp}`).toBeTruthy();
  expect(nonce!.length, "nonce length").toBeGreaterThanOrEqual(16);

  // Every executable <script> of the page carries this response's nonce.
  const html = await response!.text();
  const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
  expect(scripts.length, "the page has a hydration script").toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "script without the response's nonce").toContain(`nonce="${nonce}"`);

  // The wasm loads and hydrates; a CSP refusal would be a console error and fail the test.
  await waitForHydration(page);
  expect(wasm.filter((line) => line.startsWith("200 ")), `wasm responses: ${wasm.join(", ") || "none"}`).not.toHaveLength(0);

  // A fresh nonce for every response.
  const again = nonceOf((await request.get("/")).headers()["content-security-policy"]);
  expect(again, "nonce of a second response").toBeTruthy();
  expect(again).not.toBe(nonce);
});

for (const path of ["/", "/en/imprint", "/diese-seite-gibt-es-nicht"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(headers["content-security-policy"]).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
  });
}

test("/healthz and /readyz answer 200", async ({ request }) => {
  for (const path of ["/healthz", "/readyz"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
});
