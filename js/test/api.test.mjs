// The JS package as a Node user meets it: every export called, with real checks. Runs against the
// built package in VAARDIG_JS_PKG (`cargo xtask js --test` sets it; default target/js-pkg).
// node:test only, no npm dependencies.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(process.env.VAARDIG_JS_PKG ?? join(here, "..", "..", "target", "js-pkg"));
const vaardig = createRequire(import.meta.url)(pkg);
const { Matcher, loadDemoOpenings, loadDemoPeople, demoOpenings, demoProfiles, wasmMemoryBytes } = vaardig;
const taxonomyText = readFileSync(join(pkg, "taxonomy.json"), "utf8");
const taxonomy = JSON.parse(taxonomyText);
const matcher = new Matcher(taxonomy);

const FORKLIFT = { skill: "log.heftruck_rijden" };

/** A young person who drives a forklift, comes on time and did one logistics work process. */
const profile = {
  format: "vaardig.profile",
  version: 1,
  id: "p-heftruck",
  claims: [
    { item: FORKLIFT, level: 3, evidence: "coach" },
    { item: { soft_skill: "soft.op_tijd" }, level: 3 },
    { item: { work_process: "wp.assistent_logistiek.b1_k1_w1" }, level: 3, evidence: "practice" },
  ],
  practical: { max_hours_per_week: 24, home_town: "Tilburg", max_travel_km: 15 },
};

/** An opening asking for the forklift (must), its certificate (must) and punctuality (nice). */
const opening = {
  id: "o-heftruck",
  title: "Heftruckchauffeur",
  route: "ontwikkelbaan",
  hours: { min: 24, max: 32 },
  place: "Tilburg",
  requirements: [
    { item: FORKLIFT, importance: "must", min_level: 3 },
    { item: { certificate: "cert.heftruck" }, importance: "must" },
    { item: { soft_skill: "soft.op_tijd" }, importance: "nice" },
  ],
};

const sum = (list, f) => list.reduce((total, x) => total + f(x), 0);

/** Throws an `Error` whose message matches `pattern`. */
function throwsError(f, pattern) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, `expected an Error, got ${e}`);
    assert.match(e.message, pattern);
    return true;
  });
}

/** Whether the person holds something hard the opening asks: a skill, certificate or work process with known credit. */
const holdsHard = (e) => e.lines.some((l) => l.kind !== "soft_skill" && l.credit !== null && l.credit > 0);

/** The contract's order: holding something hard first, fewer must-haves not known met, higher low, higher high, then id. */
function assertRankedInOrder(entries) {
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1].explanation, entries[i].explanation];
    const key = (e) => [holdsHard(e) ? 0 : 1, e.musts.unmet + e.musts.unknown, -e.score.low, -e.score.high];
    const [ka, kb] = [key(a), key(b)];
    const cmp = ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || ka[3] - kb[3];
    const ids = a.opening === b.opening ? [a.profile, b.profile] : [a.opening, b.opening];
    assert.ok(cmp < 0 || (cmp === 0 && ids[0] <= ids[1]), `entry ${i} out of order`);
  }
}

test("the package exports exactly the documented API", () => {
  const expected = ["Matcher", "demoOpenings", "demoProfiles", "loadDemoOpenings", "loadDemoPeople", "wasmMemoryBytes"];
  assert.deepEqual(Object.keys(vaardig).filter((k) => !k.startsWith("__")).sort(), expected);
  const methods = ["lookup", "explain", "score", "setOpenings", "rankOpenings", "setPeople", "rankPeople", "advise", "progress"];
  for (const name of methods) assert.equal(typeof matcher[name], "function", name);
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.name, "vaardig");
  for (const file of [manifest.main, manifest.types, ...manifest.files]) readFileSync(join(pkg, file));
});

test("a matcher is made from the taxonomy object or its JSON text; a broken one is refused", () => {
  const fromText = new Matcher(taxonomyText);
  assert.deepEqual(fromText.lookup("heftruk", 3), matcher.lookup("heftruk", 3));
  assert.equal(fromText.openingCount, 0);
  assert.equal(fromText.peopleCount, 0);
  throwsError(() => new Matcher({ ...taxonomy, towns: undefined }), /missing field `towns`/);
  const twice = { ...taxonomy, skills: [...taxonomy.skills, taxonomy.skills[0]] };
  throwsError(() => new Matcher(twice), /is used twice/);
  fromText.free();
  assert.throws(() => fromText.lookup("heftruk", 3), "a freed matcher is not used again");
});

test("lookup finds the forklift for 'heftruk', typo and all, within the limit", () => {
  const hits = matcher.lookup("heftruk", 5);
  assert.ok(hits.length > 0 && hits.length <= 5);
  assert.deepEqual(hits[0].item, FORKLIFT);
  assert.ok(hits.every((h) => h.score >= 600 && h.score <= 1000 && ["nl", "en"].includes(h.lang)));
  assert.ok(hits.every((h, i) => i === 0 || hits[i - 1].score >= h.score), "best first");
  assert.equal(matcher.lookup("heftruk", 1).length, 1);
  assert.deepEqual(matcher.lookup("", 5), []);
  assert.deepEqual(matcher.lookup("rybewys", 3)[0].item, { certificate: "cert.rijbewijs_b" });
});

test("explain: one line per requirement, and the lines add up to the score exactly", () => {
  const e = matcher.explain(profile, opening);
  assert.equal(e.profile, "p-heftruck");
  assert.equal(e.opening, "o-heftruck");
  assert.equal(e.lines.length, opening.requirements.length);
  assert.equal(sum(e.lines, (l) => l.contribution.low), e.score.low);
  assert.equal(sum(e.lines, (l) => l.contribution.high), e.score.high);
  assert.deepEqual(e.lines[0].route, { route: "direct" });
  assert.equal(e.lines[0].credit, 1000);
  // The certificate checklist was not answered: unknown, so the score is an interval.
  assert.equal(e.lines[1].credit, null);
  assert.deepEqual(e.lines[1].route, { route: "unknown" });
  assert.ok(e.score.low < e.score.high);
  assert.deepEqual(e.musts, { total: 2, met: 1, unmet: 0, unknown: 1 });
  assert.deepEqual(e.knock_outs, []);
  // On demo data too, for every pair.
  const [profiles, openings] = [demoProfiles(matcher, 5, 3), demoOpenings(matcher, 20, 3)];
  for (const p of profiles) {
    for (const o of openings) {
      const x = matcher.explain(p, o);
      assert.equal(sum(x.lines, (l) => l.contribution.low), x.score.low);
      assert.equal(sum(x.lines, (l) => l.contribution.high), x.score.high);
    }
  }
});

test("score is the explanation's numbers without the lines", () => {
  const s = matcher.score(profile, opening);
  const e = matcher.explain(profile, opening);
  assert.deepEqual(s, {
    profile: "p-heftruck",
    opening: "o-heftruck",
    low: e.score.low,
    high: e.score.high,
    mustsTotal: 2,
    mustsMet: 1,
    mustsUnmet: 0,
    mustsUnknown: 1,
    knockedOut: false,
    isMatch: true,
    fits: e.score.low >= 500,
  });
  const far = matcher.score({ ...profile, practical: { ...profile.practical, max_hours_per_week: 16 } }, opening);
  assert.equal(far.knockedOut, true);
  assert.equal(far.isMatch, false);
  assert.equal(far.fits, false);
});

test("rankOpenings: the pool's best first, at most top, knock-outs apart; the same as explain", () => {
  const openings = demoOpenings(matcher, 200, 5);
  const m = new Matcher(taxonomy);
  throwsError(() => m.rankOpenings(profile, 5), /setOpenings/);
  assert.equal(m.setOpenings(openings), 200);
  assert.equal(m.openingCount, 200);
  const r = m.rankOpenings(profile, 7);
  assert.equal(r.matches.length, 7);
  assert.equal(r.knocked_out.length, 7);
  assert.equal(r.ranked_total + r.knocked_out_total, 200);
  assertRankedInOrder(r.matches);
  assertRankedInOrder(r.knocked_out);
  for (const { index, explanation } of [...r.matches, ...r.knocked_out]) {
    assert.deepEqual(explanation, m.explain(profile, openings[index]));
  }
  assert.ok(r.knocked_out.every((k) => k.explanation.knock_outs.length > 0));
  const all = m.rankOpenings(profile, 7, true);
  assert.equal(all.ranked_total, 200);
  assert.equal(all.knocked_out_total, 0);
  assert.equal(m.rankOpenings(profile, 0).matches.length, 0);
  assert.equal(m.rankOpenings(profile, 1000).matches.length, r.ranked_total);
  assert.equal(m.rankOpenings(profile, -1).matches.length, r.ranked_total, "a careless top is the whole pool");
  // An openings file (the envelope `vaardig demo` writes) works as well.
  assert.equal(m.setOpenings({ format: "vaardig.openings", version: 1, openings: openings.slice(0, 3) }), 3);
  assert.equal(m.openingCount, 3);
});

test("rankPeople: the people pool for one opening, best first, at most top", () => {
  const people = demoProfiles(matcher, 150, 6);
  const m = new Matcher(taxonomy);
  throwsError(() => m.rankPeople(opening, 5), /setPeople/);
  assert.equal(m.setPeople(people), 150);
  assert.equal(m.peopleCount, 150);
  const r = m.rankPeople(opening, 10);
  assert.equal(r.matches.length, 10);
  assert.equal(r.ranked_total + r.knocked_out_total, 150);
  assertRankedInOrder(r.matches);
  for (const { index, explanation } of r.matches) {
    assert.deepEqual(explanation, m.explain(people[index], opening));
  }
  assert.equal(m.rankPeople(opening, 10, true).knocked_out_total, 0);
});

test("advise needs openings, then counts fits the way score does and ranks steps", () => {
  const m = new Matcher(taxonomy);
  throwsError(() => m.advise(profile, 3), /advise needs openings: call setOpenings first/);
  const openings = demoOpenings(matcher, 300, 8).filter((o) => o.sector === "log");
  m.setOpenings([opening, ...openings]);
  const advice = m.advise(profile, 3);
  assert.ok(advice.steps.length <= 3);
  const fits = [opening, ...openings].filter((o) => m.score(profile, o).fits).length;
  assert.equal(advice.fits_now, fits);
  for (const step of advice.steps) {
    assert.ok(step.opens > 0 && step.effort_hours > 0 && step.openings.length > 0);
    assert.ok(["get_certificate", "do_work_process", "raise_skill"].includes(step.action.action));
  }
  // Getting the forklift certificate makes our own opening fit once the checklist is answered.
  const answered = { ...profile, answered: { certificates: true } };
  const steps = m.advise(answered, 50).steps;
  assert.ok(steps.some((s) => s.action.action === "get_certificate" && s.openings.includes("o-heftruck")));
});

test("progress shows the ladder for a work process done at work", () => {
  const list = matcher.progress(profile);
  const q = list.find((p) => p.qualification === "q.assistent_logistiek");
  assert.ok(q, "the qualification of the claimed work process is listed");
  assert.ok(q.done >= 1 && q.done <= q.total);
  assert.equal(q.ladder, "praktijkverklaring");
  assert.deepEqual(q.processes.find((p) => p.work_process === "wp.assistent_logistiek.b1_k1_w1").status, {
    status: "done",
    evidence: "practice",
  });
  assert.deepEqual(matcher.progress({ format: "vaardig.profile", version: 1, id: "empty" }), []);
});

test("bad input throws an Error that names the field, and the matcher keeps working", () => {
  const m = new Matcher(taxonomy);
  m.setOpenings([opening]);
  const bad = (claims) => ({ format: "vaardig.profile", version: 1, id: "x", claims });
  throwsError(
    () => m.explain(bad([{ item: { skill: "log.vliegen" }, level: 2 }]), opening),
    /^profile: field `claims\[0\]\.item`: unknown skill "log\.vliegen": not in the taxonomy$/,
  );
  throwsError(() => m.explain(bad([{ item: FORKLIFT, level: 7 }]), opening), /claims\[0\]\.level.*level must be 1, 2, 3 or 4/);
  throwsError(() => m.explain(bad([{ item: FORKLIFT, level: 2, extra: 1 }]), opening), /field `claims\[0\]\.extra`: unknown field `extra`/);
  throwsError(() => m.explain(bad([{ item: FORKLIFT }]), opening), /field `claims\[0\]\.level`: missing field `level`/);
  throwsError(() => m.explain({ ...profile, version: 2 }, opening), /field `version`: version 2 is not supported/);
  throwsError(() => m.explain(undefined, opening), /^profile: expected a JSON-compatible value, found undefined$/);
  throwsError(() => m.explain({ ...profile, id: 1n }, opening), /^profile: .*BigInt/);
  throwsError(() => m.score(profile, { ...opening, hours: { min: 30, max: 20 } }), /^opening: field `hours`: hours must satisfy/);
  throwsError(() => m.rankOpenings("not a profile", 5), /^profile: /);
  throwsError(() => m.rankPeople(opening.id, 5), /setPeople/);
  throwsError(() => m.setOpenings([opening, opening]), /field `openings\[1\]\.id`: opening id "o-heftruck" is used twice/);
  throwsError(
    () => m.setOpenings([opening, { ...opening, id: "o-2", requirements: [{ item: { skill: "x" }, importance: "must" }] }]),
    /openings\[1\]\.requirements\[0\]\.item/,
  );
  throwsError(() => m.setPeople([profile, { ...profile, id: "p-2", wishes: { sectors: ["maan"] } }]), /field `profiles\[1\]\.wishes\.sectors\[0\]`: unknown sector "maan"/);
  throwsError(() => m.setPeople([profile, profile]), /profiles\[1\]\.id.*used twice/);
  throwsError(() => m.setPeople([{ ...profile, format: "vaardig.openings" }]), /profiles\[0\]\.format/);
  throwsError(() => m.setPeople({}), /^profiles: /);
  // Nothing of that reached the pools.
  assert.equal(m.openingCount, 1);
  assert.equal(m.peopleCount, 0);
  assert.equal(m.rankOpenings(profile, 5).matches[0].explanation.opening, "o-heftruck");
  assert.equal(m.explain(profile, opening).lines.length, 3);
});

test("the demo loaders fill the pools with the same data the demo sets show", () => {
  const m = new Matcher(taxonomy);
  assert.equal(loadDemoOpenings(m, 300, 42), 300);
  assert.equal(m.openingCount, 300);
  assert.equal(loadDemoPeople(m, 120, 42), 120);
  assert.equal(m.peopleCount, 120);
  const openings = demoOpenings(m, 300, 42);
  const people = demoProfiles(m, 120, 42);
  assert.equal(openings.length, 300);
  assert.equal(people.length, 120);
  assert.ok(openings.every((o) => o.synthetic && o.requirements.length >= 8 && o.requirements.length <= 15));
  assert.equal(openings[0].id, "o-000001");
  assert.deepEqual(demoOpenings(m, 300, 42), openings, "the same seed gives the same data");
  assert.notDeepEqual(demoOpenings(m, 300, 43), openings);
  const viaJson = new Matcher(taxonomy);
  viaJson.setOpenings(openings);
  viaJson.setPeople(people);
  const p = people[7];
  assert.deepEqual(m.rankOpenings(p, 10), viaJson.rankOpenings(p, 10));
  assert.deepEqual(m.rankPeople(openings[3], 10), viaJson.rankPeople(openings[3], 10));
  assert.equal(loadDemoOpenings(m, 0, 1), 0);
  assert.equal(m.openingCount, 0);
  throwsError(() => loadDemoOpenings(m, -1, 42), /count must be a whole number from 0 to 1000000, not -1/);
  throwsError(() => loadDemoPeople(m, 1.5, 42), /count must be a whole number/);
  throwsError(() => demoOpenings(m, 2, -3), /seed must be a whole number/);
  throwsError(() => demoProfiles(m, 2, Number.NaN), /seed must be a whole number/);
  const bytes = wasmMemoryBytes();
  assert.ok(bytes > 0 && bytes % 65536 === 0, `${bytes} bytes of Wasm memory`);
});

/** Interfaces of vaardig.d.ts: name → { field → optional }. */
function declaredInterfaces() {
  const dts = readFileSync(join(pkg, "vaardig.d.ts"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const out = {};
  for (const [, name, body] of dts.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    out[name] = Object.fromEntries([...body.matchAll(/(\w+)(\??):/g)].map(([, field, optional]) => [field, optional === "?"]));
  }
  return out;
}

test("the TypeScript interfaces name exactly the fields the objects have", () => {
  const types = declaredInterfaces();
  const check = (name, value) => {
    const fields = types[name];
    assert.ok(fields, `vaardig.d.ts declares ${name}`);
    for (const key of Object.keys(value)) assert.ok(key in fields, `${name}.${key} is declared`);
    for (const [key, optional] of Object.entries(fields)) {
      if (!optional) assert.ok(key in value, `${name}.${key} is present`);
    }
  };
  const m = new Matcher(taxonomy);
  m.setOpenings([opening, ...demoOpenings(m, 100, 9)]);
  m.setPeople(demoProfiles(m, 30, 9));
  const e = m.explain(profile, opening);
  check("Explanation", e);
  check("Interval", e.score);
  check("SubScores", e.sub_scores);
  check("MustCount", e.musts);
  check("WishFit", e.wish_fit);
  e.lines.forEach((l) => check("Line", l));
  check("ScoreSummary", m.score(profile, opening));
  const ranking = m.rankOpenings(profile, 5);
  check("Ranking", ranking);
  check("Ranked", ranking.matches[0]);
  check("Ranking", m.rankPeople(opening, 5));
  m.lookup("heftruk", 3).forEach((h) => check("Hit", h));
  const advice = m.advise({ ...profile, answered: { certificates: true } }, 3);
  check("Advice", advice);
  advice.steps.forEach((s) => check("Step", s));
  const [progress] = m.progress(profile);
  check("Progress", progress);
  progress.processes.forEach((p) => check("ProcessStatus", p));
  const [p] = demoProfiles(m, 1, 1);
  check("Profile", p);
  p.claims.forEach((c) => check("Claim", c));
  check("Practical", p.practical);
  check("Wishes", p.wishes);
  check("Answered", p.answered);
  const [o] = demoOpenings(m, 1, 1);
  check("Opening", o);
  check("Hours", o.hours);
  o.requirements.forEach((r) => check("Requirement", r));
  check("TaxonomyData", taxonomy);
  check("Sector", taxonomy.sectors[0]);
  check("Skill", taxonomy.skills.find((s) => s.esco) ?? taxonomy.skills[0]);
  check("SoftSkill", taxonomy.soft_skills[0]);
  check("Certificate", taxonomy.certificates[0]);
  check("Qualification", taxonomy.qualifications[0]);
  check("CoreTask", taxonomy.qualifications[0].core_tasks[0]);
  check("WorkProcess", taxonomy.qualifications[0].core_tasks[0].work_processes[0]);
  check("Town", taxonomy.towns[0]);
  check("Labels", taxonomy.skills[0].labels);
  check("Text", taxonomy.sectors[0].label);
  // The class and the functions carry the types, not `any`.
  const dts = readFileSync(join(pkg, "vaardig.d.ts"), "utf8");
  for (const signature of [
    "constructor(taxonomy: TaxonomyData | string)",
    "lookup(query: string, limit: number): Hit[]",
    "explain(profile: Profile, opening: Opening): Explanation",
    "score(profile: Profile, opening: Opening): ScoreSummary",
    "setOpenings(openings: Opening[] | OpeningSet): number",
    "rankOpenings(profile: Profile, top: number, includeKnockedOut?: boolean | null): Ranking",
    "setPeople(profiles: Profile[]): number",
    "rankPeople(opening: Opening, top: number, includeKnockedOut?: boolean | null): Ranking",
    "advise(profile: Profile, maxSteps: number): Advice",
    "progress(profile: Profile): Progress[]",
    "readonly openingCount: number",
    "readonly peopleCount: number",
    "demoOpenings(matcher: Matcher, count: number, seed: number): Opening[]",
    "loadDemoPeople(matcher: Matcher, count: number, seed: number): number",
  ]) {
    assert.ok(dts.includes(signature), `vaardig.d.ts has ${signature}`);
  }
  assert.ok(!/\bany\b/.test(dts.replace(/\/\*[\s\S]*?\*\//g, "")), "no `any` in vaardig.d.ts");
});

test("the README example runs as written against the installed package", () => {
  const readme = readFileSync(join(pkg, "README.md"), "utf8");
  const example = readme.match(/```js\n([\s\S]*?)```/)[1];
  const dir = mkdtempSync(join(tmpdir(), "vaardig-readme-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(pkg, join(dir, "node_modules", "vaardig"), "dir");
    writeFileSync(join(dir, "example.js"), example);
    const out = execFileSync(process.execPath, [join(dir, "example.js")], {
      cwd: dir,
      encoding: "utf8",
    });
    assert.match(out, /log\.heftruck_rijden/);
    assert.match(out, /must-haves/);
    assert.match(out, /o-\d{6}/, "the ranking printed demo openings");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
