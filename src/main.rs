fn main() {
    // The CLI contains panics in the analysis per file; one anywhere else must still say what
    // happened and exit 2, not die silently with 101.
    let code = std::panic::catch_unwind(acslint::cli::main).unwrap_or_else(|p| {
        eprintln!(
            "acslint: internal error: {}; please report this",
            acslint::lint::panic_reason(p.as_ref())
        );
        2
    });
    std::process::exit(code);
}
