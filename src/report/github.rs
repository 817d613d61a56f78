//! GitHub Actions workflow commands: one annotation per finding.
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`

use super::{portable_path, Report};
use crate::finding::Severity;
use std::fmt::Write;

/// Escape the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value: like data, plus the separators `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "notice",
    }
}

/// GitHub shows at most this many annotations of each level (error, warning, notice) per step.
pub const STEP_CAP: usize = 10;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    // Past GitHub's cap the rest are dropped silently: say so first, and print the most severe
    // first so that the annotations shown are the ones that matter.
    let mut per_level = crate::util::HashMap::default();
    for f in r.findings {
        *per_level.entry(command(f.severity)).or_insert(0usize) += 1;
    }
    if per_level.values().any(|&n| n > STEP_CAP) {
        let _ = writeln!(
            out,
            "::warning title=acslint::{} findings; GitHub shows only {STEP_CAP} annotations of each level per step (most severe first here). See the SARIF upload, the job summary or --format json for all of them.",
            r.findings.len()
        );
    }
    let mut order: Vec<&crate::finding::Finding> = r.findings.iter().collect();
    order.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in order {
        let (s, e) = r.range(f);
        let path = portable_path(r.sources.get(f.file));
        let title = format!("{} {}", f.rule, f.name);
        let mut msg = format!("[{}] {}", f.severity, f.message);
        if let Some(c) = &f.change {
            let _ = write!(msg, "\n{}", c.describe());
        }
        if let Some(h) = &f.help {
            let _ = write!(msg, "\nhelp: {h}");
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&path),
            s.line,
            s.column,
            e.line.max(s.line),
            if e.line > s.line {
                e.column
            } else {
                e.column.max(s.column)
            },
            escape_property(&title),
            escape_data(&msg)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
