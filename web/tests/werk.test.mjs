// Browser tests of the work app (werk.html) against a real pool server in demo mode: an employer
// and a jobhunter in separate browser contexts, and a workplace trainer on a phone. Each screen is
// screenshot to target/screenshots/werk-*.png and checked with axe-core (no serious or critical
// violations), touch targets (≥ 44 px) and, on phones, no sideways scroll.
// Needs VAARDIG_SERVER_BIN (the vaardig-server binary) and VAARDIG_DIST (a built dist/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, SHOTS, assertAxeClean, assertKeyboardReachable, launchChromium, startPoolServer } from "./pool-server.mjs";

const EMPLOYER = ["werkgever@demo.vaardig.nl", "demo-werkgever-2026"];
const JOBHUNTER = ["jobhunter@demo.vaardig.nl", "demo-jobhunter-2026"];

let base, browser, stopServer;

before(async () => {
  ({ base, stop: stopServer } = await startPoolServer("werk"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  stopServer?.();
});

async function open(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (process.env.WERK_DEBUG) page.on("console", (m) => console.log("console:", m.text()));
  return { context, page, errors };
}

/** Screenshot, then axe-core (no serious or critical violations), touch targets, and on a phone no sideways scroll. */
async function check(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `werk-${name}.png`), fullPage: true });
  await assertAxeClean(page, name);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button, a.button, .werk-nav a, select, input:not([type=checkbox]):not([type=radio]):not([type=range]), .check label, summary")]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.outerHTML.slice(0, 70), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
  assert.deepEqual(small, [], `touch targets on ${name}`);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${name}: sideways scroll (${scroll} > ${width})`);
  await assertKeyboardReachable(page, name);
}

async function login(page, [email, password]) {
  await page.goto(`${base}werk.html#login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("button[type=submit]").click();
  await page.locator(".werk-nav").waitFor();
}

/** A range input moved as a person would: the value changes and `input` fires. */
async function slide(page, selector, value) {
  await page.locator(selector).evaluate((e, v) => {
    e.value = String(v);
    e.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

test("an employer puts in an opening, sees the count while typing, the ranked candidates and asks for contact", async () => {
  const { context, page, errors } = await open(1280, 800);
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.goto(`${base}werk.html`);
  await page.locator("#email").waitFor();
  // A logged-out load asks the server nothing it knows will fail: no 401 in the console.
  assert.deepEqual(consoleErrors, [], "console errors on a logged-out load");
  await check(page, "login");
  await page.locator("#email").fill(EMPLOYER[0]);
  await page.locator("#password").fill("wrong-password-1");
  await page.locator("button[type=submit]").click();
  await page.getByText("Het e-mailadres of het wachtwoord klopt niet.").waitFor();
  await login(page, EMPLOYER);
  await page.locator("#screen-title", { hasText: "Je vacatures" }).waitFor();
  await check(page, "openings");

  await page.locator(".werk-nav a", { hasText: "Nieuwe vacature" }).click();
  await page.locator("#title").fill("Magazijnmedewerker");
  await page.locator("#place").fill("Tilburg");
  await page.locator(".preview", { hasText: "Vul plaats, uren en een eis in" }).waitFor();
  // The lookup forgives a typo: "heftruk" finds "heftruck rijden".
  await page.locator("#req-search").fill("heftruk");
  await page.locator(".hits button", { hasText: "heftruck rijden" }).first().click();
  await page.locator(".reqs .req", { hasText: "heftruck rijden" }).waitFor();
  const preview = page.locator(".preview", { hasText: "kandidaten in de regio passen" });
  await preview.waitFor();
  const fits = Number((await preview.textContent()).match(/(\d+) kandidaten in de regio passen/)[1]);
  assert.ok(fits > 0, "some candidates fit a forklift job");
  // Asking level 4 makes the count go down (the preview follows the form).
  await page.locator(".req select").nth(1).selectOption("4");
  await page.waitForFunction((n) => {
    const m = document.querySelector(".preview")?.textContent.match(/(\d+) kandidaten in de regio passen/);
    return m && Number(m[1]) < n;
  }, fits);
  await page.locator(".req select").nth(1).selectOption("2");
  await page.locator(".preview", { hasText: `${fits} kandidaten in de regio passen` }).waitFor();
  await check(page, "opening-form");
  // Every choice in a requirement's selects is readable whole: the chosen text fits its box.
  const cut = await page.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
    document.body.append(probe);
    const out = [];
    for (const select of document.querySelectorAll(".req select")) {
      probe.style.font = getComputedStyle(select).font;
      probe.textContent = select.selectedOptions[0]?.textContent ?? "";
      // Padding and the arrow take about 40 px.
      if (probe.getBoundingClientRect().width + 40 > select.clientWidth) out.push([probe.textContent, select.clientWidth]);
    }
    probe.remove();
    return out;
  });
  assert.deepEqual(cut, [], "a requirement's select cuts its text off");

  await page.getByRole("button", { name: "Bewaar en bekijk kandidaten" }).click();
  await page.locator("#candidates").waitFor();
  await page.locator(".matches .match").first().waitFor();
  assert.match(page.url(), /#opening\//);
  const first = page.locator(".matches .match").first();
  assert.match(await first.textContent(), /1 van de 1 moet-eisen/);
  // The must-have is met, by whichever route credits it: the skill itself, the forklift
  // certificate, or a work process that shows it (issue 14). Which of the tied top candidates comes
  // first depends on the demo's candidate ids, which are random per server, so the route may differ
  // from run to run; the contract is that the line says how the must-have is met.
  assert.match(
    await first.locator(".lines li").first().textContent(),
    /heftruck rijden \(moet\): (heeft niveau [2-4], gevraagd 2|blijkt uit het certificaat Heftruckcertificaat \(.+\)|blijkt uit het werkproces .+)/,
  );
  await page.locator("h2", { hasText: "Meer kandidaten?" }).waitFor();
  await page.getByText(/Nu passen \d+ kandidaten\./).waitFor();
  await check(page, "opening");

  await first.getByRole("link", { name: /Bekijk/ }).click();
  await page.locator("h2", { hasText: "Waarom deze score" }).waitFor();
  await page.locator("#message").fill("Hoi! We zoeken iemand voor ons magazijn in Tilburg. Zin om kennis te maken?");
  await check(page, "candidate");
  await page.getByRole("button", { name: "Verstuur verzoek" }).click();
  await page.getByText("Verzoek verstuurd.").waitFor();

  await page.locator(".werk-nav a", { hasText: "Contactverzoeken" }).click();
  await page.getByText("Wacht op antwoord").first().waitFor();
  await check(page, "contacts");

  // Back and forward move between screens.
  await page.goBack();
  await page.getByText("Verzoek verstuurd.").or(page.locator("h2", { hasText: "Waarom deze score" })).first().waitFor();
  await page.goForward();
  await page.locator("#screen-title", { hasText: "Contactverzoeken" }).waitFor();

  // English, and the same screen on a phone.
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("#screen-title", { hasText: "Contact requests" }).waitFor();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.setViewportSize({ width: 360, height: 640 });
  await page.locator(".werk-nav a", { hasText: "Nieuwe vacature" }).click();
  await page.locator("#title").waitFor();
  await check(page, "opening-form-phone");

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.locator("#email").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("an opening changed in the work app keeps its sector (the form has no sector field)", async () => {
  const { context, page, errors } = await open(1280, 800);
  await login(page, EMPLOYER);
  const before = await page.evaluate(async () => {
    const list = await (await fetch("/api/openings?limit=100")).json();
    return list.items.find((o) => o.sector);
  });
  assert.ok(before, "a demo opening with a sector");
  await page.goto(`${base}werk.html#edit/${encodeURIComponent(before.id)}`);
  await page.locator("#title").waitFor();
  await page.waitForFunction((t) => document.querySelector("#title")?.value === t, before.title);
  await page.locator("#title").fill(`${before.title} (nieuw)`);
  await page.getByRole("button", { name: "Bewaar en bekijk kandidaten" }).click();
  await page.locator("#candidates").waitFor();
  const after = await page.evaluate(async (id) => (await fetch(`/api/openings/${encodeURIComponent(id)}`)).json(), before.id);
  assert.equal(after.title, `${before.title} (nieuw)`);
  assert.equal(after.sector, before.sector);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a jobhunter ranks with weights, tries a what-if, keeps a shortlist, makes a match table and a trainer link that a trainer confirms", async () => {
  const { context, page, errors } = await open(1280, 800);
  await login(page, JOBHUNTER);
  await page.locator("#screen-title", { hasText: "Pool van je regio" }).waitFor();
  await page.locator("#pool-candidates ~ ul .match").first().waitFor();
  await page.locator("#pool-openings ~ ul .match").first().waitFor();
  await check(page, "pool");

  // Rank candidates for an opening; moving a slider re-ranks.
  await page.locator("#pool-openings ~ ul .match a").first().click();
  await page.locator(".ranked .match").first().waitFor();
  await check(page, "rank-candidates");
  const before = await page.locator(".ranked").textContent();
  await slide(page, "#w-0", 500);
  await slide(page, "#w-1", 10);
  await page.locator("output[for=w-0]", { hasText: "500 %" }).waitFor();
  await page.waitForFunction((b) => document.querySelector(".ranked")?.textContent !== b, before, { timeout: 10000 });
  assert.notEqual(await page.locator(".ranked").textContent(), before, "the ranking changed with the weights");

  // Openings for a candidate.
  await page.goto(`${base}werk.html#pool`);
  await page.locator("#pool-candidates ~ ul .match").first().waitFor();
  await page.locator("#pool-candidates ~ ul .match").first().getByRole("link", { name: /^Vacatures voor/ }).click();
  await page.locator(".ranked .match").first().waitFor();
  await check(page, "rank-openings");

  // What-if: a forklift certificate for a candidate. (One who has it already sees no change:
  // then the next one.)
  await page.goto(`${base}werk.html#pool`);
  await page.locator("#pool-candidates ~ ul .match").first().waitFor();
  const whatIfs = await page.locator("#pool-candidates ~ ul .match a", { hasText: "Wat als" }).evaluateAll((links) => links.slice(0, 5).map((a) => a.getAttribute("href")));
  for (const [i, href] of whatIfs.entries()) {
    await page.goto(`${base}werk.html${href}`);
    await page.locator("#whatif-search").fill("heftruckcertificaat");
    await page.locator(".hits button").first().click();
    await page.getByRole("button", { name: "Bereken" }).click();
    await page.getByText(/Past nu bij \d+ vacatures, daarna bij \d+\./).waitFor();
    if ((await page.locator("table tbody tr").count()) > 0) break;
    assert.ok(i < whatIfs.length - 1, "the what-if changes some openings for one of five candidates");
  }
  await check(page, "what-if");

  // A shortlist with one candidate.
  await page.locator(".werk-nav a", { hasText: "Shortlists" }).click();
  await page.locator("#shortlist-name").fill("Matchdag juni");
  await page.getByRole("button", { name: "Maak shortlist" }).click();
  await page.getByRole("link", { name: "Matchdag juni" }).click();
  await page.locator("#add-who option").first().waitFor({ state: "attached" });
  await page.locator("#add-who").selectOption({ index: 2 });
  const who = (await page.locator("#add-who option:checked").textContent()).trim();
  await page.locator("#add-note").fill("Sterk in logistiek");
  await page.getByRole("button", { name: "Zet op de lijst" }).click();
  await page.locator(".cards .match h2", { hasText: who }).waitFor();
  await check(page, "shortlist");

  // The match table.
  await page.locator(".werk-nav a", { hasText: "Matchtabel" }).click();
  await page.getByRole("button", { name: "Maak tabel" }).click();
  await page.locator("table.match-table tbody tr").first().waitFor();
  assert.ok((await page.locator("table.match-table th[scope=col]").count()) > 0);
  assert.match(await page.locator("table.match-table th[scope=col]").first().textContent(), /\S/, "columns are named");
  assert.match(await page.locator("table.match-table th[scope=row]").first().textContent(), /\S/, "rows are named");
  assert.ok((await page.locator("table.match-table th[scope=row]").count()) > 0);
  await check(page, "match-table");

  // A trainer link for a candidate's work processes.
  await page.goto(`${base}werk.html#pool`);
  await page.locator("#pool-candidates ~ ul .match").first().getByRole("link", { name: /^Link voor/ }).click();
  await page.locator("#link-search").waitFor();
  if ((await page.locator("fieldset.checks input[type=checkbox]").count()) > 0) {
    await page.locator("fieldset.checks input[type=checkbox]").first().check();
  } else {
    await page.locator("#link-search").fill("schappen");
    await page.locator(".hits button:not([disabled])").first().click();
  }
  await page.getByRole("button", { name: "Maak link" }).click();
  const link = await page.locator("#trainer-link").inputValue();
  assert.match(link, /werk\.html#attest\//);
  await check(page, "trainer-link");
  assert.deepEqual(errors, []);
  await context.close();

  // The trainer, on a phone, without an account.
  const trainer = await open(360, 640);
  await trainer.page.goto(`${base}werk.html#attest/${link.split("#attest/")[1]}`);
  await trainer.page.locator("#trainer-name").waitFor();
  await check(trainer.page, "attest");
  await trainer.page.locator("#trainer-name").fill("Sanne de Vries");
  await trainer.page.locator("#trainer-company").fill("Logistiek Tilburg BV");
  await trainer.page.locator("#seen-0").check();
  await trainer.page.locator("label[for=level-0-4]").click();
  await check(trainer.page, "attest-filled");
  await trainer.page.getByRole("button", { name: "Bevestig" }).click();
  await trainer.page.getByText("Het is bevestigd.").waitFor();
  await check(trainer.page, "attest-done");
  // The link works once.
  await trainer.page.reload();
  await trainer.page.getByText("Deze link is al gebruikt.").or(trainer.page.getByText("Deze link werkt niet meer.")).first().waitFor();
  await check(trainer.page, "attest-used");
  assert.deepEqual(trainer.errors, []);
  await trainer.context.close();
});
