//! The "show an employer" link: the parts of a profile the young person picks, as JSON in the
//! URL fragment (base64url), so no server ever sees it.

use matching_core::Profile;

/// Which parts to share, as the share screen's check boxes hold them (all but the hours at first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Hard skills.
    pub skills: bool,
    /// Soft skills.
    pub soft: bool,
    /// Certificates.
    pub certificates: bool,
    /// Work processes.
    pub work_processes: bool,
    /// Hours, shifts, start date (never the home town: the region is enough).
    pub practical: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts { skills: true, soft: true, certificates: true, work_processes: true, practical: false }
    }
}

/// The profile with only the chosen parts (`Profile::only`, the same cut the pool applies to a
/// consent; never the home town: the region is enough); the id is replaced by a pseudonym.
pub fn select(profile: &Profile, parts: Parts) -> Profile {
    let chosen = matching_core::Parts {
        skills: parts.skills,
        soft_skills: parts.soft,
        certificates: parts.certificates,
        work_processes: parts.work_processes,
        availability: parts.practical,
        region: false,
    };
    profile.only(&chosen, "gedeeld")
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reverses [`encode`]; also accepts standard base64 (`+`, `/`, padding).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes: Vec<u8> = text.bytes().filter(|&b| b != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        if chunk.len() < 2 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The fragment for a shared profile: `view=<base64url JSON>`.
pub fn fragment(profile: &Profile) -> String {
    format!("view={}", encode(serde_json::to_string(profile).unwrap_or_default().as_bytes()))
}

/// The JSON inside a fragment, if it is one of ours.
pub fn fragment_json(fragment: &str) -> Option<String> {
    let data = fragment.trim_start_matches('#').strip_prefix("view=")?;
    String::from_utf8(decode(data)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use matching_core::{Evidence, ItemRef, Level};

    #[test]
    fn base64url_round_trips() {
        for text in ["", "a", "ab", "abc", "abcd", "heftruck é ë ï {\"x\":1}"] {
            assert_eq!(decode(&encode(text.as_bytes())).as_deref(), Some(text.as_bytes()));
        }
        assert_eq!(encode(b"Man"), "TWFu");
        assert!(decode("*").is_none());
    }

    #[test]
    fn only_the_chosen_parts_leave_the_device() {
        let mut p = Profile::new("sanne-de-vries")
            .with_claim(ItemRef::Skill("log.orders_verzamelen".into()), Level::ON_MY_OWN, Evidence::Self_)
            .with_claim(ItemRef::Certificate("cert.vca_basis".into()), Level::CAN_TEACH, Evidence::Formal);
        p.practical.home_town = Some("Tilburg".into());
        p.practical.max_hours_per_week = Some(20);
        let parts = Parts { certificates: false, practical: true, ..Parts::default() };
        let shared = select(&p, parts);
        let json = fragment_json(&fragment(&shared)).expect("decodes");
        assert!(json.contains("log.orders_verzamelen"));
        assert!(!json.contains("cert.vca_basis"));
        assert!(!json.contains("Tilburg"), "the home town never leaves");
        assert!(!json.contains("sanne"), "the id is a pseudonym");
        assert!(json.contains("\"max_hours_per_week\":20"));
    }
}
