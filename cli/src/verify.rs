//! `vaardig verify FILE`: checks a workplace credential of a Vaardig pool (an Open Badges 3.0
//! credential as a compact JWS, `typ: vc+jwt`, `alg: EdDSA`) offline, for a jobhunter or a school:
//! the signature against the issuer's key from its DID document (`--did FILE`, or `did_document` in
//! an exported file), the dates, and what it proves, in plain words (nl, or en).
//!
//! FILE holds the JWS itself, or JSON with `credential` (the JWS) and optionally `did_document`.
//! Revocation cannot be checked offline: the answer names the status list to look at.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey};
use matching_core::{Date, Lang};
use serde_json::Value;

/// The texts `verify` prints: (key, nl, en). Short sentences, "je".
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("ok", "Dit bewijs klopt.", "This proof is valid."),
    (
        "what",
        "{trainer} van {company} zag dit op het werk: {title}, op niveau {level} van 4.",
        "{trainer} of {company} saw this at work: {title}, at level {level} of 4.",
    ),
    (
        "issuer",
        "Het is uitgegeven door {issuer} op {from}. Het geldt tot {until}.",
        "It was issued by {issuer} on {from}. It is valid until {until}.",
    ),
    (
        "status",
        "Of het is ingetrokken, zie je online op {url}.",
        "Whether it was withdrawn, you can see online at {url}.",
    ),
    (
        "bad_form",
        "Dit is geen bewijs van Vaardig. We kunnen het niet lezen.",
        "This is not a Vaardig proof. We cannot read it.",
    ),
    (
        "need_did",
        "We kunnen de handtekening niet controleren. Geef het DID-document van {issuer} mee met --did BESTAND.",
        "We cannot check the signature. Give the DID document of {issuer} with --did FILE.",
    ),
    (
        "other_issuer",
        "Het DID-document is van {did}. Het bewijs is van {issuer}. Die moeten hetzelfde zijn.",
        "The DID document is from {did}. The proof is from {issuer}. They must be the same.",
    ),
    (
        "no_key",
        "De sleutel {kid} staat niet in het DID-document. We kunnen het bewijs niet controleren.",
        "The key {kid} is not in the DID document. We cannot check the proof.",
    ),
    (
        "bad_signature",
        "Dit bewijs klopt niet. De handtekening past niet bij wat erin staat. Misschien is er iets veranderd.",
        "This proof is not valid. The signature does not fit what it says. Something may have been changed.",
    ),
    (
        "not_yet",
        "Dit bewijs geldt nog niet. Het geldt vanaf {from}.",
        "This proof is not valid yet. It is valid from {from}.",
    ),
    (
        "expired",
        "Dit bewijs is verlopen op {until}. Vraag om een nieuw bewijs.",
        "This proof expired on {until}. Ask for a new one.",
    ),
];

fn t(key: &str, lang: Lang, values: &[(&str, &str)]) -> String {
    let (_, nl, en) = TEXTS.iter().find(|(k, _, _)| *k == key).expect("every key is in TEXTS");
    let mut text = if lang == Lang::En { en.to_string() } else { nl.to_string() };
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// What a check found: the lines to print, and whether the credential holds.
pub struct Outcome {
    /// True when the signature, the issuer and the dates hold.
    pub valid: bool,
    /// Plain sentences.
    pub lines: Vec<String>,
}

fn refused(key: &str, lang: Lang, values: &[(&str, &str)]) -> Outcome {
    Outcome { valid: false, lines: vec![t(key, lang, values)] }
}

fn b64_json(part: &str) -> Option<Value> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok()
}

/// Seconds of an RFC 3339 UTC time `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
fn seconds(text: &str) -> Option<i64> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let day = Date::parse(date)?.day_number();
    let time = time.split('.').next()?;
    let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
    Some(day * 86_400 + h * 3600 + m * 60 + s)
}

fn day(text: &str) -> &str {
    text.split('T').next().unwrap_or(text)
}

/// Checks `file` (its text) with the DID document `did` at time `now` (Unix seconds).
pub fn check(file: &str, did: Option<&Value>, now: i64, lang: Lang) -> Outcome {
    let trimmed = file.trim();
    let (jws, bundled) = match serde_json::from_str::<Value>(trimmed) {
        Ok(Value::Object(o)) => {
            (o.get("credential").and_then(Value::as_str).unwrap_or("").to_string(), o.get("did_document").cloned())
        }
        Ok(Value::String(s)) => (s, None),
        _ => (trimmed.to_string(), None),
    };
    let did = did.cloned().or(bundled);
    let parts: Vec<&str> = jws.split('.').collect();
    let (Some(header), Some(vc)) = (parts.first().and_then(|h| b64_json(h)), parts.get(1).and_then(|p| b64_json(p)))
    else {
        return refused("bad_form", lang, &[]);
    };
    if parts.len() != 3 || header["alg"] != "EdDSA" || header["typ"] != "vc+jwt" {
        return refused("bad_form", lang, &[]);
    }
    let issuer = vc["issuer"]["id"].as_str().or(vc["issuer"].as_str()).unwrap_or_default().to_string();
    let Some(did) = did else { return refused("need_did", lang, &[("issuer", &issuer)]) };
    let did_id = did["id"].as_str().unwrap_or_default();
    if did_id != issuer {
        return refused("other_issuer", lang, &[("did", did_id), ("issuer", &issuer)]);
    }
    let kid = header["kid"].as_str().unwrap_or_default();
    let key = did["verificationMethod"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["id"] == kid && kid.starts_with(&format!("{did_id}#")))
        .filter(|m| m["publicKeyJwk"]["kty"] == "OKP" && m["publicKeyJwk"]["crv"] == "Ed25519")
        .find_map(|m| URL_SAFE_NO_PAD.decode(m["publicKeyJwk"]["x"].as_str()?).ok())
        .and_then(|x| VerifyingKey::from_bytes(&x.try_into().ok()?).ok());
    let Some(key) = key else { return refused("no_key", lang, &[("kid", kid)]) };
    let signature = URL_SAFE_NO_PAD.decode(parts[2]).ok().and_then(|s| Signature::from_slice(&s).ok());
    let signed = format!("{}.{}", parts[0], parts[1]);
    if signature.is_none_or(|s| key.verify_strict(signed.as_bytes(), &s).is_err()) {
        return refused("bad_signature", lang, &[]);
    }
    let (from, until) = (vc["validFrom"].as_str().unwrap_or_default(), vc["validUntil"].as_str().unwrap_or_default());
    match (seconds(from), seconds(until)) {
        (Some(f), _) if now < f => return refused("not_yet", lang, &[("from", day(from))]),
        (_, Some(u)) if now > u => return refused("expired", lang, &[("until", day(until))]),
        (Some(_), Some(_)) => {}
        _ => return refused("bad_form", lang, &[]),
    }
    let subject = &vc["credentialSubject"];
    let achievement = &subject["achievement"];
    let text = |v: &Value| v.as_str().unwrap_or("?").to_string();
    let what = [
        ("trainer", text(&vc["evidence"][0]["name"])),
        ("company", text(&vc["evidence"][0]["description"])),
        // The code only where the credential gives one (SBB's); ours are never shown.
        (
            "title",
            match achievement["humanCode"].as_str() {
                Some(code) => format!("{} ({code})", text(&achievement["name"])),
                None => text(&achievement["name"]),
            },
        ),
        ("level", text(&subject["result"][0]["value"])),
    ];
    let what: Vec<(&str, &str)> = what.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let issuer_name = format!("{} ({issuer})", vc["issuer"]["name"].as_str().unwrap_or("?"));
    let mut lines = vec![
        t("ok", lang, &[]),
        t("what", lang, &what),
        t("issuer", lang, &[("issuer", &issuer_name), ("from", day(from)), ("until", day(until))]),
    ];
    if let Some(url) = vc["credentialStatus"]["statusListCredential"].as_str() {
        lines.push(t("status", lang, &[("url", url)]));
    }
    Outcome { valid: true, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages_and_the_same_placeholders() {
        for (key, nl, en) in TEXTS {
            assert!(!nl.is_empty() && !en.is_empty(), "{key}");
            let names = |s: &str| -> Vec<String> {
                let mut v: Vec<String> =
                    s.split('{').skip(1).filter_map(|p| p.split('}').next()).map(String::from).collect();
                v.sort();
                v
            };
            assert_eq!(names(nl), names(en), "{key}");
        }
    }

    #[test]
    fn garbage_is_not_a_proof() {
        for input in ["", "abc", "a.b.c", "{\"credential\": 7}", "[1]"] {
            let outcome = check(input, None, 0, Lang::Nl);
            assert!(!outcome.valid);
            assert_eq!(outcome.lines, vec![t("bad_form", Lang::Nl, &[])], "{input}");
        }
    }
}
