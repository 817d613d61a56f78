//! GitLab Code Quality JSON (a subset of Code Climate's format). Fingerprints do not depend on
//! line numbers, so GitLab keeps tracking a finding when code moves.

use super::{portable_path, Report};
use crate::baseline::fingerprints;
use crate::finding::Severity;
use serde_json::{json, Value};

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Low => "minor",
        Severity::Medium => "major",
        Severity::High => "critical",
        Severity::Critical => "blocker",
    }
}

pub fn render(r: &Report) -> String {
    let fps = fingerprints(r.sources, r.findings);
    let items: Vec<Value> = r
        .findings
        .iter()
        .zip(fps)
        .map(|(f, fp)| {
            let (s, e) = r.range(f);
            let change = f
                .change
                .as_ref()
                .map(|c| format!(" ({})", c.describe()))
                .unwrap_or_default();
            json!({
                "type": "issue",
                "check_name": format!("{} {}", f.rule, f.name),
                "description": format!("{}: {}{change}", f.rule, f.message),
                "categories": ["Security"],
                "severity": severity(f.severity),
                "fingerprint": fp,
                "location": {
                    "path": portable_path(r.sources.get(f.file)),
                    "lines": {"begin": s.line, "end": e.line.max(s.line)},
                },
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default();
    s.push('\n');
    s
}
