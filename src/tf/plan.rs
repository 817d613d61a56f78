//! Terraform plan JSON (`terraform show -json plan.out`): planned resources become blocks whose
//! values point into the plan file; values the plan marks as known only after apply are unknown.

use super::model::{Block, BlockKind, Configuration, Workspace};
use super::{extract_documents, successor};
use crate::finding::Emit;
use crate::json::{self, SpanMap};
use crate::source::{Loc, SourceFile, SourceMap};
use crate::value::{Entry, Kind, Value};
use std::collections::HashMap;

/// Replace the paths `after_unknown` marks (`true`) by unknown values.
fn apply_unknown(v: &mut Value, mask: &Value, addr: &str, path: &str) {
    match (&mut v.kind, &mask.kind) {
        (_, Kind::Bool(true)) => {
            *v = Value::unknown(format!("`{addr}{path}` is known only after apply"), v.loc);
        }
        (Kind::Object(es), Kind::Object(ms)) => {
            for m in ms {
                match es.iter_mut().find(|e| e.key == m.key) {
                    Some(e) => {
                        apply_unknown(&mut e.value, &m.value, addr, &format!("{path}.{}", m.key))
                    }
                    None if matches!(m.value.kind, Kind::Bool(true)) => es.push(Entry {
                        key: m.key.clone(),
                        key_loc: None,
                        value: Value::reference(
                            format!("{addr}.{}", m.key),
                            format!("`{addr}.{}` is known only after apply", m.key),
                            None,
                        ),
                    }),
                    None => {}
                }
            }
        }
        (Kind::List(items), Kind::List(ms)) => {
            for (i, (it, m)) in items.iter_mut().zip(ms).enumerate() {
                apply_unknown(it, m, addr, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

fn resources(
    m: &Value,
    file: &SourceFile,
    unknown: &HashMap<String, Value>,
    out: &mut Vec<Block>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    for r in m.get("resources").and_then(Value::as_list).unwrap_or(&[]) {
        let s = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let (address, rtype, name) = (s("address"), s("type"), s("name"));
        if address.is_empty() || rtype.is_empty() {
            continue;
        }
        let kind = if s("mode") == "data" {
            BlockKind::Data
        } else {
            BlockKind::Resource
        };
        let whole = r.loc.unwrap_or(Loc::new(file.id, 0..0));
        let header = r.get("address").and_then(|a| a.loc).unwrap_or(whole);
        let mut value = r
            .get("values")
            .cloned()
            .unwrap_or_else(|| Value::object(Vec::new(), None));
        if let Some(mask) = unknown.get(&address) {
            apply_unknown(&mut value, mask, &address, "");
        }
        let module = address
            .rfind(&format!("{rtype}."))
            .map(|i| {
                address[..i]
                    .trim_end_matches('.')
                    .trim_end_matches(".data")
                    .to_string()
            })
            .unwrap_or_default();
        out.push(Block {
            kind,
            written_type: rtype.clone(),
            rtype: successor(&rtype).to_string(),
            name,
            address,
            module,
            file: file.id,
            header,
            loc: whole,
            value,
            call_sites: Vec::new(),
        });
    }
    for c in m
        .get("child_modules")
        .and_then(Value::as_list)
        .unwrap_or(&[])
    {
        resources(c, file, unknown, out, depth + 1);
    }
}

/// Read a plan file into its own configuration.
pub fn load(sources: &SourceMap, file: &SourceFile, ws: &mut Workspace) {
    let v = match json::parse(
        &file.text,
        SpanMap::Exact {
            file: file.id,
            offset: 0,
        },
    ) {
        Ok(v) => v,
        Err(e) => {
            ws.emits.push(
                Emit::new("TF001", file.id, e.loc)
                    .field("reason", e.message.clone())
                    .label(e.message),
            );
            return;
        }
    };
    let mut unknown = HashMap::new();
    for rc in v
        .get("resource_changes")
        .and_then(Value::as_list)
        .unwrap_or(&[])
    {
        if let (Some(a), Some(m)) = (
            rc.get("address").and_then(Value::as_str),
            rc.get("change").and_then(|c| c.get("after_unknown")),
        ) {
            unknown.insert(a.to_string(), m.clone());
        }
    }
    let mut cfg = Configuration {
        dir: file.dir().to_path_buf(),
        files: vec![file.id],
        ..Default::default()
    };
    if let Some(root) = v.get("planned_values").and_then(|p| p.get("root_module")) {
        resources(root, file, &unknown, &mut cfg.blocks, 0);
    }
    cfg.index();
    extract_documents(sources, &cfg, ws);
    ws.configurations.push(cfg);
}
