//! Terraform front end: HCL parsing, configuration model and evaluation.

pub mod lower;
pub mod model;

pub use model::*;

use crate::finding::Emit;
use crate::json::{self, SpanMap};
use crate::policy::DocKind;
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::value::{Kind, Value};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use std::collections::BTreeMap;
use std::path::PathBuf;

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

/// Load every Terraform file of the run into configurations (one per directory).
pub fn load(sources: &SourceMap, ws: &mut Workspace) {
    let mut dirs: BTreeMap<PathBuf, Vec<FileId>> = BTreeMap::new();
    for f in sources.files() {
        match f.kind {
            FileKind::Hcl => {
                dirs.entry(f.dir().to_path_buf()).or_default().push(f.id);
            }
            FileKind::Tfvars => {
                if let Err(e) = parse_hcl(f.id, &f.text) {
                    ws.emits.push(*e);
                }
            }
            FileKind::TfJson | FileKind::TfvarsJson => {
                if let Err(e) = json::parse(
                    &f.text,
                    SpanMap::Exact {
                        file: f.id,
                        offset: 0,
                    },
                ) {
                    ws.emits.push(
                        Emit::new("TF001", f.id, e.loc)
                            .field("reason", e.message.clone())
                            .label(e.message),
                    );
                }
            }
            _ => {}
        }
    }
    for (dir, files) in dirs {
        let mut cfg = Configuration {
            dir,
            files: files.clone(),
            ..Default::default()
        };
        for id in files {
            let f = sources.get(id);
            let body = match parse_hcl(id, &f.text) {
                Ok(b) => b,
                Err(e) => {
                    ws.emits.push(*e);
                    continue;
                }
            };
            for s in body.iter() {
                let Structure::Block(b) = s else { continue };
                let labels: Vec<&str> = b.labels.iter().map(|l| l.as_str()).collect();
                let (kind, written, name) = match (b.ident.as_str(), labels.as_slice()) {
                    ("resource", [t, n]) => (BlockKind::Resource, *t, *n),
                    ("data", [t, n]) => (BlockKind::Data, *t, *n),
                    ("provider", [p]) => (BlockKind::Provider, *p, *p),
                    ("output", [n]) => (BlockKind::Output, "output", *n),
                    _ => continue,
                };
                let value = lower::body_value(id, &b.body, &f.text);
                let header_end = b.body.span().map(|r| r.start).unwrap_or(0);
                let whole = b.span().unwrap_or(0..0);
                let header = Loc::new(id, whole.start..header_end.max(whole.start));
                let address = match kind {
                    BlockKind::Resource => format!("{written}.{name}"),
                    BlockKind::Data => format!("data.{written}.{name}"),
                    BlockKind::Provider => format!("provider.{written}"),
                    BlockKind::Output => format!("output.{name}"),
                };
                cfg.blocks.push(Block {
                    kind,
                    written_type: written.to_string(),
                    rtype: successor(written).to_string(),
                    name: name.to_string(),
                    address,
                    module: String::new(),
                    file: id,
                    header: trim_header(&f.text, header),
                    loc: Loc::new(id, whole),
                    value,
                    call_sites: Vec::new(),
                });
            }
        }
        cfg.index();
        extract_documents(sources, &cfg, ws);
        ws.configurations.push(cfg);
    }
}

/// The header of a block without the trailing space before `{`.
fn trim_header(text: &str, l: Loc) -> Loc {
    let s = text.get(l.range()).unwrap_or("");
    let t = s.trim_end();
    Loc {
        end: l.start + t.len() as u32,
        ..l
    }
}

/// Policy documents held in resource attributes become documents for the RAM analyzer.
pub fn extract_documents(sources: &SourceMap, cfg: &Configuration, ws: &mut Workspace) {
    for b in &cfg.blocks {
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
