//! The binary as a user runs it: exit codes, formats, discovery, stdin.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn acslint() -> Command {
    let mut c = Command::cargo_bin("acslint").unwrap();
    c.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli"));
    c.env_remove("GITHUB_ACTIONS").env("NO_COLOR", "1");
    c
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON output")
}

/// (rule, file, line, column) of every finding in a JSON report.
fn located(v: &Value) -> Vec<(String, String, u64, u64)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["range"]["start"]["line"].as_u64().unwrap(),
                f["range"]["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn findings_exit_1_and_json_is_exact() {
    let out = acslint()
        .args(["check", "broken", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "acslint");
    assert_eq!(
        located(&v),
        vec![
            (
                "TF001".into(),
                "tests/data/cli/broken/main.tf".into(),
                2,
                15
            ),
            (
                "RAM000".into(),
                "tests/data/cli/broken/policy.json".into(),
                3,
                56
            ),
        ]
    );
    let f = &v["findings"][1];
    assert_eq!(f["name"], "policy-invalid-json");
    assert_eq!(f["severity"], "high");
    assert_eq!(
        f["message"],
        "the policy document is not valid JSON: expected `,` or `}`"
    );
    assert_eq!(
        f["range"]["end"],
        serde_json::json!({"line": 3, "column": 57})
    );
    assert_eq!(f["resource"], Value::Null);
    assert_eq!(f["pointer"], Value::Null);
    // A test build knows no published docs ref: no link to a tag that may not exist.
    assert_eq!(f["url"], Value::Null);
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 2, "findings": 2, "by_severity": {"high": 2}, "by_rule": [
            {"rule": "RAM000", "name": "policy-invalid-json", "severity": "high", "count": 1, "fixable": 0},
            {"rule": "TF001", "name": "hcl-syntax-error", "severity": "high", "count": 1, "fixable": 0},
        ]})
    );
}

#[test]
fn clean_input_exits_0_and_other_json_is_skipped() {
    let out = acslint()
        .args(["check", "clean", "-f", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(
        v["summary"]["files"], 1,
        "package.json is neither a policy nor a plan"
    );
    assert_eq!(v["findings"], serde_json::json!([]));
}

#[test]
fn fail_on_and_exit_zero_gate_the_exit_code() {
    // Files that do not parse fail the run whatever the threshold: they were not checked.
    for t in ["critical", "high", "never"] {
        acslint()
            .args(["check", "broken", "--fail-on", t])
            .assert()
            .code(1);
    }
    acslint()
        .args([
            "check",
            "broken",
            "--fail-on",
            "critical",
            "--allow-incomplete",
        ])
        .assert()
        .code(0);
    acslint()
        .args(["check", "broken", "--exit-zero"])
        .assert()
        .code(0);
}

#[test]
fn usage_errors_exit_2() {
    acslint()
        .args(["check", "does-not-exist"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "path `does-not-exist` does not exist",
        ));
    acslint()
        .args(["check", "--select", "XYZ", "broken"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`XYZ` selects no rule"));
    acslint()
        .args(["check", "--format", "bogus"])
        .assert()
        .code(2);
    acslint().args(["explain", "NOPE999"]).assert().code(2);
    acslint().args(["frobnicate"]).assert().code(2);
}

#[test]
fn compact_format_positions_count_characters_with_crlf_bom_and_tabs() {
    let out = acslint()
        .args(["check", "mixed", "-f", "compact"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "tests/data/cli/mixed/crlf.tf:5:23: high TF001 syntax error: invalid block body; expected `}`, newline or identifier\n\
         tests/data/cli/mixed/nested/bom.json:1:32: high RAM000 the policy document is not valid JSON: Unexpected close brace\n"
    );
}

#[test]
fn select_and_ignore_by_code_prefix_and_name() {
    let codes = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["check", "broken", "-f", "json"];
        a.extend_from_slice(args);
        let v = json_of(&acslint().args(&a).output().unwrap().stdout);
        located(&v).into_iter().map(|l| l.0).collect()
    };
    // Syntax errors are never hidden; --allow-incomplete lets the selection apply to them.
    let loose = |args: &[&str]| {
        let mut a = args.to_vec();
        a.push("--allow-incomplete");
        codes(&a)
    };
    assert_eq!(loose(&["--select", "RAM"]), ["RAM000"]);
    assert_eq!(loose(&["--select", "hcl-syntax-error"]), ["TF001"]);
    assert_eq!(loose(&["--ignore", "TF0"]), ["RAM000"]);
    assert_eq!(
        loose(&["--select", "TF001,RAM000", "--ignore", "ram000"]),
        ["TF001"]
    );
    assert_eq!(codes(&["--select", "RAM"]), ["TF001", "RAM000"]);
    assert_eq!(codes(&["--ignore", "TF0"]), ["TF001", "RAM000"]);
}

#[test]
fn stdin_is_linted_under_its_given_name() {
    acslint()
        .args(["check", "-", "--stdin-filename", "infra/main.tf", "-f", "compact"])
        .write_stdin("resource \"x\" \"y\" {\n")
        .assert()
        .code(1)
        .stdout("tests/data/cli/infra/main.tf:1:19: high TF001 syntax error: invalid block body; expected `}`, newline or identifier\n");
    acslint()
        .args(["check", "-", "--stdin-filename", "p.json", "-f", "compact"])
        .write_stdin(
            "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ecs:DescribeInstances\", \"Resource\": \"*\"}]}",
        )
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn gitignore_exclude_and_include_shape_discovery() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("ignored")).unwrap();
    std::fs::create_dir_all(root.join(".terraform/modules/x")).unwrap();
    std::fs::create_dir_all(root.join("live")).unwrap();
    std::fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
    for p in [
        "ignored/bad.tf",
        ".terraform/modules/x/bad.tf",
        "live/bad.tf",
        "live/other.tf",
    ] {
        std::fs::write(root.join(p), "broken {{{\n").unwrap();
    }
    let files = |args: &[&str]| -> Vec<String> {
        let mut c = Command::cargo_bin("acslint").unwrap();
        c.current_dir(root).args(["check", "-f", "json"]).args(args);
        let v = json_of(&c.output().unwrap().stdout);
        let mut f: Vec<String> = located(&v).into_iter().map(|l| l.1).collect();
        f.sort();
        f
    };
    assert_eq!(files(&[]), ["live/bad.tf", "live/other.tf"]);
    assert_eq!(
        files(&["--no-ignore"]),
        ["ignored/bad.tf", "live/bad.tf", "live/other.tf"]
    );
    assert_eq!(files(&["--exclude", "other.tf"]), ["live/bad.tf"]);
    assert_eq!(files(&["--include", "live/b*"]), ["live/bad.tf"]);
    // A file named explicitly is linted even when ignored.
    assert_eq!(files(&["ignored/bad.tf"]), ["ignored/bad.tf"]);
}

#[test]
fn rules_explain_version_and_help() {
    let out = acslint()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let first = &v.as_array().unwrap()[0];
    for k in ["id", "name", "severity", "title", "equivalents"] {
        assert!(first.get(k).is_some(), "rules JSON lacks {k}");
    }
    acslint()
        .args(["explain", "TF001"])
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("# TF001 `hcl-syntax-error`"));
    acslint()
        .args(["explain", "hcl-syntax-error"])
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("# TF001"));
    acslint()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("acslint {}\n", env!("CARGO_PKG_VERSION")));
    acslint()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("Exit codes: 0"));
}

#[test]
fn human_output_is_miette_with_summary_on_stderr() {
    let a = acslint().args(["check", "broken"]).assert().code(1);
    let o = a.get_output();
    let stdout = String::from_utf8(o.stdout.clone()).unwrap();
    insta::assert_snapshot!("human_broken", stdout);
    // The rule's page is named once, as the command that prints it (no published docs ref in a
    // test build).
    assert!(stdout.contains("high TF001(hcl-syntax-error) (acslint explain TF001)\n"));
    assert!(!stdout.contains("https://"), "{stdout}");
    let stderr = String::from_utf8(o.stderr.clone()).unwrap();
    assert!(
        stderr.starts_with(
            "           findings  fixable\n\
             high              2        0\n\
             total             2        0\n\
             suppressed        0\n\
             unknown           0\n\
             acslint: 2 files checked, 2 findings: 2 high ("
        ),
        "{stderr}"
    );
    let q = acslint().args(["check", "broken", "-q"]).assert().code(1);
    assert_eq!(q.get_output().stderr, b"");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::os::unix::fs::symlink("..", root.join("a/loop")).unwrap();
    std::fs::write(root.join("a/main.tf"), "locals {\n  x = 1\n}\n").unwrap();
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["check", "-f", "compact", "."])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("a/loop:1:1: high TF002 File system loop found: "),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn modules_installed_by_terraform_init_are_evaluated_from_their_callers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let m = root.join(".terraform/modules/bucket");
    std::fs::create_dir_all(&m).unwrap();
    std::fs::create_dir_all(root.join(".terraform/providers")).unwrap();
    std::fs::write(root.join(".terraform/providers/junk.tf"), "broken {{{\n").unwrap();
    std::fs::write(
        root.join(".terraform/modules/modules.json"),
        r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"site","Source":"registry.terraform.io/x/bucket/alicloud","Dir":".terraform/modules/bucket"}]}"#,
    )
    .unwrap();
    std::fs::write(
        m.join("main.tf"),
        "variable \"acl\" {}\nresource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"site\"\n  acl    = var.acl\n}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("main.tf"),
        "module \"site\" {\n  source = \"x/bucket/alicloud\"\n  acl    = \"public-read\"\n}\n",
    )
    .unwrap();
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["check", "-f", "json", "--select", "OSS001,TF"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(
        located(&v),
        vec![(
            "OSS001".into(),
            ".terraform/modules/bucket/main.tf".into(),
            4,
            3
        )]
    );
    assert_eq!(
        v["findings"][0]["resource"],
        "module.site.alicloud_oss_bucket.b"
    );
}

#[test]
fn user_rule_files_run_through_the_engine() {
    let out = acslint()
        .args([
            "check",
            "user-rules/buckets.tf",
            "--rules",
            "user-rules/tags.hcl",
            "--select",
            "ORG",
            "-f",
            "compact",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "tests/data/cli/user-rules/buckets.tf:8:1: low ORG001 bucket `orphan` has no `owner` tag\n"
    );
}

#[test]
fn a_malformed_user_rule_file_is_exit_2_pointing_at_the_line() {
    let out = acslint()
        .args(["check", "clean", "--rules", "bad-rules/bad.hcl"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("rule ORG002, `name`: \"Not Kebab\" does not match"),
        "{err}"
    );
    assert!(err.contains("bad-rules/bad.hcl:2:3"), "{err}");
    assert!(
        err.contains("error: 1 error(s) in rule file bad-rules/bad.hcl"),
        "{err}"
    );
}

#[test]
fn config_require_makes_actiontrail_mandatory_below_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("prod/net")).unwrap();
    std::fs::create_dir_all(root.join("dev")).unwrap();
    std::fs::write(
        root.join("prod/.acslint.hcl"),
        "require = [\"actiontrail\"]\n",
    )
    .unwrap();
    let vpc = "resource \"alicloud_vpc\" \"v\" {\n  vpc_name = \"x\"\n}\n";
    // Root modules (a provider); a reusable module below `prod` is left to its callers.
    let root_vpc = format!("{vpc}provider \"alicloud\" {{}}\n");
    std::fs::write(root.join("prod/net/main.tf"), &root_vpc).unwrap();
    std::fs::create_dir_all(root.join("prod/modules/vpc")).unwrap();
    std::fs::write(root.join("prod/modules/vpc/main.tf"), vpc).unwrap();
    std::fs::write(root.join("dev/main.tf"), &root_vpc).unwrap();
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["check", "-f", "compact", "--select", "LOG001", "."])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "prod/net/main.tf:1:1: high LOG001 no `alicloud_actiontrail_trail` exists in this root module or the modules it calls although this path requires ActionTrail (option `require`)\n"
    );
}

#[test]
fn packs_select_rules_by_reference() {
    let cis: Vec<String> = acslint::rules::Registry::builtin()
        .select("cis")
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    assert!(
        cis.contains(&"OSS001".to_string()) && !cis.contains(&"TF001".to_string()),
        "{cis:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join(".acslint.hcl"), "pack = [\"cis\"]\n").unwrap();
    // TF001 is outside the CIS pack; OSS001 is in it. A syntax error is shown all the same.
    std::fs::write(
        root.join("main.tf"),
        "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n",
    )
    .unwrap();
    std::fs::write(root.join("broken.tf"), "broken {{{\n").unwrap();
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["check", "-f", "json", "."])
        .output()
        .unwrap();
    let rules: Vec<String> = located(&json_of(&out.stdout))
        .into_iter()
        .map(|l| l.0)
        .collect();
    assert!(rules.contains(&"OSS001".to_string()), "{rules:?}");
    assert!(rules.contains(&"TF001".to_string()), "{rules:?}");
}

#[test]
fn rule_helpers_policy_and_cidrcontains() {
    let out = acslint()
        .args([
            "check",
            "user-rules/policy.tf",
            "--rules",
            "user-rules/policy.hcl",
            "--select",
            "ORG",
            "-f",
            "compact",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "tests/data/cli/user-rules/policy.tf:3:3: low ORG010 policy `empty` grants nothing\n\
         tests/data/cli/user-rules/policy.tf:22:3: low ORG011 instance `outside` accepts addresses outside 10.0.0.0/8\n"
    );
}

#[test]
fn tf_json_files_are_evaluated_with_their_module() {
    // A variable declared in `.tf`, used in `.tf.json`; a `.tf.json` resource referenced from
    // `.tf`; a policy built with `jsonencode` inside a JSON string.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("variables.tf"),
        "variable \"acl\" {\n  default = \"public-read-write\"\n}\noutput \"b\" {\n  value = alicloud_oss_bucket.site.bucket\n}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("main.tf.json"),
        r#"{
  "resource": {
    "alicloud_oss_bucket": {
      "site": {"bucket": "site", "acl": "${var.acl}"}
    },
    "alicloud_ram_policy": {
      "admin": {
        "policy_name": "admin",
        "policy_document": "${jsonencode({Version = \"1\", Statement = [{Effect = \"Allow\", Action = \"*\", Resource = \"*\"}]})}"
      }
    }
  }
}
"#,
    )
    .unwrap();
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["check", "-f", "json", "--select", "OSS001,RAM020,TF"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(
        located(&v),
        vec![
            ("OSS001".into(), "main.tf.json".into(), 4, 34),
            ("RAM020".into(), "main.tf.json".into(), 9, 103),
        ]
    );
    assert_eq!(v["findings"][0]["resource"], "alicloud_oss_bucket.site");
    assert_eq!(v["summary"]["files"], 2);
}

#[test]
fn findings_in_a_file_read_by_file_point_into_it() {
    // Only main.tf is named; the policy it reads with file() is not a scanned file kind.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("policies")).unwrap();
    std::fs::write(
        root.join("main.tf"),
        "resource \"alicloud_ram_policy\" \"admin\" {\n  policy_name     = \"admin\"\n  policy_document = file(\"${path.module}/policies/admin.txt\")\n}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("policies/admin.txt"),
        "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}\n",
    )
    .unwrap();
    // A file outside the module's directory is not read.
    std::fs::write(
        root.join("outside.tf"),
        "resource \"alicloud_ram_policy\" \"x\" {\n  policy_name     = \"x\"\n  policy_document = file(\"/etc/hostname\")\n}\n",
    )
    .unwrap();
    let out = acslint()
        .current_dir(root)
        .args([
            "check",
            "main.tf",
            "outside.tf",
            "-f",
            "json",
            "--select",
            "RAM020",
        ])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(
        located(&v),
        vec![("RAM020".into(), "policies/admin.txt".into(), 4, 35)]
    );
    assert_eq!(v["findings"][0]["resource"], "alicloud_ram_policy.admin");
    assert_eq!(v["summary"]["files"], 2);
}

#[test]
fn findings_inside_a_module_name_the_call_that_reached_them() {
    let out = acslint()
        .current_dir(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/RAM020/fail/module_heredoc"),
        )
        .args(["check", ".", "-f", "json"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(
        located(&v),
        vec![(
            "RAM020".into(),
            "fixtures/RAM020/fail/module_heredoc/modules/pol/main.tf".into(),
            11,
            39
        )]
    );
    let f = &v["findings"][0];
    assert_eq!(f["resource"], "module.account.alicloud_ram_policy.admin");
    assert_eq!(f["range"]["end"]["column"], 54);
    assert_eq!(
        f["notes"],
        serde_json::json!(["reached through the module call at main.tf:3:1"])
    );
}

/// A peer's skip that names one facet of a rule (CKV_ALI_3 is NET001's `port:3389`) silences
/// only that facet; the facet is in the JSON and SARIF reports.
#[test]
fn checkov_skip_of_a_facet_silences_only_that_facet() {
    let tf = r#"resource "alicloud_security_group_rule" "wide" {
  #checkov:skip=CKV_ALI_3:RDP gateway
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "3300/3400"
  security_group_id = "sg-123"
  cidr_ip           = "0.0.0.0/0"
}
"#;
    let out = acslint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "sg.tf",
            "-f",
            "json",
            "--select",
            "NET001",
        ])
        .write_stdin(tf)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let facets: Vec<(&str, &str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["facet"].as_str().unwrap(),
                f["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(facets, vec![("NET001", "port:3306", 5)]);
    assert_eq!(
        v["findings"][0]["message"],
        "ingress from `0.0.0.0/0` to ports 3300/3400 exposes MySQL (tcp/3306) to the whole internet"
    );
    let out = acslint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "sg.tf",
            "-f",
            "sarif",
            "--select",
            "NET001",
            "--no-inline-suppressions",
        ])
        .write_stdin(tf)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let facets: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["properties"]["facet"].as_str().unwrap())
        .collect();
    assert_eq!(facets, vec!["port:3306", "port:3389"]);
}

#[test]
fn rule_expressions_follow_terraform_semantics() {
    // A missing map key is an error (ORG101 undecided, never a silent pass), try() catches it
    // (ORG102), and coalesce() is unknown only when an unknown could be chosen (ORG103).
    let out = acslint()
        .args([
            "check",
            "semantics/main.tf",
            "--rules",
            "semantics/rules.hcl",
            "--select",
            "ORG",
            "-f",
            "compact",
            "--show-unknown",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "tests/data/cli/semantics/main.tf:5:3: low ORG103 bucket `owned` uses the `IA` storage class\n\
         tests/data/cli/semantics/main.tf:13:3: low ORG102 bucket `untagged` has no `owner` tag\n\
         tests/data/cli/semantics/main.tf:11:1: unknown ORG101 (alicloud_oss_bucket.untagged): the object has no attribute `owner`\n\
         tests/data/cli/semantics/main.tf:20:19: unknown ORG103 (alicloud_oss_bucket.open_class): variable `class` has no value\n"
    );
}

#[test]
fn cross_account_root_trust_without_accounts_is_an_info_question() {
    let out = acslint()
        .args([
            "check",
            "trust/role.json",
            "--select",
            "RAM031",
            "-f",
            "compact",
        ])
        .args(["--fail-on", "info"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "tests/data/cli/trust/role.json:7:29: info RAM031 cross-account trust: is 1234567890123456 yours? Every RAM identity of that account may assume this role without a condition; list your account IDs in the rule option `accounts`\n"
    );
}

/// IAM018 is four peer checks: `checkov:skip=CKV_ALI_15` silences only its `symbols` facet.
#[test]
fn checkov_skip_silences_one_password_character_class() {
    let tf = r#"resource "alicloud_ram_account_password_policy" "p" {
  #checkov:skip=CKV_ALI_15:symbols are hard to type on our kiosks
  require_symbols = false
  require_numbers = false
}
"#;
    let out = acslint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "pp.tf",
            "-f",
            "json",
            "--select",
            "IAM018",
        ])
        .write_stdin(tf)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let facets: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["facet"].as_str().unwrap(),
                f["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(facets, vec![("numbers", 4)]);
}

/// One diagnostic per (rule, span) listing the instances; JSON keeps one entry per instance with
/// a shared location id; a policy read by `file()` (through `fileset()`) and also standalone is
/// reported once, as the resource's.
#[test]
fn the_same_location_is_reported_once() {
    let out = acslint()
        .args([
            "check",
            "dedup",
            "--select",
            "OSS001,RAM020",
            "-f",
            "compact",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "tests/data/cli/dedup/main.tf:4:3: high OSS001 bucket `two-0` grants public access through its ACL (for alicloud_oss_bucket.two[0], alicloud_oss_bucket.two[1])\n\
         tests/data/cli/dedup/policies/admin.json:1:62: critical RAM020 the statement allows `*` on `*`: full administrator access\n"
    );
    let out = acslint()
        .args(["check", "dedup", "--select", "OSS001,RAM020", "-f", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let rows: Vec<(&str, &str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["resource"].as_str().unwrap(),
                f["location"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].1, "alicloud_oss_bucket.two[0]");
    assert_eq!(rows[1].1, "alicloud_oss_bucket.two[1]");
    assert_eq!(rows[0].2, rows[1].2);
    assert_eq!(
        rows[2],
        (
            "RAM020",
            "alicloud_ram_policy.p[\"policies/admin.json\"]",
            rows[2].2
        )
    );
    assert_ne!(rows[0].2, rows[2].2);
}

/// `--select mlps-level-3` runs exactly the rules of that pack: a finding of a rule outside it
/// (K8S001) disappears, one inside (NET001) stays. A configuration can define its own pack,
/// select it and list it.
#[test]
fn compliance_and_user_packs_select_exactly_their_rules() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("main.tf"),
        "resource \"alicloud_security_group_rule\" \"ssh\" {\n  type        = \"ingress\"\n  ip_protocol = \"tcp\"\n  port_range  = \"22/22\"\n  cidr_ip     = \"0.0.0.0/0\"\n  security_group_id = \"sg-1\"\n}\n\nresource \"alicloud_db_instance\" \"db\" {\n  engine       = \"MySQL\"\n  security_ips = [\"0.0.0.0/0\"]\n}\n\nresource \"alicloud_cs_kubernetes_node_pool\" \"np\" {\n  node_pool_name = \"np\"\n}\n",
    )
    .unwrap();
    let rules_of = |args: &[&str]| -> Vec<String> {
        let out = Command::cargo_bin("acslint")
            .unwrap()
            .current_dir(root)
            .args(args)
            .output()
            .unwrap();
        let mut v: Vec<String> = json_of(&out.stdout)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let all = rules_of(&["check", "-f", "json", "--select", "all", "."]);
    assert!(
        all.contains(&"DB001".to_string()) && all.contains(&"NET001".to_string()),
        "{all:?}"
    );
    let mlps = rules_of(&["check", "-f", "json", "--select", "mlps-level-3", "."]);
    let pack: Vec<String> = acslint::rules::Registry::builtin()
        .select("mlps-level-3")
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    let expected: Vec<String> = all.iter().filter(|r| pack.contains(r)).cloned().collect();
    assert_eq!(mlps, expected);
    assert!(all.contains(&"K8S001".to_string()), "{all:?}");
    assert!(mlps.contains(&"NET001".to_string()) && !mlps.contains(&"K8S001".to_string()));

    std::fs::write(
        root.join(".acslint.hcl"),
        "define_pack \"team\" {\n  title  = \"Team baseline\"\n  select = [\"DB001\"]\n}\npack = [\"team\"]\n",
    )
    .unwrap();
    assert_eq!(rules_of(&["check", "-f", "json", "."]), ["DB001"]);
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["rules", "--pack", "team"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("team: Team baseline (1 rules)\n\ncode    severity ")
            && text.contains("\nDB001   high      on      -      rds-open-to-internet ")
            && text.ends_with(", team\n1 rule\n"),
        "{text}"
    );
    // A pack may not take a built-in pack's name.
    std::fs::write(
        root.join(".acslint.hcl"),
        "define_pack \"cis\" {\n  select = [\"DB001\"]\n}\n",
    )
    .unwrap();
    let err = Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(root)
        .args(["check", "."])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&err).contains("pack `cis` is built in"),
        "{}",
        String::from_utf8_lossy(&err)
    );
}

#[test]
fn builtin_check_findings_point_at_the_use_with_the_value_site_as_a_label() {
    // A built-in check (LOG002, LOG003) on values set in a variable default, a tfvars file and
    // a local: the finding is on the attribute in the resource, "value set here" where it was set.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("main.tf"),
        "variable \"region\" {\n  default = \"cn-hangzhou\"\n}\nvariable \"other\" {\n  default = \"cn-beijing\"\n}\nlocals {\n  rw = \"Write\"\n}\n\nresource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name   = \"t\"\n  trail_region = var.region\n  event_rw     = local.rw\n}\n\nresource \"alicloud_actiontrail_trail\" \"u\" {\n  trail_name   = \"u\"\n  trail_region = var.other\n  event_rw     = \"All\"\n}\n\nresource \"alicloud_actiontrail_trail\" \"w\" {\n  trail_name   = \"w\"\n  trail_region = \"cn-hangzhou\"\n  event_rw     = \"All\"\n}\n",
    )
    .unwrap();
    std::fs::write(root.join("terraform.tfvars"), "other = \"cn-shanghai\"\n").unwrap();
    // A repository: SARIF locations are `%SRCROOT%`-relative.
    std::fs::create_dir(root.join(".git")).unwrap();
    let run = |format: &str| {
        Command::cargo_bin("acslint")
            .unwrap()
            .current_dir(root)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_ACTIONS")
            .args(["check", "-f", format, "--select", "LOG002,LOG003"])
            .output()
            .unwrap()
    };
    let out = run("json");
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(
        located(&v),
        vec![
            ("LOG002".into(), "main.tf".into(), 13, 3),
            ("LOG003".into(), "main.tf".into(), 14, 3),
            ("LOG002".into(), "main.tf".into(), 19, 3),
            ("LOG002".into(), "main.tf".into(), 25, 18),
        ]
    );
    assert_eq!(v["findings"][0]["resource"], "alicloud_actiontrail_trail.t");
    assert_eq!(v["findings"][2]["resource"], "alicloud_actiontrail_trail.u");
    // JSON: the primary range at the use, `labels` at the value's site (same path base), and
    // no `labels` key on a finding without one (the literal in `w`).
    let span = |r: &Value| {
        (
            r["start"]["line"].as_u64().unwrap(),
            r["start"]["column"].as_u64().unwrap(),
            r["end"]["line"].as_u64().unwrap(),
            r["end"]["column"].as_u64().unwrap(),
        )
    };
    let with_labels: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let labels: Vec<_> = f
                .get("labels")
                .map(|l| l.as_array().unwrap().clone())
                .unwrap_or_default()
                .iter()
                .map(|l| {
                    (
                        l["file"].as_str().unwrap().to_string(),
                        span(&l["range"]),
                        l["message"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (span(&f["range"]), labels)
        })
        .collect();
    let here = |file: &str, s: (u64, u64, u64, u64)| {
        vec![(file.to_string(), s, "value set here".to_string())]
    };
    assert_eq!(
        with_labels,
        vec![
            ((13, 3, 13, 15), here("main.tf", (2, 13, 2, 26))),
            ((14, 3, 14, 11), here("main.tf", (8, 8, 8, 15))),
            ((19, 3, 19, 15), here("terraform.tfvars", (1, 9, 1, 22))),
            ((25, 18, 25, 31), vec![]),
        ]
    );
    assert!(
        v["findings"][3].get("labels").is_none(),
        "{}",
        v["findings"][3]
    );
    // SARIF: valid, the label as a related location (repository-relative like the primary one),
    // linked from the message by its id.
    let out = run("sarif");
    assert_eq!(out.status.code(), Some(1));
    let sarif = json_of(&out.stdout);
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let region = |r: &Value| {
        (
            r["startLine"].as_u64().unwrap(),
            r["startColumn"].as_u64().unwrap(),
            r["endLine"].as_u64().unwrap(),
            r["endColumn"].as_u64().unwrap(),
        )
    };
    let u = &results[2];
    assert_eq!(
        region(&u["locations"][0]["physicalLocation"]["region"]),
        (19, 3, 19, 15)
    );
    assert_eq!(
        u["relatedLocations"],
        serde_json::json!([{
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "terraform.tfvars", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 22},
            },
            "message": {"text": "value set here"},
        }])
    );
    assert!(
        u["message"]["text"]
            .as_str()
            .unwrap()
            .ends_with("\nnote: [value set here](1)"),
        "{}",
        u["message"]
    );
    assert_eq!(
        region(&results[1]["relatedLocations"][0]["physicalLocation"]["region"]),
        (8, 8, 8, 15)
    );
    assert!(results[3].get("relatedLocations").is_none());
    assert!(!results[3]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("]("));
    let human = String::from_utf8(run("human").stdout).unwrap();
    for want in [
        "╭─[main.tf:2:13]",
        "╭─[main.tf:13:3]",
        " 8 │   rw = \"Write\"",
        "╭─[main.tf:14:3]",
        "╭─[main.tf:19:3]",
        "note: terraform.tfvars:1:9: value set here",
    ] {
        assert!(human.contains(want), "{want} missing from:\n{human}");
    }
    assert_eq!(human.matches("value set here").count(), 3, "{human}");
}

fn write_tree(root: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let p = root.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

/// `acslint check` in `dir` with `args`: (exit code, compact stdout).
fn compact_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut c = acslint();
    c.current_dir(dir)
        .args(["check", "-f", "compact"])
        .args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

const OPEN_VAR: &str = "variable \"open_cidr\" {\n  default = \"0.0.0.0/0\"\n}\n";
const SSH_RULE: &str = "resource \"alicloud_security_group_rule\" \"ssh\" {\n  type = \"ingress\"\n  ip_protocol = \"tcp\"\n  port_range = \"22/22\"\n  security_group_id = \"sg-1\"\n  cidr_ip = var.open_cidr\n}\n";
const NET001_MAIN: &str = "main.tf:4:3: high NET001 ingress from `0.0.0.0/0` to ports 22/22 exposes SSH (tcp/22) to the whole internet\n";

/// The issue's reproduction: a named file, standard input and the directory agree, from any
/// scan root, for a file of a root module.
#[test]
fn a_root_module_file_gets_one_verdict_whichever_way_it_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let root = top.join("app");
    write_tree(
        &root,
        &[
            ("variables.tf", OPEN_VAR),
            ("main.tf", SSH_RULE),
            ("provider.tf", "provider \"alicloud\" {}\n"),
        ],
    );
    for args in [
        &["main.tf"][..],
        &["."],
        &["-", "--stdin-filename", "main.tf"],
    ] {
        let stdin = args.contains(&"-").then_some(SSH_RULE);
        assert_eq!(
            compact_in(&root, args, stdin),
            (1, NET001_MAIN.to_string()),
            "{args:?}"
        );
    }
    let up = format!("app/{NET001_MAIN}");
    for args in [
        &["app/main.tf"][..],
        &["app"],
        &["."],
        &["-", "--stdin-filename", "app/main.tf"],
    ] {
        let stdin = args.contains(&"-").then_some(SSH_RULE);
        assert_eq!(compact_in(top, args, stdin), (1, up.clone()), "{args:?}");
    }
    // The buffer stands in for the file on disk: the disk says 10.0.0.0/8, the buffer does not.
    std::fs::write(
        root.join("main.tf"),
        SSH_RULE.replace("var.open_cidr", "\"10.0.0.0/8\""),
    )
    .unwrap();
    assert_eq!(compact_in(&root, &["main.tf"], None), (0, String::new()));
    assert_eq!(
        compact_in(&root, &["-", "--stdin-filename", "main.tf"], Some(SSH_RULE)),
        (1, NET001_MAIN.to_string())
    );
    // A neighbour's findings are its own: the pre-commit hook passing two files gets both.
    std::fs::write(root.join("main.tf"), SSH_RULE).unwrap();
    std::fs::write(root.join("broken.tf"), "resource \"x\" {\n").unwrap();
    assert_eq!(
        compact_in(&root, &["variables.tf"], None),
        (0, String::new())
    );
    let broken = "broken.tf:1:15: high TF001 syntax error: invalid block body; expected `}`, newline or identifier\n";
    assert_eq!(
        compact_in(&root, &["main.tf", "broken.tf"], None),
        (1, format!("{broken}{NET001_MAIN}"))
    );
}

/// A child module's file is linted as its directory alone (its variables' defaults); a scan
/// that holds its caller evaluates it with the caller's inputs (the CI-wide view).
#[test]
fn a_child_module_file_is_linted_as_its_directory_alone() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let module = "variable \"open_cidr\" {\n  default = \"10.0.0.0/8\"\n}\n";
    write_tree(
        top,
        &[
            ("modules/sg/variables.tf", module),
            ("modules/sg/main.tf", SSH_RULE),
            (
                "prod/main.tf",
                "provider \"alicloud\" {}\n\nmodule \"sg\" {\n  source    = \"../modules/sg\"\n  open_cidr = \"0.0.0.0/0\"\n}\n",
            ),
        ],
    );
    let alone = (0, String::new());
    assert_eq!(compact_in(top, &["modules/sg/main.tf"], None), alone);
    assert_eq!(compact_in(top, &["modules/sg"], None), alone);
    assert_eq!(
        compact_in(
            top,
            &["-", "--stdin-filename", "modules/sg/main.tf"],
            Some(SSH_RULE)
        ),
        alone
    );
    let ci = format!("modules/sg/{NET001_MAIN}");
    assert_eq!(compact_in(top, &["."], None), (1, ci.clone()));
    // The root's file holds no finding of its own: the module's are the module file's.
    assert_eq!(compact_in(top, &["prod/main.tf"], None), (0, String::new()));
    // Named together (pre-commit's pass_filenames), each file keeps its own verdict.
    assert_eq!(
        compact_in(top, &["prod/main.tf", "modules/sg/main.tf"], None),
        (0, String::new())
    );
    // A file also reached by the walk of a named directory is part of that scan.
    assert_eq!(compact_in(top, &[".", "modules/sg/main.tf"], None), (1, ci));
}

/// A root that calls a local module outside the scan (`acslint check prod`, `prod` calling
/// `../modules/net`) is evaluated with it, as its file alone is: no "module not analysed"
/// (TF004), the module's output is known; the module's own findings are reported when it is
/// scanned.
#[test]
fn a_root_calling_a_module_outside_the_scan_gets_the_same_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let prod = "provider \"alicloud\" {}\n\nmodule \"net\" {\n  source = \"../modules/net\"\n  cidr   = \"0.0.0.0/0\"\n}\n\nresource \"alicloud_security_group_rule\" \"ssh\" {\n  type = \"ingress\"\n  ip_protocol = \"tcp\"\n  port_range = \"22/22\"\n  security_group_id = \"sg-1\"\n  cidr_ip = module.net.cidr\n}\n";
    write_tree(
        top,
        &[
            (
                "modules/net/main.tf",
                "variable \"cidr\" {}\n\noutput \"cidr\" {\n  value = var.cidr\n}\n\nresource \"alicloud_security_group_rule\" \"rdp\" {\n  type = \"ingress\"\n  ip_protocol = \"tcp\"\n  port_range = \"3389/3389\"\n  security_group_id = \"sg-1\"\n  cidr_ip = var.cidr\n}\n",
            ),
            ("prod/main.tf", prod),
        ],
    );
    let ssh = "main.tf:11:3: high NET001 ingress from `0.0.0.0/0` to ports 22/22 exposes SSH (tcp/22) to the whole internet\n";
    let from_top = (1, format!("prod/{ssh}"));
    for args in [
        &["prod"][..],
        &["prod/main.tf"],
        &["-", "--stdin-filename", "prod/main.tf"],
    ] {
        let stdin = args.contains(&"-").then_some(prod);
        assert_eq!(compact_in(top, args, stdin), from_top, "{args:?}");
    }
    for args in [&["."][..], &["main.tf"]] {
        assert_eq!(
            compact_in(&top.join("prod"), args, None),
            (1, ssh.to_string()),
            "{args:?}"
        );
    }
    // Scanned from above, the module's own finding is reported too, on its file.
    let rdp = "modules/net/main.tf:10:3: high NET001 ingress from `0.0.0.0/0` to ports 3389/3389 exposes RDP (tcp/3389) to the whole internet\n";
    assert_eq!(
        compact_in(top, &["."], None),
        (1, format!("{rdp}prod/{ssh}"))
    );
}

/// LOG001 judges each root module with its module tree: a trail in another root does not count,
/// a reusable module is judged by its callers, and the scan root changes nothing.
#[test]
fn configuration_scope_rules_judge_root_modules() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let policy = "resource \"alicloud_ram_account_password_policy\" \"p\" {\n  minimum_password_length = 14\n}\n";
    let trail = "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name = \"t\"\n}\n";
    let vpc = "resource \"alicloud_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/8\"\n}\n";
    write_tree(
        top,
        &[
            ("a/main.tf", &format!("provider \"alicloud\" {{}}\n{policy}{trail}")),
            ("b/main.tf", &format!("terraform {{\n  backend \"oss\" {{}}\n}}\n{policy}")),
            // A `terraform` block alone does not make a root.
            (
                "lib/main.tf",
                &format!("terraform {{\n  required_providers {{\n    alicloud = {{ source = \"aliyun/alicloud\" }}\n  }}\n}}\n{policy}{vpc}"),
            ),
            ("c/main.tf", policy),
            ("c/terraform.tfvars", "x = 1\n"),
        ],
    );
    let msg = "high LOG001 no `alicloud_actiontrail_trail` exists in this root module or the modules it calls although `alicloud_ram_account_password_policy.p` manages account security\n";
    let b = format!("b/main.tf:4:1: {msg}");
    let c = format!("c/main.tf:1:1: {msg}");
    let sel = ["--select", "LOG001"];
    let run = |dir: &Path, paths: &[&str]| {
        let mut a = sel.to_vec();
        a.extend_from_slice(paths);
        compact_in(dir, &a, None)
    };
    assert_eq!(run(top, &["."]), (1, format!("{b}{c}")));
    assert_eq!(run(top, &["b"]), (1, b.clone()));
    assert_eq!(run(top, &["b/main.tf"]), (1, b.clone()));
    assert_eq!(
        run(&top.join("b"), &["."]),
        (1, format!("main.tf:4:1: {msg}"))
    );
    assert_eq!(run(top, &["a", "lib"]), (0, String::new()));
    assert_eq!(run(top, &["lib/main.tf"]), (0, String::new()));
    // LOG011 (a block rule) checks root modules only, by the same definition.
    let flow = ["--select", "LOG011", "lib"];
    assert_eq!(compact_in(top, &flow, None), (0, String::new()));
    // Named in `roots`, a directory is a root (the configuration above counts inside a
    // repository).
    std::fs::create_dir(top.join(".git")).unwrap();
    std::fs::write(top.join(".acslint.hcl"), "roots = [\"lib\"]\n").unwrap();
    assert_eq!(
        run(top, &["lib/main.tf"]),
        (1, format!("lib/main.tf:6:1: {msg}"))
    );
    assert_eq!(
        compact_in(top, &flow, None),
        (
            1,
            "lib/main.tf:9:1: low LOG011 no `alicloud_vpc_flow_log` records the traffic of `alicloud_vpc.main`\n"
                .to_string()
        )
    );
}

/// Code that was not checked is reported whatever is selected, ignored or packed, and fails the
/// run whatever the threshold (unless --allow-incomplete).
#[test]
fn parse_errors_are_never_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    write_tree(
        top,
        &[
            (
                "main.tf",
                "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n}\n",
            ),
            (
                "broken.tf",
                "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \n}\n",
            ),
            ("p.json", "{\"Statement\": [}"),
        ],
    );
    let tf001 = "broken.tf:2:12: high TF001 syntax error: invalid expression; expected `\"`, `[`, `{`, `-`, `!`, `(`, `_`, `<`, letter or digit\n";
    let ram000 =
        "p.json:1:16: high RAM000 the policy document is not valid JSON: Unexpected close brace\n";
    let both = (1, format!("{tf001}{ram000}"));
    let oss = "main.tf:1:1: medium OSS002 bucket `b` stores objects without default encryption\n\
               main.tf:1:1: low OSS004 bucket `b` does not log access requests\n\
               main.tf:1:1: low OSS009 bucket `b` can be made public by one ACL or policy change\n";
    assert_eq!(
        compact_in(top, &["--select", "cis", "."], None),
        (1, format!("{tf001}{oss}{ram000}"))
    );
    assert_eq!(
        compact_in(
            top,
            &["--select", "OSS001", "--ignore", "TF001,RAM000", "."],
            None
        ),
        both
    );
    assert_eq!(
        compact_in(
            top,
            &["--select", "OSS001", "--fail-on", "critical", "."],
            None
        ),
        both
    );
    assert_eq!(
        compact_in(top, &["--select", "cis", "broken.tf"], None),
        (1, tf001.to_string())
    );
    std::fs::write(
        top.join(".acslint.hcl"),
        "select = [\"OSS001\"]\nignore = [\"TF001\", \"RAM000\"]\n",
    )
    .unwrap();
    assert_eq!(compact_in(top, &["."], None), both);
    assert_eq!(
        compact_in(top, &["--allow-incomplete", "."], None),
        (0, String::new())
    );
}

#[test]
fn lang_flag_and_environment_translate_messages_summary_and_explain() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/KMS001/fail/no_rotation.tf");
    let out = acslint()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .args([
            "check", "--select", "KMS001", "--format", "compact", "--lang", "zh-CN",
        ])
        .arg(&fixture)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(": medium KMS001 KMS 密钥 `data` 从不轮转\n"),
        "{text}"
    );
    // LANG decides when there is no --lang; the summary line too.
    let out = acslint()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ja_JP.UTF-8")
        .args(["check", "--select", "KMS001", "--format", "compact"])
        .arg(&fixture)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(": medium KMS001 KMS キー `data` は一度もローテーションされません\n"),
        "{text}"
    );
    // The human output's summary line.
    let out = acslint()
        .args(["check", "--select", "KMS001", "--lang", "zh-CN"])
        .arg(&fixture)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("acslint：已检查 1 个文件，发现 1 个问题：1 中（"),
        "{err}"
    );
    // An explicit --lang wins over the environment.
    let out = acslint()
        .env("LANG", "ja_JP.UTF-8")
        .args([
            "check", "--select", "KMS001", "--format", "json", "--lang", "en",
        ])
        .arg(&fixture)
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(
        v["findings"][0]["message"],
        "KMS key `data` is never rotated"
    );
    let out = acslint()
        .args(["explain", "KMS001", "--lang", "ja"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(
        page.starts_with("# KMS001 `kms-key-rotation-disabled`\n\n**KMS キーが自動ローテーションされない**\n\n- 重大度: medium\n"),
        "{page}"
    );
    assert!(page.contains("\n## 理由\n"), "{page}");
    assert!(page.contains("\n## 修正方法\n"), "{page}");
    acslint()
        .args(["rules", "--lang", "fr"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown language `fr`"));
}

/// `--lang ja|zh-CN`: what Rust code writes into findings is translated too — labels under the
/// source, the problems built-in checks describe, notes, "did you mean", the values a message
/// interpolates — and the closing summary table lines up by display width.
#[test]
fn lang_translates_texts_built_in_checks_write() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.json"),
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["ecs:*"],"Resource":"*"},{"Effect":"allow","Action":"oss:GetObjct","Resource":"*"}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"alicloud_ram_account_password_policy\" \"p\" {\n  minimum_password_length = 8\n  require_symbols         = false\n  max_password_age        = 0\n  hard_expiry             = false\n}\n",
    )
    .unwrap();
    let run = |lang: &str, format: &str| {
        let out = acslint()
            .current_dir(dir.path())
            .args(["check", "p.json", "main.tf", "--no-ignore", "--lang", lang])
            .args([
                "--select",
                "RAM004,RAM008,RAM021,IAM017,IAM018,IAM019,IAM022",
            ])
            .args(["--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (compact, _) = run("ja", "compact");
    assert_eq!(
        compact,
        "main.tf:2:29: medium IAM017 `minimum_password_length` は 8：パスワードは少なくとも 14 文字必要です\n\
         main.tf:3:29: medium IAM018 パスワードに 記号 を含める必要がありません：`require_symbols = false`\n\
         main.tf:4:29: medium IAM019 `max_password_age` は 0：パスワードは期限切れになりません（0 で有効期限が無効）。90 日以内の変更を要求してください\n\
         main.tf:5:29: low IAM022 `hard_expiry = false`：パスワードの有効期限が切れたユーザーも、ログオンしてパスワードを変更できます\n\
         p.json:1:57: high RAM021 ステートメントはすべてのリソースに対して `ecs:*` を許可しています：ecs の完全な制御です\n\
         p.json:1:92: high RAM004 ステートメントは `Effect` が \"allow\" です。正確に \"Allow\" または \"Deny\" でなければなりません（`Allow` の誤りでは？）\n\
         p.json:1:109: info RAM008 アクション `oss:GetObjct`：`GetObjct` は acslint のカタログにある `oss` のアクションではありません（acslint の `oss` アクション一覧は完全ではありません）\n"
    );
    let (human, err) = run("ja", "human");
    for label in [
        "╰── すべてのリソースが対象",
        "╰── サービスのすべてのアクション",
        "╰── ここで許可",
        "╰── \"Allow\" でも \"Deny\" でもありません",
        "╰── 不明なアクション",
        "╰── パスワードが短すぎる",
        "╰── 記号が必須ではない",
        "╰── 期限切れのパスワードでもログオンできる",
    ] {
        assert!(human.contains(label), "{label}\n{human}");
    }
    assert!(
        human.contains("help: `oss:GetObject` の誤りでは？"),
        "{human}"
    );
    assert!(
        human
            .contains("note: 自動修正なし：このポリシーには `Deny` 以外のステートメントがあります"),
        "{human}"
    );
    // The summary table: columns line up by display width (a CJK character is two columns).
    let table: Vec<&str> = err.lines().take(6).collect();
    assert_eq!(
        table,
        [
            "           検出事項 修正可能",
            "高                2        0",
            "中                3        3",
            "低                1        1",
            "情報              1        1",
            "合計              7        5",
        ],
        "{err}"
    );
    assert!(
        err.contains(
            "acslint：3 件は --fix で修正可能、さらに 2 件は --fix --unsafe-fixes で修正可能\n"
        ),
        "{err}"
    );

    let (compact, _) = run("zh-CN", "compact");
    for line in [
        "main.tf:2:29: medium IAM017 `minimum_password_length` 为 8：密码至少需要 14 个字符\n",
        "main.tf:3:29: medium IAM018 密码不必包含符号：`require_symbols = false`\n",
        "main.tf:4:29: medium IAM019 `max_password_age` 为 0：密码永不过期（0 表示不过期）；请要求在 90 天内修改\n",
        "p.json:1:92: high RAM004 该语句的 `Effect` 为 \"allow\"；它必须正好是 \"Allow\" 或 \"Deny\"（是否要写 `Allow`？）\n",
        "p.json:1:109: info RAM008 操作 `oss:GetObjct`：`GetObjct` 不是 acslint 目录中 `oss` 的操作（acslint 的 `oss` 操作列表并不完整）\n",
    ] {
        assert!(compact.contains(line), "{line}\n{compact}");
    }
    let (human, err) = run("zh-CN", "human");
    for label in [
        "╰── 作用于所有资源",
        "╰── 在此处允许",
        "╰── 未知操作",
        "╰── 密码太短",
    ] {
        assert!(human.contains(label), "{label}\n{human}");
    }
    assert!(
        human.contains("note: 无自动修复：该策略包含非 `Deny` 的语句"),
        "{human}"
    );
    assert!(err.contains("\n合计              7        5\n"), "{err}");
    // `--statistics` and `rules`: headers and severities translated, columns by display width.
    let out = acslint()
        .current_dir(dir.path())
        .args(["check", "p.json", "main.tf", "--no-ignore", "--lang", "ja"])
        .args([
            "--select",
            "RAM004,IAM017",
            "--statistics",
            "--format",
            "compact",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with(
            "件数  コード  名前                      重大度    修正可能\n   \
             1  IAM017  password-min-length       中               1\n   \
             1  RAM004  policy-statement-invalid  高               0\n"
        ),
        "{text}"
    );
    let out = acslint()
        .args(["rules", "--lang", "zh-CN", "--select", "RAM004,IAM017"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "代码    严重级别  默认    修复   名称                                         规则包\n\
             IAM017  中        on      safe   password-min-length                          cis, recommended, cspm\n\
             RAM004  高        on      safe   policy-statement-invalid                     recommended\n\
             2 条规则\n"
        ),
        "{text}"
    );
    // Analysis findings: a module that is not analysed and an invalid suppression, with the
    // reasons Rust writes.
    std::fs::create_dir(dir.path().join("m")).unwrap();
    std::fs::write(
        dir.path().join("m/main.tf"),
        "module \"net\" {\n  source = \"git::https://example.com/net.git\"\n}\n\n# acslint:ignore KMS001 until=soon -- reason\nresource \"alicloud_kms_key\" \"k\" {\n  description = \"k\"\n}\n",
    )
    .unwrap();
    let analysis = |lang: &str| {
        let out = acslint()
            .current_dir(dir.path().join("m"))
            .args(["check", "main.tf", "--no-ignore", "--lang", lang])
            .args(["--select", "TF004,TF011", "--format", "compact"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        analysis("ja"),
        "main.tf:2:12: info TF004 モジュール `net`（`git::https://example.com/net.git`）は解析されていません：リモートモジュールはダウンロードしません。`terraform init` を実行すると .terraform/modules から解析します\n\
         main.tf:5:1: medium TF011 無効な抑制コメント：`until=soon` は日付ではありません：`until=YYYY-MM-DD` と書いてください\n"
    );
    assert_eq!(
        analysis("zh-CN"),
        "main.tf:2:12: info TF004 未分析模块 `net`（`git::https://example.com/net.git`）：不会下载远程模块；运行 `terraform init` 后即可从 .terraform/modules 分析它\n\
         main.tf:5:1: medium TF011 无效的抑制注释：`until=soon` 不是日期：请写成 `until=YYYY-MM-DD`\n"
    );
    // English stays as it was.
    let (compact, _) = run("en", "compact");
    assert!(compact.contains(
        "p.json:1:92: high RAM004 the statement has `Effect` \"allow\"; it must be exactly \"Allow\" or \"Deny\" (did you mean `Allow`?)\n"
    ), "{compact}");
}
