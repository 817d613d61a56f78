//! One line per finding: `file:line:col: severity CODE message`.

use super::Report;
// Paths: the base every machine format shares (`portable_path`).
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    // Sized once (the line's fixed parts are under 32 bytes plus the path): growing a string of
    // tens of megabytes copies it each time it doubles.
    let mut out = String::with_capacity(
        r.findings
            .iter()
            .map(|f| r.sources.get(f.file).display.len() + f.rule.len() + f.message.len() + 32)
            .sum(),
    );
    for f in r.findings {
        // The start only (a line and column each is a search in the file's line index).
        let start = match f.loc {
            Some(l) => r.sources.get(f.file).line_col(l.start as usize),
            None => r.range(f).0,
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {} {}",
            super::portable_path(r.sources.get(f.file)),
            start.line,
            start.column,
            f.severity,
            f.rule,
            f.message
        );
        if let Some(c) = &f.change {
            // The plan's part, on the same line so that tools reading lines keep it.
            out.pop();
            let _ = writeln!(out, " [{}]", c.describe());
        }
    }
    out
}
