fn main() {
    vaardig_web::start();
}
