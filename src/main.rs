// Most of the analysis is building and dropping small trees; glibc's allocator spent a fifth
// of the time in malloc/free and scaled poorly across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` (the same index in mimalloc v2 and v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // A run is short: returning freed memory to the OS only to fault it back in made the
    // kernel's page-fault path the bottleneck with two threads (sys time ×3). Never purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    // The CLI contains panics in the analysis per file; one anywhere else must still say what
    // happened and exit 2, not die silently with 101.
    let code = std::panic::catch_unwind(acslint::cli::main).unwrap_or_else(|p| {
        acslint::cli::err_out(&format!(
            "acslint: internal error: {}; please report this\n",
            acslint::lint::panic_reason(p.as_ref())
        ));
        2
    });
    std::process::exit(code);
}
