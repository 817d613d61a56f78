//! "When an AccessKey leaks": the break-glass Deny, `policy covers`, the blast-radius rule and
//! secrets in every text file, through the command line.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn acslint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("acslint").unwrap();
    c.current_dir(dir);
    c.env_remove("GITHUB_ACTIONS").env("NO_COLOR", "1");
    c
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, u64, u64)> {
    let o = acslint(dir)
        .args(["check", "--isolated", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON output");
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
fn the_generated_deny_is_clean_and_covers_every_listed_operation() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("json", "deny.json"), ("hcl", "deny.tf")] {
        let o = acslint(dir.path())
            .args(["policy", "deny-high-risk", "--format", format])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("unverified RAM codes"), "{err}");
        assert!(
            err.contains("ecd, pts, dbs, alidns, bss, ehpc, dms"),
            "{err}"
        );
        std::fs::write(dir.path().join(name), &o.stdout).unwrap();
        if format == "hcl" {
            let text = stdout(&o);
            assert!(text.contains("resource \"alicloud_ram_policy\" \"acslint_deny_high_risk\""));
            assert!(text.contains("Unverified RAM codes (a wrong code denies nothing): ecd, pts"));
        }
        // Round trip: acslint's own rules, all of them, find nothing.
        let o = acslint(dir.path())
            .args([
                "check",
                "--isolated",
                "--select",
                "ALL",
                "--fail-on",
                "info",
                name,
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
        // And it denies every listed operation.
        let o = acslint(dir.path())
            .args(["policy", "covers", "--deny-high-risk", name])
            .output()
            .unwrap();
        let text = stdout(&o);
        assert_eq!(o.status.code(), Some(0), "{text}");
        assert!(
            text.contains("partly denied: 0, unknown: 0, open: 0"),
            "{text}"
        );
        assert!(!text.contains("open     "), "{text}");
    }
    let v: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("deny.json")).unwrap()).unwrap();
    assert_eq!(v["Statement"][0]["Sid"], "DenyHighRiskApis");
    assert_eq!(v["Statement"][1]["Sid"], "DenyHighRiskApisUnverifiedCodes");
}

#[test]
fn a_hand_written_deny_is_evaluated_not_string_matched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("deny.json"),
        r#"{"Version": "1", "Statement": [
  {"Effect": "Deny", "Action": ["ram:*", "ims:*", "ecs:Delete*", "ecs:RunInstances", "ecs:CreateInstance", "ecs:StartInstance*", "ecs:CreateAutoProvisioningGroup", "ecs:*Command"], "Resource": "*"},
  {"Effect": "Deny", "NotAction": ["ecs:*", "rds:*"], "Resource": "*"},
  {"Effect": "Deny", "Action": "rds:*", "Resource": "*", "Condition": {"NotIpAddress": {"acs:SourceIp": ["192.0.2.0/24"]}}}
]}"#,
    )
    .unwrap();
    let o = acslint(dir.path())
        .args(["policy", "covers", "deny.json"])
        .output()
        .unwrap();
    let text = stdout(&o);
    // `ecs:*Command` covers RunCommand: nothing open, but RDS only partly.
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(text.contains("partial  rds:DeleteBackup - only under NotIpAddress acs:SourceIp (192.0.2.0/24) (deny.json)"), "{text}");
    assert!(!text.contains("ecs:DeleteInstance"), "{text}");

    // Without RunCommand: reported as open, and only it.
    std::fs::write(
        dir.path().join("missing.json"),
        r#"{"Version": "1", "Statement": [{"Effect": "Deny", "Action": ["ecs:Delete*", "ecs:RunInstances"], "Resource": "*"}]}"#,
    )
    .unwrap();
    let o = acslint(dir.path())
        .args([
            "policy",
            "covers",
            "missing.json",
            "--actions",
            "ecs:RunCommand,ecs:DeleteSnapshot,ecs:RunInstances",
        ])
        .output()
        .unwrap();
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text.contains("denied: 2, partly denied: 0, unknown: 0, open: 1"),
        "{text}"
    );
    assert!(text.contains("open     ecs:RunCommand\n"), "{text}");
}

#[test]
fn a_newer_list_replaces_the_builtin_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("list.hcl"),
        "source = \"test\"\ndate = \"2027-01-01\"\nservice \"ecs\" {\n  actions = [\"RunCommand\"]\n}\n",
    )
    .unwrap();
    let o = acslint(dir.path())
        .args(["policy", "deny-high-risk", "--high-risk-list", "list.hcl"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["Statement"][0]["Action"],
        serde_json::json!(["ecs:RunCommand"])
    );
    let o = acslint(dir.path())
        .args(["rules", "--high-risk-list", "list.hcl"])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("high-risk API list: list.hcl (2027-01-01), 1 services"));
    let o = acslint(dir.path())
        .args(["explain", "RAM025"])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("## High-risk API list in use"));
    // From the configuration: RAM025 then knows only ecs:RunCommand.
    std::fs::write(
        dir.path().join(".acslint.hcl"),
        "high_risk_list = \"list.hcl\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p.json"),
        r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:RunInstances", "ecs:RunCommand"], "Resource": "*"}]}"#,
    )
    .unwrap();
    let o = acslint(dir.path())
        .args(["check", "--select", "RAM025", "-f", "compact", "p.json"])
        .output()
        .unwrap();
    assert!(
        stdout(&o).contains("allows 1 high-risk API(s) (`ecs:RunCommand`)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_blast_radius_rule_is_high_in_the_leak_response_pack() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let case = root.join("fixtures/IAM030/fail/direct");
    let o = acslint(&case)
        .args([
            "check",
            "--isolated",
            "-f",
            "compact",
            "--select",
            "leak-response",
            ".",
        ])
        .output()
        .unwrap();
    let text = stdout(&o);
    assert!(text.contains("main.tf:6:3: high IAM030 if this AccessKey leaks, RAM user `ci` can call 13 high-risk API(s)"), "{text}");
    let o = acslint(&case)
        .args([
            "check",
            "--isolated",
            "-f",
            "compact",
            "--select",
            "IAM030",
            ".",
        ])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("info IAM030"));
}

const KEY_ID: &str = "LTAI5tRq7Wm2Xk9Pb3Nz8Yc4";
const SECRET: &str = "Hq4Zr8Lm2Wx7Tn5Kp9Vb3Yd6Fs1Gj0";

#[test]
fn secrets_in_env_and_python_files_are_found_and_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join(".env"),
        format!("ALIBABA_CLOUD_ACCESS_KEY_ID={KEY_ID}\nALIBABA_CLOUD_ACCESS_KEY_SECRET={SECRET}\n"),
    )
    .unwrap();
    std::fs::write(
        d.join("config.py"),
        format!("import os\n\naccess_key_id = '{KEY_ID}'\naccess_key_secret = '{SECRET}'\n"),
    )
    .unwrap();
    // Binary files are skipped, and so are ignored ones.
    std::fs::write(d.join("blob.dat"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(d.join(".gitignore"), "ignored.txt\n").unwrap();
    std::fs::write(d.join("ignored.txt"), format!("secret = {SECRET}\n")).unwrap();
    std::fs::write(d.join("main.tf"), "locals {}\n").unwrap();
    let mut got = findings(d, &["."]);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("SEC002".into(), ".env".into(), 2, 33),
            ("SEC002".into(), "config.py".into(), 4, 22),
        ]
    );
    for format in [
        "human",
        "json",
        "sarif",
        "compact",
        "junit",
        "github",
        "gitlab",
        "checkstyle",
    ] {
        let o = acslint(d)
            .args(["check", "--isolated", "--format", format, "."])
            .output()
            .unwrap();
        let all = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
        assert!(!all.contains(SECRET), "{format} printed the secret");
        assert!(!all.contains(KEY_ID), "{format} printed the key ID");
    }
    // `secrets = "iac"`: only the files acslint analyses.
    std::fs::write(d.join(".acslint.hcl"), "secrets = \"iac\"\n").unwrap();
    let o = acslint(d)
        .args(["check", "-f", "compact", "."])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}
