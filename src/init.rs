//! `acslint init`: a commented `.acslint.hcl` for the repository at hand. It looks at the tree
//! the way a reader would (which directories are root modules, which hold examples or tests)
//! and writes a starting point the user edits; nothing here is evaluated.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Directory names whose Terraform is usually not deployed as is.
const NOT_DEPLOYED: &[&str] = &[
    "example", "examples", "test", "tests", "testdata", "fixtures", "testing",
];

/// What `init` found in the tree.
#[derive(Debug, Default, PartialEq)]
pub struct Survey {
    /// Root modules: directories no other module calls that configure a provider or backend or
    /// hold variable files (`/`-separated, relative to the root; `.` for the root itself).
    pub roots: Vec<String>,
    /// Directories holding examples or tests (relative, `/`-separated).
    pub examples: Vec<String>,
    /// Terraform and policy files seen.
    pub files: usize,
}

fn rel(root: &Path, p: &Path) -> String {
    let r = p
        .strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/");
    if r.is_empty() {
        ".".into()
    } else {
        r
    }
}

/// Normalise `a/b/../c` lexically (module sources are relative paths, not files to resolve).
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
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

pub fn survey(root: &Path) -> Survey {
    let mut module_dirs: BTreeSet<PathBuf> = BTreeSet::new();
    let mut configured: BTreeSet<PathBuf> = BTreeSet::new();
    let mut called: BTreeSet<PathBuf> = BTreeSet::new();
    let mut examples: BTreeSet<String> = BTreeSet::new();
    let mut files = 0;
    // The same walker as `check` (ignore files honoured, no links followed out of the tree).
    let walk = ignore::WalkBuilder::new(root)
        .hidden(true)
        .follow_links(false)
        .max_filesize(Some(8 << 20))
        .build();
    for entry in walk.flatten() {
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_dir()) {
            let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
            if entry.depth() > 0 && NOT_DEPLOYED.contains(&name.as_str()) {
                examples.insert(rel(root, path));
            }
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let Some(dir) = path.parent() else { continue };
        let is_tf = name.ends_with(".tf") || name.ends_with(".tf.json");
        let is_vars = name.ends_with(".tfvars") || name.ends_with(".tfvars.json");
        if name.ends_with(".json") || is_tf || is_vars {
            files += 1;
        }
        if is_vars {
            configured.insert(dir.to_path_buf());
        }
        if !is_tf {
            continue;
        }
        module_dirs.insert(dir.to_path_buf());
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with("provider ") || t.starts_with("backend ") {
                configured.insert(dir.to_path_buf());
            }
            if let Some(rest) = t.strip_prefix("source") {
                let v = rest.trim_start().trim_start_matches('=').trim();
                let v = v.trim_matches('"');
                if v.starts_with("./") || v.starts_with("../") {
                    called.insert(normalise(&dir.join(v)));
                }
            }
        }
    }
    let roots = module_dirs
        .iter()
        .filter(|d| configured.contains(*d) && !called.contains(&normalise(d)))
        .map(|d| rel(root, d))
        .filter(|r| {
            !examples
                .iter()
                .any(|e| r == e || r.starts_with(&format!("{e}/")))
        })
        .collect();
    // Only the outermost example directory of a nest.
    let outer: Vec<String> = examples
        .iter()
        .filter(|e| {
            !examples
                .iter()
                .any(|o| o != *e && e.starts_with(&format!("{o}/")))
        })
        .cloned()
        .collect();
    Survey {
        roots,
        examples: outer,
        files,
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text of the configuration file for a survey.
pub fn render(s: &Survey) -> String {
    let mut out = String::from(
        "# acslint configuration (written by `acslint init`; edit freely).\n\
         # Every key: README \"Configuration\", or `acslint config --show` for the effective values.\n\n",
    );
    out.push_str("# Rules to run: codes (RAM001), prefixes (RAM, OSS0), names or packs (cis, recommended).\n");
    out.push_str("select = [\"recommended\"]\n\n");
    out.push_str(
        "# Lowest severity that fails the run: info, low, medium, high, critical, never.\n",
    );
    out.push_str("fail_on = \"low\"\n\n");
    if s.examples.is_empty() {
        out.push_str("# Paths not to lint, e.g. examples that are never deployed.\n");
        out.push_str("# exclude = [\"examples/**\"]\n\n");
    } else {
        out.push_str(
            "# Examples and tests found in this repository: not deployed, so not linted.\n",
        );
        let globs: Vec<String> = s.examples.iter().map(|e| format!("{e}/**")).collect();
        out.push_str(&format!("exclude = [{}]\n\n", list(&globs)));
    }
    if s.roots.is_empty() {
        out.push_str(
            "# No root module found (a directory that configures a provider or backend, or has\n\
             # variable files, and that no other module calls). Once you have one, consider:\n\
             # require = [\"actiontrail\"]\n\n",
        );
    } else {
        out.push_str(&format!(
            "# Root modules found: {}.\n\
             # Require an ActionTrail trail in each of them (configuration-scope rules, off by default):\n\
             require = [\"actiontrail\"]\n\n",
            list(&s.roots)
        ));
    }
    out.push_str(
        "# Per-rule severity overrides and options, for example:\n\
         # severity = { OSS003 = \"low\" }\n\
         # options \"RAM031\" {\n\
         #   accounts = [\"1234567890123456\"]   # your own account IDs\n\
         # }\n",
    );
    out
}

/// Write `.acslint.hcl` in `dir`, refusing to overwrite one that exists.
pub fn run(dir: &Path) -> Result<(PathBuf, Survey), String> {
    let meta = std::fs::metadata(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    if !meta.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    let target = dir.join(".acslint.hcl");
    let s = survey(dir);
    let text = render(&s);
    use std::io::Write;
    // `create_new`: never overwrite, and never follow a link planted at the name.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists; acslint init does not overwrite it (remove it first, or see `acslint config --show`)",
                target.display()
            ),
            _ => format!("cannot create {}: {e}", target.display()),
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    Ok((target, s))
}
