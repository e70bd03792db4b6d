#!/usr/bin/env node
// Fills in Sperrmüll requests up to the check page, for the request benchmarks in tools/bench.sh.
//
//   node tools/bench-drafts.mjs BASE_URL COUNT OUTFILE [CONNECTIONS]
//
// Each draft takes five requests, exactly as a resident without JavaScript sends them: start,
// three question pages, and the check page, which issues the submit key. OUTFILE gets one line
// per draft: "CODE KEY". Progress and the time taken go to stderr. Node's standard library only.
import http from "node:http";
import { writeFileSync } from "node:fs";

const [base, countText, outfile, connectionsText = "8"] = process.argv.slice(2);
if (!base || !countText || !outfile) {
  console.error("usage: node tools/bench-drafts.mjs BASE_URL COUNT OUTFILE [CONNECTIONS]");
  process.exit(2);
}
const count = Number(countText);
const connections = Number(connectionsText);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

/** One request; resolves to { status, location, body }. A failed connection is tried again. */
async function send(method, path, form, attempt = 1) {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  try {
    return await new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            accept: "text/html",
            ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } : {}),
          },
        },
        (response) => {
          const chunks = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode, location: response.headers.location, body: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${path} timed out`)));
      request.on("error", reject);
      request.end(body);
    });
  } catch (error) {
    if (attempt >= 3) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return send(method, path, form, attempt + 1);
  }
}

function expectRedirect(response, what, suffix) {
  if (response.status !== 303 || !response.location?.endsWith(suffix)) {
    throw new Error(`${what}: expected 303 to …${suffix}, got ${response.status} ${response.location}`);
  }
  return response.location;
}

const start = { service: "sperrmuell-anmelden", website: "" };
const pickup = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
const first = expectRedirect(await send("POST", "/antrag/neu", start), "POST /antrag/neu", "/frage/sperrmuell");
const version = /name="_version" value="(\d+)"/.exec((await send("GET", first)).body)?.[1];
if (!version) throw new Error(`no _version field on ${first}`);

const pages = [
  ["sperrmuell", { gegenstaende: "Sofa", menge: "2", elektrogeraete: "nein" }, "/frage/abholung"],
  ["abholung", { "adresse.strasse": "Porschestraße 1", "adresse.plz": "38440", "adresse.ort": "Wolfsburg", wunschtermin: pickup }, "/frage/kontakt"],
  ["kontakt", { name: "Erika Mustermann", email: "erika@example.org" }, "/pruefen"],
];

async function draft() {
  const code = expectRedirect(await send("POST", "/antrag/neu", start), "POST /antrag/neu", "/frage/sperrmuell").split("/")[2];
  for (const [page, answers, next] of pages) {
    const path = `/antrag/${code}/frage/${page}`;
    expectRedirect(await send("POST", path, { _version: version, _aktion: "weiter", ...answers }), `POST ${path}`, next);
  }
  const check = await send("GET", `/antrag/${code}/pruefen`);
  const key = /name="schluessel" value="([0-9a-f]{32})"/.exec(check.body)?.[1];
  if (check.status !== 200 || !key) throw new Error(`GET /antrag/${code}/pruefen: ${check.status} without a submit key`);
  return `${code} ${key}`;
}

const began = performance.now();
const lines = [];
let next = 0;
async function worker() {
  while (next < count) {
    next += 1;
    lines.push(await draft());
    if (lines.length % 1000 === 0) console.error(`bench-drafts: ${lines.length} of ${count}`);
  }
}
await Promise.all(Array.from({ length: connections }, worker));
writeFileSync(outfile, lines.join("\n") + "\n");
const seconds = (performance.now() - began) / 1000;
console.error(`bench-drafts: ${lines.length} drafts in ${seconds.toFixed(1)} s (${((lines.length * 5) / seconds).toFixed(0)} requests/s)`);
agent.destroy();
