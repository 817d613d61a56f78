fn main() {
    std::process::exit(acslint::cli::main());
}
