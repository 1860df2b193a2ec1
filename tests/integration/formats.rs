//! The stored formats: versioned, strict, and errors that say where.

use matching_core::{format, OpeningSet, Profile, Taxonomy};
use serde_json::Value;

fn taxonomy() -> &'static Taxonomy {
    vaardig_taxonomy::embedded()
}

#[test]
fn an_unknown_field_is_reported_with_line_column_and_field() {
    let json = "{\n  \"format\": \"vaardig.profile\",\n  \"version\": 1,\n  \"id\": \"x\",\n  \"claimz\": []\n}";
    let e = format::parse_profile(json, taxonomy()).expect_err("unknown field");
    assert_eq!(e.line, 5);
    assert!(e.message.contains("claimz"), "{}", e.message);
}

#[test]
fn an_unknown_field_names_the_object_it_is_in_not_the_value_before_it() {
    let json = "{\n  \"format\": \"vaardig.profile\",\n  \"version\": 1,\n  \"id\": \"x\",\n  \"practical\": {\n    \"shifts\": [\"day\", \"night\"],\n    \"hobby\": \"voetbal\"\n  }\n}";
    let e = format::parse_profile(json, taxonomy()).expect_err("unknown field");
    assert_eq!(e.field.as_deref(), Some("practical.hobby"), "{e}");
    assert_eq!(e.line, 7);
    assert!(e.message.starts_with("unknown field `hobby`"), "{}", e.message);
    let missing = r#"{"format": "vaardig.profile", "version": 1, "id": "x", "claims": [{"item": {"skill": "log.orders_verzamelen"}}]}"#;
    let e = format::parse_profile(missing, taxonomy()).expect_err("missing level");
    assert_eq!(e.field.as_deref(), Some("claims[0].level"), "{e}");
}

#[test]
fn an_unknown_skill_names_the_claim() {
    let json = r#"{"format": "vaardig.profile", "version": 1, "id": "x",
  "claims": [{"item": {"skill": "log.orders_verzamelen"}, "level": 2},
             {"item": {"skill": "log.vliegen"}, "level": 2}]}"#;
    let e = format::parse_profile(json, taxonomy()).expect_err("unknown skill");
    assert_eq!(e.field.as_deref(), Some("claims[1].item"));
    assert_eq!(e.line, 3);
    assert!(e.message.contains("log.vliegen"));
}

#[test]
fn a_level_outside_one_to_four_is_refused() {
    let json = r#"{"format": "vaardig.profile", "version": 1, "id": "x", "claims": [{"item": {"skill": "log.orders_verzamelen"}, "level": 7}]}"#;
    let e = format::parse_profile(json, taxonomy()).expect_err("level 7");
    assert!(e.message.contains("level must be 1, 2, 3 or 4"), "{}", e.message);
}

#[test]
fn a_newer_version_or_another_format_is_refused_by_name() {
    let json = r#"{"format": "vaardig.profile", "version": 2, "id": "x"}"#;
    let e = format::parse_profile(json, taxonomy()).expect_err("version 2");
    assert_eq!(e.field.as_deref(), Some("version"));
    let json = r#"{"format": "vaardig.openings", "version": 1, "id": "x"}"#;
    assert!(format::parse_profile(json, taxonomy()).is_err());
}

#[test]
fn openings_with_a_duplicate_id_are_refused() {
    let one = r#"{"id": "a", "title": "t", "route": "job", "hours": {"min": 8, "max": 16}, "place": "Tilburg",
      "requirements": [{"item": {"soft_skill": "soft.op_tijd"}, "importance": "must"}]}"#;
    let json = format!(r#"{{"format": "vaardig.openings", "version": 1, "openings": [{one}, {one}]}}"#);
    let e = format::parse_openings(&json, taxonomy()).expect_err("duplicate");
    assert_eq!(e.field.as_deref(), Some("openings[1].id"));
}

/// Every field the structs write appears in the JSON Schema, and the schema names no other.
fn assert_schema_matches(schema: &str, example: Value, nested: &[(&str, Value)]) {
    let schema: Value = serde_json::from_str(schema).expect("schema is JSON");
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&schema["properties"]), keys(&example), "top-level properties");
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
    for (def, value) in nested {
        assert_eq!(keys(&schema["$defs"][def]["properties"]), keys(value), "$defs/{def}");
        assert_eq!(schema["$defs"][def]["additionalProperties"], Value::Bool(false), "$defs/{def}");
    }
}

#[test]
fn the_json_schemas_describe_the_formats() {
    let mut p = vaardig_tests::mo();
    p.synthetic = true;
    p.wishes.hours_per_week = Some(24);
    p.practical.transport = Some("fiets".into());
    let value = serde_json::to_value(&p).expect("serialises");
    assert_schema_matches(
        include_str!("../../docs/schema/profile.schema.json"),
        value.clone(),
        &[
            ("claim", value["claims"][0].clone()),
            ("practical", value["practical"].clone()),
            ("wishes", value["wishes"].clone()),
        ],
    );
    let mut o = vaardig_tests::openings(taxonomy())[1].clone();
    o.requirements[0].weight = Some(3);
    o.requirements[0].min_evidence = Some(matching_core::Evidence::Coach);
    let set = serde_json::to_value(OpeningSet::new(vec![o], true)).expect("serialises");
    assert_schema_matches(
        include_str!("../../docs/schema/openings.schema.json"),
        set.clone(),
        &[("opening", set["openings"][0].clone()), ("requirement", set["openings"][0]["requirements"][0].clone())],
    );
    let _: Profile = serde_json::from_value(value).expect("round trip");
}
