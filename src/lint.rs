//! The pipeline: discover → read → parse → model → rules → findings.

use crate::config::{Config, ConfigSet};
use crate::discover::{self, Candidate, DiscoverOptions, KindHint};
use crate::engine::{self, Selection};
use crate::finding::{Emit, Finding};
use crate::json::{self, SpanMap};
use crate::policy::DocKind;
use crate::report::Suppressed;
use crate::rules::Registry;
pub use crate::source::{display_path, escape_controls, read_regular};
use crate::source::{display_path_in, SourceFile};
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::suppress;
use crate::tf::{self, Configuration, Document, UnknownNote, Workspace};
pub use crate::util::{guarded, install_panic_hook, panic_reason};
pub use target::{lint_file, Target};

pub mod target;
use crate::util::HashSet;
use crate::value::Value;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Debug)]
pub struct LintOptions {
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    pub max_file_size: u64,
    /// Text given on standard input, with the name it should be linted as.
    pub stdin: Option<(String, String)>,
    /// Fault injection for tests of the panic isolation: the analysis of any file whose text
    /// contains this marker panics. Not reachable from the command line.
    #[doc(hidden)]
    pub inject_panic: Option<String>,
    /// Project configuration (`.acslint.hcl`); `None` lints with the selection alone.
    pub config: Option<Arc<ConfigSet>>,
    /// Whether each file's configuration filters rules by its `select`/`ignore` (false when the
    /// command line selected rules: the command line wins).
    pub config_selection: bool,
    /// Honour inline suppression comments (`--no-inline-suppressions` turns them off).
    pub inline_suppressions: bool,
    /// Terraform inputs from outside the configuration (`--var`, `--var-file`, `TF_VAR_*`).
    pub eval: tf::EvalOptions,
    /// The result of walking `paths` when the caller already did (the CLI walks once for
    /// files and configurations); `None` walks here.
    pub discovered: Option<discover::Discovered>,
    /// The discovered files already read ([`read`]), in the order of the candidates.
    pub prefetched: Option<Vec<Read>>,
    /// Where the `.tf` sources of the plans are (`--config-dir`); by default beside each plan.
    pub plan_config_dir: Option<PathBuf>,
    /// Let configurations, comments and baselines silence the diagnostics that say part of
    /// the code was not checked ([`INCOMPLETE`]); off by default (`--allow-incomplete`).
    pub allow_incomplete: bool,
    /// Files to lint each in its module, with an optional buffer in place of the file on disk
    /// (standard input with `--stdin-filename`, an editor's unsaved text): see
    /// [`target`]. Terraform files named among `paths` are linted this way too.
    pub targets: Vec<Target>,
    /// Lint the named files as they are, not in their modules (the fixture harness, where each
    /// file is a case; the runs [`target`] makes for one module).
    pub files_alone: bool,
    /// Texts read in place of files on disk, by absolute normalised path: the buffers an editor
    /// has open and not saved. A target's module is gathered with them (an unsaved
    /// `variables.tf` feeds `main.tf`), and so are files read with `file()`.
    pub overlay: Option<Arc<Overlay>>,
    /// The files whose resources and documents the resource- and document-scope rules check
    /// (by absolute normalised path): the requested files of a module linted for them, whose
    /// neighbours are built and evaluated but not checked ([`target`]). `None` checks all.
    pub check_only: Option<Arc<crate::util::HashSet<PathBuf>>>,
    /// Check the neighbours of a requested file too, and drop their findings afterwards (the
    /// reference for the test that the restriction above changes no finding).
    #[doc(hidden)]
    pub check_neighbours: bool,
    /// Verdicts of expression rules kept from one lint of the same files to the next (the
    /// language server keeps one per open document): see [`engine::VerdictCache`]. `None`
    /// evaluates every rule.
    pub verdicts: Option<Arc<engine::VerdictCache>>,
}

/// See [`LintOptions::overlay`].
pub type Overlay = crate::util::HashMap<PathBuf, String>;

/// Diagnostics that mean part of the tree was not checked (file too large, a budget or limit
/// reached, an internal error): nothing inside the scanned tree can silence them, or a pull
/// request could add a bomb and `ignore = ["TF005"]` and pass.
pub const INCOMPLETE: [&str; 3] = ["TF003", "TF005", "TF006"];

/// Diagnostics saying that code was not checked: it does not parse (`TF001`, `RAM000`), could
/// not be read (`TF002`), or one of [`INCOMPLETE`]. No selection hides them (`--select`,
/// `--ignore`, packs, a configuration's `select`/`ignore`): a gate that selects a few rules
/// would otherwise pass a file it never read.
pub const NEVER_HIDDEN: [&str; 6] = ["TF001", "TF002", "TF003", "TF005", "RAM000", "TF006"];

/// Whether a rule is one of [`NEVER_HIDDEN`].
pub fn is_never_hidden(rule: &str) -> bool {
    NEVER_HIDDEN.contains(&rule)
}

/// Whether a rule is one of [`INCOMPLETE`].
pub fn is_incomplete(rule: &str) -> bool {
    INCOMPLETE.contains(&rule)
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            paths: vec![PathBuf::from(".")],
            discover: DiscoverOptions {
                respect_ignore_files: true,
                ..Default::default()
            },
            max_file_size: discover::DEFAULT_MAX_FILE_SIZE,
            stdin: None,
            inject_panic: None,
            config: None,
            config_selection: true,
            inline_suppressions: true,
            eval: tf::EvalOptions::default(),
            discovered: None,
            prefetched: None,
            allow_incomplete: false,
            plan_config_dir: None,
            targets: Vec::new(),
            files_alone: false,
            overlay: None,
            check_only: None,
            check_neighbours: false,
            verdicts: None,
        }
    }
}

pub struct LintResult {
    pub sources: SourceMap,
    pub findings: Vec<Finding>,
    pub unknowns: Vec<UnknownNote>,
    /// Files linted (excluding JSON that was neither a policy nor a plan).
    pub files: usize,
    /// Findings silenced by inline suppressions or per-path configuration.
    pub suppressed: Vec<Suppressed>,
    /// Terraform/policy files that ignore files kept out of the run.
    pub ignored: usize,
    /// Panics caught during the analysis (each also reported as a `TF006` finding when that rule
    /// is selected): the run is incomplete and the exit code must say so.
    pub internal_errors: usize,
    /// Findings of the state before a plan that the plan removes (each with its `change`).
    pub plan_fixed: Vec<Finding>,
}

/// Stack size of the analysis threads. Parsers bound nesting (hcl-edit at 64 levels of nesting
/// and 128 of operators, our JSON at 128), but the model, evaluator and drop glue recurse over
/// what they accept; a large stack keeps deep but legal input far from overflowing. The memory is
/// only reserved: pages are touched as the stack grows.
pub const STACK_SIZE: usize = 64 << 20;

fn builder(stack: usize, threads: Option<usize>) -> rayon::ThreadPoolBuilder {
    let b = rayon::ThreadPoolBuilder::new()
        .stack_size(stack)
        .thread_name(|i| format!("acslint-{i}"));
    match threads {
        Some(n) => b.num_threads(n),
        None => b,
    }
}

/// Stack size and thread count that fit the address-space limit (`ulimit -v`, `prlimit --as`,
/// common on shared CI runners): each thread reserves its whole stack up front, so 64 threads of
/// 64 MiB need 4 GiB of address space before anything is allocated. Without a limit, the full
/// stacks; under one, stacks and threads shrink to use at most a quarter of it.
/// The address-space limit of this process (`ulimit -v`, `prlimit --as`), if any.
pub fn address_space_limit() -> Option<usize> {
    #[cfg(unix)]
    {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes the struct it is given.
        let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) } == 0;
        if ok && lim.rlim_cur != libc::RLIM_INFINITY {
            return Some(lim.rlim_cur as usize);
        }
    }
    None
}

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

/// The global allocator of the binary and the read+parse floor: mimalloc, called as its C API
/// is meant to be. The `mimalloc` crate's `MiMalloc` asks for every block through
/// `mi_malloc_aligned`, whose checks cost more than the allocation's fast path itself, and
/// almost every Rust block needs no more than what `mi_malloc` gives ([`plain`]).
pub struct Allocator;

/// Whether a block from `mi_malloc(size)` is aligned to `align`: mimalloc's own test
/// (`mi_malloc_is_naturally_aligned` in its `alloc-aligned.c`). On 64-bit targets its size
/// classes are whole multiples of 16 bytes but the 8-byte one, and a page of small blocks starts
/// at a multiple of their size, so every block is aligned to 16 or to its size. Anything else
/// (SIMD types, cache-line padded ones) goes through mimalloc's aligned calls.
#[inline]
fn plain(size: usize, align: usize) -> bool {
    align <= 16 && align <= size
}

// SAFETY: every block comes from mimalloc with at least the layout's alignment (`plain`, or
// mimalloc's aligned calls), and goes back to it through `mi_free`/`mi_realloc*`, which take
// any block it gave.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if plain(l.size(), l.align()) {
            mi::mi_malloc(l.size()).cast()
        } else {
            mi::mi_malloc_aligned(l.size(), l.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, l: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if plain(l.size(), l.align()) {
            mi::mi_zalloc(l.size()).cast()
        } else {
            mi::mi_zalloc_aligned(l.size(), l.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, l: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        if plain(new_size, l.align()) {
            mi::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast(), new_size, l.align()).cast()
        }
    }
}

/// The allocator's options, for the binary and the read+parse floor alike: each registers this
/// as a constructor (see `src/main.rs`), so that it runs before the first allocation.
pub extern "C" fn set_up_allocator() {
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
    if let Some(limit) = address_space_limit() {
        let kib = (limit / 16 / 1024).clamp(4 << 10, 1 << 20);
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_RESERVE, kib as std::ffi::c_long) };
    }
}

fn pool_shape() -> (usize, Option<usize>) {
    let Some(limit) = address_space_limit() else {
        return (STACK_SIZE, None);
    };
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // Each thread also costs the allocator's per-thread segments (a few MiB each): at most
    // one thread per 64 MiB of the limit.
    let threads = threads.min((limit >> 26).max(1));
    let share = limit / 4;
    let stack = (share / threads).clamp(2 << 20, STACK_SIZE);
    let threads = threads.min((share / stack).max(1));
    (stack, Some(threads))
}

/// Whether rayon's global pool is the analysis pool (set up by [`init_threads`] or [`alone`]).
static GLOBAL_POOL: OnceLock<bool> = OnceLock::new();

/// The thread pool every analysis runs in (RAYON_NUM_THREADS or one thread per core): rayon's
/// global pool when this process could set it up with large stacks (the CLI does before any
/// command but a small check, so discovery, analysis and reports share warm threads), else a pool
/// of its own.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let (stack, threads) = pool_shape();
    if *GLOBAL_POOL.get_or_init(|| builder(stack, threads).build_global().is_ok()) {
        return None;
    }
    POOL.get_or_init(|| {
        builder(stack, threads)
            .build()
            .or_else(|_| builder(2 << 20, Some(1)).build())
            .ok()
    })
    .as_ref()
}

/// A pool of one thread with the analysis threads' stack, for work too small to share out: the
/// language server lints a document there (a few milliseconds: waking other threads, and their
/// spinning once done, cost more than they saved, measured in docs/performance.md).
pub fn one_thread_pool() -> Option<rayon::ThreadPool> {
    builder(pool_shape().0, Some(1)).build().ok()
}

/// Set up the analysis threads before anything else uses rayon.
pub fn init_threads() {
    let _ = pool();
}

/// Named files of at most this many bytes in all are linted on one thread ([`alone`]).
pub const SMALL_INPUT: u64 = 256 << 10;

/// Whether a run over `paths` is small enough for one thread: standard input (an editor's
/// buffer), or files only, no directory, of at most [`SMALL_INPUT`] bytes in all.
pub fn small_input(paths: &[PathBuf]) -> bool {
    let mut total = 0u64;
    !paths.is_empty()
        && paths.iter().all(|p| {
            if p.as_os_str() == "-" {
                return true;
            }
            match std::fs::metadata(p) {
                Ok(m) if m.is_file() => {
                    total += m.len();
                    total <= SMALL_INPUT
                }
                _ => false,
            }
        })
}

/// Run `f` as the only analysis thread: one thread with the analysis stack, which is also the
/// whole of rayon's global pool, so every parallel step runs where it is called. On a file of a
/// few hundred lines, handing each step to sleeping workers and waiting for them to wake cost
/// more than a second core saved (docs/performance.md, one file). The thread is the process's
/// first one when called there and its stack may grow as far ([`main_stack_grows_to`]), else one
/// started for it (named `acslint-0`). Where the global pool is set up already, or no thread can
/// be started, `f` runs here with the usual pool. The thread stays the pool's only worker: once
/// `f` has returned, rayon's global pool has no other thread (the CLI exits).
pub fn alone<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let f = Mutex::new(Some(f));
    let take = || f.lock().ok().and_then(|mut g| g.take());
    let stack = pool_shape().0;
    // The process's first thread is there already, with its thread-local storage and the
    // allocator's heap: starting another cost 1.3-1.8 ms and 85 page faults of a 9-11 ms check
    // (docs/performance.md, one file). So it is the one thread where its stack may grow as far.
    if main_stack_grows_to(stack)
        && *GLOBAL_POOL.get_or_init(|| {
            builder(stack, Some(1))
                .use_current_thread()
                .build_global()
                .is_ok()
        })
    {
        return (take().expect("`f` runs once"))();
    }
    let ran = std::thread::scope(|s| {
        let thread = std::thread::Builder::new()
            .name("acslint-0".into())
            .stack_size(stack)
            .spawn_scoped(s, || {
                GLOBAL_POOL.get_or_init(|| {
                    builder(stack, Some(1))
                        .use_current_thread()
                        .build_global()
                        .is_ok()
                });
                take().map(|f| f())
            });
        match thread.map(|t| t.join()) {
            Ok(Ok(r)) => r,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => None,
        }
    });
    match ran {
        Some(r) => r,
        None => {
            init_threads();
            (take().expect("`f` runs once"))()
        }
    }
}

/// Whether this is the process's first thread and its stack may grow to `stack` bytes, raising
/// the soft stack limit (`ulimit -s`, 8 MiB by default) as far if the hard limit allows. Linux
/// checks the limit when the stack grows, and leaves at least 128 MiB below the first thread's
/// stack free of other mappings when the limit at start-up is smaller, so the raised limit holds.
fn main_stack_grows_to(stack: usize) -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: getpid and gettid read the caller's ids; getrlimit and setrlimit read and write
        // the struct they are given.
        unsafe {
            if libc::getpid() != libc::gettid() {
                return false;
            }
            let mut lim = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            if libc::getrlimit(libc::RLIMIT_STACK, &mut lim) != 0 {
                return false;
            }
            let want = stack as libc::rlim_t;
            if lim.rlim_cur == libc::RLIM_INFINITY || lim.rlim_cur >= want {
                return true;
            }
            if lim.rlim_max != libc::RLIM_INFINITY && lim.rlim_max < want {
                return false;
            }
            lim.rlim_cur = want;
            libc::setrlimit(libc::RLIMIT_STACK, &lim) == 0
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = stack;
        false
    }
}

/// A file as read: its text or why it could not be read.
#[derive(Clone, Debug)]
pub enum Read {
    Text(FileKind, Arc<str>),
    /// Not a file acslint reads (e.g. JSON that is neither a policy nor a plan).
    Skip,
    /// Not read yet: read it once the configuration says whether it is wanted.
    Deferred,
    Error(String),
}

/// [`read`] for the walker's threads: other text files are left for later, since a
/// configuration found by the same walk may say `secrets = "iac"` (then they are never read).
pub fn prefetch(c: &Candidate, max: u64) -> Read {
    if c.kind == Some(KindHint::Text) {
        return Read::Deferred;
    }
    read(c, max)
}

/// Read a discovered file: size limit, UTF-8, and its kind (JSON by content).
pub fn read(c: &Candidate, max: u64) -> Read {
    let bytes = match read_regular(&c.path, max) {
        Ok(b) => b,
        // Other files are read for secrets only: a large one is data, not configuration.
        Err(m) if c.kind == Some(KindHint::Text) && m.contains("-byte limit") => return Read::Skip,
        Err(m) => return Read::Error(m),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        // Binary files are not text to scan.
        Err(_) if c.kind == Some(KindHint::Text) => return Read::Skip,
        Err(e) => {
            return Read::Error(format!(
                "the file is not valid UTF-8 (invalid byte at offset {}); it was not analysed",
                e.utf8_error().valid_up_to()
            ))
        }
    };
    classify(c.kind, text, c.explicit)
}

/// Why a `.json` file named on the command line is not linted.
pub const NEITHER: &str = "the JSON file is neither a RAM policy (no top-level `Statement`) nor a Terraform plan; it was not analysed";

pub(crate) fn classify(hint: Option<KindHint>, mut text: String, explicit: bool) -> Read {
    if text.starts_with('\u{feff}') {
        // Editors hide the byte order mark and parsers reject it.
        text.drain(..3);
    }
    let kind = match hint {
        Some(KindHint::Hcl) => FileKind::Hcl,
        Some(KindHint::TfJson) => FileKind::TfJson,
        Some(KindHint::Tfvars) => FileKind::Tfvars,
        Some(KindHint::TfvarsJson) => FileKind::TfvarsJson,
        // JSON that is neither a policy nor a plan is still text to scan for secrets.
        Some(KindHint::Json) => match discover::sniff_json(&text) {
            Some(k) => k,
            // Named on the command line, it was meant to be linted: say why it is not.
            None if explicit => return Read::Error(NEITHER.into()),
            None => FileKind::Text,
        },
        Some(KindHint::Text) => {
            if text.as_bytes()[..text.len().min(8192)].contains(&0) {
                return Read::Skip;
            }
            FileKind::Text
        }
        None if explicit => {
            // A file named explicitly with an unknown extension: sniff JSON, else try HCL.
            match discover::sniff_json(&text) {
                Some(k) => k,
                None => FileKind::Hcl,
            }
        }
        None => return Read::Skip,
    };
    Read::Text(kind, text.into())
}

/// Files that `file()`/`templatefile()` calls name with a literal path (optionally after
/// `${path.module}/`) inside the calling module's directory, and that the run has not read:
/// they join the run (as `Other`), so that findings in a policy read from them point into them.
/// Whether a configuration may read them is still the evaluator's decision.
fn referenced_files(
    sources: &SourceMap,
    max: u64,
    overlay: &Option<Arc<Overlay>>,
) -> Vec<(PathBuf, String, String)> {
    // (file, directory of the module that reads it)
    let mut found: Vec<(PathBuf, PathBuf)> = sources
        .files()
        .par_iter()
        .filter(|f| f.kind == FileKind::Hcl && f.origin.is_none())
        .flat_map_iter(|f| {
            let dir = f.normalized_dir();
            file_calls(&f.text)
                .map(|p| (tf::module::normalize(&dir.join(p)), dir.to_path_buf()))
                .collect::<Vec<_>>()
        })
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    // Those the run has read already: only the files with one of their names are looked at
    // (hashing every path of the run was a serial step).
    let names: HashSet<&std::ffi::OsStr> =
        found.iter().filter_map(|(p, _)| p.file_name()).collect();
    let known: HashSet<PathBuf> = sources
        .files()
        .par_iter()
        .filter(|f| f.path.file_name().is_some_and(|n| names.contains(n)))
        .map(|f| tf::module::normalize(&f.path))
        .collect();
    found.retain(|(p, _)| !known.contains(p));
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    let cwd = std::env::current_dir().ok();
    found
        .into_par_iter()
        .filter_map(|(p, module)| {
            let dir = std::fs::canonicalize(&module).ok()?;
            let canon = std::fs::canonicalize(&p).ok()?;
            if !canon.starts_with(&dir) {
                return None;
            }
            // An editor's unsaved buffer of the file, else the disk.
            let text = match overlay.as_ref().and_then(|o| o.get(&p)) {
                Some(t) => t.clone(),
                None => String::from_utf8(read_regular(&canon, max).ok()?).ok()?,
            };
            Some((p.clone(), display_path_in(&p, cwd.as_deref()), text))
        })
        .collect()
}

/// The paths that the `file()`/`templatefile()` calls of `text` name (group 1 of
/// [`file_call_re`]). Every call holds `file(`: a text without it does not build the regex.
pub(crate) fn file_calls(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.contains("file(")
        .then(|| file_call_re().captures_iter(text))
        .into_iter()
        .flatten()
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
}

fn file_call_re() -> &'static regex::Regex {
    static CALL: OnceLock<regex::Regex> = OnceLock::new();
    CALL.get_or_init(|| {
        regex::Regex::new(
            r#"(?-u:\b)(?:file|templatefile)\(\s*"(?:\$\{path\.module\}/)?([^"$\r\n]+)""#,
        )
        .expect("valid regex")
    })
}

/// Run the whole pipeline, in the analysis thread pool (or in the pool it is called from: the
/// language server's [`one_thread_pool`]).
pub fn lint(opts: &LintOptions, reg: &Registry, sel: &Selection) -> Result<LintResult, String> {
    if rayon::current_thread_index().is_some() {
        return lint_in_pool(opts, reg, sel);
    }
    match pool() {
        Some(p) => p.install(|| lint_in_pool(opts, reg, sel)),
        None => lint_in_pool(opts, reg, sel),
    }
}

/// `ACSLINT_TIMINGS=1` prints the wall time of each stage on stderr, the CPU time the process
/// spent in it (two busy threads: twice the wall time) and the resident memory after it (see
/// docs/performance.md).
pub(crate) struct Timings(Option<(std::time::Instant, f64)>);

/// User and system time of the process so far, in milliseconds.
fn cpu_ms() -> f64 {
    #[cfg(unix)]
    {
        // SAFETY: getrusage fills the struct it is given and reads nothing else.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } == 0 {
            let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
            return ms(u.ru_utime) + ms(u.ru_stime);
        }
    }
    0.0
}

impl Timings {
    pub(crate) fn new() -> Self {
        Timings(
            std::env::var_os("ACSLINT_TIMINGS")
                .is_some()
                .then(|| (std::time::Instant::now(), cpu_ms())),
        )
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if let Some((t, cpu)) = &mut self.0 {
            // Resident memory after the stage, where /proc says it (Linux).
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map(|pages| format!("{:>7.1} MiB", (pages * 4096) as f64 / (1 << 20) as f64))
                .unwrap_or_default();
            let now = cpu_ms();
            eprintln!(
                "acslint: {stage:<10} {:>8.2} ms {rss} {:>8.2} ms CPU",
                t.elapsed().as_secs_f64() * 1e3,
                now - *cpu
            );
            *t = std::time::Instant::now();
            *cpu = now;
        }
    }
}

fn lint_in_pool(opts: &LintOptions, reg: &Registry, sel: &Selection) -> Result<LintResult, String> {
    if opts.files_alone || (opts.targets.is_empty() && opts.stdin.is_some()) {
        return lint_gathered(opts, reg, sel);
    }
    target::lint_with_targets(opts, reg, sel)
}

/// The pipeline over what `opts` names (standard input, or the paths walked), every file as it
/// comes: Terraform files named on their own are not put in their modules here (see
/// [`target`]).
pub(crate) fn lint_gathered(
    opts: &LintOptions,
    reg: &Registry,
    sel: &Selection,
) -> Result<LintResult, String> {
    let mut timings = Timings::new();
    let mut sources = SourceMap::default();
    let mut emits: Vec<Emit> = Vec::new();
    let mut ignored = 0;
    // Code that was not checked is reported whatever the selection says.
    let forced;
    let sel = if opts.allow_incomplete || NEVER_HIDDEN.iter().all(|r| sel.is_enabled(r)) {
        sel
    } else {
        let mut s = sel.clone();
        s.enabled
            .extend(NEVER_HIDDEN.iter().filter_map(|r| reg.id(r)).cloned());
        forced = s;
        &forced
    };

    if let Some((name, text)) = &opts.stdin {
        let hint = KindHint::of(Path::new(name)).or(Some(KindHint::Hcl));
        match classify(hint, text.clone(), true) {
            Read::Text(kind, text) => {
                sources.add(PathBuf::from(name), name.clone(), kind, text);
            }
            Read::Skip | Read::Deferred | Read::Error(_) => {}
        }
    } else {
        // Lent, not copied: the main thread copying every candidate's path was a serial step.
        let walked;
        let d = match &opts.discovered {
            Some(d) => d,
            None => {
                walked = discover::discover_all(&opts.paths, &opts.discover)?;
                &walked
            }
        };
        ignored = d.ignored;
        let (cands, walk_errors) = (&d.candidates, &d.errors);
        timings.lap("discover");
        // Files the caller read during the walk, else none yet.
        let prefetched: Vec<Option<&Read>> = match &opts.prefetched {
            Some(p) if p.len() == cands.len() => p.iter().map(Some).collect(),
            _ => cands.iter().map(|_| None).collect(),
        };
        let mut pairs: Vec<(&Candidate, Option<&Read>)> = cands.iter().zip(prefetched).collect();
        // `secrets = "iac"`: other text files are not scanned.
        let scan_text = |p: &Path| {
            opts.config
                .as_ref()
                .and_then(|cs| cs.for_path(p))
                .and_then(|c| c.secrets.as_ref().map(|s| s.value))
                != Some(crate::config::SecretsScope::Iac)
        };
        pairs.retain(|(c, _)| c.kind != Some(KindHint::Text) || c.explicit || scan_text(&c.path));
        if let Some(cs) = &opts.config {
            // `exclude`/`include` of each file's configuration; files named explicitly stay.
            pairs.retain(|(c, _)| {
                c.explicit
                    || cs
                        .for_path(&c.path)
                        .is_none_or(|cfg| !cfg.excludes(&c.path))
            });
        }
        for w in walk_errors {
            let display = w
                .path
                .as_deref()
                .map(display_path)
                .unwrap_or_else(|| ".".into());
            let id = sources.add(
                w.path.clone().unwrap_or_default(),
                display,
                FileKind::Other,
                Arc::from(""),
            );
            emits.push(Emit::new("TF002", id, None).field("reason", w.message.clone()));
        }
        let cwd = std::env::current_dir().ok();
        let display_path = |p: &Path| display_path_in(p, cwd.as_deref());
        // Files are read, checked and line-indexed in parallel; ids are given in path order.
        let reads: Vec<Result<Option<Arc<SourceFile>>, String>> = pairs
            .par_iter()
            .map(|(c, pre)| {
                let r;
                let r = match pre {
                    Some(Read::Deferred) | None => {
                        r = read(c, opts.max_file_size);
                        &r
                    }
                    Some(p) => *p,
                };
                match r {
                    Read::Text(kind, text) => Ok(Some(Arc::new(SourceFile::new(
                        FileId(0),
                        c.path.clone(),
                        display_path(&c.path),
                        *kind,
                        text.clone(),
                    )))),
                    Read::Skip | Read::Deferred => Ok(None),
                    Read::Error(reason) => Err(reason.clone()),
                }
            })
            .collect();
        for ((c, _), r) in pairs.iter().zip(reads) {
            match r {
                // JSON that turned out to be neither a policy nor a plan.
                Ok(Some(f)) if f.kind == FileKind::Text && !c.explicit && !scan_text(&f.path) => {}
                Ok(Some(f)) => {
                    sources.push(f);
                }
                Ok(None) => {}
                Err(reason) => {
                    let id = sources.add(
                        c.path.clone(),
                        display_path(&c.path),
                        FileKind::Other,
                        Arc::from(""),
                    );
                    let code = if reason.contains("-byte limit") {
                        "TF003"
                    } else {
                        "TF002"
                    };
                    emits.push(Emit::new(code, id, None).field("reason", reason));
                }
            }
        }
    }

    // Local modules the scanned files call and the scan did not reach: evaluated with their
    // callers, reported on never (see `target::called_modules`).
    let mut context: HashSet<FileId> = HashSet::default();
    timings.lap("read");
    if !opts.files_alone && opts.stdin.is_none() {
        let cwd = std::env::current_dir().ok();
        for (path, r) in target::called_modules(opts, &sources) {
            // One that cannot be read leaves its call "not analysed" (TF004).
            if let Read::Text(kind, text) = r {
                let display = display_path_in(&path, cwd.as_deref());
                context.insert(sources.add(path, display, kind, text));
            }
        }
    }
    timings.lap("calls");
    // `.tf.json` files are analysed through their native-syntax rewrite.
    let rewrites: Vec<(FileId, Option<tf::json_syntax::Rewrite>)> = sources
        .files()
        .par_iter()
        .filter(|f| f.kind == FileKind::TfJson)
        .map(|f| (f.id, tf::json_syntax::to_hcl(f.id, &f.text)))
        .collect();
    for (file, r) in rewrites {
        if let Some((text, segments)) = r {
            sources.add_virtual(
                FileKind::Hcl,
                text.into(),
                crate::source::Origin { file, segments },
            );
        }
    }
    for (path, display, text) in referenced_files(&sources, opts.max_file_size, &opts.overlay) {
        sources.add(path, display, FileKind::Other, text.into());
    }
    timings.lap("rewrites");
    let kind_of = |f: &SourceFile| {
        opts.config
            .as_ref()
            .and_then(|cs| cs.for_path(&f.path))
            .and_then(|cfg| cfg.policy_kind_of(&f.path))
    };
    // Directories the configuration names as root modules (configured from outside).
    let configured_root = |c: &mut Configuration| {
        if let Some(cs) = opts.config.as_ref().filter(|_| !c.root) {
            c.root = cs
                .for_path(&c.dir.join(crate::config::FILE_NAME))
                .is_some_and(|cfg| cfg.names_root(&c.dir));
        }
    };
    // Each module directory's configuration is checked as soon as it is evaluated, and freed
    // (docs/performance.md, corpus): unless some files' findings only are wanted, a cache of
    // verdicts is kept, or plans are read, which all look at the whole workspace afterwards.
    let checker = (opts.check_only.is_none()
        && opts.verdicts.is_none()
        && !sources.files().iter().any(|f| f.kind == FileKind::Plan))
    .then(|| engine::Checker::new(reg, sel))
    .transpose()?;
    let source_map = &sources;
    let check = checker.as_ref().map(|k| {
        move |c: &mut Configuration| {
            configured_root(c);
            k.configuration(source_map, c)
        }
    });
    let check = check.as_ref().map(|f| f as &tf::Check);
    let marker = opts.inject_panic.as_deref();
    let mut ws = build_workspace_inner(&sources, &opts.eval, &kind_of, marker, check);
    ws.emits.splice(0..0, emits);
    ws.configurations.iter_mut().for_each(configured_root);
    timings.lap("model");
    let front_end_panics = ws.emits.iter().filter(|e| e.rule == "TF006").count();
    let files = sources
        .files()
        .iter()
        .filter(|f| !matches!(f.kind, FileKind::Other | FileKind::Text) && f.origin.is_none())
        .count()
        - context.len();
    let only = opts
        .check_only
        .as_ref()
        .map(|named| target::checked_files(&sources, &ws, named));
    if only.is_some() {
        timings.lap("scope");
    }
    let mut out = engine::run_freeing(
        reg,
        sel,
        &sources,
        &mut ws,
        only.as_ref(),
        opts.verdicts.as_deref(),
    )?;
    timings.lap("rules");
    // Plans: what each one changes, then findings moved onto the `.tf` sources beside it.
    let mut plan_fixed = crate::review::review(reg, sel, &sources, &ws, &mut out.findings)?;
    crate::review::locate(
        &mut sources,
        &ws,
        opts.plan_config_dir.as_deref(),
        opts.max_file_size,
        &mut out.findings,
        &mut plan_fixed,
    );
    crate::review::mask_sensitive_text(&mut sources, &ws);
    timings.lap("plans");
    let (findings, mut suppressed) =
        filter(opts, reg, sel, &sources, std::mem::take(&mut out.findings));
    out.findings = findings;
    if !context.is_empty() {
        let keep = outside_context(&sources, &context);
        out.findings.retain(|f| keep(f.file));
        suppressed.retain(|s| keep(s.finding.file));
        out.unknowns.retain(|u| keep(u.file));
    }
    // `filter` returns them sorted, and taking some out keeps the order.
    timings.lap("filter");
    // Freeing the model is work too: share it (configurations hold most of it).
    let Workspace {
        configurations,
        documents,
        ..
    } = ws;
    rayon::join(
        || configurations.into_par_iter().for_each(drop),
        || documents.into_par_iter().for_each(drop),
    );
    timings.lap("drop");
    let sources = redact(sources, &mut out, &mut suppressed);
    for f in &mut plan_fixed {
        crate::redact::redact_string(&mut f.message);
        f.label.iter_mut().for_each(crate::redact::redact_string);
    }
    timings.lap("redact");
    Ok(LintResult {
        sources,
        findings: out.findings,
        unknowns: out.unknowns,
        files,
        suppressed,
        ignored,
        internal_errors: front_end_panics + out.internal_errors,
        plan_fixed,
    })
}

/// Whether a file is one the run reports on: not one of the `context` modules' files (nor their
/// `.tf.json` rewrites), nor a file read with `file()` by them only.
fn outside_context<'a>(
    sources: &'a SourceMap,
    context: &'a HashSet<FileId>,
) -> impl Fn(FileId) -> bool + 'a {
    let in_context = move |id: FileId| {
        let f = sources.get(id);
        context.contains(&f.origin.as_ref().map_or(id, |o| o.file))
    };
    // Files read with `file()`, by the scanned files and by the context's.
    let (mut by_scanned, mut by_context) = (HashSet::default(), HashSet::default());
    for f in sources
        .files()
        .iter()
        .filter(|f| f.kind == FileKind::Hcl && f.origin.is_none())
    {
        let dir = f.normalized_dir();
        let set = if context.contains(&f.id) {
            &mut by_context
        } else {
            &mut by_scanned
        };
        for p in file_calls(&f.text) {
            set.insert(tf::module::normalize(&dir.join(p)));
        }
    }
    move |id: FileId| {
        let f = sources.get(id);
        let p = || tf::module::normalize(&f.path);
        !in_context(id)
            && (f.kind != FileKind::Other
                || !by_context.contains(&p())
                || by_scanned.contains(&p()))
    }
}

/// Mask secrets in everything the reporters may show: the texts of the files that findings and
/// unknown notes point into (for snippets), and the findings' own words. Masks keep lengths, so
/// spans stay valid.
fn redact(
    sources: SourceMap,
    out: &mut engine::Outcome,
    suppressed: &mut [Suppressed],
) -> SourceMap {
    let mut shown = vec![false; sources.len()];
    let mut mark = |id: FileId| {
        if let Some(s) = shown.get_mut(id.0 as usize) {
            *s = true;
        }
    };
    for f in out
        .findings
        .iter()
        .chain(suppressed.iter().map(|s| &s.finding))
    {
        mark(f.file);
        f.secondary.iter().for_each(|l| mark(l.loc.file));
    }
    // The help and label of one rule's findings are mostly one text (250k of the 300k findings
    // of a large policy document share both): a text equal to the last one of its kind that
    // this job found clean is clean, and is not scanned again.
    let same = |t: &mut String, clean: &mut String| {
        if t != clean && redact_words(t) {
            clean.clone_from(t);
        }
    };
    // A shared help is compared by pointer first (one rule's findings share one).
    let same_shared = |t: &mut Arc<str>, clean: &mut Option<Arc<str>>| {
        if clean
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(c, t) || **c == **t)
        {
            return;
        }
        match masked_words(t) {
            Some(r) => *t = r.into(),
            None => *clean = Some(t.clone()),
        }
    };
    let redact_string = |t: &mut String| {
        redact_words(t);
    };
    let words = |clean: &mut (Option<Arc<str>>, String), f: &mut Finding| {
        redact_string(&mut f.message);
        f.help.iter_mut().for_each(|t| same_shared(t, &mut clean.0));
        f.label.iter_mut().for_each(|t| same(t, &mut clean.1));
        f.notes.iter_mut().for_each(redact_string);
        f.secondary
            .iter_mut()
            .for_each(|l| redact_string(&mut l.text));
        f.resource.iter_mut().for_each(redact_string);
    };
    out.findings
        .par_iter_mut()
        .for_each_init(Default::default, words);
    suppressed
        .par_iter_mut()
        .for_each_init(Default::default, |c, s| words(c, &mut s.finding));
    for s in suppressed.iter_mut() {
        s.reason.iter_mut().for_each(redact_string);
    }
    for u in &mut out.unknowns {
        mark(u.file);
        redact_string(&mut u.reason);
        u.address.iter_mut().for_each(redact_string);
    }
    // Each shown file is scanned once; the map is rebuilt only when one holds a secret.
    let masked: Vec<Option<String>> = sources
        .files()
        .par_iter()
        .map(|f| match shown[f.id.0 as usize] {
            true => match crate::redact::redact(&f.text) {
                std::borrow::Cow::Owned(t) => Some(t),
                std::borrow::Cow::Borrowed(_) => None,
            },
            false => None,
        })
        .collect();
    let mut sources = sources;
    for (i, t) in masked.into_iter().enumerate() {
        if let Some(t) = t {
            sources.replace_text(FileId(i as u32), t.into());
        }
    }
    sources
}

/// Mask the secrets in `t` (see [`crate::redact::redact`]); whether it was clean. A process that
/// lints again and again (the language server, on every change) remembers the texts it met
/// lately and what they became: a finding's words are mostly the last run's, and redaction is
/// a function of the text alone.
fn redact_words(t: &mut String) -> bool {
    match masked_words(t) {
        Some(r) => {
            *t = r;
            false
        }
        None => true,
    }
}

/// What [`redact_words`] makes of `t`, if it holds a secret.
fn masked_words(t: &str) -> Option<String> {
    use std::borrow::Cow;
    let masked = |t: &str| match crate::redact::redact(t) {
        Cow::Owned(r) => Some(r),
        Cow::Borrowed(_) => None,
    };
    let m = if crate::util::repeated_runs() {
        thread_local! {
            static SEEN: std::cell::RefCell<crate::util::Recent<String, Option<String>>> =
                std::cell::RefCell::new(crate::util::Recent::new(2048));
        }
        SEEN.with(|seen| seen.borrow_mut().get_or(t, str::to_string, || masked(t)))
    } else {
        masked(t)
    };
    m
}

/// The filter stage, after the rules ran: each file's configuration (`select`/`ignore`,
/// `per_path`, `severity`), then inline suppressions, which add their own diagnostics (TF010–
/// TF013). Returns the findings kept and those suppressed.
pub fn filter(
    opts: &LintOptions,
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<Suppressed>) {
    // Each file's configuration, looked up once (a lookup walks and hashes its ancestors).
    let cfgs: Vec<OnceLock<Option<Arc<Config>>>> =
        (0..sources.len()).map(|_| OnceLock::new()).collect();
    let cfg_of = |id: FileId| -> Option<Arc<Config>> {
        cfgs.get(id.0 as usize)?
            .get_or_init(|| opts.config.as_ref()?.for_path(&sources.get(id).path))
            .clone()
    };
    let locked = |rule: &str| !opts.allow_incomplete && is_incomplete(rule);
    let always = |rule: &str| !opts.allow_incomplete && is_never_hidden(rule);
    let enabled = |id: FileId, rule: &str| -> bool {
        always(rule)
            || (sel.is_enabled(rule)
                && (!opts.config_selection || cfg_of(id).is_none_or(|c| c.selects(reg, rule))))
    };
    // In place: nothing moves until the first finding dropped (300k findings of ~400 bytes).
    // Asked once per run of findings of one rule on one file (300k of one rule in a large
    // document); the rule's code compared by pointer: one rule's findings share it.
    let mut findings = findings;
    let mut last: Option<(FileId, *const u8, bool)> = None;
    findings.retain(|f| match last {
        Some((file, rule, on)) if file == f.file && rule == f.rule.as_ptr() => on,
        _ => {
            last.insert((f.file, f.rule.as_ptr(), enabled(f.file, &f.rule)))
                .2
        }
    });
    let allow_inline = |id: FileId| {
        opts.inline_suppressions
            && cfg_of(id).is_none_or(|c| c.inline_suppressions.as_ref().is_none_or(|s| s.value))
    };
    let applied = suppress::apply(
        reg,
        sel,
        sources,
        findings,
        suppress::Date::today(),
        &enabled,
        &allow_inline,
    );
    let mut suppressed = applied.suppressed;
    // In place too: a file's configuration sets severities where the findings are, and only
    // when it ignores some are the findings moved (those ignored taken out, in order).
    let mut kept = applied.findings;
    let mut ignored: Vec<(usize, String)> = Vec::new();
    if opts.config.is_some() {
        for (i, f) in kept.iter_mut().enumerate() {
            let Some(cfg) = cfg_of(f.file).filter(|_| !locked(&f.rule)) else {
                continue;
            };
            if let Some(s) = cfg.severity.get(&*f.rule) {
                f.severity = s.value;
            }
            // Per-path ignores are the project's central decision: they apply to every rule,
            // even those that inline comments cannot silence.
            if let Some(pp) = cfg.per_path_ignore(reg, &sources.get(f.file).path, &f.rule) {
                ignored.push((i, format!("per_path ({})", pp.origin.describe())));
            }
        }
    }
    if !ignored.is_empty() {
        let mut ignored = ignored.into_iter().peekable();
        for (i, finding) in std::mem::take(&mut kept).into_iter().enumerate() {
            match ignored.next_if(|(at, _)| *at == i) {
                Some((_, by)) => suppressed.push(Suppressed {
                    finding,
                    by,
                    reason: None,
                }),
                None => kept.push(finding),
            }
        }
    }
    engine::sort_findings(sources, &mut kept);
    suppressed.sort_by(|a, b| {
        let key = |s: &Suppressed| {
            let f = &s.finding;
            (
                sources.get(f.file).display.clone(),
                f.loc.map(|l| l.start),
                f.rule.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    (kept, suppressed)
}

/// Parse every file and build the model the rules see.
pub fn build_workspace(sources: &SourceMap) -> Workspace {
    build_workspace_with(sources, &tf::EvalOptions::default())
}

/// [`build_workspace`] with Terraform variable inputs.
pub fn build_workspace_with(sources: &SourceMap, eval: &tf::EvalOptions) -> Workspace {
    build_workspace_kinds(sources, eval, &|_| None)
}

fn inject(marker: Option<&str>, text: &str) {
    if let Some(m) = marker {
        if !m.is_empty() && text.contains(m) {
            panic!("injected fault");
        }
    }
}

/// [`build_workspace_with`] and a configured kind for standalone policy files (`policy_kind`).
pub fn build_workspace_kinds(
    sources: &SourceMap,
    eval: &tf::EvalOptions,
    kind_of: &(dyn Fn(&SourceFile) -> Option<DocKind> + Sync),
) -> Workspace {
    build_workspace_inner(sources, eval, kind_of, None, None)
}

/// Policy files are parsed in parallel, each with panics contained; `marker` is the fault
/// injection of [`LintOptions::inject_panic`].
fn build_workspace_inner(
    sources: &SourceMap,
    eval: &tf::EvalOptions,
    kind_of: &(dyn Fn(&SourceFile) -> Option<DocKind> + Sync),
    marker: Option<&str>,
    check: Option<&tf::Check>,
) -> Workspace {
    let mut ws = Workspace::default();
    let parsed: Vec<(Vec<Emit>, Vec<Document>)> = sources
        .files()
        .par_iter()
        .map(|f| match f.kind {
            FileKind::Policy => guarded(f.id, "policy document", || {
                inject(marker, &f.text);
                policy_file(f.id, &f.text, kind_of(f))
            })
            .unwrap_or_else(|e| (vec![*e], Vec::new())),
            _ => (Vec::new(), Vec::new()),
        })
        .collect();
    for (e, d) in parsed {
        ws.emits.extend(e);
        ws.documents.extend(d);
    }
    load_terraform(sources, eval, marker, check, &mut ws);
    ws
}

fn is_terraform(k: FileKind) -> bool {
    matches!(
        k,
        FileKind::Hcl | FileKind::Tfvars | FileKind::TfJson | FileKind::TfvarsJson
    )
}

/// The same files with the same ids, where only the Terraform files `keep` accepts stay
/// Terraform (the others become `Other`, which the Terraform front end ignores).
fn only(sources: &SourceMap, keep: impl Fn(&crate::source::SourceFile) -> bool) -> SourceMap {
    let mut m = SourceMap::default();
    for f in sources.files() {
        let kind = if is_terraform(f.kind) && !keep(f) {
            FileKind::Other
        } else {
            f.kind
        };
        m.add(f.path.clone(), f.display.clone(), kind, f.text.clone());
    }
    m
}

/// Load the Terraform configurations with panics contained. The common case is one call; when
/// it panics, each directory is loaded on its own, and in a directory that still panics each
/// file is tried alone to find the culprits, which are reported (`TF006`) and left out.
fn load_terraform(
    sources: &SourceMap,
    eval: &tf::EvalOptions,
    marker: Option<&str>,
    check: Option<&tf::Check>,
    ws: &mut Workspace,
) {
    let load = |m: &SourceMap| {
        catch_unwind(AssertUnwindSafe(|| {
            if marker.is_some() {
                for f in m.files().iter().filter(|f| is_terraform(f.kind)) {
                    inject(marker, &f.text);
                }
            }
            let mut part = Workspace::default();
            tf::load_checking(m, &mut part, eval, check);
            part
        }))
    };
    let merge = |ws: &mut Workspace, part: Workspace| {
        ws.emits.extend(part.emits);
        ws.documents.extend(part.documents);
        ws.unknowns.extend(part.unknowns);
        ws.configurations.extend(part.configurations);
        ws.plans.extend(part.plans);
        ws.checked.extend(part.checked);
    };
    match load(sources) {
        Ok(part) => return merge(ws, part),
        // Consume the recorded location: the retries below report their own.
        Err(p) => drop(panic_reason(&*p)),
    }
    let mut dirs: BTreeMap<&Path, Vec<FileId>> = BTreeMap::new();
    for f in sources.files().iter().filter(|f| is_terraform(f.kind)) {
        dirs.entry(f.dir()).or_default().push(f.id);
    }
    for (dir, ids) in dirs {
        let in_dir = |f: &crate::source::SourceFile| f.dir() == dir;
        if let Ok(part) = load(&only(sources, in_dir)) {
            merge(ws, part);
            continue;
        }
        let mut culprits = Vec::new();
        for &id in &ids {
            if let Err(p) = load(&only(sources, |f| f.id == id)) {
                ws.emits.push(
                    Emit::new("TF006", id, None)
                        .field("what", crate::i18n::tr!("Terraform file").to_string())
                        .field("reason", panic_reason(&*p)),
                );
                culprits.push(id);
            }
        }
        let rest = |f: &crate::source::SourceFile| f.dir() == dir && !culprits.contains(&f.id);
        match load(&only(sources, rest)) {
            Ok(part) => merge(ws, part),
            // No single file is to blame: the directory as a whole is lost.
            Err(p) => {
                if let Some(&id) = ids.first() {
                    ws.emits.push(
                        Emit::new("TF006", id, None)
                            .field(
                                "what",
                                crate::i18n::tr!("Terraform configuration in this directory")
                                    .to_string(),
                            )
                            .field("reason", panic_reason(&*p)),
                    );
                }
            }
        }
    }
}

fn policy_file(file: FileId, text: &str, kind: Option<DocKind>) -> (Vec<Emit>, Vec<Document>) {
    match json::parse(text, SpanMap::Exact { file, offset: 0 }) {
        Ok(value) => {
            let kind = kind.unwrap_or_else(|| infer_kind(&value));
            let whole = Some(Loc::new(file, 0..text.len()));
            (
                Vec::new(),
                vec![Document {
                    kind,
                    value,
                    file,
                    loc: whole,
                    resource: None,
                    text: Some(text.to_string()),
                    call_sites: Vec::new(),
                }],
            )
        }
        Err(e) => (
            vec![Emit::new("RAM000", file, e.loc)
                .field("reason", e.message.clone())
                .label(e.message)],
            Vec::new(),
        ),
    }
}

/// The kind of a standalone policy: statements with a `Principal` make a trust policy when every
/// action is `sts:AssumeRole`, a bucket policy otherwise; no principal makes an identity policy.
pub fn infer_kind(v: &Value) -> DocKind {
    let statements: Vec<&Value> = match v.entry_ignore_case("Statement").map(|e| &e.value) {
        Some(s) => match s.as_list() {
            Some(l) => l.iter().collect(),
            None => vec![s],
        },
        None => return DocKind::Identity,
    };
    let with_principal: Vec<&&Value> = statements
        .iter()
        .filter(|s| s.entry_ignore_case("Principal").is_some())
        .collect();
    if with_principal.is_empty() {
        return DocKind::Identity;
    }
    let acts: Vec<String> = with_principal
        .iter()
        .flat_map(|s| {
            let a = s.entry_ignore_case("Action").map(|e| &e.value);
            match a {
                Some(a) => match a.as_list() {
                    Some(l) => l.iter().filter_map(Value::as_str).collect(),
                    None => a.as_str().into_iter().collect(),
                },
                None => Vec::new(),
            }
        })
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();
    let all = |prefix: &str| !acts.is_empty() && acts.iter().all(|a| a.starts_with(prefix));
    // A trust policy has no resources; one that also grants other actions (which a trust
    // rule reports) is still a trust policy. Resource policies name the service of every
    // action they grant.
    let no_resource = with_principal.iter().all(|s| {
        s.entry_ignore_case("Resource").is_none() && s.entry_ignore_case("NotResource").is_none()
    });
    if all("sts:assumerole")
        || (no_resource && acts.iter().any(|a| a.starts_with("sts:assumerole")))
    {
        DocKind::Trust
    } else if all("kms:") {
        DocKind::Kms
    } else if all("log:") {
        DocKind::Log
    } else {
        DocKind::Bucket
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block the allocator gives is aligned as its layout asks, whether it took
    /// `mi_malloc` or an aligned call, through growing and shrinking reallocations that keep
    /// the contents: every size up to 600 bytes (each of mimalloc's small size classes) and a
    /// few up to 600 KB, at the alignments Rust's types have and a few larger.
    #[test]
    fn allocator_blocks_are_aligned_as_asked() {
        use std::alloc::{GlobalAlloc, Layout};
        let a = Allocator;
        let sizes = (1..=600).chain([1000, 1024, 4096, 5000, 70_000, 600_000]);
        let mut held = Vec::new();
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let l = Layout::from_size_align(size, align).expect("a valid layout");
                for (k, new) in [size * 3 + 7, size.div_ceil(2)].into_iter().enumerate() {
                    let zeroed = k == 0;
                    // SAFETY: the layout's size is not zero; the block is written within it,
                    // reallocated with it and freed with the layout of its new size.
                    unsafe {
                        let p = if zeroed {
                            a.alloc_zeroed(l)
                        } else {
                            a.alloc(l)
                        };
                        assert!(!p.is_null(), "{size}/{align}");
                        assert_eq!(p as usize % align, 0, "alloc {size}/{align}");
                        if zeroed {
                            assert!((0..size).all(|i| *p.add(i) == 0), "zeroed {size}/{align}");
                        }
                        for i in 0..size {
                            *p.add(i) = i as u8;
                        }
                        let q = a.realloc(p, l, new);
                        assert_eq!(q as usize % align, 0, "realloc {size}→{new}/{align}");
                        let kept = size.min(new);
                        assert!((0..kept).all(|i| *q.add(i) == i as u8), "kept {size}→{new}");
                        a.dealloc(q, Layout::from_size_align(new, align).expect("valid"));
                    }
                }
                // SAFETY: as above; the block is freed below, with its layout.
                let p = unsafe { a.alloc(l) };
                assert_eq!(p as usize % align, 0, "again {size}/{align}");
                held.push((p, l));
                // Keep some blocks live so later ones come from partly used pages.
                if held.len() > 64 {
                    for (p, l) in held.drain(..32) {
                        // SAFETY: allocated above with this layout, freed once.
                        unsafe { a.dealloc(p, l) };
                    }
                }
            }
        }
        for (p, l) in held {
            // SAFETY: as above.
            unsafe { a.dealloc(p, l) };
        }
    }

    /// The findings' words redacted through what a process that lints again and again
    /// remembers are what `redact` makes of them: clean texts, texts with an AccessKey id or a
    /// keyed secret (masked again when met again), near misses, and texts met again after more
    /// others than are kept.
    #[test]
    fn remembered_words_are_redacted_as_redact_does() {
        crate::util::expect_repeated_runs();
        let key = "LTAI5tQ8ZkP2xWm4Rn7Hc3Vb";
        let check = |t: &str| {
            let mut s = t.to_string();
            let clean = redact_words(&mut s);
            let want = crate::redact::redact(t);
            assert_eq!(s, want, "{t}");
            assert_eq!(clean, matches!(want, std::borrow::Cow::Borrowed(_)), "{t}");
            clean
        };
        let texts = [
            "bucket `b` is public".to_string(),
            format!("the key {key} is written here"),
            format!("the key {key}. is written here"),
            "password = \"hunter2hunter2\"".to_string(),
            "password = var.p".to_string(),
            String::new(),
        ];
        for _ in 0..3 {
            let cleans: Vec<bool> = texts.iter().map(|t| check(t)).collect();
            assert_eq!(cleans.iter().filter(|c| !**c).count(), 3, "{cleans:?}");
        }
        for i in 0..5000 {
            check(&format!("message {i} with {key}{i}"));
            check(&format!("message {i}"));
        }
        for t in &texts {
            check(t);
        }
    }

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    fn run(dir: &Path, marker: Option<&str>) -> LintResult {
        let reg = Registry::builtin();
        let opts = LintOptions {
            paths: vec![dir.to_path_buf()],
            inject_panic: marker.map(str::to_string),
            ..Default::default()
        };
        lint(&opts, reg, &Selection::defaults(reg)).unwrap()
    }

    fn codes(r: &LintResult) -> Vec<(String, String)> {
        r.findings
            .iter()
            .map(|f| {
                let name = r.sources.get(f.file).path.file_name().unwrap();
                (f.rule.to_string(), name.to_string_lossy().into_owned())
            })
            .collect()
    }

    const OK: &str = "resource \"alicloud_ram_user\" \"u\" {\n  name = \"a\"\n}\n";

    #[test]
    fn configurations_checked_as_evaluated_give_the_findings_of_the_whole_workspace() {
        let bucket = |name: &str| {
            format!(
                "resource \"alicloud_oss_bucket\" \"{name}\" {{\n  bucket = \"{name}\"\n  \
                 referer_config {{\n    allow_empty = true\n    referers = [\"https://x.example\"]\n  \
                 }}\n}}\n"
            )
        };
        let caller = format!("module \"m\" {{\n  source = \"../m\"\n}}\n{}", bucket("a"));
        // Past 256 KiB of Terraform, the trees are not kept for the whole run: those checked
        // as they are evaluated fix with the component's trees, the others parse each block.
        let large = "# padding\n".repeat(30_000);
        for pad in ["", large.as_str()] {
            same_findings_checked_as_evaluated(&caller, &bucket, pad);
        }
    }

    fn same_findings_checked_as_evaluated(
        caller: &str,
        bucket: &dyn Fn(&str) -> String,
        pad: &str,
    ) {
        let dir = tree(&[
            ("a/main.tf", caller),
            ("m/main.tf", bucket("m").as_str()),
            ("b/main.tf", bucket("b").as_str()),
            ("b/users.tf", OK),
            ("b/pad.tf", pad),
        ]);
        let reg = Registry::builtin();
        let sel = Selection::defaults(reg);
        let opts = LintOptions {
            paths: vec![dir.path().to_path_buf()],
            ..Default::default()
        };
        // A cache of verdicts makes the rules run on the whole workspace after the model stage.
        let whole = LintOptions {
            verdicts: Some(Arc::new(engine::VerdictCache::default())),
            ..opts.clone()
        };
        let (a, b) = (
            lint(&opts, reg, &sel).unwrap(),
            lint(&whole, reg, &sel).unwrap(),
        );
        assert_eq!(a.findings, b.findings);
        assert_eq!(a.unknowns, b.unknowns);
        // One bucket per configuration: `a`'s own and its module's, `b`'s.
        let oss: Vec<_> = codes(&a).into_iter().filter(|c| c.0 == "OSS002").collect();
        assert_eq!(oss.len(), 3, "{:?}", codes(&a));
        assert!(a.findings.iter().filter(|f| f.fix.is_some()).count() >= 3);
    }

    #[test]
    fn a_panicking_file_is_reported_and_the_others_still_analysed() {
        let d = tree(&[
            ("a/boom.tf", "# BOOM\nresource \"x\" \"y\" {}\n"),
            ("a/fine.tf", OK),
            ("b/broken.tf", "resource \"x\" {\n"),
            ("c/p.json", "{\"Statement\": [BOOM]}"),
            ("c/q.json", "{\"Statement\": [}"),
        ]);
        let r = run(d.path(), Some("BOOM"));
        assert_eq!(
            codes(&r),
            vec![
                ("TF006".into(), "boom.tf".into()),
                ("TF001".into(), "broken.tf".into()),
                ("TF006".into(), "p.json".into()),
                ("RAM000".into(), "q.json".into()),
            ]
        );
        assert_eq!(r.internal_errors, 2);
        // The configuration of `a/` lost only the panicking file.
        let ws = build_workspace(&only(&r.sources, |f| !f.text.contains("BOOM")));
        assert!(ws
            .configurations
            .iter()
            .any(|c| c.blocks.iter().any(|b| b.address == "alicloud_ram_user.u")));
        let clean = run(d.path(), None);
        assert_eq!(clean.internal_errors, 0);
        assert!(!codes(&clean).iter().any(|(c, _)| c == "TF006"));
    }

    /// Every built-in rule, off-by-default ones included.
    fn every_rule() -> Selection {
        Selection {
            enabled: Registry::builtin().ids().iter().cloned().collect(),
            ..Default::default()
        }
    }

    /// `path` linted (with `text` in place of the disk) with `cache`, swept after it as the
    /// language server does, and checked against a fresh lint: the same findings (spans,
    /// messages, notes, fixes) and unknown notes.
    fn cached_as_fresh(
        cache: &Arc<engine::VerdictCache>,
        sel: &Selection,
        path: &Path,
        text: Option<&str>,
    ) -> LintResult {
        let reg = Registry::builtin();
        let cached = LintOptions {
            verdicts: Some(cache.clone()),
            ..Default::default()
        };
        let a = lint_file(&cached, reg, sel, path, text).unwrap();
        cache.sweep();
        let b = lint_file(&LintOptions::default(), reg, sel, path, text).unwrap();
        assert_eq!(a.findings, b.findings, "{text:?}");
        assert_eq!(a.unknowns, b.unknowns, "{text:?}");
        a
    }

    /// A file linted after each edit with the verdicts of the lint before (as the language
    /// server lints a document) gives what a fresh lint gives — findings with their spans,
    /// messages, notes and fixes, and unknown notes — while blocks that only moved (typing in a
    /// comment above them, lines inserted or deleted above) keep their rules' verdicts. The
    /// texts hold a value set in another file, a value computed from an unknown (its identity
    /// hashes a span: renamed when the block moved), a rule reading other blocks (NET014 reads
    /// the flow logs) and fixes.
    #[test]
    fn verdicts_of_moved_blocks_give_the_findings_of_a_fresh_lint() {
        let d = tree(&[
            (
                "m/variables.tf",
                "variable \"acl\" {\n  default = \"public-read\"\n}\nvariable \"name\" {}\n",
            ),
            ("m/main.tf", ""),
        ]);
        let path = d.path().join("m/main.tf");
        let trail = "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name   = \"t\"\n  trail_region = \"cn-hangzhou\"\n  status       = \"Disable\"\n}\n";
        let vpc = "resource \"alicloud_vpc\" \"v\" {\n  vpc_name   = \"v\"\n  cidr_block = \"10.0.0.0/8\"\n}\n";
        let log = "resource \"alicloud_vpc_flow_log\" \"f\" {\n  resource_id   = alicloud_vpc.v.id\n  resource_type = \"VPC\"\n  traffic_type  = \"All\"\n}\n";
        let bucket =
            "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = var.acl\n}\n";
        let derived = "resource \"alicloud_oss_bucket\" \"d\" {\n  bucket = \"${var.name}-logs\"\n  acl    = \"public-read\"\n}\n";
        let mut texts = vec![format!("{trail}{vpc}{bucket}{derived}")];
        for i in 0..4 {
            texts.push(format!("{trail}#{}\n{vpc}{bucket}{derived}", "x".repeat(i)));
        }
        texts.extend([
            format!("\n{trail}#xxx\n{vpc}{bucket}{derived}"),
            format!("{trail}#xxx\n{vpc}{log}{bucket}{derived}"),
            format!("{trail}#xxxy\n{vpc}{log}{bucket}{derived}"),
            format!("{trail}{vpc}{log}{bucket}{derived}"),
            format!(
                "{}{vpc}{log}{bucket}{derived}",
                trail.replace("Disable", "Enable")
            ),
            format!(
                "{}{vpc}{log}{bucket}{derived}",
                trail.replace("  status", "  # a comment in the block\n  status")
            ),
            format!(
                "{trail}{vpc}{log}{}{derived}",
                bucket.replace("\"b\"\n", "\"bb\"\n")
            ),
            format!("{trail}{vpc}{log}{bucket}# the end"),
        ]);
        let sel = every_rule();
        let cache = Arc::new(engine::VerdictCache::default());
        let mut seen = HashSet::default();
        for t in &texts {
            let a = cached_as_fresh(&cache, &sel, &path, Some(t));
            seen.extend(a.findings.iter().map(|f| f.rule.to_string()));
            assert!(a.findings.iter().any(|f| f.fix.is_some()), "{t}");
        }
        for code in ["LOG002", "NET014", "OSS001"] {
            assert!(seen.contains(code), "{code} in {seen:?}");
        }
        assert!(cache.moved() >= 8, "{} verdicts reused", cache.moved());
        // The block whose value is computed from an unknown keeps its verdicts when it moves.
        let cache = Arc::new(engine::VerdictCache::default());
        for t in [format!("#\n{derived}"), format!("#x\n{derived}")] {
            cached_as_fresh(&cache, &sel, &path, Some(&t));
        }
        assert!(cache.moved() > 0, "{} verdicts reused", cache.moved());
    }

    /// Verdicts of rules that read other blocks (`attached()`: OSS001 the bucket's ACL
    /// resources, OSS004 its logging) are kept when the block or the blocks read only moved,
    /// their identities renamed together (the bucket and its ACL name it by one local whose
    /// value is computed from an unknown: typing above the local renames both), and judged
    /// again when a block read changed, appeared or went, or was linked otherwise, though it
    /// moved too: each time the findings of a fresh lint.
    #[test]
    fn verdicts_reading_moved_blocks_give_the_findings_of_a_fresh_lint() {
        let d = tree(&[
            ("m/variables.tf", "variable \"name\" {}\n"),
            ("m/main.tf", ""),
        ]);
        let path = d.path().join("m/main.tf");
        let local = "locals {\n  n = \"${var.name}-x\"\n}\n";
        let bucket = "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = local.n\n}\n";
        let acl = "resource \"alicloud_oss_bucket_acl\" \"a\" {\n  bucket = local.n\n  acl    = \"private\"\n}\n";
        let logs = "resource \"alicloud_oss_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
        let logging = "resource \"alicloud_oss_bucket_logging\" \"l\" {\n  bucket        = alicloud_oss_bucket.b.id\n  target_bucket = alicloud_oss_bucket.logs.id\n}\n";
        let public = acl.replace("\"private\"", "\"public-read\"");
        let other = acl.replace("local.n", "\"other\"");
        let texts = [
            format!("{local}{bucket}{acl}{logs}{logging}"),
            // Everything moved, the identities renamed.
            format!("#\n{local}{bucket}{acl}{logs}{logging}"),
            format!("#x\n{local}{bucket}{acl}{logs}{logging}"),
            // The blocks read moved, the bucket did not.
            format!("#x\n{local}{bucket}#\n{acl}{logs}{logging}"),
            format!("#x\n{local}{bucket}#y\n{acl}{logs}{logging}"),
            // A block read changed while it moved: OSS001 fails.
            format!("#x\n{local}{bucket}#yy\n{public}{logs}{logging}"),
            format!("#xx\n{local}{bucket}#yy\n{public}{logs}{logging}"),
            // Linked otherwise: no ACL resource of the bucket's.
            format!("#xx\n{local}{bucket}#yyy\n{other}{logs}{logging}"),
            // Back to the public one, moved; then the logging gone, and back, moved.
            format!("#xxx\n{local}{bucket}#yyy\n{public}{logs}{logging}"),
            format!("#xxx\n{local}{bucket}#yyy\n{public}{logs}"),
            format!("#xxxx\n{local}{bucket}#yyy\n{public}{logs}{logging}"),
            // The local typed in: every identity computed from it renamed.
            format!(
                "#xxxx\n{}{bucket}#yyy\n{public}{logs}{logging}",
                local.replace("  n", "  # n\n  n")
            ),
            // A block of a type read added above the bucket, then moved.
            format!("#xxxx\n{local}{logs}{bucket}{public}{logging}"),
            format!("#xxxxx\n{local}{logs}{bucket}{public}{logging}"),
        ];
        let sel = every_rule();
        let cache = Arc::new(engine::VerdictCache::default());
        // (OSS001, OSS004) on the bucket, text by text.
        let mut oss001 = Vec::new();
        for t in &texts {
            let a = cached_as_fresh(&cache, &sel, &path, Some(t));
            let on_b = |code: &str| {
                a.findings
                    .iter()
                    .any(|f| &*f.rule == code && f.message.contains("`alicloud_oss_bucket.b`"))
            };
            oss001.push((on_b("OSS001") as u8, on_b("OSS004") as u8));
        }
        let (public, unlogged): (Vec<u8>, Vec<u8>) = oss001.into_iter().unzip();
        assert_eq!(public, [0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1]);
        assert_eq!(unlogged, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
        assert!(
            cache.moved_reads() >= 8,
            "{} verdicts reused",
            cache.moved_reads()
        );
    }

    /// The verdicts of document checks are kept for documents that are as they were or only
    /// moved (a heredoc policy, a `jsonencode` trust policy): after each change the findings
    /// (spans, messages, fixes) and unknown notes are a fresh lint's, with the checks' options
    /// changed in between too (RAM031 reads the account list).
    #[test]
    fn document_verdicts_kept_give_the_findings_of_a_fresh_lint() {
        let d = tree(&[("m/main.tf", "")]);
        let path = d.path().join("m/main.tf");
        let heredoc = "resource \"alicloud_ram_policy\" \"p\" {\n  policy_name     = \"p\"\n  policy_document = <<EOF\n{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"ecs:*\", \"oss:GetObjct\", \"ram:*\"], \"Resource\": \"*\"}]}\nEOF\n}\n";
        let trust = "resource \"alicloud_ram_role\" \"r\" {\n  name = \"r\"\n  assume_role_policy_document = jsonencode({\n    Version = \"1\"\n    Statement = [{\n      Effect    = \"Allow\"\n      Action    = \"sts:AssumeRole\"\n      Principal = { RAM = [\"acs:ram::111111111111:root\"] }\n    }]\n  })\n}\n";
        let mut texts = Vec::new();
        for i in 0..3 {
            texts.push(format!("#{}\n{heredoc}{trust}", "x".repeat(i)));
        }
        texts.extend([
            format!("{heredoc}#x\n{trust}"),
            format!(
                "{heredoc}{}",
                trust.replace("    Version", "    # typed\n    Version")
            ),
            format!("{}{trust}", heredoc.replace("ecs:*", "ecs:Describe*")),
            format!("{trust}\n{heredoc}"),
            format!("{trust}\n{heredoc}# the end\n"),
        ]);
        let mut sel = every_rule();
        let cache = Arc::new(engine::VerdictCache::default());
        let mut counts = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            // The account list given on the fourth text and taken away on the sixth.
            match i {
                3 => {
                    let own = serde_json::json!({"accounts": ["111111111111"]});
                    sel.options
                        .insert("RAM031".into(), own.as_object().unwrap().clone());
                }
                5 => sel.options.clear(),
                _ => {}
            }
            let a = cached_as_fresh(&cache, &sel, &path, Some(t));
            let ram = |f: &&Finding| f.rule.starts_with("RAM");
            counts.push((
                a.findings.iter().filter(ram).count(),
                a.findings.iter().any(|f| &*f.rule == "RAM031"),
            ));
        }
        assert!(counts.iter().all(|c| c.0 >= 3), "{counts:?}");
        assert!(counts[0].1 && !counts[3].1 && counts[5].1, "{counts:?}");
        // Two documents moved on each of the first two changes, the heredoc as it was in the
        // fifth text, both at the end; none when the options change or the order does.
        assert!(
            cache.moved_documents() >= 7,
            "{} document verdicts reused",
            cache.moved_documents()
        );
    }

    /// The plan a cache keeps is made again for another selection: the findings are a fresh
    /// lint's with each selection, and differ between them.
    #[test]
    fn a_cache_used_with_another_selection_plans_again() {
        let d = tree(&[(
            "m/main.tf",
            "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n",
        )]);
        let path = d.path().join("m/main.tf");
        let all = every_rule();
        let defaults = Selection::defaults(Registry::builtin());
        let cache = Arc::new(engine::VerdictCache::default());
        let mut counts = Vec::new();
        for sel in [&all, &defaults, &all] {
            let a = cached_as_fresh(&cache, sel, &path, None);
            counts.push(a.findings.len());
        }
        assert!(
            counts[0] > counts[1] && counts[2] == counts[0],
            "{counts:?}"
        );
    }

    #[test]
    fn a_panic_in_the_engine_is_contained_per_configuration() {
        let d = tree(&[
            ("engine-boom/main.tf", OK),
            ("ok/main.tf", OK),
            ("ok/broken.tf", "resource \"x\" {\n"),
        ]);
        *engine::INJECT_PANIC_DIR.lock().unwrap() = Some("engine-boom");
        let r = run(d.path(), None);
        *engine::INJECT_PANIC_DIR.lock().unwrap() = None;
        assert_eq!(
            codes(&r),
            vec![
                ("TF006".into(), "main.tf".into()),
                ("TF001".into(), "broken.tf".into()),
            ]
        );
        assert!(r.findings[0].message.contains("Terraform configuration"));
        assert_eq!(r.internal_errors, 1);
    }
}
