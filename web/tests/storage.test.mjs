// The young person's app under bad conditions, in headless Debian Chromium at 360×640: what every
// earlier version saved reads without loss, a broken saved state is copied and read back as far as
// it goes, and full storage never costs what was saved. The fixtures are in fixtures/storage/
// (the first builds' form is pinned by a unit test in web/src/state.rs). Screenshots go to
// target/screenshots/storage-*.png, each screen is checked with axe-core.
//
// Needs: VAARDIG_SERVER_BIN and VAARDIG_DIST (the pool server serves dist/; the app itself needs
// no server), optionally VAARDIG_SCREENSHOTS and CHROMIUM.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { SHOTS, assertAxeClean, launchChromium, seedStorage, startPoolServer } from "./pool-server.mjs";

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), "fixtures", "storage");
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name), "utf8");

const UNREADABLE = "We konden je bewaarde antwoorden niet goed lezen.";
const COPY = "Bewaar de kopie als bestand";
const NOT_SAVED = "Je antwoorden worden nu niet bewaard op je telefoon.";

let base, browser, stopServer;

before(async () => {
  ({ base, stop: stopServer } = await startPoolServer("storage"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  stopServer?.();
});

/** A phone whose storage holds `items` when the app starts. */
async function phoneWith(items, { fill = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, locale: "nl-NL", acceptDownloads: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw new Error(`page error: ${e.message}`); });
  await seedStorage(page, base, items);
  if (fill) {
    await page.evaluate(() => {
      // Fill the rest of the quota, down to the last character.
      let chunk = "x".repeat(1 << 20);
      for (let i = 0; chunk.length > 0; i++) {
        try { localStorage.setItem(`filler.${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
      }
    });
  }
  await page.goto(base);
  // index.html's static first screen is there until the app replaces it.
  await page.waitForFunction(() => !document.getElementById("shell") && document.getElementById("screen-title"));
  return { context, page };
}

const stored = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);

async function check(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `storage-${name}.png`), fullPage: true });
  await assertAxeClean(page, name);
}

test("what every earlier version saved opens where the person was, with nothing lost", async () => {
  const want = JSON.parse(fixture("v1-strings.json")).profile;
  for (const [name, screen, lang] of [
    ["v1-tagged-soft.json", "soft/3", "en"],
    ["v1-tagged-results.json", "results", "nl"],
    ["v1-tagged-detail.json", "detail/o-000001", "nl"],
    ["v1-strings.json", "skills", "nl"],
  ]) {
    const { context, page } = await phoneWith({ "vaardig.state": fixture(name) });
    assert.equal(await page.getByText(UNREADABLE).count(), 0, `${name}: read, not broken`);
    // The app saves right away, in today's form.
    await page.waitForFunction(() => !localStorage.getItem("vaardig.state").includes('"screen":{'));
    const now = JSON.parse(await stored(page, "vaardig.state"));
    assert.equal(now.screen, screen, `${name}: the same screen`);
    assert.equal(now.lang, lang, `${name}: the same language`);
    assert.deepEqual(now.profile, want, `${name}: the whole profile`);
    assert.equal(await stored(page, "vaardig.backup"), null, `${name}: nothing needed a copy`);
    // The whole page (menu and footer too) is inside the element whose language changes.
    assert.equal(await page.locator("html").getAttribute("lang"), lang);
    await check(page, `migrated-${name.replace(".json", "")}`);
    await context.close();
  }
});

test("a broken saved state: the app starts, keeps a copy and reads back what it can", async () => {
  const good = JSON.parse(fixture("v1-strings.json")).profile;
  for (const [name, message] of [
    ["broken-parts.json", "Je antwoorden zijn terug. Een paar dingen konden we niet lezen."],
    ["future-version.json", "Je antwoorden zijn terug."],
    ["broken-cut-off.json", "We konden niets teruglezen. Een jobhunter kan je helpen."],
    ["broken-not-json.txt", "We konden niets teruglezen. Een jobhunter kan je helpen."],
  ]) {
    const raw = fixture(name);
    const { context, page } = await phoneWith({ "vaardig.state": raw });
    await page.getByText(UNREADABLE).waitFor();
    assert.equal(await stored(page, "vaardig.backup"), raw, `${name}: the copy is exact`);
    await check(page, `broken-${name.split(".")[0]}`);
    // The app works meanwhile; the banner leads to my data, with the copy.
    await page.getByRole("button", { name: "Begin" }).click();
    await page.locator(".answers").waitFor();
    await page.getByRole("button", { name: UNREADABLE }).click();
    assert.equal(await page.locator("#screen-title").textContent(), "Mijn gegevens");
    await check(page, `my-data-${name.split(".")[0]}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText(COPY).click()]);
    assert.equal(fs.readFileSync(await download.path(), "utf8"), raw, `${name}: the file is the copy`);
    await page.getByRole("button", { name: "Haal terug wat kan" }).click();
    await page.getByText(message, { exact: true }).waitFor();
    if (!message.startsWith("We konden niets")) {
      await check(page, `recovered-${name.split(".")[0]}`);
      const now = JSON.parse(await stored(page, "vaardig.state")).profile;
      if (name === "future-version.json") {
        assert.deepEqual(now, good, "every part of a newer version's profile came back");
      } else {
        assert.deepEqual(now.claims, good.claims, "the readable claims came back, the broken ones not");
        const { max_hours_per_week: _, ...practical } = good.practical;
        assert.deepEqual(now.practical, practical, "all practical facts but the unreadable hours");
        assert.deepEqual(now.wishes, good.wishes);
        assert.deepEqual(now.answered, good.answered);
      }
    }
    assert.equal(await stored(page, "vaardig.backup"), raw, `${name}: the copy stays`);
    await page.locator("details.menu summary").click();
    await page.locator("nav button", { hasText: "Vragen" }).click();
    assert.equal(await page.getByText(UNREADABLE).count(), 0, "the banner is gone once used");
    await context.close();
  }
});

test("two tabs: what one tab saved is never written over by the other, and a deletion holds", async () => {
  // The app is open in a tab with a work process the person did on their own ...
  const start = JSON.parse(fixture("v1-strings.json"));
  const wp = "wp.assistent_logistiek.b1_k1_w1";
  start.profile.claims.find((c) => c.item.work_process === wp).evidence = "self";
  const { context, page: app } = await phoneWith({ "vaardig.state": JSON.stringify(start) });
  assert.equal(await app.locator("#screen-title").textContent(), "Wat kun je al?");
  const claims = async () => JSON.parse(await stored(app, "vaardig.state")).profile.claims;
  const evidence = async (id) => (await claims()).find((c) => c.item.work_process === id || c.item.skill === id)?.evidence;
  const addSkill = async (query, label) => {
    await app.getByLabel("Zoek wat je kunt, bijvoorbeeld heftruck").fill(query);
    await app.locator("ul.hits").getByRole("button", { name: `+ ${label}` }).click();
    await app.locator("ul.hits").getByRole("button", { name: `✓ ${label}` }).waitFor();
  };
  // ... when the pool page, in a second tab, writes the trainer's confirmation back (as
  // web/src/delen/pool.rs does: read the saved state, mark the process, write it).
  const pool = await context.newPage();
  await pool.goto(`${base}manifest.webmanifest`);
  const attest = (id) => {
    const doc = JSON.parse(localStorage.getItem("vaardig.state"));
    doc.profile.claims.find((c) => c.item.work_process === id).evidence = "practice";
    localStorage.setItem("vaardig.state", JSON.stringify(doc));
  };
  await pool.evaluate(attest, wp);
  // Then the person adds a skill in the app's tab: both changes are kept.
  await addSkill("heftruk", "heftruck rijden");
  await app.waitForFunction(() => localStorage.getItem("vaardig.state").includes("log.heftruck_rijden"));
  assert.equal(await evidence(wp), "practice", "the trainer's confirmation is not written over");
  assert.equal(await evidence("log.heftruck_rijden"), "self");

  // The same when the other tab's write is not announced before the app saves: a write by the
  // app's own document fires no storage event there, as a write from another tab whose event is
  // still on its way.
  const second = "wp.assistent_logistiek.b1_k1_w2";
  await app.evaluate((id) => {
    const doc = JSON.parse(localStorage.getItem("vaardig.state"));
    doc.profile.claims.push({ item: { work_process: id }, level: 2, evidence: "practice" });
    localStorage.setItem("vaardig.state", JSON.stringify(doc));
  }, second);
  await addSkill("kassa", "kassa bedienen");
  await app.waitForFunction(() => localStorage.getItem("vaardig.state").includes("ret.kassa_bedienen"));
  assert.equal(await evidence(second), "practice", "a write the app had not heard of is merged, not lost");
  assert.equal(await evidence("log.heftruck_rijden"), "self");
  assert.equal(await evidence(wp), "practice");
  await check(app, "two-tabs");

  // "Delete everything" in a second app tab: the first tab does not bring the data back.
  const other = await context.newPage();
  await other.goto(base);
  await other.waitForFunction(() => !document.getElementById("shell") && document.getElementById("screen-title"));
  await other.locator("summary").click();
  await other.locator("nav button", { hasText: "Mijn gegevens" }).click();
  await other.getByRole("button", { name: "Wis alles" }).click();
  await other.getByRole("button", { name: "Ja, wis alles" }).click();
  await other.getByText("Alles is gewist.").waitFor();
  await app.getByLabel("Zoek wat je kunt, bijvoorbeeld heftruck").fill("reachtruk");
  await app.locator("ul.hits").getByRole("button", { name: "+ reachtruck rijden" }).click();
  await app.waitForFunction(() => localStorage.getItem("vaardig.state").includes("log.reachtruck_rijden"));
  assert.deepEqual((await claims()).map((c) => Object.values(c.item)[0]), ["log.reachtruck_rijden"], "only what was added after the deletion");
  await context.close();
});

test("a second broken state never writes over the first copy", async () => {
  const first = fixture("broken-cut-off.json");
  const second = fixture("broken-not-json.txt");
  const { context, page } = await phoneWith({ "vaardig.state": second, "vaardig.backup": first });
  await page.getByText(UNREADABLE).waitFor();
  assert.equal(await stored(page, "vaardig.backup"), first);
  assert.equal(await stored(page, "vaardig.backup.2"), second);
  // Both copies are offered as files.
  await page.getByRole("button", { name: UNREADABLE }).click();
  assert.equal(await page.getByText(COPY).count(), 2);
  // Deleting everything deletes the copies too.
  await page.getByRole("button", { name: "Wis alles" }).click();
  await page.getByRole("button", { name: "Ja, wis alles" }).click();
  await page.getByText("Alles is gewist.").waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vaardig.backup"))), []);
  await context.close();
});

test("full storage: the app works in memory, says so, and what was saved stays as it was", async () => {
  const saved = fixture("v1-strings.json");
  const { context, page } = await phoneWith({ "vaardig.state": saved }, { fill: true });
  assert.equal(await page.locator("#screen-title").textContent(), "Wat kun je al?", "resumed where the person was");
  // A longer screen name does not fit any more.
  await page.getByRole("button", { name: "Verder" }).last().click();
  await page.getByText(NOT_SAVED).waitFor();
  await check(page, "full");
  assert.equal(await stored(page, "vaardig.state"), saved, "the saved state is not cut or changed");
  await context.close();
});

test("full storage and a broken state: no copy fits, so the broken state is left where it is", async () => {
  const raw = fixture("broken-parts.json");
  const { context, page } = await phoneWith({ "vaardig.state": raw }, { fill: true });
  await page.getByText(NOT_SAVED).waitFor();
  // The copy lives only in memory now; my data still offers it and reads it back.
  await page.getByRole("button", { name: UNREADABLE }).click();
  assert.equal(await page.getByText(COPY).count(), 1);
  await page.getByRole("button", { name: "Haal terug wat kan" }).click();
  await page.getByText("Je antwoorden zijn terug. Een paar dingen konden we niet lezen.").waitFor();
  await page.locator("details.menu summary").click();
  await page.locator("nav button", { hasText: "Vragen" }).click();
  await check(page, "full-and-broken");
  assert.equal(await stored(page, "vaardig.state"), raw, "the broken state is untouched");
  assert.equal(await stored(page, "vaardig.backup"), null);
  await context.close();
});

test("other bad input in the app: numbers, an unknown town, a broken shared link, no network", async () => {
  const { context, page } = await phoneWith({});
  const practical = async () => JSON.parse(await stored(page, "vaardig.state")).profile.practical;
  // Forward through the questions to the one called `name`.
  const go = async (name) => {
    while (!(await page.locator("#screen-title").textContent()).includes(name)) {
      await page.getByRole("button", { name: /^(Begin|Ga verder|Genoeg vragen|Verder)/ }).first().click();
    }
  };
  // Hours: out of range is kept within range, text is not a number and stays unknown.
  await go("Hoeveel uur per week");
  await page.locator("#number").fill("999");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("vaardig.state")).profile.practical.max_hours_per_week !== undefined);
  assert.ok((await practical()).max_hours_per_week <= 60, "hours capped");
  await page.locator("#number").fill("");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("vaardig.state")).profile.practical.max_hours_per_week === undefined);
  // A town the taxonomy does not know.
  await go("Waar woon je?");
  await page.locator("#town").fill("Atlantis");
  await page.getByText("Deze plaats kennen we niet. Kies een plaats uit de lijst.").waitFor();
  assert.equal((await practical()).home_town, undefined, "an unknown town is not saved as one");
  await check(page, "town-unknown");
  // A shared link that was cut or changed.
  await page.goto(`${base}#view=dGhpcyBpcyBub3QgYSBwcm9maWxl`);
  await page.reload();
  await page.getByText("Deze link werkt niet. Vraag om een nieuwe.").waitFor();
  await check(page, "link-broken");
  await context.close();

  // No network at the first start: a clear message and a retry that works once it is back.
  const fresh = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: "nl-NL", serviceWorkers: "block" });
  const phone = await fresh.newPage();
  await phone.route("**/taxonomy.json", (route) => route.abort("internetdisconnected"));
  await phone.goto(base);
  await phone.getByText("Het laden lukt niet. Kijk of je internet hebt en probeer het opnieuw.").waitFor();
  await check(phone, "load-failed");
  await phone.unroute("**/taxonomy.json");
  await phone.getByRole("button", { name: "Probeer opnieuw" }).click();
  await phone.getByRole("button", { name: "Begin" }).waitFor();
  await fresh.close();
});
