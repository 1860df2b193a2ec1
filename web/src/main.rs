fn main() {
    vaardig_web::shared::start::<vaardig_web::app::App>(false);
}
