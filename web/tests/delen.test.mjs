// Browser test of the young person's side of the pool (delen.html), against the real pool server
// in demo mode: a young person fills a small profile in the app, publishes only skills and
// availability, an employer (through the API) asks for contact, the young person accepts with a
// phone number, the employer sees it, a workplace trainer confirms a work process, and the young
// person withdraws, after which the employer no longer finds them. Headless Debian Chromium at
// 360×640; every screen screenshot to target/screenshots/delen-*.png and checked with axe-core.
//
// The credential the trainer's confirmation brings is then listed and exported in the app's "my
// data" and checked with `vaardig verify`.
//
// Needs: VAARDIG_SERVER_BIN (the vaardig-server binary), VAARDIG_DIST (dist/ as `cargo xtask dist`
// builds it, with delen.html and vaardig_delen*), VAARDIG_CLI_BIN (the vaardig binary; default
// target/debug/vaardig), optionally VAARDIG_SCREENSHOTS and CHROMIUM.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { DIST, SHOTS, assertAxeClean, assertKeyboardReachable, launchChromium, seedStorage, startPoolServer } from "./pool-server.mjs";

// The CLI, to check an exported credential as a school or jobhunter would.
const CLI = process.env.VAARDIG_CLI_BIN ?? path.resolve("../../target/debug/vaardig");
let base, browser, stopServer;
let shotNumber = 0;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, "delen.html")), `${DIST} has no delen.html: run cargo xtask dist`);
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: cargo build -p vaardig, or set VAARDIG_CLI_BIN`);
  ({ base, stop: stopServer } = await startPoolServer("delen"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  stopServer?.();
});

async function newPhone() {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, locale: "nl-NL" });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw new Error(`page error: ${e.message}`); });
  return { context, page };
}

/** Screenshot, axe-core (no serious or critical violations), touch targets of at least 44 px. */
async function check(page, name) {
  shotNumber += 1;
  await page.screenshot({ path: path.join(SHOTS, `delen-${String(shotNumber).padStart(2, "0")}-${name}.png`), fullPage: true });
  await assertAxeClean(page, name);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button, a.button, a.banner, select, input:not([type=checkbox]), .check label, .checklist label")]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
  assert.deepEqual(small, [], `touch targets on ${name}`);
  // Nothing wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `no sideways scrolling on ${name}`);
  await assertKeyboardReachable(page, name);
}

/** The app's saved state with one skill, in `lang`. */
function savedState(lang) {
  return JSON.stringify({
    format: "vaardig.app", version: 1, screen: "results", lang,
    profile: { format: "vaardig.profile", version: 1, id: "ik", claims: [{ item: { skill: "log.heftruck_rijden" }, level: 3 }] },
  });
}

/** The app's "my data" on a phone that keeps `pool` (a real `vaardig.pool` with one credential,
 * seeded with nothing else running): the credential is listed in plain words and saved as a file
 * that `vaardig verify` accepts with the pool's DID document. */
async function credentialsInMyData(pool, state) {
  const { context, page } = await newPhone();
  await seedStorage(page, base, { "vaardig.state": state, "vaardig.pool": pool });
  await page.goto(base);
  await page.locator("details.menu summary").click();
  await page.locator("details.menu nav").getByRole("button", { name: "Mijn gegevens" }).click();
  await page.getByRole("heading", { name: "Bewijzen van je werk" }).waitFor();
  const credential = JSON.parse(pool).attestations[0].credential;
  const vc = JSON.parse(Buffer.from(credential.split(".")[1], "base64url"));
  const item = page.locator("ul.credentials li");
  assert.equal(await item.count(), 1);
  const text = (await item.textContent()).trim();
  assert.ok(text.startsWith(vc.credentialSubject.achievement.name), `the work process's title first: ${text}`);
  assert.match(text, /Gezien door Sanne de Vries van Demo Logistiek op \d{1,2} \p{L}+ \d{4}\. Het geldt tot \d{1,2} \p{L}+ \d{4}\./u);
  await check(page, "my-data-credentials");
  const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "Bewaar dit bewijs" }).click()]);
  assert.equal(download.suggestedFilename(), "vaardig-bewijs-1.jwt");
  const file = await download.path();
  assert.equal(fs.readFileSync(file, "utf8"), credential, "the file is the credential itself");
  const did = path.join(path.dirname(file), "did.json");
  fs.writeFileSync(did, await (await fetch(`${base}.well-known/did.json`)).text());
  const verify = spawnSync(CLI, ["verify", file, "--did", did], { encoding: "utf8" });
  assert.equal(verify.status, 0, `vaardig verify: ${verify.stdout}${verify.stderr}`);
  assert.match(verify.stdout, /Sanne de Vries/);
  await context.close();
}

async function title(page) {
  return (await page.locator("#screen-title").textContent()).trim();
}

/** An employer's API session: the cookie and the CSRF token. */
async function employerLogin() {
  const response = await fetch(`${base}api/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "werkgever@demo.vaardig.nl", password: "demo-werkgever-2026" }),
  });
  assert.equal(response.status, 200, "employer login");
  const cookie = response.headers.get("set-cookie").split(";")[0];
  const { csrf } = await response.json();
  return async (method, url, body) => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { Cookie: cookie, "X-CSRF-Token": csrf, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

test("a young person publishes skills and availability, answers an employer and withdraws", async () => {
  const { context, page } = await newPhone();

  // A small profile in the app: the forklift, a work process, 20 hours in the daytime.
  await page.goto(base);
  await page.getByRole("button", { name: "Begin →" }).click();
  await page.getByRole("button", { name: "Genoeg vragen, ga verder" }).click();
  await page.getByLabel("Zoek wat je kunt, bijvoorbeeld heftruck").fill("heftruk");
  await page.locator("ul.hits").getByRole("button", { name: "+ heftruck rijden" }).click();
  await page.locator("ul.hits").getByRole("button", { name: "✓ heftruck rijden" }).waitFor();
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Wat heb je al gedaan op je werk?");
  await page.locator(".wp select").first().selectOption("self");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.locator("#number").fill("20");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByLabel("Overdag").check();
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.state")));
  const wp = saved.profile.claims.find((c) => c.item.work_process).item.work_process;
  assert.ok(saved.profile.claims.some((c) => c.item.skill === "log.heftruck_rijden"));

  // From the app's "show an employer" screen to the pool page.
  await page.getByText("Menu").click();
  await page.getByRole("button", { name: "Laat zien aan werkgever" }).click();
  await page.getByRole("link", { name: "Delen met werkgevers" }).click();
  await page.locator("#screen-title", { hasText: "Delen met werkgevers" }).waitFor();
  assert.match(await page.locator("main").textContent(), /nooit je naam, je leeftijd/);
  await check(page, "intro");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => ["BUTTON", "A", "INPUT"].includes(document.activeElement.tagName)), "keyboard reaches a control");

  // The consent, one question per screen.
  await page.getByRole("button", { name: "Kies wat je deelt →" }).click();
  assert.equal(await title(page), "Wat mogen werkgevers zien?");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByText("Kies minstens één ding.").waitFor();
  await page.getByLabel(/Wat je kunt/).check();
  await page.getByLabel(/Uren en wanneer je kunt/).check();
  await check(page, "parts");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Midden-Brabant" }).click();
  await check(page, "region");
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Tot wanneer mogen werkgevers je zien?");
  const until = await page.locator("#until").inputValue();
  const days = Math.round((Date.parse(until) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);
  assert.equal(days, 91, "three months by default");
  await check(page, "until");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Nee, liever niet" }).click();
  await check(page, "coach");
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Klopt dit?");
  await check(page, "check");
  await page.getByRole("button", { name: "Ja, deel dit" }).click();
  await page.locator("#screen-title", { hasText: "Je profiel staat online" }).waitFor();
  await page.getByText("Je hebt nog geen nieuwe vragen.").waitFor();
  await check(page, "home");
  const pool = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.pool")));
  assert.equal(pool.format, "vaardig.pool");
  const { id, secret } = pool.published;
  assert.ok(id && secret);
  assert.deepEqual(pool.published.fields, { skills: true, soft_skills: false, certificates: false, work_processes: false, availability: true, region: false });

  // The server holds only the chosen parts.
  const stored = await (await fetch(`${base}api/candidates/${id}`, { headers: { Authorization: `Bearer ${secret}` } })).json();
  assert.ok(stored.profile.claims.every((c) => c.item.skill), "only skills published");
  assert.equal(stored.profile.practical.max_hours_per_week, 20);
  assert.equal(stored.profile.practical.home_town ?? null, null);

  // An employer finds them for a forklift opening and asks for contact.
  const employer = await employerLogin();
  const opening = await employer("POST", "api/openings", {
    title: "Heftruckchauffeur", route: "ontwikkelbaan", sector: "log", hours: { min: 16, max: 32 }, place: "Tilburg",
    requirements: [{ item: { skill: "log.heftruck_rijden" }, importance: "must" }],
  });
  assert.equal(opening.status, 201, JSON.stringify(opening.body));
  // The employer's list shows them; opened twice, it is one line "2 keer" in who looked.
  let listPage = null;
  for (let offset = 0; listPage === null; offset += 100) {
    const url = `api/openings/${opening.body.id}/candidates?limit=100&offset=${offset}`;
    const list = await employer("GET", url);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.ok(offset < list.body.total, "the young person is in the employer's list");
    if (list.body.items.some((i) => i.candidate.id === id)) listPage = url;
  }
  assert.equal((await employer("GET", listPage)).status, 200);
  const card = await employer("GET", `api/openings/${opening.body.id}/candidates/${id}`);
  assert.equal(card.status, 200, "the employer sees the candidate");
  assert.ok(!JSON.stringify(card.body).includes("wp."), "no unpublished work process");
  const asked = await employer("POST", "api/contact-requests", { candidate: id, opening: opening.body.id, message: "Kom je een keer kijken?" });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));

  // The app shows a one-line banner; the pool page shows the request.
  await page.goto(base);
  const banner = page.getByRole("link", { name: "Je hebt een vraag van een werkgever" });
  await banner.waitFor();
  await check(page, "app-banner");
  await banner.click();
  await page.getByText("Je hebt 1 nieuwe vraag.").waitFor();
  await page.getByRole("button", { name: "Bekijk vragen" }).click();
  await page.getByText("Bericht: Kom je een keer kijken?").waitFor();
  await check(page, "requests");
  await page.getByRole("button", { name: "Ja, geef mijn gegevens" }).click();
  assert.match(await title(page), /^Wat mag .+ weten\?$/);
  await page.getByRole("button", { name: "Stuur" }).click();
  await page.getByText("Vul minstens één ding in.").waitFor();
  await page.getByLabel("Je telefoonnummer").fill("06 12345678");
  await check(page, "answer");
  await page.getByRole("button", { name: "Stuur" }).click();
  await page.getByText("Je hebt ja gezegd.").waitFor();
  await check(page, "answered");

  // The employer sees the phone number, and nothing else.
  const requests = await employer("GET", "api/contact-requests");
  const mine = requests.body.items.find((r) => r.candidate === id);
  assert.equal(mine.status, "accepted");
  assert.deepEqual(mine.contact, { phone: "06 12345678" });

  // Who looked, in plain words.
  await page.getByRole("button", { name: "← Terug" }).click();
  await page.getByRole("button", { name: "Wie keek er?" }).click();
  await page.locator("ul.lines li", { hasText: "vroeg om contact op" }).first().waitFor();
  await page.locator("ul.lines li", { hasText: "zag je 2 keer in dezelfde lijst" }).getByText("Over: Heftruckchauffeur").waitFor();
  await check(page, "views");
  await page.getByRole("button", { name: "← Terug" }).click();

  // A workplace trainer confirms the work process through a one-time link.
  await page.getByRole("button", { name: "Vraag je praktijkopleider" }).click();
  await page.locator(".checklist input[type=checkbox]").first().check();
  await page.getByRole("button", { name: "Maak een link" }).click();
  const link = await page.locator("#link-0").inputValue();
  await check(page, "attest-link");
  const token = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.pool"))).links[0].token;
  assert.ok(link.includes(token));
  const confirmed = await fetch(`${base}api/attestations/${token}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Sanne de Vries", company: "Demo Logistiek", confirmed: [{ work_process: wp, level: 2 }] }),
  });
  assert.equal(confirmed.status, 204);
  await page.getByRole("button", { name: "Kijk of het al is bevestigd" }).click();
  await page.getByText("In de app staat nu: gezien op werk.", { exact: false }).waitFor();
  await check(page, "attest-done");
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.pool"))).attestations[0];
  assert.equal(kept.credential.split(".").length, 3, "the phone keeps the credential (a compact JWS)");
  assert.equal(JSON.parse(Buffer.from(kept.credential.split(".")[1], "base64url")).credentialSubject.id, `urn:vaardig:publication:${id}`, "made for this publication");
  const after = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.state")));
  assert.equal(after.format, "vaardig.app");
  assert.equal(after.profile.claims.find((c) => c.item.work_process === wp).evidence, "practice");
  await credentialsInMyData(await page.evaluate(() => localStorage.getItem("vaardig.pool")), JSON.stringify(after));

  // Share the work processes too: the signed attestation keeps "shown at work" on the server.
  await page.getByRole("button", { name: "← Terug" }).click();
  await page.getByRole("button", { name: "Kies opnieuw wat je deelt" }).click();
  assert.ok(await page.getByLabel(/Wat je kunt/).isChecked(), "the published choice is the starting point");
  await page.getByLabel(/Je werkprocessen/).check();
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Klopt dit?");
  await page.getByRole("button", { name: "Bewaar" }).click();
  await page.getByText("Gelukt. Je nieuwe profiel staat online.").waitFor();
  const updated = await (await fetch(`${base}api/candidates/${id}`, { headers: { Authorization: `Bearer ${secret}` } })).json();
  const attested = updated.profile.claims.find((c) => c.item.work_process === wp);
  assert.equal(attested.evidence, "practice", "the server kept the trainer's confirmation");
  assert.equal(attested.level, 2, "at the level the trainer saw");

  // A tampered confirmation (the level raised on the phone, the signature as it was) is refused:
  // the server keeps the claim as "my own estimate" and the page says so in plain words.
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem("vaardig.pool"));
    doc.attestations[0].level = 4;
    localStorage.setItem("vaardig.pool", JSON.stringify(doc));
  });
  await page.reload();
  await page.locator("#screen-title", { hasText: "Je profiel staat online" }).waitFor();
  await page.getByRole("button", { name: "Kies opnieuw wat je deelt" }).click();
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Bewaar" }).click();
  await page.getByText("Maar een bevestiging van je praktijkopleider klopte niet.", { exact: false }).waitFor();
  await check(page, "attest-tampered");
  const refused = await (await fetch(`${base}api/candidates/${id}`, { headers: { Authorization: `Bearer ${secret}` } })).json();
  assert.equal(refused.profile.claims.find((c) => c.item.work_process === wp).evidence, "self", "not shown at work any more");
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.pool"))).attestations, [], "the refused confirmation is not sent again");

  // A broken vaardig.pool: copied as it was, and the publication read back, so taking the profile
  // back still works.
  const broken = await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem("vaardig.pool"));
    const raw = JSON.stringify({ ...doc, version: "1", links: "kapot", attestations: [{ work_process: 7 }] });
    localStorage.setItem("vaardig.pool", raw);
    return raw;
  });
  await page.reload();
  await page.getByText("We konden je gegevens van delen niet goed lezen.", { exact: false }).waitFor();
  await page.locator("#screen-title", { hasText: "Je profiel staat online" }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("vaardig.pool.backup")), broken, "the copy is exact");
  await check(page, "pool-broken");

  // Withdraw in one tap (and one confirm): deleted on the server, gone for the employer.
  await page.getByRole("button", { name: "Haal alles weg" }).click();
  await check(page, "withdraw-confirm");
  await page.getByRole("button", { name: "Ja, haal alles weg" }).click();
  await page.locator("#screen-title", { hasText: "Alles is verwijderd" }).waitFor();
  await check(page, "gone");
  const left = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.pool")) ?? "null");
  assert.equal(left?.published ?? null, null, "no publication kept on the phone");
  assert.equal((await employer("GET", `api/openings/${opening.body.id}/candidates/${id}`)).status, 404);
  let ranked = [];
  for (let offset = 0; ; offset += 100) {
    const list = await employer("GET", `api/openings/${opening.body.id}/candidates?limit=100&offset=${offset}`);
    assert.equal(list.status, 200);
    ranked = ranked.concat(list.body.items);
    if (offset + 100 >= list.body.total) break;
  }
  assert.ok(!ranked.some((c) => c.id === id), "no longer in the employer's list");
  assert.ok(!(await employer("GET", "api/contact-requests")).body.items.some((r) => r.candidate === id), "the request is gone too");
  await context.close();
});

test("offline, blocked storage and no profile: a clear message, never a crash", async () => {
  // No profile yet.
  {
    const { context, page } = await newPhone();
    await page.goto(`${base}delen.html`);
    await page.getByText("Je hebt nog niets ingevuld.", { exact: false }).waitFor();
    await check(page, "no-profile");
    await context.close();
  }
  // A profile, but the network goes away before publishing.
  {
    const { context, page } = await newPhone();
    await seedStorage(page, base, { "vaardig.state": savedState("nl") });
    await page.goto(`${base}delen.html`);
    await page.getByRole("button", { name: "Kies wat je deelt →" }).click();
    await page.getByLabel(/Wat je kunt/).check();
    await page.getByRole("button", { name: "Verder →" }).click();
    await page.getByRole("button", { name: "Midden-Brabant" }).click();
    await page.getByRole("button", { name: "Verder →" }).click();
    await page.getByRole("button", { name: "Verder →" }).click();
    await page.getByRole("button", { name: "Ja, dat mag" }).click();
    await page.getByRole("button", { name: "Verder →" }).click();
    await context.setOffline(true);
    await page.getByRole("button", { name: "Ja, deel dit" }).click();
    await page.getByText("Je hebt nu geen internet.", { exact: false }).waitFor();
    await check(page, "offline");
    assert.equal(await page.evaluate(() => localStorage.getItem("vaardig.pool")), null);
    await context.close();
  }
  // Storage blocked: says so, offers nothing that would lose the secret.
  {
    const { context, page } = await newPhone();
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
    });
    await page.goto(`${base}delen.html`);
    await page.getByText("Je telefoon kan nu niets bewaren.", { exact: false }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Kies wat je deelt →" }).count(), 0);
    await check(page, "storage-blocked");
    await context.close();
  }
});

test("the pool page at 200 % zoom and in English", async () => {
  const context = await browser.newContext({ viewport: { width: 180, height: 320 }, deviceScaleFactor: 2, locale: "en-GB" });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw new Error(`page error: ${e.message}`); });
  await seedStorage(page, base, { "vaardig.state": savedState("en") });
  await page.goto(`${base}delen.html`);
  await page.locator("#screen-title", { hasText: "Share with employers" }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "no sideways scrolling at 200 %");
  await page.screenshot({ path: path.join(SHOTS, "delen-zoom-200.png"), fullPage: true });
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.locator("#screen-title", { hasText: "Delen met werkgevers" }).waitFor();
  await context.close();
});
