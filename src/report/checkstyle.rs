//! Checkstyle XML: `<file>` elements with one `<error>` per finding.

use super::{xml_escape, Report};
use crate::finding::Severity;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "info",
    }
}

pub fn render(r: &Report) -> String {
    let mut by_file: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for f in r.findings {
        by_file
            .entry(super::portable_path(r.sources.get(f.file)))
            .or_default()
            .push(f);
    }
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (path, findings) in by_file {
        let _ = writeln!(out, "  <file name=\"{}\">", xml_escape(&path));
        for f in findings {
            let (s, _) = r.range(f);
            let _ = writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"acslint.{}.{}\"/>",
                s.line,
                s.column,
                severity(f.severity),
                xml_escape(&f.message),
                xml_escape(&f.rule),
                xml_escape(&f.name)
            );
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
