//! Inline suppressions in HCL files.
//!
//! - `# acslint:ignore CODE[,CODE] [until=YYYY-MM-DD] -- reason` alone on a line covers the block
//!   or attribute that starts on the next code line (the next line when nothing starts there);
//!   at the end of a line it covers that line.
//! - `# acslint:ignore-file CODE[,CODE] [until=…] -- reason` covers the whole file.
//! - `#checkov:skip=CKV_ALI_N[:reason]` inside a block covers that top-level block, for the
//!   rules whose `equivalents` name `checkov:CKV_ALI_N`.
//! - `# kics-scan ignore-line` covers the next line, `# kics-scan ignore-block` the next block,
//!   for every rule.
//!
//! `//` and `/* */` comments work like `#`. A reason is required for acslint directives (TF010);
//! malformed directives and unknown codes are TF011; expired ones stop working (TF012); directives
//! that silence nothing are TF013. Rules declared `ignorable = false` cannot be suppressed.

use crate::engine::finalize;
use crate::finding::Suppressed;
use crate::finding::{Emit, Finding};
use crate::i18n::tr;
use crate::rules::{Registry, Selection};
use crate::source::{FileId, FileKind, Loc, SourceFile, SourceMap};
use crate::util::HashMap;
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Rules emitted by this stage. Their findings are about the comments themselves and cannot be
/// suppressed inline.
pub const WITHOUT_REASON: &str = "TF010";
pub const INVALID: &str = "TF011";
pub const EXPIRED: &str = "TF012";
pub const UNUSED: &str = "TF013";

/// A calendar date, compared as (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub i32, pub u32, pub u32);

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: u32 = it.next()?.parse().ok()?;
        let d: u32 = it.next()?.parse().ok()?;
        if it.next().is_some() || s.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d)
        {
            return None;
        }
        Some(Date(y, m, d))
    }
    /// Today in UTC.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days((secs / 86_400) as i64)
    }
    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date(y, m, d)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

/// A comment in an HCL file: its byte span and its text without the comment markers.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Find the comments of an HCL file, skipping `#` and `//` inside strings, templates and
/// heredocs. Tolerant of broken input: it never fails, at worst it misses a comment.
pub fn comments(text: &str) -> Vec<Comment> {
    #[derive(PartialEq)]
    enum Ctx {
        Str,
        Interp(usize),
        Heredoc(String),
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<Ctx> = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        let c = b[i];
        match stack.last() {
            Some(Ctx::Str) => {
                match c {
                    b'\\' => i += 1,
                    b'"' => {
                        stack.pop();
                    }
                    b'\n' => {
                        // An unterminated string: resynchronise at the line end.
                        stack.pop();
                    }
                    b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                        if i > 0 && b[i - 1] == c {
                            // `$${` is an escaped literal.
                        } else {
                            stack.push(Ctx::Interp(0));
                            i += 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            Some(Ctx::Heredoc(delim)) => {
                if line_start {
                    let end = text[i..].find('\n').map(|n| i + n).unwrap_or(b.len());
                    if text[i..end].trim() == delim {
                        stack.pop();
                        i = end;
                        continue;
                    }
                }
                line_start = c == b'\n';
                if (c == b'$' || c == b'%') && b.get(i + 1) == Some(&b'{') {
                    stack.push(Ctx::Interp(0));
                    i += 2;
                    continue;
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // Code (top level or inside an interpolation).
        line_start = c == b'\n';
        match c {
            b'#' => {
                let end = text[i..].find('\n').map(|n| i + n).unwrap_or(b.len());
                out.push(Comment {
                    start: i,
                    end,
                    text: text[i + 1..end].trim_end_matches('\r').to_string(),
                });
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map(|n| i + n).unwrap_or(b.len());
                out.push(Comment {
                    start: i,
                    end,
                    text: text[i + 2..end].trim_end_matches('\r').to_string(),
                });
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map(|n| i + 2 + n + 2)
                    .unwrap_or(b.len());
                let inner_end = if end >= i + 4 && text[..end].ends_with("*/") {
                    end - 2
                } else {
                    end
                };
                out.push(Comment {
                    start: i,
                    end,
                    text: text[i + 2..inner_end].to_string(),
                });
                i = end;
            }
            b'"' => {
                stack.push(Ctx::Str);
                i += 1;
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                // `<<EOT` or `<<-EOT` up to the end of the line.
                let mut j = i + 2;
                if b.get(j) == Some(&b'-') {
                    j += 1;
                }
                let id_end = text[j..]
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .map(|n| j + n)
                    .unwrap_or(b.len());
                let rest_end = text[id_end..]
                    .find('\n')
                    .map(|n| id_end + n)
                    .unwrap_or(b.len());
                if id_end > j && text[id_end..rest_end].trim().is_empty() {
                    stack.push(Ctx::Heredoc(text[j..id_end].to_string()));
                    i = rest_end + 1;
                    line_start = true;
                } else {
                    i += 2;
                }
            }
            b'{' => {
                if let Some(Ctx::Interp(d)) = stack.last_mut() {
                    *d += 1;
                }
                i += 1;
            }
            b'}' => {
                match stack.last_mut() {
                    Some(Ctx::Interp(0)) => {
                        stack.pop();
                    }
                    Some(Ctx::Interp(d)) => *d -= 1,
                    _ => {}
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
pub enum Which {
    /// Rule codes as resolved from the directive.
    Rules(Vec<Arc<str>>),
    /// Every rule (kics).
    All,
}

#[derive(Clone, Debug)]
pub struct Directive {
    pub file: FileId,
    /// The comment.
    pub loc: Loc,
    /// How it was written, for messages: `acslint:ignore`, `checkov:skip`, `kics-scan ignore-line`.
    pub syntax: String,
    pub which: Which,
    /// Codes as written (for messages).
    pub written: Vec<String>,
    pub reason: Option<String>,
    pub until: Option<Date>,
    /// Covered lines (1-based, inclusive); `None` is the whole file.
    pub lines: Option<(usize, usize)>,
    /// Directives with a problem (no reason, expired) do not apply.
    pub active: bool,
    /// Rules it silenced at least once.
    pub hits: BTreeSet<Arc<str>>,
    /// Rules it silences only in some facets (a peer check that is one facet of a rule of
    /// ours: `checkov:CKV_ALI_15` is IAM018's `symbols`); other rules in `which` entirely.
    pub facets: Vec<(Arc<str>, String)>,
}

impl Directive {
    /// Whether the finding's facet is one this directive silences for its rule.
    fn covers_facet(&self, f: &Finding) -> bool {
        let mut limited = self.facets.iter().filter(|(r, _)| *r == f.rule).peekable();
        limited.peek().is_none()
            || f.facet
                .as_deref()
                .is_some_and(|x| limited.any(|(_, facet)| facet == x))
    }
}

/// Spans of every block and attribute, nested ones included.
fn structure_spans(body: &Body, out: &mut Vec<(std::ops::Range<usize>, bool)>) {
    for s in body.iter() {
        match s {
            Structure::Block(b) => {
                if let Some(sp) = b.span() {
                    out.push((sp, true));
                }
                structure_spans(&b.body, out);
            }
            Structure::Attribute(a) => {
                if let Some(sp) = a.span() {
                    out.push((sp, false));
                }
            }
        }
    }
}

struct FileScan<'a> {
    file: &'a SourceFile,
    spans: Vec<(std::ops::Range<usize>, bool)>,
    top_blocks: Vec<std::ops::Range<usize>>,
}

impl FileScan<'_> {
    fn line(&self, off: usize) -> usize {
        self.file.line_col(off).line
    }
    /// The first line after `line` holding code (not blank, not only a comment).
    fn next_code_line(&self, line: usize, comment_lines: &BTreeSet<usize>) -> Option<usize> {
        (line + 1..=self.file.line_count())
            .find(|l| !self.file.line_text(*l).trim().is_empty() && !comment_lines.contains(l))
    }
    /// Lines of the block or attribute starting on `line` (the outermost one), or the line.
    fn structure_at(&self, line: usize, blocks_only: bool) -> (usize, usize) {
        let start = self.file.line_start(line);
        let indent = self.file.line_text(line).len() - self.file.line_text(line).trim_start().len();
        let first = start + indent;
        self.spans
            .iter()
            .filter(|(sp, is_block)| sp.start == first && (*is_block || !blocks_only))
            .max_by_key(|(sp, _)| sp.end)
            .map(|(sp, _)| (line, self.line(sp.end.saturating_sub(1).max(sp.start))))
            .unwrap_or((line, line))
    }
    /// Lines of the top-level block around an offset.
    fn enclosing_block(&self, off: usize) -> Option<(usize, usize)> {
        self.top_blocks
            .iter()
            .find(|sp| sp.start <= off && off < sp.end)
            .map(|sp| (self.line(sp.start), self.line(sp.end.saturating_sub(1))))
    }
}

/// What a directive comment says, before scoping.
enum Parsed {
    Acslint {
        file_scope: bool,
        codes: Vec<String>,
        until: Option<Result<Date, String>>,
        reason: Option<String>,
    },
    Checkov {
        id: String,
        reason: Option<String>,
    },
    Kics {
        block: bool,
    },
    Malformed(String),
}

fn parse_comment(text: &str) -> Option<Parsed> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix("acslint:") {
        let (word, rest) = rest
            .split_once(|c: char| c.is_whitespace())
            .unwrap_or((rest, ""));
        let file_scope = match word {
            "ignore" => false,
            "ignore-file" => true,
            other => {
                return Some(Parsed::Malformed(tr!(
                    "unknown directive `acslint:{other}` (use `acslint:ignore` or `acslint:ignore-file`)",
                    other = other
                )))
            }
        };
        let (head, reason) = match rest.split_once("--") {
            Some((h, r)) => (h, Some(r.trim().to_string()).filter(|r| !r.is_empty())),
            None => (rest, None),
        };
        // A further `# …` after the codes is another comment, not part of the directive.
        let head = head.split('#').next().unwrap_or("");
        let mut codes = Vec::new();
        let mut until = None;
        for tok in head.split(|c: char| c.is_whitespace() || c == ',') {
            if tok.is_empty() {
                continue;
            }
            if let Some(d) = tok.strip_prefix("until=") {
                until = Some(Date::parse(d).ok_or_else(|| d.to_string()));
            } else {
                codes.push(tok.to_string());
            }
        }
        return Some(Parsed::Acslint {
            file_scope,
            codes,
            until,
            reason,
        });
    }
    if let Some(rest) = t.strip_prefix("checkov:skip=") {
        let (id, reason) = match rest.split_once(':') {
            Some((id, r)) => (
                id.trim(),
                Some(r.trim().to_string()).filter(|r| !r.is_empty()),
            ),
            None => (rest.trim(), None),
        };
        return Some(Parsed::Checkov {
            id: id.to_string(),
            reason,
        });
    }
    if let Some(rest) = t.strip_prefix("kics-scan") {
        return match rest.split('#').next().unwrap_or("").trim() {
            "ignore-line" => Some(Parsed::Kics { block: false }),
            "ignore-block" => Some(Parsed::Kics { block: true }),
            // Other kics directives (file-level `ignore`, `disable=<uuid>`) name kics queries by
            // id, which map to nothing here.
            _ => None,
        };
    }
    None
}

/// The closest code or name to a mistyped one, for "did you mean".
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let w = word.to_ascii_lowercase();
    candidates
        .map(|c| (levenshtein(&w, &c.to_ascii_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min()
        .map(|(_, c)| c.to_string())
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Directives of one HCL file, with the findings about them (TF010, TF011, TF012).
pub fn directives(reg: &Registry, file: &SourceFile, today: Date) -> (Vec<Directive>, Vec<Emit>) {
    let mut out = Vec::new();
    let mut emits = Vec::new();
    if !matches!(file.kind, FileKind::Hcl | FileKind::Tfvars) {
        return (out, emits);
    }
    // Every directive starts with one of these: most files hold none, and a substring search
    // is much cheaper than finding their comments.
    if !["acslint:", "checkov:skip=", "kics-scan"]
        .iter()
        .any(|m| file.text.contains(m))
    {
        return (out, emits);
    }
    let cs = comments(&file.text);
    // Parse the file for structure spans only when it holds a directive: most comments are not.
    if !cs.iter().any(|c| parse_comment(&c.text).is_some()) {
        return (out, emits);
    }
    let mut scan = FileScan {
        file,
        spans: Vec::new(),
        top_blocks: Vec::new(),
    };
    if let Ok(body) = hcl_edit::parser::parse_body(&file.text) {
        structure_spans(&body, &mut scan.spans);
        scan.top_blocks = body
            .iter()
            .filter_map(|s| match s {
                Structure::Block(b) => b.span(),
                _ => None,
            })
            .collect();
    }
    // Lines that hold only a comment: skipped when looking for "the code below".
    let comment_lines: BTreeSet<usize> = cs
        .iter()
        .filter(|c| {
            let l = scan.line(c.start);
            file.text[file.line_start(l)..c.start].trim().is_empty()
        })
        .map(|c| scan.line(c.start))
        .collect();
    for c in &cs {
        let Some(parsed) = parse_comment(&c.text) else {
            continue;
        };
        let loc = Loc::new(file.id, c.start..c.end);
        let line = scan.line(c.start);
        let own_line = comment_lines.contains(&line);
        let below = |blocks_only: bool| {
            scan.next_code_line(line, &comment_lines)
                .map(|l| scan.structure_at(l, blocks_only))
        };
        let invalid = |msg: String| {
            Emit::new(INVALID, file.id, Some(loc))
                .field("reason", msg)
                .label(tr!("this suppression"))
        };
        match parsed {
            Parsed::Malformed(msg) => emits.push(invalid(msg)),
            Parsed::Acslint {
                file_scope,
                codes,
                until,
                reason,
            } => {
                let syntax = if file_scope {
                    "acslint:ignore-file"
                } else {
                    "acslint:ignore"
                };
                if codes.is_empty() {
                    emits.push(invalid(tr!(
                        "`{syntax}` names no rule: write the codes to suppress, e.g. `# {syntax} RAM001 -- reason`",
                        syntax = syntax
                    )));
                    continue;
                }
                let mut rules = Vec::new();
                let mut bad = false;
                for code in &codes {
                    match reg.find(code) {
                        Some(r) if !r.ignorable => {
                            bad = true;
                            emits.push(invalid(tr!(
                                "{code} ({name}) cannot be suppressed",
                                code = r.id,
                                name = r.name
                            )));
                        }
                        Some(r) => rules.push(r.id.clone()),
                        None => {
                            bad = true;
                            let hint = did_you_mean(
                                code,
                                reg.rules()
                                    .iter()
                                    .map(|r| &*r.id)
                                    .chain(reg.rules().iter().map(|r| &*r.name)),
                            )
                            .map(|s| tr!(" (did you mean {s}?)", s = s))
                            .unwrap_or_default();
                            emits.push(invalid(tr!(
                                "unknown rule `{code}`{hint}",
                                code = code,
                                hint = hint
                            )));
                        }
                    }
                }
                let until = match until {
                    Some(Ok(d)) => Some(d),
                    Some(Err(raw)) => {
                        emits.push(invalid(tr!(
                            "`until={raw}` is not a date: write `until=YYYY-MM-DD`",
                            raw = raw
                        )));
                        continue;
                    }
                    None => None,
                };
                if rules.is_empty() {
                    continue;
                }
                let shown = codes.join(",");
                let _ = bad;
                let mut active = true;
                if reason.is_none() {
                    active = false;
                    emits.push(
                        Emit::new(WITHOUT_REASON, file.id, Some(loc))
                            .field("codes", shown.clone())
                            .field("syntax", syntax)
                            .label(tr!("no `-- reason`")),
                    );
                }
                if let Some(d) = until {
                    if d < today {
                        active = false;
                        emits.push(
                            Emit::new(EXPIRED, file.id, Some(loc))
                                .field("codes", shown.clone())
                                .field("until", d.to_string())
                                .label(tr!("expired on {d}", d = d)),
                        );
                    }
                }
                let lines = if file_scope {
                    None
                } else if own_line {
                    match below(false) {
                        Some(l) => Some(l),
                        None => Some((line, line)),
                    }
                } else {
                    Some((line, line))
                };
                out.push(Directive {
                    file: file.id,
                    loc,
                    syntax: syntax.into(),
                    which: Which::Rules(rules),
                    written: codes,
                    reason,
                    until,
                    lines,
                    active,
                    hits: BTreeSet::new(),
                    facets: Vec::new(),
                });
            }
            Parsed::Checkov { id, reason } => {
                let peer = format!("checkov:{id}");
                let mut rules: Vec<Arc<str>> = Vec::new();
                let mut facets: Vec<(Arc<str>, String)> = Vec::new();
                for r in reg.rules().iter().filter(|r| r.ignorable) {
                    let mut whole = false;
                    let mut some = Vec::new();
                    for eq in &r.equivalents {
                        match eq.split_once('#') {
                            Some((p, facet)) if p == peer => some.push(facet.to_string()),
                            None if *eq == peer => whole = true,
                            _ => {}
                        }
                    }
                    if whole || !some.is_empty() {
                        rules.push(r.id.clone());
                    }
                    if !whole {
                        facets.extend(some.into_iter().map(|f| (r.id.clone(), f)));
                    }
                }
                if rules.is_empty() {
                    // A check of another provider or one we do not cover: nothing to do here.
                    continue;
                }
                let lines = scan
                    .enclosing_block(c.start)
                    .or_else(|| below(true))
                    .unwrap_or((line, line));
                out.push(Directive {
                    file: file.id,
                    loc,
                    syntax: "checkov:skip".into(),
                    which: Which::Rules(rules),
                    written: vec![id],
                    reason,
                    until: None,
                    lines: Some(lines),
                    active: true,
                    hits: BTreeSet::new(),
                    facets,
                });
            }
            Parsed::Kics { block } => {
                let lines = if block {
                    below(true)
                } else {
                    scan.next_code_line(line, &comment_lines).map(|l| (l, l))
                };
                let Some(lines) = lines else { continue };
                out.push(Directive {
                    file: file.id,
                    loc,
                    syntax: if block {
                        "kics-scan ignore-block".into()
                    } else {
                        "kics-scan ignore-line".into()
                    },
                    which: Which::All,
                    written: Vec::new(),
                    reason: None,
                    until: None,
                    lines: Some(lines),
                    active: true,
                    hits: BTreeSet::new(),
                    facets: Vec::new(),
                });
            }
        }
    }
    (out, emits)
}

/// True for the rules of this stage, whose findings are about suppressions themselves.
pub fn is_own_rule(code: &str) -> bool {
    [WITHOUT_REASON, INVALID, EXPIRED, UNUSED].contains(&code)
}

/// The result of applying suppressions.
pub struct Applied {
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
}

/// Apply inline suppressions to findings. `enabled(file, rule)` says whether a rule ran for a
/// file (a directive is "unused" only for rules that ran); `allow(file)` whether the file's
/// suppression comments are honoured. Findings of the suppression rules
/// (TF010–TF013) are added when those rules are enabled.
pub fn apply(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    findings: Vec<Finding>,
    today: Date,
    enabled: &dyn Fn(FileId, &str) -> bool,
    allow: &(dyn Fn(FileId) -> bool + Sync),
) -> Applied {
    use rayon::prelude::*;
    // Every file's comments are scanned: in parallel, merged in file order.
    let found: Vec<(Vec<Directive>, Vec<Emit>)> = sources
        .files()
        .par_iter()
        .filter(|f| allow(f.id))
        .map(|f| directives(reg, f, today))
        .collect();
    let mut dirs: Vec<Directive> = Vec::new();
    let mut emits: Vec<Emit> = Vec::new();
    for (d, e) in found {
        dirs.extend(d);
        emits.extend(e);
    }
    // Directives by file, so each finding looks only at its own file's.
    let mut by_file: HashMap<FileId, Vec<usize>> = HashMap::default();
    for (i, d) in dirs.iter().enumerate() {
        by_file.entry(d.file).or_default().push(i);
    }
    let mut suppressed = Vec::new();
    // Without a directive nothing is silenced: the findings stay where they are.
    let (mut kept, findings) = match dirs.is_empty() {
        true => (findings, Vec::new()),
        false => (Vec::with_capacity(findings.len()), findings),
    };
    for f in findings {
        // Only a file with directives has anything to look up.
        let ids = by_file.get(&f.file);
        let ignorable =
            ids.is_some() && reg.is_ignorable(&f.rule).unwrap_or(true) && !is_own_rule(&f.rule);
        let line = || {
            f.loc
                .map(|l| sources.get(f.file).line_col(l.start as usize).line)
                .unwrap_or(1)
        };
        let hit = ignorable.then_some(ids).flatten().and_then(|ids| {
            let line = line();
            ids.iter().copied().find(|&i| {
                let d = &dirs[i];
                d.active
                    && d.lines.is_none_or(|(a, b)| a <= line && line <= b)
                    && match &d.which {
                        Which::All => true,
                        Which::Rules(r) => r.contains(&f.rule) && d.covers_facet(&f),
                    }
            })
        });
        match hit.map(|i| &mut dirs[i]) {
            Some(d) => {
                d.hits.insert(f.rule.clone());
                let dl = sources.get(d.file).line_col(d.loc.start as usize).line;
                suppressed.push(Suppressed {
                    finding: f,
                    by: format!("{} (line {dl})", d.syntax),
                    reason: d.reason.clone(),
                });
            }
            None => kept.push(f),
        }
    }
    for d in &dirs {
        if !d.active {
            continue;
        }
        let unused: Vec<String> = match &d.which {
            Which::All => {
                let any_ran = reg
                    .ids()
                    .iter()
                    .any(|id| !is_own_rule(id) && enabled(d.file, id));
                if d.hits.is_empty() && any_ran {
                    vec!["every rule".into()]
                } else {
                    Vec::new()
                }
            }
            // A peer's skip names one check of theirs: it is used when any rule of ours that
            // covers that check was silenced.
            Which::Rules(_) if d.syntax == "checkov:skip" && !d.hits.is_empty() => Vec::new(),
            Which::Rules(rules) => rules
                .iter()
                .filter(|r| enabled(d.file, r) && !d.hits.contains(*r))
                .map(|r| r.to_string())
                .collect(),
        };
        if !unused.is_empty() {
            emits.push(
                Emit::new(UNUSED, d.file, Some(d.loc))
                    .field("codes", unused.join(","))
                    .field("syntax", d.syntax.clone())
                    .label(tr!("suppresses nothing")),
            );
        }
    }
    let mut texts = crate::engine::Rendered::default();
    for e in emits {
        if !enabled(e.file, e.rule) {
            continue;
        }
        if let Some(rule) = reg.get(e.rule) {
            kept.push(finalize(rule, sel, e, &mut texts));
        }
    }
    Applied {
        findings: kept,
        suppressed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_skip_strings_and_heredocs() {
        let t = "a = \"x # no\" # yes1\nb = <<EOT\n# no\n${x} // no\nEOT\n// yes2\nc = \"${f(\"#no\")}\" /* yes3 */\n";
        let cs: Vec<String> = comments(t).into_iter().map(|c| c.text).collect();
        assert_eq!(cs, vec![" yes1", " yes2", " yes3 "]);
    }

    #[test]
    fn dates() {
        assert_eq!(Date::from_days(0), Date(1970, 1, 1));
        assert_eq!(Date::from_days(20_454), Date(2026, 1, 1));
        assert_eq!(Date::parse("2026-12-31"), Some(Date(2026, 12, 31)));
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("26-1-1"), None);
        assert!(Date(2025, 12, 31) < Date(2026, 1, 1));
    }

    #[test]
    fn directive_parsing() {
        match parse_comment(" acslint:ignore RAM001, RAM004 until=2026-12-31 -- legacy role") {
            Some(Parsed::Acslint {
                file_scope,
                codes,
                until,
                reason,
            }) => {
                assert!(!file_scope);
                assert_eq!(codes, vec!["RAM001", "RAM004"]);
                assert_eq!(until, Some(Ok(Date(2026, 12, 31))));
                assert_eq!(reason.as_deref(), Some("legacy role"));
            }
            _ => panic!("not parsed"),
        }
        assert!(matches!(
            parse_comment("checkov:skip=CKV_ALI_1:why"),
            Some(Parsed::Checkov { .. })
        ));
        assert!(matches!(
            parse_comment(" kics-scan ignore-block"),
            Some(Parsed::Kics { block: true })
        ));
        assert!(matches!(
            parse_comment(" acslint:ignroe X"),
            Some(Parsed::Malformed(_))
        ));
        assert!(parse_comment(" just a comment").is_none());
        assert_eq!(levenshtein("RAM01", "RAM001"), 1);
    }
}
