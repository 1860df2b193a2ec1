//! Compiled to wasm32 and run under Node (wasm-bindgen-test): the scenario report must be
//! byte-identical to the golden file the native run checks.

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn wasm_gives_the_same_bytes_as_native() {
    let taxonomy = vaardig_taxonomy::embedded();
    let report = vaardig_tests::report_text(taxonomy);
    let golden = include_str!("../golden/scenarios.json");
    assert!(report == golden, "the Wasm scenario report differs from tests/golden/scenarios.json");
}
