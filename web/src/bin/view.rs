//! The employer's read-only view of a shared profile (`view.html`): a bundle of its own, so the
//! young person's app does not carry it. The static first screen stays until the taxonomy is
//! loaded; the QR code needs no data, so there it goes at once.

fn main() {
    vaardig_web::shared::start::<vaardig_web::view::View>(vaardig_web::view::qr_link().is_some());
}
