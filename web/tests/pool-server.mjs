// What the browser tests share: a demo pool server of their own (a temporary database, a free
// loopback port, the built dist/), Debian's headless Chromium, and the axe-core and keyboard checks.
// Needs VAARDIG_SERVER_BIN (the vaardig-server binary) and VAARDIG_DIST (a built dist/).
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const DIST = process.env.VAARDIG_DIST ?? path.resolve("../../dist");
export const SERVER = process.env.VAARDIG_SERVER_BIN ?? path.resolve("../../target/debug/vaardig-server");
export const SHOTS = process.env.VAARDIG_SCREENSHOTS ?? path.resolve("../../target/screenshots");

async function freePort() {
  return await new Promise((ok, fail) => {
    const s = net.createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts `vaardig-server serve --demo` on a fresh database; returns its base URL and a stop(). */
export async function startPoolServer(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vaardig-${name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn(SERVER, ["serve", "--demo", "--dist", DIST, "--db", path.join(dir, "pool.sqlite"), "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout.on("data", (d) => { log += d; });
  server.stderr.on("data", (d) => { log += d; });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}api/health`)).ok) break;
    } catch { /* not up yet */ }
    assert.ok(i < 300 && server.exitCode === null, `the server did not start:\n${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const stop = () => {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { base, stop };
}

/** Debian's Chromium, headless, started the way the project's notes say works here. */
export async function launchChromium() {
  return await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Sets the origin's local storage to `items` (key → text) from a page that does not run the app,
 * so no app page can write between this and the next page the test opens. */
export async function seedStorage(page, base, items) {
  await page.goto(`${base}manifest.webmanifest`);
  await page.evaluate((items) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, items);
}

/** axe-core on the page as it is now: no serious or critical violations. */
export async function assertAxeClean(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], `axe on ${name}`);
}

/** Keyboard: every visible control (native, or with a button role) takes focus and none is taken
 * out of the Tab order. */
export async function assertKeyboardReachable(page, name) {
  const unreachable = await page.evaluate(() => {
    const before = document.activeElement;
    const controls = [...document.querySelectorAll("button, a[href], input, select, textarea, summary, [role=button]")]
      .filter((e) => e.checkVisibility({ visibilityProperty: true }) && !e.disabled && !e.closest("[inert]"))
      .reverse();
    const missed = controls
      .filter((e) => {
        e.focus();
        return document.activeElement !== e || e.tabIndex < 0;
      })
      .map((e) => e.outerHTML.slice(0, 70));
    // Leave the focus where the person had it (at the top when nothing was focused), so the test's
    // own Tab presses go on from there.
    if (before && before !== document.body) before.focus();
    else document.activeElement?.blur();
    return missed;
  });
  assert.deepEqual(unreachable, [], `keyboard on ${name}`);
}
