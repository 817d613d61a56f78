//! Discovery: which files to lint, and how to read them.

use crate::source::FileKind;
use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::slice::ParallelSliceMut;
use std::path::{Path, PathBuf};

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
        let name = path.file_name()?.to_str()?;
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
        if meta.is_file() {
            let c = Candidate {
                path: root.clone(),
                kind: KindHint::of(root),
                explicit: true,
            };
            let t = each(&c);
            out.push((c, t));
            continue;
        }
        // The walk runs on as many threads as the analysis (RAYON_NUM_THREADS); results are
        // sorted below, so the order the threads find files in does not matter.
        let found = std::sync::Mutex::new((Vec::new(), Vec::new(), Vec::new()));
        ignore::WalkBuilder::new(root)
            .hidden(false)
            .git_ignore(opts.respect_ignore_files)
            .git_global(false)
            .git_exclude(opts.respect_ignore_files)
            .ignore(opts.respect_ignore_files)
            .parents(opts.respect_ignore_files)
            .require_git(false)
            .follow_links(true)
            .threads(rayon::current_num_threads())
            .filter_entry(|e| {
                if !e.file_type().is_some_and(|t| t.is_dir()) {
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
                    if !entry.file_type().is_some_and(|t| t.is_file()) {
                        return Continue;
                    }
                    let path = entry.path();
                    if entry.file_name() == crate::config::FILE_NAME
                        && !path.components().any(|c| c.as_os_str() == ".terraform")
                    {
                        if let Ok(mut f) = found.lock() {
                            f.2.push(path.to_path_buf());
                        }
                        return Continue;
                    }
                    let Some(kind) = KindHint::of(path).or_else(|| KindHint::text(path)) else {
                        return Continue;
                    };
                    let rel = path.strip_prefix(root).unwrap_or(path);
                    if exclude
                        .as_ref()
                        .is_some_and(|g| g.is_match(rel) || g.is_match(path))
                    {
                        return Continue;
                    }
                    if include
                        .as_ref()
                        .is_some_and(|g| !(g.is_match(rel) || g.is_match(path)))
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
        let (cands, mut errs, cfgs) = found.into_inner().unwrap_or_default();
        out.extend(cands);
        errs.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
        errors.extend(errs);
        configs.extend(cfgs);
    }
    // Path comparisons parse components: thousands of them are worth two threads.
    out.par_sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0.path == b.0.path);
    configs.sort();
    configs.dedup();
    let (candidates, results) = out.into_iter().unzip();
    Ok((
        Discovered {
            candidates,
            errors,
            configs,
        },
        results,
    ))
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
        // policy is still a policy (its parse error is worth reporting).
        return match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(o)) => o
                .keys()
                .any(|k| k.eq_ignore_ascii_case("statement"))
                .then_some(FileKind::Policy),
            Ok(_) => None,
            Err(_) => Some(FileKind::Policy),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
