//! A file is linted in its module. Terraform evaluates a directory as a whole (a variable
//! declared in `variables.tf` is used in `main.tf`), so a Terraform file named on the command
//! line, given on standard input with `--stdin-filename`, passed by the pre-commit hook or open
//! in an editor is linted with every Terraform file of its directory, the local modules that
//! directory calls (transitively, and those `terraform init` installed) and, the directory
//! being evaluated as a root, its variable files; the given buffer stands in for the file on
//! disk, and the open buffers of [`LintOptions::overlay`] (an editor's unsaved neighbours) stand
//! in for theirs. Only the findings of the requested files are kept, with those located in other files
//! that their content causes (a policy read with `file()`); a neighbour's own findings, its
//! syntax errors included, are its own (it is linted when it is named or its directory is).
//! So the rules check only what can report there: expression rules the requested files'
//! resources, those holding values written there and those linked to them, document rules the
//! documents written or read there ([`checked_files`]); built-in block checks (few, following
//! links of their own) and configuration-scope rules see the whole module. The findings are the
//! same as checking everything and filtering (a test compares them on every multi-file fixture).
//!
//! The directory is evaluated as a root: for a root module the verdict is the one of any scan
//! that contains it; for a child module it is the verdict of linting its directory alone
//! (a scan from above evaluates it with its callers' inputs instead: a CI-wide view).
//! Policy JSON files and other files are linted alone.

use crate::discover::{self, Candidate, DiscoverOptions, Discovered, KindHint};
use crate::engine::{self, Selection};
use crate::finding::Finding;
use crate::lint::{self, LintOptions, LintResult, Read};
use crate::rules::Registry;
use crate::source::{path_order, FileId, FileKind, SourceMap};
use crate::tf::module::normalize;
use crate::util::{HashMap, HashSet};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file to lint in its module, with the text to use in place of the file on disk, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    pub text: Option<String>,
}

/// Whether a file belongs to a Terraform module (linted with its directory) rather than being a
/// document of its own.
pub fn in_module(path: &Path) -> bool {
    matches!(
        KindHint::of(path),
        Some(KindHint::Hcl | KindHint::TfJson | KindHint::Tfvars | KindHint::TfvarsJson)
    )
}

/// Lint one file in its module, with `buffer` in place of its content on disk (`None` reads
/// the disk). `opts` gives the configuration, Terraform inputs and limits (its `paths`, `stdin`
/// and `targets` are not used). The result holds the findings of that file, plus those located
/// in other files that its content causes (a policy it reads with `file()`); each finding's
/// `file` says where it is
/// (`result.sources.get(f.file).path`). Policy JSON is linted alone.
pub fn lint_file(
    opts: &LintOptions,
    reg: &Registry,
    sel: &Selection,
    path: &Path,
    buffer: Option<&str>,
) -> Result<LintResult, String> {
    let mut o = base(opts);
    o.targets = vec![Target {
        path: path.to_path_buf(),
        text: buffer.map(str::to_string),
    }];
    lint::lint(&o, reg, sel)
}

/// `opts` without what names the files of a run (paths, standard input, a walk, targets).
fn base(opts: &LintOptions) -> LintOptions {
    LintOptions {
        paths: Vec::new(),
        discover: opts.discover.clone(),
        max_file_size: opts.max_file_size,
        stdin: None,
        inject_panic: opts.inject_panic.clone(),
        config: opts.config.clone(),
        config_selection: opts.config_selection,
        inline_suppressions: opts.inline_suppressions,
        eval: opts.eval.clone(),
        discovered: None,
        prefetched: None,
        plan_config_dir: opts.plan_config_dir.clone(),
        allow_incomplete: opts.allow_incomplete,
        targets: Vec::new(),
        files_alone: false,
        overlay: opts.overlay.clone(),
        check_only: None,
        check_neighbours: opts.check_neighbours,
        verdicts: opts.verdicts.clone(),
    }
}

/// The run of [`lint::lint`]: files named on their own that belong to a module, and the
/// targets of `opts`, are linted in their modules; everything else as it comes.
pub(crate) fn lint_with_targets(
    opts: &LintOptions,
    reg: &Registry,
    sel: &Selection,
) -> Result<LintResult, String> {
    let mut targets = opts.targets.clone();
    let mut rest: Option<LintOptions> = None;
    if let Some(d) = &opts.discovered {
        // Named files that a walk of a named directory does not also reach (a walk of
        // directories alone names none: its paths are not normalised and hashed for nothing).
        let walked: HashSet<PathBuf> = match d.candidates.iter().any(|c| c.explicit) {
            true => d
                .candidates
                .iter()
                .filter(|c| !c.explicit)
                .map(|c| normalize(&c.path))
                .collect(),
            false => HashSet::default(),
        };
        let split = |c: &Candidate| {
            c.explicit && in_module(&c.path) && !walked.contains(&normalize(&c.path))
        };
        if !d.candidates.iter().any(split) {
            if targets.is_empty() {
                return lint::lint_gathered(opts, reg, sel);
            }
            rest = Some(LintOptions {
                targets: Vec::new(),
                ..opts.clone()
            });
        } else {
            let pre = opts
                .prefetched
                .as_ref()
                .filter(|p| p.len() == d.candidates.len());
            let mut kept = Discovered {
                candidates: Vec::new(),
                errors: d.errors.clone(),
                configs: d.configs.clone(),
                ignored: d.ignored,
            };
            let mut kept_reads = Vec::new();
            for (i, c) in d.candidates.iter().enumerate() {
                if split(c) {
                    let text = match pre.map(|p| &p[i]) {
                        Some(Read::Text(_, t)) => Some(t.to_string()),
                        _ => None,
                    };
                    targets.push(Target {
                        path: c.path.clone(),
                        text,
                    });
                } else {
                    kept.candidates.push(c.clone());
                    if let Some(p) = pre {
                        kept_reads.push(p[i].clone());
                    }
                }
            }
            if !kept.candidates.is_empty() || !kept.errors.is_empty() {
                let mut o = base(opts);
                o.prefetched = pre.map(|_| kept_reads);
                o.discovered = Some(kept);
                rest = Some(o);
            }
        }
    } else if opts.stdin.is_some() {
        let mut o = base(opts);
        o.stdin = opts.stdin.clone();
        rest = Some(o);
    } else {
        let (named, others): (Vec<&PathBuf>, Vec<&PathBuf>) =
            opts.paths.iter().partition(|p| in_module(p) && p.is_file());
        if named.is_empty() && targets.is_empty() {
            return lint::lint_gathered(opts, reg, sel);
        }
        targets.extend(named.into_iter().map(|p| Target {
            path: p.clone(),
            text: None,
        }));
        if !others.is_empty() {
            let mut o = base(opts);
            o.paths = others.into_iter().cloned().collect();
            rest = Some(o);
        }
    }
    let mut results = Vec::new();
    if let Some(o) = rest {
        results.push(lint::lint_gathered(&o, reg, sel)?);
    }
    // Targets by directory: one evaluation per module.
    let mut groups: BTreeMap<PathBuf, Vec<Target>> = BTreeMap::new();
    for t in targets {
        if in_module(&t.path) {
            let dir = t.path.parent().map(Path::to_path_buf).unwrap_or_default();
            groups.entry(dir).or_default().push(t);
        } else {
            // Documents of their own: as standard input, or read from disk.
            let mut o = base(opts);
            match t.text {
                Some(text) => o.stdin = Some((t.path.to_string_lossy().into_owned(), text)),
                None => o.paths = vec![t.path.clone()],
            }
            results.push(lint::lint_gathered(&o, reg, sel)?);
        }
    }
    for (dir, ts) in groups {
        results.push(lint_module(opts, reg, sel, &dir, &ts)?);
    }
    let mut results = results.into_iter();
    let mut out = results
        .next()
        .ok_or_else(|| "nothing to lint".to_string())?;
    for r in results {
        merge(&mut out, r);
    }
    Ok(out)
}

/// The local module paths of `source = "./x"` (native syntax) and `"source": "../x"` (JSON
/// syntax) in `text`, in order: what the regex
/// `"?\bsource"?\s*[=:]\s*"(\.\.?(?:/[^"\r\n]*)?)"` captures, matched by hand because compiling
/// that Unicode regex was a tenth of a one-file run (a unit test compares both).
fn local_sources(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        // A vectorised search (core's `str::find` is a byte-at-a-time two-way search).
        while let Some(i) =
            crate::bytes::find_str(b"source", &text.as_bytes()[from..]).map(|i| from + i)
        {
            from = i + 1;
            // `\b` before: no word character right before `source` (`s` is one).
            if text[..i]
                .chars()
                .next_back()
                .is_some_and(regex_syntax::is_word_character)
            {
                continue;
            }
            let after = &text[i + "source".len()..];
            let after = after.strip_prefix('"').unwrap_or(after);
            let Some(r) = after.trim_start().strip_prefix(['=', ':']) else {
                continue;
            };
            let Some(r) = r.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(len) = crate::tf::path_len(r) else {
                continue;
            };
            let start = text.len() - r.len();
            from = start + len + 1;
            return Some(&text[start..start + len]);
        }
        from = text.len();
        None
    })
}

/// The local modules that the scanned Terraform files call, transitively, and that the scan
/// did not reach (`acslint check prod` where `prod` calls `../modules/net`): their files, read,
/// so that the scanned roots are evaluated with them as `terraform plan` would, and as a file
/// of `prod` is linted alone ([`lint_file`]). They are context, not scanned: the caller reports
/// nothing located in them. Paths the configuration excludes stay out, as in [`lint_file`].
pub(crate) fn called_modules(opts: &LintOptions, sources: &SourceMap) -> Vec<(PathBuf, Read)> {
    use rayon::prelude::*;
    let module_file = |k: FileKind| matches!(k, FileKind::Hcl | FileKind::TfJson);
    // The files are in path order: a directory's files follow each other, and the set holds
    // each directory once (inserting every file's was a serial step).
    let mut dirs: Vec<&Path> = sources
        .files()
        .par_iter()
        .filter(|f| f.origin.is_none() && module_file(f.kind))
        .map(|f| f.normalized_dir())
        .collect();
    // Normalised paths have one spelling each: compared, hashed and sorted by their bytes
    // (`path_order`: `Path`'s order without splitting into components).
    dirs.dedup_by(|a, b| a.as_os_str() == b.as_os_str());
    let scanned: HashSet<&std::ffi::OsStr> = dirs.into_iter().map(Path::as_os_str).collect();
    let calls = |dir: &Path, text: &str| -> Vec<PathBuf> {
        local_sources(text)
            .map(|c| normalize(&dir.join(c)))
            .collect()
    };
    let mut queue: Vec<PathBuf> = sources
        .files()
        .par_iter()
        .filter(|f| f.origin.is_none() && module_file(f.kind))
        .flat_map_iter(|f| calls(f.normalized_dir(), &f.text))
        .collect();
    queue.sort_unstable_by(|a, b| path_order(a, b));
    queue.dedup_by(|a, b| a.as_os_str() == b.as_os_str());
    let excluded = |p: &Path| {
        opts.config
            .as_ref()
            .and_then(|cs| cs.for_path(p))
            .is_some_and(|c| c.excludes(p))
    };
    let mut seen: HashSet<PathBuf> = HashSet::default();
    let mut out = Vec::new();
    while let Some(d) = queue.pop() {
        if scanned.contains(d.as_os_str()) || !seen.insert(d.clone()) || !d.is_dir() {
            continue;
        }
        let keep = |p: &Path| matches!(KindHint::of(p), Some(KindHint::Hcl | KindHint::TfJson));
        for p in files_in(&d, keep) {
            if excluded(&p) {
                continue;
            }
            let c = Candidate {
                kind: KindHint::of(&p),
                path: p,
                explicit: false,
            };
            let r = lint::read(&c, opts.max_file_size);
            if let Read::Text(_, text) = &r {
                queue.extend(calls(&d, text));
            }
            out.push((c.path, r));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Regular files of `dir` (not below it) that `keep` accepts, sorted.
fn files_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let fs_dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(rd) = std::fs::read_dir(fs_dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| match e.file_type() {
            // The type the directory listing gives (no `stat` per entry, paid on every change
            // in the language server); a symbolic link is followed, as `metadata` does.
            Ok(t) if !t.is_symlink() => t.is_file(),
            _ => std::fs::metadata(e.path()).is_ok_and(|m| m.is_file()),
        })
        .map(|e| dir.join(e.file_name()))
        .filter(|p| keep(p.as_path()))
        .collect();
    out.sort();
    out
}

/// The candidates of the module of `dir` with their texts: the targets (their buffers in place
/// of the disk), the other Terraform files of `dir` and its variable files, and the local
/// modules called from there, transitively.
fn module_candidates(
    opts: &LintOptions,
    dir: &Path,
    targets: &[Target],
) -> (Vec<Candidate>, Vec<Read>) {
    let max = opts.max_file_size;
    let named: HashSet<PathBuf> = targets.iter().map(|t| normalize(&t.path)).collect();
    let excluded = |p: &Path| {
        opts.config
            .as_ref()
            .and_then(|cs| cs.for_path(p))
            .is_some_and(|c| c.excludes(p))
    };
    let mut found: Vec<(Candidate, Read)> = targets
        .iter()
        .map(|t| {
            let c = Candidate {
                path: t.path.clone(),
                kind: KindHint::of(&t.path),
                explicit: true,
            };
            let r = match &t.text {
                Some(text) => lint::classify(c.kind, text.clone(), true),
                None => lint::read(&c, max),
            };
            (c, r)
        })
        .collect();
    let overlay = opts.overlay.as_deref();
    // An editor's unsaved buffer of a neighbour, else the disk.
    let read_at = |c: &Candidate| match overlay.and_then(|o| o.get(&normalize(&c.path))) {
        Some(text) => lint::classify(c.kind, text.clone(), false),
        None => lint::read(c, max),
    };
    let mut seen: HashSet<PathBuf> = HashSet::default();
    let mut queue = vec![dir.to_path_buf()];
    while let Some(d) = queue.pop() {
        if !seen.insert(normalize(&d)) {
            continue;
        }
        let root = normalize(&d) == normalize(dir);
        let start = found.len();
        // Variable files count for the root only (a called module gets its caller's inputs).
        let wanted = |p: &Path| match KindHint::of(p) {
            Some(KindHint::Hcl | KindHint::TfJson) => true,
            Some(KindHint::Tfvars | KindHint::TfvarsJson) => root,
            _ => false,
        };
        let mut here = files_in(&d, |p| wanted(p) && !named.contains(&normalize(p)));
        // Open buffers of files not saved yet belong to the module too.
        if let Some(o) = overlay {
            let nd = normalize(&d);
            let on_disk: HashSet<PathBuf> = here.iter().map(|p| normalize(p)).collect();
            let mut extra: Vec<PathBuf> = o
                .keys()
                .filter(|p| p.parent() == Some(nd.as_path()) && wanted(p))
                .filter(|p| !named.contains(*p) && !on_disk.contains(*p))
                .cloned()
                .collect();
            extra.sort();
            here.extend(extra);
        }
        for p in here {
            if excluded(p.as_path()) {
                continue;
            }
            let c = Candidate {
                kind: KindHint::of(&p),
                path: p,
                explicit: false,
            };
            let r = read_at(&c);
            found.push((c, r));
        }
        // Modules `terraform init` installed are evaluated from the root that installed them.
        let installed = d.join(".terraform").join("modules");
        if root && installed.join("modules.json").is_file() {
            let o = DiscoverOptions::default();
            if let Ok(got) = discover::discover_all(&[installed], &o) {
                for c in got.candidates {
                    if matches!(c.kind, Some(KindHint::Hcl | KindHint::TfJson)) {
                        let r = read_at(&c);
                        found.push((c, r));
                    }
                }
            }
        }
        // The directory's own files (targets included) name the modules it calls.
        let own = found[..start]
            .iter()
            .filter(|(c, _)| root && named.contains(&normalize(&c.path)))
            .chain(&found[start..]);
        let mut calls = Vec::new();
        for (c, r) in own {
            if let Read::Text(_, text) = r {
                let here = c.path.parent().unwrap_or(Path::new(""));
                for to in local_sources(text) {
                    let to = normalize(&here.join(to));
                    if to.is_dir() && !seen.contains(&to) {
                        calls.push(to);
                    }
                }
            }
        }
        queue.extend(calls);
    }
    found.sort_by_cached_key(|(c, _)| normalize(&c.path));
    found.into_iter().unzip()
}

/// Lint the targets of one directory in their module; see the module documentation.
fn lint_module(
    opts: &LintOptions,
    reg: &Registry,
    sel: &Selection,
    dir: &Path,
    targets: &[Target],
) -> Result<LintResult, String> {
    let (candidates, reads) = module_candidates(opts, dir, targets);
    let mut o = base(opts);
    o.files_alone = true;
    o.discovered = Some(Discovered {
        candidates,
        ..Default::default()
    });
    o.prefetched = Some(reads);
    let named: Arc<HashSet<PathBuf>> =
        Arc::new(targets.iter().map(|t| normalize(&t.path)).collect());
    if !opts.check_neighbours {
        o.check_only = Some(named.clone());
    }
    let mut r = lint::lint_gathered(&o, reg, sel)?;
    let (wanted, kept) = kept_files(&r.sources, &named);
    let keep = |f: &Finding| kept.contains(&f.file);
    r.findings.retain(|f| keep(f));
    r.suppressed.retain(|s| keep(&s.finding));
    r.unknowns.retain(|u| kept.contains(&u.file));
    r.files = wanted;
    Ok(r)
}

/// The files whose findings a lint of the `named` files keeps: those files, and the files they
/// read with `file()` (findings there are caused by them); with the number of named files found.
fn kept_files(sources: &SourceMap, named: &HashSet<PathBuf>) -> (usize, HashSet<FileId>) {
    let wanted: Vec<FileId> = sources
        .files()
        .iter()
        .filter(|f| f.origin.is_none() && named.contains(&normalize(&f.path)))
        .map(|f| f.id)
        .collect();
    let mut read_by: HashSet<PathBuf> = HashSet::default();
    for id in &wanted {
        let f = sources.get(*id);
        for p in lint::file_calls(&f.text) {
            read_by.insert(normalize(&f.dir().join(p)));
        }
    }
    let mut kept: HashSet<FileId> = wanted.iter().copied().collect();
    kept.extend(
        sources
            .files()
            .iter()
            .filter(|f| {
                f.origin.is_none()
                    && f.kind == FileKind::Other
                    && read_by.contains(&normalize(&f.path))
            })
            .map(|f| f.id),
    );
    (wanted.len(), kept)
}

/// What the resource- and document-scope rules check when only the findings in the `named`
/// files are kept ([`LintOptions::check_only`]): every block or document that could put a
/// finding or an unknown there.
///
/// A document: one located in a kept file (or a virtual file standing for one), held by an
/// attribute there, or holding a value written there (a variable default). Document checks read
/// the document alone.
///
/// A block, for expression rules: one located in a kept file, one holding a value written there
/// (a variable default, a module input: a finding is shown where its deciding value was
/// written), and one linked to such a block either way, as [`crate::tf::links::designates`]
/// links them (by reference, by an identity's value, by the same unknown): `attached()` reads
/// the blocks that designate the judged one, and a finding on a value read from another
/// block goes to that block. Built-in block checks follow links of their own (a trail's SLS
/// project through an ARN, a user through a key): they run on every block, as before (few).
///
/// A file, for file-scope rules (the secret scan): a kept one; they read the file alone.
pub(crate) fn checked_files(
    sources: &SourceMap,
    ws: &crate::tf::Workspace,
    named: &HashSet<PathBuf>,
) -> engine::Checked {
    let (_, kept) = kept_files(sources, named);
    let in_kept = |id: FileId| {
        kept.contains(&id)
            || sources
                .get(id)
                .origin
                .as_ref()
                .is_some_and(|o| kept.contains(&o.file))
    };
    let mut blocks = HashSet::default();
    for (ci, c) in ws.configurations.iter().enumerate() {
        let direct: Vec<usize> = (0..c.blocks.len())
            .filter(|&i| in_kept(c.blocks[i].file) || touches(&c.blocks[i].value, &in_kept))
            .collect();
        if direct.is_empty() {
            continue;
        }
        // Every block is checked: no links to follow (a module of the named files only).
        if direct.len() == c.blocks.len() {
            blocks.extend(direct.into_iter().map(|i| (ci, i)));
            continue;
        }
        let sigs: Vec<Signature> = c.blocks.iter().map(Signature::of).collect();
        // Blocks by address and by the values that name them.
        let mut by_addr: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_unknown: HashMap<u64, Vec<usize>> = HashMap::default();
        for (i, (b, s)) in c.blocks.iter().zip(&sigs).enumerate() {
            by_addr.entry(b.address.as_str()).or_default().push(i);
            for n in &s.names {
                by_name.entry(n.as_str()).or_default().push(i);
            }
            for u in &s.name_unknowns {
                by_unknown.entry(*u).or_default().push(i);
            }
        }
        // The blocks that `s` designates.
        let named_by = |s: &Signature, out: &mut Vec<usize>| {
            for r in &s.refs {
                for a in address_prefixes(r) {
                    out.extend(by_addr.get(a).into_iter().flatten());
                }
            }
            for x in &s.strings {
                out.extend(by_name.get(x).into_iter().flatten());
            }
            for u in &s.unknowns {
                out.extend(by_unknown.get(u).into_iter().flatten());
            }
        };
        let mut on: Vec<bool> = vec![false; c.blocks.len()];
        let mut found = Vec::new();
        for &k in &direct {
            on[k] = true;
            named_by(&sigs[k], &mut found);
        }
        for i in found {
            on[i] = true;
        }
        let is_direct: Vec<bool> = {
            let mut d = vec![false; c.blocks.len()];
            for &k in &direct {
                d[k] = true;
            }
            d
        };
        for i in 0..c.blocks.len() {
            if !on[i] {
                let mut named = Vec::new();
                named_by(&sigs[i], &mut named);
                on[i] = named.iter().any(|&k| is_direct[k]);
            }
        }
        blocks.extend((0..c.blocks.len()).filter(|&i| on[i]).map(|i| (ci, i)));
    }
    let documents = ws
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            in_kept(d.file) || d.loc.is_some_and(|l| in_kept(l.file)) || touches(&d.value, &in_kept)
        })
        .map(|(i, _)| i)
        .collect();
    engine::Checked {
        blocks,
        documents,
        files: kept,
    }
}

/// The block addresses a reference or origin may point into: itself and each prefix ending
/// before a `.` or a `[` (`module.m.alicloud_x.y[0].id` → `module.m`, …, `module.m.alicloud_x.y`,
/// `module.m.alicloud_x.y[0]`).
fn address_prefixes(r: &str) -> impl Iterator<Item = &str> {
    r.char_indices()
        .filter(|(_, c)| *c == '.' || *c == '[')
        .map(move |(i, _)| &r[..i])
        .chain(std::iter::once(r))
}

/// Does a value hold a value written in a kept file?
fn touches(v: &crate::value::Value, in_kept: &dyn Fn(FileId) -> bool) -> bool {
    use crate::value::Kind;
    v.loc.is_some_and(|l| in_kept(l.file))
        || v.encoded.as_deref().is_some_and(|e| touches(e, in_kept))
        || match &v.kind {
            Kind::Object(es) => es
                .iter()
                .any(|e| e.key_loc.is_some_and(|l| in_kept(l.file)) || touches(&e.value, in_kept)),
            Kind::List(items) => items.iter().any(|i| touches(i, in_kept)),
            _ => false,
        }
}

/// How a block may designate others, and how others may designate it, for [`checked_files`].
struct Signature<'a> {
    /// Every string it holds, the references and origins of its values, the identities of its
    /// unknowns.
    strings: HashSet<&'a str>,
    refs: Vec<&'a str>,
    unknowns: HashSet<u64>,
    /// The strings and unknown identities of its identities (`links::identities`): the values
    /// by which others designate it.
    names: Vec<String>,
    name_unknowns: Vec<u64>,
}

impl<'a> Signature<'a> {
    fn of(b: &'a crate::tf::Block) -> Signature<'a> {
        use crate::value::{Kind, Value};
        let mut s = Signature {
            strings: HashSet::default(),
            refs: Vec::new(),
            unknowns: HashSet::default(),
            names: Vec::new(),
            name_unknowns: Vec::new(),
        };
        fn walk<'a>(v: &'a Value, s: &mut Signature<'a>) {
            if let Some(o) = &v.origin {
                s.refs.push(o);
            }
            match &v.kind {
                Kind::String(x) => {
                    s.strings.insert(x);
                }
                Kind::Unknown(u) => {
                    if let Some(r) = &u.reference {
                        s.refs.push(r);
                    }
                    if let Some(id) = u.id {
                        s.unknowns.insert(id);
                    }
                }
                Kind::Object(es) => es.iter().for_each(|e| walk(&e.value, s)),
                Kind::List(items) => items.iter().for_each(|i| walk(i, s)),
                _ => {}
            }
        }
        walk(&b.value, &mut s);
        for v in crate::tf::links::identities(b) {
            match v.kind {
                Kind::String(x) => s.names.push(x),
                Kind::Unknown(u) => s.name_unknowns.extend(u.id),
                _ => {}
            }
        }
        s
    }
}

/// Append `from` to `into`: its files take new ids, and everything pointing into them follows.
fn merge(into: &mut LintResult, from: LintResult) {
    let mut map: Vec<FileId> = Vec::with_capacity(from.sources.len());
    for f in from.sources.files() {
        let id = match &f.origin {
            // Virtual files come after their origin; nothing points into them any more.
            Some(o) => map[o.file.0 as usize],
            None => into
                .sources
                .add(f.path.clone(), f.display.clone(), f.kind, f.text.clone()),
        };
        map.push(id);
    }
    let id = |x: FileId| map[x.0 as usize];
    let finding = |mut f: Finding| {
        f.file = id(f.file);
        if let Some(l) = &mut f.loc {
            l.file = id(l.file);
        }
        for s in &mut f.secondary {
            s.loc.file = id(s.loc.file);
        }
        if let Some(fx) = &mut f.fix {
            for e in &mut fx.edits {
                e.loc.file = id(e.loc.file);
            }
        }
        f
    };
    into.findings.extend(from.findings.into_iter().map(finding));
    into.plan_fixed
        .extend(from.plan_fixed.into_iter().map(finding));
    into.suppressed
        .extend(from.suppressed.into_iter().map(|mut s| {
            s.finding = finding(s.finding);
            s
        }));
    into.unknowns.extend(from.unknowns.into_iter().map(|mut u| {
        u.file = id(u.file);
        if let Some(l) = &mut u.loc {
            l.file = id(l.file);
        }
        u
    }));
    into.files += from.files;
    into.ignored += from.ignored;
    into.internal_errors += from.internal_errors;
    engine::sort_findings(&into.sources, &mut into.findings);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    /// (rule, file name, line) of each finding.
    fn found(r: &LintResult) -> Vec<(String, String, usize)> {
        r.findings
            .iter()
            .map(|f| {
                let s = r.sources.get(f.file);
                let line = f.loc.map_or(1, |l| s.line_col(l.start as usize).line);
                let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
                (f.rule.to_string(), name, line)
            })
            .collect()
    }

    /// The named file holding every block of its module: every block and document is
    /// checked; naming one of two files: its blocks, the other's block that reads one of them,
    /// not the other's unrelated block.
    #[test]
    fn checked_files_are_the_named_blocks_and_their_links() {
        use crate::source::{FileKind, SourceMap};
        let mut sources = SourceMap::default();
        let a = "resource \"alicloud_vpc\" \"v\" {\n  cidr_block = \"10.0.0.0/8\"\n}\nresource \"alicloud_vswitch\" \"s\" {\n  vpc_id = alicloud_vpc.v.id\n}\n";
        let b = "resource \"alicloud_vswitch\" \"t\" {\n  vpc_id = alicloud_vpc.v.id\n}\nresource \"alicloud_oss_bucket\" \"o\" {\n  bucket = \"x\"\n}\n";
        sources.add("m/a.tf".into(), "m/a.tf".into(), FileKind::Hcl, a.into());
        let ws = crate::lint::build_workspace(&sources);
        let named: HashSet<PathBuf> = [PathBuf::from("m/a.tf")].into_iter().collect();
        let c = checked_files(&sources, &ws, &named);
        let n = ws.configurations[0].blocks.len();
        assert_eq!(n, 2);
        assert_eq!(c.blocks, (0..n).map(|i| (0, i)).collect());
        sources.add("m/b.tf".into(), "m/b.tf".into(), FileKind::Hcl, b.into());
        let ws = crate::lint::build_workspace(&sources);
        let c = checked_files(&sources, &ws, &named);
        let blocks = &ws.configurations[0].blocks;
        let mut on: Vec<&str> = c
            .blocks
            .iter()
            .map(|&(_, i)| blocks[i].address.as_str())
            .collect();
        on.sort();
        assert_eq!(
            on,
            ["alicloud_vpc.v", "alicloud_vswitch.s", "alicloud_vswitch.t"]
        );
    }

    const POLICY: &str = "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}\n";

    #[test]
    fn a_buffer_is_linted_in_its_module_and_findings_it_causes_elsewhere_keep_their_file() {
        let d = tree(&[
            ("variables.tf", "variable \"doc\" {\n  default = \"admin.json\"\n}\n"),
            ("main.tf", "# nothing yet\n"),
            // A neighbour reading another policy: not caused by main.tf.
            (
                "other.tf",
                "resource \"alicloud_ram_policy\" \"o\" {\n  policy_name     = \"o\"\n  policy_document = file(\"${path.module}/other.txt\")\n}\n",
            ),
            ("admin.txt", POLICY),
            ("other.txt", POLICY),
        ]);
        let reg = Registry::builtin();
        let mut sel = Selection::default();
        sel.enabled.insert("RAM020".into());
        let main = d.path().join("main.tf");
        let buffer = "resource \"alicloud_ram_policy\" \"a\" {\n  policy_name     = \"a\"\n  policy_document = file(\"${path.module}/admin.txt\")\n}\n";
        let opts = LintOptions::default();
        let r = lint_file(&opts, reg, &sel, &main, Some(buffer)).unwrap();
        assert_eq!(found(&r), vec![("RAM020".into(), "admin.txt".into(), 4)]);
        assert_eq!(r.files, 1);
        // The disk's main.tf reads nothing.
        let r = lint_file(&opts, reg, &sel, &main, None).unwrap();
        assert_eq!(found(&r), vec![]);
        // A policy file is linted alone, its buffer in place of the disk.
        let p = d.path().join("p.json");
        let r = lint_file(&opts, reg, &sel, &p, Some(POLICY)).unwrap();
        assert_eq!(found(&r), vec![("RAM020".into(), "p.json".into(), 4)]);
    }

    #[test]
    fn local_modules_called_from_the_directory_are_evaluated_with_it() {
        let d = tree(&[
            (
                "root/main.tf",
                "module \"m\" {\n  source = \"../mod\"\n  name   = var.n\n}\n",
            ),
            ("root/variables.tf", "variable \"n\" {}\n"),
            ("root/terraform.tfvars", "n = \"admin\"\n"),
            (
                "mod/main.tf",
                "variable \"name\" {}\n\nresource \"alicloud_ram_user\" \"u\" {\n  name = var.name\n}\n",
            ),
        ]);
        let o = LintOptions::default();
        let (cands, _) = module_candidates(
            &o,
            &d.path().join("root"),
            &[Target {
                path: d.path().join("root/main.tf"),
                text: None,
            }],
        );
        let names: Vec<String> = cands
            .iter()
            .map(|c| {
                c.path
                    .strip_prefix(d.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            names,
            [
                "mod/main.tf",
                "root/main.tf",
                "root/terraform.tfvars",
                "root/variables.tf"
            ]
        );
        assert!(cands[1].explicit && !cands[0].explicit);
    }

    #[test]
    fn local_sources_finds_what_the_regex_finds() {
        let texts = [
            "module \"a\" {\n  source = \"./modules/a\"\n}\nmodule \"b\" { source=\"../b\" }",
            r#"{"module": {"a": {"source": "../x/y", "v": 1}}}"#,
            "source = \".\"\nsource = \"..\"\nsource = \"...\"\nsource = \"..x\"\nsource = \".x\"",
            "source = \"./a\nb\"\nsource = \"./c\r\"\nsource = \"./d\"",
            "xsource = \"./a\"\n_source = \"./b\"\n-source = \"./c\"\nésource = \"./d\"\n.source = \"./e\"",
            "source\u{a0}=\u{2003}\"./nbsp\"\nsource \" = \"./q\"\nsource\" : \"./r\"",
            "sourcesource = \"./a\"\nsource = \"source = \"./b\"\nsource = \"./c\"source = \"./d\"",
            "source = \"git::x\"\nsource = ./a\nsource == \"./a\"\nsource = \"./unclosed",
            "",
            "source",
            "\"source\": \"./\"",
        ];
        crate::util::assert_finds_what_group_one_captures(
            r#""?\bsource"?\s*[=:]\s*"(\.\.?(?:/[^"\r\n]*)?)""#,
            &texts,
            local_sources,
        );
        assert_eq!(
            local_sources(texts[0]).collect::<Vec<_>>(),
            ["./modules/a", "../b"]
        );
    }
}
