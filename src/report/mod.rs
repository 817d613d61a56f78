//! Reporters: turn findings into text. They know nothing about HCL or policies.

pub mod compact;
pub mod human;
pub mod json;

use crate::finding::{Finding, Severity};
use crate::source::{LineCol, SourceMap};
use crate::tf::UnknownNote;
use std::collections::BTreeMap;

/// Everything a reporter may show.
pub struct Report<'a> {
    pub sources: &'a SourceMap,
    pub findings: &'a [Finding],
    pub unknowns: &'a [UnknownNote],
    pub files: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Compact,
}

pub struct HumanStyle {
    pub color: bool,
    pub width: usize,
}

impl Report<'_> {
    /// Start and end of a finding (1-based); a finding without a span points at 1:1.
    pub fn range(&self, f: &Finding) -> (LineCol, LineCol) {
        let file = self.sources.get(f.file);
        match f.loc {
            Some(l) => (
                file.line_col(l.start as usize),
                file.line_col(l.end as usize),
            ),
            None => {
                let p = LineCol { line: 1, column: 1 };
                (p, p)
            }
        }
    }

    pub fn by_severity(&self) -> BTreeMap<Severity, usize> {
        let mut m = BTreeMap::new();
        for f in self.findings {
            *m.entry(f.severity).or_insert(0) += 1;
        }
        m
    }
}

pub fn render(format: Format, report: &Report, style: &HumanStyle) -> String {
    match format {
        Format::Human => human::render(report, style),
        Format::Json => json::render(report),
        Format::Compact => compact::render(report),
    }
}
