//! Terraform front end: HCL parsing, configuration model and evaluation.

pub mod lower;
pub mod model;
pub mod module;
pub mod plan;
pub mod policydoc;

pub use model::*;
pub use module::EvalOptions;

use crate::finding::Emit;
use crate::json::{self, SpanMap};
use crate::policy::DocKind;
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::value::{Kind, Value};
use hcl_edit::structure::Body;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Parse an HCL file; a syntax error becomes a `TF001` emit at the parser's position.
pub fn parse_hcl(file: FileId, text: &str) -> Result<Body, Box<Emit>> {
    hcl_edit::parser::parse_body(text).map_err(|e| {
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
pub fn load_with(sources: &SourceMap, ws: &mut Workspace, opts: &EvalOptions) {
    let mut dirs: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
    let mut tfvars: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
    let mut bodies: HashMap<FileId, Body> = HashMap::new();
    // Parse every `.tf` file once, in parallel.
    let mut parsed: HashMap<FileId, Result<Body, Box<Emit>>> = {
        use rayon::prelude::*;
        sources
            .files()
            .par_iter()
            .filter(|f| f.kind == FileKind::Hcl)
            .map(|f| (f.id, parse_hcl(f.id, &f.text)))
            .collect()
    };
    for f in sources.files() {
        match f.kind {
            FileKind::Hcl => {
                dirs.entry(module::normalize(f.dir()))
                    .or_default()
                    .push(f.id);
                let Some(res) = parsed.remove(&f.id) else {
                    continue;
                };
                match res {
                    Ok(b) => {
                        bodies.insert(f.id, b);
                    }
                    Err(e) => ws.emits.push(*e),
                }
            }
            FileKind::Tfvars => {
                if let Err(e) = parse_hcl(f.id, &f.text) {
                    ws.emits.push(*e);
                } else {
                    tfvars
                        .entry(module::normalize(f.dir()))
                        .or_default()
                        .push(f.id);
                }
            }
            FileKind::TfJson | FileKind::TfvarsJson => {
                match json::parse(
                    &f.text,
                    SpanMap::Exact {
                        file: f.id,
                        offset: 0,
                    },
                ) {
                    Err(e) => ws.emits.push(
                        Emit::new("TF001", f.id, e.loc)
                            .field("reason", e.message.clone())
                            .label(e.message),
                    ),
                    Ok(_) if f.kind == FileKind::TfvarsJson => {
                        tfvars
                            .entry(module::normalize(f.dir()))
                            .or_default()
                            .push(f.id);
                    }
                    Ok(_) => {}
                }
            }
            FileKind::Plan => plan::load(sources, f, ws),
            _ => {}
        }
    }
    let decls: HashMap<PathBuf, module::Decls> = dirs
        .iter()
        .map(|(d, files)| {
            let fb: Vec<(FileId, &Body)> = files
                .iter()
                .filter_map(|id| bodies.get(id).map(|b| (*id, b)))
                .collect();
            (d.clone(), module::Decls::new(d.clone(), &fb, sources))
        })
        .collect();
    let called: HashSet<PathBuf> = decls
        .iter()
        .flat_map(|(d, m)| m.local_calls().into_iter().filter(move |c| c != d))
        .filter(|c| decls.contains_key(c))
        .collect();
    // Modules installed by `terraform init` are evaluated from their callers only.
    let installed = |d: &Path| d.components().any(|c| c.as_os_str() == ".terraform");
    let mut roots: Vec<&PathBuf> = dirs
        .keys()
        .filter(|d| !called.contains(*d) && !installed(d))
        .collect();
    // Modules that only call each other (a cycle) have no root: the first one becomes one, so
    // the cycle is reported instead of the files being skipped silently.
    let mut reached: HashSet<PathBuf> = HashSet::new();
    let mut stack: Vec<PathBuf> = roots.iter().map(|d| (*d).clone()).collect();
    while let Some(d) = stack.pop() {
        if reached.insert(d.clone()) {
            if let Some(m) = decls.get(&d) {
                stack.extend(m.local_calls());
            }
        }
    }
    for d in dirs.keys() {
        if !reached.contains(d) && !installed(d) {
            roots.push(d);
            let mut stack = vec![d.clone()];
            while let Some(x) = stack.pop() {
                if reached.insert(x.clone()) {
                    if let Some(m) = decls.get(&x) {
                        stack.extend(m.local_calls());
                    }
                }
            }
        }
    }
    // Canonical directories, computed once (file access checks compare them).
    let canonical: HashMap<&PathBuf, PathBuf> = dirs
        .keys()
        .filter_map(|d| std::fs::canonicalize(d).ok().map(|c| (d, c)))
        .collect();
    // Configurations are independent: evaluate them in parallel, merge in root order so output
    // does not depend on scheduling.
    use rayon::prelude::*;
    let parts: Vec<Workspace> = roots
        .par_iter()
        .map(|dir| {
            let mut ws = Workspace::default();
            let dir: &PathBuf = dir;
            let files = &dirs[dir];
            let Some(root) = decls.get(dir) else {
                return ws;
            };
            // `file()` may read inside the root module and the local modules it calls. (Not
            // every module of the run: that made each configuration cost the size of the run.)
            let mut allowed: Vec<PathBuf> = Vec::new();
            let mut seen: HashSet<PathBuf> = HashSet::new();
            let mut stack = vec![dir.clone()];
            while let Some(d) = stack.pop() {
                if let Some(m) = decls.get(&d).filter(|_| seen.insert(d.clone())) {
                    allowed.extend(canonical.get(&d).cloned());
                    stack.extend(m.local_calls());
                }
            }
            let ctx = module::Ctx::new(sources, &decls, dir.clone(), opts.limits, allowed);
            let empty = Vec::new();
            let vars = module::root_vars(
                &ctx,
                root,
                opts,
                tfvars.get(dir).unwrap_or(&empty),
                &mut ws.emits,
            );
            let inst = module::Inst::new(
                &ctx,
                root,
                String::new(),
                Vec::new(),
                vec![dir.clone()],
                vars,
            );
            let mut cfg = Configuration {
                dir: dir.clone(),
                files: files.clone(),
                ..Default::default()
            };
            inst.collect(&mut cfg.blocks);
            ws.emits.extend(ctx.emits.borrow_mut().drain(..));
            for h in ctx.budget.hits.borrow().iter() {
                let file = h.loc.map(|l| l.file).unwrap_or(files[0]);
                ws.emits
                    .push(Emit::new("TF005", file, h.loc).field("reason", h.what.clone()));
            }
            cfg.index();
            extract_documents(sources, &cfg, &mut ws);
            ws.configurations.push(cfg);
            ws
        })
        .collect();
    for p in parts {
        ws.emits.extend(p.emits);
        ws.unknowns.extend(p.unknowns);
        ws.documents.extend(p.documents);
        ws.configurations.extend(p.configurations);
    }
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
                        ws.documents.push(doc);
                    }
                }
            }
            continue;
        }
        if b.kind != BlockKind::Resource {
            continue;
        }
        for (t, attr, kind) in POLICY_ATTRIBUTES {
            if b.rtype != *t {
                continue;
            }
            let Some(v) = b.value.get(attr) else { continue };
            if let Some(doc) = document_from_value(sources, v, *kind, b.file, Some(&b.address), ws)
            {
                ws.documents.push(doc);
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
