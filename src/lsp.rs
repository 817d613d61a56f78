//! A small language server (`acslint server`): JSON-RPC over stdio, full-document sync, and
//! diagnostics published on open, change and save. Positions are UTF-16 code units, as LSP asks.

use crate::engine::Selection;
use crate::finding::Severity;
use crate::lint::{self, LintOptions};
use crate::rules::Registry;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, Read, Write};

/// One frame read: a message, or what was wrong with it (answered, then the server goes on).
enum Frame {
    Message(Value),
    Bad(String),
}

/// Read one `Content-Length`-framed message; `None` at end of input.
fn read_message(input: &mut impl BufRead) -> std::io::Result<Option<Frame>> {
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
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse().ok();
        }
        if lines > 64 {
            return Ok(Some(Frame::Bad("too many header lines".into())));
        }
    }
    let Some(n) = length else {
        return Ok(Some(Frame::Bad("missing or invalid Content-Length".into())));
    };
    // Refuse absurd frames rather than allocating them: the body is skipped.
    if n > 64 * 1024 * 1024 {
        std::io::copy(&mut input.by_ref().take(n as u64), &mut std::io::sink())?;
        return Ok(Some(Frame::Bad("message too large".into())));
    }
    let mut buf = Vec::new();
    input.by_ref().take(n as u64).read_to_end(&mut buf)?;
    if buf.len() < n {
        // A Content-Length longer than what followed: the input ended inside the frame.
        return Ok(None);
    }
    Ok(Some(match serde_json::from_slice(&buf) {
        Ok(v) => Frame::Message(v),
        Err(e) => Frame::Bad(format!("the message is not JSON: {e}")),
    }))
}

fn write_message(out: &mut impl Write, v: &Value) -> std::io::Result<()> {
    // The last pass of redaction, as for the command line's output.
    let body = v.to_string();
    let body = crate::redact::redact(&body);
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// UTF-16 column of a byte offset within its line.
fn utf16_position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, text[start..offset].encode_utf16().count())
}

fn uri_to_name(uri: &str) -> String {
    uri.strip_prefix("file://").unwrap_or(uri).to_string()
}

fn lint_document(
    reg: &Registry,
    sel: &Selection,
    uri: &str,
    text: &str,
) -> Option<lint::LintResult> {
    let opts = LintOptions {
        stdin: Some((uri_to_name(uri), text.to_string())),
        ..Default::default()
    };
    lint::lint(&opts, reg, sel).ok()
}

/// An LSP range of a byte range.
fn range(text: &str, s: usize, e: usize) -> Value {
    let (sl, sc) = utf16_position(text, s);
    let (el, ec) = utf16_position(text, e);
    json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}})
}

/// Lint one document's text and turn the findings into LSP diagnostics.
pub fn diagnostics(reg: &Registry, sel: &Selection, uri: &str, text: &str) -> Vec<Value> {
    let Some(res) = lint_document(reg, sel, uri, text) else {
        return Vec::new();
    };
    res.findings.iter().map(|f| diagnostic(text, f)).collect()
}

fn diagnostic(text: &str, f: &crate::finding::Finding) -> Value {
    let (s, e) = f
        .loc
        .map(|l| (l.start as usize, l.end as usize))
        .unwrap_or((0, 0));
    let mut d = json!({
        "range": range(text, s, e),
        "severity": match f.severity {
            Severity::Critical | Severity::High => 1,
            Severity::Medium | Severity::Low => 2,
            Severity::Info => 3,
        },
        "code": &*f.rule,
        "source": "acslint",
        "message": match &f.help {
            Some(h) => format!("{}\nhelp: {h}", f.message),
            None => f.message.clone(),
        },
    });
    // `href` must be a URI: without a published page there is no description link.
    if let Some(u) = f.url.as_deref() {
        d["codeDescription"] = json!({ "href": u });
    }
    d
}

/// The edits of fixes as LSP text edits, when they all apply to the document itself and leave
/// what redaction masked alone (the edits were computed on the masked text).
fn text_edits(text: &str, masked: &str, edits: &[&crate::fix::Edit]) -> Option<Vec<Value>> {
    edits
        .iter()
        .map(|e| {
            let r = e.loc.range();
            (text.get(r.clone())? == masked.get(r.clone())?)
                .then(|| json!({"range": range(text, r.start, r.end), "newText": e.text}))
        })
        .collect()
}

/// Code actions for a range of a document: a quick fix per finding there that has a fix (an
/// unsafe one says so), and "fix all" with every safe fix of the file.
pub fn code_actions(
    reg: &Registry,
    sel: &Selection,
    uri: &str,
    text: &str,
    params: &Value,
) -> Vec<Value> {
    let Some(res) = lint_document(reg, sel, uri, text) else {
        return Vec::new();
    };
    let Some(doc) = res.sources.files().iter().find(|f| f.origin.is_none()) else {
        return Vec::new();
    };
    let (id, masked) = (doc.id, doc.text.clone());
    let pos = |p: &Value| {
        (
            p["line"].as_u64().unwrap_or(0) as usize,
            p["character"].as_u64().unwrap_or(0) as usize,
        )
    };
    let (want_start, want_end) = (pos(&params["range"]["start"]), pos(&params["range"]["end"]));
    let only: Vec<&str> = params["context"]["only"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let wants = |kind: &str| only.is_empty() || only.iter().any(|o| kind.starts_with(o));
    let mut actions = Vec::new();
    if wants("quickfix") {
        for f in &res.findings {
            let Some(fix) = &f.fix else { continue };
            let (s, e) = f
                .loc
                .map(|l| (l.start as usize, l.end as usize))
                .unwrap_or((0, 0));
            let (fs, fe) = (utf16_position(text, s), utf16_position(text, e));
            // Lines, not columns: a cursor anywhere on the diagnostic's lines gets its fix.
            if fe.0 < want_start.0
                || fs.0 > want_end.0
                || fix.edits.iter().any(|e| e.loc.file != id)
            {
                continue;
            }
            let edits: Vec<&crate::fix::Edit> = fix.edits.iter().collect();
            let Some(edits) = text_edits(text, &masked, &edits) else {
                continue;
            };
            let unsafe_ = fix.safety == crate::fix::Safety::Unsafe;
            actions.push(json!({
                "title": format!("{}: {}{}", f.rule, fix.description, if unsafe_ { " (unsafe fix)" } else { "" }),
                "kind": "quickfix",
                "diagnostics": [diagnostic(text, f)],
                "isPreferred": !unsafe_,
                "edit": {"changes": {uri: edits}},
            }));
        }
    }
    if wants("source.fixAll.acslint") {
        let plan = crate::fix::plan(&res.sources, &res.findings, false);
        let edits = plan.edits.get(&id).map(|v| v.iter().collect::<Vec<_>>());
        if let Some(edits) = edits.and_then(|e| text_edits(text, &masked, &e)) {
            if plan.files.len() == 1 {
                actions.push(json!({
                    "title": "acslint: fix all auto-fixable problems in this file",
                    "kind": "source.fixAll.acslint",
                    "edit": {"changes": {uri: edits}},
                }));
            }
        }
    }
    actions
}

/// Serve until `exit` or end of input; returns the process exit code.
pub fn serve(reg: &Registry, sel: &Selection, input: impl Read, mut output: impl Write) -> i32 {
    let mut input = std::io::BufReader::new(input);
    let mut docs: HashMap<String, String> = HashMap::new();
    let mut shutdown = false;
    loop {
        let msg = match read_message(&mut input) {
            Ok(Some(Frame::Message(m))) => m,
            Ok(Some(Frame::Bad(why))) => {
                // JSON-RPC's parse error, without an id since none could be read.
                let _ = write_message(
                    &mut output,
                    &json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": why}}),
                );
                continue;
            }
            Ok(None) => return if shutdown { 0 } else { 1 },
            Err(_) => return 1,
        };
        let method = msg.get("method").and_then(Value::as_str).unwrap_or("");
        let id = msg.get("id").cloned();
        let params = msg.get("params").cloned().unwrap_or(Value::Null);
        let reply = |out: &mut dyn Write, result: Value| {
            if let Some(id) = &id {
                let _ = write_message(
                    &mut { out },
                    &json!({"jsonrpc": "2.0", "id": id, "result": result}),
                );
            }
        };
        let publish = |out: &mut dyn Write, uri: &str, text: &str| {
            let d = diagnostics(reg, sel, uri, text);
            let _ = write_message(
                &mut { out },
                &json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": d}}),
            );
        };
        let uri = params["textDocument"]["uri"]
            .as_str()
            .unwrap_or("")
            .to_string();
        match method {
            "initialize" => reply(
                &mut output,
                json!({
                    "capabilities": {
                        "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": true}},
                        "codeActionProvider": {"codeActionKinds": ["quickfix", "source.fixAll.acslint"]},
                    },
                    "serverInfo": {"name": "acslint", "version": env!("CARGO_PKG_VERSION")},
                }),
            ),
            "shutdown" => {
                shutdown = true;
                reply(&mut output, Value::Null);
            }
            "exit" => return if shutdown { 0 } else { 1 },
            "textDocument/didOpen" => {
                let text = params["textDocument"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .to_string();
                publish(&mut output, &uri, &text);
                docs.insert(uri, text);
            }
            "textDocument/didChange" => {
                if let Some(text) = params["contentChanges"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c["text"].as_str())
                {
                    publish(&mut output, &uri, text);
                    docs.insert(uri, text.to_string());
                }
            }
            "textDocument/didSave" => {
                if let Some(text) = params["text"].as_str() {
                    docs.insert(uri.clone(), text.to_string());
                }
                if let Some(text) = docs.get(&uri) {
                    publish(&mut output, &uri, text);
                }
            }
            "textDocument/codeAction" => {
                let actions = match docs.get(&uri) {
                    Some(text) => code_actions(reg, sel, &uri, text, &params),
                    None => Vec::new(),
                };
                reply(&mut output, Value::Array(actions));
            }
            "textDocument/didClose" => {
                docs.remove(&uri);
                let _ = write_message(
                    &mut output,
                    &json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": []}}),
                );
            }
            _ if id.is_some() => {
                let _ = write_message(
                    &mut output,
                    &json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32601, "message": format!("method not found: {method}")}}),
                );
            }
            _ => {}
        }
    }
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
        serve(reg, &Selection::defaults(reg), input.as_bytes(), &mut out);
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
                "acslint: fix all auto-fixable problems in this file"
            ]
        );
        assert_eq!(quick[0]["diagnostics"][0]["code"], "LOG002");
        assert_eq!(
            quick[0]["edit"]["changes"][uri],
            json!([{"range": {"start": {"line": 2, "character": 17}, "end": {"line": 2, "character": 30}}, "newText": "\"All\""}])
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

    #[test]
    fn utf16_columns() {
        assert_eq!(utf16_position("a\n😀x", 6), (1, 2));
        assert_eq!(utf16_position("éa", 2), (0, 1));
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
        let code = serve(reg, &Selection::defaults(reg), input.as_bytes(), &mut out);
        assert_eq!(code, 0);
        let out = String::from_utf8(out).unwrap();
        let mut msgs = Vec::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find("\r\n\r\n") {
            let len: usize = rest[..i]
                .trim_start_matches("Content-Length: ")
                .parse()
                .unwrap();
            msgs.push(serde_json::from_str::<Value>(&rest[i + 4..i + 4 + len]).unwrap());
            rest = &rest[i + 4 + len..];
        }
        assert_eq!(msgs.len(), 3);
        assert_eq!(msgs[0]["result"]["serverInfo"]["name"], "acslint");
        let d = &msgs[1]["params"]["diagnostics"][0];
        assert_eq!(d["code"], "RAM000");
        assert_eq!(d["range"]["start"], json!({"line": 0, "character": 31}));
        assert_eq!(d["severity"], 1);
        assert_eq!(msgs[2]["id"], 2);
    }
}
