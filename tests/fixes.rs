//! Autofix: every rule that declares a fix has cases under `fixtures/<CODE>/fix/` (a file or a
//! directory; `<file>.fixed` is the expected text of each file the fix changes, every other file
//! must stay as it is). Each case is fixed with only its rule selected; re-linting finds nothing
//! of that rule, a second `--fix` changes nothing, and an unsafe fix waits for `--unsafe-fixes`.
//! A property test fixes every fixture at once and checks that what was fixed is gone and every
//! file still parses.

use acslint::rules::Registry;
use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn acslint(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn files_under(p: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = ignore::WalkBuilder::new(p)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect();
    v.sort();
    v
}

/// Copy a case (file or directory) without its `.fixed` files into `to`.
fn copy_case(case: &Path, to: &Path) -> PathBuf {
    let name = case.file_name().unwrap();
    for f in files_under(case) {
        if f.extension().is_some_and(|e| e == "fixed") {
            continue;
        }
        let rel = f.strip_prefix(case.parent().unwrap()).unwrap();
        let dst = to.join(rel);
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        std::fs::copy(&f, dst).unwrap();
    }
    to.join(name)
}

/// `--fix` with every fix and every rule over `tree/`: the corpus property test runs it twice.
const FIX_ALL: &[&str] = &[
    "check",
    "--isolated",
    "-q",
    "--fix",
    "--unsafe-fixes",
    "--select",
    "ALL",
    "--no-ignore",
    "tree",
];

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let t = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
            (f.strip_prefix(dir).unwrap().to_path_buf(), t)
        })
        .collect()
}

fn findings(dir: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["check", "--isolated", "--format", "json", "--exit-zero"];
    a.extend_from_slice(args);
    let (code, out, err) = acslint(dir, &a);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["findings"].as_array().unwrap().clone()
}

#[test]
fn every_fix_fixture_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reg = Registry::builtin();
    let mut failures = Vec::new();
    for rule in reg.sorted() {
        let dir = root.join("fixtures").join(&*rule.id).join("fix");
        let cases: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|rd| {
                let mut v: Vec<PathBuf> = rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_none_or(|e| e != "fixed"))
                    .collect();
                v.sort();
                v
            })
            .unwrap_or_default();
        let Some(fix) = &rule.fix else {
            if !cases.is_empty() {
                failures.push(format!("{}: fix cases but no fix declared", rule.id));
            }
            continue;
        };
        if cases.is_empty() {
            failures.push(format!(
                "{}: declares a fix but has no fixtures/{}/fix/ case",
                rule.id, rule.id
            ));
            continue;
        }
        for case in cases {
            let tmp = tempfile::tempdir().unwrap();
            let target = copy_case(&case, tmp.path());
            let t = target.to_string_lossy().to_string();
            let before = snapshot(tmp.path());
            let select = ["--select", &rule.id];
            // Findings of the rule carry the fix, with the rule's safety.
            let found = findings(tmp.path(), &[&select[..], &[t.as_str()]].concat());
            let offered = found.iter().filter(|f| f["autofix"].is_object()).count();
            if offered == 0 {
                failures.push(format!("{}: no finding offers a fix", case.display()));
                continue;
            }
            for f in &found {
                if f["autofix"].is_object() && f["autofix"]["safety"] != fix.safety.as_str() {
                    failures.push(format!("{}: wrong safety in {f}", case.display()));
                }
            }
            // Without --unsafe-fixes an unsafe fix is not applied.
            acslint(
                tmp.path(),
                &[
                    &["check", "--isolated", "-q", "--fix"],
                    &select[..],
                    &[t.as_str()],
                ]
                .concat(),
            );
            let after_safe = snapshot(tmp.path());
            if fix.safety == acslint::fix::Safety::Unsafe && after_safe != before {
                failures.push(format!(
                    "{}: an unsafe fix was applied by --fix",
                    case.display()
                ));
            }
            let (_, _, err) = acslint(
                tmp.path(),
                &[
                    &["check", "--isolated", "--fix", "--unsafe-fixes"],
                    &select[..],
                    &[t.as_str()],
                ]
                .concat(),
            );
            let after = snapshot(tmp.path());
            for (rel, text) in &after {
                let src = case.parent().unwrap().join(rel);
                let expected = std::fs::read_to_string(format!("{}.fixed", src.display()))
                    .unwrap_or_else(|_| before[rel].clone());
                if *text != expected {
                    failures.push(format!(
                        "{}: fixed text differs from {}.fixed:\n{text}\n(stderr: {err})",
                        case.display(),
                        src.display()
                    ));
                }
            }
            if after == before {
                failures.push(format!("{}: --fix changed nothing", case.display()));
            }
            let left = findings(tmp.path(), &[&select[..], &[t.as_str()]].concat());
            if !left.is_empty() {
                failures.push(format!(
                    "{}: findings after --fix: {left:?}",
                    case.display()
                ));
            }
            // A second run is a no-op.
            acslint(
                tmp.path(),
                &[
                    &["check", "--isolated", "--fix", "--unsafe-fixes"],
                    &select[..],
                    &[t.as_str()],
                ]
                .concat(),
            );
            if snapshot(tmp.path()) != after {
                failures.push(format!(
                    "{}: a second --fix changed the files",
                    case.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The key a finding keeps across a fix: its span and message may change.
fn key(f: &Value) -> (String, String, String, String) {
    let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
    (s("rule"), s("file"), s("resource"), s("pointer"))
}

/// What one run of the property gave.
#[derive(Debug)]
struct Property {
    files: usize,
    findings: usize,
    fixable: usize,
    changed: usize,
    fixed: usize,
    /// Findings a fix claimed to remove that are still reported.
    back: Vec<(String, String, String, String)>,
    /// Changed files that no longer parse.
    broken: Vec<String>,
    /// Parse findings (TF001/RAM000) before and after.
    parse_errors: (usize, usize),
    /// Files a second `--fix` changed (it must change none).
    second: Vec<String>,
    stderr: String,
}

/// Copy `tree` into a temporary directory, lint it with every rule, `--fix --unsafe-fixes`, and
/// lint again: every changed file must parse, and no finding whose fix was offered may remain.
fn fix_property(tree: &Path) -> Property {
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("tree");
    for f in files_under(tree) {
        let dst = copy.join(f.strip_prefix(tree).unwrap());
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        std::fs::copy(&f, dst).unwrap();
    }
    let all = ["--select", "ALL", "--no-ignore", "tree"];
    let before = findings(tmp.path(), &all);
    let fixable: BTreeSet<_> = before
        .iter()
        .filter(|f| f["autofix"].is_object())
        .map(key)
        .collect();
    let unfixable: BTreeSet<_> = before
        .iter()
        .filter(|f| !f["autofix"].is_object())
        .map(key)
        .collect();
    let parse_errors = |fs: &[Value]| -> BTreeSet<(String, String)> {
        fs.iter()
            .filter(|f| matches!(f["rule"].as_str(), Some("TF001" | "RAM000")))
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["file"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let snap = snapshot(tmp.path());
    let (_, _, stderr) = acslint(tmp.path(), FIX_ALL);
    let changed: Vec<_> = snapshot(tmp.path())
        .into_iter()
        .filter(|(p, t)| snap.get(p) != Some(t))
        .collect();
    // Every changed file parses as what it is.
    let mut broken = Vec::new();
    for (p, t) in &changed {
        let name = p.to_string_lossy();
        let kind = if name.ends_with(".tf") {
            acslint::source::FileKind::Hcl
        } else if name.ends_with(".tfvars") {
            acslint::source::FileKind::Tfvars
        } else {
            acslint::source::FileKind::Policy
        };
        if let Err(e) = acslint::fix::parses(kind, t) {
            broken.push(format!("{name}: {e}"));
        }
    }
    let after = findings(tmp.path(), &all);
    // A second run changes nothing.
    let fixed_snap = snapshot(tmp.path());
    acslint(tmp.path(), FIX_ALL);
    let second: Vec<String> = snapshot(tmp.path())
        .into_iter()
        .filter(|(p, t)| fixed_snap.get(p) != Some(t))
        .map(|(p, _)| p.display().to_string())
        .collect();
    let (pb, pa) = (parse_errors(&before), parse_errors(&after));
    if pb != pa {
        broken.push(format!("parse findings before {pb:?}, after {pa:?}"));
    }
    let back: Vec<_> = after
        .iter()
        .map(key)
        .filter(|k| fixable.contains(k) && !unfixable.contains(k))
        .collect();
    let still: BTreeSet<_> = after.iter().map(key).collect();
    Property {
        files: snap.len(),
        findings: before.len(),
        fixable: before.iter().filter(|f| f["autofix"].is_object()).count(),
        changed: changed.len(),
        fixed: fixable.iter().filter(|k| !still.contains(*k)).count(),
        back,
        broken,
        parse_errors: (pb.len(), pa.len()),
        second,
        stderr,
    }
}

#[test]
fn fixing_every_fixture_keeps_files_parsing_and_removes_what_it_claimed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let p = fix_property(&root.join("fixtures"));
    assert!(p.fixable > 50, "only {} fixable findings", p.fixable);
    assert!(
        p.changed > 30,
        "only {} files changed ({})",
        p.changed,
        p.stderr
    );
    assert!(p.broken.is_empty(), "{:?}", p.broken);
    assert!(
        p.back.is_empty(),
        "findings a fix claimed to remove: {:?}\n{}",
        p.back,
        p.stderr
    );
    assert!(p.second.is_empty(), "a second --fix changed {:?}", p.second);
}

/// The same property on a tree of real code, run by hand (figures in the output):
/// `ACSLINT_FIX_TREE=/path/to/corpus cargo test --test fixes -- --ignored --nocapture`.
/// The tree is copied to a temporary directory; nothing in it is changed.
#[test]
#[ignore = "needs ACSLINT_FIX_TREE, a directory of real Terraform to copy"]
fn fixing_a_real_tree_keeps_files_parsing_and_removes_what_it_claimed() {
    let tree = PathBuf::from(std::env::var("ACSLINT_FIX_TREE").expect("set ACSLINT_FIX_TREE"));
    let p = fix_property(&tree);
    println!(
        "files {}, findings {}, with a fix {}, fixed {}, files changed {}, changed files that do not parse {}, parse findings before/after {}/{}, claimed but still reported {}, changed by a second --fix {}",
        p.files,
        p.findings,
        p.fixable,
        p.fixed,
        p.changed,
        p.broken.len(),
        p.parse_errors.0,
        p.parse_errors.1,
        p.back.len(),
        p.second.len()
    );
    for b in p.back.iter().take(20) {
        println!("still reported: {b:?}");
    }
    for line in p
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning"))
        .take(20)
    {
        println!("{line}");
    }
    assert!(p.broken.is_empty(), "{:?}", p.broken);
    assert!(p.back.is_empty(), "{:?}", p.back);
    assert!(p.second.is_empty(), "{:?}", p.second);
}

#[test]
fn a_variable_used_twice_is_not_fixed_and_the_finding_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let main = "resource \"alicloud_db_instance\" \"a\" {\n  ssl_action = var.ssl\n}\n\nresource \"alicloud_db_instance\" \"b\" {\n  ssl_action = var.ssl\n}\n\nvariable \"ssl\" {\n  default = \"Close\"\n}\n";
    std::fs::write(tmp.path().join("main.tf"), main).unwrap();
    let found = findings(tmp.path(), &["--select", "DB002", "."]);
    assert_eq!(found.len(), 2);
    for f in &found {
        assert!(f["autofix"].is_null(), "{f}");
        assert_eq!(
            f["notes"][0],
            "no automatic fix: `var.ssl` is used 2 times in its module; change its value at main.tf:10:13 if that suits every use"
        );
    }
    let (code, out, _) = acslint(
        tmp.path(),
        &["check", "--isolated", "--diff", "--select", "DB002", "."],
    );
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn diff_prints_the_change_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name   = \"t\" # keep me\n  trail_region = \"cn-hangzhou\"\n}\n";
    std::fs::write(tmp.path().join("main.tf"), text).unwrap();
    let (code, out, err) = acslint(
        tmp.path(),
        &["check", "--isolated", "--diff", "--select", "LOG002", "."],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "--- a/main.tf\n+++ b/main.tf\n@@ -1,4 +1,4 @@\n resource \"alicloud_actiontrail_trail\" \"t\" {\n   trail_name   = \"t\" # keep me\n-  trail_region = \"cn-hangzhou\"\n+  trail_region = \"All\"\n }\n"
    );
    assert_eq!(err, "acslint: 1 fix(es) in 1 file(s)\n");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("main.tf")).unwrap(),
        text
    );
    // JSON names the fix per finding.
    let f = &findings(tmp.path(), &["--select", "LOG002", "."])[0];
    assert_eq!(
        f["autofix"],
        serde_json::json!({"safety": "safe", "description": "set `trail_region = \"All\"`", "edits": [
            {"file": "main.tf", "range": {"start": {"line": 3, "column": 18}, "end": {"line": 3, "column": 31}}, "content": "\"All\""}
        ]})
    );
    // --fix reports the count in the summary.
    let (code, _, err) = acslint(
        tmp.path(),
        &["check", "--isolated", "--fix", "--select", "LOG002", "."],
    );
    assert_eq!(code, 0);
    assert!(
        err.contains("no findings") && err.ends_with("\nacslint: 1 fixed\n"),
        "{err}"
    );
}

#[test]
fn a_local_used_once_is_fixed_where_it_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let main = "locals {\n  log = \"false\"\n}\n\nresource \"alicloud_waf_instance\" \"w\" {\n  waf_log = local.log\n}\n";
    std::fs::write(tmp.path().join("main.tf"), main).unwrap();
    let found = findings(tmp.path(), &["--select", "NET018", "."]);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0]["autofix"]["edits"],
        serde_json::json!([{"file": "main.tf", "range": {"start": {"line": 2, "column": 9}, "end": {"line": 2, "column": 16}}, "content": "\"true\""}])
    );
    let (code, _, err) = acslint(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "-q",
            "--fix",
            "--select",
            "NET018",
            ".",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("main.tf")).unwrap(),
        main.replace("\"false\"", "\"true\"")
    );
    // Used twice: not offered, and the finding says why.
    let twice = "locals {\n  log = \"false\"\n}\n\nresource \"alicloud_waf_instance\" \"a\" {\n  waf_log = local.log\n}\n\nresource \"alicloud_waf_instance\" \"b\" {\n  waf_log = local.log\n}\n";
    std::fs::write(tmp.path().join("main.tf"), twice).unwrap();
    let found = findings(tmp.path(), &["--select", "NET018", "."]);
    assert_eq!(found.len(), 2);
    for f in &found {
        assert!(f["autofix"].is_null(), "{f}");
        assert_eq!(
            f["notes"][0],
            "no automatic fix: `local.log` is used 2 times in its module; change its value at main.tf:2:9 if that suits every use"
        );
    }
}

#[test]
fn a_policy_key_fix_never_makes_a_rejected_policy_grant() {
    let tmp = tempfile::tempdir().unwrap();
    // RAM rejects `effect`; renaming it would make this policy grant ecs:*.
    let allow = "{\"Version\": \"1\", \"Statement\": [{\"effect\": \"Allow\", \"Action\": \"ecs:*\", \"Resource\": \"*\"}]}\n";
    std::fs::write(tmp.path().join("p.json"), allow).unwrap();
    let found = findings(tmp.path(), &["--select", "RAM003", "."]);
    assert_eq!(found.len(), 1);
    assert!(found[0]["autofix"].is_null());
    assert_eq!(
        found[0]["notes"][0],
        "no automatic fix: the policy has statements that are not `Deny`: RAM rejects it as written, and the fix would make it grant access; correct it by hand"
    );
    // `"allow "` is never rewritten to `"Allow"`; `"deny"` in a Deny-only policy is.
    let two = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"allow \", \"Action\": \"ecs:*\", \"Resource\": \"*\"}, {\"Effect\": \"deny\", \"Action\": \"ram:*\", \"Resource\": \"*\"}]}\n";
    std::fs::write(tmp.path().join("p.json"), two).unwrap();
    let found = findings(tmp.path(), &["--select", "RAM004", "."]);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f["autofix"].is_null()), "{found:?}");
    let deny = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"deny\", \"Action\": \"ram:*\", \"Resource\": \"*\"}]}\n";
    std::fs::write(tmp.path().join("p.json"), deny).unwrap();
    let found = findings(tmp.path(), &["--select", "RAM004", "."]);
    assert_eq!(
        found[0]["autofix"],
        serde_json::json!({"safety": "safe", "description": "set `\"Effect\": \"Deny\"` in the statement", "edits": [
            {"file": "p.json", "range": {"start": {"line": 1, "column": 44}, "end": {"line": 1, "column": 48}}, "content": "Deny"}
        ]})
    );
}

/// A password policy's settings (quoted numbers included, as the quickstarts write them) are not
/// secrets: every finding on them is fixed in one run, while a real password in the same file is
/// kept on disk and masked in what is shown.
#[test]
fn password_policy_settings_are_fixed_beside_a_masked_password() {
    let tmp = tempfile::tempdir().unwrap();
    let main = "resource \"alicloud_ram_password_policy\" \"default\" {\n  minimum_password_length              = \"8\"\n  require_lowercase_characters         = false\n  require_numbers                      = false\n  max_password_age                     = \"0\"\n  password_reuse_prevention            = \"1\"\n  hard_expiry                          = false\n  require_uppercase_characters         = false\n  require_symbols                      = false\n  password_not_contain_user_name       = false\n  minimum_password_different_character = \"1\"\n}\n\nresource \"alicloud_db_account\" \"app\" {\n  db_instance_id   = \"rm-1\"\n  account_name     = \"app\"\n  account_password = \"Hunter2-Example\"\n}\n\nresource \"alicloud_db_instance\" \"db\" {\n  engine     = \"MySQL\"\n  ssl_action = \"Close\"\n}\n";
    std::fs::write(tmp.path().join("main.tf"), main).unwrap();
    let rules = "IAM017,IAM018,IAM019,IAM020,IAM022,DB002";
    let before = findings(tmp.path(), &["--select", rules, "."]);
    let ids: Vec<&str> = before.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["IAM017", "IAM018", "IAM018", "IAM019", "IAM020", "IAM022", "IAM018", "IAM018", "DB002"]
    );
    assert!(
        before.iter().all(|f| f["autofix"].is_object()),
        "{before:?}"
    );
    let (code, out, err) = acslint(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--fix",
            "--unsafe-fixes",
            "--select",
            rules,
            ".",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.ends_with("acslint: 9 fixed\n"), "{err}");
    assert!(!format!("{out}{err}").contains("Hunter2"));
    let fixed = main
        .replace("= \"8\"", "= 14")
        .replace("= \"0\"", "= 90")
        .replace("prevention            = \"1\"", "prevention            = 5")
        .replace("characters         = false", "characters         = true")
        .replace(
            "numbers                      = false",
            "numbers                      = true",
        )
        .replace(
            "expiry                          = false",
            "expiry                          = true",
        )
        .replace(
            "symbols                      = false",
            "symbols                      = true",
        )
        .replace("\"Close\"", "\"Open\"");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("main.tf")).unwrap(),
        fixed
    );
    assert!(fixed.contains("account_password = \"Hunter2-Example\""));
    // The second run has nothing to do.
    let (code, out, err) = acslint(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--diff",
            "--unsafe-fixes",
            "--select",
            rules,
            ".",
        ],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(findings(tmp.path(), &["--select", rules, "."]).is_empty());
}
