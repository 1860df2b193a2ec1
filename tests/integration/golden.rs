//! The scenario report, compared byte for byte with `tests/golden/scenarios.json` — the same file
//! the Wasm run compares with. Set `VAARDIG_UPDATE_GOLDEN=1` to rewrite it after a reviewed change.

#[test]
fn native_report_matches_the_golden_file() {
    let report = vaardig_tests::report_text(vaardig_taxonomy::embedded());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/golden/scenarios.json");
    if std::env::var_os("VAARDIG_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &report).expect("write the golden file");
    }
    let golden = std::fs::read_to_string(path).expect("tests/golden/scenarios.json exists");
    assert!(report == golden, "scenario report changed; review and rerun with VAARDIG_UPDATE_GOLDEN=1");
}

#[test]
fn the_report_is_the_same_twice() {
    let taxonomy = vaardig_taxonomy::embedded();
    assert_eq!(vaardig_tests::report_text(taxonomy), vaardig_tests::report_text(taxonomy));
}
