//! `data "alicloud_ram_policy_document"`: the RAM policy its blocks describe, with spans on the
//! HCL attributes, exposed as the `document` attribute (a JSON string whose `encoded` value is
//! the structure), the way the provider renders it.

use crate::source::Loc;
use crate::value::{Entry, Kind, Value};
use std::sync::Arc;

fn entry(key: &str, key_loc: Option<Loc>, value: Value) -> Entry {
    Entry {
        key: key.to_string(),
        key_loc,
        value,
    }
}

/// A one-element list renders as its element, as the provider does for actions, resources and
/// condition values.
fn collapse(v: &Value) -> Value {
    match v.as_list() {
        Some([one]) => one.clone(),
        _ => v.clone(),
    }
}

fn blocks(v: &Value, name: &str) -> Vec<Value> {
    v.get(name)
        .and_then(Value::as_list)
        .map(<[Value]>::to_vec)
        .unwrap_or_default()
}

/// The policy structure of an evaluated data source body.
pub fn document(v: &Value) -> Value {
    let mut stmts = Vec::new();
    for s in blocks(v, "statement") {
        let mut out = Vec::new();
        let kl = |k: &str| s.entry(k).and_then(|e| e.key_loc);
        let effect = match s.get("effect") {
            Some(e) if !e.is_null() => e.clone(),
            _ => Value::string("Allow", s.loc),
        };
        out.push(entry("Effect", kl("effect"), effect));
        if let Some(a) = s.get("action") {
            out.push(entry("Action", kl("action"), collapse(a)));
        }
        if let Some(r) = s.get("resource") {
            out.push(entry("Resource", kl("resource"), collapse(r)));
        }
        let principals = blocks(&s, "principal");
        if !principals.is_empty() {
            let mut p: Vec<Entry> = Vec::new();
            for pr in &principals {
                let ent = pr.get("entity").and_then(Value::as_str).unwrap_or("RAM");
                let ids = pr.get("identifiers").cloned().unwrap_or_else(Value::null);
                let kloc = pr.entry("entity").and_then(|e| e.key_loc);
                match p.iter_mut().find(|e| e.key == ent) {
                    Some(Entry {
                        value:
                            Value {
                                kind: Kind::List(l),
                                ..
                            },
                        ..
                    }) => match &ids.kind {
                        Kind::List(more) => l.extend(more.iter().cloned()),
                        _ => l.push(ids),
                    },
                    _ => p.push(entry(ent, kloc, ids)),
                }
            }
            out.push(entry(
                "Principal",
                kl("principal"),
                Value::object(p, principals[0].loc),
            ));
        }
        let conds = blocks(&s, "condition");
        if !conds.is_empty() {
            let mut ops: Vec<Entry> = Vec::new();
            for c in &conds {
                let op = c
                    .get("operator")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let var = c
                    .get("variable")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let vals = c.get("values").map(collapse).unwrap_or_else(Value::null);
                let vloc = c.entry("variable").and_then(|e| e.key_loc);
                let oloc = c.entry("operator").and_then(|e| e.key_loc);
                match ops.iter_mut().find(|e| e.key == op) {
                    Some(Entry {
                        value:
                            Value {
                                kind: Kind::Object(vs),
                                ..
                            },
                        ..
                    }) => vs.push(entry(&var, vloc, vals)),
                    _ => ops.push(entry(
                        &op,
                        oloc,
                        Value::object(vec![entry(&var, vloc, vals)], c.loc),
                    )),
                }
            }
            out.push(entry(
                "Condition",
                kl("condition"),
                Value::object(ops, conds[0].loc),
            ));
        }
        stmts.push(Value::object(out, s.loc));
    }
    let version = match v.get("version") {
        Some(x) if !x.is_null() => x.clone(),
        _ => Value::string("1", None),
    };
    Value::object(
        vec![
            entry(
                "Version",
                v.entry("version").and_then(|e| e.key_loc),
                version,
            ),
            entry("Statement", None, Value::list(stmts, None)),
        ],
        None,
    )
}

/// Add the rendered `document` attribute to a data source value.
pub fn add_document(v: &mut Value, header: Option<Loc>) {
    let doc = document(v);
    let mut s = if doc.contains_unknown() {
        match doc.first_unknown() {
            Some((u, _)) => Value::new(Kind::Unknown(Box::new(u.clone())), header),
            None => Value::unknown("unknown", header),
        }
    } else {
        Value::string(
            serde_json::to_string(&doc.to_json()).unwrap_or_default(),
            header,
        )
    };
    s.encoded = Some(Arc::new(doc));
    if let Kind::Object(es) = &mut v.kind {
        es.retain(|e| e.key != "document" && e.key != "json");
        es.push(entry("document", None, s));
    }
}
