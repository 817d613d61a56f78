//! Terraform front end: HCL parsing, configuration model and evaluation.

pub mod json_syntax;
pub mod links;
pub mod lower;
pub mod model;
pub mod module;
pub mod plan;
pub mod policydoc;

pub use model::*;
pub use module::EvalOptions;

use crate::finding::Emit;
use crate::json::{self, SpanMap};
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::util::{HashMap, HashSet};
use crate::value::{Kind, Value};
use hcl_edit::structure::Body;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Number literals that Terraform accepts (arbitrary precision) but the parser rejects because
/// they overflow `u64` or `f64` (`18446744073709551616`, `1e309`), rewritten in place to a
/// literal of the same length that it accepts (so spans stay exact): a float of the same
/// magnitude, or the largest finite one of that length. `None` when there is none.
pub fn widen_numbers(text: &str) -> Option<String> {
    static NUM: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = NUM.get_or_init(|| {
        regex::Regex::new(r"(?-u:\b)[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?-u:\b)")
            .expect("valid regex")
    });
    let mut out = text.to_string();
    let mut any = false;
    // Quote parity and comment state of the current line, kept up to `at` (one pass).
    let (mut at, mut in_str, mut comment) = (0, false, false);
    let b = text.as_bytes();
    for m in re.find_iter(text) {
        let lit = m.as_str();
        while at < m.start() {
            match b[at] {
                b'\n' => (in_str, comment) = (false, false),
                b'"' if !comment => in_str = !in_str,
                b'#' if !in_str => comment = true,
                b'/' if !in_str && b.get(at + 1) == Some(&b'/') => comment = true,
                _ => {}
            }
            at += 1;
        }
        // Not inside a string or after a comment marker on its line.
        if in_str || comment {
            continue;
        }
        let is_int = lit.bytes().all(|b| b.is_ascii_digit());
        let overflows = if is_int {
            lit.parse::<u64>().is_err()
        } else {
            !lit.parse::<f64>().is_ok_and(f64::is_finite)
        };
        if !overflows {
            continue;
        }
        let v: f64 = lit.parse().unwrap_or(f64::INFINITY);
        let n = lit.len();
        // As many mantissa digits as fit; past f64's range, the largest finite value.
        let fit = if v.is_finite() {
            (0..n)
                .rev()
                .map(|p| format!("{:.*e}", p, v))
                .find(|s| s.len() <= n && s.parse::<f64>().is_ok_and(f64::is_finite))
        } else {
            ["1.797e308", "1.79e308", "1.7e308", "1e308"]
                .into_iter()
                .find(|s| s.len() <= n)
                .map(str::to_string)
        };
        let Some(mut rep) = fit else {
            continue;
        };
        // Pad the exponent with leading zeros to the original length.
        if let Some(i) = rep.find('e') {
            while rep.len() < n {
                rep.insert(i + 1, '0');
            }
        }
        if rep.len() != n {
            continue;
        }
        out.replace_range(m.start()..m.end(), &rep);
        any = true;
    }
    any.then_some(out)
}

/// Parse an HCL file; a syntax error becomes a `TF001` emit at the parser's position.
pub fn parse_hcl(file: FileId, text: &str) -> Result<Body, Box<Emit>> {
    parse_hcl_exact(file, text).map(|(b, _)| b)
}

/// [`parse_hcl`], and whether the tree is of exactly `text` (not of its widened numbers).
fn parse_hcl_exact(file: FileId, text: &str) -> Result<(Body, bool), Box<Emit>> {
    let first = hcl_edit::parser::parse_body(text).map(|b| (b, true));
    let first = match first {
        Err(_) => match widen_numbers(text) {
            Some(w) => hcl_edit::parser::parse_body(&w)
                .map(|b| (b, false))
                .or(first),
            None => first,
        },
        ok => ok,
    };
    first.map_err(|e| {
        let off = e.location().offset().min(text.len());
        let end = text[off..]
            .chars()
            .next()
            .map(|c| off + c.len_utf8())
            .unwrap_or(off);
        let msg = e.message().to_string();
        Box::new(
            Emit::new("TF001", file, Some(Loc::new(file, off..end)))
                .field("reason", msg.clone())
                .label(msg),
        )
    })
}

#[cfg(test)]
mod number_tests {
    #[test]
    fn numbers_terraform_accepts_are_values() {
        let w =
            super::widen_numbers("a = 18446744073709551616\nb = 1e309\nc = \"1e309\"\n").unwrap();
        assert_eq!(
            w.len(),
            "a = 18446744073709551616\nb = 1e309\nc = \"1e309\"\n".len()
        );
        assert!(
            w.starts_with("a = 1.844674407370955e19\nb = 1e308\n"),
            "{w}"
        );
        assert!(w.ends_with("c = \"1e309\"\n"), "{w}");
        assert!(hcl_edit::parser::parse_body(&w).is_ok(), "{w}");
    }
}

/// Deprecated resource types and their successors.
pub fn successor(t: &str) -> &str {
    match t {
        "alicloud_disk" => "alicloud_ecs_disk",
        "alicloud_actiontrail" => "alicloud_actiontrail_trail",
        "alicloud_slb" => "alicloud_slb_load_balancer",
        "alicloud_launch_template" => "alicloud_ecs_launch_template",
        other => other,
    }
}

/// Which attributes of which resource types hold policy documents, and of what kind.
pub const POLICY_ATTRIBUTES: &[(&str, &str, DocKind)] = &[
    ("alicloud_ram_policy", "policy_document", DocKind::Identity),
    ("alicloud_ram_policy", "document", DocKind::Identity),
    (
        "alicloud_ram_role",
        "assume_role_policy_document",
        DocKind::Trust,
    ),
    ("alicloud_ram_role", "document", DocKind::Trust),
    ("alicloud_oss_bucket", "policy", DocKind::Bucket),
    ("alicloud_oss_bucket_policy", "policy", DocKind::Bucket),
    ("alicloud_kms_key", "policy", DocKind::Kms),
    ("alicloud_kms_secret", "policy", DocKind::Kms),
    ("alicloud_log_project", "policy", DocKind::Log),
    (
        "alicloud_resource_manager_control_policy",
        "policy_document",
        DocKind::Control,
    ),
];

/// Load every Terraform file of the run into configurations, with default options.
pub fn load(sources: &SourceMap, ws: &mut Workspace) {
    load_with(sources, ws, &EvalOptions::default())
}

/// Load every Terraform file of the run into evaluated configurations: one per root module (a
/// directory of `.tf` files that no other scanned module calls), with the local modules it calls.
///
/// Directories are split into components that cannot call each other (see [`components`]); each
/// component is parsed, evaluated and freed on its own, in parallel. Syntax trees are ~25× the
/// size of their text, so holding every one of a large tree at once would dominate memory.
pub fn load_with(sources: &SourceMap, ws: &mut Workspace, opts: &EvalOptions) {
    load_checking(sources, ws, opts, None)
}

/// The rules' run on one configuration, for [`load_checking`].
pub type Check<'a> = dyn Fn(&mut Configuration) -> crate::finding::Sink + Sync + 'a;

/// [`load_with`], where `check` (when given) is run on each configuration of a module directory
/// as soon as it is evaluated, on the same thread, and the configuration is freed right after
/// (its results go to [`Workspace::checked`]): its model is still in the cache, and the memory
/// is used again for the next one instead of every model of a large tree being alive at once.
pub fn load_checking(
    sources: &SourceMap,
    ws: &mut Workspace,
    opts: &EvalOptions,
    check: Option<&Check>,
) {
    use rayon::prelude::*;
    // Directories are normalised in parallel; a directory's files mostly come in a row, so the
    // maps are built from runs of them rather than from each file.
    let keyed: Vec<(bool, &Path, FileId)> = sources
        .files()
        .par_iter()
        .filter_map(|f| match f.kind {
            FileKind::Hcl => Some((true, f.normalized_dir(), f.id)),
            FileKind::Tfvars | FileKind::TfvarsJson => Some((false, f.normalized_dir(), f.id)),
            _ => None,
        })
        .collect();
    let (mut hcl_runs, mut tfvars_runs) = (Vec::new(), Vec::new());
    for run in keyed.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let (hcl, dir, _) = run[0];
        let runs = if hcl { &mut hcl_runs } else { &mut tfvars_runs };
        runs.push((dir, run.iter().map(|r| r.2).collect()));
    }
    let dirs = by_dir(hcl_runs);
    let mut tfvars: BTreeMap<PathBuf, Vec<FileId>> = by_dir(tfvars_runs).into_iter().collect();
    // Files outside modules: JSON syntax checks, tfvars syntax, plans.
    let singles: Vec<Workspace> = sources
        .files()
        .par_iter()
        .map(|f| {
            let mut part = Workspace::default();
            match f.kind {
                FileKind::Tfvars => {
                    if let Err(e) = parse_hcl(f.id, &f.text) {
                        part.emits.push(*e);
                    }
                }
                FileKind::TfJson | FileKind::TfvarsJson => {
                    let map = SpanMap::Exact {
                        file: f.id,
                        offset: 0,
                    };
                    match json::parse(&f.text, map) {
                        Err(e) => part.emits.push(
                            Emit::new("TF001", f.id, e.loc)
                                .field("reason", e.message.clone())
                                .label(e.message),
                        ),
                        // Terraform's JSON syntax: the root is an object of block types.
                        Ok(v) if v.as_object().is_none() => {
                            let why = "a Terraform JSON file must hold an object at its root";
                            part.emits.push(
                                Emit::new("TF001", f.id, v.loc)
                                    .field("reason", why)
                                    .label(why),
                            )
                        }
                        Ok(_) => {}
                    }
                }
                FileKind::Plan => plan::load(sources, f, &mut part),
                _ => {}
            }
            part
        })
        .collect();
    // A tfvars file that does not parse gives no values.
    let bad: HashSet<FileId> = singles
        .iter()
        .flat_map(|p| p.emits.iter().filter(|e| e.rule == "TF001").map(|e| e.file))
        .collect();
    for v in tfvars.values_mut() {
        v.retain(|id| !bad.contains(id));
    }
    // Directories by number (their order in `dirs`): components name them so, and no path is
    // compared or looked up again to find a directory's files.
    let numbered: Vec<(&PathBuf, &Vec<FileId>)> = dirs.iter().map(|(d, f)| (d, f)).collect();
    let mut comps = components(sources, &numbered);
    // Largest first, so that no big component starts last and leaves one thread working alone.
    comps.sort_by_cached_key(|c| {
        let bytes: usize = c
            .iter()
            .flat_map(|&d| numbered[d].1)
            .map(|id| sources.get(*id).text.len())
            .sum();
        std::cmp::Reverse(bytes)
    });
    // A small run keeps its syntax trees in the configurations for fixes (see
    // `Configuration::syntax`); a large one would hold every tree at once.
    const KEEP_SYNTAX_BYTES: usize = 256 << 10;
    let hcl_bytes: usize = dirs
        .iter()
        .flat_map(|(_, files)| files)
        .map(|id| sources.get(*id).text.len())
        .sum();
    let keep = hcl_bytes <= KEEP_SYNTAX_BYTES;
    // One job per component: rayon's default split gives each thread a few runs of components
    // done one after the other, and the run holding the largest ones (most of the work) kept
    // one thread busy while the other found little to take (its idle time showed as a tail of
    // ~100 ms at half speed on the corpus).
    let parts: Vec<ComponentOutput> = comps
        .par_iter()
        .with_max_len(1)
        .map(|c| load_component(sources, &numbered, &tfvars, c, opts, keep, check))
        .collect();
    let mut parse_emits = Vec::new();
    let mut roots = Vec::new();
    for p in parts {
        parse_emits.extend(p.parse_emits);
        roots.extend(p.roots);
    }
    // The order of the one-pass loader: file-level diagnostics in file order, then the roots in
    // directory order, the roots found only through a call cycle last.
    parse_emits.sort_by_key(|e| e.file);
    for p in singles {
        ws.emits.extend(p.emits);
        ws.unknowns.extend(p.unknowns);
        ws.documents.extend(p.documents);
        ws.configurations.extend(p.configurations);
        ws.plans.extend(p.plans);
        ws.checked.extend(p.checked);
    }
    ws.emits.extend(parse_emits);
    // Directories are numbered in path order: the numbers sort as the paths do.
    roots.sort_by_key(|r| (r.0, r.1));
    for (_, _, p) in roots {
        ws.emits.extend(p.emits);
        ws.unknowns.extend(p.unknowns);
        ws.documents.extend(p.documents);
        ws.configurations.extend(p.configurations);
        ws.checked.extend(p.checked);
    }
}

/// Runs of a directory's files as a list of directories in [`Path`] order, each once (each
/// directory's files in the order of the runs). The runs are sorted by their bytes with
/// `/` as the lowest byte first, the order of [`Path`]'s components for normalised paths, at the
/// cost of comparing bytes instead of splitting both paths into components per comparison (the
/// inserts one by one were the longest serial step before the components are loaded); a list
/// that this order leaves unsorted for `Path` (paths written another way) is put into a map
/// one run at a time. The sorted list is not made a map: building a `BTreeMap` from it compared
/// neighbours again, component by component, to sort and deduplicate it (a serial step).
fn by_dir(runs: Vec<(&Path, Vec<FileId>)>) -> Vec<(PathBuf, Vec<FileId>)> {
    let mut sorted: Vec<usize> = (0..runs.len()).collect();
    // Stable: a directory's runs keep their order.
    sorted.sort_by(|&i, &j| crate::source::path_order(runs[i].0, runs[j].0));
    let same = |i: usize, j: usize| runs[i].0.as_os_str() == runs[j].0.as_os_str();
    let increasing = sorted
        .windows(2)
        .all(|w| same(w[0], w[1]) || runs[w[0]].0 < runs[w[1]].0);
    let mut runs: Vec<Option<(&Path, Vec<FileId>)>> = runs.into_iter().map(Some).collect();
    if !increasing {
        let mut map: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
        for (dir, files) in runs.into_iter().flatten() {
            map.entry(dir.to_path_buf()).or_default().extend(files);
        }
        return map.into_iter().collect();
    }
    let mut merged: Vec<(PathBuf, Vec<FileId>)> = Vec::with_capacity(runs.len());
    for i in sorted {
        let Some((dir, files)) = runs[i].take() else {
            continue;
        };
        match merged.last_mut() {
            Some((d, v)) if d.as_os_str() == dir.as_os_str() => v.extend(files),
            _ => merged.push((dir.to_path_buf(), files)),
        }
    }
    merged
}

/// The length of `\.\.?(?:/[^"\r\n]*)?` at the start of `r` when a `"` follows it.
pub(crate) fn path_len(r: &str) -> Option<usize> {
    let b = r.as_bytes();
    let dots = match b {
        [b'.', b'.', ..] => 2,
        [b'.', ..] => 1,
        _ => return None,
    };
    // With two dots and no `/` or `"` after them, one dot leaves a `.` where either must be.
    let end = if b.get(dots) == Some(&b'/') {
        dots + 1
            + b[dots + 1..]
                .iter()
                .take_while(|c| !matches!(c, b'"' | b'\r' | b'\n'))
                .count()
    } else {
        dots
    };
    (b.get(end) == Some(&b'"')).then_some(end)
}

/// Every quoted local path (`"./x"`, `"../x"`, `"."`, `".."`) in `text`, in order: what the
/// regex `"(\.\.?(?:/[^"\r\n]*)?)"` captures, found by hand (compiling it was a few per cent
/// of a one-file run; a unit test compares both).
fn local_paths(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = text[from..].find('"').map(|i| from + i) {
            from = i + 1;
            if let Some(len) = path_len(&text[i + 1..]) {
                // The closing quote is part of the match: the next one starts after it.
                from = i + 1 + len + 1;
                return Some(&text[i + 1..i + 1 + len]);
            }
        }
        from = text.len();
        None
    })
}

/// What one component yields: syntax errors, and each root's configuration keyed by
/// (found only through a cycle, directory).
struct ComponentOutput {
    parse_emits: Vec<Emit>,
    /// Whether each root was found through a call cycle only, and its directory's number.
    roots: Vec<(bool, usize, Workspace)>,
}

/// Split module directories into components that no call crosses. The calls are not known
/// before parsing, so they are over-approximated from the text: a module's `source` must be a
/// literal string, and every quoted string starting with `./` or `../` (or `.`/`..`) that names
/// a scanned directory links the two. A directory under `.terraform/` (installed modules) joins
/// the directory that holds that `.terraform`. Directories are given by their index in `dirs`.
fn components(sources: &SourceMap, dirs: &[(&PathBuf, &Vec<FileId>)]) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    let index: HashMap<&PathBuf, usize> = dirs.iter().enumerate().map(|(i, d)| (d.0, i)).collect();
    // Each directory's files come with it: no lookup in the map by path (a `BTreeMap` search
    // compares paths component by component, ~17k instructions per directory on the corpus).
    let edges: Vec<(usize, usize)> = dirs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, (d, files))| {
            let mut out = Vec::new();
            for id in files.iter() {
                for path in local_paths(&sources.get(*id).text) {
                    let target = module::normalize(&d.join(path));
                    if let Some(&j) = index.get(&target) {
                        out.push((i, j));
                    }
                }
            }
            // Installed modules belong with the configuration that installed them.
            let parts: Vec<_> = d.components().collect();
            if let Some(k) = parts.iter().position(|c| c.as_os_str() == ".terraform") {
                let owner: PathBuf = parts[..k].iter().collect();
                let owner = if owner.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    owner
                };
                if let Some(&j) = index.get(&owner) {
                    out.push((i, j));
                }
            }
            out
        })
        .collect();
    // Union-find over directory indexes.
    let mut parent: Vec<usize> = (0..dirs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (a, b) in edges {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..dirs.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Parse, model and evaluate one component; its syntax trees are freed on return.
fn load_component(
    sources: &SourceMap,
    all_dirs: &[(&PathBuf, &Vec<FileId>)],
    tfvars: &BTreeMap<PathBuf, Vec<FileId>>,
    comp: &[usize],
    opts: &EvalOptions,
    keep_syntax: bool,
    check: Option<&Check>,
) -> ComponentOutput {
    use rayon::prelude::*;
    // The component's directories by number (`comp` is in path order, as `all_dirs`), and the
    // numbers by directory: module calls are resolved to numbers once, and the walks of the
    // module tree below compare numbers instead of hashing and comparing paths.
    let dirs: Vec<(&PathBuf, &Vec<FileId>)> = comp.iter().map(|&d| all_dirs[d]).collect();
    let index: HashMap<&Path, usize> = dirs
        .iter()
        .enumerate()
        .map(|(i, (d, _))| (d.as_path(), i))
        .collect();
    let files: Vec<FileId> = dirs.iter().flat_map(|(_, v)| v.iter().copied()).collect();
    let parsed: Vec<(FileId, Parsed)> = files
        .par_iter()
        .map(|id| (*id, parse_module_file(*id, &sources.get(*id).text)))
        .collect();
    let mut parse_emits = Vec::new();
    let mut bodies: HashMap<FileId, std::sync::Arc<Tree>> = HashMap::default();
    let mut exact: HashSet<FileId> = HashSet::default();
    for (id, r) in parsed {
        match r {
            Ok((b, e)) => {
                bodies.insert(id, b);
                if e && (keep_syntax || check.is_some()) {
                    exact.insert(id);
                }
            }
            Err(e) => parse_emits.push(*e),
        }
    }
    let decls: Vec<module::Decls> = dirs
        .par_iter()
        .map(|(d, files)| {
            let fb: Vec<(FileId, &Tree)> = files
                .iter()
                .filter_map(|id| bodies.get(id).map(|b| (*id, &**b)))
                .collect();
            let mut m = module::Decls::new((*d).clone(), &fb, sources);
            m.resolve(&index);
            m
        })
        .collect();
    let mut called = vec![false; dirs.len()];
    for (d, m) in decls.iter().enumerate() {
        for c in m.local_calls().filter(|&c| c != d) {
            called[c] = true;
        }
    }
    // Modules installed by `terraform init` are evaluated from their callers only.
    let installed: Vec<bool> = dirs
        .iter()
        .map(|(d, _)| d.components().any(|c| c.as_os_str() == ".terraform"))
        .collect();
    let mut roots: Vec<(bool, usize)> = (0..dirs.len())
        .filter(|&d| !called[d] && !installed[d])
        .map(|d| (false, d))
        .collect();
    // Modules that only call each other (a cycle) have no root: the first one becomes one, so
    // the cycle is reported instead of the files being skipped silently.
    let mut reached = vec![false; dirs.len()];
    let reach = |reached: &mut [bool], from: usize| {
        let mut stack = vec![from];
        while let Some(d) = stack.pop() {
            if !std::mem::replace(&mut reached[d], true) {
                stack.extend(decls[d].local_calls());
            }
        }
    };
    for &(_, d) in &roots {
        reach(&mut reached, d);
    }
    for d in 0..dirs.len() {
        if !reached[d] && !installed[d] {
            roots.push((true, d));
            reach(&mut reached, d);
        }
    }
    // Configurations are independent: evaluate them in parallel.
    let roots: Vec<(bool, usize, Workspace)> = roots
        .par_iter()
        .map(|&(cycle, i)| {
            let mut ws = Workspace::default();
            let (dir, files) = dirs[i];
            let root = &decls[i];
            // `file()` may read inside the root module and the local modules it calls.
            let mut allowed: Vec<PathBuf> = Vec::new();
            let mut seen = vec![false; decls.len()];
            let mut stack = vec![i];
            while let Some(d) = stack.pop() {
                if !std::mem::replace(&mut seen[d], true) {
                    // Made canonical on the first `file()` (see `FileAccess`).
                    allowed.push(decls[d].dir().to_path_buf());
                    stack.extend(decls[d].local_calls());
                }
            }
            let ctx = module::Ctx::new(
                sources,
                &decls,
                &index,
                dir.clone(),
                opts.limits,
                opts.run.clone(),
                allowed,
            );
            let empty = Vec::new();
            let vars = module::root_vars(
                &ctx,
                root,
                opts,
                tfvars.get(dir).unwrap_or(&empty),
                &mut ws.emits,
            );
            let inst = module::Inst::new(&ctx, root, String::new(), Vec::new(), vec![i], vars);
            let signs = files
                .iter()
                .filter_map(|id| bodies.get(id))
                .any(|t| configures(&t.body));
            let mut cfg = Configuration {
                dir: dir.clone(),
                root: signs || tfvars.get(dir).is_some_and(|v| !v.is_empty()),
                files: files.clone(),
                ..Default::default()
            };
            // The trees of the modules it reaches (where its blocks are), for its fixes: kept
            // by a small run, and by a configuration checked now, while they are alive anyway.
            if keep_syntax || check.is_some() {
                cfg.syntax = (0..dirs.len())
                    .filter(|&d| seen[d])
                    .flat_map(|d| dirs[d].1.iter())
                    .filter(|id| exact.contains(id))
                    .filter_map(|id| bodies.get(id).map(|b| (*id, b.clone())))
                    .collect();
            }
            inst.into_blocks(&mut cfg.blocks);
            ws.emits.extend(ctx.emits.borrow_mut().drain(..));
            for h in ctx.budget.hits.borrow().iter() {
                let file = h.loc.map(|l| l.file).unwrap_or(files[0]);
                ws.emits
                    .push(Emit::new("TF005", file, h.loc).field("reason", h.what.clone()));
            }
            cfg.index();
            extract_documents(sources, &cfg, &mut ws);
            match check {
                Some(check) => ws.checked.push(check(&mut cfg)),
                None => ws.configurations.push(cfg),
            }
            (cycle, comp[i], ws)
        })
        .collect();
    ComponentOutput { parse_emits, roots }
}

/// A module file's syntax tree, or why it has none.
type Parsed = Result<(std::sync::Arc<Tree>, bool), Box<Emit>>;

/// [`parse_hcl`] of a module's file (and whether the tree is of exactly its text). A process that lints the same texts again and again (the
/// language server lints a document in its module on every change) keeps the last runs'
/// results: the module's other files are as they were, and the result is a function of the
/// file's id and text.
fn parse_module_file(file: FileId, text: &str) -> Parsed {
    /// Ids kept: a module's files (a run numbers its files from 0).
    const KEPT: usize = 64;
    thread_local! {
        /// By file id, the last text parsed with it (compared, not hashed: the document typed
        /// in is a new text on every run).
        static LAST: std::cell::RefCell<Vec<Option<(String, Parsed)>>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let parse =
        || parse_hcl_exact(file, text).map(|(b, exact)| (std::sync::Arc::new(Tree::new(b)), exact));
    let i = file.0 as usize;
    if !crate::util::repeated_runs() || i >= KEPT {
        return parse();
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.len() <= i {
            last.resize_with(i + 1, || None);
        }
        let p = match last[i].take() {
            Some((t, p)) if t == text => {
                last[i] = Some((t, p.clone()));
                return p;
            }
            // The last text's tree, when it is of exactly that text: its blocks before and
            // after the change are kept and only the rest is parsed.
            Some((t, Ok((b, true)))) => {
                let b = std::sync::Arc::try_unwrap(b).unwrap_or_else(|b| (*b).clone());
                match reparse(&t, b, text) {
                    Some(b) => Ok((std::sync::Arc::new(b), true)),
                    None => parse(),
                }
            }
            _ => parse(),
        };
        last[i] = Some((text.to_string(), p.clone()));
        p
    })
}

/// The tree `parse_body(new)` gives, made from `old` (the tree of `old_text`) and a parse of
/// the part of `new` between the blocks the two texts share at their starts and at their ends;
/// `None` when that cannot be done (the caller parses `new` whole).
///
/// The top-level body is a sequence of structures, each ended by a line break that the parser
/// reads before going on, with nothing else carried from one to the next (but attribute keys,
/// checked for redefinition across the body: kept structures are blocks, so the only keys are
/// those of the part parsed). So a block whose text and line break lie inside the texts' common
/// prefix is parsed from the same bytes in both, and so is a block whose text, from the line
/// break before it (its leading comments and blank lines are its own), lies inside their
/// common suffix, provided the parse of what lies between ends with a structure and its line
/// break right there. What lies between is parsed at its own offsets: in place of the kept
/// blocks before it stands a line of the same length holding one attribute and a comment, which
/// is then dropped (the placeholder's key, met again after it, fails the parse and so falls
/// back). The blocks after it keep the spans of `old_text`, off by the change in length: their
/// shifts say so (see [`Tree`]).
fn reparse(old_text: &str, old: Tree, new: &str) -> Option<Tree> {
    use hcl_edit::structure::Structure;
    use hcl_edit::Span;
    let (o, n) = (old_text.as_bytes(), new.as_bytes());
    let common = crate::util::common_prefix(o, n);
    // Offsets of `old_text` from `from` on lie in the common suffix (not overlapping the prefix).
    let from = o.len() - crate::util::common_suffix(&o[common..], &n[common..]);
    let by = n.len() as isize - o.len() as isize;
    // Where the line of each top-level structure ends in `old_text` (past its line break), when
    // nothing but blanks follows it there.
    let ends: Vec<Option<usize>> = old
        .structures()
        .map(|(s, shift)| {
            let end = s.span()?.end.checked_add_signed(shift)?;
            let rest = o.get(end..)?;
            let blank = rest
                .iter()
                .position(|c| !matches!(c, b' ' | b'\t'))
                .unwrap_or(rest.len());
            match rest[blank..] {
                [b'\n', ..] => Some(end + blank + 1),
                [b'\r', b'\n', ..] => Some(end + blank + 2),
                _ => None,
            }
        })
        .collect();
    let block = |i: usize| matches!(old.body.get(i), Some(Structure::Block(_)));
    // The blocks kept before the change, and where the line after the last of them starts.
    let (mut kept, mut split) = (0, 0);
    while block(kept) && ends[kept].is_some_and(|e| e <= common) {
        split = ends[kept].unwrap_or(0);
        kept += 1;
    }
    // The blocks kept after the change (from `tail` on), and where the first one's text starts
    // in `old_text` (at the line after the structure before it).
    let len = old.body.len();
    let start = |t: usize| match t {
        0 => Some(0),
        t => ends[t - 1],
    };
    let mut tail = len;
    while tail > kept && block(tail - 1) && start(tail - 1).is_some_and(|s| s >= from) {
        tail -= 1;
    }
    // What lies between, parsed: up to where the blocks kept after the change start, or
    // else (that part not ending where they start) to the end.
    let end = |tail: usize| match tail < len {
        true => start(tail)?.checked_add_signed(by),
        false => Some(n.len()),
    };
    let (mut body, tail) = match end(tail).and_then(|e| between(n, kept, split, e, tail < len)) {
        Some(b) => (b, tail),
        None if tail < len => (between(n, kept, split, n.len(), false)?, len),
        None => return None,
    };
    let mut mid = Vec::with_capacity(body.len());
    while let Some(s) = body.pop() {
        mid.push(s);
    }
    let mut shifts: Vec<isize> = (0..kept).map(|i| old.shift(i)).collect();
    shifts.extend(std::iter::repeat_n(0, mid.len()));
    shifts.extend((tail..len).map(|i| old.shift(i) + by));
    // Without blocks kept after it, the part parsed runs to the end of the text: its body
    // (decor, trailing comments) is the new one's; else the old one's, whose end is the same.
    let mut old_body = old.body;
    let mut after = Vec::with_capacity(len - tail);
    if tail < len {
        while old_body.len() > tail {
            after.extend(old_body.pop());
        }
        while old_body.len() > kept {
            old_body.pop();
        }
    } else {
        while old_body.len() > kept {
            old_body.pop();
        }
        let mut before = Vec::with_capacity(kept);
        while let Some(s) = old_body.pop() {
            before.push(s);
        }
        for s in before.into_iter().rev() {
            body.push(s);
        }
        old_body = body;
    }
    for s in mid.into_iter().rev().chain(after.into_iter().rev()) {
        old_body.push(s);
    }
    (old_body.len() == shifts.len()).then(|| Tree::shifted(old_body, shifts))
}

/// The tree of `new[split..end]` at its offsets in `new`, `split` bytes taken by a placeholder
/// line (when blocks are kept before it: `kept`); with `tail`, blocks kept after it start at
/// `end`, so the part must end with a line break that ends a structure, nothing after it (else
/// it would belong to the next block's comments). `None` when it does not parse so.
fn between(new: &[u8], kept: usize, split: usize, end: usize, tail: bool) -> Option<Body> {
    use hcl_edit::structure::Structure;
    use hcl_edit::{Decorate, Span};
    // The placeholder fills `split` bytes: `_=0`, a comment (which the parser skips to its
    // end with a byte search) and a line break.
    if (kept == 0 && !tail) || (kept > 0 && split < 5) {
        return None;
    }
    let mut text = Vec::with_capacity(end);
    if kept > 0 {
        text.extend_from_slice(b"_=0#");
        text.resize(split - 1, b' ');
        text.push(b'\n');
    }
    text.extend_from_slice(new.get(split..end)?);
    let text = String::from_utf8(text).ok()?;
    let mut body = hcl_edit::parser::parse_body(&text).ok()?;
    if kept > 0 {
        match body.get(0) {
            Some(Structure::Attribute(a)) if a.key.as_str() == "_" && a.span() == Some(0..3) => {}
            _ => return None,
        }
        body.remove(0);
    }
    if tail && (!text.ends_with('\n') || body.decor().suffix().is_some_and(|s| !s.is_empty())) {
        return None;
    }
    Some(body)
}

/// Whether a module file configures a provider or a backend (`provider`, or `backend`/`cloud`
/// in `terraform`): the signs of a root module.
fn configures(body: &Body) -> bool {
    use hcl_edit::structure::Structure;
    body.iter().any(|s| {
        match s {
        Structure::Block(b) => match b.ident.as_str() {
            "provider" => true,
            "terraform" => b.body.iter().any(|s| {
                matches!(s, Structure::Block(i) if matches!(i.ident.as_str(), "backend" | "cloud"))
            }),
            _ => false,
        },
        Structure::Attribute(_) => false,
    }
    })
}

/// Policy documents held in resource attributes become documents for the RAM analyzer.
pub fn extract_documents(sources: &SourceMap, cfg: &Configuration, ws: &mut Workspace) {
    for b in &cfg.blocks {
        if b.kind == BlockKind::Provider {
            // The provider's `assume_role { policy = … }` is a session policy.
            for ar in b
                .value
                .get("assume_role")
                .and_then(Value::as_list)
                .unwrap_or(&[])
            {
                if let Some(v) = ar.get("policy") {
                    if let Some(doc) = document_from_value(
                        sources,
                        v,
                        DocKind::Session,
                        b.file,
                        Some(&b.address),
                        ws,
                    ) {
                        ws.documents.push(Document {
                            call_sites: b.call_sites.clone(),
                            ..doc
                        });
                    }
                }
            }
            continue;
        }
        if b.kind != BlockKind::Resource {
            continue;
        }
        for (t, attr, kind) in POLICY_ATTRIBUTES {
            if *b.rtype != **t {
                continue;
            }
            let Some(v) = b.value.get(attr) else { continue };
            if let Some(doc) = document_from_value(sources, v, *kind, b.file, Some(&b.address), ws)
            {
                ws.documents.push(Document {
                    call_sites: b.call_sites.clone(),
                    ..doc
                });
            }
        }
    }
}

/// Turn an attribute value into a document: a structured value (from `jsonencode`), or a JSON
/// string parsed with spans mapped back into the file where possible.
pub fn document_from_value(
    sources: &SourceMap,
    v: &Value,
    kind: DocKind,
    file: FileId,
    resource: Option<&str>,
    ws: &mut Workspace,
) -> Option<Document> {
    if let Some(enc) = &v.encoded {
        return Some(Document {
            kind,
            value: (**enc).clone(),
            file,
            loc: v.loc,
            resource: resource.map(str::to_string),
            text: v.as_str().map(str::to_string),
            call_sites: Vec::new(),
        });
    }
    let Kind::String(s) = &v.kind else {
        return None;
    };
    // Spans inside the document map into the file where the text was written verbatim.
    let map = match v.loc {
        Some(l) => SpanMap::embedded(sources.get(l.file).text.get(l.range()).unwrap_or(""), l, s),
        None => SpanMap::None,
    };
    match json::parse(s, map) {
        Ok(value) => Some(Document {
            kind,
            value,
            file,
            loc: v.loc,
            resource: resource.map(str::to_string),
            text: Some(s.clone()),
            call_sites: Vec::new(),
        }),
        Err(e) => {
            let mut emit = Emit::new("RAM000", file, e.loc.or(v.loc))
                .field("reason", e.message.clone())
                .label(e.message);
            emit.resource = resource.map(str::to_string);
            ws.emits.push(emit);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tree` is `whole` once each top-level structure's spans are moved by its shift: compared
    /// through `Debug`, which shows spans and decor, with the spans' numbers moved; the body's
    /// own decor and settings as they are (its own span is not kept).
    fn same_tree(tree: &Tree, whole: &Body) -> Result<(), String> {
        use hcl_edit::Decorate;
        let span = regex::Regex::new(r"span: Some\((\d+)\.\.(\d+)\)").unwrap();
        let moved = |s: &hcl_edit::structure::Structure, by: isize| {
            span.replace_all(&format!("{s:?}"), |c: &regex::Captures| {
                let at = |i: usize| c[i].parse::<usize>().unwrap().wrapping_add_signed(by);
                format!("span: Some({}..{})", at(1), at(2))
            })
            .into_owned()
        };
        if tree.body.len() != whole.len() {
            return Err(format!(
                "{} structures, not {}",
                tree.body.len(),
                whole.len()
            ));
        }
        for ((s, by), w) in tree.structures().zip(whole.iter()) {
            let (got, want) = (moved(s, by), format!("{w:?}"));
            if got != want {
                return Err(format!("{got}\nis not\n{want}"));
            }
        }
        let settings = |b: &Body| {
            let d = b.decor();
            format!(
                "{:?} {:?} {} {}",
                d.prefix(),
                d.suffix(),
                b.prefer_oneline(),
                b.prefer_omit_trailing_newline()
            )
        };
        match settings(&tree.body) == settings(whole) {
            true => Ok(()),
            false => Err(format!(
                "{} is not {}",
                settings(&tree.body),
                settings(whole)
            )),
        }
    }

    /// [`reparse`] gives the tree of a whole parse, spans (moved by their structures' shifts)
    /// and decor included, for every one of a dozen edits at every offset of texts with
    /// comments between and after blocks, a block comment running into a block, heredocs, a
    /// top-level attribute, CRLF line breaks and no final line break; an edit that breaks the
    /// text is never given a tree. Chained: each tree it gives is the old tree of the next edit,
    /// as the language server's parse cache uses it, so shifts add up.
    #[test]
    fn reparsed_trees_are_the_trees_of_a_whole_parse() {
        let base = "# header\nterraform {\n  required_version = \">= 1.0\"\n}\n\nresource \"alicloud_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/8\" # trailing\n  tags = {\n    Name = \"x\"\n  }\n}\n/* block comment\nspanning */ resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  policy = <<EOF\n{\"Statement\": []}\nEOF\n}\n\nlocals {\n  a = 1\n  b = [1,\n    2]\n}  \t\ndata \"x\" \"y\" {}\n// slashes\nmodule \"m\" {\n  source = \"./m\"\n}\n";
        let texts = [
            base.to_string(),
            base.replace('\n', "\r\n"),
            base.replace("locals {", "top = 1\nlocals {"),
            base.trim_end().to_string(),
        ];
        // Text inserted at an offset, and bytes deleted there.
        let edits = [
            ("#x\n", 0),
            ("x", 0),
            (" ", 0),
            ("\n", 0),
            ("", 1),
            ("/*", 0),
            ("*/", 0),
            ("<<EOF\n", 0),
            ("}\n", 0),
            ("a = 1\n", 0),
            ("_ = 1\n", 0),
            ("\r\n", 0),
            ("", 40),
            ("resource \"a\" \"b\" {\n}\n", 0),
            ("", 60),
        ];
        let (mut given, mut whole, mut moved) = (0, 0, 0);
        for text in &texts {
            for edit in edits {
                let mut old = text.clone();
                let mut tree = Tree::new(hcl_edit::parser::parse_body(&old).unwrap());
                for i in 0..=text.len() {
                    let (put, cut) = edit;
                    let new = format!("{}{put}{}", &text[..i], &text[(i + cut).min(text.len())..]);
                    let full = hcl_edit::parser::parse_body(&new);
                    whole += usize::from(full.is_ok());
                    let r = reparse(&old, tree.clone(), &new);
                    match (&r, &full) {
                        (Some(r), Ok(f)) => {
                            given += 1;
                            moved += usize::from((0..r.body.len()).any(|i| r.shift(i) != 0));
                            if let Err(e) = same_tree(r, f) {
                                panic!("{new:?} after {old:?}: {e}");
                            }
                        }
                        (Some(_), Err(_)) => panic!("a tree for the broken text {new:?}"),
                        (None, _) => {}
                    }
                    // The next edit starts from this text when it parsed, with the tree given
                    // (as the cache keeps it).
                    if let Ok(f) = full {
                        old = new;
                        tree = r.unwrap_or(Tree::new(f));
                    }
                }
            }
        }
        // Most edits that parse keep blocks (the others come before the first block's end), and
        // a quarter of these keep blocks after the change (moved: the others come after the
        // last attribute's or block's start, or keep the length).
        assert!(given * 2 > whole, "{given} of {whole}");
        assert!(moved * 4 > given, "{moved} of {given}");
    }

    /// The list [`by_dir`] gives is the map inserting run after run builds, for paths whose
    /// byte order is not their component order (`a-b` sorts before `a/b` byte-wise) and paths
    /// written two ways (`a//b`, `a/b/`), in every order of the runs tried.
    #[test]
    fn by_dir_is_the_map_of_the_runs() {
        let paths = [
            "/r/a/b", "/r/a-b", "/r/a/b/c", "/r/a//b", "/r/a/b/", "/r/a.b", "/r/a", "/r/ab",
            "/r/a/bc",
        ];
        let mut rng = 7u64;
        for round in 0..200 {
            let n = 1 + round % 12;
            let runs: Vec<(&Path, Vec<FileId>)> = (0..n)
                .map(|i| {
                    rng = rng
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let p = paths[(rng >> 33) as usize % paths.len()];
                    (Path::new(p), vec![FileId(i), FileId(100 + i)])
                })
                .collect();
            let mut want: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
            for (d, v) in &runs {
                want.entry(d.to_path_buf()).or_default().extend(v);
            }
            let want: Vec<(PathBuf, Vec<FileId>)> = want.into_iter().collect();
            assert_eq!(by_dir(runs.clone()), want, "{runs:?}");
        }
    }

    #[test]
    fn local_paths_finds_what_the_regex_finds() {
        let texts = [
            "module \"a\" {\n  source = \"./modules/a\"\n}\nx = \"../b\"",
            "\".\" \"..\" \"...\" \"..x\" \".x\" \"./\" \"../\" \".//\"",
            "\"./a\nb\"\n\"./c\r\"\n\"./d\"",
            "\"./a\"\"./b\"\"x\"\"../c\" \"./d",
            "\"\"./a\"\" \"\"\"..\"\"\"",
            "\"./é ü\" \".\u{2003}\" \"./\u{a0}\"",
            "",
            "\"",
            "\".",
            "..\"",
            "x = \"../m\" y = \"./${var.a}\" z = \"./a\\\"b\"",
        ];
        crate::util::assert_finds_what_group_one_captures(
            r#""(\.\.?(?:/[^"\r\n]*)?)""#,
            &texts,
            local_paths,
        );
        assert_eq!(
            local_paths(texts[0]).collect::<Vec<_>>(),
            ["./modules/a", "../b"]
        );
    }

    #[test]
    fn components_join_callers_and_installed_modules_only() {
        let mut sm = SourceMap::default();
        let mut add = |p: &str, t: &str| {
            sm.add(PathBuf::from(p), p.into(), FileKind::Hcl, t.into());
        };
        add("a/main.tf", "module \"x\" {\n  source = \"../m\"\n}\n");
        add("a/.terraform/modules/vpc/main.tf", "a = 1\n");
        add("b/main.tf", "x = \"./not-a-dir\"\n");
        add("m/main.tf", "module \"y\" { source = \"./sub\" }\n");
        add("m/sub/main.tf", "a = 1\n");
        add("z/main.tf", "a = \"../b/\"\n");
        let mut dirs: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
        for f in sm.files() {
            dirs.entry(module::normalize(f.dir()))
                .or_default()
                .push(f.id);
        }
        let keys: Vec<&PathBuf> = dirs.keys().collect();
        let numbered: Vec<(&PathBuf, &Vec<FileId>)> = dirs.iter().collect();
        let got: Vec<Vec<String>> = components(&sm, &numbered)
            .into_iter()
            .map(|c| c.iter().map(|&d| keys[d].display().to_string()).collect())
            .collect();
        assert_eq!(
            got,
            vec![
                vec!["a", "a/.terraform/modules/vpc", "m", "m/sub"],
                vec!["b", "z"],
            ]
        );
    }
}
