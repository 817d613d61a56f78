//! One line per finding: `file:line:col: severity CODE message`.

use super::Report;
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for f in r.findings {
        let (start, _) = r.range(f);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {} {}",
            r.sources.get(f.file).display,
            start.line,
            start.column,
            f.severity,
            f.rule,
            f.message
        );
    }
    out
}
