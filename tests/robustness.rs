//! Malformed, hostile and oversized input: the analyzer never panics, never overflows its
//! stack, reports bad input files as findings (exit 0/1, never 2), finishes, gives the same
//! output whatever the thread count, and never prints a secret.
//!
//! The library is driven in-process where many inputs are tried (truncations, random bytes);
//! the binary is run on a sample of them and on the large cases. A panic in the library would be
//! contained and reported as TF006 (internal error), so asserting that no TF006 appears and that
//! `internal_errors` is zero is asserting that nothing panicked.

#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use acslint::engine::{self, Selection};
use acslint::lint;
use acslint::rules::Registry;
use acslint::source::{FileKind, SourceMap};
use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn all_rules(reg: &Registry) -> Selection {
    Selection {
        enabled: reg.rules().iter().map(|r| r.id.clone()).collect(),
        ..Default::default()
    }
}

/// Rules that may report on a malformed input: the analysis diagnostics, plus anything a rule
/// finds in what did parse. TF006 is excluded: it would mean a panic.
fn check_in_process(name: &str, kind: FileKind, text: &str) {
    let reg = Registry::builtin();
    let sel = all_rules(reg);
    let mut sources = SourceMap::default();
    sources.add(PathBuf::from(name), name.into(), kind, text.into());
    let ws = lint::build_workspace(&sources);
    let out = engine::run(reg, &sel, &sources, &ws).unwrap_or_else(|e| {
        panic!("{name}: engine error {e} on {:?}", preview(text));
    });
    assert_eq!(out.internal_errors, 0, "{name}: {:?}", preview(text));
    for f in &out.findings {
        assert_ne!(&*f.rule, "TF006", "{name}: panic on {:?}", preview(text));
        assert!(!f.message.is_empty());
        if let Some(l) = f.loc {
            assert!(
                l.end as usize <= text.len() && l.start <= l.end,
                "{name}: span {l:?} outside the text"
            );
            assert!(
                text.is_char_boundary(l.start as usize) && text.is_char_boundary(l.end as usize)
            );
        }
    }
}

fn preview(text: &str) -> String {
    text.chars().take(120).collect()
}

fn fixture(p: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap()
}

fn kind_of(name: &str) -> FileKind {
    if name.ends_with(".json") {
        FileKind::Policy
    } else if name.ends_with(".tfvars") {
        FileKind::Tfvars
    } else {
        FileKind::Hcl
    }
}

/// Prefixes ending at every char boundary of some fixtures, and of a generated 300-line module.
#[test]
fn truncated_at_every_byte() {
    let mut inputs: Vec<(String, String)> = [
        "fixtures/RAM000/fail/heredoc.tf",
        "fixtures/RAM000/pass/valid.json",
        "fixtures/TF001/pass/valid.tf",
        "fixtures/TF006/fail/config/main.tf",
    ]
    .iter()
    .map(|p| (p.to_string(), fixture(p)))
    .collect();
    let mut rng = gen_corpus::Rng::new(7);
    inputs.push(("generated/main.tf".into(), gen_corpus::main_tf(&mut rng)));
    inputs.push((
        "generated/policy.json".into(),
        gen_corpus::policy_json(&mut rng),
    ));
    for (name, text) in &inputs {
        // The generated module is long: every 7th byte keeps the test fast in debug builds.
        let step = if text.len() > 4000 { 7 } else { 1 };
        for end in (0..=text.len()).step_by(step) {
            if text.is_char_boundary(end) {
                check_in_process(name, kind_of(name), &text[..end]);
            }
        }
    }
}

/// Random bytes (made valid UTF-8 by lossy decoding) and random soups of syntax characters.
#[test]
fn random_inputs() {
    let mut rng = gen_corpus::Rng::new(2024);
    const SOUP: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        "\"",
        "${",
        "%{",
        "<<EOF\n",
        "\nEOF\n",
        "=",
        ":",
        ",",
        "\n",
        " ",
        "resource",
        "\"alicloud_ram_policy\"",
        "policy_document",
        "jsonencode(",
        "for",
        "in",
        "?",
        "...",
        "\\",
        "*",
        "Statement",
        "Action",
        "count",
        "each.key",
        "#",
        "//",
        "/*",
        "-1e999",
        "0x",
        "null",
        "true",
        "\u{feff}",
        "\r\n",
        "é",
    ];
    for i in 0..400 {
        let len = rng.below(600);
        let text = if i % 2 == 0 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..len / 4).map(|_| rng.pick(SOUP)).collect()
        };
        check_in_process("random.tf", FileKind::Hcl, &text);
        check_in_process("random.json", FileKind::Policy, &text);
        check_in_process("random.tfvars", FileKind::Tfvars, &text);
        check_in_process("random.tf.json", FileKind::TfJson, &text);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn acslint(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::cargo_bin("acslint").unwrap();
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(120));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs the binary on one file and checks the outcome is a clean report of a bad input file.
fn check_file(name: &str, bytes: &[u8], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let mut args = vec!["check", "--format", "json", name];
    args.extend_from_slice(extra);
    let r = acslint(&args, dir.path(), &[]);
    assert!(
        r.code == 0 || r.code == 1,
        "{name}: exit code {} (stderr: {})",
        r.code,
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{name}: {}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{name}: output is not JSON ({e}): {}", r.stdout));
    assert!(
        !r.stdout.contains("\"TF006\""),
        "{name}: internal error: {}",
        r.stdout
    );
    assert!(v.is_object() || v.is_array());
    r
}

fn rules_in(r: &Run) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stdout));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn binary_on_a_sample_of_truncations() {
    let text = fixture("fixtures/RAM000/fail/heredoc.tf");
    for end in (0..text.len()).step_by(23) {
        check_file("t.tf", &text.as_bytes()[..end], &[]);
    }
    let text = fixture("fixtures/RAM000/pass/valid.json");
    for end in (0..text.len()).step_by(11) {
        check_file("p.json", &text.as_bytes()[..end], &[]);
    }
}

#[test]
fn deep_nesting_is_reported_not_overflowed() {
    let n = 100_000;
    let deep_json = format!("{{\"Statement\": {}", "[".repeat(n));
    let r = check_file("deep.json", deep_json.as_bytes(), &[]);
    assert_eq!(rules_in(&r), ["RAM000"], "{}", r.stdout);
    let closed = format!("{{\"Statement\": {}1{}}}", "[".repeat(n), "]".repeat(n));
    assert_eq!(
        rules_in(&check_file("closed.json", closed.as_bytes(), &[])),
        ["RAM000"]
    );
    for (name, text) in [
        ("arrays.tf", format!("a = {}", "[".repeat(n))),
        (
            "closed.tf",
            format!("a = {}1{}", "[".repeat(n), "]".repeat(n)),
        ),
        ("objects.tf", format!("a = {}", "{b = ".repeat(n))),
        ("blocks.tf", "b {\n".repeat(n)),
        ("templates.tf", format!("a = \"{}\"", "${\"".repeat(n))),
        ("operators.tf", format!("a = 1{}", " + 1".repeat(n))),
        ("unary.tf", format!("a = {}true", "!".repeat(n))),
        ("tfvars.tfvars", format!("a = {}", "(".repeat(n))),
    ] {
        let r = check_file(name, text.as_bytes(), &[]);
        assert_eq!(rules_in(&r), ["TF001"], "{name}: {}", r.stdout);
    }
    let r = check_file("deep.tf.json", deep_json.as_bytes(), &[]);
    assert_eq!(rules_in(&r), ["TF001"], "{}", r.stdout);
}

#[test]
fn nesting_just_under_the_parser_limits_is_analysed() {
    // hcl-edit accepts 64 levels; the model and rules then recurse over all of them.
    let depth = 60;
    let text = format!(
        "resource \"alicloud_ram_policy\" \"p\" {{\n  policy_document = jsonencode({}1{})\n}}\n",
        "{a = [".repeat(depth / 2),
        "]}".repeat(depth / 2)
    );
    let r = check_file("deep_ok.tf", text.as_bytes(), &[]);
    assert!(!rules_in(&r).contains(&"TF001".to_string()), "{}", r.stdout);
    let json = format!("{{\"Statement\": {}1{}}}", "[".repeat(120), "]".repeat(120));
    check_file("deep_ok.json", json.as_bytes(), &[]);
}

#[test]
fn ten_megabyte_single_line() {
    let big = format!("a = \"{}\"\n", "x".repeat(10 << 20));
    // Over the default limit: reported (TF003) and skipped.
    let r = check_file("big.tf", big.as_bytes(), &[]);
    assert_eq!(rules_in(&r), ["TF003"]);
    // Under a raised limit: parsed, no finding.
    let r = check_file("big.tf", big.as_bytes(), &["--max-file-size", "20000000"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // One statement with a 10 MB value. (Many statements make a large file too, but the
    // pairwise statement comparison of the policy analyzer is quadratic in their number: see
    // docs/performance.md.)
    let policy = format!(
        "{{\"Version\": \"1\", \"Statement\": [{{\"Sid\": \"{}\", \"Effect\": \"Deny\", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}}]}}",
        "s".repeat(10 << 20)
    );
    assert!(policy.len() > 10 << 20);
    check_file(
        "big.json",
        policy.as_bytes(),
        &["--max-file-size", "20000000"],
    );
    let garbage = format!("a = {}", "\"x\" ".repeat(3 << 20));
    let r = check_file(
        "garbage.tf",
        garbage.as_bytes(),
        &["--max-file-size", "20000000"],
    );
    assert_eq!(rules_in(&r), ["TF001"]);
}

#[test]
fn encodings_line_ends_and_empty_files() {
    let ok = "resource \"alicloud_ram_user\" \"u\" {\n  name = \"ops\"\n}\n";
    // Invalid UTF-8: reported as unreadable, never a crash.
    let mut latin1 = ok.as_bytes().to_vec();
    latin1.extend_from_slice(b"# caf\xe9\n");
    assert_eq!(rules_in(&check_file("latin1.tf", &latin1, &[])), ["TF002"]);
    assert_eq!(
        rules_in(&check_file(
            "latin1.json",
            b"{\"Statement\": \"\xff\"}",
            &[]
        )),
        ["TF002"],
        "a .json file named explicitly is reported when it cannot be read"
    );
    // A byte order mark and CRLF line ends are accepted.
    let bom = format!("\u{feff}{ok}");
    assert_eq!(check_file("bom.tf", bom.as_bytes(), &[]).code, 0);
    let crlf = ok.replace('\n', "\r\n");
    assert_eq!(check_file("crlf.tf", crlf.as_bytes(), &[]).code, 0);
    // A policy with a BOM and CRLF parses (rules may still report on its content).
    let policy = "\u{feff}{\r\n  \"Version\": \"1\",\r\n  \"Statement\": []\r\n}\r\n";
    let r = check_file("bom.json", policy.as_bytes(), &[]);
    assert!(
        !rules_in(&r).iter().any(|c| c == "RAM000" || c == "TF002"),
        "{}",
        r.stdout
    );
    // Empty files.
    for name in ["empty.tf", "empty.tfvars"] {
        assert_eq!(check_file(name, b"", &[]).code, 0, "{name}");
    }
    // A `.json` named on the command line that is neither a policy nor a plan is reported.
    assert_eq!(rules_in(&check_file("empty.json", b"", &[])), ["TF002"]);
    assert_eq!(rules_in(&check_file("empty.tf.json", b"", &[])), ["TF001"]);
    // A NUL byte is valid UTF-8 but not HCL.
    assert_eq!(
        rules_in(&check_file("nul.tf", b"a = \"\0\"\n\0", &[])),
        ["TF001"]
    );
}

fn write_tree(root: &Path) {
    gen_corpus::generate(12, root, 42).unwrap();
    // Add the analysis fixtures (syntax errors, bad JSON) so findings exist in many files.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for e in ignore::WalkBuilder::new(&fixtures)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
    {
        let rel = e.path().strip_prefix(&fixtures).unwrap();
        let to = root.join("fixtures").join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(e.path(), to).unwrap();
    }
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path());
    let args = [
        "check",
        "--format",
        "json",
        "--show-unknown",
        "--no-ignore",
        ".",
    ];
    let one = acslint(&args, dir.path(), &[("RAYON_NUM_THREADS", "1")]);
    let two = acslint(&args, dir.path(), &[("RAYON_NUM_THREADS", "2")]);
    let four = acslint(&args, dir.path(), &[("RAYON_NUM_THREADS", "4")]);
    assert!(one.stdout.contains("\"TF001\""), "{}", one.stdout);
    assert_eq!(one.code, two.code);
    assert!(one.stdout == two.stdout, "1 vs 2 threads differ");
    assert!(one.stdout == four.stdout, "1 vs 4 threads differ");
    for format in ["human", "compact"] {
        let a = acslint(
            &["check", "--format", format, "--no-ignore", "-q", "."],
            dir.path(),
            &[("RAYON_NUM_THREADS", "1")],
        );
        let b = acslint(
            &["check", "--format", format, "--no-ignore", "-q", "."],
            dir.path(),
            &[("RAYON_NUM_THREADS", "2")],
        );
        assert!(a.stdout == b.stdout, "{format}: 1 vs 2 threads differ");
    }
}

/// The output formats `acslint check --help` lists.
fn formats() -> Vec<String> {
    let help = acslint(&["check", "--help"], Path::new("."), &[]).stdout;
    let i = help.find("--format").expect("a --format option");
    let rest = &help[i..];
    let j = rest.find("[possible values: ").expect("format values") + 18;
    let list = &rest[j..j + rest[j..].find(']').unwrap()];
    list.split(',').map(|s| s.trim().to_string()).collect()
}

#[test]
fn secrets_never_appear_in_any_output() {
    let key_id = "LTAI5tQ8pR7sT3uV9wX2yZ1a";
    let secret = "kP9sD2fG7hJ4kL1zX8cV5bN3mQ6wE0"; // 30 characters
    assert_eq!(secret.len(), 30);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("provider.tf"),
        format!(
            "provider \"alicloud\" {{\n  access_key = \"{key_id}\"\n  secret_key = \"{secret}\"\n  region     = \"cn-hangzhou\"\n}}\n\n\
             resource \"alicloud_ram_access_key\" \"k\" {{\n  user_name = \"ops\"\n  secret_file = \"{secret}\"\n}}\n\n\
             output \"key\" {{\n  value = \"{key_id}:{secret}\"\n}}\n\n\
             variable \"secret\" {{\n  default = \"{secret}\"\n}}\n\n\
             locals {{\n  creds = {{ id = \"{key_id}\", secret = \"{secret}\" }}\n}}\n"
        ),
    )
    .unwrap();
    // A syntax error on the very line holding a secret: the snippet must not show it.
    std::fs::write(
        root.join("broken.tf"),
        format!("provider \"alicloud\" {{\n  secret_key = \"{secret}\" ;\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("creds.tfvars"),
        format!("access_key = \"{key_id}\"\nsecret_key = \"{secret}\"\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("policy.json"),
        format!(
            "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {{\"StringEquals\": {{\"acs:AccessKeyId\": \"{key_id}\", \"x\": \"{secret}\"}}}}}}],}}"
        ),
    )
    .unwrap();
    let formats = formats();
    assert!(formats.iter().any(|f| f == "json"), "{formats:?}");
    for format in &formats {
        let r = acslint(
            &[
                "check",
                "--format",
                format,
                "--show-unknown",
                "--no-ignore",
                ".",
            ],
            root,
            &[],
        );
        assert!(r.code == 1, "{format}: exit {} {}", r.code, r.stderr);
        for (what, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
            assert!(
                !text.contains(key_id),
                "{format} {what} shows the AccessKey id:\n{text}"
            );
            assert!(
                !text.contains(secret),
                "{format} {what} shows the secret:\n{text}"
            );
        }
    }
}

#[test]
fn tf_json_escape_decoding_to_a_multibyte_character() {
    // Found by the plan_json fuzz target: the rewrite of a .tf.json sliced a string inside a
    // character. It must be a finding about the file, never an internal error.
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/fuzz/tfjson-multibyte-escape.tf.json"),
    )
    .unwrap();
    let r = check_file("main.tf.json", &bytes, &[]);
    assert_eq!(rules_in(&r), ["TF001"], "{}", r.stdout);
}
