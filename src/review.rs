//! Pre-apply review: what a Terraform plan does to each finding. The rules run on the planned
//! state and on the state before the plan; a finding is *introduced* when the plan creates its
//! resource or the state before passed the rule, *kept* when both fail, and a finding of the
//! state before that the planned state no longer has is *fixed*. Findings on planned resources
//! are then moved onto the `.tf` sources when they are beside the plan.

use crate::engine;
use crate::finding::{Action, Change, Effect, Finding};
use crate::rules::{Registry, Scope, Selection};
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::tf::module::normalize;
use crate::tf::plan::ResourceChange;
use crate::tf::{parse_hcl, Block, BlockKind, Configuration, Workspace};
use crate::value::{Kind, Value};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn contains(outer: Loc, inner: Loc) -> bool {
    outer.file == inner.file && outer.start <= inner.start && inner.end <= outer.end
}

/// The attribute path (keys and list indexes) of the deepest value of `v` holding `loc`.
pub fn path_of(v: &Value, loc: Loc) -> Vec<String> {
    path_and_entry(v, loc).0
}

/// [`path_of`], and whether `loc` is a whole `"key": value` entry (or its key) rather than
/// inside the value.
fn path_and_entry(v: &Value, loc: Loc) -> (Vec<String>, bool) {
    let mut out = Vec::new();
    let mut cur = v;
    'walk: for _ in 0..64 {
        match &cur.kind {
            Kind::Object(es) => {
                for e in es {
                    // The key, or the whole `"key": value` entry.
                    let entry = match (e.key_loc, e.value.loc) {
                        (Some(k), Some(v)) if k.file == v.file && k.start <= v.end => {
                            Some(Loc { end: v.end, ..k })
                        }
                        (k, _) => k,
                    };
                    if entry.is_some_and(|k| contains(k, loc))
                        && !e.value.loc.is_some_and(|l| contains(l, loc))
                    {
                        out.push(e.key.clone());
                        return (out, true);
                    }
                    if e.value.loc.is_some_and(|l| contains(l, loc)) {
                        out.push(e.key.clone());
                        cur = &e.value;
                        continue 'walk;
                    }
                }
                break;
            }
            Kind::List(items) => {
                for (i, it) in items.iter().enumerate() {
                    if it.loc.is_some_and(|l| contains(l, loc)) {
                        out.push(i.to_string());
                        cur = it;
                        continue 'walk;
                    }
                }
                break;
            }
            _ => break,
        }
    }
    (out, false)
}

/// How findings of both states are matched: same rule, resource, attribute path and pointer.
type Key = (String, Option<String>, Vec<String>, Option<String>);

fn key(f: &Finding, blocks: &HashMap<&str, &Block>, whole: bool) -> Key {
    if whole {
        // About the configuration: the block it points at is only an anchor.
        return (f.rule.to_string(), None, Vec::new(), f.pointer.clone());
    }
    let path = match (&f.resource, f.loc) {
        (Some(r), Some(loc)) => blocks
            .get(r.as_str())
            .map(|b| path_of(&b.value, loc))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    (
        f.rule.to_string(),
        f.resource.clone(),
        path,
        f.pointer.clone(),
    )
}

/// A short scalar for the `before → after` of a change; `None` for values too long or compound
/// to show on one line.
fn show(v: Option<&Value>) -> Option<String> {
    let Some(v) = v else {
        return Some("null".into());
    };
    match &v.kind {
        Kind::Null => Some("null".into()),
        Kind::Bool(b) => Some(b.to_string()),
        Kind::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Kind::Number(n) => Some(n.to_string()),
        Kind::String(s) if s.chars().count() <= 64 && !s.contains('\n') => Some(s.clone()),
        _ => None,
    }
}

/// Whether a `*_sensitive` mask marks `attr` (or the whole value) sensitive.
fn sensitive(mask: Option<&Value>, attr: &str) -> bool {
    match mask {
        Some(m) if m.as_bool() == Some(true) => true,
        Some(m) => m.get(attr).is_some_and(|x| x.as_bool() == Some(true)),
        None => false,
    }
}

/// The attribute a finding is on, with its value before and after, when the plan changes it.
fn diff(rc: &ResourceChange, path: &[String]) -> (Option<String>, Option<String>, Option<String>) {
    let Some(attr) = path.first() else {
        return (None, None, None);
    };
    let get = |v: &Option<Value>| v.as_ref().and_then(|v| v.get(attr)).cloned();
    let (b, a) = (get(&rc.before), get(&rc.after));
    if b.as_ref().map(Value::to_json) == a.as_ref().map(Value::to_json) {
        return (None, None, None);
    }
    let mask = |v: Option<String>, s: bool| if s { Some("(sensitive)".into()) } else { v };
    let before = mask(
        show(b.as_ref()),
        sensitive(rc.before_sensitive.as_ref(), attr),
    );
    let after = mask(
        show(a.as_ref()),
        sensitive(rc.after_sensitive.as_ref(), attr),
    );
    match (before, after) {
        (Some(b), Some(a)) => (Some(attr.clone()), Some(b), Some(a)),
        _ => (Some(attr.clone()), None, None),
    }
}

/// Attach to every finding of a plan what the plan does to it, and return the findings of the
/// state before that the plan fixes.
pub fn review(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    ws: &Workspace,
    findings: &mut [Finding],
) -> Result<Vec<Finding>, String> {
    let mut fixed = Vec::new();
    for p in &ws.plans {
        let Some(cfg) = ws.configurations.iter().find(|c| c.files == [p.file]) else {
            continue;
        };
        let after: HashMap<&str, &Block> =
            cfg.blocks.iter().map(|b| (b.address.as_str(), b)).collect();
        let before_blocks: HashMap<&str, &Block> = p
            .before
            .configurations
            .iter()
            .flat_map(|c| &c.blocks)
            .map(|b| (b.address.as_str(), b))
            .collect();
        let scope = |f: &Finding| reg.get(&f.rule).map(|r| r.scope);
        let compared = |f: &Finding, blocks: &HashMap<&str, &Block>| match &f.resource {
            Some(r) => blocks
                .get(r.as_str())
                .is_some_and(|b| matches!(b.kind, BlockKind::Resource | BlockKind::Data)),
            None => scope(f) == Some(Scope::Configuration),
        };
        let mut before: HashMap<Key, Vec<Finding>> = HashMap::new();
        for f in engine::run_model(reg, sel, sources, &p.before)?.findings {
            if compared(&f, &before_blocks) {
                let whole = scope(&f) == Some(Scope::Configuration);
                before
                    .entry(key(&f, &before_blocks, whole))
                    .or_default()
                    .push(f);
            }
        }
        for f in findings.iter_mut().filter(|f| f.file == p.file) {
            if !compared(f, &after) {
                // Provider settings and outputs are configuration, which the plan does not
                // record as it was before.
                let action = match f.resource.as_deref() {
                    Some(r) if r.starts_with("output.") => {
                        p.output_actions.get(&r["output.".len()..]).copied()
                    }
                    Some(r) if r.contains("provider.") => None,
                    _ => continue,
                };
                f.change = Some(Box::new(Change {
                    action,
                    effect: Effect::Undetermined,
                    attribute: None,
                    before: None,
                    after: None,
                }));
                continue;
            }
            let whole = scope(f) == Some(Scope::Configuration);
            let k = key(f, &after, whole);
            // A configuration-scope finding is about the whole, not the resource it points at.
            let rc = (!whole)
                .then(|| f.resource.as_deref().and_then(|r| p.changes.get(r)))
                .flatten();
            let action = match &f.resource {
                Some(_) if !whole => Some(rc.map(|c| c.action).unwrap_or(Action::NoOp)),
                _ => None,
            };
            let was = action != Some(Action::Create)
                && before.get_mut(&k).and_then(|v| v.pop()).is_some();
            let mut change = Change {
                action,
                effect: if was {
                    Effect::Kept
                } else {
                    Effect::Introduced
                },
                attribute: None,
                before: None,
                after: None,
            };
            if let (false, Some(rc)) = (was, rc) {
                if matches!(rc.action, Action::Update | Action::Replace) {
                    (change.attribute, change.before, change.after) = diff(rc, &k.2);
                }
            }
            mask_sensitive(f, rc, &k.2);
            f.change = Some(Box::new(change));
        }
        for (_, fs) in before {
            for mut f in fs {
                let whole = scope(&f) == Some(Scope::Configuration);
                let rc = (!whole)
                    .then(|| f.resource.as_deref().and_then(|r| p.changes.get(r)))
                    .flatten();
                let action = match &f.resource {
                    Some(_) if !whole => Some(rc.map(|c| c.action).unwrap_or(Action::NoOp)),
                    _ => None,
                };
                let path = match (&f.resource, f.loc) {
                    (Some(r), Some(loc)) => before_blocks
                        .get(r.as_str())
                        .map(|b| path_of(&b.value, loc))
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                let mut change = Change {
                    action,
                    effect: Effect::Fixed,
                    attribute: None,
                    before: None,
                    after: None,
                };
                if let Some(rc) =
                    rc.filter(|c| matches!(c.action, Action::Update | Action::Replace))
                {
                    (change.attribute, change.before, change.after) = diff(rc, &path);
                }
                f.change = Some(Box::new(change));
                fixed.push(f);
            }
        }
    }
    engine::sort_findings(sources, &mut fixed);
    Ok(fixed)
}

/// A value the plan marks sensitive is not repeated in a finding's words.
fn mask_sensitive(f: &mut Finding, rc: Option<&ResourceChange>, path: &[String]) {
    let (Some(rc), Some(attr)) = (rc, path.first()) else {
        return;
    };
    if !sensitive(rc.after_sensitive.as_ref(), attr) {
        return;
    }
    let Some(s) = rc
        .after
        .as_ref()
        .and_then(|a| a.get(attr))
        .and_then(Value::as_str)
    else {
        return;
    };
    if s.len() < 4 {
        return;
    }
    f.message = f.message.replace(s, "(sensitive)");
    if let Some(l) = &mut f.label {
        *l = l.replace(s, "(sensitive)");
    }
}

/// Module keys (instance keys dropped) and the remaining parts of an address:
/// `module.a["x"].module.b.alicloud_oss_bucket.c[0]` → (`a`, `b`), (`alicloud_oss_bucket`, `c`).
pub fn split_address(addr: &str) -> (Vec<String>, Vec<String>) {
    let mut plain = String::with_capacity(addr.len());
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for c in addr.chars() {
        if depth > 0 {
            match c {
                _ if escaped => escaped = false,
                '\\' if quoted => escaped = true,
                '"' => quoted = !quoted,
                '[' if !quoted => depth += 1,
                ']' if !quoted => depth -= 1,
                _ => {}
            }
            continue;
        }
        match c {
            '[' => depth = 1,
            c => plain.push(c),
        }
    }
    let parts: Vec<&str> = plain.split('.').collect();
    let mut modules = Vec::new();
    let mut i = 0;
    while i + 1 < parts.len() && parts[i] == "module" {
        modules.push(parts[i + 1].to_string());
        i += 2;
    }
    (modules, parts[i..].iter().map(|s| s.to_string()).collect())
}

/// The directory of a module path: local `source`s joined to their caller's directory, or the
/// directory `terraform init` installed the module in (`.terraform/modules/modules.json`).
fn module_dir(
    root: &Path,
    keys: &[String],
    sources: &HashMap<String, String>,
    installed: &HashMap<String, PathBuf>,
) -> Option<PathBuf> {
    let mut dir = root.to_path_buf();
    for i in 0..keys.len() {
        let k = keys[..=i].join(".");
        if let Some(d) = installed.get(&k) {
            dir = root.join(d);
            continue;
        }
        let src = sources.get(&k)?;
        if !(src.starts_with("./") || src.starts_with("../")) {
            return None;
        }
        dir = normalize(&dir.join(src));
    }
    Some(dir)
}

fn installed_modules(root: &Path) -> HashMap<String, PathBuf> {
    let Ok(text) = std::fs::read_to_string(root.join(".terraform/modules/modules.json")) else {
        return HashMap::new();
    };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
        return HashMap::new();
    };
    v.get("Modules")
        .and_then(|m| m.as_array())
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let k = m.get("Key")?.as_str()?;
            let d = m.get("Dir")?.as_str()?;
            (!k.is_empty()).then(|| (k.to_string(), PathBuf::from(d)))
        })
        .collect()
}

/// The `.tf` files of a directory, parsed; files the run already holds keep their ids.
fn tf_files(sources: &mut SourceMap, dir: &Path, max: u64) -> Vec<(FileId, Body)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tf") && p.is_file())
        .collect();
    paths.sort();
    let known: HashMap<PathBuf, FileId> = sources
        .files()
        .iter()
        .filter(|f| f.origin.is_none())
        .map(|f| (normalize(&f.path), f.id))
        .collect();
    let mut out = Vec::new();
    for p in paths {
        let id = match known.get(&normalize(&p)) {
            Some(id) => *id,
            None => {
                if std::fs::metadata(&p).map(|m| m.len() > max).unwrap_or(true) {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let display = crate::source::display_path(&p);
                sources.add(p.clone(), display, FileKind::Other, text.into())
            }
        };
        if let Ok(body) = parse_hcl(id, &sources.get(id).text) {
            out.push((id, body));
        }
    }
    out
}

/// How a finding sits in the planned value of its attribute.
#[derive(Clone, Copy)]
enum On<'a> {
    /// The whole `"key": value` entry: the whole attribute in HCL.
    Entry,
    /// The value, or a node of the policy document it holds (a JSON pointer).
    Value(Option<&'a str>),
}

/// The span of a JSON pointer's node inside a `jsonencode(…)` (or literal object) expression.
fn locate_pointer(e: &hcl_edit::expr::Expression, pointer: &str) -> Option<std::ops::Range<usize>> {
    use hcl_edit::expr::{Expression, ObjectKey};
    let mut cur = e;
    if let Expression::FuncCall(c) = cur {
        if c.name.name.as_str() == "jsonencode" && c.args.len() == 1 {
            cur = c.args.iter().next()?;
        }
    }
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        cur = match cur {
            Expression::Object(o) => o
                .iter()
                .find(|(k, _)| {
                    let name = match k {
                        ObjectKey::Ident(i) => i.as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(Expression::Variable(v)) => v.as_str().to_string(),
                        ObjectKey::Expression(_) => return false,
                    };
                    name.eq_ignore_ascii_case(&seg)
                })
                .map(|(_, v)| v.expr())?,
            Expression::Array(a) => a.iter().nth(seg.parse().ok()?)?,
            _ => return None,
        };
    }
    cur.span()
}

/// The span of an attribute path inside a block body: the attribute (or its value, or the node
/// of the document it holds), or the nested block (`rule`, index) it goes through.
fn locate_path(body: &Body, path: &[String], on: On) -> Option<std::ops::Range<usize>> {
    let first = path.first()?;
    for s in body.iter() {
        if let Structure::Attribute(a) = s {
            if a.key.as_str() == first {
                return match on {
                    On::Entry if path.len() == 1 => a.span(),
                    On::Value(Some(p)) => locate_pointer(&a.value, p).or_else(|| a.value.span()),
                    _ => a.value.span(),
                };
            }
        }
    }
    let idx: usize = path.get(1).and_then(|i| i.parse().ok()).unwrap_or(0);
    let b = body
        .iter()
        .filter_map(|s| match s {
            Structure::Block(b) if b.ident.as_str() == first => Some(b),
            _ => None,
        })
        .nth(idx)?;
    locate_path(&b.body, path.get(2..).unwrap_or(&[]), on).or_else(|| b.ident.span())
}

/// The block of a planned address in a module's files: (file, header span, body).
fn find_block<'a>(
    files: &'a [(FileId, Body)],
    kind: BlockKind,
    rest: &[String],
) -> Option<(FileId, std::ops::Range<usize>, &'a Body)> {
    let (ident, labels): (&str, Vec<&str>) = match kind {
        BlockKind::Resource => (
            "resource",
            rest.iter().take(2).map(|s| s.as_str()).collect(),
        ),
        BlockKind::Data => (
            "data",
            rest.iter().skip(1).take(2).map(|s| s.as_str()).collect(),
        ),
        BlockKind::Output => (
            "output",
            rest.iter().skip(1).take(1).map(|s| s.as_str()).collect(),
        ),
        BlockKind::Provider => (
            "provider",
            rest.iter().skip(1).take(1).map(|s| s.as_str()).collect(),
        ),
    };
    let alias = (kind == BlockKind::Provider).then(|| rest.get(2)).flatten();
    for (id, body) in files {
        for s in body.iter() {
            let Structure::Block(b) = s else { continue };
            if b.ident.as_str() != ident
                || b.labels.len() != labels.len()
                || b.labels.iter().zip(&labels).any(|(l, w)| l.as_str() != *w)
            {
                continue;
            }
            if kind == BlockKind::Provider {
                let a = b.body.iter().find_map(|s| match s {
                    Structure::Attribute(a) if a.key.as_str() == "alias" => {
                        a.value.as_str().map(str::to_string)
                    }
                    _ => None,
                });
                if a.as_deref() != alias.map(String::as_str) {
                    continue;
                }
            }
            let whole = b.span().unwrap_or(0..0);
            let end = b
                .labels
                .last()
                .and_then(|l| l.span())
                .or_else(|| b.ident.span())
                .map(|r| r.end)
                .unwrap_or(whole.start);
            return Some((*id, whole.start..end, &b.body));
        }
    }
    None
}

/// Move the findings of each plan that are on a planned block onto its `.tf` source, when the
/// configuration is beside the plan (or in `config_dir`). Findings that cannot be placed keep
/// their position in the plan.
pub fn locate<'w>(
    sources: &mut SourceMap,
    ws: &'w Workspace,
    config_dir: Option<&Path>,
    max: u64,
    findings: &mut [Finding],
    fixed: &mut [Finding],
) {
    let mut cache: HashMap<PathBuf, Vec<(FileId, Body)>> = HashMap::new();
    for p in &ws.plans {
        let plan = sources.get(p.file).clone();
        let root = match config_dir {
            Some(d) => d.to_path_buf(),
            None if plan.dir().as_os_str().is_empty() => PathBuf::from("."),
            None => plan.dir().to_path_buf(),
        };
        let installed = installed_modules(&root);
        let after = ws.configurations.iter().find(|c| c.files == [p.file]);
        let blocks = |c: Option<&'w Configuration>| -> HashMap<&'w str, &'w Block> {
            c.into_iter()
                .flat_map(|c| &c.blocks)
                .map(|b| (b.address.as_str(), b))
                .collect()
        };
        let sets = [
            (blocks(after), &mut *findings),
            (blocks(p.before.configurations.first()), &mut *fixed),
        ];
        for (blocks, list) in sets {
            for f in list.iter_mut().filter(|f| f.file == p.file) {
                let Some(b) = f.resource.as_deref().and_then(|r| blocks.get(r)) else {
                    continue;
                };
                let (mods, rest) = split_address(&b.address);
                let Some(dir) = module_dir(&root, &mods, &p.module_sources, &installed) else {
                    continue;
                };
                let files = cache
                    .entry(dir.clone())
                    .or_insert_with(|| tf_files(sources, &dir, max));
                let Some((id, header, body)) = find_block(files, b.kind, &rest) else {
                    continue;
                };
                let (path, entry) = f
                    .loc
                    .map(|l| path_and_entry(&b.value, l))
                    .unwrap_or_default();
                let on = if entry {
                    On::Entry
                } else {
                    On::Value(f.pointer.as_deref())
                };
                let span = locate_path(body, &path, on).unwrap_or(header);
                if let Some(l) = f.loc {
                    let lc = plan.line_col(l.start as usize);
                    f.notes.push(format!(
                        "planned value at {}:{}:{}",
                        plan.display, lc.line, lc.column
                    ));
                }
                f.file = id;
                f.loc = Some(Loc::new(id, span));
            }
        }
    }
}

/// The spans of the values a `*_sensitive` mask marks.
fn sensitive_spans(mask: &Value, v: &Value, out: &mut Vec<Loc>, depth: usize) {
    if depth > 64 {
        return;
    }
    match &mask.kind {
        Kind::Bool(true) => out.extend(v.loc),
        Kind::Object(ms) => {
            for m in ms {
                if let Some(x) = v.get(&m.key) {
                    sensitive_spans(&m.value, x, out, depth + 1);
                }
            }
        }
        Kind::List(ms) => {
            for (m, x) in ms.iter().zip(v.as_list().unwrap_or(&[])) {
                sensitive_spans(m, x, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Values a plan marks sensitive are masked in its text (`terraform show -json` writes them in
/// clear), wherever the plan repeats them: the change, the planned values and the prior state.
/// Masks keep lengths, so spans stay valid.
pub fn mask_sensitive_text<'w>(sources: &mut SourceMap, ws: &'w Workspace) {
    for p in &ws.plans {
        let index = |cs: &'w [Configuration]| -> HashMap<&'w str, &'w Value> {
            cs.iter()
                .filter(|c| c.files == [p.file])
                .flat_map(|c| &c.blocks)
                .map(|b| (b.address.as_str(), &b.value))
                .collect()
        };
        let (planned, prior) = (index(&ws.configurations), index(&p.before.configurations));
        let mut spans = Vec::new();
        for (addr, rc) in &p.changes {
            let pairs = [
                (&rc.after_sensitive, rc.after.as_ref()),
                (&rc.after_sensitive, planned.get(addr.as_str()).copied()),
                (&rc.before_sensitive, rc.before.as_ref()),
                (&rc.before_sensitive, prior.get(addr.as_str()).copied()),
            ];
            for (mask, v) in pairs {
                if let (Some(m), Some(v)) = (mask, v) {
                    sensitive_spans(m, v, &mut spans, 0);
                }
            }
        }
        spans.retain(|l| l.file == p.file);
        if spans.is_empty() {
            continue;
        }
        let mut bytes = sources.get(p.file).text.as_bytes().to_vec();
        for l in spans {
            let Some(s) = bytes.get_mut(l.range()) else {
                continue;
            };
            let quoted = s.len() >= 2 && s[0] == b'"' && s[s.len() - 1] == b'"';
            let n = s.len();
            let inner = if quoted { &mut s[1..n - 1] } else { s };
            inner.fill(b'*');
        }
        if let Ok(t) = String::from_utf8(bytes) {
            sources.replace_text(p.file, t.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_split_into_module_keys_and_the_rest() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            split_address(r#"module.a["x.y]"].module.b[0].alicloud_oss_bucket.c["k\"]"]"#),
            (s(&["a", "b"]), s(&["alicloud_oss_bucket", "c"]))
        );
        assert_eq!(
            split_address("module.a.data.alicloud_x.d"),
            (s(&["a"]), s(&["data", "alicloud_x", "d"]))
        );
        assert_eq!(
            split_address("provider.alicloud.eu"),
            (s(&[]), s(&["provider", "alicloud", "eu"]))
        );
    }

    #[test]
    fn paths_of_entries_values_and_list_items() {
        let text = r#"{"acl": "private", "rule": [{"days": 3}]}"#;
        let v = crate::json::parse(
            text,
            crate::json::SpanMap::Exact {
                file: FileId(0),
                offset: 0,
            },
        )
        .unwrap();
        let at = |needle: &str| {
            let i = text.find(needle).unwrap();
            Loc::new(FileId(0), i..i + needle.len())
        };
        assert_eq!(
            path_and_entry(&v, at(r#""acl": "private""#)),
            (vec!["acl".into()], true)
        );
        assert_eq!(
            path_and_entry(&v, at(r#""private""#)),
            (vec!["acl".into()], false)
        );
        assert_eq!(
            path_and_entry(&v, at("3")),
            (vec!["rule".into(), "0".into(), "days".into()], false)
        );
    }
}
