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

/// Lint one document's text and turn the findings into LSP diagnostics.
pub fn diagnostics(reg: &Registry, sel: &Selection, uri: &str, text: &str) -> Vec<Value> {
    let opts = LintOptions {
        stdin: Some((uri_to_name(uri), text.to_string())),
        ..Default::default()
    };
    let Ok(res) = lint::lint(&opts, reg, sel) else {
        return Vec::new();
    };
    res.findings
        .iter()
        .map(|f| {
            let (s, e) = f.loc.map(|l| (l.start as usize, l.end as usize)).unwrap_or((0, 0));
            let (sl, sc) = utf16_position(text, s);
            let (el, ec) = utf16_position(text, e);
            json!({
                "range": {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}},
                "severity": match f.severity {
                    Severity::Critical | Severity::High => 1,
                    Severity::Medium | Severity::Low => 2,
                    Severity::Info => 3,
                },
                "code": &*f.rule,
                "codeDescription": {"href": &*f.url},
                "source": "acslint",
                "message": match &f.help {
                    Some(h) => format!("{}\nhelp: {h}", f.message),
                    None => f.message.clone(),
                },
            })
        })
        .collect()
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
                    "capabilities": {"textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": true}}},
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
