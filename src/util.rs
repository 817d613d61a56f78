//! Small shared helpers: atomic writes, and panic containment (a panic in one file's analysis
//! becomes a `TF006` finding, never the end of the run).

use crate::finding::Emit;
use crate::source::FileId;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// The crate's hash maps and sets: std's, hashing with foldhash instead of SipHash (hashing
/// names, paths and ids was ~3 % of a corpus run's instructions). Its `RandomState` keeps a
/// per-process random seed, so maps keyed by the user's texts stay hard to flood. Built with
/// `default()` (std's `new()` is for its own hasher only).
pub use foldhash::{HashMap, HashSet};

/// Write a file atomically: a temporary file in the same directory, created exclusively under
/// an unpredictable name (a planted `.NAME.tmp-PID` link is never followed), `fsync`, then a
/// rename; a failed write removes the temporary file and leaves the old one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    // Reports and baselines are ordinary files (0666 less the umask), not private ones.
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = b.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On error the temporary file is dropped, which removes it.
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

/// Where the last panic happened, recorded by [`install_panic_hook`]. Process-wide rather than
/// per thread because a panic in a worker is caught on the thread that started the work.
static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn last_panic() -> std::sync::MutexGuard<'static, Option<String>> {
    LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner())
}

/// Replace the default panic hook (which prints the panic message, possibly quoting input text
/// such as a secret) by one that records the location for the internal-error finding and prints
/// nothing. Called once by the command-line front end.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "an unknown location".into());
        *last_panic() = Some(at);
    }));
}

/// A description of a caught panic that cannot leak input: literal messages (`expect("…")`,
/// `unreachable!()`) are kept, formatted ones (which may quote the input) are not.
pub fn panic_reason(payload: &(dyn std::any::Any + Send)) -> String {
    let at = last_panic().take();
    let msg = payload.downcast_ref::<&'static str>().copied();
    match (msg, at) {
        (Some(m), Some(at)) => format!("`{m}` at {at}"),
        (Some(m), None) => format!("`{m}`"),
        (None, Some(at)) => format!("a panic at {at}"),
        (None, None) => "a panic".into(),
    }
}

/// Run `f`; a panic becomes a `TF006` emit on `file` instead of ending the run.
pub fn guarded<T>(file: FileId, what: &str, f: impl FnOnce() -> T) -> Result<T, Box<Emit>> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        Box::new(
            Emit::new("TF006", file, None)
                .field("what", what.to_string())
                .field("reason", panic_reason(&*p)),
        )
    })
}

/// `parts` appended to `dst` in order, each moved on the pool into its own stretch of `dst`'s
/// spare room: on one thread, the copy of a large policy document's emits (45 MB of fresh
/// pages) was its longest serial step.
pub fn append_parallel<T: Send>(dst: &mut Vec<T>, parts: Vec<Vec<T>>) {
    use rayon::prelude::*;
    let n: usize = parts.iter().map(Vec::len).sum();
    dst.reserve(n);
    let len = dst.len();
    let mut room = &mut dst.spare_capacity_mut()[..n];
    let mut moves = Vec::with_capacity(parts.len());
    for part in parts {
        let (stretch, rest) = std::mem::take(&mut room).split_at_mut(part.len());
        moves.push((stretch, part));
        room = rest;
    }
    moves.into_par_iter().for_each(|(stretch, part)| {
        for (slot, item) in stretch.iter_mut().zip(part) {
            slot.write(item);
        }
    });
    // SAFETY: the stretches cover the `n` slots after `len`, in order, and each stretch is as
    // long as its part, every item of which was written into it above. (Were a move to panic,
    // the length would stay as it was: the written items leak, nothing is read unwritten.)
    unsafe { dst.set_len(len + n) };
}

/// The length of the longest common prefix of `a` and `b` (compared a chunk at a time).
pub fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 64;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + CHUNK <= n && a[i..i + CHUNK] == b[i..i + CHUNK] {
        i += CHUNK;
    }
    i + a[i..n]
        .iter()
        .zip(&b[i..n])
        .position(|(x, y)| x != y)
        .unwrap_or(n - i)
}

/// `r` moved by `by` (a span of a structure kept from an earlier text: see `tf::Tree`).
pub fn shift(r: std::ops::Range<usize>, by: isize) -> std::ops::Range<usize> {
    r.start.wrapping_add_signed(by)..r.end.wrapping_add_signed(by)
}

/// The length of the longest common suffix of `a` and `b` (compared a chunk at a time).
pub fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 64;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + CHUNK <= n && a[n - i - CHUNK..n - i] == b[n - i - CHUNK..n - i] {
        i += CHUNK;
    }
    i + a[..n - i]
        .iter()
        .rev()
        .zip(b[..n - i].iter().rev())
        .position(|(x, y)| x != y)
        .unwrap_or(n - i)
}

/// Set by a process that runs the same analysis again and again on texts that change a little
/// from one run to the next (the language server lints a document on every keystroke).
static REPEATED_RUNS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Say, before the first run, that this process will analyse nearly the same texts again and
/// again: some pure functions of a text then keep their results for the next run ([`Recent`]).
/// The results are the same.
pub fn expect_repeated_runs() {
    REPEATED_RUNS.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether [`expect_repeated_runs`] was called.
pub fn repeated_runs() -> bool {
    REPEATED_RUNS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Set by a command-line check of a few files: the process exits once they are reported.
static EXITS_AFTER_RUN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Say that the process exits after this one small run: models need not be freed one node at
/// a time as they are done with (their memory goes back with the process).
pub fn set_exits_after_run() {
    EXITS_AFTER_RUN.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether [`set_exits_after_run`] was called.
pub fn exits_after_run() -> bool {
    EXITS_AFTER_RUN.load(std::sync::atomic::Ordering::Relaxed)
}

/// Cleared by a process whose outputs show nothing of fixes: neither a fix, its safety and
/// edits, nor a note on why none is offered (a check printing only compact, GitHub, GitLab,
/// JUnit, Checkstyle or Markdown output).
static FIXES_READ: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Say, before the run, whether anything will read findings' fixes: when nothing does, the
/// engine attaches none (a tenth of a one-file check's rule time was making fixes for output
/// that prints none).
pub fn set_fixes_read(read: bool) {
    FIXES_READ.store(read, std::sync::atomic::Ordering::Relaxed);
}

/// What [`set_fixes_read`] said last (yes, unless told otherwise).
pub fn fixes_read() -> bool {
    FIXES_READ.load(std::sync::atomic::Ordering::Relaxed)
}

/// Cleared by a process that reads no fix's edits, only whether a finding has a fix, its safety
/// and description (a check that prints no JSON and applies nothing).
static FIX_EDITS_READ: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Say, before the run, whether anything will read fixes' edits. When nothing does, fixes
/// leave out aligning the lines around their edits (`fix::aligned`), which changes the edits
/// alone.
pub fn set_fix_edits_read(read: bool) {
    FIX_EDITS_READ.store(read, std::sync::atomic::Ordering::Relaxed);
}

/// What [`set_fix_edits_read`] said last (yes, unless told otherwise).
pub fn fix_edits_read() -> bool {
    FIX_EDITS_READ.load(std::sync::atomic::Ordering::Relaxed)
}

/// The results of a pure function by their input, for the inputs met lately: once `cap`
/// entries were made or met since the last time that happened, the entries not met since are
/// dropped (so at most `2 × cap` are held). Inputs are texts from the user: keys are hashed with
/// a per-process seed ([`HashMap`]).
pub struct Recent<K, V> {
    now: HashMap<K, V>,
    before: HashMap<K, V>,
    cap: usize,
}

impl<K: std::hash::Hash + Eq, V: Clone> Recent<K, V> {
    pub fn new(cap: usize) -> Self {
        Recent {
            now: Default::default(),
            before: Default::default(),
            cap,
        }
    }

    /// The result kept for `key`, or `make`'s, kept (under `own(key)`).
    pub fn get_or<Q>(&mut self, key: &Q, own: impl FnOnce(&Q) -> K, make: impl FnOnce() -> V) -> V
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        if let Some(v) = self.now.get(key) {
            return v.clone();
        }
        let (k, v) = match self.before.remove_entry(key) {
            Some(kv) => kv,
            None => (own(key), make()),
        };
        if self.now.len() >= self.cap {
            self.before = std::mem::take(&mut self.now);
        }
        self.now.insert(k, v.clone());
        v
    }
}

/// Pieces of texts around 30-character runs: the tests of the scanners that find them.
#[cfg(test)]
pub(crate) const RUN_PARTS: [&str; 10] = [
    "Zq8Wm3Kp7L",
    "x2Nb5",
    "Vc9Rt4Yh6Jd1Fs0a",
    "_",
    "-",
    " ",
    "\n",
    "\"",
    "é",
    "9",
];

/// Texts for the tests that hold a scanner to the regex it replaces: each pieced together from
/// fewer than `most` of `parts` drawn at random, the same sequence for a seed.
#[cfg(test)]
pub(crate) fn pieced_texts<'a>(
    parts: &'a [&'a str],
    mut seed: u64,
    most: usize,
) -> impl Iterator<Item = String> + 'a {
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    std::iter::from_fn(move || {
        let n = next() % most;
        Some((0..n).map(|_| parts[next() % parts.len()]).collect())
    })
}

/// Assert that `scanner` finds in each of `texts` what the first group of the regex `re` it
/// replaces captures, in order.
#[cfg(test)]
pub(crate) fn assert_finds_what_group_one_captures<'t, I: Iterator<Item = &'t str>>(
    re: &str,
    texts: &[&'t str],
    scanner: impl Fn(&'t str) -> I,
) {
    let re = regex::Regex::new(re).unwrap();
    for &t in texts {
        let want: Vec<&str> = re
            .captures_iter(t)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        let got: Vec<&str> = scanner(t).collect();
        assert_eq!(got, want, "{t:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Appended in parallel is appended in order: onto an empty and a non-empty vector, with
    /// empty parts among them, each item there once (owned strings: a double drop or a leak of
    /// a moved one would show under the allocator's checks or in the counts).
    #[test]
    fn append_parallel_appends_in_order() {
        let parts = |sizes: &[usize]| -> Vec<Vec<String>> {
            let mut k = 0;
            sizes
                .iter()
                .map(|&n| {
                    (0..n)
                        .map(|_| {
                            k += 1;
                            format!("item {k}")
                        })
                        .collect()
                })
                .collect()
        };
        for sizes in [&[][..], &[0, 0], &[3], &[0, 5, 0, 1000, 2, 0], &[64; 40]] {
            for start in [0, 7] {
                let mut want: Vec<String> = (0..start).map(|i| format!("first {i}")).collect();
                let mut got = want.clone();
                for p in parts(sizes) {
                    want.extend(p);
                }
                append_parallel(&mut got, parts(sizes));
                assert_eq!(got, want, "{sizes:?} {start}");
            }
        }
    }

    /// The common prefix and suffix a chunk at a time are those counted byte by byte, for
    /// texts longer and shorter than a chunk differing at every offset.
    #[test]
    fn common_ends_are_counted_byte_by_byte() {
        let naive = |a: &[u8], b: &[u8]| {
            let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let s = a
                .iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count();
            (p, s)
        };
        for len in [0, 1, 63, 64, 65, 130, 200] {
            let a: Vec<u8> = (0..len).map(|i| b'a' + (i % 7) as u8).collect();
            for at in 0..=len {
                let mut b = a.clone();
                b.insert(at, b'!');
                let mut c = a.clone();
                if at < len {
                    c[at] = b'?';
                }
                for (x, y) in [(&a, &b), (&b, &a), (&a, &c), (&a, &a)] {
                    let got = (common_prefix(x, y), common_suffix(x, y));
                    assert_eq!(got, naive(x, y), "{len} {at}");
                }
            }
        }
    }

    #[test]
    fn recent_results_are_made_once_and_the_oldest_dropped() {
        let mut r: Recent<String, usize> = Recent::new(2);
        let made = std::cell::Cell::new(0);
        let get = |r: &mut Recent<String, usize>, k: &str| {
            r.get_or(k, str::to_string, || {
                made.set(made.get() + 1);
                k.len()
            })
        };
        assert_eq!(get(&mut r, "a"), 1);
        assert_eq!(get(&mut r, "bb"), 2);
        assert_eq!(get(&mut r, "a"), 1);
        // Full: "a" and "bb" become the older generation; "a" is met again and stays.
        assert_eq!(get(&mut r, "ccc"), 3);
        assert_eq!(get(&mut r, "a"), 1);
        // Full again: "bb", not met since, is dropped and made again.
        assert_eq!(get(&mut r, "dddd"), 4);
        assert_eq!(get(&mut r, "bb"), 2);
        assert_eq!(made.get(), 5);
        assert!(r.now.len() + r.before.len() <= 4);
    }

    #[test]
    fn panic_reasons_never_quote_formatted_messages() {
        let secret = "LTAI5tAbCdEfGhIjKlMnOpQr";
        let p = std::panic::catch_unwind(|| panic!("bad input {secret}")).unwrap_err();
        assert!(!panic_reason(&*p).contains(secret));
        let p = std::panic::catch_unwind(|| panic!("literal")).unwrap_err();
        assert!(panic_reason(&*p).contains("`literal`"));
    }
}
