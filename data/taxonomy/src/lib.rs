//! The taxonomy as data: the JSON files beside this crate, embedded at compile time, assembled
//! into one [`TaxonomyData`] and checked by [`matching_core::Taxonomy::new`].
//! The files are the source of truth; this crate only reads them.

use matching_core::{Taxonomy, TaxonomyData};
use serde_json::Value;
use std::sync::OnceLock;

/// Every file of the taxonomy with the part of [`TaxonomyData`] it fills, in load order.
pub const FILES: &[(&str, &str, &str)] = &[
    ("sectors.json", "sectors", include_str!("../sectors.json")),
    ("soft_skills.json", "soft_skills", include_str!("../soft_skills.json")),
    ("certificates.json", "certificates", include_str!("../certificates.json")),
    ("qualifications.json", "qualifications", include_str!("../qualifications.json")),
    ("towns.json", "towns", include_str!("../towns.json")),
    ("skills/alg.json", "skills", include_str!("../skills/alg.json")),
    ("skills/log.json", "skills", include_str!("../skills/log.json")),
    ("skills/trn.json", "skills", include_str!("../skills/trn.json")),
    ("skills/ret.json", "skills", include_str!("../skills/ret.json")),
    ("skills/fac.json", "skills", include_str!("../skills/fac.json")),
    ("skills/hor.json", "skills", include_str!("../skills/hor.json")),
    ("skills/voe.json", "skills", include_str!("../skills/voe.json")),
    ("skills/zrg.json", "skills", include_str!("../skills/zrg.json")),
    ("skills/sch.json", "skills", include_str!("../skills/sch.json")),
    ("skills/bou.json", "skills", include_str!("../skills/bou.json")),
    ("skills/tec.json", "skills", include_str!("../skills/tec.json")),
    ("skills/grn.json", "skills", include_str!("../skills/grn.json")),
    ("skills/ict.json", "skills", include_str!("../skills/ict.json")),
    ("skills/uit.json", "skills", include_str!("../skills/uit.json")),
];

/// The whole taxonomy as one JSON value (the shape of [`TaxonomyData`]); names the file on error.
pub fn json_value() -> Result<Value, String> {
    let mut parts = serde_json::Map::new();
    for (file, part, text) in FILES {
        let value: Value = serde_json::from_str(text).map_err(|e| format!("data/taxonomy/{file}: {e}"))?;
        let Value::Array(items) = value else {
            return Err(format!("data/taxonomy/{file}: expected a JSON array"));
        };
        match parts.entry(part.to_string()).or_insert_with(|| Value::Array(Vec::new())) {
            Value::Array(all) => all.extend(items),
            _ => unreachable!("every part is an array"),
        }
    }
    Ok(Value::Object(parts))
}

/// The taxonomy data, parsed.
pub fn data() -> Result<TaxonomyData, String> {
    serde_json::from_value(json_value()?).map_err(|e| format!("data/taxonomy: {e}"))
}

/// The whole taxonomy as compact JSON: what the web app ships and the Wasm tests load.
pub fn compact_json() -> String {
    json_value().map(|v| v.to_string()).unwrap_or_default()
}

/// The whole taxonomy in the positional form the web app ships (`matching_core::packed`).
pub fn packed() -> String {
    data().map(|d| matching_core::packed::to_packed(&d)).unwrap_or_default()
}

/// The checked taxonomy, built once. The embedded data is checked by this crate's tests, so a
/// failure here is a build that should never have shipped: it panics with every problem listed.
pub fn embedded() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| match data().map(Taxonomy::new) {
        Ok(Ok(taxonomy)) => taxonomy,
        Ok(Err(e)) => panic!("{e}"),
        Err(e) => panic!("{e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_taxonomy_is_checked() {
        let data = data().expect("the files parse");
        if let Err(e) = Taxonomy::new(data) {
            panic!("{e}");
        }
    }

    /// Every official work process carries a plain B1 line beside the dossier's title (nl and en);
    /// without one the taxonomy is refused.
    #[test]
    fn every_official_work_process_has_a_plain_line() {
        let data = data().expect("the files parse");
        let official: Vec<_> = data
            .qualifications
            .iter()
            .flat_map(|q| &q.core_tasks)
            .flat_map(|t| &t.work_processes)
            .filter(|w| w.official)
            .collect();
        assert!(!official.is_empty(), "the data has official work processes");
        for w in &official {
            let plain = w.plain.as_ref().unwrap_or_else(|| panic!("{}: official without a plain line", w.id));
            assert!(!plain.nl.trim().is_empty() && !plain.en.trim().is_empty(), "{}", w.id);
            assert_ne!(plain.nl, w.title.nl, "{}: the plain line says it in other words", w.id);
        }
        // Taking one away makes the check refuse the taxonomy.
        let mut broken = data.clone();
        let first = broken
            .qualifications
            .iter_mut()
            .flat_map(|q| &mut q.core_tasks)
            .flat_map(|t| &mut t.work_processes)
            .find(|w| w.official)
            .expect("an official process");
        first.plain = None;
        let id = first.id.clone();
        let error = Taxonomy::new(broken).expect_err("an official process without a plain line is refused").to_string();
        assert!(error.contains(&id) && error.contains("plain"), "{error}");
    }
}
