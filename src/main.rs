// Most of the analysis is building and dropping small trees; glibc's allocator spent a fifth
// of the time in malloc/free and scaled poorly across threads.
#[global_allocator]
static GLOBAL: acslint::lint::Allocator = acslint::lint::Allocator;

/// Set the allocator up before anything allocates: the Rust runtime allocates (the main
/// thread's name) before `main`, and that first allocation reserves mimalloc's arena, so options
/// set in `main` came too late for it (its first pages were faulted in as huge pages).
/// Constructors run after mimalloc's own (priority 101) and before the runtime.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SET_UP_ALLOCATOR: extern "C" fn() = acslint::lint::set_up_allocator;

fn main() {
    // Where the constructor above did not run (another platform), set the allocator up now.
    #[cfg(not(target_os = "linux"))]
    acslint::lint::set_up_allocator();
    // glibc's malloc (still used by the C runtime on each new thread, e.g. for thread-local
    // destructors) gives every thread its own arena, reserving 128 MiB of address space each:
    // 16 threads took 2 GiB before any work. Rust's allocations go to mimalloc, so one arena is
    // plenty.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
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
