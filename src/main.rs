// Most of the analysis is building and dropping small trees; glibc's allocator spent a fifth
// of the time in malloc/free and scaled poorly across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` (the same index in mimalloc v2 and v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// `mi_option_arena_reserve` (the same index in mimalloc v2 and v3), in KiB.
const MI_OPTION_ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;
/// `mi_option_allow_thp`: 37 in mimalloc v2, 43 in v3 (where 37 is another option).
fn mi_option_allow_thp() -> libmimalloc_sys::mi_option_t {
    // SAFETY: mi_version only returns a constant (major × 10,000 + minor × 100 + patch).
    if unsafe { libmimalloc_sys::mi_version() } >= 30_000 {
        43
    } else {
        37
    }
}

/// Set the allocator up before anything allocates: the Rust runtime allocates (the main
/// thread's name) before `main`, and that first allocation reserves mimalloc's arena, so options
/// set in `main` came too late for it (its first pages were faulted in as huge pages).
/// Constructors run after mimalloc's own (priority 101) and before the runtime.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SET_UP_ALLOCATOR: extern "C" fn() = set_up_allocator;

extern "C" fn set_up_allocator() {
    // A run is short: returning freed memory to the OS only to fault it back in made the
    // kernel's page-fault path the bottleneck with two threads (sys time ×3). Never purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    // No transparent huge pages, for any run: the kernel zeroed a whole 2 MiB page on the first
    // touch of each, a tenth of the time of one file and twice its resident memory; and on a
    // machine whose free memory was handed back to its host, a large run's first huge pages
    // after an idle spell cost 2-5 times its 4 KiB pages (a 300k-action document 0.7 s
    // instead of 1.0-1.4 s, the corpus 0.23 s instead of 0.27 s; docs/performance.md).
    // mimalloc stops asking for them; the process flag also covers what it mapped before.
    unsafe { libmimalloc_sys::mi_option_set(mi_option_allow_thp(), 0) };
    #[cfg(target_os = "linux")]
    unsafe {
        // prctl reads its arguments as unsigned longs.
        let (on, zero): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, zero, zero, zero);
    }
    // mimalloc reserves its arenas 1 GiB at a time: under an address-space limit (`ulimit -v`
    // on shared runners) that reservation alone can leave no room for the threads' stacks.
    if let Some(limit) = acslint::lint::address_space_limit() {
        let kib = (limit / 16 / 1024).clamp(4 << 10, 1 << 20);
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_RESERVE, kib as std::ffi::c_long) };
    }
}

fn main() {
    // Where the constructor above did not run (another platform), set the allocator up now.
    #[cfg(not(target_os = "linux"))]
    set_up_allocator();
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
