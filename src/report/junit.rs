//! JUnit XML: one test suite per file, one test case per rule that reported in that file, its
//! failure listing the findings. A file without findings gets one passing case, so CI dashboards
//! show what was checked.

use super::{xml_escape, Report};
use crate::finding::Finding;
use crate::source::FileKind;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    // file (the machine formats' path) → rule → findings
    let mut by_file: BTreeMap<String, BTreeMap<&str, Vec<&Finding>>> = BTreeMap::new();
    for f in r.sources.files() {
        if f.kind != FileKind::Other || !f.text.is_empty() {
            by_file.entry(super::portable_path(f)).or_default();
        }
    }
    for f in r.findings {
        by_file
            .entry(super::portable_path(r.sources.get(f.file)))
            .or_default()
            .entry(&f.rule)
            .or_default()
            .push(f);
    }
    let tests: usize = by_file.values().map(|m| m.len().max(1)).sum();
    let failures: usize = by_file.values().map(|m| m.len()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"acslint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for (path, rules) in &by_file {
        let p = xml_escape(path);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{p}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            rules.len().max(1),
            rules.len()
        );
        if rules.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"acslint\" classname=\"{p}\" file=\"{p}\"/>"
            );
        }
        for (rule, findings) in rules {
            let first = findings[0];
            let _ = writeln!(
                out,
                "    <testcase name=\"{} {}\" classname=\"{p}\" file=\"{p}\">",
                xml_escape(rule),
                xml_escape(&first.name)
            );
            let n = findings.len();
            let word = if n == 1 { "finding" } else { "findings" };
            let _ = write!(
                out,
                "      <failure type=\"{}\" message=\"{n} {word} of {}\">",
                xml_escape(rule),
                xml_escape(rule)
            );
            for f in findings {
                let (s, _) = r.range(f);
                let _ = write!(
                    out,
                    "{}",
                    xml_escape(&format!(
                        "{path}:{}:{}: {} {} {}\n",
                        s.line, s.column, f.severity, f.rule, f.message
                    ))
                );
            }
            out.push_str("</failure>\n    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
