//! Span-keeping JSON: parses text into a [`Value`] whose nodes carry byte spans.

use crate::source::{FileId, Loc};
use crate::value::{Entry, Kind, Value};
use jsonc_parser::ast;

/// Maximum nesting of arrays and objects; deeper input is rejected before parsing so the
/// recursive parser can never exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// How spans inside the parsed text map back to a source file.
#[derive(Clone, Debug)]
pub enum SpanMap {
    /// The text is the file's bytes starting at `offset`: every node gets its exact span.
    Exact { file: FileId, offset: usize },
    /// The text was produced from an expression (a quoted string with escapes, a template):
    /// every node points at the whole expression.
    Whole(Loc),
    /// The text was produced from the file's bytes with pieces removed or replaced (a dedented
    /// heredoc, a template with interpolations, a quoted string with escapes): sorted pieces.
    Pieces { file: FileId, pieces: Vec<Piece> },
    /// No location at all.
    None,
}

impl SpanMap {
    fn loc(&self, r: jsonc_parser::common::Range) -> Option<Loc> {
        match self {
            &SpanMap::Exact { file, offset } => {
                Some(Loc::new(file, offset + r.start..offset + r.end))
            }
            SpanMap::Pieces { file, pieces } => {
                let piece = |off: usize| {
                    let i = pieces.partition_point(|p| p.text <= off).saturating_sub(1);
                    pieces.get(i).map(|p| (p, off.saturating_sub(p.text)))
                };
                let start = match piece(r.start) {
                    Some((p, _)) if p.whole.is_some() => p.file,
                    Some((p, d)) => p.file + d,
                    None => r.start,
                };
                let end = match piece(r.end.saturating_sub(1).max(r.start)) {
                    Some((p, _)) if p.whole.is_some() => p.whole.unwrap_or(p.file),
                    Some((p, d)) => p.file + d + usize::from(r.end > r.start),
                    None => r.end,
                };
                Some(Loc::new(*file, start..end.max(start)))
            }
            SpanMap::Whole(loc) => Some(*loc),
            SpanMap::None => None,
        }
    }
}

/// A stretch of mapped text: from `text` on (up to the next piece), the text is the file's bytes
/// from `file` on, or, when `whole` is set, was produced by the source `file..whole` as a whole
/// (an interpolation, an escape).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub text: usize,
    pub file: usize,
    pub whole: Option<usize>,
}

impl SpanMap {
    /// How to map a string value back into its file: `raw` is the source text of the
    /// expression at `loc` that produced `value`. Verbatim text maps exactly. Otherwise the
    /// literal runs of the source (text outside interpolations, directives and escapes, a line
    /// at a time, without indentation) are found in the value in order, and what the value has
    /// between two of them maps to the source between them: the `${…}` that produced it.
    pub fn embedded(raw: &str, loc: Loc, value: &str) -> SpanMap {
        let base = loc.start as usize;
        if value.is_empty() {
            return SpanMap::Whole(loc);
        }
        if let Some(i) = raw.find(value) {
            return SpanMap::Exact {
                file: loc.file,
                offset: base + i,
            };
        }
        let mut pieces = Vec::new();
        let mut cursor = 0usize;
        let mut prev_end: Option<usize> = None;
        for (rs, re) in literal_runs(raw) {
            let body = &raw[rs..re];
            let Some(i) = value.get(cursor..).and_then(|v| v.find(body)) else {
                continue;
            };
            let at = cursor + i;
            if at > cursor {
                pieces.push(Piece {
                    text: cursor,
                    file: base + prev_end.unwrap_or(rs),
                    whole: Some(base + rs),
                });
            }
            pieces.push(Piece {
                text: at,
                file: base + rs,
                whole: None,
            });
            cursor = at + body.len();
            prev_end = Some(re);
        }
        let Some(prev_end) = prev_end else {
            return SpanMap::Whole(loc);
        };
        if cursor < value.len() {
            let (_, body_end) = template_body(raw);
            pieces.push(Piece {
                text: cursor,
                file: base + prev_end,
                whole: Some(base + body_end.max(prev_end)),
            });
        }
        SpanMap::Pieces {
            file: loc.file,
            pieces,
        }
    }
}

/// The literal runs of a template's source text, as byte ranges of `raw`: the text outside
/// `${…}`/`%{…}` sequences and (in quoted strings) escapes, split at line ends, with the
/// indentation of each line left out (a `<<-` heredoc drops it). A heredoc's first and last lines (its
/// delimiters) and a quoted string's quotes are not part of any run.
fn literal_runs(raw: &str) -> Vec<(usize, usize)> {
    let b = raw.as_bytes();
    let heredoc = raw.starts_with("<<");
    let (mut i, end) = template_body(raw);
    let mut runs = Vec::new();
    let mut run = i;
    let close = |runs: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let t = &raw[s..e];
        let lead = t.len() - t.trim_start_matches([' ', '\t']).len();
        let t = t.trim_end_matches('\r').trim_start_matches([' ', '\t']);
        if !t.is_empty() {
            runs.push((s + lead, s + lead + t.len()));
        }
    };
    while i < end {
        match b[i] {
            b'\n' => {
                close(&mut runs, run, i);
                i += 1;
                run = i;
            }
            b'$' | b'%' if b.get(i + 1) == Some(&b[i]) && b.get(i + 2) == Some(&b'{') => {
                // `$${` and `%%{` stand for `${` and `%{`.
                close(&mut runs, run, i);
                i += 3;
                run = i;
            }
            b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                close(&mut runs, run, i);
                i = skip_braces(b, i + 1, end);
                run = i;
            }
            b'\\' if !heredoc => {
                close(&mut runs, run, i);
                i += if b.get(i + 1) == Some(&b'u') { 6 } else { 2 };
                i = i.min(end);
                while !raw.is_char_boundary(i) {
                    i += 1;
                }
                run = i;
            }
            _ => i += 1,
        }
    }
    close(&mut runs, run, end.max(run));
    runs
}

/// The byte range of a template's body in its source text: without a heredoc's delimiter lines
/// (and the line end before the closing one) or a quoted string's quotes.
fn template_body(raw: &str) -> (usize, usize) {
    if raw.starts_with("<<") {
        let first = raw.find('\n').map_or(raw.len(), |n| n + 1);
        (first, raw.rfind('\n').unwrap_or(raw.len()).max(first))
    } else if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        (1, raw.len() - 1)
    } else {
        (0, raw.len())
    }
}

/// The index after the `}` matching the `{` at `open` (or `end`), skipping quoted strings.
fn skip_braces(b: &[u8], open: usize, end: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < end {
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'"' => {
                i += 1;
                while i < end && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        i += 1;
    }
    end
}

#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub message: String,
    pub loc: Option<Loc>,
}

/// Parse strict JSON (no comments, no trailing commas). An empty document is an error.
pub fn parse(text: &str, map: SpanMap) -> Result<Value, JsonError> {
    parse_with(text, map, SPLIT_MIN)
}

/// A file's text from this size on is parsed in pieces on the pool (see [`parse_split`]).
const SPLIT_MIN: usize = 1 << 20;

const OPTIONS: jsonc_parser::ParseOptions = jsonc_parser::ParseOptions {
    allow_comments: false,
    allow_loose_object_property_names: false,
    allow_trailing_commas: false,
};
const COLLECT: jsonc_parser::CollectOptions = jsonc_parser::CollectOptions {
    comments: jsonc_parser::CommentCollectionStrategy::Off,
    tokens: false,
};

fn parse_with(text: &str, map: SpanMap, split_min: usize) -> Result<Value, JsonError> {
    let exact = match map {
        SpanMap::Exact { file, offset } if text.len() >= split_min => Some((file, offset)),
        _ => None,
    };
    let scan = structure(text, exact.is_some());
    if let Some(at) = scan.too_deep {
        return Err(JsonError {
            message: format!("nesting deeper than {MAX_DEPTH} levels"),
            loc: map.loc(jsonc_parser::common::Range::new(at, at + 1)),
        });
    }
    let whole = || jsonc_parser::parse_to_ast(text, &COLLECT, &OPTIONS).map(|r| r.value);
    if let (Some((file, offset)), Some(split)) = (exact, &scan.split) {
        let (tree, checked) = rayon::join(
            || parse_split(text, file, offset, split),
            || strict(text, &map),
        );
        match (tree, checked) {
            (Some(v), Ok(())) => return Ok(v),
            // Anything else (an error) is what the whole text's parse says, as it always was,
            // with serde_json's verdict already known.
            (_, checked) => return finish(whole(), checked, &map),
        }
    }
    // serde_json's check reads the same text beside jsonc-parser's tree (a large document is a
    // file alone on the pool); its verdict counts only once the tree is built, as before.
    let (tree, checked) = rayon::join(whole, || strict(text, &map));
    finish(tree, checked, &map)
}

/// The value of jsonc-parser's tree, once serde_json's check (`strict`) passed; the tree's own
/// error first.
fn finish(
    tree: Result<Option<ast::Value<'_>>, jsonc_parser::errors::ParseError>,
    strict: Result<(), JsonError>,
    map: &SpanMap,
) -> Result<Value, JsonError> {
    match tree {
        Ok(value) => match value {
            Some(v) => {
                strict?;
                Ok(convert(v, map))
            }
            None => Err(JsonError {
                message: "the file is empty".into(),
                loc: map.loc(jsonc_parser::common::Range::new(0, 0)),
            }),
        },
        Err(e) => {
            let r = e.range();
            Err(JsonError {
                message: e.kind().to_string(),
                loc: map.loc(r),
            })
        }
    }
}

/// jsonc-parser is lenient (it accepts missing commas); serde_json decides what is JSON.
fn strict(text: &str, map: &SpanMap) -> Result<(), JsonError> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let at = offset_of(text, e.line(), e.column());
        let msg = e.to_string();
        let msg = match msg.rfind(" at line ") {
            Some(i) => msg[..i].to_string(),
            None => msg,
        };
        let end = text[at..]
            .chars()
            .next()
            .map(|c| at + c.len_utf8())
            .unwrap_or(at);
        return Err(JsonError {
            message: msg,
            loc: map.loc(jsonc_parser::common::Range::new(at, end)),
        });
    }
    Ok(())
}

/// Byte offset of serde_json's 1-based line and column (the column counts bytes; 0 means the
/// error is at the end of the previous line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte offset where nesting first exceeds [`MAX_DEPTH`], ignoring brackets inside strings.
#[cfg(test)]
fn too_deep(text: &str) -> Option<usize> {
    structure(text, false).too_deep
}

/// What [`structure`] finds of a text.
#[derive(Debug, Default, PartialEq)]
struct Structure {
    /// Where nesting first exceeds [`MAX_DEPTH`].
    too_deep: Option<usize>,
    /// Where it was asked for: the top-level object's longest array value of 64 items or more.
    split: Option<Split>,
}

/// An array as offsets: its brackets and the commas between its items.
#[derive(Debug, PartialEq)]
struct Split {
    open: usize,
    close: usize,
    commas: Vec<usize>,
}

/// One pass over a text, string bodies skipped: how deep it nests and, if `split`, where the
/// items of the top-level object's longest array value are (the statements of a policy).
fn structure(text: &str, split: bool) -> Structure {
    let mut depth = 0usize;
    let mut out = Structure::default();
    // The top level is an object; the array at depth 2 being read (open bracket, commas).
    let mut in_object = false;
    let mut array: Option<(usize, Vec<usize>)> = None;
    let mut in_str = false;
    let mut escaped = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                // A string's plain bytes are skipped to its next quote or backslash at once
                // (most of a large policy document is inside strings).
                _ => match crate::bytes::find2(b'"', b'\\', &bytes[i..]) {
                    Some(n) => {
                        i += n;
                        continue;
                    }
                    None => return out,
                },
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    out.too_deep = Some(i);
                    return out;
                }
                if split && depth == 1 {
                    in_object = b == b'{';
                } else if split && depth == 2 && in_object && b == b'[' {
                    array = Some((i, Vec::new()));
                }
            }
            b',' if depth == 2 => {
                if let Some((_, commas)) = &mut array {
                    commas.push(i);
                }
            }
            b']' | b'}' => {
                if depth == 2 {
                    if let Some((open, commas)) = array.take().filter(|(_, c)| c.len() >= 63) {
                        let longer = |s: &Split| i - open > s.close - s.open;
                        if out.split.as_ref().is_none_or(longer) {
                            out.split = Some(Split {
                                open,
                                close: i,
                                commas,
                            });
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// [`parse`] of a large file's text in pieces on the pool: each item of `split`'s array alone
/// (spans exact at its offset), and the rest with the array's items left out (spans mapped
/// across the gap), the items then put in. `None` where any piece does not parse. For JSON (as
/// serde_json's check decides) the tree is the whole text's: JSON's grammar gives an item the
/// same tree wherever it stands. jsonc-parser's tree of a policy document of 300k actions was
/// ~100 ms on one thread.
fn parse_split(text: &str, file: FileId, offset: usize, split: &Split) -> Option<Value> {
    use rayon::prelude::*;
    let mut bounds = Vec::with_capacity(split.commas.len() + 2);
    bounds.push(split.open);
    bounds.extend(&split.commas);
    bounds.push(split.close);
    let items: Option<Vec<Value>> = bounds
        .par_windows(2)
        .map(|w| {
            let (from, to) = (w[0] + 1, w[1]);
            let tree = jsonc_parser::parse_to_ast(&text[from..to], &COLLECT, &OPTIONS).ok()?;
            let map = SpanMap::Exact {
                file,
                offset: offset + from,
            };
            Some(convert(tree.value?, &map))
        })
        .collect();
    let rest = [&text[..split.open + 1], &text[split.close..]].concat();
    let map = SpanMap::Pieces {
        file,
        pieces: vec![
            Piece {
                text: 0,
                file: offset,
                whole: None,
            },
            Piece {
                text: split.open + 1,
                file: offset + split.close,
                whole: None,
            },
        ],
    };
    let tree = jsonc_parser::parse_to_ast(&rest, &COLLECT, &OPTIONS).ok()?;
    let mut top = convert(tree.value?, &map);
    let Kind::Object(entries) = &mut top.kind else {
        return None;
    };
    let at = Some((offset + split.open, offset + split.close + 1));
    let array = entries
        .iter_mut()
        .find(|e| e.value.loc.map(|l| (l.start as usize, l.end as usize)) == at)?;
    match &mut array.value.kind {
        Kind::List(l) if l.is_empty() => *l = items?,
        _ => return None,
    }
    Some(top)
}

/// Arrays from this length on are converted on the pool.
const PARALLEL_ITEMS: usize = 64;

fn convert(v: ast::Value<'_>, map: &SpanMap) -> Value {
    match v {
        ast::Value::StringLit(s) => Value::string(s.value.into_owned(), map.loc(s.range)),
        ast::Value::NumberLit(n) => {
            Value::number(n.value.parse().unwrap_or(f64::NAN), map.loc(n.range))
        }
        ast::Value::BooleanLit(b) => Value::bool(b.value, map.loc(b.range)),
        ast::Value::NullKeyword(n) => Value::new(Kind::Null, map.loc(n.range)),
        ast::Value::Array(a) => {
            let loc = map.loc(a.range);
            // A large document's statements and their action lists are converted in parallel.
            let items = if a.elements.len() >= PARALLEL_ITEMS {
                use rayon::prelude::*;
                a.elements
                    .into_par_iter()
                    .map(|e| convert(e, map))
                    .collect()
            } else {
                a.elements.into_iter().map(|e| convert(e, map)).collect()
            };
            Value::list(items, loc)
        }
        ast::Value::Object(o) => {
            let loc = map.loc(o.range);
            let entries = o
                .properties
                .into_iter()
                .map(|p| {
                    let (key, key_range) = match p.name {
                        ast::ObjectPropName::String(s) => (s.value.into_owned(), s.range),
                        ast::ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                    };
                    Entry {
                        key,
                        key_loc: map.loc(key_range),
                        value: convert(p.value, map),
                    }
                })
                .collect();
            Value::object(entries, loc)
        }
    }
}

/// Append `/token` to a JSON pointer, escaping `~` and `/` (RFC 6901).
pub fn pointer_push(pointer: &str, token: &str) -> String {
    let mut s = String::with_capacity(pointer.len() + token.len() + 1);
    s.push_str(pointer);
    s.push('/');
    // Runs without `~` or `/` copied whole, not a character at a time.
    let mut rest = token;
    while let Some(i) = rest.find(['~', '/']) {
        s.push_str(&rest[..i]);
        s.push_str(if rest.as_bytes()[i] == b'~' {
            "~0"
        } else {
            "~1"
        });
        rest = &rest[i + 1..];
    }
    s.push_str(rest);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(t: &str) -> Result<Value, JsonError> {
        parse(
            t,
            SpanMap::Exact {
                file: FileId(0),
                offset: 10,
            },
        )
    }

    #[test]
    fn spans_point_at_elements_and_keys() {
        let v = exact(r#"{"Action": ["a", "b"]}"#).unwrap();
        let e = v.entry("Action").unwrap();
        assert_eq!(e.key_loc.unwrap().range(), 11..19);
        let b = &e.value.as_list().unwrap()[1];
        assert_eq!(b.as_str(), Some("b"));
        assert_eq!(b.loc.unwrap().range(), 27..30);
    }

    /// `too_deep` skips strings' bodies at once: the offset it gives is the one a byte-by-byte
    /// reading gives, with brackets, quotes and backslashes inside strings and out.
    #[test]
    fn too_deep_reads_strings_as_the_bytewise_scan() {
        fn bytewise(text: &str) -> Option<usize> {
            let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
            for (i, b) in text.bytes().enumerate() {
                if in_str {
                    match b {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' => in_str = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => in_str = true,
                    b'[' | b'{' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Some(i);
                        }
                    }
                    b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            None
        }
        let open = "[".repeat(MAX_DEPTH);
        let pieces = [
            "\"[[[[\"",
            "\"a\\\"[[\"",
            "\"\\\\\"",
            "[",
            "{\"k\": ",
            "]",
            "\"é[\"",
            "\"unterminated [[",
            "\"\\",
        ];
        for a in pieces {
            for b in pieces {
                for text in [
                    format!("{open}{a}{b}[1]"),
                    format!("{a}{open}{b}"),
                    format!("{a}{b}{open}["),
                ] {
                    assert_eq!(too_deep(&text), bytewise(&text), "{text:?}");
                }
            }
        }
        assert_eq!(too_deep(&format!("{open}[")), Some(MAX_DEPTH));
    }

    /// Arrays long enough to be converted on the pool keep their order and exact spans, and
    /// lists inside them too.
    /// A large text parsed in pieces gives the whole text's tree, spans included: statements
    /// before, after and between other members, nested arrays, escapes, non-ASCII text,
    /// whitespace around the items, a file offset; and where a piece does not parse or the text
    /// is not JSON, the whole text's error.
    #[test]
    fn pieces_parse_as_the_whole() {
        let stmt = |i: usize| {
            format!(
                "{{\"Effect\": \"Allow\", \"Action\": [\"ecs:Run{i}\", \"oss:Get\\u0041\"], \
                 \"Resource\": \"é{i}\", \"N\": [{i}, [1.5, null, true]]}}"
            )
        };
        let list = |n: usize, sep: &str| (0..n).map(stmt).collect::<Vec<_>>().join(sep);
        let texts = [
            format!("{{\"Version\": \"1\", \"Statement\": [{}]}}", list(64, ",")),
            format!(
                "{{\"Statement\": [ {} ] , \"Version\":\"1\"}}\n",
                list(100, " ,\n ")
            ),
            format!(
                "{{\"A\": [{}], \"Statement\": [{}], \"B\": {{\"x\": [1, 2]}}}}",
                list(70, ","),
                list(65, ",")
            ),
            // Too few items to split; an array at the top level.
            format!("{{\"Statement\": [{}]}}", list(10, ",")),
            format!("[{}]", list(80, ",")),
            // Not JSON: a trailing comma, a missing comma, an item missing, a comment.
            format!("{{\"Statement\": [{},]}}", list(70, ",")),
            format!("{{\"Statement\": [{} {}]}}", list(70, ","), stmt(1)),
            format!("{{\"Statement\": [{},,{}]}}", list(70, ","), stmt(1)),
            format!(
                "{{\"Statement\": [{}, /* c */ {}]}}",
                list(70, ","),
                stmt(1)
            ),
            format!("{{\"Statement\": [{}], x}}", list(70, ",")),
        ];
        for (n, text) in texts.iter().enumerate() {
            for offset in [0, 17] {
                let map = || SpanMap::Exact {
                    file: FileId(2),
                    offset,
                };
                let whole = parse_with(text, map(), usize::MAX);
                assert_eq!(parse_with(text, map(), 0), whole, "text {n}");
                assert_eq!(whole.is_ok(), n < 5, "text {n}");
                // The pieces themselves, not a fallback to the whole text.
                if n < 3 {
                    let s = structure(text, true).split.unwrap();
                    let pieces = parse_split(text, FileId(2), offset, &s);
                    assert_eq!(pieces.as_ref(), whole.as_ref().ok(), "text {n}");
                }
            }
        }
        // The first three were split: the longest array of 64 items or more.
        let split = |t: &str| {
            structure(t, true)
                .split
                .map(|s| (s.commas.len() + 1, s.open))
        };
        assert_eq!(split(&texts[0]).map(|s| s.0), Some(64));
        assert_eq!(split(&texts[1]).map(|s| s.0), Some(100));
        assert_eq!(split(&texts[2]).map(|s| s.0), Some(70));
        assert_eq!(split(&texts[3]), None);
        assert_eq!(split(&texts[4]), None);
    }

    #[test]
    fn long_arrays_keep_order_and_spans() {
        let items: Vec<String> = (0..PARALLEL_ITEMS * 3)
            .map(|i| format!("[\"{i}\", {i}]"))
            .collect();
        let text = format!("[{}]", items.join(","));
        let v = exact(&text).unwrap();
        let list = v.as_list().unwrap();
        assert_eq!(list.len(), PARALLEL_ITEMS * 3);
        let mut at = 11;
        for (i, (item, src)) in list.iter().zip(&items).enumerate() {
            assert_eq!(item.loc.unwrap().range(), at..at + src.len(), "item {i}");
            let s = &item.as_list().unwrap()[0];
            assert_eq!(s.as_str(), Some(i.to_string().as_str()));
            assert_eq!(s.loc.unwrap().start as usize, at + 1);
            at += src.len() + 1;
        }
    }

    #[test]
    fn errors_are_located_and_depth_is_bounded() {
        let e = exact("{\"a\": }").unwrap_err();
        assert_eq!(e.loc.unwrap().start, 16);
        assert!(exact("").is_err());
        let deep = "[".repeat(100_000);
        let e = exact(&deep).unwrap_err();
        assert!(e.message.contains("nesting"), "{}", e.message);
        assert!(
            exact("{\"a\": 1,}").is_err(),
            "trailing commas are not JSON"
        );
    }

    #[test]
    fn dedented_heredocs_map_line_by_line() {
        let raw = "<<-EOT\n    {\n      \"a\": 1\n    }\n  EOT";
        let value = "{\n  \"a\": 1\n}\n";
        let map = SpanMap::embedded(raw, Loc::new(FileId(0), 100..100 + raw.len()), value);
        let v = parse(value, map).unwrap();
        let key = v.entry("a").unwrap().key_loc.unwrap();
        assert_eq!(
            &raw[key.start as usize - 100..key.end as usize - 100],
            "\"a\""
        );
    }

    /// The source text each member of `/Statement/0` maps to.
    fn statement_spans(raw: &str, value: &str) -> Vec<String> {
        let map = SpanMap::embedded(raw, Loc::new(FileId(0), 100..100 + raw.len()), value);
        let v = parse(value, map).unwrap();
        let st = &v.entry("Statement").unwrap().value.as_list().unwrap()[0];
        let text = |l: Loc| raw[l.start as usize - 100..l.end as usize - 100].to_string();
        let Kind::Object(entries) = &st.kind else {
            panic!()
        };
        entries
            .iter()
            .flat_map(|e| [text(e.key_loc.unwrap()), text(e.value.loc.unwrap())])
            .collect()
    }

    #[test]
    fn interpolated_heredocs_map_around_the_interpolations() {
        let raw = "<<EOF\n{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"${var.e}\",\n  \"Action\": ${jsonencode(var.a)},\"Resource\":\"*\"}]}\nEOF";
        let value = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\n  \"Action\": [\"a\",\"b\"],\"Resource\":\"*\"}]}\n";
        assert_eq!(
            statement_spans(raw, value),
            [
                "\"Effect\"",
                "\"${var.e}\"",
                "\"Action\"",
                "${jsonencode(var.a)}",
                "\"Resource\"",
                "\"*\""
            ]
        );
    }

    #[test]
    fn quoted_strings_map_around_escapes() {
        let raw = r#""{\"Statement\":[{\"Action\":\"${local.a}\",\"Resource\":\"*\"}]}""#;
        let value = r#"{"Statement":[{"Action":"ecs:*","Resource":"*"}]}"#;
        // Escapes before multi-byte characters and unbalanced braces map without panicking.
        for raw in [r#""\é${""#, r#""\u00e9é\"#, "<<E\n${\nE"] {
            let _ = SpanMap::embedded(raw, Loc::new(FileId(0), 0..raw.len()), "xé");
        }
        assert_eq!(
            statement_spans(raw, value),
            [
                r#"\"Action\""#,
                r#"\"${local.a}\""#,
                r#"\"Resource\""#,
                r#"\"*\""#
            ]
        );
    }

    #[test]
    fn pointer_escapes() {
        assert_eq!(pointer_push("/a", "b/c~d"), "/a/b~1c~0d");
    }
}
