//! The versioned JSON report (documented in the README).

use super::{Extra, Report};
use crate::finding::Finding;
use serde::Serialize;
use serde_json::{Map, Value};

pub const JSON_VERSION: u32 = 1;

pub fn render(r: &Report) -> String {
    render_with(r, &Extra::new(crate::rules::Registry::builtin()))
}

/// One finding as the report writes it (field order is the documented order). Borrowed and
/// serialised directly: building `serde_json::Value` trees cost ~10 µs per finding.
#[derive(Serialize)]
struct Row<'a> {
    rule: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    /// `null` when no published page exists for this version (`acslint explain CODE`).
    url: Option<&'a str>,
    file: &'a str,
    range: Range,
    resource: Option<&'a str>,
    pointer: Option<&'a str>,
    /// Shared by the findings of one source location (module calls, instances), to group them.
    location: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    facet: Option<&'a str>,
    /// Secondary spans that explain the finding ("value set here" at a variable default, a
    /// tfvars line or a local); absent when there are none, so other findings keep their bytes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<LabelRow<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    /// What a plan does to the finding (findings from plans only).
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<&'a crate::finding::Change>,
    /// What `--fix` can do (not the baseline's `fixed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    autofix: Option<Autofix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Option<&'a str>>,
}

#[derive(Serialize)]
struct Autofix<'a> {
    safety: &'static str,
    description: &'a str,
    edits: Vec<EditRow<'a>>,
}

/// A replacement of `range` (empty: an insertion at its start) by `content`.
#[derive(Serialize)]
struct EditRow<'a> {
    file: &'a str,
    range: Range,
    content: &'a str,
}

fn autofix<'a>(r: &'a Report, f: &'a Finding) -> Option<Autofix<'a>> {
    let x = f.fix.as_ref()?;
    Some(Autofix {
        safety: x.safety.as_str(),
        description: &x.description,
        edits: x
            .edits
            .iter()
            .map(|e| {
                let file = r.sources.get(e.loc.file);
                EditRow {
                    file: file.portable_path(),
                    range: Range {
                        start: file.line_col(e.loc.start as usize),
                        end: file.line_col(e.loc.end as usize),
                    },
                    content: &e.text,
                }
            })
            .collect(),
    })
}

/// A secondary label: where, in which file (the same path base as `file`), and what it says.
#[derive(Serialize)]
struct LabelRow<'a> {
    file: &'a str,
    range: Range,
    message: &'a str,
}

fn labels<'a>(r: &'a Report, f: &'a Finding) -> Vec<LabelRow<'a>> {
    f.secondary
        .iter()
        .map(|l| {
            let file = r.sources.get(l.loc.file);
            LabelRow {
                file: file.portable_path(),
                range: Range {
                    start: file.line_col(l.loc.start as usize),
                    end: file.line_col(l.loc.end as usize),
                },
                message: &l.text,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Range {
    start: crate::source::LineCol,
    end: crate::source::LineCol,
}

fn row<'a>(r: &'a Report, f: &'a Finding) -> Row<'a> {
    let (start, end) = r.range(f);
    Row {
        rule: &f.rule,
        name: &f.name,
        severity: f.severity.as_str(),
        message: &f.message,
        help: f.help.as_deref(),
        url: f.url.as_deref(),
        file: r.sources.get(f.file).portable_path(),
        range: Range { start, end },
        resource: f.resource.as_deref(),
        pointer: f.pointer.as_deref(),
        location: super::location_id(r.sources, f),
        facet: f.facet.as_deref(),
        labels: labels(r, f),
        notes: &f.notes,
        change: f.change.as_deref(),
        autofix: autofix(r, f),
        suppressed_by: None,
        reason: None,
    }
}

/// Put the findings into `out`, the pretty-printed document with an empty `findings` array,
/// byte for byte where `to_writer_pretty` of the whole document would write them: each row is
/// pretty-printed on its own, on the analysis threads (printing them in one pass was the
/// longest serial step of a corpus run), and indented to the array's depth (strings are
/// escaped, so every line break in a row is the printer's). Rows are made and printed a batch
/// at a time, so that a report of 300k findings does not hold every printed row twice.
fn splice_findings<'a>(
    out: &mut Vec<u8>,
    findings: &'a [Finding],
    row: impl Fn(&'a Finding) -> Row<'a> + Sync,
    size: usize,
) -> serde_json::Result<()> {
    use rayon::prelude::*;
    // The first field holding a list after `version` and `tool`, which hold no input.
    const EMPTY: &[u8] = b"\n  \"findings\": []";
    if findings.is_empty() {
        return Ok(());
    }
    let Some(at) = out.windows(EMPTY.len()).position(|w| w == EMPTY) else {
        return Err(serde::ser::Error::custom("no findings array"));
    };
    let tail = out.split_off(at + EMPTY.len() - 1);
    out.push(b'\n');
    for (i, batch) in findings.chunks(4096).enumerate() {
        // Each row indented where it is printed: copying them all in one pass, line by line,
        // was a serial step of its own.
        let printed: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|f| {
                let mut v = Vec::with_capacity(1024);
                serde_json::to_writer_pretty(&mut v, &row(f))?;
                let lines = crate::bytes::count(b'\n', &v);
                let mut o = Vec::with_capacity(v.len() + 4 * (lines + 1));
                o.extend_from_slice(b"    ");
                let mut from = 0;
                for nl in crate::bytes::positions(b'\n', &v) {
                    o.extend_from_slice(&v[from..=nl]);
                    o.extend_from_slice(b"    ");
                    from = nl + 1;
                }
                o.extend_from_slice(&v[from..]);
                Ok(o)
            })
            .collect::<serde_json::Result<_>>()?;
        // Sized once for the batch, and for the first at least to `size` (growing a buffer of
        // hundreds of megabytes copies it at each doubling); the first batch is reserved when
        // the buffer holds the document's head only, so no large buffer is copied.
        let need = printed.iter().map(|v| v.len() + 2).sum::<usize>() + tail.len() + 4;
        out.reserve(match i {
            0 => need.max(size),
            _ => need,
        });
        for (j, v) in printed.iter().enumerate() {
            if i > 0 || j > 0 {
                out.extend_from_slice(b",\n");
            }
            out.extend_from_slice(v);
        }
    }
    out.extend_from_slice(b"\n  ");
    out.extend_from_slice(&tail);
    Ok(())
}

#[derive(Serialize)]
struct Unknown<'a> {
    rule: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    resource: Option<&'a str>,
    reason: &'a str,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    findings: usize,
    by_severity: Map<String, Value>,
    by_rule: Vec<super::RuleCount>,
    /// Findings with a fix, by safety, and how many `--fix` fixed; absent when all are zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    autofix: Option<AutofixSummary>,
}

#[derive(Serialize)]
struct AutofixSummary {
    safe: usize,
    r#unsafe: usize,
    applied: usize,
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    tool: Tool,
    findings: Vec<Row<'a>>,
    unknown: Vec<Unknown<'a>>,
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Vec<Row<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<Value>,
    /// Findings of the state before a plan that the plan removes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixed_by_plan: Vec<Row<'a>>,
}

/// The report; with `extra`, findings silenced by suppressions (`suppressed`, when any) and
/// baseline entries that no longer match (`fixed`, when a baseline was given).
pub fn render_with(r: &Report, extra: &Extra) -> String {
    let mut by = Map::new();
    for (sev, n) in r.by_severity().into_iter().rev() {
        by.insert(sev.as_str().into(), n.into());
    }
    use rayon::prelude::*;
    // On the analysis threads: a file's portable path is looked for on first use.
    let unknown = r
        .unknowns
        .par_iter()
        .map(|u| {
            let file = r.sources.get(u.file);
            let start = u.loc.map(|l| file.line_col(l.start as usize));
            Unknown {
                rule: &u.rule,
                file: file.portable_path(),
                line: start.map(|s| s.line),
                column: start.map(|s| s.column),
                resource: u.address.as_deref(),
                reason: &u.reason,
            }
        })
        .collect();
    let doc = Doc {
        version: JSON_VERSION,
        tool: Tool {
            name: "acslint",
            version: env!("CARGO_PKG_VERSION"),
        },
        // Written below, on the analysis threads.
        findings: Vec::new(),
        unknown,
        summary: Summary {
            files: r.files,
            findings: r.findings.len(),
            by_severity: by,
            by_rule: r.by_rule(),
            autofix: {
                let (safe, unsafe_) = r.fixable();
                (safe + unsafe_ + extra.autofixed > 0).then_some(AutofixSummary {
                    safe,
                    r#unsafe: unsafe_,
                    applied: extra.autofixed,
                })
            },
        },
        suppressed: (!extra.suppressed.is_empty()).then(|| {
            extra
                .suppressed
                .iter()
                .map(|s| Row {
                    suppressed_by: Some(&s.by),
                    reason: Some(s.reason.as_deref()),
                    ..row(r, &s.finding)
                })
                .collect()
        }),
        fixed: extra
            .baseline
            .then(|| serde_json::to_value(extra.fixed).unwrap_or_default()),
        fixed_by_plan: extra.plan_fixed.iter().map(|f| row(r, f)).collect(),
    };
    // Sized once, from what most of it is (each row's texts and ~600 bytes of keys, numbers and
    // indentation), when the findings are put in (a buffer sized here, too small, was copied
    // whole, untouched pages included, when the rows were found to need more).
    let size: usize = r
        .findings
        .iter()
        .map(|f| 600 + f.message.len() + f.help.as_ref().map_or(0, |h| h.len()))
        .sum();
    let mut out = Vec::new();
    if serde_json::to_writer_pretty(&mut out, &doc).is_err()
        || splice_findings(&mut out, r.findings, |f| row(r, f), size + 4096).is_err()
    {
        out.clear();
    }
    out.push(b'\n');
    // serde_json writes UTF-8; the check is a fraction of writing it.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Autofix, Edit, Label, Safety, Severity, UnknownNote};
    use crate::source::{FileKind, Loc, SourceMap};

    /// The findings printed row by row and spliced in are the bytes `to_writer_pretty` writes
    /// for the whole document: with none, one, and more than a batch of findings, with every
    /// optional field, line breaks, quotes and non-ASCII text in their strings.
    #[test]
    fn findings_printed_apart_are_the_whole_document() {
        let mut sources = SourceMap::default();
        let text = "resource \"a\" \"b\" {\n  x = \"é\"\n}\n";
        let id = sources.add(
            "m/main.tf".into(),
            "m/main.tf".into(),
            FileKind::Hcl,
            text.into(),
        );
        let finding = |i: usize| Finding {
            rule: format!("R{:03}", i % 7).into(),
            name: "some-rule".into(),
            severity: Severity::High,
            message: format!("line one\nline \"two\" é {i}"),
            help: (i % 2 == 0).then(|| "help\twith tab".into()),
            url: (i % 3 == 0).then(|| "https://example.com".into()),
            file: id,
            loc: (i % 5 != 0).then(|| Loc::new(id, 20..27)),
            label: Some("label".into()),
            secondary: match i % 4 {
                0 => vec![Label {
                    loc: Loc::new(id, 2..4),
                    text: "value set here".into(),
                }],
                _ => Vec::new(),
            },
            resource: Some("a.b".into()),
            pointer: (i % 6 == 0).then(|| "/Statement/0".into()),
            notes: match i % 3 {
                1 => vec!["a note\nover two lines".into()],
                _ => Vec::new(),
            },
            facet: (i % 8 == 0).then(|| "facet".into()),
            change: None,
            fix: (i % 2 == 1).then(|| {
                Box::new(Autofix {
                    safety: Safety::Safe,
                    description: "set x".into(),
                    edits: vec![Edit {
                        loc: Loc::new(id, 24..27),
                        text: "\"y\"\n".into(),
                    }],
                })
            }),
        };
        let unknowns = vec![UnknownNote {
            rule: "R001".into(),
            file: id,
            loc: Some(Loc::new(id, 0..8)),
            address: Some("a.b".into()),
            reason: "not known".into(),
        }];
        let reg = crate::rules::Registry::builtin();
        for n in [0, 1, 2, 4097] {
            let findings: Vec<Finding> = (0..n).map(finding).collect();
            let r = Report {
                sources: &sources,
                findings: &findings,
                unknowns: &unknowns,
                files: 1,
            };
            let extra = Extra::new(reg);
            let got = render_with(&r, &extra);
            // The reference: the document read back (keys keep their order), its findings
            // replaced by the rows, and printed again in one pass.
            let mut want: Value = serde_json::from_str(&got).unwrap();
            let rows: Vec<Row> = findings.iter().map(|f| row(&r, f)).collect();
            want["findings"] = serde_json::to_value(&rows).unwrap();
            let whole = serde_json::to_string_pretty(&want).unwrap() + "\n";
            assert_eq!(got, whole, "{n} findings");
        }
    }
}
