//! The employer's, jobhunter's and workplace trainer's app (`werk.html`): a second bundle, so the
//! young person's app does not carry it.

fn main() {
    vaardig_web::shared::start::<vaardig_web::werk::App>(true);
}
