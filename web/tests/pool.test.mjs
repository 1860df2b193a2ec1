// The whole pool story of issue 7 (item 5), end to end through the UIs, as new users would try it,
// each person in their own browser context against one real pool server in demo mode:
// a young person (phone) fills a small profile in the app and on delen.html publishes only skills
// and availability to Midden-Brabant; the demo employer (laptop) creates an opening on werk.html
// with a forklift must-have, finds the young person in the ranking by the pseudonym their page
// shows, sees nothing unpublished, asks for contact; the young person accepts with a phone number;
// the employer sees it; the young person withdraws and is gone from the employer's list; and a
// jobhunter's what-if shows a rank change. Screens to target/screenshots/pool-NN-*.png, each
// checked with axe-core (no serious or critical violations).
//
// Needs VAARDIG_SERVER_BIN (the vaardig-server binary) and VAARDIG_DIST (dist/ as
// `cargo xtask dist` builds it); optionally VAARDIG_SCREENSHOTS and CHROMIUM.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, SHOTS, assertAxeClean, launchChromium, startPoolServer } from "./pool-server.mjs";

const EMPLOYER = ["werkgever@demo.vaardig.nl", "demo-werkgever-2026"];
const JOBHUNTER = ["jobhunter@demo.vaardig.nl", "demo-jobhunter-2026"];
// The young person lives here; the opening is in Tilburg, so the town is never on the employer's
// screens unless it leaked.
const HOME_TOWN = "Oisterwijk";
const PHONE = "06 98765432";

let base, browser, stopServer;
let shotNumber = 0;

before(async () => {
  for (const f of ["index.html", "delen.html", "werk.html"]) assert.ok(fs.existsSync(path.join(DIST, f)), `${DIST} has no ${f}: run cargo xtask dist`);
  ({ base, stop: stopServer } = await startPoolServer("pool"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  stopServer?.();
});

/** A person in their own browser context. */
async function person(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: "nl-NL" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Screenshot, then axe-core: no serious or critical violations on this screen. */
async function check(page, name) {
  shotNumber += 1;
  await page.screenshot({ path: path.join(SHOTS, `pool-${String(shotNumber).padStart(2, "0")}-${name}.png`), fullPage: true });
  await assertAxeClean(page, name);
}

async function title(page) {
  return (await page.locator("#screen-title").textContent()).trim();
}

async function login(page, [email, password]) {
  await page.goto(`${base}werk.html#login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("button[type=submit]").click();
  await page.locator(".werk-nav").waitFor();
}

/** The Dutch name of a soft skill, certificate or work process, from the taxonomy file in dist/. */
const taxonomy = () => JSON.parse(fs.readFileSync(path.join(DIST, "taxonomy.json"), "utf8"));
function dutchName(tax, item) {
  if (item.soft_skill) return tax[2].find((s) => s[0] === item.soft_skill)[3];
  if (item.certificate) return tax[3].find((c) => c[0] === item.certificate)[1];
  if (item.work_process) {
    // Qualifications → core tasks → work processes: [id, code, Dutch name, ...].
    const find = (x) => {
      if (!Array.isArray(x)) return null;
      if (x[0] === item.work_process) return x[2];
      for (const y of x) { const n = find(y); if (n) return n; }
      return null;
    };
    return find(tax[4]);
  }
  throw new Error(`no name for ${JSON.stringify(item)}`);
}

/**
 * On the opening's candidates screen: page through the ranking until `who` shows, and return
 * their list item (or null when they are on no page). Starts from the first page.
 */
async function findInRanking(page, openingHref, who) {
  await page.goto(`${base}werk.html${openingHref}`);
  await page.locator("#candidates").waitFor();
  const pager = page.locator(".pager span");
  await pager.waitFor();
  for (;;) {
    const item = page.locator(".matches .match", { has: page.locator("h3", { hasText: new RegExp(`^\\d+\\. ${who}$`) }) });
    if (await item.count()) return item;
    const next = page.locator(".pager").getByRole("button", { name: "Volgende" });
    if (!(await next.count())) return null;
    const shown = await pager.textContent();
    await next.click();
    await page.waitForFunction((s) => {
      const p = document.querySelector(".pager span");
      return p && p.textContent !== s;
    }, shown);
    await page.locator(".matches .match").first().waitFor();
  }
}

test("the pool story: publish skills and availability, found by an employer, contact, withdraw", async () => {
  // 1. The young person, on a phone: a small profile in the app.
  const young = await person(360, 640);
  let page = young.page;
  await page.goto(base);
  await page.locator("#screen-title", { hasText: "Wat kun jij?" }).waitFor();
  await page.getByRole("button", { name: "Begin →" }).click();
  for (let i = 0; i < 4; i++) {
    await page.locator(".answers").waitFor();
    await page.locator("button.answer").nth(2).click();
  }
  await page.getByRole("button", { name: "Genoeg vragen, ga verder" }).click();
  assert.equal(await title(page), "Wat kun je al?");
  await page.getByLabel("Zoek wat je kunt, bijvoorbeeld heftruck").fill("heftruk");
  await page.locator("ul.hits").getByRole("button", { name: "+ heftruck rijden" }).click();
  await page.locator("ul.hits").getByRole("button", { name: "✓ heftruck rijden" }).waitFor();
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Welke papieren heb je?");
  await page.getByLabel("VCA-basis", { exact: true }).check();
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Wat heb je al gedaan op je werk?");
  await page.locator(".wp select").first().selectOption("self");
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Hoeveel uur per week kun je werken?");
  await page.locator("#number").fill("32");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByLabel("Overdag").check();
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByLabel("Je woonplaats").fill(HOME_TOWN);
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.locator("#number").fill("25");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Werk dat bij je past");
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.state")));
  const claims = saved.profile.claims;
  assert.ok(claims.some((c) => c.item.skill === "log.heftruck_rijden"), "the forklift skill");
  assert.ok(claims.some((c) => c.item.certificate === "cert.vca_basis"), "VCA");
  assert.ok(claims.some((c) => c.item.work_process), "a work process");
  assert.ok(claims.filter((c) => c.item.soft_skill).length >= 3, "some soft skills");
  assert.equal(saved.profile.practical.home_town, HOME_TOWN);
  assert.equal(saved.profile.practical.max_hours_per_week, 32);
  const tax = taxonomy();
  const unpublished = claims.filter((c) => !c.item.skill).map((c) => dutchName(tax, c.item));
  assert.ok(unpublished.every((n) => typeof n === "string" && n.length > 3), `names: ${unpublished}`);
  await check(page, "app-results");

  // On delen.html: skills and availability only, to Midden-Brabant.
  await page.goto(`${base}delen.html`);
  await page.locator("#screen-title", { hasText: "Delen met werkgevers" }).waitFor();
  await page.getByRole("button", { name: "Kies wat je deelt →" }).click();
  assert.equal(await title(page), "Wat mogen werkgevers zien?");
  await page.getByLabel(/Wat je kunt/).check();
  await page.getByLabel(/Uren en wanneer je kunt/).check();
  const ticked = await page.locator("input[type=checkbox]").evaluateAll((boxes) => boxes.filter((b) => b.checked).length);
  assert.equal(ticked, 2, "only the two parts are ticked");
  await check(page, "delen-parts");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Midden-Brabant" }).click();
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Tot wanneer mogen werkgevers je zien?");
  await page.getByRole("button", { name: "Verder →" }).click();
  await page.getByRole("button", { name: "Nee, liever niet" }).click();
  await page.getByRole("button", { name: "Verder →" }).click();
  assert.equal(await title(page), "Klopt dit?");
  await check(page, "delen-check");
  await page.getByRole("button", { name: "Ja, deel dit" }).click();
  await page.locator("#screen-title", { hasText: "Je profiel staat online" }).waitFor();
  const seen = page.getByText(/Werkgevers in Midden-Brabant zien je als .+\./);
  await seen.waitFor();
  const who = (await seen.textContent()).match(/zien je als (.+)\.$/)[1];
  assert.match(who, /^Kandidaat [0-9A-Z]{4}$/, "a pseudonym, no name");
  const fields = JSON.parse(await page.evaluate(() => localStorage.getItem("vaardig.pool"))).published.fields;
  assert.deepEqual(fields, { skills: true, soft_skills: false, certificates: false, work_processes: false, availability: true, region: false });
  await check(page, "delen-online");

  // 2. The employer, on a laptop: an opening with the forklift as a must-have.
  const employer = await person(1280, 800);
  const ep = employer.page;
  await login(ep, EMPLOYER);
  await ep.locator(".werk-nav a", { hasText: "Nieuwe vacature" }).click();
  await ep.locator("#title").fill("Heftruckchauffeur magazijn");
  await ep.locator("#place").fill("Tilburg");
  await ep.locator("#req-search").fill("heftruk");
  await ep.locator(".hits button", { hasText: "heftruck rijden" }).first().click();
  await ep.locator(".reqs .req", { hasText: "heftruck rijden" }).waitFor();
  assert.equal(await ep.locator(".reqs .req select").first().inputValue(), "must");
  await ep.locator(".preview", { hasText: "kandidaten in de regio passen" }).waitFor();
  await check(ep, "employer-opening-form");
  await ep.getByRole("button", { name: "Bewaar en bekijk kandidaten" }).click();
  await ep.locator(".matches .match").first().waitFor();
  const openingHref = new URL(ep.url()).hash;
  assert.match(openingHref, /^#opening\//);

  // The young person is in the ranking, under the pseudonym their page showed.
  const item = await findInRanking(ep, openingHref, who);
  assert.ok(item, `${who} is in the employer's ranking`);
  await item.scrollIntoViewIfNeeded();
  const listed = await item.textContent();
  assert.match(listed, /1 van de 1 moet-eisen/);
  assert.match(listed, /heftruck rijden \(moet\): heeft niveau \d, gevraagd 2/);
  for (const name of [...unpublished, HOME_TOWN]) assert.ok(!listed.includes(name), `the list shows no ${name}`);
  await check(ep, "employer-ranking");

  // The candidate's detail: the forklift and availability, nothing else.
  await item.getByRole("link", { name: `Bekijk kandidaat: ${who}` }).click();
  await ep.locator("#screen-title", { hasText: who }).waitFor();
  await ep.locator("h2", { hasText: "Wat de kandidaat deelt" }).waitFor();
  const shared = ep.locator("h2:text-is('Wat de kandidaat deelt') + ul.lines > li");
  assert.deepEqual((await shared.allTextContents()).map((t) => t.split(" · ")[0]), ["heftruck rijden"], "only the published skill");
  await ep.locator("h2", { hasText: "Beschikbaar" }).waitFor();
  await ep.getByText("Hooguit 32 uur per week").waitFor();
  const detail = await ep.locator("main").textContent();
  for (const name of [...unpublished, HOME_TOWN]) assert.ok(!detail.includes(name), `the detail shows no ${name}`);
  assert.ok(!detail.includes("Woont in"), "no home town line");
  await ep.locator("#message").fill("Hoi! We zoeken een heftruckchauffeur in Tilburg. Zin om kennis te maken?");
  await check(ep, "employer-candidate");

  // 3. Contact: asked, accepted with a phone number, seen by the employer.
  await ep.getByRole("button", { name: "Verstuur verzoek" }).click();
  await ep.getByText("Verzoek verstuurd.").waitFor();
  await ep.locator(".werk-nav a", { hasText: "Contactverzoeken" }).click();
  const request = ep.locator(".cards .match", { has: ep.locator("h2", { hasText: who }) });
  await request.getByText("Wacht op antwoord").waitFor();

  await page.goto(`${base}delen.html`);
  await page.getByText("Je hebt 1 nieuwe vraag.").waitFor();
  await page.getByRole("button", { name: "Bekijk vragen" }).click();
  await page.getByText("Bericht: Hoi! We zoeken een heftruckchauffeur in Tilburg. Zin om kennis te maken?").waitFor();
  await page.getByText("Over: Heftruckchauffeur magazijn").waitFor();
  await check(page, "young-request");
  await page.getByRole("button", { name: "Ja, geef mijn gegevens" }).click();
  assert.match(await title(page), /^Wat mag .+ weten\?$/);
  await page.getByLabel("Je telefoonnummer").fill(PHONE);
  await check(page, "young-answer");
  await page.getByRole("button", { name: "Stuur" }).click();
  await page.getByText("Je hebt ja gezegd.").waitFor();

  await ep.reload();
  await request.getByText("Ja: hier zijn de gegevens").waitFor();
  const phone = request.locator("dl.contact a[href^='tel:']");
  assert.equal((await phone.textContent()).trim(), PHONE);
  assert.equal(await request.locator("dl.contact dt").count(), 1, "only the phone number was given");
  await check(ep, "employer-contacts");

  // 4. One tap (and a confirm) takes it all away; the employer's list no longer has them.
  await page.getByRole("button", { name: "← Terug" }).click();
  await page.getByRole("button", { name: "Haal alles weg" }).click();
  await page.getByRole("button", { name: "Ja, haal alles weg" }).click();
  await page.locator("#screen-title", { hasText: "Alles is verwijderd" }).waitFor();
  await check(page, "young-gone");
  assert.equal(await findInRanking(ep, openingHref, who), null, `${who} is gone from the ranking`);
  await ep.locator(".werk-nav a", { hasText: "Contactverzoeken" }).click();
  await ep.locator("#screen-title", { hasText: "Contactverzoeken" }).waitFor();
  await ep.locator("main ul.cards").waitFor({ state: "attached" });
  assert.equal(await ep.locator(".cards .match h2", { hasText: who }).count(), 0, "the request went with them");

  assert.deepEqual(young.errors, []);
  assert.deepEqual(employer.errors, []);
  await young.context.close();
  await employer.context.close();
});

test("a jobhunter's what-if moves a candidate up for some openings", async () => {
  const hunter = await person(1280, 800);
  const page = hunter.page;
  await login(page, JOBHUNTER);
  await page.locator("#screen-title", { hasText: "Pool van je regio" }).waitFor();
  await page.locator("#pool-candidates ~ ul .match").first().waitFor();
  const whatIfs = await page.locator("#pool-candidates ~ ul .match a", { hasText: "Wat als" }).evaluateAll((links) => links.slice(0, 10).map((a) => a.getAttribute("href")));
  assert.ok(whatIfs.length > 0, "what-if links in the pool");
  // Add a forklift certificate; a candidate who has it already sees no change, so try the next.
  let moved = null;
  for (const href of whatIfs) {
    await page.goto(`${base}werk.html${href}`);
    await page.locator("#whatif-search").fill("heftruckcertificaat");
    await page.locator(".hits button").first().click();
    await page.getByRole("button", { name: "Bereken" }).click();
    await page.getByText(/Past nu bij \d+ vacatures, daarna bij \d+\./).waitFor();
    const differences = await page.locator("table tbody tr td:nth-child(4)").allTextContents();
    moved = differences.find((d) => /plekken (hoger|lager)|nieuw in de lijst/.test(d));
    if (moved) break;
  }
  assert.ok(moved, "the what-if changes a rank for one of the candidates");
  await check(page, "jobhunter-what-if");
  assert.deepEqual(hunter.errors, []);
  await hunter.context.close();
});
