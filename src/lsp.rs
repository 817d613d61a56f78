//! The language server (`acslint server`, alias `acslint lsp`).
//!
//! Messages are `lsp-server`'s, protocol types `lsp-types`'. Each document is linted as the
//! command line lints `acslint check - --stdin-filename PATH` (the same configuration discovery,
//! selection and budgets, and the same function, [`lint::lint_file`]): in its module, with the
//! buffer in place of the file on disk, and the other open documents' buffers in place of
//! theirs (an unsaved `variables.tf` feeds `main.tf`). Positions are UTF-16 code units, as LSP
//! asks.
//!
//! The frames are read here rather than by `lsp-server`'s reader: that one ends the connection on
//! the first malformed header or body and allocates whatever `Content-Length` claims. Here a bad
//! frame is answered with a JSON-RPC error and the server goes on; a frame cut by the end of the
//! input is logged before the server ends.

use crate::config::ConfigError;
use crate::engine::{Selection, VerdictCache};
use crate::finding::{Finding, Severity};
use crate::i18n::tr;
use crate::lint::{self, LintOptions, LintResult};
use crate::rules::Registry;
use crate::source::FileKind;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lt;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Why a document's configuration could not be set up.
#[derive(Debug)]
pub enum SetupError {
    /// Errors in `.acslint.hcl` files: shown as diagnostics on those files.
    Config(Vec<ConfigError>),
    /// Anything else (a rule file that does not load, …): shown on the document.
    Other(String),
}

/// What linting a file needs (the CLI's view of the file's configuration): rules, selection,
/// options.
pub type Prepared = (Registry, Selection, LintOptions);

/// A set-up as the server keeps it, shared by the documents of a directory.
type SharedSetup = Rc<Result<Prepared, SetupError>>;

/// Sets up the linting of the document at a path (from its `.acslint.hcl`).
pub type Setup<'a> = dyn Fn(&Path) -> Result<Prepared, SetupError> + 'a;

/// Re-lints caused by other files (a neighbour saved, a watched file changed) wait this long
/// for more changes, so that a `git checkout` touching fifty files re-lints once.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The command a "ignore … — add a reason" action runs after its edit: the server asks the
/// client to put the cursor where the reason goes (`window/showDocument`).
const PLACE_CURSOR: &str = "acslint.placeCursor";

// ---------------------------------------------------------------------------------------------
// Framing

/// One frame read: a message, or what was wrong with it (answered, then the server goes on).
enum Frame {
    Message(Message),
    /// A JSON-RPC error code and why.
    Bad(i32, String),
    /// The input ended inside a frame (a `Content-Length` longer than what followed).
    Truncated(usize, usize),
}

/// Read one `Content-Length`-framed message; `None` at end of input.
fn read_frame(input: &mut impl BufRead) -> std::io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut lines = 0;
    loop {
        let mut line = Vec::new();
        // Header lines are short; a flood without a newline is cut, not buffered whole.
        let n = input.by_ref().take(8192).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        lines += 1;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, v)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("Content-Length") {
                length = v.trim().parse().ok();
            }
        }
        if lines > 64 {
            return Ok(Some(Frame::Bad(
                ErrorCode::ParseError as i32,
                "too many header lines".into(),
            )));
        }
    }
    let parse = ErrorCode::ParseError as i32;
    let Some(n) = length else {
        return Ok(Some(Frame::Bad(
            parse,
            "missing or invalid Content-Length".into(),
        )));
    };
    // Refuse absurd frames rather than allocating them: the body is skipped.
    if n > 64 * 1024 * 1024 {
        std::io::copy(&mut input.by_ref().take(n as u64), &mut std::io::sink())?;
        return Ok(Some(Frame::Bad(parse, "message too large".into())));
    }
    let mut buf = Vec::new();
    input.by_ref().take(n as u64).read_to_end(&mut buf)?;
    if buf.len() < n {
        return Ok(Some(Frame::Truncated(n, buf.len())));
    }
    let v: Value = match serde_json::from_slice(&buf) {
        Ok(v) => v,
        Err(e) => {
            return Ok(Some(Frame::Bad(
                parse,
                format!("the message is not JSON: {e}"),
            )))
        }
    };
    Ok(Some(match to_message(v) {
        Ok(m) => Frame::Message(m),
        Err(e) => Frame::Bad(
            ErrorCode::InvalidRequest as i32,
            format!("not a JSON-RPC request, notification or response: {e}"),
        ),
    }))
}

/// `from_value::<Message>` goes through serde's buffered untagged enum, copying every value
/// twice (a `didChange`'s whole text among them). The shapes that can only be a request or a
/// notification (a string `method`, with a valid id or none) are taken apart here; anything else
/// goes the general way, so that what it becomes, or the error it gets, is unchanged.
fn to_message(v: Value) -> Result<Message, serde_json::Error> {
    use serde::Deserialize;
    let Value::Object(mut m) = v else {
        return serde_json::from_value(v);
    };
    if let Some(Value::String(_)) = m.get("method") {
        // A missing or null id fails `Request` and `Response`: the untagged enum's last variant,
        // `Notification`, takes it. An id that `RequestId` reads makes it a `Request`.
        let id = match m.get("id") {
            None | Some(Value::Null) => Some(None),
            Some(id) => RequestId::deserialize(id).ok().map(Some),
        };
        // (The method is taken out only once the message is known to be one of these.)
        if let Some(id) = id {
            if let Some(Value::String(method)) = m.remove("method") {
                let params = m.remove("params").unwrap_or(Value::Null);
                return Ok(match id {
                    Some(id) => Message::Request(Request { id, method, params }),
                    None => Message::Notification(Notification { method, params }),
                });
            }
        }
    }
    serde_json::from_value(Value::Object(m))
}

/// The last frames written, before and after redaction: an editor is sent the same frame again
/// and again (the diagnostics of a change that moved none of them), and redaction is a
/// function of the text alone, so a body equal byte for byte to one of these is not scanned
/// again.
#[derive(Default)]
struct Redacted {
    last: std::collections::VecDeque<(Vec<u8>, String)>,
}

impl Redacted {
    const KEPT: usize = 4;

    fn body(&mut self, raw: &[u8]) -> &str {
        let i = match self.last.iter().position(|(r, _)| r.as_slice() == raw) {
            Some(i) => i,
            None => {
                let text = String::from_utf8_lossy(raw);
                let masked = crate::redact::redact(&text).into_owned();
                if self.last.len() == Self::KEPT {
                    self.last.pop_front();
                }
                self.last.push_back((raw.to_vec(), masked));
                self.last.len() - 1
            }
        };
        &self.last[i].1
    }
}

/// Write a message; every byte goes through the redaction pass, as the command line's output.
fn write_frame(
    out: &mut impl Write,
    msg: &Message,
    redacted: &mut Redacted,
) -> std::io::Result<()> {
    let mut framed = Vec::new();
    let body = match msg {
        // JSON-RPC: an error about a message whose id could not be read has a null id, which
        // `lsp-server`'s ids cannot hold.
        Message::Response(Response {
            id,
            response_result: Err(e),
        }) if *id == no_id() => {
            let v = json!({"jsonrpc": "2.0", "id": null, "error": {"code": e.code, "message": e.message}});
            framed.extend_from_slice(v.to_string().as_bytes());
            &framed[..]
        }
        // Written by [`Server::publish`] already serialized: the body alone.
        Message::Notification(Notification {
            method,
            params: Value::String(body),
        }) if method == SERIALIZED => body.as_bytes(),
        _ => {
            msg.write(&mut framed)?;
            framed
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .map(|i| &framed[i + 4..])
                .unwrap_or(&framed)
        }
    };
    let body = redacted.body(body);
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// The method of a notification that carries a whole message body already serialized (see
/// [`Server::publish`]); never read from the client, only passed to the writer.
const SERIALIZED: &str = "acslint: serialized";

/// A message whose body is `body`, already serialized.
fn serialized(body: String) -> Message {
    Message::Notification(Notification {
        method: SERIALIZED.into(),
        params: Value::String(body),
    })
}

/// The body `Message::write` gives for a `publishDiagnostics` notification.
fn publish_body(params: &lt::PublishDiagnosticsParams) -> Option<String> {
    let mut body =
        br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":"#.to_vec();
    serde_json::to_writer(&mut body, params).ok()?;
    body.push(b'}');
    String::from_utf8(body).ok()
}

/// The id standing for JSON-RPC's null in [`error_without_id`] (written as `null`).
fn no_id() -> RequestId {
    RequestId::from("acslint: no id".to_string())
}

fn error_without_id(code: i32, message: String) -> Message {
    Message::Response(Response {
        id: no_id(),
        response_result: Err(lsp_server::ResponseError {
            code,
            message,
            data: None,
        }),
    })
}

// ---------------------------------------------------------------------------------------------
// Positions and URIs

/// Line starts of a text, for UTF-16 positions.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }
    /// The LSP position (line, UTF-16 column) of a byte offset.
    fn position(&self, offset: usize) -> lt::Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let col = self.text[self.starts[line]..offset].encode_utf16().count();
        lt::Position::new(line as u32, col as u32)
    }
    fn range(&self, start: usize, end: usize) -> lt::Range {
        lt::Range::new(self.position(start), self.position(end))
    }
    /// The leading blanks of a line.
    fn indent(&self, line: usize) -> &'a str {
        let Some(&s) = self.starts.get(line) else {
            return "";
        };
        let rest = &self.text[s..];
        &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()]
    }
}

/// UTF-16 column of a byte offset within its line.
#[cfg(test)]
fn utf16_position(text: &str, offset: usize) -> (usize, usize) {
    let p = Lines::new(text).position(offset);
    (p.line as usize, p.character as usize)
}

/// The path of a `file:` URI, percent-decoded (spaces, Unicode); `None` for other schemes.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file://localhost/p` and `file:///p` name the same file.
    let path = &rest[rest.find('/')?..];
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}

/// Bytes escaped in a path made a URI: what is not allowed or has a meaning in one.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The `file:` URI of an absolute path (non-ASCII bytes are escaped too).
pub fn path_to_uri(path: &Path) -> String {
    format!(
        "file://{}",
        utf8_percent_encode(&path.to_string_lossy(), PATH)
    )
}

fn uri(s: &str) -> Option<lt::Uri> {
    lt::Uri::from_str(s).ok()
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

fn severity(s: Severity) -> lt::DiagnosticSeverity {
    match s {
        Severity::Critical | Severity::High => lt::DiagnosticSeverity::ERROR,
        Severity::Medium | Severity::Low => lt::DiagnosticSeverity::WARNING,
        Severity::Info => lt::DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as a diagnostic, its ranges in `lines` (the text of the file it is in); secondary
/// labels become related information, in whichever file they are.
fn diagnostic(res: &LintResult, lines: &Lines, f: &Finding) -> lt::Diagnostic {
    let (s, e) = f
        .loc
        .map(|l| (l.start as usize, l.end as usize))
        .unwrap_or((0, 0));
    let related: Vec<lt::DiagnosticRelatedInformation> = f
        .secondary
        .iter()
        .filter_map(|l| {
            let file = res.sources.get(l.loc.file);
            let range = if l.loc.file == f.file {
                lines.range(l.loc.start as usize, l.loc.end as usize)
            } else {
                Lines::new(&file.text).range(l.loc.start as usize, l.loc.end as usize)
            };
            Some(lt::DiagnosticRelatedInformation {
                location: lt::Location::new(
                    uri(&path_to_uri(&crate::report::absolute(&file.path)))?,
                    range,
                ),
                message: l.text.clone(),
            })
        })
        .collect();
    let mut message = f.message.clone();
    if let Some(h) = &f.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    for n in &f.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    lt::Diagnostic {
        range: lines.range(s, e),
        severity: Some(severity(f.severity)),
        code: Some(lt::NumberOrString::String(f.rule.to_string())),
        // Only a published page is a link (see `rules::docs_url`).
        code_description: f
            .url
            .as_deref()
            .and_then(uri)
            .map(|href| lt::CodeDescription { href }),
        source: Some("acslint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// How offsets in a text map to those of the next version of it, as far as positions go: the
/// text differs between a common prefix and a common suffix; a span ending in the prefix has
/// the same position in both, and so has one starting on a line that begins in the suffix, if
/// the change left the number of lines as it was (typing on a line, appending at the end).
struct Edited {
    /// The common prefix's length.
    prefix: usize,
    /// Where the first line starting in the common suffix starts, in the new text (none:
    /// the lines after the change moved, or none starts in the suffix).
    moved_from: Option<usize>,
    /// The new text's length minus the old one's.
    delta: isize,
}

impl Edited {
    fn new(old: &str, new: &str) -> Edited {
        let (o, n) = (old.as_bytes(), new.as_bytes());
        let prefix = crate::util::common_prefix(o, n);
        let suffix = crate::util::common_suffix(&o[prefix..], &n[prefix..]);
        let lines = |t: &[u8]| crate::bytes::count(b'\n', t);
        let same_lines = lines(&o[prefix..o.len() - suffix]) == lines(&n[prefix..n.len() - suffix]);
        let tail = n.len() - suffix;
        let moved_from = same_lines
            .then(|| crate::bytes::find(b'\n', &n[tail..]).map(|i| tail + i + 1))
            .flatten();
        Edited {
            prefix,
            moved_from,
            delta: n.len() as isize - o.len() as isize,
        }
    }

    /// Whether a span of the old text (`old`) and one of the new text (`new`) are at the same
    /// positions: the same span, where the texts are the same up to its end, or the old one
    /// moved with the lines after the change.
    fn same_place(&self, old: (u32, u32), new: (u32, u32)) -> bool {
        let (s, e) = (new.0 as usize, new.1 as usize);
        if e <= self.prefix {
            return old == new;
        }
        self.moved_from.is_some_and(|m| s >= m && e >= s)
            && old.0 as isize == s as isize - self.delta
            && old.1 as isize == e as isize - self.delta
    }
}

/// Whether the findings of `res` in the document (`doc`, its text `text`) give, in order, the
/// diagnostics that `last` (the document's last lint) published: the same words, their spans
/// at the same positions. Secondary labels in other files, whose texts may have changed, are
/// not compared: a finding with one is taken as different.
fn same_diagnostics(
    last: &Linted,
    res: &LintResult,
    doc: Option<crate::source::FileId>,
    text: &str,
) -> bool {
    let (Some(old_doc), Some(doc)) = (last.doc, doc) else {
        return false;
    };
    let edited = Edited::new(&last.text, text);
    let span = |l: &crate::source::Loc| (l.start, l.end);
    let same = |o: &Finding, n: &Finding| {
        o.rule == n.rule
            && o.severity == n.severity
            && o.url == n.url
            && o.message == n.message
            && o.help == n.help
            && o.notes == n.notes
            && match (&o.loc, &n.loc) {
                (None, None) => true,
                (Some(a), Some(b)) => edited.same_place(span(a), span(b)),
                _ => false,
            }
            && o.secondary.len() == n.secondary.len()
            && o.secondary.iter().zip(&n.secondary).all(|(a, b)| {
                a.loc.file == old_doc
                    && b.loc.file == doc
                    && a.text == b.text
                    && edited.same_place(span(&a.loc), span(&b.loc))
            })
    };
    let mut old = last.result.findings.iter().filter(|f| f.file == old_doc);
    let mut new = res.findings.iter().filter(|f| f.file == doc);
    loop {
        match (old.next(), new.next()) {
            (None, None) => return true,
            (Some(o), Some(n)) if same(o, n) => {}
            _ => return false,
        }
    }
}

/// A diagnostic at the start of a file, for what concerns the whole file.
fn file_diagnostic(message: String, sev: lt::DiagnosticSeverity) -> lt::Diagnostic {
    lt::Diagnostic {
        range: lt::Range::default(),
        severity: Some(sev),
        source: Some("acslint".into()),
        message,
        ..Default::default()
    }
}

fn config_error_diagnostic(e: &ConfigError) -> lt::Diagnostic {
    let range = match (&e.source, &e.span) {
        (Some(src), Some(sp)) => Lines::new(&src.text).range(sp.start, sp.end),
        _ => lt::Range::default(),
    };
    let mut message = e.message.clone();
    if let Some(h) = &e.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    lt::Diagnostic {
        range,
        severity: Some(lt::DiagnosticSeverity::ERROR),
        code: Some(lt::NumberOrString::String("config".into())),
        source: Some("acslint".into()),
        message,
        ..Default::default()
    }
}

/// The `## Heading` section of a rule's Markdown documentation.
fn doc_section<'a>(docs: &'a str, heading: &str) -> Option<&'a str> {
    let start = docs.find(&format!("## {heading}\n"))? + heading.len() + 4;
    let rest = &docs[start..];
    let end = rest.find("\n## ").map(|i| i + 1).unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|s| !s.is_empty())
}

/// The hover text of a finding: the rule's title, why, how to fix, and the link.
fn hover_text(reg: &Registry, f: &Finding) -> String {
    let mut s = format!("**{}** `{}` ({})", f.rule, f.name, f.severity);
    if let Some(r) = reg.get(&f.rule) {
        s.push_str(&format!(": {}\n\n{}", r.title, f.message));
        if let Some(why) = doc_section(&r.docs, "Why") {
            s.push_str(&format!("\n\n**Why**\n\n{why}"));
        }
        if let Some(fix) = doc_section(&r.docs, "How to fix").or(f.help.as_deref()) {
            s.push_str(&format!("\n\n**How to fix**\n\n{fix}"));
        }
    } else {
        s.push_str(&format!("\n\n{}", f.message));
    }
    match f.url.as_deref() {
        Some(u) => s.push_str(&format!("\n\n[{} documentation]({u})", f.rule)),
        None => s.push_str(&format!("\n\nMore: `acslint explain {}`", f.rule)),
    }
    s
}

// ---------------------------------------------------------------------------------------------
// The server

struct Linted {
    result: LintResult,
    setup: Rc<Result<Prepared, SetupError>>,
    /// The stdin document's id in `result.sources`.
    doc: Option<crate::source::FileId>,
    /// The document's text as linted (its findings' spans are in it).
    text: String,
    /// The publication of the document's diagnostics (see [`Server::publish`]).
    serial: Option<u64>,
}

struct Doc {
    path: PathBuf,
    text: String,
    last: Option<Linted>,
    /// Every file the last lint read (absolute): a change to one re-lints this document.
    deps: HashSet<PathBuf>,
    /// Other files this document's lint published diagnostics on.
    foreign: HashSet<String>,
    /// The verdicts of its last lint's expression rules, reused for the blocks a change left
    /// as they were, while the document's set-up stays the same.
    verdicts: Option<(SharedSetup, Arc<VerdictCache>)>,
}

/// Diagnostics published on a file, their serialized body, and the publication's serial number.
type Published = (Vec<lt::Diagnostic>, String, u64);

struct Server<'a> {
    setup: &'a Setup<'a>,
    conn: &'a Connection,
    docs: BTreeMap<String, Doc>,
    /// The set-up of each document directory, until a configuration file changes.
    setups: HashMap<PathBuf, Rc<Result<Prepared, SetupError>>>,
    /// Diagnostics other documents' lints found in files that are not open (a policy read with
    /// `file()`), by file URI and then by the document that found them.
    foreign: HashMap<String, BTreeMap<String, Vec<lt::Diagnostic>>>,
    /// The diagnostics last published on each file (none kept for an empty list), their
    /// serialized body, and the publication's serial number (see [`Server::republish`]).
    published: std::cell::RefCell<HashMap<String, Published>>,
    /// The last serial number given to a publication.
    serials: std::cell::Cell<u64>,
    /// Configuration files with errors published.
    config_errors: HashSet<String>,
    /// The open documents' texts by path: linting a document reads its open neighbours (and
    /// policies read with `file()`) from here rather than from the disk.
    overlay: std::sync::Arc<lint::Overlay>,
    /// Documents to re-lint once `deadline` passes (changes of other files).
    pending: HashSet<String>,
    deadline: Option<Instant>,
    shutdown: bool,
    next_id: i32,
    show_document: bool,
    watch_registration: bool,
    /// Where documents are linted (see [`lint::one_thread_pool`]); without it, where the loop
    /// runs: the CLI's one thread ([`lint::alone`]), or the analysis pool.
    pool: Option<rayon::ThreadPool>,
}

impl<'a> Server<'a> {
    fn send(&self, m: impl Into<Message>) {
        let _ = self.conn.sender.send(m.into());
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.into(), params));
    }

    fn request(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_id += 1;
        let id = RequestId::from(format!("acslint-{}", self.next_id));
        self.send(Request::new(id, method.into(), params));
    }

    fn log(&self, typ: lt::MessageType, message: String) {
        self.notify("window/logMessage", lt::LogMessageParams { typ, message });
    }

    /// Publish a file's diagnostics; the serial number of the publication, when its
    /// diagnostics are kept (not an empty list).
    fn publish(&self, uri_s: &str, diagnostics: Vec<lt::Diagnostic>) -> Option<u64> {
        let mut published = self.published.borrow_mut();
        // The same diagnostics as last time on this file (a change that moved none of them):
        // the same body.
        if let Some((d, body, serial)) = published.get(uri_s) {
            if *d == diagnostics {
                let (m, serial) = (serialized(body.clone()), *serial);
                drop(published);
                self.send(m);
                return Some(serial);
            }
        }
        let mut kept = None;
        if let Some(u) = uri(uri_s) {
            // Serialized straight to the bytes `Message::write` gives (`jsonrpc`, `method`,
            // `params`, in that order), rather than through a `Value` tree of every diagnostic.
            let params = lt::PublishDiagnosticsParams::new(u, diagnostics, None);
            match publish_body(&params) {
                Some(body) => {
                    if params.diagnostics.is_empty() {
                        published.remove(uri_s);
                    } else {
                        let serial = self.serials.get() + 1;
                        self.serials.set(serial);
                        kept = Some(serial);
                        published.insert(
                            uri_s.to_string(),
                            (params.diagnostics, body.clone(), serial),
                        );
                    }
                    drop(published);
                    self.send(serialized(body))
                }
                None => {
                    published.remove(uri_s);
                    drop(published);
                    self.notify("textDocument/publishDiagnostics", params)
                }
            }
        }
        kept
    }

    /// Publish again what publication `serial` published on a file, if it is still the last
    /// one there: whether it was.
    fn republish(&self, uri_s: &str, serial: u64) -> bool {
        let published = self.published.borrow();
        let Some((_, body, _)) = published.get(uri_s).filter(|p| p.2 == serial) else {
            return false;
        };
        let m = serialized(body.clone());
        drop(published);
        self.send(m);
        true
    }

    fn setup_for(&mut self, path: &Path) -> Rc<Result<Prepared, SetupError>> {
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        if let Some(s) = self.setups.get(&dir) {
            return s.clone();
        }
        let setup = self.setup;
        let s = Rc::new(
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| setup(path))).unwrap_or_else(
                |_| {
                    Err(SetupError::Other(
                        "internal error while reading the configuration".into(),
                    ))
                },
            ),
        );
        self.setups.insert(dir, s.clone());
        s
    }

    /// Publish the errors of the configurations in play, and clear those fixed since.
    fn publish_config_errors(&mut self) {
        let mut by_file: BTreeMap<String, Vec<lt::Diagnostic>> = BTreeMap::new();
        for s in self.setups.values() {
            if let Err(SetupError::Config(errs)) = &**s {
                for e in errs {
                    let Some(src) = &e.source else { continue };
                    let u = path_to_uri(&crate::report::absolute(&src.path));
                    let d = config_error_diagnostic(e);
                    let list = by_file.entry(u).or_default();
                    if !list.contains(&d) {
                        list.push(d);
                    }
                }
            }
        }
        let old = std::mem::take(&mut self.config_errors);
        for u in old.difference(&by_file.keys().cloned().collect()) {
            self.publish(u, Vec::new());
        }
        for (u, d) in by_file {
            self.publish(&u, d);
            self.config_errors.insert(u);
        }
    }

    /// Lint an open document and publish its diagnostics (and those it found in other files).
    fn lint(&mut self, uri_s: &str) {
        let Some(doc) = self.docs.get(uri_s) else {
            return;
        };
        let path = doc.path.clone();
        if path
            .file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME)
        {
            // A configuration is checked when it is loaded for the documents it governs.
            return;
        }
        let setup = self.setup_for(&path);
        let doc = &self.docs[uri_s];
        let verdicts = match &doc.verdicts {
            Some((s, v)) if Rc::ptr_eq(s, &setup) => v.clone(),
            _ => Arc::new(VerdictCache::default()),
        };
        let (own, foreign, linted, deps) = match &*setup {
            Err(SetupError::Config(errs)) => {
                let files: Vec<String> = errs
                    .iter()
                    .filter_map(|e| e.source.as_ref().map(|s| s.display.clone()))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let d = file_diagnostic(
                    format!(
                        "not linted: the configuration has errors ({})",
                        if files.is_empty() {
                            errs.first().map(|e| e.message.clone()).unwrap_or_default()
                        } else {
                            files.join(", ")
                        }
                    ),
                    lt::DiagnosticSeverity::ERROR,
                );
                (Some(vec![d]), BTreeMap::new(), None, HashSet::new())
            }
            Err(SetupError::Other(m)) => (
                Some(vec![file_diagnostic(
                    format!("not linted: {m}"),
                    lt::DiagnosticSeverity::ERROR,
                )]),
                BTreeMap::new(),
                None,
                HashSet::new(),
            ),
            Ok((reg, sel, opts)) => {
                // The command line's path for a named file or `--stdin-filename`: the document
                // in its module, with the other open buffers in place of their files on disk.
                let mut opts = opts.clone();
                opts.overlay = Some(self.overlay.clone());
                opts.verdicts = Some(verdicts.clone());
                let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let text = doc.text.as_str();
                    let lint = || lint::lint_file(&opts, reg, sel, &path, Some(text));
                    match &self.pool {
                        Some(p) => p.install(lint),
                        None => lint(),
                    }
                }));
                match run {
                    Ok(Ok(res)) => {
                        let (own, foreign, id, deps) =
                            self.split(&res, &path, &doc.text, doc.last.as_ref());
                        (
                            own,
                            foreign,
                            Some(Linted {
                                result: res,
                                setup: setup.clone(),
                                doc: id,
                                text: doc.text.clone(),
                                serial: None,
                            }),
                            deps,
                        )
                    }
                    Ok(Err(m)) => (
                        Some(vec![file_diagnostic(
                            format!("not linted: {m}"),
                            lt::DiagnosticSeverity::ERROR,
                        )]),
                        BTreeMap::new(),
                        None,
                        HashSet::new(),
                    ),
                    Err(_) => (
                        Some(vec![file_diagnostic(
                            "not linted: internal error in the analysis (TF006); please report it"
                                .into(),
                            lt::DiagnosticSeverity::ERROR,
                        )]),
                        BTreeMap::new(),
                        None,
                        HashSet::new(),
                    ),
                }
            }
        };
        let mut linted = linted;
        let serial = match own {
            Some(own) => self.publish(uri_s, own),
            // The diagnostics of the last lint, published again.
            None => {
                let last = self.docs.get(uri_s).and_then(|d| d.last.as_ref());
                let serial = last.and_then(|l| l.serial);
                match serial {
                    Some(s) if self.republish(uri_s, s) => Some(s),
                    _ => {
                        // (`split` said they were still the last ones published.)
                        let own = linted
                            .as_ref()
                            .map(|l| self.own_diagnostics(&l.result, l.doc, &l.text))
                            .unwrap_or_default();
                        self.publish(uri_s, own)
                    }
                }
            }
        };
        if let Some(l) = &mut linted {
            l.serial = serial;
        }
        // Findings in other files: published on those files, merged with what other open
        // documents found there; files open themselves publish their own.
        let old = self
            .docs
            .get(uri_s)
            .map(|d| d.foreign.clone())
            .unwrap_or_default();
        let new: HashSet<String> = foreign.keys().cloned().collect();
        for u in old.difference(&new) {
            if let Some(m) = self.foreign.get_mut(u) {
                m.remove(uri_s);
            }
        }
        for (u, d) in foreign {
            self.foreign
                .entry(u)
                .or_default()
                .insert(uri_s.to_string(), d);
        }
        for u in old.union(&new) {
            if self.docs.contains_key(u) {
                continue;
            }
            let all: Vec<lt::Diagnostic> = self
                .foreign
                .get(u)
                .map(|m| m.values().flatten().cloned().collect())
                .unwrap_or_default();
            self.publish(u, all);
        }
        verdicts.sweep();
        if let Some(d) = self.docs.get_mut(uri_s) {
            d.last = linted;
            d.deps = deps;
            d.foreign = new;
            d.verdicts = Some((setup, verdicts));
        }
        self.publish_config_errors();
    }

    /// The document's diagnostics (`None`: those of `last`, the document's last lint, are
    /// what its findings give), those in other files (by URI), the document's id, and the files
    /// read.
    #[allow(clippy::type_complexity)]
    fn split(
        &self,
        res: &LintResult,
        path: &Path,
        text: &str,
        last: Option<&Linted>,
    ) -> (
        Option<Vec<lt::Diagnostic>>,
        BTreeMap<String, Vec<lt::Diagnostic>>,
        Option<crate::source::FileId>,
        HashSet<PathBuf>,
    ) {
        let doc_id = res
            .sources
            .files()
            .iter()
            .find(|f| f.origin.is_none() && f.path == path)
            .map(|f| f.id);
        let same = last.is_some_and(|l| same_diagnostics(l, res, doc_id, text));
        let own = (!same).then(|| self.own_diagnostics(res, doc_id, text));
        let mut foreign: BTreeMap<String, Vec<lt::Diagnostic>> = BTreeMap::new();
        let mut other_lines: HashMap<crate::source::FileId, Lines> = HashMap::new();
        for f in &res.findings {
            if Some(f.file) == doc_id {
                continue;
            }
            let file = res.sources.get(f.file);
            let l = other_lines
                .entry(f.file)
                .or_insert_with(|| Lines::new(&file.text));
            foreign
                .entry(path_to_uri(&crate::report::absolute(&file.path)))
                .or_default()
                .push(diagnostic(res, l, f));
        }
        let deps = res
            .sources
            .files()
            .iter()
            .filter(|f| f.origin.is_none() && Some(f.id) != doc_id)
            .map(|f| crate::report::absolute(&f.path))
            .collect();
        (own, foreign, doc_id, deps)
    }

    /// The diagnostics of the findings in the document (`doc` in `res`, its text `text`).
    fn own_diagnostics(
        &self,
        res: &LintResult,
        doc: Option<crate::source::FileId>,
        text: &str,
    ) -> Vec<lt::Diagnostic> {
        let lines = Lines::new(text);
        res.findings
            .iter()
            .filter(|f| Some(f.file) == doc)
            .map(|f| diagnostic(res, &lines, f))
            .collect()
    }

    /// Re-lint, after the debounce, the open documents that a changed file can affect: those
    /// that read it, and those of its directory (a new file joins the module).
    fn changed(&mut self, path: &Path) {
        let config = path.extension().is_some_and(|e| e == "hcl" || e == "json")
            && !path.to_string_lossy().ends_with(".tf.json");
        let is_config = path
            .file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME);
        if is_config || config {
            // Configurations, their `extends`, rule files and high-risk lists: set up again.
            self.setups.clear();
        }
        let dir = path.parent();
        for (u, d) in &self.docs {
            if d.path == path {
                continue;
            }
            if is_config || config || d.deps.contains(path) || d.path.parent() == dir {
                self.pending.insert(u.clone());
            }
        }
        if !self.pending.is_empty() {
            self.deadline = Some(Instant::now() + DEBOUNCE);
        }
        if is_config && self.pending.is_empty() {
            // No open document: the configuration's own errors are still worth showing.
            let probe = path.with_file_name("main.tf");
            self.setup_for(&probe);
            self.publish_config_errors();
        }
    }

    /// An open document's text changed (or it was opened with unsaved text, or closed): the
    /// other open documents that read it are re-linted after the debounce, with the buffer in
    /// place of the disk. Unlike [`Self::changed`] the configurations stay: they are read
    /// from disk.
    fn buffer_changed(&mut self, uri_s: &str, path: &Path) {
        let text = self.docs.get(uri_s).map(|d| d.text.clone());
        let overlay = std::sync::Arc::make_mut(&mut self.overlay);
        match text {
            Some(t) => overlay.insert(path.to_path_buf(), t),
            None => overlay.remove(path),
        };
        let dir = path.parent();
        for (u, d) in &self.docs {
            if u != uri_s && (d.deps.contains(path) || d.path.parent() == dir) {
                self.pending.insert(u.clone());
            }
        }
        if !self.pending.is_empty() {
            self.deadline = Some(Instant::now() + DEBOUNCE);
        }
    }

    fn flush_pending(&mut self) {
        self.deadline = None;
        let pending: Vec<String> = self.pending.drain().collect();
        for u in pending {
            self.lint(&u);
        }
    }

    fn initialize(&mut self, req: Request) {
        let caps = &req.params["capabilities"];
        self.show_document = caps["window"]["showDocument"]["support"] == json!(true);
        self.watch_registration =
            caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] == json!(true);
        let result = lt::InitializeResult {
            capabilities: lt::ServerCapabilities {
                text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
                    lt::TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(lt::TextDocumentSyncKind::FULL),
                        save: Some(lt::TextDocumentSyncSaveOptions::SaveOptions(
                            lt::SaveOptions {
                                include_text: Some(true),
                            },
                        )),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
                code_action_provider: Some(lt::CodeActionProviderCapability::Options(
                    lt::CodeActionOptions {
                        code_action_kinds: Some(vec![
                            lt::CodeActionKind::QUICKFIX,
                            lt::CodeActionKind::from("source.fixAll.acslint"),
                        ]),
                        ..Default::default()
                    },
                )),
                execute_command_provider: Some(lt::ExecuteCommandOptions {
                    commands: vec![PLACE_CURSOR.into()],
                    ..Default::default()
                }),
                ..Default::default()
            },
            server_info: Some(lt::ServerInfo {
                name: "acslint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        self.send(Response::new_ok(req.id, result));
    }

    /// After `initialized`: ask to be told about changes of the files that configure or feed a
    /// module (`.acslint.hcl`, variables, tfvars, called modules, policies read with `file()`).
    fn register_watchers(&mut self) {
        if !self.watch_registration {
            return;
        }
        let watchers: Vec<lt::FileSystemWatcher> =
            ["**/*.tf", "**/*.tfvars", "**/*.json", "**/*.hcl"]
                .iter()
                .map(|g| lt::FileSystemWatcher {
                    glob_pattern: lt::GlobPattern::String(g.to_string()),
                    kind: None,
                })
                .collect();
        let options = lt::DidChangeWatchedFilesRegistrationOptions { watchers };
        self.request(
            "client/registerCapability",
            lt::RegistrationParams {
                registrations: vec![lt::Registration {
                    id: "acslint-watched-files".into(),
                    method: "workspace/didChangeWatchedFiles".into(),
                    register_options: serde_json::to_value(options).ok(),
                }],
            },
        );
    }

    fn open(&mut self, uri_s: String, text: String) {
        let Some(path) = uri_to_path(&uri_s) else {
            self.log(
                lt::MessageType::WARNING,
                format!("acslint: {uri_s} is not a file: URI; not linted"),
            );
            return;
        };
        let path = crate::tf::module::normalize(&crate::report::absolute(&path));
        // Opened with text that is not on disk: the documents that read it see the buffer.
        let unsaved = std::fs::read(&path).ok().as_deref() != Some(text.as_bytes());
        let doc = Doc {
            path: path.clone(),
            text,
            last: None,
            deps: HashSet::new(),
            foreign: HashSet::new(),
            verdicts: None,
        };
        self.docs.insert(uri_s.clone(), doc);
        self.pending.remove(&uri_s);
        if unsaved {
            self.buffer_changed(&uri_s, &path);
        } else {
            let t = self.docs[&uri_s].text.clone();
            std::sync::Arc::make_mut(&mut self.overlay).insert(path, t);
        }
        self.lint(&uri_s);
    }

    fn close(&mut self, uri_s: &str) {
        let Some(doc) = self.docs.remove(uri_s) else {
            return;
        };
        self.publish(uri_s, Vec::new());
        self.pending.remove(uri_s);
        // Closed, perhaps unsaved: its dependents read the disk again.
        self.buffer_changed(uri_s, &doc.path);
        for u in &doc.foreign {
            if let Some(m) = self.foreign.get_mut(u) {
                m.remove(uri_s);
                let all: Vec<lt::Diagnostic> = m.values().flatten().cloned().collect();
                if !self.docs.contains_key(u) {
                    self.publish(u, all);
                }
            }
        }
    }

    fn hover(&self, p: &lt::HoverParams) -> Option<lt::Hover> {
        let u = p.text_document_position_params.text_document.uri.as_str();
        let pos = p.text_document_position_params.position;
        let doc = self.docs.get(u)?;
        let linted = doc.last.as_ref()?;
        let Ok((reg, _, _)) = &*linted.setup else {
            return None;
        };
        let lines = Lines::new(&doc.text);
        let mut parts = Vec::new();
        let mut range = None;
        for f in &linted.result.findings {
            if Some(f.file) != linted.doc {
                continue;
            }
            let (s, e) = f
                .loc
                .map(|l| (l.start as usize, l.end as usize))
                .unwrap_or((0, 0));
            let r = lines.range(s, e);
            if r.start <= pos && pos <= r.end {
                parts.push(hover_text(reg, f));
                range.get_or_insert(r);
            }
        }
        (!parts.is_empty()).then(|| lt::Hover {
            contents: lt::HoverContents::Markup(lt::MarkupContent {
                kind: lt::MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range,
        })
    }

    fn code_actions(&self, p: &lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        let u = p.text_document.uri.as_str();
        let Some(doc) = self.docs.get(u) else {
            return Vec::new();
        };
        let Some(linted) = &doc.last else {
            return Vec::new();
        };
        let (Ok((reg, _, _)), Some(id)) = (&*linted.setup, linted.doc) else {
            return Vec::new();
        };
        let res = &linted.result;
        let src = res.sources.get(id);
        let masked = src.text.clone();
        let text = doc.text.as_str();
        let lines = Lines::new(text);
        // Comments exist in HCL only: JSON files are silenced through the configuration.
        let commented = matches!(src.kind, FileKind::Hcl | FileKind::Tfvars);
        let only = p.context.only.clone().unwrap_or_default();
        let wants =
            |kind: &str| only.is_empty() || only.iter().any(|o| kind.starts_with(o.as_str()));
        let target = uri(u).expect("the document's own URI");
        let edit = |edits: Vec<lt::TextEdit>| lt::WorkspaceEdit {
            changes: Some(HashMap::from([(target.clone(), edits)])),
            ..Default::default()
        };
        let mut actions = Vec::new();
        let mut ignored_in_file = HashSet::new();
        for f in &res.findings {
            if f.file != id {
                continue;
            }
            let (s, e) = f
                .loc
                .map(|l| (l.start as usize, l.end as usize))
                .unwrap_or((0, 0));
            let r = lines.range(s, e);
            // Lines, not columns: a cursor anywhere on the diagnostic's lines gets its actions.
            if r.end.line < p.range.start.line || r.start.line > p.range.end.line {
                continue;
            }
            if !wants("quickfix") {
                continue;
            }
            let diag = diagnostic(res, &lines, f);
            if let Some(fix) = &f.fix {
                let edits: Vec<&crate::fix::Edit> = fix.edits.iter().collect();
                if fix.edits.iter().all(|e| e.loc.file == id) {
                    if let Some(edits) = text_edits(&lines, &masked, &edits) {
                        let unsafe_ = fix.safety == crate::fix::Safety::Unsafe;
                        actions.push(lt::CodeAction {
                            title: format!(
                                "{}: {}{}",
                                f.rule,
                                fix.description,
                                if unsafe_ { tr!(" (unsafe fix)") } else { "" }
                            ),
                            kind: Some(lt::CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![diag.clone()]),
                            edit: Some(edit(edits)),
                            is_preferred: Some(!unsafe_),
                            ..Default::default()
                        });
                    }
                }
            }
            let ignorable = reg.get(&f.rule).is_some_and(|r| r.ignorable);
            if !commented || !ignorable {
                continue;
            }
            // `# acslint:ignore CODE -- ` alone on the line above covers the block or attribute
            // starting on the finding's line (or that line); the reason is the user's to write.
            let line = r.start.line;
            let indent = lines.indent(line as usize);
            let here = format!("{indent}# acslint:ignore {} -- ", f.rule);
            let cursor = lt::Position::new(line, here.encode_utf16().count() as u32);
            actions.push(self.ignore_action(
                tr!("acslint: ignore {code} here — add a reason", code = f.rule),
                &diag,
                edit(vec![lt::TextEdit::new(
                    lt::Range::new(lt::Position::new(line, 0), lt::Position::new(line, 0)),
                    format!("{here}\n"),
                )]),
                &target,
                cursor,
            ));
            if ignored_in_file.insert(f.rule.clone()) {
                let line = format!("# acslint:ignore-file {} -- ", f.rule);
                let cursor = lt::Position::new(0, line.encode_utf16().count() as u32);
                actions.push(self.ignore_action(
                    tr!(
                        "acslint: ignore {code} in this file — add a reason",
                        code = f.rule
                    ),
                    &diag,
                    edit(vec![lt::TextEdit::new(
                        lt::Range::default(),
                        format!("{line}\n"),
                    )]),
                    &target,
                    cursor,
                ));
            }
        }
        if wants("source.fixAll.acslint") || wants("quickfix") {
            let plan = crate::fix::plan(&res.sources, &res.findings, false);
            let edits = plan.edits.get(&id).map(|v| v.iter().collect::<Vec<_>>());
            if let Some(edits) = edits.and_then(|e| text_edits(&lines, &masked, &e)) {
                if plan.files.len() == 1 {
                    actions.push(lt::CodeAction {
                        title: tr!("acslint: fix all auto-fixable problems in this file").into(),
                        kind: Some(lt::CodeActionKind::from("source.fixAll.acslint")),
                        edit: Some(edit(edits)),
                        ..Default::default()
                    });
                }
            }
        }
        actions
            .into_iter()
            .map(lt::CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn ignore_action(
        &self,
        title: String,
        diag: &lt::Diagnostic,
        edit: lt::WorkspaceEdit,
        target: &lt::Uri,
        cursor: lt::Position,
    ) -> lt::CodeAction {
        lt::CodeAction {
            title,
            kind: Some(lt::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag.clone()]),
            edit: Some(edit),
            // After the edit, the client runs the command: the cursor goes after `-- `.
            command: Some(lt::Command {
                title: tr!("Write the reason").into(),
                command: PLACE_CURSOR.into(),
                arguments: Some(vec![json!(target.as_str()), json!(cursor)]),
            }),
            is_preferred: Some(false),
            ..Default::default()
        }
    }

    fn execute_command(&mut self, p: &lt::ExecuteCommandParams) -> Result<Value, String> {
        if p.command != PLACE_CURSOR {
            return Err(format!("unknown command {}", p.command));
        }
        let (Some(u), Some(pos)) = (
            p.arguments.first().and_then(Value::as_str).and_then(uri),
            p.arguments
                .get(1)
                .and_then(|v| serde_json::from_value::<lt::Position>(v.clone()).ok()),
        ) else {
            return Err("expected a URI and a position".into());
        };
        if self.show_document {
            self.request(
                "window/showDocument",
                lt::ShowDocumentParams {
                    uri: u,
                    external: None,
                    take_focus: Some(true),
                    selection: Some(lt::Range::new(pos, pos)),
                },
            );
        }
        Ok(Value::Null)
    }

    /// Handle one request; the reply, if any.
    fn handle_request(&mut self, req: Request) -> Option<Response> {
        let id = req.id.clone();
        if self.shutdown {
            return Some(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
        }
        let bad = |id: RequestId, e: serde_json::Error| {
            Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
        };
        Some(match req.method.as_str() {
            "initialize" => {
                self.initialize(req);
                return None;
            }
            "shutdown" => {
                self.shutdown = true;
                Response::new_ok(id, Value::Null)
            }
            "textDocument/hover" => match serde_json::from_value::<lt::HoverParams>(req.params) {
                Ok(p) => Response::new_ok(id, self.hover(&p)),
                Err(e) => bad(id, e),
            },
            "textDocument/codeAction" => {
                match serde_json::from_value::<lt::CodeActionParams>(req.params) {
                    Ok(p) => Response::new_ok(id, self.code_actions(&p)),
                    Err(e) => bad(id, e),
                }
            }
            "workspace/executeCommand" => {
                match serde_json::from_value::<lt::ExecuteCommandParams>(req.params) {
                    Ok(p) => match self.execute_command(&p) {
                        Ok(v) => Response::new_ok(id, v),
                        Err(m) => Response::new_err(id, ErrorCode::InvalidParams as i32, m),
                    },
                    Err(e) => bad(id, e),
                }
            }
            m => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("method not found: {m}"),
            ),
        })
    }

    fn handle_notification(&mut self, n: Notification) {
        let p = &n.params;
        let uri_s = p["textDocument"]["uri"].as_str().unwrap_or("").to_string();
        match n.method.as_str() {
            "initialized" => self.register_watchers(),
            "textDocument/didOpen" => {
                let text = p["textDocument"]["text"].as_str().unwrap_or("").to_string();
                self.open(uri_s, text);
            }
            "textDocument/didChange" => {
                // Full sync: the last change is the whole text.
                let text = p["contentChanges"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c["text"].as_str());
                if let (Some(text), Some(d)) = (text, self.docs.get_mut(&uri_s)) {
                    d.text = text.to_string();
                    let path = d.path.clone();
                    self.lint(&uri_s);
                    // Its open dependents follow the buffer (debounced).
                    self.buffer_changed(&uri_s, &path);
                }
            }
            "textDocument/didSave" => {
                let Some(d) = self.docs.get_mut(&uri_s) else {
                    return;
                };
                if let Some(text) = p["text"].as_str() {
                    d.text = text.to_string();
                }
                let (path, text) = (d.path.clone(), d.text.clone());
                std::sync::Arc::make_mut(&mut self.overlay).insert(path.clone(), text);
                self.lint(&uri_s);
                // On disk now: the documents that read this file see the change.
                self.changed(&path);
            }
            "textDocument/didClose" => self.close(&uri_s),
            "workspace/didChangeWatchedFiles" => {
                if let Ok(params) =
                    serde_json::from_value::<lt::DidChangeWatchedFilesParams>(n.params)
                {
                    for c in params.changes {
                        if let Some(path) = uri_to_path(c.uri.as_str()) {
                            self.changed(&crate::report::absolute(&path));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Serve until `exit` or the end of the input; the process exit code.
    fn run(&mut self) -> i32 {
        loop {
            let msg = match self.deadline {
                Some(d) => match self
                    .conn
                    .receiver
                    .recv_timeout(d.saturating_duration_since(Instant::now()))
                {
                    Ok(m) => m,
                    Err(e) if e.is_timeout() => {
                        self.flush_pending();
                        continue;
                    }
                    Err(_) => break,
                },
                None => match self.conn.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => break,
                },
            };
            match msg {
                Message::Request(req) => {
                    let id = req.id.clone();
                    let method = req.method.clone();
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        self.handle_request(req)
                    }));
                    match r {
                        Ok(Some(resp)) => self.send(resp),
                        Ok(None) => {}
                        Err(_) => self.send(Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("internal error handling {method}"),
                        )),
                    }
                }
                Message::Notification(n) => {
                    if n.method == "exit" {
                        return if self.shutdown { 0 } else { 1 };
                    }
                    let method = n.method.clone();
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        self.handle_notification(n)
                    }));
                    if r.is_err() {
                        self.log(
                            lt::MessageType::ERROR,
                            format!("acslint: internal error handling {method}"),
                        );
                    }
                }
                // Replies to our registration and showDocument requests: nothing to do.
                Message::Response(_) => {}
            }
        }
        if self.shutdown {
            0
        } else {
            1
        }
    }
}

/// The edits of fixes as LSP text edits, when they leave what redaction masked alone (the
/// edits were computed on the masked text).
fn text_edits(
    lines: &Lines,
    masked: &str,
    edits: &[&crate::fix::Edit],
) -> Option<Vec<lt::TextEdit>> {
    let text = lines.text;
    edits
        .iter()
        .map(|e| {
            let r = e.loc.range();
            (text.get(r.clone())? == masked.get(r.clone())?)
                .then(|| lt::TextEdit::new(lines.range(r.start, r.end), e.text.clone()))
        })
        .collect()
}

/// Serve the language server protocol on `input`/`output` until `exit` or the end of the input;
/// returns the process exit code (0 after `shutdown`, else 1).
pub fn serve(setup: &Setup, input: impl Read + Send, mut output: impl Write + Send) -> i32 {
    crate::redact::expect_many_texts();
    crate::util::expect_repeated_runs();
    let (server, client) = Connection::memory();
    std::thread::scope(|scope| {
        // Answers to bad frames go straight to the writer.
        let to_writer = server.sender.clone();
        let from_server = client.receiver;
        let writer = scope.spawn(move || {
            let mut redacted = Redacted::default();
            for m in from_server {
                if write_frame(&mut output, &m, &mut redacted).is_err() {
                    break;
                }
            }
        });
        let to_server = client.sender;
        scope.spawn(move || {
            let mut input = std::io::BufReader::new(input);
            loop {
                match read_frame(&mut input) {
                    Ok(Some(Frame::Message(m))) => {
                        let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                        if to_server.send(m).is_err() || exit {
                            break;
                        }
                    }
                    Ok(Some(Frame::Bad(code, why))) => {
                        let _ = to_writer.send(error_without_id(code, why));
                    }
                    Ok(Some(Frame::Truncated(want, got))) => {
                        let why = format!("acslint server: the input ended inside a message (Content-Length {want}, {got} bytes received)");
                        eprintln!("{}", crate::redact::redact(&why));
                        let _ = to_writer.send(
                            Notification::new(
                                "window/logMessage".into(),
                                lt::LogMessageParams {
                                    typ: lt::MessageType::ERROR,
                                    message: why,
                                },
                            )
                            .into(),
                        );
                        break;
                    }
                    Ok(None) => break,
                    Err(e) => {
                        eprintln!("acslint server: cannot read the input: {e}");
                        break;
                    }
                }
            }
            // Dropping `to_server` ends the main loop once it has handled what was read.
        });
        let code = {
            let mut s = Server {
                setup,
                conn: &server,
                docs: BTreeMap::new(),
                setups: HashMap::new(),
                foreign: HashMap::new(),
                published: Default::default(),
                serials: Default::default(),
                config_errors: HashSet::new(),
                overlay: Default::default(),
                pending: HashSet::new(),
                deadline: None,
                shutdown: false,
                next_id: 0,
                show_document: false,
                watch_registration: false,
                // On a thread of its own pool (the CLI's), documents are linted where the
                // loop runs, without a hand-over to another thread and back.
                pool: rayon::current_thread_index()
                    .is_none()
                    .then(lint::one_thread_pool)
                    .flatten(),
            };
            s.run()
        };
        // Let the writer drain and stop: no sender is left once the server's is dropped.
        drop(server);
        let _ = writer.join();
        code
    })
}

/// [`serve`] with one rule set and selection for every document and no configuration (fuzzing,
/// unit tests).
pub fn serve_rules(
    reg: &Registry,
    sel: &Selection,
    input: impl Read + Send,
    output: impl Write + Send,
) -> i32 {
    let setup = |_: &Path| -> Result<Prepared, SetupError> {
        Ok((reg.clone(), sel.clone(), LintOptions::default()))
    };
    serve(&setup, input, output)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(v: Value) -> String {
        let b = v.to_string();
        format!("Content-Length: {}\r\n\r\n{b}", b.len())
    }

    fn messages(out: &str) -> Vec<Value> {
        let mut msgs = Vec::new();
        let mut rest = out;
        while let Some(i) = rest.find("\r\n\r\n") {
            let len: usize = rest[..i]
                .trim_start_matches("Content-Length: ")
                .parse()
                .unwrap();
            msgs.push(serde_json::from_str::<Value>(&rest[i + 4..i + 4 + len]).unwrap());
            rest = &rest[i + 4 + len..];
        }
        msgs
    }

    #[test]
    fn quick_fix_and_fix_all_code_actions() {
        let text = "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name   = \"t\"\n  trail_region = \"cn-hangzhou\"\n  status       = \"Disable\"\n}\n";
        let uri = "file:///w/main.tf";
        let input = [
            frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})),
            frame(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}})),
            frame(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 2, "character": 2}, "end": {"line": 2, "character": 2}}, "context": {"diagnostics": []}}})),
            frame(json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}})),
            frame(json!({"jsonrpc": "2.0", "method": "exit"})),
        ]
        .concat();
        let reg = Registry::builtin();
        let mut out = Vec::new();
        serve_rules(reg, &Selection::defaults(reg), input.as_bytes(), &mut out);
        let msgs = messages(&String::from_utf8(out).unwrap());
        assert_eq!(
            msgs[0]["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"],
            json!(["quickfix", "source.fixAll.acslint"])
        );
        let quick = msgs[2]["result"].as_array().unwrap();
        let titles: Vec<&str> = quick.iter().map(|a| a["title"].as_str().unwrap()).collect();
        assert_eq!(
            titles,
            [
                "LOG002: set `trail_region = \"All\"`",
                "acslint: ignore LOG002 here — add a reason",
                "acslint: ignore LOG002 in this file — add a reason",
                "acslint: fix all auto-fixable problems in this file"
            ]
        );
        assert_eq!(quick[0]["diagnostics"][0]["code"], "LOG002");
        assert_eq!(
            quick[0]["edit"]["changes"][uri],
            json!([{"range": {"start": {"line": 2, "character": 17}, "end": {"line": 2, "character": 30}}, "newText": "\"All\""}])
        );
        assert_eq!(
            quick[1]["edit"]["changes"][uri],
            json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "newText": "  # acslint:ignore LOG002 -- \n"}])
        );
        assert_eq!(
            quick[1]["command"]["arguments"],
            json!([uri, {"line": 2, "character": 29}])
        );
        let all = msgs[3]["result"].as_array().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0]["kind"], "source.fixAll.acslint");
        assert_eq!(
            all[0]["edit"]["changes"][uri],
            json!([
                {"range": {"start": {"line": 2, "character": 17}, "end": {"line": 2, "character": 30}}, "newText": "\"All\""},
                {"range": {"start": {"line": 3, "character": 17}, "end": {"line": 3, "character": 26}}, "newText": "\"Enable\""},
                {"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "newText": "  event_rw     = \"All\"\n"}
            ])
        );
    }

    /// The messages a server sends for `texts` opened (the first) and changed into (the
    /// others) one after the other, with every rule selected; then a code action request on
    /// `action_line` of the last text.
    fn after_changes(texts: &[&str], action_line: u32) -> Vec<Value> {
        let uri = "file:///w/main.tf";
        let mut input = vec![
            frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})),
            frame(
                json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": texts[0]}}}),
            ),
        ];
        for (i, t) in texts.iter().enumerate().skip(1) {
            input.push(frame(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 1}, "contentChanges": [{"text": t}]}})));
        }
        input.push(frame(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": action_line, "character": 0}, "end": {"line": action_line, "character": 0}}, "context": {"diagnostics": []}}})));
        input.push(frame(json!({"jsonrpc": "2.0", "method": "exit"})));
        let reg = Registry::builtin();
        let sel = Selection {
            enabled: reg.ids().iter().cloned().collect(),
            ..Default::default()
        };
        let mut out = Vec::new();
        serve_rules(reg, &sel, input.concat().as_bytes(), &mut out);
        messages(&String::from_utf8(out).unwrap())
    }

    /// Each change's diagnostics and the code actions after the last one, from a server that
    /// saw every text before (and kept the verdicts of unchanged blocks) and from one that
    /// opened the last text directly: identical, for changes that move blocks (a line
    /// inserted above), change one (a value), and change what a rule reads of another block (a
    /// flow log added below the VPC it captures: the VPC's own block is unchanged, NET014's
    /// verdict is not).
    #[test]
    fn reused_verdicts_give_the_diagnostics_of_a_fresh_lint() {
        let trail = "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name   = \"t\"\n  trail_region = \"cn-hangzhou\"\n  status       = \"Disable\"\n}\n";
        let vpc = "resource \"alicloud_vpc\" \"v\" {\n  vpc_name   = \"v\"\n  cidr_block = \"10.0.0.0/8\"\n}\n";
        let log = "resource \"alicloud_vpc_flow_log\" \"f\" {\n  resource_id   = alicloud_vpc.v.id\n  resource_type = \"VPC\"\n  traffic_type  = \"All\"\n}\n";
        let bucket = "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n";
        let texts = [
            format!("{trail}{vpc}{bucket}"),
            format!("{trail}{vpc}{bucket}# a comment\n"),
            format!("# above\n\n{trail}{vpc}{bucket}"),
            format!("# above\n\n{trail}{vpc}{log}{bucket}"),
            format!("# above\n\n{trail}{vpc}{bucket}"),
            format!(
                "# above\n\n{}{vpc}{bucket}",
                trail.replace("Disable", "Enable")
            ),
            format!("{trail}{vpc}{}", bucket.replace("public-read", "private")),
        ];
        let code_of = |d: &Value| d["code"].as_str().unwrap_or("").to_string();
        let mut seen = std::collections::BTreeSet::new();
        for n in 1..=texts.len() {
            let all: Vec<&str> = texts[..n].iter().map(String::as_str).collect();
            let line = if all[n - 1].starts_with('#') { 4 } else { 2 };
            let changed = after_changes(&all, line);
            let fresh = after_changes(&all[n - 1..], line);
            let diags = |msgs: &[Value]| -> Vec<Value> {
                msgs.iter()
                    .filter(|m| m["method"] == "textDocument/publishDiagnostics")
                    .map(|m| m["params"]["diagnostics"].clone())
                    .collect()
            };
            let (c, f) = (diags(&changed), diags(&fresh));
            assert_eq!(c.len(), n, "one publication per text");
            assert_eq!(c.last(), f.last(), "text {n}: {}", all[n - 1]);
            for d in c.last().unwrap().as_array().unwrap() {
                seen.insert(code_of(d));
            }
            // The code actions right after the change: the quick fix of LOG002 where the trail's
            // region now is.
            let actions = |msgs: &[Value]| -> Value {
                msgs.iter().find(|m| m["id"] == 2).unwrap()["result"].clone()
            };
            assert_eq!(actions(&changed), actions(&fresh), "text {n}");
            if all[n - 1].contains("cn-hangzhou") {
                let a = actions(&changed);
                let fix = a
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|a| a["title"] == "LOG002: set `trail_region = \"All\"`")
                    .expect("the quick fix");
                assert_eq!(
                    fix["edit"]["changes"]["file:///w/main.tf"][0]["range"]["start"],
                    json!({"line": line, "character": 17})
                );
            }
        }
        // The texts exercise verdicts that change with the block (LOG002 on the region, OSS on
        // the ACL) and with another block (NET014).
        for code in ["LOG002", "NET014"] {
            assert!(seen.contains(code), "{code} in {seen:?}");
        }
        let net014 = |n: usize| {
            let all: Vec<&str> = texts[..n].iter().map(String::as_str).collect();
            after_changes(&all, 0)
                .iter()
                .rfind(|m| m["method"] == "textDocument/publishDiagnostics")
                .unwrap()["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "NET014")
        };
        assert!(net014(3) && !net014(4) && net014(5));
    }

    /// A change that leaves the diagnostics as they were is published with the body kept from
    /// the last time; each publication is the one a fresh server sends for that text, through
    /// changes that keep the diagnostics, change them, clear them and bring them back.
    #[test]
    fn publications_of_unchanged_diagnostics_are_those_of_a_fresh_server() {
        let bucket = "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n";
        let private = bucket.replace("public-read", "private");
        let texts = [
            bucket.to_string(),
            format!("{bucket}# one\n"),
            format!("{bucket}# two\n"),
            format!("# above\n{bucket}"),
            private.clone(),
            format!("{private}# one\n"),
            String::new(),
            String::new(),
            bucket.to_string(),
        ];
        let published = |msgs: &[Value]| -> Vec<Value> {
            msgs.iter()
                .filter(|m| m["method"] == "textDocument/publishDiagnostics")
                .cloned()
                .collect()
        };
        let all: Vec<&str> = texts.iter().map(String::as_str).collect();
        let changed = published(&after_changes(&all, 0));
        assert_eq!(changed.len(), texts.len());
        for (i, t) in texts.iter().enumerate() {
            let fresh = published(&after_changes(&[t], 0));
            assert_eq!(Some(&changed[i]), fresh.last(), "text {i}: {t}");
        }
        let count = |m: &Value| m["params"]["diagnostics"].as_array().unwrap().len();
        assert!(count(&changed[0]) > 0 && count(&changed[6]) == 0);
        assert_ne!(changed[3], changed[4]);
    }

    /// Spans at the same positions in two versions of a text: before the change, and on the
    /// lines after it when it left the number of lines as it was; not on the changed line, and
    /// not after a change that added a line.
    #[test]
    fn spans_at_the_same_positions_after_a_change() {
        let old = "a\nbb\ncc\n";
        let typed = Edited::new(old, "a\nbXb\ncc\n");
        assert!(typed.same_place((0, 1), (0, 1)));
        assert!(typed.same_place((5, 7), (6, 8)));
        assert!(!typed.same_place((5, 7), (5, 7)));
        assert!(!typed.same_place((2, 4), (2, 5)), "the changed line");
        let split = Edited::new(old, "a\nb\nb\ncc\n");
        assert!(split.same_place((0, 1), (0, 1)));
        assert!(!split.same_place((5, 7), (6, 8)), "a line added above");
        let appended = Edited::new(old, "a\nbb\ncc\n# x\n");
        assert!(appended.same_place((5, 7), (5, 7)));
        let same = Edited::new(old, old);
        assert!(same.same_place((5, 7), (5, 7)) && !same.same_place((5, 7), (5, 8)));
    }

    /// Changes that keep the document's diagnostics where they were (typing above them, on
    /// their line after them, appending) publish what a fresh server publishes; so do those that
    /// move them (a character, a multi-byte one, typed before a finding on its line, a line
    /// added above).
    #[test]
    fn diagnostics_kept_through_changes_are_those_of_a_fresh_server() {
        let bucket = "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n";
        let texts = [
            format!("# x\n{bucket}"),
            format!("# xy\n{bucket}"),
            format!("# xé\n{bucket}"),
            format!("# xé\n{bucket}# end\n"),
            format!("# xé\n{}", bucket.replace("acl    =", "acl     =")),
            format!("# xé\n{}", bucket.replace("acl    =", "acl é  =")),
            format!(
                "# xé\n{}",
                bucket.replace("\"public-read\"", "\"public-read\" # é")
            ),
            format!("# xé\n\n{bucket}"),
            format!("# xé\n\n{bucket}"),
        ];
        let published = |msgs: &[Value]| -> Vec<Value> {
            msgs.iter()
                .filter(|m| m["method"] == "textDocument/publishDiagnostics")
                .cloned()
                .collect()
        };
        let all: Vec<&str> = texts.iter().map(String::as_str).collect();
        let changed = published(&after_changes(&all, 0));
        assert_eq!(changed.len(), texts.len());
        for (i, t) in texts.iter().enumerate() {
            let fresh = published(&after_changes(&[t], 0));
            assert_eq!(Some(&changed[i]), fresh.last(), "text {i}: {t}");
        }
        let count = |m: &Value| m["params"]["diagnostics"].as_array().unwrap().len();
        assert!(count(&changed[0]) > 0);
        assert_ne!(changed[4], changed[3]);
    }

    /// The findings of a change that moved none of them are taken as giving the last lint's
    /// diagnostics; a change before one on its line is not.
    #[test]
    fn findings_that_did_not_move_give_the_same_diagnostics() {
        let reg = Registry::builtin();
        let sel = Selection {
            enabled: reg.ids().iter().cloned().collect(),
            ..Default::default()
        };
        let bucket = "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n";
        let linted = |text: &str| {
            let path = Path::new("/w/main.tf");
            let result =
                lint::lint_file(&LintOptions::default(), reg, &sel, path, Some(text)).unwrap();
            let doc = result.sources.files().iter().find(|f| f.path == path);
            let doc = doc.map(|f| f.id);
            (result, doc)
        };
        let first = format!("# x\n{bucket}");
        let (result, doc) = linted(&first);
        assert!(!result.findings.is_empty());
        let last = Linted {
            result,
            setup: Rc::new(Err(SetupError::Other(String::new()))),
            doc,
            text: first,
            serial: None,
        };
        for (text, same) in [
            (format!("# xy\n{bucket}"), true),
            (format!("# x\n{bucket}# end\n"), true),
            (
                format!("# x\n{}", bucket.replace("acl    =", "acl     =")),
                false,
            ),
            (format!("# x\n\n{bucket}"), false),
        ] {
            let (res, doc) = linted(&text);
            assert_eq!(same_diagnostics(&last, &res, doc, &text), same, "{text}");
        }
    }

    #[test]
    fn a_frame_sent_again_is_masked_as_the_first_time() {
        let key = "LTAI5tQ8ZkP2xWm4Rn7Hc3Vb";
        let first = format!("{{\"message\": \"key {key}\"}}");
        let want = crate::redact::redact(&first).into_owned();
        assert!(!want.contains(key), "{want}");
        let mut r = Redacted::default();
        for _ in 0..3 {
            assert_eq!(r.body(first.as_bytes()), want);
        }
        // More other frames than are kept, some with the key, one almost the same.
        for i in 0..2 * Redacted::KEPT {
            let t = format!("{{\"message\": \"key {key}\", \"n\": {i}}}");
            assert_eq!(r.body(t.as_bytes()), crate::redact::redact(&t));
        }
        let near = first.replace("key ", "key: ");
        assert_eq!(r.body(near.as_bytes()), crate::redact::redact(&near));
        assert_eq!(r.body(first.as_bytes()), want);
        assert_eq!(r.body(b"{}"), "{}");
    }

    #[test]
    fn messages_taken_apart_as_the_untagged_enum_reads_them() {
        let shown = |r: Result<Message, serde_json::Error>| match r {
            Ok(m) => format!("{m:?}"),
            Err(e) => format!("error: {e}"),
        };
        for v in [
            json!({"jsonrpc": "2.0", "id": 1, "method": "a/b", "params": {"x": [1, "y"]}}),
            json!({"id": "s", "method": "a/b"}),
            json!({"method": "a/b", "params": null}),
            json!({"id": null, "method": "a/b", "params": [1]}),
            json!({"id": 1.5, "method": "a/b"}),
            json!({"id": [1], "method": "a/b", "params": 2}),
            json!({"id": 4294967296u64, "method": "a/b"}),
            json!({"id": 1, "method": 5}),
            json!({"id": 1, "result": 2}),
            json!({"id": 1, "error": {"code": 1, "message": "m"}}),
            json!({"result": 1}),
            json!([1, 2]),
            json!("text"),
        ] {
            assert_eq!(
                shown(to_message(v.clone())),
                shown(serde_json::from_value::<Message>(v.clone())),
                "{v}"
            );
        }
    }

    #[test]
    fn published_diagnostics_are_written_as_message_write_writes_them() {
        let ranged = |l| lt::Range::new(lt::Position::new(l, 2), lt::Position::new(l, 9));
        let mut d = lt::Diagnostic::new_simple(ranged(3), "a \"quoted\" ü message".into());
        d.code = Some(lt::NumberOrString::String("NET001".into()));
        d.severity = Some(lt::DiagnosticSeverity::WARNING);
        d.source = Some("acslint".into());
        let p = lt::PublishDiagnosticsParams::new(
            uri("file:///a%20b/main.tf").unwrap(),
            vec![
                d,
                file_diagnostic("m".into(), lt::DiagnosticSeverity::ERROR),
            ],
            None,
        );
        let mut framed = Vec::new();
        Message::from(Notification::new(
            "textDocument/publishDiagnostics".into(),
            &p,
        ))
        .write(&mut framed)
        .unwrap();
        let text = String::from_utf8(framed).unwrap();
        let body = text.split_once("\r\n\r\n").unwrap().1;
        assert_eq!(publish_body(&p).unwrap(), body);
    }

    #[test]
    fn utf16_columns() {
        assert_eq!(utf16_position("a\n😀x", 6), (1, 2));
        assert_eq!(utf16_position("éa", 2), (0, 1));
    }

    #[test]
    fn uris_are_percent_decoded_and_encoded() {
        assert_eq!(
            uri_to_path("file:///w/my%20dir/r%C3%A9seau.tf"),
            Some(PathBuf::from("/w/my dir/réseau.tf"))
        );
        assert_eq!(
            uri_to_path("file://localhost/w/a.tf"),
            Some(PathBuf::from("/w/a.tf"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        assert_eq!(
            path_to_uri(Path::new("/w/my dir/réseau#1.tf")),
            "file:///w/my%20dir/r%C3%A9seau%231.tf"
        );
    }

    #[test]
    fn publishes_diagnostics_for_an_opened_policy() {
        let text = "{\"Version\": \"1\", \"Statement\": [}";
        let input = [
            frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})),
            frame(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/p.json", "languageId": "json", "version": 1, "text": text}}})),
            frame(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})),
            frame(json!({"jsonrpc": "2.0", "method": "exit"})),
        ]
        .concat();
        let reg = Registry::builtin();
        let mut out = Vec::new();
        let code = serve_rules(reg, &Selection::defaults(reg), input.as_bytes(), &mut out);
        assert_eq!(code, 0);
        let msgs = messages(&String::from_utf8(out).unwrap());
        assert_eq!(msgs.len(), 3);
        assert_eq!(msgs[0]["result"]["serverInfo"]["name"], "acslint");
        let d = &msgs[1]["params"]["diagnostics"][0];
        assert_eq!(d["code"], "RAM000");
        assert_eq!(d["range"]["start"], json!({"line": 0, "character": 31}));
        assert_eq!(d["severity"], 1);
        assert_eq!(msgs[2]["id"], 2);
    }
}
