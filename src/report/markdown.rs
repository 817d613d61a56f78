//! Markdown summary: counts by severity and by rule, then the most severe findings, for a CI
//! job summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment.

use super::{portable_path, Report};
use std::fmt::Write;

/// Findings listed one per row at most; the rest are counted.
const MAX_ROWS: usize = 50;

pub fn render(r: &Report) -> String {
    let mut out = String::from("## acslint\n\n");
    if r.findings.is_empty() {
        let _ = writeln!(out, "No findings in {} file(s).", r.files);
        return out;
    }
    let by_sev = r.by_severity();
    let _ = writeln!(
        out,
        "{} finding(s) in {} file(s).\n\n| severity | findings |\n|---|---:|",
        r.findings.len(),
        r.files
    );
    for (sev, n) in by_sev.iter().rev() {
        let _ = writeln!(out, "| {} | {} |", sev.as_str(), n);
    }

    out.push_str("\n| rule | name | severity | findings |\n|---|---|---|---:|\n");
    for c in r.by_rule() {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            c.rule,
            c.name,
            c.severity.as_str(),
            c.count
        );
    }

    let mut order: Vec<usize> = (0..r.findings.len()).collect();
    // Most severe first; the report's own order (file, line) within a severity.
    order.sort_by_key(|&i| std::cmp::Reverse(r.findings[i].severity));
    out.push_str("\n| severity | rule | location | message |\n|---|---|---|---|\n");
    for &i in order.iter().take(MAX_ROWS) {
        let f = &r.findings[i];
        let (s, _) = r.range(f);
        let path = portable_path(r.sources.get(f.file));
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}:{}:{}` | {} |",
            f.severity.as_str(),
            f.rule,
            cell(&path).replace('`', "'"),
            s.line,
            s.column,
            cell(&f.message)
        );
    }
    if order.len() > MAX_ROWS {
        let _ = writeln!(
            out,
            "\n…and {} more (see the annotations or the SARIF report).",
            order.len() - MAX_ROWS
        );
    }
    out
}

/// Text safe inside a table cell: no line breaks, pipes escaped, control characters dropped.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            '<' => out.push_str("&lt;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
