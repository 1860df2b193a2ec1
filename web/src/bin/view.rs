//! The employer's read-only view of a shared profile (`view.html`): a bundle of its own, so the
//! young person's app does not carry it.

fn main() {
    vaardig_web::view::start();
}
