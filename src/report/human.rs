//! The default human rendering, through miette's graphical handler.

use super::{HumanStyle, Report};
use crate::finding::{Finding, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// Lines longer than this are shown as a window around the span (a minified plan is one line of
/// many kilobytes; printing it for every finding would flood the output).
const LONG_LINE: usize = 1_000;
/// Characters of context on each side of the span in a window, and the most of the span shown.
const WINDOW_CONTEXT: usize = 60;
const WINDOW_SPAN: usize = 120;

/// A window of one long line: positions are reported as in the whole file.
struct Window {
    name: String,
    text: String,
    /// 0-based line of the window in the file.
    line: usize,
    /// Added to the window's columns to give the file's.
    column: usize,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let c = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            c.data(),
            *c.span(),
            c.line() + self.line,
            c.column() + self.column,
            c.line_count(),
        )))
    }
}

/// A whole file, read from the lines around a span: what `NamedSource` over the file's text
/// shows, without copying the text for each finding nor reading it from its start on each call
/// (a document with 300k findings made that quadratic). The line index says where the context
/// starts; the contents are miette's own for the text from there, moved to the file's lines and
/// offsets.
struct Lines<'a> {
    name: &'a str,
    text: &'a str,
    /// [`crate::source::SourceFile::line_starts`]: lines end at `\n`, as for miette when no `\r`
    /// stands alone (`lines_as_miette`).
    starts: &'a [usize],
}

/// Whether miette counts `text`'s lines as the line index does: it also ends a line at a lone
/// `\r`.
fn lines_as_miette(text: &str) -> bool {
    text.split('\r').skip(1).all(|rest| rest.starts_with('\n'))
}

impl SourceCode for Lines<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let at = span.offset();
        // The span's line is the number of line ends before `at`; the context starts `before`
        // lines above it (miette counts those from the file's start: the same lines).
        let line = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        // An empty span ends, for miette, at the byte before it: start a line earlier so that
        // byte is read too.
        let first = line.saturating_sub(before.max(usize::from(span.is_empty())));
        let base = self.starts.get(first).copied().unwrap_or(0).min(at);
        let input = &self.text.as_bytes()[base..];
        let c =
            context(input, at - base, span.len(), before, after).ok_or(MietteError::OutOfBounds)?;
        // `line_count` counts line ends from the start of what was read: the file's, as miette
        // would (it decides whether two labels' contexts join).
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.to_string(),
                &input[c.start..c.end],
                SourceSpan::new((c.start + base).into(), c.end - c.start),
                c.line + first,
                c.column,
                c.line_count + first,
            )
            .with_language("hcl"),
        ))
    }
}

/// What miette reads around a span (see [`context`]): `input[start..end]`, the line and column
/// it starts at and the line ends counted on the way.
#[derive(Debug, PartialEq)]
struct Context {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    line_count: usize,
}

/// miette's reading of a span with `before` and `after` lines of context from `input` (its
/// `context_info` for bytes, 7.6), a run of bytes between line ends at a time instead of each
/// byte with its own tests: the report reads a few lines around each label. `None` where
/// miette says `OutOfBounds`.
fn context(input: &[u8], o: usize, len: usize, before: usize, after: usize) -> Option<Context> {
    // The span's last byte (the byte before an empty span); miette compares line ends after
    // the span with `o + len - 1`, which differs only for an empty span, and then only for a
    // line end before `o`, which the first branch below takes.
    let e = (o + len).saturating_sub(1);
    let (mut line_count, mut start_line, mut column) = (0, 0, 0);
    // The starts of the lines that ended before the span, the last `before` of them kept.
    let mut starts: Vec<usize> = Vec::new();
    let (mut line_start, mut end_lines) = (0, 0);
    let (mut post_span, mut got_newline) = (false, false);
    let mut i = 0;
    let end = loop {
        let j = crate::bytes::find2(b'\r', b'\n', &input[i..]).map_or(input.len(), |k| i + k);
        // The bytes up to the first at or after `e`, where reading may stop.
        let stop = e.max(i);
        let last = if stop < j { stop + 1 } else { j };
        column += o.min(last).saturating_sub(i);
        if stop < j {
            post_span = true;
            if end_lines >= after {
                break stop + 1;
            }
        }
        if j == input.len() {
            break j;
        }
        // A line end: `\r\n` is one, read at its `\n`.
        line_count += 1;
        let p = if input[j] == b'\r' && input.get(j + 1) == Some(&b'\n') {
            j + 1
        } else {
            j
        };
        if p < o {
            column = 0;
            starts.push(line_start);
            if starts.len() > before {
                start_line += 1;
                starts.remove(0);
            }
        } else if p >= e && post_span {
            column = 0;
            if got_newline {
                end_lines += 1;
            } else {
                got_newline = true;
            }
            if end_lines >= after {
                break p + 1;
            }
        }
        line_start = p + 1;
        if p >= e {
            post_span = true;
            if end_lines >= after {
                break p + 1;
            }
        }
        i = p + 1;
    };
    (end >= e).then(|| {
        let start = starts
            .first()
            .copied()
            .unwrap_or(if before == 0 { o } else { 0 });
        Context {
            start,
            end,
            line: start_line,
            column: if before == 0 { column } else { 0 },
            line_count,
        }
    })
}

enum Src<'a> {
    Whole(NamedSource<String>),
    Lines(Lines<'a>),
    Window(Window),
}

struct Diag<'a> {
    f: &'a Finding,
    /// The message and help as [`fill`] wrapped them, for a handler that does not wrap.
    filled: Option<(String, Option<String>)>,
    src: Src<'a>,
    /// Offsets in `src` are the finding's less `.0`, plus `.1`.
    shift: (usize, usize),
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
        match &self.filled {
            Some((message, _)) => f.write_str(message),
            None => f.write_str(&self.f.message),
        }
    }
}

impl Diag<'_> {
    /// The header's code: severity, rule and name.
    fn push_code(&self, out: &mut String) {
        for s in [
            self.f.severity.as_str(),
            " ",
            &self.f.rule,
            "(",
            &self.f.name,
            ")",
        ] {
            out.push_str(s);
        }
        // No published page for this build: the command that prints it stands in, once per
        // rule like the link (it is not a URI, so it cannot be the link itself).
        if self.show_url && self.f.url.is_none() {
            out.push_str(" (");
            out.push_str(&crate::rules::docs_pointer(&self.f.rule, None));
            out.push(')');
        }
    }

    /// The help miette shows under the snippet: the plan's change, the rule's help, the notes.
    fn help_text(&self) -> Option<String> {
        let mut h = String::new();
        if let Some(c) = &self.f.change {
            h.push_str("plan: ");
            h.push_str(&c.describe());
            h.push('\n');
        }
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
        (!h.is_empty()).then_some(h)
    }
}
impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let mut code = String::new();
        self.push_code(&mut code);
        Some(Box::new(code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.f.severity {
            Severity::Critical | Severity::High => miette::Severity::Error,
            Severity::Medium | Severity::Low => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let h = match &self.filled {
            Some((_, help)) => help.clone(),
            None => self.help_text(),
        };
        h.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let url = self.f.url.as_deref().filter(|_| self.show_url)?;
        Some(Box::new(url) as Box<dyn fmt::Display + 'a>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        if !self.has_source {
            return None;
        }
        Some(match &self.src {
            Src::Whole(s) => s as &dyn SourceCode,
            Src::Lines(s) => s as &dyn SourceCode,
            Src::Window(w) => w as &dyn SourceCode,
        })
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.has_source {
            return None;
        }
        let mut v = Vec::new();
        let loc = self.f.loc?;
        let len = match &self.src {
            Src::Whole(_) | Src::Lines(_) => usize::MAX,
            Src::Window(w) => w.text.len(),
        };
        // Spans in the window's coordinates; those outside it are not drawn.
        let shifted = |r: std::ops::Range<usize>| {
            let (cut, pad) = self.shift;
            let s = r.start.checked_sub(cut)? + pad;
            (s <= len).then(|| s..(r.end.saturating_sub(cut) + pad).clamp(s, len))
        };
        v.push(LabeledSpan::new_primary_with_span(
            self.f
                .label
                .clone()
                .or_else(|| Some(format!("{} {}", self.f.severity, self.f.rule))),
            shifted(loc.range())?,
        ));
        for l in &self.f.secondary {
            if l.loc.file == self.f.file {
                if let Some(r) = shifted(l.loc.range()) {
                    v.push(LabeledSpan::new_with_span(Some(l.text.clone()), r));
                }
            }
        }
        Some(Box::new(v.into_iter()))
    }
}

/// Words for wrapping Chinese and Japanese text, which has no spaces between words: the ASCII-space
/// words, further broken between two characters when one of them is wide (CJK), except before
/// closing punctuation and after opening punctuation. ASCII runs (paths, codes) stay whole.
fn cjk_words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    use unicode_width::UnicodeWidthChar;
    let wide = |c: char| c.width() == Some(2);
    let closes = |c: char| "、。，．：；？！）」』】〕〉》”’ー・…".contains(c);
    let opens = |c: char| "（「『【〔〈《“‘".contains(c);
    let mut words = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if let Some(p) = prev {
            let brk = if p == ' ' {
                c != ' '
            } else {
                c != ' ' && (wide(p) || wide(c)) && !closes(c) && !opens(p)
            };
            if brk {
                words.push(textwrap::core::Word::from(&line[start..i]));
                start = i;
            }
        }
        prev = Some(c);
    }
    if start < line.len() {
        words.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

/// What `textwrap::fill` makes of `text` with [`render`]'s English options (words end at ASCII
/// spaces and are never broken nor hyphenated, lines filled first-fit) in `width` columns after
/// indents of `first` (the text's first line) and `rest` display columns, without the indents:
/// miette's handler without wrapping then only puts them before each line. `None` where that
/// handler would indent a line otherwise (a blank one: textwrap leaves it bare). textwrap's
/// general path (a word list, widths in floats, a string per line) was a third of the human
/// report's time for a file's few dozen messages and helps.
fn fill(text: &str, width: usize, first: usize, rest: usize) -> Option<String> {
    // Each source line is wrapped on its own, its first output line `first` wide.
    let widths = [width.saturating_sub(first), width.saturating_sub(rest)];
    let mut out = String::with_capacity(text.len() + 8);
    let push = |out: &mut String, line: &str| {
        if line.trim().is_empty() {
            return None;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
        Some(())
    };
    for line in text.split('\n') {
        let b = line.as_bytes();
        // The output line starts at `start`; its last word so far ends at `end`.
        let (mut start, mut end, mut used, mut lines, mut words) = (0, 0, 0, 0, 0);
        let mut i = 0;
        while i < b.len() {
            // A word and the spaces after it (leading spaces: an empty word).
            let at = i;
            while i < b.len() && b[i] != b' ' {
                i += 1;
            }
            let word_end = i;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            let word = &line[at..word_end];
            let w = if word.bytes().all(|c| (0x20..0x7f).contains(&c)) {
                word.len()
            } else {
                textwrap::core::display_width(word)
            };
            if words > 0 && used + w > widths[lines.min(1)] {
                push(&mut out, &line[start..end])?;
                (start, used, words) = (at, 0, 0);
                lines += 1;
            }
            used += w + (i - word_end);
            end = word_end;
            words += 1;
        }
        push(&mut out, &line[start..end])?;
    }
    Some(out)
}

pub fn render(r: &Report, style: &HumanStyle) -> String {
    render_in(r, style, true, true)
}

/// [`render`], the English messages and helps wrapped by [`fill`] when `fill_here` (else by
/// miette, through textwrap: the same text), and those findings rendered by [`render_plain`]
/// when `plain_here` and it can (else by miette: the same text).
fn render_in(r: &Report, style: &HumanStyle, fill_here: bool, plain_here: bool) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let chars = theme.characters.clone();
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(style.hyperlinks)
        .without_syntax_highlighting()
        .with_context_lines(1)
        // Notes name `path:line:col`: wrap only at spaces, never at a path's `-` or `/` (the
        // Unicode line-breaking rules would); a long path overflows the width rather than
        // being cut.
        .with_break_words(false)
        .with_word_separator(if crate::i18n::current() == crate::i18n::Lang::En {
            textwrap::WordSeparator::AsciiSpace
        } else {
            textwrap::WordSeparator::Custom(cjk_words)
        })
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let fill_here = fill_here && crate::i18n::current() == crate::i18n::Lang::En;
    let plain_here = plain_here && !style.color && !style.hyperlinks;
    let unwrapped = handler.clone().with_wrap_lines(false);
    // miette wraps the message after `  ⚠ ` (the severity's icon), then `  │ `, and the help
    // after `  help: `, then as many spaces, in its width less 2.
    let width = style.width.saturating_sub(2);
    let indent = |icon: &str| textwrap::core::display_width(&format!("  {icon} "));
    let rest = indent(&chars.vbar.to_string());
    let help = indent("help:");
    let mut out = String::new();
    let mut urls_shown = crate::util::HashSet::default();
    let mut last_file = None;
    let mut by_lines = false;
    for f in r.findings {
        let file = r.sources.get(f.file);
        // Findings come sorted by file: a header line starts each file's group.
        if last_file != Some(f.file) {
            last_file = Some(f.file);
            out.push_str(&format!("── {} ──\n\n", file.display));
            by_lines = lines_as_miette(&file.text);
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
        let (src, shift) = match f.loc.and_then(|l| window(file, l)) {
            Some((w, shift)) => (Src::Window(w), shift),
            None if by_lines => (
                Src::Lines(Lines {
                    name: &file.display,
                    text: &file.text,
                    starts: file.line_starts(),
                }),
                (0, 0),
            ),
            None => (
                Src::Whole(
                    NamedSource::new(&file.display, file.text.to_string()).with_language("hcl"),
                ),
                (0, 0),
            ),
        };
        let mut diag = Diag {
            f,
            filled: None,
            src,
            shift,
            has_source,
            elsewhere,
            // With hyperlinks, every code links to its page; without, the URL is said once.
            show_url: (style.hyperlinks && f.url.is_some()) || urls_shown.insert(f.rule.clone()),
        };
        let (start, _) = r.range(f);
        if !diag.has_source {
            out.push_str(&format!(
                "{}:{}:{}\n",
                file.display, start.line, start.column
            ));
        }
        if fill_here {
            let icon = match diag.severity() {
                Some(miette::Severity::Error) | None => &chars.error,
                Some(miette::Severity::Warning) => &chars.warning,
                Some(miette::Severity::Advice) => &chars.advice,
            };
            let message = fill(&f.message, width, indent(icon), rest);
            let help_text = diag.help_text();
            let help_filled = help_text.as_deref().map(|h| fill(h, width, help, help));
            diag.filled = match (message, help_filled) {
                (Some(m), None) => Some((m, None)),
                (Some(m), Some(Some(h))) => Some((m, Some(h))),
                _ => None,
            };
        }
        let handler = if diag.filled.is_some() {
            &unwrapped
        } else {
            &handler
        };
        if !plain_here || render_plain(&diag, &chars, &mut out).is_none() {
            let _ = handler.render_report(&mut out, &diag);
        }
        out.push('\n');
    }
    out
}

/// One line of a snippet as miette's `get_lines` cuts it: its offset in the file, its length
/// with the line end, its text without it.
struct SnippetLine<'a> {
    number: usize,
    offset: usize,
    length: usize,
    text: &'a str,
}

impl SnippetLine<'_> {
    // miette's `Line` predicates (7.6), for a span `o..o + len`.
    fn line_only(&self, o: usize, len: usize) -> bool {
        o >= self.offset && o + len <= self.offset + self.length
    }
    fn applies(&self, o: usize, len: usize) -> bool {
        let n = len.max(1);
        let end = self.offset + self.length;
        (o >= self.offset && o < end)
            || (o < self.offset && o + n > end)
            || (o + n > self.offset && o + n <= end)
    }
    fn applies_gutter(&self, o: usize, len: usize) -> bool {
        let n = len.max(1);
        let end = self.offset + self.length;
        self.applies(o, len)
            && !((o >= self.offset && o < end) && (o + n > self.offset && o + n <= end))
    }
}

/// What miette's graphical handler renders for `diag` when it renders it without colours nor
/// hyperlinks, its message and help filled by [`fill`] (no wrapping), in the case nearly every
/// finding is: its labels each within one line of printable ASCII, the lines around them
/// without tabs nor `\r`, each ended by `\n`. `None` otherwise, `out` untouched (miette renders
/// it). miette's path for a snippet (a `String` per line and per styled piece, every label's
/// span tested against every line) was most of a one-file check's report.
fn render_plain(diag: &Diag<'_>, chars: &miette::ThemeCharacters, out: &mut String) -> Option<()> {
    use std::fmt::Write as _;
    let (message, help) = diag.filled.as_ref()?;
    let snippet = match diag.labels() {
        Some(labels) => match &diag.src {
            Src::Lines(src) => snippet_plain(src, labels.collect(), chars)?,
            _ => return None,
        },
        None => String::new(),
    };
    // The header: the code, the URL as text after it.
    diag.push_code(out);
    if let Some(url) = diag.url() {
        let _ = write!(out, " ({url})");
    }
    out.push_str("\n\n");
    let icon = match diag.severity() {
        Some(miette::Severity::Error) | None => &chars.error,
        Some(miette::Severity::Warning) => &chars.warning,
        Some(miette::Severity::Advice) => &chars.advice,
    };
    let mut first = String::with_capacity(8);
    first.push_str("  ");
    first.push_str(icon);
    first.push(' ');
    let rest: String = [' ', ' ', chars.vbar, ' '].into_iter().collect();
    indent_plain(out, message, &first, &rest);
    out.push_str(&snippet);
    if let Some(help) = help {
        indent_plain(out, help, "  help: ", "        ");
    }
    Some(())
}

/// miette's text without wrapping: `first` before the first line, `rest` before the others (each
/// trimmed before a blank line), then a line end.
fn indent_plain(out: &mut String, text: &str, first: &str, rest: &str) {
    for (i, line) in text.split_terminator('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = if i == 0 { first } else { rest };
        out.push_str(if line.trim().is_empty() {
            indent.trim_end()
        } else {
            indent
        });
        out.push_str(line);
    }
    if text.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
}

/// miette's `render_snippets` without colours for the case [`render_plain`] says; `None` for
/// any other.
fn snippet_plain(
    src: &Lines<'_>,
    mut labels: Vec<LabeledSpan>,
    chars: &miette::ThemeCharacters,
) -> Option<String> {
    // The same sort as miette's, so labels at one offset come in its order.
    labels.sort_unstable_by_key(|l| l.inner().offset());
    // The contexts, joined as miette joins them.
    let mut contexts: Vec<(LabeledSpan, Box<dyn SpanContents<'_> + '_>)> = Vec::new();
    for right in labels.iter().cloned() {
        let right_conts = src.read_span(right.inner(), 1, 1).ok()?;
        if let Some((left, left_conts)) = contexts.last() {
            if left_conts.line() + left_conts.line_count() >= right_conts.line() {
                let new_end = (left.offset() + left.len()).max(right.offset() + right.len());
                let new_span = LabeledSpan::new(
                    left.label().map(String::from),
                    left.offset(),
                    new_end - left.offset(),
                );
                if let Ok(new_conts) = src.read_span(new_span.inner(), 1, 1) {
                    contexts.pop();
                    contexts.push((new_span, new_conts));
                    continue;
                }
            }
        }
        contexts.push((right, right_conts));
    }
    let mut out = String::new();
    for (ctx, _) in &contexts {
        context_plain(&mut out, src, ctx, &labels, chars)?;
    }
    Some(out)
}

/// miette's `render_context` without colours, for labels that each lie within one line.
fn context_plain(
    out: &mut String,
    src: &Lines<'_>,
    ctx: &LabeledSpan,
    labels: &[LabeledSpan],
    chars: &miette::ThemeCharacters,
) -> Option<()> {
    let contents = src.read_span(ctx.inner(), 1, 1).ok()?;
    let data = std::str::from_utf8(contents.data()).ok()?;
    if !data.ends_with('\n') || crate::bytes::find2(b'\t', b'\r', data.as_bytes()).is_some() {
        return None;
    }
    let mut lines = Vec::new();
    let mut offset = contents.span().offset();
    for (i, text) in data.split_terminator('\n').enumerate() {
        lines.push(SnippetLine {
            number: contents.line() + i + 1,
            offset,
            length: text.len() + 1,
            text,
        });
        offset += text.len() + 1;
    }
    // Every label on these lines within one of them (miette would draw a gutter otherwise).
    for line in &lines {
        for l in labels {
            let (o, len) = (l.offset(), l.len());
            if !line.line_only(o, len) && (line.applies(o, len) || line.applies_gutter(o, len)) {
                return None;
            }
        }
    }
    let (c0, c1) = (ctx.offset(), ctx.offset() + ctx.len());
    let mut in_ctx = labels
        .iter()
        .filter(|l| c0 <= l.offset() && l.offset() + l.len() <= c1);
    let primary = in_ctx
        .clone()
        .find(|l| l.primary())
        .or_else(|| in_ctx.next());
    let at = match primary {
        Some(l) => src.read_span(l.inner(), 0, 0).ok()?,
        None => contents,
    };
    let width = lines.last().map_or(0, |l| l.number).to_string().len();
    let pad = " ".repeat(width + 2);
    let name = at.name()?;
    out.push_str(&pad);
    out.push(chars.ltop);
    out.push(chars.hbar);
    out.push('[');
    out.push_str(name);
    out.push(':');
    push_number(out, at.line() + 1, 0);
    out.push(':');
    push_number(out, at.column() + 1, 0);
    out.push_str("]\n");
    let mut no_linum = " ".repeat(width + 2);
    no_linum.push(chars.vbar_break);
    no_linum.push(' ');
    for line in &lines {
        out.push(' ');
        push_number(out, line.number, width);
        out.push(' ');
        out.push(chars.vbar);
        out.push(' ');
        out.push_str(line.text);
        out.push('\n');
        let here: Vec<&LabeledSpan> = labels
            .iter()
            .filter(|l| line.applies(l.offset(), l.len()))
            .collect();
        if here.is_empty() {
            continue;
        }
        // Columns are bytes on a line of printable ASCII.
        if !line.text.bytes().all(|b| (0x20..0x7f).contains(&b))
            || here
                .iter()
                .any(|l| l.label().is_some_and(|t| t.as_bytes().contains(&b'\n')))
        {
            return None;
        }
        out.push_str(&no_linum);
        let mut highest = 0;
        let mut bars = Vec::with_capacity(here.len());
        for l in &here {
            let start = (l.offset() - line.offset).max(highest);
            let end = if l.is_empty() {
                start + 1
            } else {
                (l.offset() + l.len() - line.offset).max(start + 1)
            };
            let bar = (start + end) / 2;
            let mid = if l.is_empty() {
                chars.uarrow
            } else if l.label().is_some() {
                chars.underbar
            } else {
                chars.underline
            };
            out.extend(std::iter::repeat_n(' ', start - highest));
            out.extend(std::iter::repeat_n(chars.underline, bar - start));
            out.push(mid);
            out.extend(std::iter::repeat_n(chars.underline, end - bar - 1));
            highest = highest.max(end);
            bars.push(bar);
        }
        out.push('\n');
        // The labels' texts, the last first, each under its bar, the bars of those before it
        // (miette tells labels apart by their text and span: equal ones share the first's bar).
        let same =
            |a: &LabeledSpan, b: &LabeledSpan| a.label() == b.label() && a.inner() == b.inner();
        for l in here.iter().rev() {
            let Some(text) = l.label() else { continue };
            out.push_str(&no_linum);
            let mut col = 1;
            for (other, &bar) in here.iter().zip(&bars) {
                while col < bar + 1 {
                    out.push(' ');
                    col += 1;
                }
                if !same(other, l) {
                    out.push(chars.vbar);
                    col += 1;
                } else {
                    out.extend([chars.lbot, chars.hbar, chars.hbar, ' ']);
                    out.push_str(text);
                    out.push('\n');
                    break;
                }
            }
        }
    }
    out.push_str(&pad);
    out.push(chars.lbot);
    out.extend([chars.hbar; 4]);
    out.push('\n');
    Some(())
}

/// `n` in decimal, right-aligned in `width` columns (as `{:width$}` formats it).
fn push_number(out: &mut String, n: usize, width: usize) {
    let mut digits = [0u8; 20];
    let (mut i, mut n) = (digits.len(), n);
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    // ASCII digits.
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// For a span on a long line: a window of that line around the span (`…` where it is cut), and
/// the offset to subtract from the file's offsets. `None` when the line is short enough to show.
fn window(
    file: &crate::source::SourceFile,
    loc: crate::source::Loc,
) -> Option<(Window, (usize, usize))> {
    let text = &*file.text;
    let mut start = (loc.start as usize).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let lc = file.line_col(start);
    let line_start = file.line_start(lc.line).min(start);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    if line_end - line_start <= LONG_LINE {
        return None;
    }
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let end = (loc.end as usize)
        .clamp(start, start + WINDOW_SPAN)
        .min(line_end);
    let ws = floor(start.saturating_sub(WINDOW_CONTEXT).max(line_start));
    let we = ceil((end + WINDOW_CONTEXT).min(line_end));
    let (pre, post) = (
        if ws > line_start { "…" } else { "" },
        if we < line_end { "…" } else { "" },
    );
    let body = format!("{pre}{}{post}", &text[ws..we]);
    // The window's column 0 is the file's column of `ws`, less the marker before it.
    let col = text[line_start..ws].chars().count();
    let w = Window {
        name: file.display.clone(),
        text: body,
        line: lc.line - 1,
        column: col - pre.chars().count(),
    };
    Some((w, (ws, pre.len())))
}

/// The closing table of a human run: findings and fixable ones by severity, then what was
/// suppressed and what could not be decided. Empty for a clean run with nothing to add.
pub fn summary_table(r: &Report, suppressed: usize) -> String {
    use crate::rules::i18n::ui;
    let lang = crate::rules::i18n::current();
    let t = |k: &str| ui(lang, k);
    let unknown = r.unknowns.len();
    if r.findings.is_empty() && suppressed == 0 && unknown == 0 {
        return String::new();
    }
    let mut rows: Vec<(String, usize, Option<usize>, &str)> = Vec::new();
    for s in &Severity::ALL {
        let of = r.findings.iter().filter(|f| f.severity == *s);
        let (n, fixable) = of.fold((0, 0), |(n, x), f| {
            (n + 1, x + usize::from(f.fix.is_some()))
        });
        if n > 0 {
            rows.push((t(s.as_str()).to_string(), n, Some(fixable), ""));
        }
    }
    let fixable = r.findings.iter().filter(|f| f.fix.is_some()).count();
    rows.push((t("total").into(), r.findings.len(), Some(fixable), ""));
    rows.push((
        t("suppressed").into(),
        suppressed,
        None,
        t("note_suppressed"),
    ));
    rows.push((t("unknown").into(), unknown, None, t("note_unknown")));
    // Padded by display width: a CJK character takes two columns.
    use crate::i18n::{pad, pad_left};
    let mut out = format!(
        "{} {} {}\n",
        pad("", 10),
        pad_left(t("col_findings"), 8),
        pad_left(t("col_fixable"), 8)
    );
    for (label, n, fix, note) in rows {
        let fix = fix.map(|x| x.to_string()).unwrap_or_default();
        let with_note = n > 0 && !note.is_empty();
        let (label, n, fix) = (
            pad(&label, 10),
            pad_left(&n.to_string(), 8),
            pad_left(&fix, 8),
        );
        let line = if with_note {
            format!("{label} {n} {fix}  {note}")
        } else {
            format!("{label} {n} {fix}")
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The one-line summary printed on stderr in human mode (in the language of the run).
pub fn summary(r: &Report, elapsed_ms: u128) -> String {
    summary_in(r, elapsed_ms, crate::rules::i18n::current())
}

pub fn summary_in(r: &Report, elapsed_ms: u128, lang: crate::rules::i18n::Lang) -> String {
    use crate::rules::i18n::{ui, Lang};
    let by = r.by_severity();
    let parts: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|s| by.get(s).map(|n| format!("{n} {}", ui(lang, s.as_str()))))
        .collect();
    let n = r.findings.len();
    let files = ui(
        lang,
        if r.files == 1 {
            "file_one"
        } else {
            "file_many"
        },
    );
    let word = ui(
        lang,
        if n == 1 {
            "finding_one"
        } else {
            "finding_many"
        },
    );
    let (checked, none) = (ui(lang, "checked"), ui(lang, "no_findings"));
    match lang {
        Lang::En if n == 0 => format!(
            "acslint: {} {files} {checked}, {none} ({elapsed_ms} ms)",
            r.files
        ),
        Lang::En => format!(
            "acslint: {} {files} {checked}, {n} {word}: {} ({elapsed_ms} ms)",
            r.files,
            parts.join(", ")
        ),
        // 已检查 3 个文件，发现 2 个问题：1 高、1 中（12 ms）
        Lang::ZhCn if n == 0 => format!(
            "acslint：{checked} {} {files}，{none}（{elapsed_ms} ms）",
            r.files
        ),
        Lang::ZhCn => format!(
            "acslint：{checked} {} {files}，发现 {n} {word}：{}（{elapsed_ms} ms）",
            r.files,
            parts.join("、")
        ),
        // 3 ファイルをチェック、2 件の検出事項：高 1、中 1（12 ms）
        Lang::Ja if n == 0 => format!(
            "acslint：{} {files}{checked}、{none}（{elapsed_ms} ms）",
            r.files
        ),
        Lang::Ja => format!(
            "acslint：{} {files}{checked}、{n} {word}：{}（{elapsed_ms} ms）",
            r.files,
            parts.join("、")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{cjk_words, fill, lines_as_miette, render_in, Lines};
    use miette::{NamedSource, SourceCode, SourceSpan};

    /// The contents read from the lines around a span are what miette reads from the whole
    /// text: every span of a few texts (line ends `\n` and `\r\n`, empty lines, spans across
    /// lines, at the end), with 0 to 2 context lines.
    #[test]
    fn lines_read_what_the_whole_text_reads() {
        let texts = [
            "a\nbb\n\nccc dd\ne\n",
            "{\r\n  \"A\": [\r\n    \"x\",\r\n\r\n    \"y\"\r\n  ]\r\n}",
            "one line, no end",
            "\n\n\nx\n\n",
        ];
        for text in texts {
            assert!(lines_as_miette(text));
            let file = crate::source::SourceFile::new(
                crate::source::FileId(0),
                "f".into(),
                "f".into(),
                crate::source::FileKind::Other,
                text.into(),
            );
            let whole = NamedSource::new("f", text.to_string()).with_language("hcl");
            let lines = Lines {
                name: "f",
                text,
                starts: file.line_starts(),
            };
            for start in 0..=text.len() {
                for len in 0..=text.len() - start {
                    for ctx in 0..3 {
                        let span = SourceSpan::new(start.into(), len);
                        let a = whole.read_span(&span, ctx, ctx);
                        let b = lines.read_span(&span, ctx, ctx);
                        let (a, b) = match (a, b) {
                            (Ok(a), Ok(b)) => (a, b),
                            (a, b) => {
                                assert_eq!(a.is_ok(), b.is_ok(), "{text:?} {start}+{len}");
                                continue;
                            }
                        };
                        let what = format!("{text:?} {start}+{len} context {ctx}");
                        assert_eq!(a.data(), b.data(), "{what}");
                        assert_eq!(a.span(), b.span(), "{what}");
                        assert_eq!(a.line(), b.line(), "{what}");
                        assert_eq!(a.column(), b.column(), "{what}");
                        assert_eq!(a.line_count(), b.line_count(), "{what}");
                        assert_eq!(a.name(), b.name(), "{what}");
                        assert_eq!(a.language(), b.language(), "{what}");
                    }
                }
            }
        }
        assert!(!lines_as_miette("a\rb\r\n"));
    }

    /// `context` reads what miette reads from bytes: every span of texts of letters, spaces, `\n`, `\r\n`, lone `\r` and a two-byte character, with 0 to 3
    /// lines of context on each side.
    #[test]
    fn context_reads_what_miette_reads() {
        let pieces: [&[u8]; 6] = [b"a", b" ", b"\n", b"\r\n", b"\r", "\u{e9}".as_bytes()];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..300 {
            let mut text = Vec::new();
            for _ in 0..round % 23 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.extend_from_slice(pieces[(seed % 6) as usize]);
            }
            for o in 0..=text.len() {
                for len in 0..=text.len() - o {
                    for before in 0..4 {
                        for after in 0..4 {
                            let span = SourceSpan::new(o.into(), len);
                            let theirs = text[..].read_span(&span, before, after).ok().map(|c| {
                                super::Context {
                                    start: c.span().offset(),
                                    end: c.span().offset() + c.span().len(),
                                    line: c.line(),
                                    column: c.column(),
                                    line_count: c.line_count(),
                                }
                            });
                            assert_eq!(
                                super::context(&text, o, len, before, after),
                                theirs,
                                "{text:?} {o}+{len} {before} {after}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// Messages and helps wrapped by `fill` render as miette's own wrapping renders them:
    /// words longer than a line, runs of spaces (leading and trailing), several lines (blank
    /// ones too), wide and zero-width characters, tabs and escape sequences, a plan's change
    /// and notes, each severity, with and without colour, at widths from nothing to 140.
    #[test]
    fn fill_renders_as_textwrap_wraps() {
        use crate::finding::{Finding, Severity};
        use crate::source::{FileKind, Loc, SourceMap};
        let words = [
            "a",
            "bucket",
            "`alicloud_oss_bucket.bucket_0`",
            "stores",
            "objects",
            "",
            "without",
            "default",
            "encryption:",
            "x",
            "资源",
            "の",
            "ｗｉｄｅ",
            "e\u{301}",
            "tab\there",
            "\u{1b}[1mbold\u{1b}[0m",
            "acs:oss:*:*:app-bucket/*",
            "--fix",
            "averyveryveryveryveryveryveryveryveryverylongwordthatcannotfitonanyline",
        ];
        // A small deterministic generator: the same texts on every run.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let text = |next: &mut dyn FnMut(usize) -> usize| {
            let mut t = String::new();
            for _ in 0..next(40) {
                match next(20) {
                    0 => t.push('\n'),
                    1 => t.push_str("  "),
                    _ => {}
                }
                t.push_str(words[next(words.len())]);
                t.push(' ');
            }
            if next(3) == 0 {
                t.pop();
            }
            t
        };
        let mut sources = SourceMap::default();
        let file = sources.add(
            "m.tf".into(),
            "m.tf".into(),
            FileKind::Hcl,
            "resource \"a\" \"b\" {\n  x = 1\n}\n".into(),
        );
        let severities = [Severity::Critical, Severity::Medium, Severity::Info];
        let findings: Vec<Finding> = (0..60)
            .map(|i| Finding {
                message: text(&mut next),
                help: (i % 4 != 0).then(|| text(&mut next).into()),
                loc: (i % 5 != 0).then(|| Loc::new(file, 23..28)),
                notes: (0..i % 3).map(|_| text(&mut next)).collect(),
                ..Finding::bare(&format!("RAM{:03}", i % 7), severities[i % 3], file)
            })
            .collect();
        let r = super::Report {
            sources: &sources,
            findings: &findings,
            unknowns: &[],
            files: 1,
        };
        // Most texts take the path under test.
        let filled = findings
            .iter()
            .filter(|f| fill(&f.message, 78, 4, 4).is_some())
            .count();
        assert!(filled > 30, "{filled}");
        for color in [false, true] {
            for width in (0..30).chain((30..=140).step_by(7)) {
                let style = crate::report::HumanStyle {
                    color,
                    width,
                    hyperlinks: false,
                };
                let miette = render_in(&r, &style, false, false);
                assert_eq!(render_in(&r, &style, true, false), miette, "width {width}");
                assert_eq!(render_in(&r, &style, true, true), miette, "width {width}");
            }
        }
        // Against textwrap itself, with indents of other widths than miette's.
        for (i, f) in findings.iter().enumerate() {
            let (first, rest) = (i % 5, (i / 5) % 7);
            for width in [0, 3, 9, 17, 30, 61, 100] {
                let (a, b) = (" ".repeat(first), " ".repeat(rest));
                let opts = textwrap::Options::new(width)
                    .initial_indent(&a)
                    .subsequent_indent(&b)
                    .break_words(false)
                    .word_separator(textwrap::WordSeparator::AsciiSpace)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                if let Some(ours) = fill(&f.message, width, first, rest) {
                    let indented: Vec<String> = ours
                        .split('\n')
                        .enumerate()
                        .map(|(n, l)| format!("{}{l}", if n == 0 { &a } else { &b }))
                        .collect();
                    assert_eq!(indented.join("\n"), textwrap::fill(&f.message, opts));
                }
            }
        }
        // A blank line is left to miette.
        assert_eq!(fill("a b\n\nc", 10, 4, 4), None);
        assert_eq!(fill("  ", 10, 4, 4), None);
        assert_eq!(
            fill("one two three four", 14, 4, 2).as_deref(),
            Some("one two\nthree four")
        );
    }

    /// Findings rendered by `render_plain` read as miette renders them, and those it leaves to
    /// miette too: files of short lines (tabs, `\r\n`, non-ASCII and control characters, empty
    /// lines, no last line end), primary and secondary labels anywhere (on one line, across
    /// lines, empty, at the end, equal, at one offset, texts with a line end or empty), notes, a
    /// URL, and one finding whose lines are too long to show whole.
    #[test]
    fn plain_renders_as_miette_renders() {
        use crate::finding::{Finding, Label, Severity};
        use crate::source::{FileKind, Loc, SourceMap};
        let pieces = [
            "resource",
            " ",
            "\"a\"",
            "=",
            "x",
            "  ",
            "{",
            "}",
            "\n",
            "\n",
            "\n",
            "\n",
            "\t",
            "\r\n",
            "é",
            "资",
            "\u{1b}",
            "#",
            "[\"ecs:Start\", \"rds:*\"]",
        ];
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut sources = SourceMap::default();
        let mut findings = Vec::new();
        let mut plain = 0;
        for i in 0..400 {
            let mut text = String::new();
            // Most files plain ASCII, as most are.
            let kinds = if i % 3 == 0 { pieces.len() } else { 12 };
            for _ in 0..next(120) {
                text.push_str(pieces[next(kinds)]);
            }
            if i % 5 != 0 && !text.ends_with('\n') {
                text.push('\n');
            }
            if i == 7 {
                text = format!("a = \"{}\"\n", "x".repeat(1_200));
            }
            let file = sources.add(
                format!("f{i}.tf").into(),
                format!("f{i}.tf"),
                FileKind::Hcl,
                text.clone().into(),
            );
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            let span = |next: &mut dyn FnMut(usize) -> usize| {
                let a = boundaries[next(boundaries.len())];
                // Mostly short spans, on one line.
                let b = match next(8) {
                    0 => boundaries[next(boundaries.len())],
                    _ => boundaries
                        .iter()
                        .copied()
                        .filter(|&b| b >= a)
                        .take_while(|&b| !text[a..b].contains('\n'))
                        .take(1 + next(12))
                        .last()
                        .unwrap_or(a),
                };
                Loc::new(file, a.min(b)..a.max(b))
            };
            let label = |next: &mut dyn FnMut(usize) -> usize| match next(10) {
                0 => String::new(),
                1 => "two\nlines".to_string(),
                _ => format!("label {}", next(100)),
            };
            for _ in 0..3 {
                let loc = span(&mut next);
                let secondary: Vec<Label> = (0..next(3))
                    .map(|k| Label {
                        // Some equal to the primary span, some at its offset.
                        loc: match (k, next(5)) {
                            (0, 0) => loc,
                            (_, 1) => Loc::new(file, loc.range().start..loc.range().start + 1),
                            _ => span(&mut next),
                        },
                        text: label(&mut next),
                    })
                    .collect();
                findings.push(Finding {
                    message: "a bucket stores objects".into(),
                    help: (i % 4 != 0).then(|| "add `x`".into()),
                    url: (i % 6 == 0).then(|| "https://example.com/r".into()),
                    loc: (i % 9 != 0).then_some(loc),
                    label: (next(3) != 0).then(|| label(&mut next)),
                    secondary,
                    notes: (0..i % 3).map(|n| format!("note {n}")).collect(),
                    ..Finding::bare(&format!("RAM{:03}", i % 7), Severity::Medium, file)
                });
            }
        }
        let r = super::Report {
            sources: &sources,
            findings: &findings,
            unknowns: &[],
            files: sources.len(),
        };
        let style = crate::report::HumanStyle {
            color: false,
            width: 100,
            hyperlinks: false,
        };
        assert_eq!(
            render_in(&r, &style, true, true),
            render_in(&r, &style, true, false)
        );
        // Most findings take the path under test.
        let chars = miette::ThemeCharacters::unicode();
        for f in &findings {
            let file = sources.get(f.file);
            let diag = super::Diag {
                f,
                filled: Some((f.message.clone(), None)),
                src: super::Src::Lines(Lines {
                    name: &file.display,
                    text: &file.text,
                    starts: file.line_starts(),
                }),
                shift: (0, 0),
                has_source: f.loc.is_some(),
                elsewhere: Vec::new(),
                show_url: true,
            };
            plain += usize::from(super::render_plain(&diag, &chars, &mut String::new()).is_some());
        }
        assert!(plain > findings.len() / 2, "{plain} of {}", findings.len());
    }

    #[test]
    fn cjk_words_break_between_wide_characters_but_not_inside_ascii() {
        let w: Vec<&str> = cjk_words("ステートメントは `a:b` を許可（x）。ok")
            .map(|w| w.word)
            .collect();
        assert_eq!(
            w,
            [
                "ス",
                "テー",
                "ト",
                "メ",
                "ン",
                "ト",
                "は",
                "`a:b`",
                "を",
                "許",
                "可",
                "（x）。",
                "ok"
            ]
        );
    }
}
