//! The language server driven over pipes as an editor drives it, and real editor clients:
//! Neovim (headless, with the README's snippet) and the VS Code extension (built and packaged).

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_acslint"))
}

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// A repository in a temporary directory (configurations are looked up to its root).
fn repo() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join(".git")).unwrap();
    d
}

fn uri(p: &Path) -> String {
    acslint::lsp::path_to_uri(p)
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next: i64,
    /// Messages received and not yet consumed.
    seen: Vec<Value>,
}

impl Client {
    fn start(args: &[&str], dir: &Path) -> Client {
        let mut child = Command::new(bin())
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = channel();
        std::thread::spawn(move || loop {
            let mut len = 0;
            loop {
                let mut line = String::new();
                if out.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    len = v.parse().unwrap();
                }
            }
            let mut body = vec![0; len];
            out.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        let mut c = Client {
            child,
            stdin,
            rx,
            next: 0,
            seen: Vec::new(),
        };
        let caps = json!({
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
            "window": {"showDocument": {"support": true}},
        });
        let init = c.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": caps}),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "acslint");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, v: Value) {
        let b = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{b}", b.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (already seen or to come) that satisfies `pred`, consumed.
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let end = Instant::now() + Duration::from_secs(60);
        loop {
            let m = self
                .rx
                .recv_timeout(end.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no such message; seen: {:#?}", self.seen));
            if pred(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, path: &Path, text: &str) -> Vec<Value> {
        let u = uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": u, "languageId": "terraform", "version": 1, "text": text}}),
        );
        self.diagnostics(&u)
    }

    fn changed_on_disk(&mut self, paths: &[&Path]) {
        let changes: Vec<Value> = paths
            .iter()
            .map(|p| json!({"uri": uri(p), "type": 2}))
            .collect();
        self.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": changes}),
        );
    }

    fn stop(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert_eq!(status.code(), Some(0));
    }
}

/// `(code, start line, start character)` of each diagnostic.
fn codes(d: &[Value]) -> Vec<(String, u64, u64)> {
    d.iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Apply LSP text edits (UTF-16 positions) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, ch) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let mut off = start;
        for c in text[start..].chars() {
            if units >= ch || c == '\n' {
                break;
            }
            units += c.len_utf16();
            off += c.len_utf8();
        }
        off
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, e, t) in edits {
        out.replace_range(s..e, t);
    }
    out
}

const SSH_RULE: &str = "resource \"alicloud_security_group_rule\" \"ssh\" {\n  type              = \"ingress\"\n  ip_protocol       = \"tcp\"\n  port_range        = \"22/22\"\n  security_group_id = \"sg-1\"\n  cidr_ip           = \"0.0.0.0/0\"\n}\n";

#[test]
fn configuration_is_respected_reloaded_and_its_errors_shown() {
    let d = repo();
    let main = write(d.path(), "main.tf", SSH_RULE);
    let mut c = Client::start(&["server"], d.path());
    // The registration of the watched files, answered as a client does.
    let reg = c.wait(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        reg["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    let id = reg["id"].clone();
    c.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
    assert_eq!(
        codes(&c.open(&main, SSH_RULE)),
        [("NET001".to_string(), 3, 2)]
    );
    // A configuration appears: the document is linted again with it.
    let cfg = write(d.path(), ".acslint.hcl", "ignore = [\"NET001\"]\n");
    c.changed_on_disk(&[&cfg]);
    assert_eq!(codes(&c.diagnostics(&uri(&main))), []);
    // A broken configuration: a diagnostic on the configuration file, and the document says why
    // it is not linted.
    write(
        d.path(),
        ".acslint.hcl",
        "ignore = [\"NET001\"]\nfail_on = 3\n",
    );
    c.changed_on_disk(&[&cfg]);
    let doc = c.diagnostics(&uri(&main));
    assert_eq!(doc.len(), 1);
    assert_eq!(
        doc[0]["message"],
        "not linted: the configuration has errors (.acslint.hcl)"
    );
    let on_cfg = c.diagnostics(&uri(&cfg));
    assert_eq!(on_cfg.len(), 1, "{on_cfg:#?}");
    assert_eq!(
        on_cfg[0]["range"]["start"],
        json!({"line": 1, "character": 10})
    );
    assert_eq!(on_cfg[0]["severity"], 1);
    // Fixed: the configuration's diagnostics are cleared and the document linted with it.
    write(d.path(), ".acslint.hcl", "select = [\"NET001\"]\n");
    c.changed_on_disk(&[&cfg]);
    assert_eq!(
        codes(&c.diagnostics(&uri(&main))),
        [("NET001".to_string(), 3, 2)]
    );
    assert_eq!(c.diagnostics(&uri(&cfg)), Vec::<Value>::new());
    c.stop();
}

#[test]
fn hover_code_actions_and_related_information() {
    let d = repo();
    let text = "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name      = \"t\"\n  trail_region    = \"cn-hangzhou\"\n  event_rw        = \"All\"\n  oss_bucket_name = \"audit\"\n}\n";
    let main = write(d.path(), "main.tf", text);
    let mut c = Client::start(&["lsp"], d.path());
    let diags = c.open(&main, text);
    assert_eq!(codes(&diags), [("LOG002".to_string(), 2, 20)]);
    // A link only when this build's documentation is published (see `rules::docs_url`).
    let url = acslint::rules::docs_url("LOG002");
    match &url {
        Some(u) => assert_eq!(diags[0]["codeDescription"]["href"], u.as_str()),
        None => assert!(diags[0].get("codeDescription").is_none(), "{:#?}", diags[0]),
    }
    let u = uri(&main);
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 2, "character": 20}}),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**LOG002** `actiontrail-not-all-regions` (medium): ActionTrail trail does not record every region\n\n"),
        "{value}"
    );
    assert!(
        value.contains("**Why**\n\nAttackers use the regions nobody watches."),
        "{value}"
    );
    assert!(
        value.contains("**How to fix**\n\nSet `trail_region = \"All\"`."),
        "{value}"
    );
    let more = match &url {
        Some(u) => format!("[LOG002 documentation]({u})"),
        None => "More: `acslint explain LOG002`".to_string(),
    };
    assert!(value.ends_with(&more), "{value}");
    assert_eq!(
        hover["result"]["range"]["start"],
        json!({"line": 2, "character": 20})
    );
    // Nothing to say away from a diagnostic.
    let none = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(none["result"], Value::Null);

    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": {"start": {"line": 2, "character": 20}, "end": {"line": 2, "character": 20}}, "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let by_title = |t: &str| {
        actions
            .iter()
            .find(|a| a["title"] == t)
            .unwrap_or_else(|| panic!("no action {t}: {actions:#?}"))
            .clone()
    };
    let edits = |a: &Value| a["edit"]["changes"][&u].as_array().unwrap().clone();
    let fixed = apply(
        text,
        &edits(&by_title("LOG002: set `trail_region = \"All\"`")),
    );
    assert_eq!(fixed, text.replace("\"cn-hangzhou\"", "\"All\""));
    let here = by_title("acslint: ignore LOG002 here — add a reason");
    assert_eq!(
        apply(text, &edits(&here)),
        text.replace(
            "  trail_region",
            "  # acslint:ignore LOG002 -- \n  trail_region"
        )
    );
    let file = by_title("acslint: ignore LOG002 in this file — add a reason");
    assert_eq!(
        apply(text, &edits(&file)),
        format!("# acslint:ignore-file LOG002 -- \n{text}")
    );
    // The command after the edit puts the cursor after `-- `, through window/showDocument.
    let cmd = here["command"].clone();
    assert_eq!(cmd["command"], "acslint.placeCursor");
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": cmd["command"], "arguments": cmd["arguments"]}),
    );
    assert_eq!(r["result"], Value::Null);
    let show = c.wait(|m| m["method"] == "window/showDocument");
    assert_eq!(show["params"]["uri"], u);
    assert_eq!(
        show["params"]["selection"],
        json!({"start": {"line": 2, "character": 29}, "end": {"line": 2, "character": 29}})
    );
    // The ignore with a reason written silences the finding; the fix-all action fixes the rest.
    let commented = apply(text, &edits(&here)).replace("-- \n", "-- audited region\n");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": commented}]}),
    );
    assert_eq!(codes(&c.diagnostics(&u)), []);
    let all = by_title("acslint: fix all auto-fixable problems in this file");
    assert_eq!(all["kind"], "source.fixAll.acslint");
    assert_eq!(
        apply(text, &edits(&all)),
        text.replace("\"cn-hangzhou\"", "\"All\"")
    );

    c.stop();
}

#[test]
fn a_finding_in_a_policy_read_with_file_is_published_on_that_file_and_paths_decode() {
    let d = repo();
    // A directory with a space and a non-ASCII name: the URI is percent-encoded.
    let dir = d.path().join("my infra/réseau");
    let policy = write(
        &dir,
        "policies/admin.json",
        "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}\n",
    );
    let text = "resource \"alicloud_ram_policy\" \"admin\" {\n  policy_name     = \"admin\"\n  policy_document = file(\"${path.module}/policies/admin.json\")\n}\n";
    let main = write(&dir, "main.tf", text);
    let u = uri(&main);
    assert!(u.contains("/my%20infra/r%C3%A9seau/main.tf"), "{u}");
    let mut c = Client::start(&["server"], d.path());
    c.open(&main, text);
    let on_policy = c.diagnostics(&uri(&policy));
    assert_eq!(
        codes(&on_policy)
            .iter()
            .map(|(c, l, _)| (c.as_str(), *l))
            .collect::<Vec<_>>(),
        [("RAM020", 3)],
        "{on_policy:#?}"
    );
    // Secondary labels are related information, in the file they are in.
    let related: Vec<(&str, &Value, &str)> = on_policy[0]["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["location"]["uri"].as_str().unwrap(),
                &r["location"]["range"]["start"],
                r["message"].as_str().unwrap(),
            )
        })
        .collect();
    let pu = uri(&policy);
    assert_eq!(
        related,
        [
            (
                pu.as_str(),
                &json!({"line": 3, "character": 51}),
                "on every resource"
            ),
            (
                pu.as_str(),
                &json!({"line": 3, "character": 15}),
                "allowed here"
            ),
        ]
    );
    // Closing the document clears what it published on the policy.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    assert_eq!(c.diagnostics(&u), Vec::<Value>::new());
    assert_eq!(c.diagnostics(&uri(&policy)), Vec::<Value>::new());
    c.stop();
}

const OPEN_VARIABLES: &str = "variable \"open_cidr\" {\n  default = \"0.0.0.0/0\"\n}\n";
const RULE_FROM_VARIABLE: &str = "resource \"alicloud_security_group_rule\" \"ssh\" {\n  type = \"ingress\"\n  ip_protocol = \"tcp\"\n  port_range = \"22/22\"\n  security_group_id = \"sg-1\"\n  cidr_ip = var.open_cidr\n}\n";

/// `(code, start line, start column, end line, end column)`, 0-based.
type Ranged = (String, u64, u64, u64, u64);

/// The [`Ranged`] of each diagnostic.
fn ranges(d: &[Value]) -> Vec<Ranged> {
    let n = |v: &Value| v.as_u64().unwrap();
    d.iter()
        .map(|d| {
            let r = &d["range"];
            (
                d["code"].as_str().unwrap_or("").to_string(),
                n(&r["start"]["line"]),
                n(&r["start"]["character"]),
                n(&r["end"]["line"]),
                n(&r["end"]["character"]),
            )
        })
        .collect()
}

/// The same, from `acslint check --format json ARGS` (1-based there), with the exit code.
fn cli_ranges(dir: &Path, args: &[&str], stdin: &str) -> (Vec<Ranged>, i32) {
    let mut child = Command::new(bin())
        .args(["check", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = |v: &Value| v.as_u64().unwrap() - 1;
    let found = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let r = &f["range"];
            (
                f["rule"].as_str().unwrap().to_string(),
                n(&r["start"]["line"]),
                n(&r["start"]["column"]),
                n(&r["end"]["line"]),
                n(&r["end"]["column"]),
            )
        })
        .collect();
    (found, out.status.code().unwrap())
}

#[test]
fn a_document_is_linted_in_its_module_as_the_command_line_lints_it() {
    let d = repo();
    write(d.path(), "variables.tf", OPEN_VARIABLES);
    let main = write(d.path(), "main.tf", RULE_FROM_VARIABLE);
    let expected = vec![("NET001".to_string(), 3, 2, 3, 22)];
    // The command line: the named file, and the same text on standard input.
    assert_eq!(
        cli_ranges(d.path(), &["main.tf"], ""),
        (expected.clone(), 1)
    );
    assert_eq!(
        cli_ranges(
            d.path(),
            &["-", "--stdin-filename", "main.tf"],
            RULE_FROM_VARIABLE
        ),
        (expected.clone(), 1)
    );
    // The server: the same finding at the same range.
    let mut c = Client::start(&["server"], d.path());
    assert_eq!(ranges(&c.open(&main, RULE_FROM_VARIABLE)), expected);
    c.stop();
}

#[test]
fn an_unsaved_neighbour_is_read_from_its_buffer_and_its_changes_relint_dependents() {
    let d = repo();
    let vars = write(d.path(), "variables.tf", OPEN_VARIABLES);
    let main = write(d.path(), "main.tf", RULE_FROM_VARIABLE);
    let mut c = Client::start(&["server"], d.path());
    assert_eq!(
        codes(&c.open(&main, RULE_FROM_VARIABLE)),
        [("NET001".to_string(), 3, 2)]
    );
    // variables.tf opened as on disk: main.tf is not linted again.
    assert_eq!(codes(&c.open(&vars, OPEN_VARIABLES)), []);
    // Edited, not saved: a private range. main.tf follows the buffer, not the disk.
    let private = OPEN_VARIABLES.replace("0.0.0.0/0", "10.0.0.0/8");
    let vu = uri(&vars);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": vu, "version": 2}, "contentChanges": [{"text": private}]}),
    );
    assert_eq!(c.diagnostics(&vu), Vec::<Value>::new());
    assert_eq!(codes(&c.diagnostics(&uri(&main))), []);
    // Back to the open range, still unsaved: the finding returns.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": vu, "version": 3}, "contentChanges": [{"text": OPEN_VARIABLES}]}),
    );
    c.diagnostics(&vu);
    assert_eq!(
        codes(&c.diagnostics(&uri(&main))),
        [("NET001".to_string(), 3, 2)]
    );
    // Edited again, then closed without saving: main.tf reads the disk again.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": vu, "version": 4}, "contentChanges": [{"text": private}]}),
    );
    c.diagnostics(&vu);
    assert_eq!(codes(&c.diagnostics(&uri(&main))), []);
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": vu}}),
    );
    assert_eq!(c.diagnostics(&vu), Vec::<Value>::new());
    assert_eq!(
        codes(&c.diagnostics(&uri(&main))),
        [("NET001".to_string(), 3, 2)]
    );
    c.stop();
}

#[test]
fn bad_frames_are_answered_and_the_server_stays_up() {
    let d = repo();
    let main = write(d.path(), "main.tf", SSH_RULE);
    let mut c = Client::start(&["server"], d.path());
    c.stdin
        .write_all(b"Content-Length: 5\r\n\r\n{oops")
        .unwrap();
    let e = c.wait(|m| m.get("error").is_some());
    assert_eq!(e["id"], Value::Null);
    assert_eq!(e["error"]["code"], -32700);
    c.send(json!({"jsonrpc": "2.0", "result": 1}));
    let e = c.wait(|m| m.get("error").is_some());
    assert_eq!(e["error"]["code"], -32600);
    assert_eq!(
        codes(&c.open(&main, SSH_RULE)),
        [("NET001".to_string(), 3, 2)]
    );
    let r = c.request("textDocument/definition", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    c.stop();
}

/// A tool the editor tests need: present, or the test is skipped with a message (an error in CI,
/// whose `.ci/run` installs it).
fn tool(name: &str) -> bool {
    let found = Command::new(name)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{name}` is missing in CI: .ci/run installs it"
        );
        eprintln!("SKIPPED: `{name}` is not installed (.ci/run installs it in CI)");
    }
    found
}

/// The Lua of the README's snippet for Neovim 0.7.
fn readme_snippet_for_neovim_0_7() -> String {
    let readme = include_str!("../README.md");
    let at = readme
        .find("Neovim 0.7 (Debian")
        .expect("the README's Neovim 0.7 snippet");
    let block = &readme[at..];
    let start = block.find("```lua\n").unwrap() + 7;
    let end = start + block[start..].find("```").unwrap();
    block[start..end].to_string()
}

#[test]
fn neovim_0_7_with_the_readme_snippet_shows_the_diagnostics() {
    if !tool("nvim") {
        return;
    }
    let d = repo();
    let init = write(d.path(), "init.lua", &readme_snippet_for_neovim_0_7());
    let policy = "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}\n";
    write(d.path(), "infra/main.tf", SSH_RULE);
    write(d.path(), "infra/admin.json", policy);
    let out = d.path().join("diagnostics.json");
    // Waits for the server's diagnostics, then writes what Neovim holds for the buffer.
    let probe = format!(
        r#"vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local out = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, {{ d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.source }})
end
vim.fn.writefile({{ vim.fn.json_encode(out) }}, "{}")
vim.cmd("qa!")
"#,
        out.display()
    );
    let probe_file = write(d.path(), "probe.lua", &probe);
    // `acslint` is found on PATH, as the snippet says.
    let path = format!(
        "{}:{}",
        bin().parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (file, want) in [
        (
            "infra/main.tf",
            json!([["NET001", 3, 2, 3, 29, 1, "acslint"]]),
        ),
        (
            "infra/admin.json",
            json!([["RAM020", 3, 34, 3, 37, 1, "acslint"]]),
        ),
    ] {
        let _ = std::fs::remove_file(&out);
        let status = Command::new("nvim")
            .args(["--headless", "-u"])
            .arg(&init)
            .arg(file)
            .arg("-c")
            .arg(format!("luafile {}", probe_file.display()))
            .current_dir(d.path())
            .env("PATH", &path)
            .env("XDG_STATE_HOME", d.path().join("state"))
            .env("XDG_DATA_HOME", d.path().join("data"))
            .stdin(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{file}: nvim {status}");
        let got: Value = serde_json::from_str(
            &std::fs::read_to_string(&out).expect("Neovim wrote its diagnostics"),
        )
        .unwrap();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn the_vscode_extension_builds_and_packages() {
    if !tool("npm") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A copy: node_modules and build outputs stay out of the checkout.
    let d = tempfile::tempdir().unwrap();
    let ext = d.path().join("vscode");
    std::fs::create_dir_all(ext.join("src")).unwrap();
    for f in [
        "package.json",
        "package-lock.json",
        "tsconfig.json",
        ".vscodeignore",
        "LICENSE",
        "src/extension.ts",
    ] {
        std::fs::copy(root.join("editors/vscode").join(f), ext.join(f)).unwrap();
    }
    let npm = |args: &[&str]| {
        let out = Command::new("npm")
            .args(args)
            .current_dir(&ext)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "npm {args:?}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    npm(&["ci", "--no-audit", "--no-fund"]);
    npm(&["run", "compile"]);
    npm(&["exec", "--", "vsce", "package", "--out", "acslint.vsix"]);
    let js = std::fs::read_to_string(ext.join("out/extension.js")).unwrap();
    assert!(js.contains("\"server\""), "{js}");
    // The package is a zip with the manifest and the compiled extension.
    let vsix = std::fs::read(ext.join("acslint.vsix")).unwrap();
    assert_eq!(&vsix[..4], b"PK\x03\x04");
    let names = String::from_utf8_lossy(&vsix);
    for f in [
        "extension/package.json",
        "extension/out/extension.js",
        "extension.vsixmanifest",
    ] {
        assert!(names.contains(f), "{f} not in the package");
    }
}
