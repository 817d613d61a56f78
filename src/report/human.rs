//! The default human rendering, through miette's graphical handler.

use super::{HumanStyle, Report};
use crate::finding::{Finding, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};
use std::fmt;

struct Diag<'a> {
    f: &'a Finding,
    src: NamedSource<String>,
    has_source: bool,
    /// Secondary labels in other files (a snippet shows one file): `path:line:col: text`.
    elsewhere: Vec<String>,
    /// The rule's URL is printed with its first finding only (a link on the code otherwise).
    show_url: bool,
}

impl fmt::Debug for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.f.message)
    }
}
impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.f.message)
    }
}
impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!(
            "{} {}({})",
            self.f.severity, self.f.rule, self.f.name
        )))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.f.severity {
            Severity::Critical | Severity::High => miette::Severity::Error,
            Severity::Medium | Severity::Low => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let mut h = String::new();
        if let Some(help) = &self.f.help {
            h.push_str(help);
        }
        for n in self.f.notes.iter().chain(&self.elsewhere) {
            if !h.is_empty() {
                h.push('\n');
            }
            h.push_str("note: ");
            h.push_str(n);
        }
        (!h.is_empty()).then(|| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.show_url
            .then(|| Box::new(&*self.f.url) as Box<dyn fmt::Display + 'a>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.has_source.then_some(&self.src as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.has_source {
            return None;
        }
        let mut v = Vec::new();
        let loc = self.f.loc?;
        v.push(LabeledSpan::new_primary_with_span(
            self.f
                .label
                .clone()
                .or_else(|| Some(format!("{} {}", self.f.severity, self.f.rule))),
            loc.range(),
        ));
        for l in &self.f.secondary {
            if l.loc.file == self.f.file {
                v.push(LabeledSpan::new_with_span(
                    Some(l.text.clone()),
                    l.loc.range(),
                ));
            }
        }
        Some(Box::new(v.into_iter()))
    }
}

pub fn render(r: &Report, style: &HumanStyle) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(style.hyperlinks)
        .without_syntax_highlighting()
        .with_context_lines(1);
    let mut out = String::new();
    let mut urls_shown = std::collections::HashSet::new();
    let mut last_file = None;
    for f in r.findings {
        let file = r.sources.get(f.file);
        // Findings come sorted by file: a header line starts each file's group.
        if last_file != Some(f.file) {
            last_file = Some(f.file);
            out.push_str(&format!("── {} ──\n\n", file.display));
        }
        let has_source = f.loc.is_some() && !file.text.is_empty();
        let elsewhere = f
            .secondary
            .iter()
            .filter(|l| !has_source || l.loc.file != f.file)
            .map(|l| {
                let other = r.sources.get(l.loc.file);
                let p = other.line_col(l.loc.start as usize);
                format!("{}:{}:{}: {}", other.display, p.line, p.column, l.text)
            })
            .collect();
        let diag = Diag {
            f,
            src: NamedSource::new(&file.display, file.text.to_string()).with_language("hcl"),
            has_source,
            elsewhere,
            // With hyperlinks, every code links to its page; without, the URL is said once.
            show_url: style.hyperlinks || urls_shown.insert(f.rule.clone()),
        };
        let (start, _) = r.range(f);
        if !diag.has_source {
            out.push_str(&format!(
                "{}:{}:{}\n",
                file.display, start.line, start.column
            ));
        }
        let _ = handler.render_report(&mut out, &diag);
        out.push('\n');
    }
    out
}

/// The one-line summary printed on stderr in human mode.
pub fn summary(r: &Report, elapsed_ms: u128) -> String {
    let by = r.by_severity();
    let parts: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|s| by.get(s).map(|n| format!("{n} {s}")))
        .collect();
    let files = if r.files == 1 { "file" } else { "files" };
    if r.findings.is_empty() {
        format!(
            "acslint: {} {files} checked, no findings ({elapsed_ms} ms)",
            r.files
        )
    } else {
        let n = r.findings.len();
        let word = if n == 1 { "finding" } else { "findings" };
        format!(
            "acslint: {} {files} checked, {n} {word}: {} ({elapsed_ms} ms)",
            r.files,
            parts.join(", ")
        )
    }
}
