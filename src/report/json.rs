//! The versioned JSON report (documented in the README).

use super::{Extra, Report};
use crate::finding::Finding;
use serde_json::{json, Map, Value};

pub const JSON_VERSION: u32 = 1;

pub fn render(r: &Report) -> String {
    render_with(r, &Extra::new(crate::rules::Registry::builtin()))
}

fn finding_json(r: &Report, f: &Finding) -> Value {
    let (s, e) = r.range(f);
    json!({
        "rule": &*f.rule,
        "name": &*f.name,
        "severity": f.severity.as_str(),
        "message": f.message,
        "help": f.help,
        "url": &*f.url,
        "file": r.sources.get(f.file).display,
        "range": {"start": s, "end": e},
        "resource": f.resource,
        "pointer": f.pointer,
    })
}

/// The report; with `extra`, findings silenced by suppressions (`suppressed`, when any) and
/// baseline entries that no longer match (`fixed`, when a baseline was given).
pub fn render_with(r: &Report, extra: &Extra) -> String {
    let findings: Vec<Value> = r.findings.iter().map(|f| finding_json(r, f)).collect();
    let mut by = Map::new();
    for (sev, n) in r.by_severity().into_iter().rev() {
        by.insert(sev.as_str().into(), n.into());
    }
    let unknowns: Vec<Value> = r
        .unknowns
        .iter()
        .map(|u| {
            let file = r.sources.get(u.file);
            let start = u.loc.map(|l| file.line_col(l.start as usize));
            json!({
                "rule": u.rule,
                "file": file.display,
                "line": start.map(|s| s.line),
                "column": start.map(|s| s.column),
                "resource": u.address,
                "reason": u.reason,
            })
        })
        .collect();
    let mut doc = json!({
        "version": JSON_VERSION,
        "tool": {"name": "acslint", "version": env!("CARGO_PKG_VERSION")},
        "findings": findings,
        "unknown": unknowns,
        "summary": {"files": r.files, "findings": r.findings.len(), "by_severity": by},
    });
    if !extra.suppressed.is_empty() {
        doc["suppressed"] = Value::Array(
            extra
                .suppressed
                .iter()
                .map(|s| {
                    let mut v = finding_json(r, &s.finding);
                    v["suppressed_by"] = s.by.clone().into();
                    v["reason"] = s.reason.clone().into();
                    v
                })
                .collect(),
        );
    }
    if extra.baseline {
        doc["fixed"] = serde_json::to_value(extra.fixed).unwrap_or_default();
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
