// Most of the analysis is building and dropping small trees; glibc's allocator spent a fifth
// of the time in malloc/free and scaled poorly across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` (the same index in mimalloc v2 and v3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// `mi_option_arena_reserve` (mimalloc v2, the version built), in KiB.
const MI_OPTION_ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;
/// `mi_option_allow_thp` (mimalloc v2, the version built).
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 37;

fn main() {
    // A run is short: returning freed memory to the OS only to fault it back in made the
    // kernel's page-fault path the bottleneck with two threads (sys time ×3). Never purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    // No transparent huge pages: the kernel zeroed a whole 2 MiB page on the first touch of
    // each, a tenth of the time of one file and twice its resident memory; on a whole tree,
    // peak memory fell by a quarter for a few per cent more time (docs/performance.md).
    // mimalloc stops asking for them; the process flag also covers what it mapped before.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0) };
    #[cfg(target_os = "linux")]
    unsafe {
        // prctl reads its arguments as unsigned longs.
        let (on, zero): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, zero, zero, zero);
    }
    // mimalloc reserves its arenas 1 GiB at a time: under an address-space limit (`ulimit -v`
    // on shared runners) that reservation alone can leave no room for the threads' stacks.
    // glibc's malloc (still used by the C runtime on each new thread, e.g. for thread-local
    // destructors) gives every thread its own arena, reserving 128 MiB of address space each:
    // 16 threads took 2 GiB before any work. Rust's allocations go to mimalloc, so one arena is
    // plenty.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
    if let Some(limit) = acslint::lint::address_space_limit() {
        let kib = (limit / 16 / 1024).clamp(4 << 10, 1 << 20);
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_RESERVE, kib as std::ffi::c_long) };
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
