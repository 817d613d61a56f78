//! Source files, byte spans and line/column conversion.

// `util::HashMap` (util imports this module).
use foldhash::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Index of a file in the run's [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Loc {
    pub fn new(file: FileId, range: Range<usize>) -> Loc {
        Loc {
            file,
            start: range.start as u32,
            end: range.end.max(range.start) as u32,
        }
    }
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// What kind of input a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `.tf`
    Hcl,
    /// `.tf.json`
    TfJson,
    /// `.tfvars`
    Tfvars,
    /// `.tfvars.json`
    TfvarsJson,
    /// A standalone RAM policy document.
    Policy,
    /// `terraform show -json` output.
    Plan,
    /// A file read only because something referenced it (`file()`, rule files, config).
    Other,
    /// Any other text file of the walk (`.env`, `*.py`, …): only the secret scan reads it.
    Text,
}

/// A piece of a virtual file (the native-syntax rewrite of a `.tf.json`) and the bytes of the
/// real file it came from. `exact` pieces are verbatim copies: offsets inside them map one to one.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub virt: Range<u32>,
    pub orig: Range<u32>,
    pub exact: bool,
}

/// Where a virtual file's text came from.
pub struct Origin {
    pub file: FileId,
    pub segments: Vec<Segment>,
}

pub struct SourceFile {
    /// Set for virtual files: they are analysed, never shown; their spans are moved onto
    /// `origin.file` ([`SourceMap::remap`]).
    pub origin: Option<Origin>,
    pub id: FileId,
    /// Path as shown to the user.
    pub display: String,
    /// Path on disk (absolute or relative to the working directory).
    pub path: PathBuf,
    pub kind: FileKind,
    pub text: Arc<str>,
    line_starts: Vec<usize>,
    /// All-ASCII text: columns are byte distances (no O(line) character count per lookup).
    ascii: bool,
    /// [`normalize`] of the directory, on first use: the module loader, the module-call and
    /// `file()` scans and the fixes all key directories by it.
    normalized_dir: std::sync::OnceLock<PathBuf>,
    /// [`repo_relative`], on first use: every row of a report names its file.
    repo_relative: std::sync::OnceLock<Option<String>>,
}

impl SourceFile {
    pub fn new(id: FileId, path: PathBuf, display: String, kind: FileKind, text: Arc<str>) -> Self {
        // memchr's vectorised search (core's char search goes a word at a time); the lines are
        // counted first (a vectorised count), so the list is allocated once instead of growing.
        let lines = crate::bytes::count(b'\n', text.as_bytes());
        let mut line_starts = Vec::with_capacity(lines + 1);
        line_starts.push(0);
        line_starts.extend(crate::bytes::positions(b'\n', text.as_bytes()).map(|i| i + 1));
        let ascii = text.is_ascii();
        SourceFile {
            origin: None,
            id,
            display,
            path,
            kind,
            text,
            line_starts,
            ascii,
            normalized_dir: Default::default(),
            repo_relative: Default::default(),
        }
    }

    /// [`portable_path`] of this file, computed once.
    pub fn portable_path(&self) -> &str {
        self.repo_relative().unwrap_or(&self.display)
    }

    /// [`repo_relative`] of this file, computed once.
    pub fn repo_relative(&self) -> Option<&str> {
        self.repo_relative
            .get_or_init(|| repo_relative_path(&self.path))
            .as_deref()
    }

    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// [`normalize`] of [`SourceFile::dir`], computed once.
    pub fn normalized_dir(&self) -> &Path {
        self.normalized_dir.get_or_init(|| normalize(self.dir()))
    }

    /// Line and column (1-based, column in Unicode scalar values) of a byte offset.
    /// Offsets inside a multi-byte character or past the end are clamped.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = if self.ascii {
            offset - start + 1
        } else {
            self.text[start..offset].chars().count() + 1
        };
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The text of a 1-based line, without its line terminator.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of the start of a 1-based line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offsets where each line starts (after each `\n`; the first is 0).
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    pub fn slice(&self, loc: Loc) -> &str {
        self.text.get(loc.range()).unwrap_or("")
    }
}

/// All files of a run, indexed by [`FileId`].
#[derive(Default)]
pub struct SourceMap {
    files: Vec<Arc<SourceFile>>,
    /// Real files by canonical path, built on first use (adding a file resets it).
    canonical: std::sync::OnceLock<HashMap<PathBuf, FileId>>,
    /// Real native Terraform files by normalised directory, built on first use (adding a file
    /// resets it): a fix asking how often a variable is used in its module reads only these.
    by_dir: std::sync::OnceLock<HashMap<std::ffi::OsString, Vec<FileId>>>,
}

impl SourceMap {
    pub fn add(
        &mut self,
        path: PathBuf,
        display: String,
        kind: FileKind,
        text: Arc<str>,
    ) -> FileId {
        self.push(Arc::new(SourceFile::new(
            FileId(0),
            path,
            display,
            kind,
            text,
        )))
    }
    /// Add a file built beforehand (e.g. on another thread, where it was also put behind its
    /// `Arc`: the main thread only numbers the files); it takes the next id.
    pub fn push(&mut self, mut file: Arc<SourceFile>) -> FileId {
        let id = FileId(self.files.len() as u32);
        Arc::get_mut(&mut file)
            .expect("a file is added before anything shares it")
            .id = id;
        self.files.push(file);
        self.canonical = Default::default();
        self.by_dir = Default::default();
        id
    }
    /// The real (not virtual) file at a canonical path.
    pub fn find_canonical(&self, path: &Path) -> Option<FileId> {
        self.canonical
            .get_or_init(|| {
                use rayon::prelude::*;
                self.files
                    .par_iter()
                    .filter(|f| f.origin.is_none() && !f.text.is_empty())
                    .filter_map(|f| std::fs::canonicalize(&f.path).ok().map(|c| (c, f.id)))
                    .collect()
            })
            .get(path)
            .copied()
    }
    /// The real (not virtual) native Terraform files whose directory normalises to `dir`
    /// (already normalised), in id order.
    pub fn hcl_files_in(&self, dir: &Path) -> &[FileId] {
        self.by_dir
            .get_or_init(|| {
                // Keyed by the normalised directory's bytes (one spelling per directory):
                // hashing a `Path` splits it into components.
                let mut m: HashMap<std::ffi::OsString, Vec<FileId>> = HashMap::default();
                // Files come in path order: a directory's files are one run, normalised and
                // hashed once (a run of a directory met again joins its entry, in id order).
                let mut run: Option<(&SourceFile, Vec<FileId>)> = None;
                let mut end = |run: Option<(&SourceFile, Vec<FileId>)>| {
                    if let Some((first, ids)) = run {
                        m.entry(first.normalized_dir().as_os_str().to_os_string())
                            .or_default()
                            .extend(ids);
                    }
                };
                for f in &self.files {
                    if f.origin.is_some() || f.kind != FileKind::Hcl {
                        continue;
                    }
                    match &mut run {
                        Some((first, ids)) if first.dir().as_os_str() == f.dir().as_os_str() => {
                            ids.push(f.id)
                        }
                        _ => end(run.replace((f, vec![f.id]))),
                    }
                }
                end(run);
                m
            })
            .get(dir.as_os_str())
            .map_or(&[], Vec::as_slice)
    }
    /// Add a virtual file: text analysed in place of `origin.file`'s (see `tf::json_syntax`).
    pub fn add_virtual(&mut self, kind: FileKind, text: Arc<str>, origin: Origin) -> FileId {
        let real = self.get(origin.file);
        let mut f = SourceFile::new(
            FileId(0),
            real.path.clone(),
            real.display.clone(),
            kind,
            text,
        );
        f.origin = Some(origin);
        self.push(Arc::new(f))
    }

    /// The real location of a location in a virtual file (others are returned as they are):
    /// through the innermost piece that holds it, offset for offset in verbatim pieces.
    pub fn remap(&self, loc: Loc) -> Loc {
        let Some(o) = self
            .files
            .get(loc.file.0 as usize)
            .and_then(|f| f.origin.as_ref())
        else {
            return loc;
        };
        // The innermost piece holding the byte range [a, b].
        let inner = |a: u32, b: u32| {
            o.segments
                .iter()
                .filter(|s| s.virt.start <= a && b < s.virt.end)
                .min_by_key(|s| s.virt.end - s.virt.start)
        };
        let start_in = |s: &Segment, p: u32| s.orig.start + (p - s.virt.start);
        let end_in = |s: &Segment, p: u32| {
            if p == s.virt.end {
                s.orig.end
            } else {
                (s.orig.start + (p - s.virt.start)).min(s.orig.end)
            }
        };
        let last = loc.end.max(loc.start + 1) - 1;
        let whole = inner(loc.start, last);
        let (a, b) = (inner(loc.start, loc.start), inner(last, last));
        let (start, end) = match (whole, a, b) {
            (Some(w), _, _) if w.exact => (start_in(w, loc.start), end_in(w, loc.end)),
            // Both ends in verbatim pieces (a span across an escape): map each end.
            (_, Some(a), Some(b)) if a.exact && b.exact => {
                (start_in(a, loc.start), end_in(b, loc.end.max(loc.start)))
            }
            (Some(w), _, _) => (w.orig.start, w.orig.end),
            (None, _, _) => (0, 0),
        };
        Loc {
            file: o.file,
            start,
            end: end.max(start),
        }
    }

    /// Give a file new text (e.g. with secrets masked), keeping its id, path and kind.
    pub fn replace_text(&mut self, id: FileId, text: Arc<str>) {
        if let Some(f) = self.files.get_mut(id.0 as usize) {
            *f = Arc::new(SourceFile::new(
                id,
                f.path.clone(),
                f.display.clone(),
                f.kind,
                text,
            ));
        }
    }
    pub fn get(&self, id: FileId) -> &Arc<SourceFile> {
        &self.files[id.0 as usize]
    }
    pub fn files(&self) -> &[Arc<SourceFile>] {
        &self.files
    }
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The order of [`Path`]'s `Ord` (component by component) for paths spelled alike: no `.`
/// component but a leading one, no repeated or trailing `/`, or all with the same such prefix
/// (the paths one walk yields from its root). Their bytes are compared with `/` below every
/// other byte, which gives a component's end before any longer name: no component is parsed.
pub fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    // The shared start skipped eight bytes at a time (paths below one root share a long one).
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n && a[i..i + 8] == b[i..i + 8] {
        i += 8;
    }
    let low = |c: u8| if c == b'/' { 0 } else { c };
    match a[i..n].iter().zip(&b[i..n]).position(|(x, y)| x != y) {
        Some(j) => low(a[i + j]).cmp(&low(b[i + j])),
        None => a.len().cmp(&b.len()),
    }
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), so module sources match discovered dirs.
pub fn normalize(p: &Path) -> PathBuf {
    // A path of plain names between single `/` is its own normal form (every directory the walk
    // found): copied, not split into components and joined again.
    let b = p.as_os_str().as_encoded_bytes();
    let plain = !b.is_empty()
        && b.split(|&c| c == b'/').enumerate().all(|(i, n)| match n {
            b"" => i == 0 && b.len() > 1,
            b"." | b".." => false,
            _ => true,
        });
    if plain {
        return p.to_path_buf();
    }
    normalize_by_components(p)
}

/// [`normalize`] of any path, component by component.
fn normalize_by_components(p: &Path) -> PathBuf {
    let mut out: Vec<std::path::Component> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => match out.last() {
                Some(std::path::Component::Normal(_)) => {
                    out.pop();
                }
                Some(std::path::Component::RootDir) => {}
                _ => out.push(c),
            },
            other => out.push(other),
        }
    }
    let pb: PathBuf = out.iter().collect();
    if pb.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        pb
    }
}

// Reading files and naming paths: every stage reads and shows files the same way.

/// Why a FIFO, socket or device was not read.
pub const NOT_REGULAR: &str = "not a regular file (a FIFO, socket or device); it was not read";

/// Display form of a path: relative to the working directory when possible, `/`-separated.
pub fn display_path(p: &Path) -> String {
    display_path_in(p, std::env::current_dir().ok().as_deref())
}

/// [`display_path`] with the working directory looked up once by the caller (one `getcwd` per
/// run instead of one per file).
pub fn display_path_in(p: &Path, cwd: Option<&Path>) -> String {
    let rel = cwd.and_then(|c| p.strip_prefix(c).ok()).unwrap_or(p);
    let lossy = rel.to_string_lossy();
    // Most names hold no backslash and no control character (C0, DEL, or C1, whose UTF-8
    // starts with 0xC2): one copy, instead of three made on the analysis threads for every file.
    if !lossy
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == b'\\')
    {
        return lossy.strip_prefix("./").unwrap_or(&lossy).to_string();
    }
    let s = escape_controls(&lossy.replace('\\', "/"));
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Control characters in a file name escaped (`\n`, `\u{1b}`), so that a name cannot forge
/// lines or terminal sequences in any output format.
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            c if c.is_control() => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The bytes of a regular file of at most `max` bytes. The file is opened without blocking and
/// checked on the open descriptor, so a FIFO or device swapped in after discovery is refused,
/// not waited on, and a file that grows past the limit is not read past it.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut o, libc::O_NONBLOCK);
    let f = o
        .open(path)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    let meta = f
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if !meta.is_file() {
        return Err(NOT_REGULAR.into());
    }
    let too_large = |n: u64| {
        format!(
            "the file is {n} bytes, over the {max}-byte limit (raise it with --max-file-size); it was not analysed"
        )
    };
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Configuration and rule files larger than this are refused (a configuration is a few KB).
pub const MAX_CONFIG_SIZE: u64 = 1 << 20;

/// The repository root of a path: the closest ancestor holding `.git` (a directory, or a file
/// in worktrees and submodules). Cached per directory: reporters ask once per file.
pub fn repo_root(path: &Path) -> Option<PathBuf> {
    repo_root_of(&absolute(path))
}

/// [`repo_root`] of a path already [`absolute`].
fn repo_root_of(abs: &Path) -> Option<PathBuf> {
    repo_root_from(abs.parent()?)
}

/// The closest of `dir` and its ancestors (read as written, `..` and links not resolved) that
/// holds `.git`. One cache for every caller: discovery, configuration and the reporters ask
/// about the same directories, and each answer costs a `stat` per level up to `/`.
pub fn repo_root_from(dir: &Path) -> Option<PathBuf> {
    static CACHE: Mutex<Option<HashMap<PathBuf, Option<PathBuf>>>> = Mutex::new(None);
    let cache = || CACHE.lock().unwrap_or_else(|e| e.into_inner());
    // Each directory's answer is its own `.git` or its parent's answer: every directory walked
    // through is remembered, so sibling directories stop at their first known ancestor instead
    // of looking for `.git` up to `/` again (a `stat` per level, per directory with findings).
    // The `stat`s are made without the lock: report threads ask at once.
    let mut walked = Vec::new();
    let mut found = None;
    for d in dir.ancestors() {
        if let Some(r) = cache().as_ref().and_then(|c| c.get(d)) {
            found = r.clone();
            break;
        }
        walked.push(d);
        if d.join(".git").exists() {
            found = Some(d.to_path_buf());
            break;
        }
    }
    let mut guard = cache();
    let known = guard.get_or_insert_with(HashMap::default);
    for d in walked {
        known.insert(d.to_path_buf(), found.clone());
    }
    found
}

/// An absolute, lexically normalised path (no file system access beyond the working directory).
pub fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A file's path relative to its repository root, `/`-separated; `None` when the file is not in
/// a repository (or has no path, like standard input). Computed once per file
/// ([`SourceFile::repo_relative`]): every format asks once per finding.
pub fn repo_relative(file: &SourceFile) -> Option<String> {
    file.repo_relative().map(str::to_string)
}

/// [`repo_relative`] of a file's path, looked for.
fn repo_relative_path(path: &Path) -> Option<String> {
    if path.as_os_str().is_empty() {
        return None;
    }
    let abs = absolute(path);
    let root = repo_root_of(&abs)?;
    let rel = abs.strip_prefix(&root).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}

/// The path every format but `human` uses (documented in docs/ci.md): relative to the file's
/// repository root (the closest directory above it holding `.git`), `/`-separated; outside a
/// repository (or for standard input), the path as displayed (relative to the working
/// directory when the file is below it).
pub fn portable_path(file: &SourceFile) -> String {
    file.portable_path().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-copy path gives what escaping, replacing and stripping give, for names with and
    /// without what it looks for.
    #[test]
    fn display_path_in_copies_once_what_the_full_path_gives() {
        let full = |p: &Path| {
            let s = escape_controls(&p.to_string_lossy().replace('\\', "/"));
            s.strip_prefix("./").map(str::to_string).unwrap_or(s)
        };
        for name in [
            "main.tf",
            "./main.tf",
            "a/./b.tf",
            "dir\\x.tf",
            ".\\x.tf",
            "new\nline.tf",
            "esc\u{1b}[31m.tf",
            "del\u{7f}.tf",
            "c1\u{85}.tf",
            "caf\u{e9}/\u{a0}x.tf",
            "\u{263a}.tf",
        ] {
            let p = Path::new(name);
            assert_eq!(display_path_in(p, None), full(p), "{name:?}");
        }
        assert_eq!(
            display_path_in(Path::new("/w/r/m/main.tf"), Some(Path::new("/w/r"))),
            "m/main.tf"
        );
    }

    fn file(text: &str) -> SourceFile {
        SourceFile::new(
            FileId(0),
            "x".into(),
            "x".into(),
            FileKind::Hcl,
            text.into(),
        )
    }

    #[test]
    fn plain_paths_normalise_to_themselves() {
        // The plain-path shortcut gives what the components give.
        let slow = normalize_by_components;
        let pieces = ["a", "/", "//", ".", "..", "b.c", ".d", "..e", "f..", " "];
        let mut rng = 3u64;
        for _ in 0..20000 {
            let mut p = String::new();
            for _ in 0..(rng >> 60) {
                rng = rng
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                p.push_str(pieces[(rng >> 33) as usize % pieces.len()]);
            }
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1);
            let got = normalize(Path::new(&p));
            assert_eq!(got, slow(Path::new(&p)), "{p:?}");
            assert_eq!(got.as_os_str(), slow(Path::new(&p)).as_os_str(), "{p:?}");
        }
    }

    #[test]
    fn line_col_counts_chars_and_handles_crlf() {
        let f = file("ab\r\n\tné x\nlast");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(4), LineCol { line: 2, column: 1 });
        // `x` comes after tab, n, é (2 bytes), space.
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), LineCol { line: 2, column: 5 });
        assert_eq!(f.line_text(2), "\tné x");
        assert_eq!(f.line_col(1000), LineCol { line: 3, column: 5 });
        // Inside the two bytes of `é`: clamped back to its start.
        let e = f.text.find('é').unwrap();
        assert_eq!(f.line_col(e + 1), f.line_col(e));
    }
}
