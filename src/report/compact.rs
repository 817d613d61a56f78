//! One line per finding: `file:line:col: severity CODE message`.

use super::Report;
// Paths: the base every machine format shares (`portable_path`).
use std::fmt::Write;

/// Findings a piece of the output holds: more are written in pieces on the pool and the pieces
/// joined (300k findings of a policy document made this the longest step on one thread).
const PIECE: usize = 4096;

pub fn render(r: &Report) -> String {
    render_in(r, PIECE)
}

fn render_in(r: &Report, piece: usize) -> String {
    use rayon::prelude::*;
    if r.findings.len() <= piece {
        return lines(r, r.findings);
    }
    let pieces: Vec<String> = r
        .findings
        .par_chunks(piece)
        .map(|fs| lines(r, fs))
        .collect();
    pieces.concat()
}

fn lines(r: &Report, findings: &[crate::finding::Finding]) -> String {
    // Sized once (the line's fixed parts are under 32 bytes plus the path): growing a string of
    // tens of megabytes copies it each time it doubles.
    let mut out = String::with_capacity(
        findings
            .iter()
            .map(|f| r.sources.get(f.file).display.len() + f.rule.len() + f.message.len() + 32)
            .sum(),
    );
    for f in findings {
        let file = r.sources.get(f.file);
        // The start only (a line and column each is a search in the file's line index).
        let start = match f.loc {
            Some(l) => file.line_col(l.start as usize),
            None => r.range(f).0,
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {} {}",
            file.portable_path(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Severity};
    use crate::source::{FileKind, Loc, SourceMap};

    /// The output written in pieces of any size is the output written in one: the lines of
    /// two files (one with non-ASCII text), with and without a span, in their order.
    #[test]
    fn pieces_join_into_the_whole_output() {
        let mut sources = SourceMap::default();
        let a = sources.add(
            "p/a.json".into(),
            "p/a.json".into(),
            FileKind::Policy,
            "{\n \"Statement\": [\n  \"é\", \"x\"\n ]\n}\n".into(),
        );
        let b = sources.add("b.tf".into(), "b.tf".into(), FileKind::Hcl, "a\nb\n".into());
        let finding = |i: usize| Finding {
            message: format!("message {i} é"),
            loc: (i % 4 != 0).then(|| Loc::new([a, b][i % 3 / 2], i % 5..6)),
            ..Finding::bare(
                &format!("RAM{:03}", i % 9),
                [Severity::High, Severity::Info][i % 2],
                [a, b][i % 3 / 2],
            )
        };
        for n in [0, 1, 5, 23] {
            let findings: Vec<Finding> = (0..n).map(finding).collect();
            let r = Report {
                sources: &sources,
                findings: &findings,
                unknowns: &[],
                files: 2,
            };
            let whole = render_in(&r, usize::MAX);
            assert_eq!(whole.lines().count(), n);
            for piece in [1, 2, 3, 7] {
                assert_eq!(
                    render_in(&r, piece),
                    whole,
                    "{n} findings, pieces of {piece}"
                );
            }
        }
    }
}
