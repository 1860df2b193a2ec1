//! The young person's side of the regional pool (`delen.html`): its own Wasm bundle, so the
//! app's size budget is not touched.

fn main() {
    vaardig_web::shared::start::<vaardig_web::delen::Delen>(true);
}
