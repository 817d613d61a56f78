//! Reporters: turn findings into text. They know nothing about HCL or policies.

pub mod checkstyle;
pub mod compact;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::finding::{Finding, Severity, UnknownNote};
pub use crate::finding::{Fixed, Suppressed};
use crate::rules::{Registry, Rule};
pub use crate::source::{absolute, portable_path, repo_relative, repo_root};
use crate::source::{LineCol, SourceFile, SourceMap};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything a reporter may show.
pub struct Report<'a> {
    pub sources: &'a SourceMap,
    pub findings: &'a [Finding],
    pub unknowns: &'a [UnknownNote],
    pub files: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Compact,
    Sarif,
    Junit,
    Github,
    Gitlab,
    Checkstyle,
    // A Markdown summary for CI job summaries (no doc comment: clap would list every value long-form).
    Markdown,
}

impl Format {
    /// Whether the format shows fixes or the notes saying why none is offered (human, JSON
    /// and SARIF do): a run with no such output has the engine attach none
    /// (`util::fixes_read`).
    pub fn shows_fixes(self) -> bool {
        !matches!(
            self,
            Format::Compact
                | Format::Github
                | Format::Gitlab
                | Format::Junit
                | Format::Checkstyle
                | Format::Markdown
        )
    }

    pub fn parse(s: &str) -> Option<Format> {
        <Format as clap::ValueEnum>::from_str(s, true).ok()
    }
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Compact => "compact",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Checkstyle => "checkstyle",
            Format::Markdown => "markdown",
        }
    }
}

pub struct HumanStyle {
    pub color: bool,
    pub width: usize,
    /// Render rule codes as OSC-8 hyperlinks to their docs (terminals that support them).
    pub hyperlinks: bool,
}

/// One row of `--statistics` and of JSON `summary.by_rule`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RuleCount {
    pub rule: String,
    pub name: String,
    pub severity: Severity,
    pub count: usize,
    /// How many of them `--fix` (or `--fix --unsafe-fixes`) can fix.
    pub fixable: usize,
}

/// The `--statistics` table: count, code, name, severity and fixable findings, one rule a line
/// under a header.
pub fn statistics(r: &Report) -> String {
    use crate::i18n::{pad, pad_left, tr, width};
    let lang = crate::rules::i18n::current();
    let sev = |s: Severity| crate::rules::i18n::ui(lang, s.as_str());
    let (h_count, h_rule, h_name) = (tr!("count"), tr!("code"), tr!("name"));
    let (h_sev, h_fix) = (tr!("severity"), tr!("fixable"));
    let rows = r.by_rule();
    // Widths in display columns: headers and severities may be CJK (two columns a character).
    let w_count = rows
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1)
        .max(width(h_count));
    let w_rule = rows.iter().map(|c| width(&c.rule)).max().unwrap_or(4);
    let w_name = rows.iter().map(|c| width(&c.name)).max().unwrap_or(4);
    let w_sev = Severity::ALL
        .iter()
        .map(|s| width(sev(*s)))
        .chain([8, width(h_sev)])
        .max()
        .unwrap_or(8);
    let w_fix = width(h_fix).max(7);
    let mut s = format!(
        "{}  {}  {}  {}  {h_fix}\n",
        pad_left(h_count, w_count),
        pad(h_rule, w_rule),
        pad(h_name, w_name),
        pad(h_sev, w_sev)
    );
    for c in &rows {
        s.push_str(&format!(
            "{}  {}  {}  {}  {}\n",
            pad_left(&c.count.to_string(), w_count),
            pad(&c.rule, w_rule),
            pad(&c.name, w_name),
            pad(sev(c.severity), w_sev),
            pad_left(&c.fixable.to_string(), w_fix)
        ));
    }
    s
}

/// What the machine formats need beyond the findings: rule metadata, the repository root, and
/// what suppressions and the baseline removed.
pub struct Extra<'a> {
    pub registry: &'a Registry,
    /// Rules that ran (SARIF `tool.driver.rules`); every rule of the registry when empty.
    pub rules: Vec<Arc<Rule>>,
    pub suppressed: &'a [Suppressed],
    pub fixed: &'a [Fixed],
    /// Whether a baseline was applied (the JSON report then lists fixed entries).
    pub baseline: bool,
    /// Findings that plans remove (JSON `fixed_by_plan`).
    pub plan_fixed: &'a [Finding],
    /// Findings `--fix` fixed in this run (before the findings reported, which remain).
    pub autofixed: usize,
}

impl<'a> Extra<'a> {
    pub fn new(registry: &'a Registry) -> Extra<'a> {
        Extra {
            registry,
            rules: Vec::new(),
            suppressed: &[],
            fixed: &[],
            baseline: false,
            plan_fixed: &[],
            autofixed: 0,
        }
    }
    /// The rules to describe, in code order.
    pub fn rule_list(&self) -> Vec<Arc<Rule>> {
        let mut v: Vec<Arc<Rule>> = if self.rules.is_empty() {
            self.registry.rules().to_vec()
        } else {
            self.rules.clone()
        };
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v.dedup_by(|a, b| a.id == b.id);
        v
    }
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

    /// Findings per rule, most frequent first (then by code), as `--statistics` shows them.
    pub fn by_rule(&self) -> Vec<RuleCount> {
        let mut m: BTreeMap<&str, RuleCount> = BTreeMap::new();
        for f in self.findings {
            let e = m.entry(&f.rule).or_insert_with(|| RuleCount {
                rule: f.rule.to_string(),
                name: f.name.to_string(),
                severity: f.severity,
                count: 0,
                fixable: 0,
            });
            e.fixable += usize::from(f.fix.is_some());
            // A severity override can differ per path: show the highest.
            e.severity = e.severity.max(f.severity);
            e.count += 1;
        }
        let mut v: Vec<RuleCount> = m.into_values().collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
        v
    }

    pub fn by_severity(&self) -> BTreeMap<Severity, usize> {
        let mut m = BTreeMap::new();
        for f in self.findings {
            *m.entry(f.severity).or_insert(0) += 1;
        }
        m
    }

    /// Findings with a fix: (safe, unsafe).
    pub fn fixable(&self) -> (usize, usize) {
        let safe = self
            .findings
            .iter()
            .filter(|f| {
                f.fix
                    .as_ref()
                    .is_some_and(|x| x.safety == crate::finding::Safety::Safe)
            })
            .count();
        let all = self.findings.iter().filter(|f| f.fix.is_some()).count();
        (safe, all - safe)
    }
}

pub fn render(format: Format, report: &Report, style: &HumanStyle) -> String {
    render_with(format, report, style, &Extra::new(Registry::builtin()))
}

/// The id of a finding's source location: rule, file and span. Findings of several module
/// calls or `count`/`for_each` instances share it.
pub fn location_id(sources: &SourceMap, f: &Finding) -> String {
    let h = location_hash(
        &f.rule,
        &sources.get(f.file).display,
        f.loc.map(|l| (l.start, l.end)),
    );
    format!("{h:016x}")
}

/// FNV-1a of `rule \0 file \0 start-end` (`start-end` empty without a span). Stable across
/// Rust versions: consumers may store it. FNV-1a runs over the bytes in turn, so each piece is
/// hashed where it lies, without the key string put together for it (three per report row).
fn location_hash(rule: &str, display: &str, span: Option<(u32, u32)>) -> u64 {
    use crate::baseline::fnv1a;
    /// The decimal digits of `n`, at the end of `buf`.
    fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return &buf[i..];
            }
        }
    }
    let mut h = fnv1a(0xcbf2_9ce4_8422_2325, rule.as_bytes());
    h = fnv1a(h, b"\0");
    h = fnv1a(h, display.as_bytes());
    h = fnv1a(h, b"\0");
    if let Some((start, end)) = span {
        let mut buf = [0; 10];
        h = fnv1a(h, decimal(start, &mut buf));
        h = fnv1a(h, b"-");
        h = fnv1a(h, decimal(end, &mut buf));
    }
    h
}

/// Rule, file and span of a finding.
type SpanKey = (
    Arc<str>,
    crate::source::FileId,
    Option<(u32, u32)>,
    Option<String>,
);

/// One finding per (rule, span): the same source location reached through several module calls
/// or instances is shown once, with a note listing them. A standalone policy file also read by
/// `file()` from a resource is reported once, as the resource's.
pub fn grouped(findings: &[Finding]) -> std::borrow::Cow<'_, [Finding]> {
    use std::hash::BuildHasher;
    // Most runs have no two findings on one span: then grouping changes nothing, and a cheap
    // test (hashes of the keys, sorted) spares copying every finding (300k of them in a large
    // policy document). Equal hashes take the exact path below, so a fast hash with a fixed
    // seed (SipHash was a tenth of that report's time) decides nothing, only how often.
    let seed = foldhash::fast::FixedState::default();
    let hash =
        |f: &Finding| seed.hash_one((&*f.rule, f.file, f.loc.map(|l| (l.start, l.end)), &f.facet));
    // Many findings are hashed and sorted on the pool (a one-file run never starts it here).
    let mut hashes: Vec<u64>;
    if findings.len() >= 1 << 12 {
        use rayon::prelude::*;
        hashes = findings.par_iter().map(hash).collect();
        hashes.par_sort_unstable();
    } else {
        hashes = findings.iter().map(hash).collect();
        hashes.sort_unstable();
    }
    if hashes.windows(2).all(|w| w[0] != w[1]) {
        return std::borrow::Cow::Borrowed(findings);
    }
    // Facets of one rule are distinct diagnostics (a peer's skip may silence one of them).
    let key = |f: &Finding| {
        (
            f.rule.clone(),
            f.file,
            f.loc.map(|l| (l.start, l.end)),
            f.facet.clone(),
        )
    };
    let mut order: Vec<SpanKey> = Vec::new();
    let mut groups: crate::util::HashMap<_, Vec<&Finding>> = crate::util::HashMap::default();
    for f in findings {
        let k = key(f);
        let g = groups.entry(k.clone()).or_default();
        if g.is_empty() {
            order.push(k);
        }
        g.push(f);
    }
    let mut out = Vec::with_capacity(findings.len());
    for k in order {
        let g = &groups[&k];
        // The findings of the first instance stand for the group (one block may have several
        // findings on one span: different problems); the other instances are named.
        let first = g
            .iter()
            .find(|f| f.resource.is_some())
            .map(|f| f.resource.clone())
            .unwrap_or(None);
        let mut others: Vec<&str> = Vec::new();
        for f in g {
            if let Some(r) = f.resource.as_deref() {
                if Some(r) != first.as_deref() && !others.contains(&r) {
                    others.push(r);
                }
            }
        }
        for f in g.iter().filter(|f| f.resource == first) {
            let mut x = (*f).clone();
            // In the message, so every format shows it (not all have notes).
            if !others.is_empty() {
                let mut all = vec![first.as_deref().unwrap_or("")];
                all.extend(others.iter().copied());
                x.message = format!("{} (for {})", x.message, all.join(", "));
            }
            for o in g.iter().filter(|o| o.resource != first) {
                for n in &o.notes {
                    if !x.notes.contains(n) {
                        x.notes.push(n.clone());
                    }
                }
            }
            out.push(x);
        }
    }
    std::borrow::Cow::Owned(out)
}

pub fn render_with(format: Format, report: &Report, style: &HumanStyle, extra: &Extra) -> String {
    if format != Format::Json {
        let findings = grouped(report.findings);
        let r = Report {
            findings: &findings,
            ..*report
        };
        return render_grouped(format, &r, style, extra);
    }
    // JSON keeps one entry per instance, but not the standalone copy of a policy file that a
    // resource also reads.
    let with_resource: crate::util::HashSet<_> = report
        .findings
        .iter()
        .filter(|f| f.resource.is_some())
        .map(|f| (f.rule.clone(), f.file, f.loc.map(|l| (l.start, l.end))))
        .collect();
    let standalone = |f: &Finding| {
        f.resource.is_none()
            && with_resource.contains(&(f.rule.clone(), f.file, f.loc.map(|l| (l.start, l.end))))
    };
    // Copied only when some finding is left out.
    let findings: std::borrow::Cow<[Finding]> =
        match with_resource.is_empty() || !report.findings.iter().any(standalone) {
            true => std::borrow::Cow::Borrowed(report.findings),
            false => report
                .findings
                .iter()
                .filter(|f| !standalone(f))
                .cloned()
                .collect(),
        };
    let r = Report {
        findings: &findings,
        ..*report
    };
    render_grouped(format, &r, style, extra)
}

fn render_grouped(format: Format, report: &Report, style: &HumanStyle, extra: &Extra) -> String {
    match format {
        Format::Human => human::render(report, style),
        Format::Json => json::render_with(report, extra),
        Format::Compact => compact::render(report),
        Format::Sarif => sarif::render(report, extra),
        Format::Junit => junit::render(report),
        Format::Github => github::render(report),
        Format::Gitlab => gitlab::render(report),
        Format::Checkstyle => checkstyle::render(report),
        Format::Markdown => markdown::render(report),
    }
}

/// 1-based column in UTF-16 code units of a byte offset (SARIF's default `columnKind`).
pub fn utf16_column(file: &SourceFile, offset: usize) -> usize {
    let mut offset = offset.min(file.text.len());
    while !file.text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = file.line_col(offset).line;
    let start = file.line_start(line).min(offset);
    file.text[start..offset]
        .chars()
        .map(char::len_utf16)
        .sum::<usize>()
        + 1
}

/// Escape text for XML attribute values and character data. Characters XML 1.0 cannot carry
/// (most control characters) are replaced, so a strict parser accepts every report.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_hash_is_that_of_the_key_put_together() {
        let key = |rule: &str, display: &str, span: Option<(u32, u32)>| {
            let span = span.map(|(s, e)| format!("{s}-{e}")).unwrap_or_default();
            let key = format!("{rule}\0{display}\0{span}");
            crate::baseline::fnv1a(0xcbf2_9ce4_8422_2325, key.as_bytes())
        };
        let spans = [
            None,
            Some((0, 0)),
            Some((0, 9)),
            Some((7, 10)),
            Some((99, 100)),
            Some((12345, 123456)),
            Some((u32::MAX - 1, u32::MAX)),
        ];
        for (rule, display) in [
            ("NET001", "infra/main.tf"),
            ("", ""),
            ("IAM004", "é/ü\0x.tf"),
        ] {
            for span in spans {
                assert_eq!(
                    location_hash(rule, display, span),
                    key(rule, display, span),
                    "{rule} {display} {span:?}"
                );
            }
        }
    }
}
