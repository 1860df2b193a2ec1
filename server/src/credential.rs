//! Workplace evidence anyone can check: a confirmed work process becomes an Open Badges 3.0
//! credential (W3C Verifiable Credentials Data Model 2.0), secured as a compact JWS with the
//! pool's Ed25519 key ("Securing Verifiable Credentials using JOSE and COSE": `typ: vc+jwt`,
//! the credential itself is the payload). It names the publication it was made for
//! (`credentialSubject.id`), the trainer and the learning company (`evidence`), carries
//! `validFrom`/`validUntil` and a `BitstringStatusListEntry`; the pool serves the status list at
//! `/api/status/{list}` and its DID document at `/.well-known/did.json`.
//!
//! The server checks a credential the device sends back with [`check`]: its own signature, this
//! publication, the dates, and that it is not revoked. Withdrawal and expiry revoke: the status
//! row loses its candidate (`ON DELETE SET NULL`), and a row without a candidate reads as revoked.

use crate::db::now;
use crate::keys::KeyRing;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::Signature;
use matching_core::{Date, Level};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

/// The JWS `typ` of a credential (VC-JOSE-COSE, section 3.1.1).
pub const TYP: &str = "vc+jwt";

/// The VC 2.0 context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";

/// The Open Badges 3.0 context (the version the committed JSON Schema names).
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// How long a workplace credential is valid: two years, long enough to apply with it, short
/// enough that an old confirmation is asked again.
pub const VALID_DAYS: i64 = 730;

/// Entries per status list: 131,072 bits (16 kB), the minimum the Bitstring Status List
/// recommends for group privacy; index `n` lives in list `n / LIST_SIZE + 1`.
pub const LIST_SIZE: i64 = 131_072;

/// The subject id of a publication: credentials are bound to it.
pub fn subject_id(candidate: &str) -> String {
    format!("urn:vaardig:publication:{candidate}")
}

/// The achievement id of one of our work processes (ids are ours; the code is the
/// kwalificatiedossier's style, see `data/taxonomy/SOURCES.md`).
pub fn achievement_id(work_process: &str) -> String {
    format!("urn:vaardig:work-process:{work_process}")
}

/// RFC 3339 in UTC, whole seconds.
pub fn timestamp(seconds: i64) -> String {
    let day = seconds.div_euclid(86_400);
    let s = seconds.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", Date::from_day_number(day), s / 3600, s / 60 % 60, s % 60)
}

/// Seconds of a [`timestamp`] (only the form we write).
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let day = Date::parse(date)?.day_number();
    let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
    (parts.next().is_none() && h < 24 && m < 60 && s < 60).then_some(day * 86_400 + h * 3600 + m * 60 + s)
}

fn status_url(public_url: &str, list: i64) -> String {
    format!("{}/api/status/{list}", public_url.trim_end_matches('/'))
}

/// What one credential says, as the trainer confirmed it.
pub struct Confirmation<'a> {
    /// The publication.
    pub candidate: &'a str,
    /// The work process id, its code when it is SBB's (`WorkProcess::shown_code`: a code of ours is
    /// never given out as if it were official), title (nl) and qualification (nl).
    pub work_process: (&'a str, Option<&'a str>, &'a str, &'a str),
    /// The level seen.
    pub level: Level,
    /// The trainer.
    pub trainer: &'a str,
    /// The learning company.
    pub company: &'a str,
}

/// Reserves a status index for a new credential of `candidate`.
pub fn reserve_status(conn: &Connection, candidate: &str, valid_until: i64) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO credential_status (candidate_id, issued, valid_until, revoked) VALUES (?1, ?2, ?3, 0)",
        params![candidate, now(), valid_until],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The credential as JSON (unsigned), issued now with status index `index`.
pub fn build(keys: &KeyRing, public_url: &str, c: &Confirmation, index: i64, issued: i64) -> Value {
    let (wp_id, code, title, qualification) = c.work_process;
    let list = index / LIST_SIZE + 1;
    let level = u8::from(c.level);
    let mut achievement = json!({
        "id": achievement_id(wp_id),
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": title,
        "description": match code {
            Some(code) => format!("Werkproces {code} uit het kwalificatiedossier ({qualification})."),
            None => format!("Een werkproces bij {qualification}, beschreven door Vaardig (geen code van SBB)."),
        },
        "criteria": { "narrative": "Een praktijkopleider zag de jongere dit werkproces doen op de werkplek, op het niveau dat in het resultaat staat (1 tot 4)." },
        "inLanguage": "nl",
    });
    if let Some(code) = code {
        achievement["humanCode"] = json!(code);
    }
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": format!("urn:uuid:{}", uuid_v4()),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        // Not a praktijkverklaring: that one an mbo school gives out.
        "name": format!("Gezien op de werkplek: {title}"),
        "issuer": {
            "id": keys.did(),
            "type": ["Profile"],
            "name": "Vaardig",
            "url": public_url.trim_end_matches('/'),
        },
        "validFrom": timestamp(issued),
        "validUntil": timestamp(issued + VALID_DAYS * 86_400),
        "credentialSubject": {
            "id": subject_id(c.candidate),
            "type": ["AchievementSubject"],
            "achievement": achievement,
            "result": [{ "type": ["Result"], "value": level.to_string() }],
        },
        "evidence": [{
            "type": ["Evidence"],
            "name": c.trainer,
            "description": c.company,
            "genre": "Werkplekbevestiging",
            "narrative": format!("{} van {} zag dit op de werkplek, op niveau {level}.", c.trainer, c.company),
        }],
        "credentialStatus": {
            "id": format!("{}#{index}", status_url(public_url, list)),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": (index % LIST_SIZE).to_string(),
            "statusListCredential": status_url(public_url, list),
        },
    })
}

fn uuid_v4() -> String {
    let mut b = crate::secret::random_bytes::<16>();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// A compact JWS split and checked against the ring: the header and the payload, when the
/// signature is the pool's.
pub fn open_jws(keys: &KeyRing, jws: &str) -> Option<(Value, Value)> {
    let mut parts = jws.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(h).ok()?).ok()?;
    if header["alg"] != "EdDSA" {
        return None;
    }
    let key = keys.public(header["kid"].as_str()?)?;
    let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(s).ok()?).ok()?;
    key.verify_strict(format!("{h}.{p}").as_bytes(), &signature).ok()?;
    let payload = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).ok()?).ok()?;
    Some((header, payload))
}

/// What a checked credential backs: a work process at a level.
#[derive(Debug, PartialEq, Eq)]
pub struct Backed {
    /// The work process id.
    pub work_process: String,
    /// The level.
    pub level: Level,
    /// The trainer.
    pub trainer: String,
    /// The learning company.
    pub company: String,
}

/// Why a credential was not taken.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not signed by this pool, or not our form.
    Signature,
    /// Made for another publication.
    OtherPublication,
    /// Before `validFrom` or after `validUntil`.
    Dates,
    /// Revoked (or its publication withdrawn).
    Revoked,
}

/// Checks a credential the device sends back for publication `candidate`.
pub fn check(conn: &Connection, keys: &KeyRing, jws: &str, candidate: &str) -> Result<Backed, Refused> {
    let (header, vc) = open_jws(keys, jws).ok_or(Refused::Signature)?;
    if header["typ"] != TYP {
        return Err(Refused::Signature);
    }
    let subject = &vc["credentialSubject"];
    if subject["id"].as_str() != Some(subject_id(candidate).as_str()) {
        return Err(Refused::OtherPublication);
    }
    let at = now();
    let from = vc["validFrom"].as_str().and_then(parse_timestamp).ok_or(Refused::Signature)?;
    let until = vc["validUntil"].as_str().and_then(parse_timestamp).ok_or(Refused::Signature)?;
    if at < from || at > until {
        return Err(Refused::Dates);
    }
    let status = &vc["credentialStatus"];
    let list: i64 = status["statusListCredential"]
        .as_str()
        .and_then(|u| u.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .ok_or(Refused::Signature)?;
    let index: i64 = status["statusListIndex"].as_str().and_then(|i| i.parse().ok()).ok_or(Refused::Signature)?;
    if revoked(conn, (list - 1) * LIST_SIZE + index).map_err(|_| Refused::Revoked)? {
        return Err(Refused::Revoked);
    }
    let work_process = subject["achievement"]["id"]
        .as_str()
        .and_then(|id| id.strip_prefix("urn:vaardig:work-process:"))
        .ok_or(Refused::Signature)?
        .to_string();
    let level = subject["result"][0]["value"]
        .as_str()
        .and_then(|v| v.parse::<u8>().ok())
        .and_then(|v| Level::try_from(v).ok())
        .ok_or(Refused::Signature)?;
    let evidence = &vc["evidence"][0];
    Ok(Backed {
        work_process,
        level,
        trainer: evidence["name"].as_str().unwrap_or_default().to_string(),
        company: evidence["description"].as_str().unwrap_or_default().to_string(),
    })
}

/// Whether status index `index` is revoked: marked so, or its publication is gone (withdrawn or
/// expired), or it was never issued.
pub fn revoked(conn: &Connection, index: i64) -> rusqlite::Result<bool> {
    let row: Option<(Option<String>, bool)> = conn
        .query_row("SELECT candidate_id, revoked FROM credential_status WHERE idx = ?1", [index], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(!matches!(row, Some((Some(_), false))))
}

/// The status list credential number `list` (1-based), signed: bit `i` (the most significant bit
/// of byte 0 first) set when index `i` is revoked; indices not issued yet read as valid.
pub fn status_list(conn: &Connection, keys: &KeyRing, public_url: &str, list: i64) -> rusqlite::Result<String> {
    let first = (list - 1) * LIST_SIZE;
    let mut bits = vec![0u8; (LIST_SIZE / 8) as usize];
    let mut stmt = conn.prepare(
        "SELECT idx FROM credential_status WHERE idx >= ?1 AND idx < ?2 AND (revoked OR candidate_id IS NULL)",
    )?;
    for idx in stmt.query_map(params![first, first + LIST_SIZE], |r| r.get::<_, i64>(0))? {
        let i = (idx? - first) as usize;
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    let url = status_url(public_url, list);
    let issued = now();
    let vc = json!({
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": keys.did(),
        "validFrom": timestamp(issued),
        "validUntil": timestamp(issued + 86_400),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": format!("u{}", URL_SAFE_NO_PAD.encode(gzip_stored(&bits))),
        },
    });
    Ok(keys.sign_jws(TYP, &vc))
}

/// GZIP (RFC 1952) of `data` in stored (uncompressed) DEFLATE blocks: every gzip reader reads it,
/// and it needs no compression library. A status list is 16 kB, so the cost is small.
pub fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let chunks: Vec<&[u8]> = if data.is_empty() { vec![&[][..]] } else { data.chunks(65_535).collect() };
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn timestamps_round_trip() {
        for t in [0, 86_399, 1_796_688_000, 1_796_731_199] {
            assert_eq!(parse_timestamp(&timestamp(t)), Some(t));
        }
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(parse_timestamp("2026-12-07T24:00:00Z"), None);
    }
}
