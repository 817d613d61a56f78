//! Discovery: which files to lint, and how to read them.

use crate::source::FileKind;
pub use crate::source::NOT_REGULAR;
use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::slice::ParallelSliceMut;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The configuration file (read by `config`); the walk collects the ones it passes.
pub const FILE_NAME: &str = ".acslint.hcl";

/// Why a symbolic link was not followed.
pub const OUTSIDE_LINK: &str =
    "symbolic link to a path outside the scanned directory; it was not followed";

/// The repository a path is in: the closest ancestor (of its canonical form) holding `.git`.
pub fn repo_root(path: &Path) -> Option<PathBuf> {
    crate::source::repo_root_from(&std::fs::canonicalize(path).ok()?)
}

/// The ignore files (`.gitignore`, `.ignore`, `.git/info/exclude`) of the directories strictly
/// above `root` up to its repository root, deepest first; none outside a repository, so that a
/// file planted above a checkout hides nothing.
fn ancestor_ignores(root: &Path) -> Vec<ignore::gitignore::Gitignore> {
    let Some(repo) = repo_root(root) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for dir in root.ancestors().skip(1) {
        if !dir.starts_with(&repo) {
            break;
        }
        let mut b = ignore::gitignore::GitignoreBuilder::new(dir);
        let mut any = false;
        let mut files = vec![dir.join(".gitignore"), dir.join(".ignore")];
        if dir == repo {
            files.push(dir.join(".git/info/exclude"));
        }
        for f in files {
            if f.is_file() {
                any = true;
                let _ = b.add(f);
            }
        }
        if let (true, Ok(g)) = (any, b.build()) {
            out.push(g);
        }
    }
    out
}

/// Files larger than this are reported and skipped (override with `--max-file-size`).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

#[derive(Clone, Debug, Default)]
pub struct DiscoverOptions {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Honour `.gitignore` and friends.
    pub respect_ignore_files: bool,
}

/// A path found by discovery. `kind` is `None` for `.json` files, whose kind is decided by
/// content once read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub kind: Option<KindHint>,
    /// Named on the command line (linted even if ignored, and reported if not a known kind).
    pub explicit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum KindHint {
    Hcl,
    TfJson,
    Tfvars,
    TfvarsJson,
    /// `*.json`: sniffed after reading.
    Json,
    /// Any other file: read for secrets only (`secrets = "all"`), skipped when binary.
    Text,
}

/// Extensions of files that are binary in practice: not even opened for the secret scan.
const BINARY: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "pdf", "zip", "gz", "tgz",
    "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "class", "so", "dylib", "dll", "exe",
    "bin", "o", "a", "lib", "pyc", "pyo", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4",
    "mov", "avi", "wasm", "sqlite", "db", "tfstate", "psd", "xls", "xlsx", "doc", "docx", "ppt",
    "pptx", "dmg", "iso", "deb", "rpm", "whl", "gem",
];

impl KindHint {
    pub fn of(path: &Path) -> Option<KindHint> {
        Self::of_name(path.file_name()?)
    }
    /// [`KindHint::of`] a file name (the walk has it at hand: finding it in the path again
    /// parses the path's components from its end).
    pub fn of_name(name: &std::ffi::OsStr) -> Option<KindHint> {
        // A name that is not valid UTF-8 is still linted (and shown lossily), never skipped.
        let name = name.to_string_lossy();
        Some(if name.ends_with(".tf.json") {
            KindHint::TfJson
        } else if name.ends_with(".tfvars.json") {
            KindHint::TfvarsJson
        } else if name.ends_with(".tf") {
            KindHint::Hcl
        } else if name.ends_with(".tfvars") {
            KindHint::Tfvars
        } else if name.ends_with(".json") {
            KindHint::Json
        } else {
            return None;
        })
    }
    /// A file named on the command line that is text to scan for secrets, not configuration to
    /// parse: `.env` files and common source, script and data formats. (Other names are tried
    /// as HCL, as before.)
    pub fn named_text(path: &Path) -> Option<KindHint> {
        const TEXT: &[&str] = &[
            "env",
            "py",
            "sh",
            "bash",
            "zsh",
            "ps1",
            "yaml",
            "yml",
            "properties",
            "ini",
            "cfg",
            "conf",
            "toml",
            "txt",
            "md",
            "js",
            "ts",
            "go",
            "java",
            "rb",
            "php",
            "xml",
            "csv",
        ];
        let name = path.file_name()?.to_str()?;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        (name == ".env"
            || name.starts_with(".env.")
            || TEXT.iter().any(|t| ext.eq_ignore_ascii_case(t)))
        .then_some(KindHint::Text)
    }
    /// A file the secret scan reads: anything without a known binary extension. (State files
    /// hold secrets by design; IAM004 covers keeping them out of state.)
    pub fn text(path: &Path) -> Option<KindHint> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        (!BINARY.iter().any(|b| ext.eq_ignore_ascii_case(b))).then_some(KindHint::Text)
    }
}

/// A problem met while walking (unreadable directory, symlink loop, bad glob).
#[derive(Clone, Debug, PartialEq)]
pub struct WalkError {
    pub path: Option<PathBuf>,
    pub message: String,
}

fn globset(globs: &[String]) -> Result<Option<GlobSet>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        // A bare pattern such as `examples/**` or `*.json` matches anywhere below the root.
        let pat = if g.starts_with('/') || g.starts_with("**") {
            g.clone()
        } else {
            format!("**/{g}")
        };
        b.add(Glob::new(&pat).map_err(|e| format!("invalid glob `{g}`: {e}"))?);
        b.add(
            Glob::new(&format!("{}/**", pat.trim_end_matches('/')))
                .map_err(|e| format!("invalid glob `{g}`: {e}"))?,
        );
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

/// Walk the given paths. Returns candidates sorted by path (deterministic whatever the file
/// system order) and the problems met.
pub fn discover(
    paths: &[PathBuf],
    opts: &DiscoverOptions,
) -> Result<(Vec<Candidate>, Vec<WalkError>), String> {
    discover_all(paths, opts).map(|d| (d.candidates, d.errors))
}

/// What one walk finds: the candidate files, the problems met, and the configuration files
/// (`.acslint.hcl`) below the paths, so that configurations need no walk of their own.
#[derive(Clone, Debug, Default)]
pub struct Discovered {
    pub candidates: Vec<Candidate>,
    pub errors: Vec<WalkError>,
    pub configs: Vec<PathBuf>,
    /// Terraform/policy-named files that ignore files kept out of the run (counted only when
    /// the walk met an ignore file; tracked files are linted whatever the ignore files say).
    pub ignored: usize,
}

/// [`discover`], also collecting configuration files (outside `.terraform/`).
pub fn discover_all(paths: &[PathBuf], opts: &DiscoverOptions) -> Result<Discovered, String> {
    discover_each(paths, opts, &|_| ()).map(|(d, _)| d)
}

/// [`discover_all`], also running `each` on every candidate on the walker's threads (the CLI
/// reads the files there, overlapping reading with walking). The results are in the order of
/// `Discovered::candidates`.
pub fn discover_each<T: Send>(
    paths: &[PathBuf],
    opts: &DiscoverOptions,
    each: &(dyn Fn(&Candidate) -> T + Sync),
) -> Result<(Discovered, Vec<T>), String> {
    let include = globset(&opts.include)?;
    let exclude = globset(&opts.exclude)?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut configs = Vec::new();
    let mut ignored = 0;
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            // A path named on the command line that does not exist is a usage error.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!("path `{}` does not exist", root.display()));
            }
            Err(e) => {
                errors.push(WalkError {
                    path: Some(root.clone()),
                    message: format!("cannot read {}: {e}", root.display()),
                });
                continue;
            }
        };
        if !meta.is_file() && !meta.is_dir() {
            // A FIFO would block the read forever, a device would never end.
            errors.push(WalkError {
                path: Some(root.clone()),
                message: NOT_REGULAR.into(),
            });
            continue;
        }
        if meta.is_file() {
            let c = Candidate {
                path: root.clone(),
                kind: KindHint::of(root).or_else(|| KindHint::named_text(root)),
                explicit: true,
            };
            let t = each(&c);
            out.push((c, t));
            continue;
        }
        // The walk runs on as many threads as the analysis (RAYON_NUM_THREADS); results are
        // sorted below, so the order the threads find files in does not matter.
        let found = std::sync::Mutex::new((Vec::new(), Vec::new(), Vec::new()));
        // Symbolic links are followed only while they stay inside the root (canonically): a
        // link to `/` or to `/proc/self/environ` is reported, not walked or read.
        let canon_root = Arc::new(std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()));
        let escaped: Arc<Mutex<Vec<WalkError>>> = Arc::default();
        // Ignore files above the root count up to the repository root only (as git does).
        let above = Arc::new(if opts.respect_ignore_files {
            ancestor_ignores(&canon_root)
        } else {
            Vec::new()
        });
        let saw_ignore_file = std::sync::atomic::AtomicBool::new(!above.is_empty());
        let (croot, esc, rel_root) = (canon_root.clone(), escaped.clone(), Arc::new(root.clone()));
        ignore::WalkBuilder::new(root)
            .hidden(false)
            .git_ignore(opts.respect_ignore_files)
            .git_global(false)
            .git_exclude(opts.respect_ignore_files)
            .ignore(opts.respect_ignore_files)
            .parents(false)
            .require_git(false)
            .follow_links(true)
            .threads(rayon::current_num_threads())
            .filter_entry(move |e| {
                if e.depth() > 0 && e.path_is_symlink() {
                    let inside =
                        std::fs::canonicalize(e.path()).is_ok_and(|t| t.starts_with(&*croot));
                    if !inside {
                        if let Ok(mut v) = esc.lock() {
                            v.push(WalkError {
                                path: Some(e.path().to_path_buf()),
                                message: OUTSIDE_LINK.into(),
                            });
                        }
                        return false;
                    }
                }
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                if !above.is_empty() {
                    let rel = e.path().strip_prefix(&*rel_root).unwrap_or(e.path());
                    let abs = croot.join(rel);
                    for g in above.iter() {
                        match g.matched_path_or_any_parents(&abs, is_dir) {
                            ignore::Match::Ignore(_) => return false,
                            ignore::Match::Whitelist(_) => break,
                            ignore::Match::None => {}
                        }
                    }
                }
                if !is_dir {
                    return true;
                }
                let name = e.file_name();
                if name == ".git" {
                    return false;
                }
                // `.terraform/` holds providers and state: skipped, except the modules that
                // `terraform init` installed (listed in modules.json), which calls evaluate.
                if name == ".terraform" {
                    return e.path().join("modules/modules.json").is_file();
                }
                let in_dot_terraform = e
                    .path()
                    .parent()
                    .and_then(|p| p.file_name())
                    .is_some_and(|p| p == ".terraform");
                !in_dot_terraform || name == "modules"
            })
            .build_parallel()
            .run(|| {
                let (include, exclude, found) = (&include, &exclude, &found);
                let saw_ignore_file = &saw_ignore_file;
                Box::new(move |entry| {
                    use ignore::WalkState::Continue;
                    let entry = match entry {
                        Ok(e) => e,
                        Err(e) => {
                            let err = WalkError {
                                path: error_path(&e),
                                message: e.to_string(),
                            };
                            if let Ok(mut f) = found.lock() {
                                f.1.push(err);
                            }
                            return Continue;
                        }
                    };
                    let ft = entry.file_type();
                    if ft.is_some_and(|t| t.is_dir()) {
                        return Continue;
                    }
                    // Once: each call finds the name in the path again.
                    let name = entry.file_name();
                    if name == ".gitignore" || name == ".ignore" {
                        saw_ignore_file.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    let path = entry.path();
                    if !ft.is_some_and(|t| t.is_file()) {
                        // A FIFO, socket or device with a name acslint would read is reported.
                        if KindHint::of_name(name).is_some() || name == FILE_NAME {
                            if let Ok(mut f) = found.lock() {
                                f.1.push(WalkError {
                                    path: Some(path.to_path_buf()),
                                    message: NOT_REGULAR.into(),
                                });
                            }
                        }
                        return Continue;
                    }
                    if name == FILE_NAME
                        && !path.components().any(|c| c.as_os_str() == ".terraform")
                    {
                        if let Ok(mut f) = found.lock() {
                            f.2.push(path.to_path_buf());
                        }
                        return Continue;
                    }
                    let Some(kind) = KindHint::of_name(name).or_else(|| KindHint::text(path))
                    else {
                        return Continue;
                    };
                    // Only globs read the relative path (splitting both paths into components
                    // was 30 % of the walk's own instructions on the corpus).
                    let rel = || path.strip_prefix(root).unwrap_or(path);
                    if exclude
                        .as_ref()
                        .is_some_and(|g| g.is_match(rel()) || g.is_match(path))
                    {
                        return Continue;
                    }
                    if include
                        .as_ref()
                        .is_some_and(|g| !(g.is_match(rel()) || g.is_match(path)))
                    {
                        return Continue;
                    }
                    let c = Candidate {
                        path: path.to_path_buf(),
                        kind: Some(kind),
                        explicit: false,
                    };
                    let t = each(&c);
                    if let Ok(mut f) = found.lock() {
                        f.0.push((c, t));
                    }
                    Continue
                })
            });
        let (mut cands, mut errs, cfgs) = found.into_inner().unwrap_or_default();
        errs.extend(std::mem::take(
            &mut *escaped.lock().unwrap_or_else(|e| e.into_inner()),
        ));
        if opts.respect_ignore_files {
            // Files git tracks are linted even when an ignore file names them: an ignore file
            // must not be a way to hide code from the gate.
            if let Some(repo) = repo_root(&canon_root) {
                let seen: crate::util::HashSet<PathBuf> = cands
                    .iter()
                    .map(|(c, _): &(Candidate, T)| c.path.clone())
                    .collect();
                let filter = |rel: &Path, path: &Path| {
                    !exclude
                        .as_ref()
                        .is_some_and(|g| g.is_match(rel) || g.is_match(path))
                        && include
                            .as_ref()
                            .is_none_or(|g| g.is_match(rel) || g.is_match(path))
                };
                for t in crate::gitindex::tracked_files(&repo) {
                    let Ok(rel) = repo
                        .join(&t)
                        .strip_prefix(&*canon_root)
                        .map(Path::to_path_buf)
                    else {
                        continue;
                    };
                    if rel
                        .components()
                        .any(|c| c.as_os_str() == ".git" || c.as_os_str() == ".terraform")
                    {
                        continue;
                    }
                    let path = root.join(&rel);
                    let Some(kind) = KindHint::of(&path).or_else(|| KindHint::text(&path)) else {
                        continue;
                    };
                    if seen.contains(&path) || !filter(&rel, &path) {
                        continue;
                    }
                    // Only a regular file that really is inside the root (a tracked path may
                    // run through a directory since replaced by a link).
                    let inside = std::fs::canonicalize(&path)
                        .is_ok_and(|c| c.starts_with(&*canon_root))
                        && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
                    if !inside {
                        continue;
                    }
                    let c = Candidate {
                        path,
                        kind: Some(kind),
                        explicit: false,
                    };
                    let t = each(&c);
                    cands.push((c, t));
                }
            }
            if saw_ignore_file.into_inner() {
                let all = count_lintable(root, &include, &exclude);
                let linted = cands
                    .iter()
                    .filter(|(c, _)| c.kind != Some(KindHint::Text))
                    .count();
                ignored += all.saturating_sub(linted);
            }
        }
        out.extend(cands);
        errs.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
        errors.extend(errs);
        configs.extend(cfgs);
    }
    sort_candidates(&mut out, paths.len() == 1);
    if paths.len() == 1 {
        // One root's spelling and plain names (see `sort_candidates`): the same file is the same
        // bytes, compared without splitting both paths into components.
        out.dedup_by(|a, b| a.0.path.as_os_str() == b.0.path.as_os_str());
    } else {
        out.dedup_by(|a, b| a.0.path == b.0.path);
    }
    if paths.len() > 1 {
        // `main.tf ./main.tf` or `. infra/`: one file named in two spellings is linted once.
        let mut seen = crate::util::HashSet::default();
        out.retain(|(c, _)| seen.insert(std::fs::canonicalize(&c.path).unwrap_or(c.path.clone())));
    }
    configs.sort();
    configs.dedup();
    let (candidates, results) = out.into_iter().unzip();
    Ok((
        Discovered {
            candidates,
            errors,
            configs,
            ignored,
        },
        results,
    ))
}

/// Sort candidates in `Candidate`'s order (path, component by component, then kind). The paths
/// of one root (`one_root`) are that root's spelling followed by plain names, each joined with
/// one `/`: their bytes compared with `/` lowest give that order (`source::path_order`) without
/// splitting both paths into components per comparison (62 M instructions on the corpus).
fn sort_candidates<T: Send>(out: &mut [(Candidate, T)], one_root: bool) {
    if one_root {
        out.par_sort_by(|(a, _), (b, _)| {
            crate::source::path_order(&a.path, &b.path)
                .then_with(|| (a.kind, a.explicit).cmp(&(b.kind, b.explicit)))
        });
    } else {
        // Paths named in several spellings (`./a`, `a//b`): only `Path`'s order is sure.
        out.par_sort_by(|a, b| a.0.cmp(&b.0));
    }
}

/// Terraform/policy-named files below `root` with no ignore file applied (for the count of
/// files the ignore files skipped).
fn count_lintable(root: &Path, include: &Option<GlobSet>, exclude: &Option<GlobSet>) -> usize {
    let n = std::sync::atomic::AtomicUsize::new(0);
    ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .threads(rayon::current_num_threads())
        .filter_entry(|e| {
            !(e.file_type().is_some_and(|t| t.is_dir())
                && (e.file_name() == ".git" || e.file_name() == ".terraform"))
        })
        .build_parallel()
        .run(|| {
            let n = &n;
            Box::new(move |e| {
                if let Ok(e) = e {
                    let path = e.path();
                    let rel = path.strip_prefix(root).unwrap_or(path);
                    if !e.file_type().is_some_and(|t| t.is_dir())
                        && KindHint::of(path).is_some()
                        && !exclude
                            .as_ref()
                            .is_some_and(|g| g.is_match(rel) || g.is_match(path))
                        && include
                            .as_ref()
                            .is_none_or(|g| g.is_match(rel) || g.is_match(path))
                    {
                        n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
                ignore::WalkState::Continue
            })
        });
    n.into_inner()
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// Decide a `.json` file's kind from its content: a RAM policy document (top-level
/// `Statement`), a Terraform plan (`format_version` with `planned_values` or
/// `resource_changes`), or neither (`None`: skipped silently).
pub fn sniff_json(text: &str) -> Option<FileKind> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('{') {
        return None;
    }
    // A cheap textual look first; most JSON in a repository is neither.
    let has = |k: &str| text.contains(&format!("\"{k}\""));
    if has("format_version")
        && (has("planned_values") || has("resource_changes") || has("terraform_version"))
    {
        return Some(FileKind::Plan);
    }
    if text.contains("\"Statement\"") || text.contains("\"statement\"") {
        // Confirm it is at top level when the file parses; an unparsable file that looks like a
        // policy is still a policy (its parse error is worth reporting). The top level's keys
        // are read first with the values skipped, not built (a document of 300k actions made
        // that tree 60 ms and 40 MB): a statement key there makes it a policy whether or not
        // the whole tree would build. Anything else is decided on the tree, as it always was.
        if top_level_keys(text).is_ok_and(|k| k.statement) {
            return Some(FileKind::Policy);
        }
        return policy_by_tree(text);
    }
    None
}

/// Whether a JSON text that names a statement is a policy, decided on its whole tree: a
/// top-level `statement` key in any case, or a text that does not parse.
fn policy_by_tree(text: &str) -> Option<FileKind> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(o)) => o
            .keys()
            .any(|k| k.eq_ignore_ascii_case("statement"))
            .then_some(FileKind::Policy),
        Ok(_) => None,
        Err(_) => Some(FileKind::Policy),
    }
}

/// What [`sniff_json`] reads of a JSON object's top level: whether a key is `statement` in
/// any case. The values before it are checked for syntax and skipped; the reading stops at it.
struct TopLevelKeys {
    statement: bool,
}

/// The error [`top_level_keys`]'s visitor stops with at a `statement` key: whatever follows, the
/// whole tree makes such a text a policy (a statement key in its object, or a parse error).
const STATEMENT_FOUND: &str = "acslint: top-level statement key";

fn top_level_keys(text: &str) -> serde_json::Result<TopLevelKeys> {
    use serde::de::{Deserializer, Error, IgnoredAny, MapAccess, Visitor};
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = TopLevelKeys;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<TopLevelKeys, A::Error> {
            while let Some(k) = m.next_key::<String>()? {
                if k.eq_ignore_ascii_case("statement") {
                    // The rest (a policy's statements: nearly all of its bytes) is not read.
                    return Err(A::Error::custom(STATEMENT_FOUND));
                }
                m.next_value::<IgnoredAny>()?;
            }
            Ok(TopLevelKeys { statement: false })
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let keys = match (&mut de).deserialize_map(Keys) {
        Err(e) if e.is_data() && e.to_string().starts_with(STATEMENT_FOUND) => {
            return Ok(TopLevelKeys { statement: true });
        }
        r => r?,
    };
    de.end()?;
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind read from the top level's keys is the kind the whole tree gives, also where
    /// the two parses differ (nesting deeper than the tree's limit, a number out of range, a
    /// lone surrogate, an escaped key, trailing text).
    #[test]
    fn sniffed_as_the_whole_tree_says() {
        let named = |t: &str| t.contains("\"Statement\"") || t.contains("\"statement\"");
        let by_tree = |text: &str| policy_by_tree(text).filter(|_| named(text));
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        let texts = [
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"ecs:*"}]}"#.to_string(),
            r#"{"statement":{}}"#.to_string(),
            r#"{"St\u0061tement":[],"a":"Statement"}"#.to_string(),
            r#"{"a":{"Statement":[]}}"#.to_string(),
            r#"{"a":"Statement","n":1e400}"#.to_string(),
            r#"{"Statement":[],"n":1e400}"#.to_string(),
            r#"{"a":"\ud800","b":"Statement"}"#.to_string(),
            r#"{"Statement":"\ud800"}"#.to_string(),
            format!(r#"{{"a":"Statement","d":{}}}"#, deep(200)),
            format!(r#"{{"Statement":{}}}"#, deep(200)),
            format!(r#"{{"Statement":{}}}"#, deep(20)),
            r#"{"Statement":[]} x"#.to_string(),
            r#"{"a":"Statement"} x"#.to_string(),
            r#"{"Statement":[],"Statement":1}"#.to_string(),
            "{\"Statement\": [ oops".to_string(),
            r#"{"a":"Statement",}"#.to_string(),
        ];
        for t in &texts {
            assert!(named(t), "{t}");
            assert_eq!(sniff_json(t), by_tree(t), "{t}");
        }
        assert!(top_level_keys(&texts[2]).is_ok_and(|k| k.statement));
        assert!(top_level_keys(&texts[8]).is_ok_and(|k| !k.statement));
        // The reading stops at the statement key: what follows is never read.
        assert!(top_level_keys(&texts[14]).is_ok_and(|k| k.statement));
        assert!(top_level_keys(r#"{"a":1,"Statement" x"#).is_ok_and(|k| k.statement));
        assert!(serde_json::from_str::<serde_json::Value>(&texts[9]).is_err());
    }

    #[test]
    fn kinds_by_name() {
        assert_eq!(KindHint::of(Path::new("a/main.tf")), Some(KindHint::Hcl));
        assert_eq!(KindHint::of(Path::new("x.tf.json")), Some(KindHint::TfJson));
        assert_eq!(
            KindHint::of(Path::new("x.auto.tfvars.json")),
            Some(KindHint::TfvarsJson)
        );
        assert_eq!(
            KindHint::of(Path::new("terraform.tfvars")),
            Some(KindHint::Tfvars)
        );
        assert_eq!(KindHint::of(Path::new("p.json")), Some(KindHint::Json));
        assert_eq!(KindHint::of(Path::new("README.md")), None);
    }

    #[test]
    fn one_roots_candidates_sort_as_paths_do() {
        // Names around `/` in byte order (`-` and `.` sort before it in `Path`'s bytes, not in
        // its components), roots spelled every way a command line may.
        let names = ["a", "a-b", "a.b", "ab", "b", "a0", "A", "é", "a b"];
        let roots = [
            ".", "./", "corpus", "corpus/", "/abs/x", "a//b", "x/./y", "../up",
        ];
        let mut rng = 11u64;
        let mut next = || {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (rng >> 33) as usize
        };
        for root in roots {
            for round in 0..40 {
                let mut out: Vec<(Candidate, usize)> = (0..1 + round % 30)
                    .map(|i| {
                        let mut p = PathBuf::from(root);
                        for _ in 0..1 + next() % 4 {
                            p = p.join(names[next() % names.len()]);
                        }
                        let kind = [None, Some(KindHint::Hcl), Some(KindHint::Text)][next() % 3];
                        let c = Candidate {
                            path: p,
                            kind,
                            explicit: next() % 2 == 0,
                        };
                        (c, i)
                    })
                    .collect();
                let mut want = out.clone();
                want.sort_by(|a, b| a.0.cmp(&b.0));
                sort_candidates(&mut out, true);
                let keys = |v: &[(Candidate, usize)]| -> Vec<Candidate> {
                    v.iter().map(|(c, _)| c.clone()).collect()
                };
                assert_eq!(keys(&out), keys(&want), "root {root}");
            }
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff_json(r#"{"Version":"1","Statement":[]}"#),
            Some(FileKind::Policy)
        );
        assert_eq!(
            sniff_json(r#"{"format_version":"1.2","planned_values":{}}"#),
            Some(FileKind::Plan)
        );
        assert_eq!(
            sniff_json(r#"{"name":"pkg","Statement":1}"#),
            Some(FileKind::Policy)
        );
        assert_eq!(sniff_json(r#"{"name":"pkg"}"#), None);
        assert_eq!(sniff_json(r#"{"a":{"Statement":[]}}"#), None);
        assert_eq!(sniff_json(r#"[1]"#), None);
        assert_eq!(sniff_json("{\"Statement\": [ oops"), Some(FileKind::Policy));
    }
}
