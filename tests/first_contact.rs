//! First contact: shell completions, the man page, the Markdown summary format.

use assert_cmd::Command;

fn acslint() -> Command {
    Command::cargo_bin("acslint").unwrap()
}

fn stdout(args: &[&str], code: i32) -> String {
    let out = acslint().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_each_shell() {
    let bash = stdout(&["completions", "bash"], 0);
    assert!(bash.contains("_acslint()"), "{bash}");
    assert!(bash.contains("--fail-on"));
    let zsh = stdout(&["completions", "zsh"], 0);
    assert!(zsh.starts_with("#compdef acslint"), "{zsh}");
    let fish = stdout(&["completions", "fish"], 0);
    assert!(fish.contains("complete -c acslint"));
    assert!(fish.contains("-l fail-on"));
    let ps = stdout(&["completions", "powershell"], 0);
    assert!(ps.contains("Register-ArgumentCompleter"));
    let err = acslint().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(err.status.code(), Some(2));
}

#[test]
fn bash_completion_script_loads() {
    let script = stdout(&["completions", "bash"], 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acslint.bash");
    std::fs::write(&path, script).unwrap();
    // Source it and ask bash what it would complete after `acslint che`.
    let probe = format!(
        "source {}; COMP_WORDS=(acslint che); COMP_CWORD=1; COMP_LINE='acslint che'; COMP_POINT=11; _acslint acslint che acslint; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "check");
}

#[test]
fn man_page() {
    let man = stdout(&["man"], 0);
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains(".TH acslint 1"), "{man}");
    assert!(man.contains("acslint\\-check"), "{man}");
}

#[test]
fn markdown_summary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.json"),
        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}\n",
    )
    .unwrap();
    let md = stdout(
        &[
            "check",
            "-f",
            "markdown",
            "--select",
            "RAM020",
            dir.path().join("p.json").to_str().unwrap(),
        ],
        1,
    );
    assert!(
        md.starts_with("## acslint\n\n1 finding(s) in 1 file(s).\n"),
        "{md}"
    );
    assert!(md.contains("| critical | 1 |"), "{md}");
    assert!(
        md.contains("| `RAM020` | policy-full-admin | critical | 1 |"),
        "{md}"
    );
    assert!(md.contains("p.json:1:56` |"), "{md}");
    let clean = tempfile::tempdir().unwrap();
    std::fs::write(
        clean.path().join("ok.json"),
        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:DescribeInstances\",\"Resource\":\"*\"}]}\n",
    )
    .unwrap();
    let md = stdout(
        &[
            "check",
            "-f",
            "markdown",
            "--select",
            "RAM020",
            clean.path().to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(md, "## acslint\n\nNo findings in 1 file(s).\n");
}

fn two_rules_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, action) in [("a.json", "*"), ("b.json", "*"), ("c.json", "oss:*")] {
        std::fs::write(
            dir.path().join(name),
            format!("{{\"Version\":\"1\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"{action}\",\"Resource\":\"*\"}}]}}\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn statistics_per_rule() {
    let dir = two_rules_dir();
    let text = stdout(
        &[
            "check",
            "--statistics",
            "--select",
            "RAM020,RAM021",
            dir.path().to_str().unwrap(),
        ],
        1,
    );
    assert_eq!(
        text,
        "count  code    name                  severity  fixable\n    \
             2  RAM020  policy-full-admin     critical        0\n    \
             1  RAM021  policy-service-admin  high            0\n"
    );
    // Fixable findings are counted per rule: IAM017 sets the minimum length (a safe fix).
    std::fs::write(
        dir.path().join("p.tf"),
        "resource \"alicloud_ram_account_password_policy\" \"p\" {\n  minimum_password_length = 8\n}\n",
    )
    .unwrap();
    let text = stdout(
        &[
            "check",
            "--statistics",
            "--select",
            "RAM021,IAM017",
            dir.path().to_str().unwrap(),
        ],
        1,
    );
    assert!(
        text.contains("\n    1  IAM017  password-min-length   medium          1\n"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        &[
            "check",
            "-f",
            "json",
            "--select",
            "RAM020,RAM021",
            dir.path().to_str().unwrap(),
        ],
        1,
    ))
    .unwrap();
    assert_eq!(
        json["summary"]["by_rule"],
        serde_json::json!([
            {"rule": "RAM020", "name": "policy-full-admin", "severity": "critical", "count": 2, "fixable": 0},
            {"rule": "RAM021", "name": "policy-service-admin", "severity": "high", "count": 1, "fixable": 0}
        ])
    );
}

#[test]
fn human_output_groups_by_file_with_severity_and_url_once() {
    let dir = two_rules_dir();
    let text = stdout(
        &[
            "check",
            "--color",
            "never",
            "--select",
            "RAM020",
            dir.path().to_str().unwrap(),
        ],
        1,
    );
    let a = text.find("── ").unwrap();
    assert!(
        text[a..].starts_with(&format!("── {}", dir.path().join("a.json").display())),
        "{text}"
    );
    assert_eq!(
        text.lines().filter(|l| l.starts_with("── ")).count(),
        2,
        "{text}"
    );
    assert_eq!(
        text.matches("critical RAM020(policy-full-admin)").count(),
        2,
        "{text}"
    );
    // Once per rule; a test build knows no published docs ref, so the command stands in.
    assert_eq!(
        text.matches("critical RAM020(policy-full-admin) (acslint explain RAM020)\n")
            .count(),
        1,
        "{text}"
    );
    assert!(!text.contains("docs/rules/"), "{text}");
}

#[test]
fn github_format_warns_past_the_annotation_cap_most_severe_first() {
    let dir = tempfile::tempdir().unwrap();
    // 12 medium-or-lower findings and one critical one.
    let mut tf = String::new();
    for i in 0..12 {
        tf.push_str(&format!(
            "resource \"alicloud_oss_bucket\" \"b{i}\" {{\n  bucket = \"b{i}\"\n}}\n"
        ));
    }
    std::fs::write(dir.path().join("main.tf"), tf).unwrap();
    std::fs::write(
        dir.path().join("p.json"),
        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}\n",
    )
    .unwrap();
    let text = stdout(
        &[
            "check",
            "-f",
            "github",
            "--select",
            "OSS003,RAM020",
            dir.path().to_str().unwrap(),
        ],
        1,
    );
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("::warning title=acslint::13 findings; GitHub shows only 10 annotations of each level per step"),
        "{text}"
    );
    assert!(lines[1].starts_with("::error file="), "{text}");
    assert!(lines[1].contains("title=RAM020 "), "{text}");
    assert_eq!(lines.len(), 14);
    // Under the cap: no warning.
    let few = stdout(
        &[
            "check",
            "-f",
            "github",
            "--select",
            "RAM020",
            dir.path().to_str().unwrap(),
        ],
        1,
    );
    assert_eq!(few.lines().count(), 1, "{few}");
}

#[test]
fn baselines_survive_a_changed_value_and_old_versions_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    let tf = |acl: &str| {
        format!("resource \"alicloud_oss_bucket\" \"b\" {{\n  bucket = \"b\"\n  acl    = \"{acl}\"\n}}\n")
    };
    std::fs::write(root.join("main.tf"), tf("public-read")).unwrap();
    let run = |args: &[&str]| {
        let out = acslint()
            .current_dir(root)
            .args(["check", "-f", "compact", "--select", "OSS001"])
            .args(args)
            .arg(".")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    // A version-1 baseline written by acslint 0.1.0 for this very file.
    std::fs::write(
        root.join("v1.json"),
        r#"{"version": 1, "findings": [{"rule": "OSS001", "file": "main.tf", "resource": "alicloud_oss_bucket.b", "fingerprint": "8d8bde28df976cec5c9b21240bb5cb27"}]}"#,
    )
    .unwrap();
    assert_eq!(run(&["--baseline", "v1.json"]), (Some(0), String::new()));
    // Writing a baseline succeeds (exit 0) and writes version 2.
    assert_eq!(run(&["--write-baseline", "v2.json"]).0, Some(0));
    let v2: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("v2.json")).unwrap()).unwrap();
    assert_eq!(v2["version"], 2);
    // The same resource and attribute with another bad value is the same problem.
    std::fs::write(root.join("main.tf"), tf("public-read-write")).unwrap();
    assert_eq!(run(&["--baseline", "v2.json"]), (Some(0), String::new()));
    // Version 1 hashed the text: there the new value is a new finding.
    let (code, text) = run(&["--baseline", "v1.json"]);
    assert_eq!(code, Some(1));
    assert!(text.starts_with("main.tf:3:3: high OSS001"), "{text}");
    // Another resource is new either way.
    std::fs::write(
        root.join("main.tf"),
        tf("public-read-write") + "resource \"alicloud_oss_bucket\" \"c\" {\n  bucket = \"c\"\n  acl    = \"public-read\"\n}\n",
    )
    .unwrap();
    let (code, text) = run(&["--baseline", "v2.json"]);
    assert_eq!(code, Some(1));
    assert!(
        text.starts_with("main.tf:7:3: high OSS001 bucket `c`"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn messages_name_the_address_when_the_name_is_not_known() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"n\" {}\nresource \"alicloud_oss_bucket\" \"logs\" {\n  acl = \"public-read\"\n}\nresource \"alicloud_oss_bucket\" \"v\" {\n  bucket = var.n\n  acl    = \"public-read\"\n}\n",
    )
    .unwrap();
    let text = stdout(
        &[
            "check",
            "-f",
            "compact",
            "--select",
            "OSS001",
            dir.path().to_str().unwrap(),
        ],
        1,
    );
    let msgs: Vec<&str> = text
        .lines()
        .map(|l| l.split_once(" OSS001 ").unwrap().1)
        .collect();
    assert_eq!(
        msgs,
        [
            "bucket `alicloud_oss_bucket.logs` grants public access through its ACL",
            "bucket `alicloud_oss_bucket.v` grants public access through its ACL"
        ]
    );
}

#[test]
fn no_rule_message_says_unnamed() {
    // Rule authors use `named(self.x)`, which falls back to the address.
    let out = acslint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("(unnamed)"),
        "a rule still prints `(unnamed)`"
    );
}

#[test]
fn init_writes_a_commented_config_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let w = |p: &str, t: &str| {
        let p = root.join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    };
    w("live/prod/main.tf", "provider \"alicloud\" {\n  region = \"cn-hangzhou\"\n}\nmodule \"net\" {\n  source = \"../../modules/net\"\n}\n");
    w(
        "live/staging/terraform.tfvars",
        "region = \"cn-shanghai\"\n",
    );
    w(
        "live/staging/main.tf",
        "module \"net\" {\n  source = \"../../modules/net\"\n}\n",
    );
    // A child module declares required_providers: not a sign of a root.
    w("modules/net/main.tf", "terraform {\n  required_providers {\n    alicloud = { source = \"aliyun/alicloud\" }\n  }\n}\nprovider \"alicloud\" {}\n");
    w("examples/basic/main.tf", "provider \"alicloud\" {}\n");
    w("modules/net/tests/t.tf", "provider \"alicloud\" {}\n");
    let out = acslint().current_dir(root).arg("init").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote ./.acslint.hcl (2 root module(s), 2 example/test director(ies) excluded, 6 file(s) seen)"));
    let text = std::fs::read_to_string(root.join(".acslint.hcl")).unwrap();
    assert!(
        text.contains("# Root modules found: \"live/prod\", \"live/staging\".\n"),
        "{text}"
    );
    assert!(text.contains("\nrequire = [\"actiontrail\"]\n"), "{text}");
    assert!(
        text.contains("\nexclude = [\"examples/**\", \"modules/net/tests/**\"]\n"),
        "{text}"
    );
    // The written file is a valid configuration that check uses.
    let cfg = acslint()
        .current_dir(root)
        .args(["config", "--show"])
        .output()
        .unwrap();
    assert_eq!(
        cfg.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&cfg.stderr)
    );
    let shown = String::from_utf8_lossy(&cfg.stdout);
    assert!(shown.contains("examples/**"), "{shown}");
    // Never overwritten.
    std::fs::write(root.join(".acslint.hcl"), "fail_on = \"high\"\n").unwrap();
    let again = acslint().current_dir(root).arg("init").output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr)
        .contains("already exists; acslint init does not overwrite it"));
    assert_eq!(
        std::fs::read_to_string(root.join(".acslint.hcl")).unwrap(),
        "fail_on = \"high\"\n"
    );
}

/// The README's two set-up commands, word for word.
const SETUP: &str = "```sh
cargo run --release -- check examples/insecure-account   # lint the bundled example with the built-in rules
cargo test                                               # run the whole test suite (what CI runs)
```";

#[test]
fn readme_setup_commands_are_exact_and_work() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let section = readme
        .split("### The two set-up commands\n")
        .nth(1)
        .expect("the README has its set-up commands section");
    let block = &section[section.find("```sh").unwrap()..];
    assert!(
        block.starts_with(SETUP),
        "README set-up commands changed:\n{}",
        &block[..block.len().min(300)]
    );
    let contributing = std::fs::read_to_string(root.join("CONTRIBUTING.md")).unwrap();
    assert!(contributing.contains(SETUP), "CONTRIBUTING.md repeats them");
    // CI runs exactly the second one, last.
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert_eq!(
        ci.lines().rfind(|l| !l.trim().is_empty()),
        Some("cargo test")
    );
    // The first one: the built binary with the same arguments reports the example's findings
    // (exit 1) and a summary.
    let out = acslint()
        .current_dir(root)
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .args(["check", "examples/insecure-account"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("── examples/insecure-account/iam.tf ──"),
        "{stdout}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("6 files checked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every relative link in the README and CONTRIBUTING.md reaches a file, and every `#anchor` a
/// heading of the file it names.
#[test]
fn readme_links_resolve() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let anchors = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| {
                l.trim_start_matches('#')
                    .trim()
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
                    .map(|c| if c == ' ' { '-' } else { c })
                    .collect()
            })
            .collect()
    };
    let mut broken = Vec::new();
    for doc in ["README.md", "CONTRIBUTING.md"] {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        let mut in_code = false;
        for line in text.lines() {
            if line.starts_with("```") {
                in_code = !in_code;
            }
            if in_code {
                continue;
            }
            for part in line.split("](").skip(1) {
                let Some(target) = part.split(')').next() else {
                    continue;
                };
                if target.starts_with("http") {
                    continue;
                }
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let path = if file.is_empty() { doc } else { file };
                let Ok(linked) = std::fs::read_to_string(root.join(path)).or_else(|e| {
                    if root.join(path).is_dir() {
                        Ok(String::new())
                    } else {
                        Err(e)
                    }
                }) else {
                    broken.push(format!("{doc}: {target}"));
                    continue;
                };
                if !anchor.is_empty() && !anchors(&linked).iter().any(|a| a == anchor) {
                    broken.push(format!("{doc}: {target} (no such heading)"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:?}");
}

/// A note naming a long path wraps before the path, never inside it (at its `-` or `/`).
#[test]
fn notes_never_wrapped_inside_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let outer = "modules/some-really-long-hyphenated-module-name/with-another-long-part";
    let inner = format!("{outer}/nested-module-with-a-long-name");
    std::fs::create_dir_all(dir.path().join(&inner)).unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        format!("module \"outer-module-call\" {{\n  source = \"./{outer}\"\n}}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(outer).join("main.tf"),
        "module \"inner-module-call-with-a-rather-long-name\" {\n  source = \"./nested-module-with-a-long-name\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(&inner).join("main.tf"),
        "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"x\"\n  acl    = \"public-read\"\n}\n",
    )
    .unwrap();
    let out = acslint()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .args(["check", "--select", "OSS001", "."])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let path = format!("{outer}/main.tf:1:1");
    assert!(
        text.lines().any(|l| l.trim() == path),
        "the path is whole on a line of its own:\n{text}"
    );
    assert!(
        text.contains("note: reached through the module call at main.tf:1:1\n"),
        "{text}"
    );
}

fn rules_json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(
        &[&["rules", "--format", "json"][..], args].concat(),
        0,
    ))
    .unwrap()
}

#[test]
fn rules_filter_by_pack_severity_and_selection() {
    // The table: code, severity, default state, fix, name, packs; a count at the end.
    let text = stdout(&["rules", "--select", "OSS008,IAM017,RAM020"], 0);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("code    severity  default fix    name"),
        "{text}"
    );
    assert!(lines[0].ends_with(" packs"), "{text}");
    let row = |code: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(code))
            .unwrap_or_else(|| panic!("{code} listed: {text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    assert_eq!(&row("OSS008")[..4], ["OSS008", "low", "off", "-"]);
    assert_eq!(
        &row("IAM017")[..5],
        ["IAM017", "medium", "on", "safe", "password-min-length"]
    );
    let ram020 = row("RAM020").join(" ");
    assert!(
        ram020.contains("recommended") && ram020.contains("cis"),
        "{text}"
    );
    assert!(
        !ram020.contains(" all"),
        "every rule is in `all`: not listed"
    );
    assert!(text.contains("\n3 rules\n"), "{text}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("RAM") || l.starts_with("IAM") || l.starts_with("OSS"))
            .count(),
        3
    );

    // --severity (a list) and --select combine.
    let v = rules_json(&["--severity", "critical,high", "--select", "RAM"]);
    let rules = v.as_array().unwrap();
    assert!(rules.len() > 3, "{v}");
    for r in rules {
        assert!(r["id"].as_str().unwrap().starts_with("RAM"), "{r}");
        assert!(
            ["critical", "high"].contains(&r["severity"].as_str().unwrap()),
            "{r}"
        );
    }
    // --pack with filters: the pack's rules only, each naming the pack among its packs.
    let v = rules_json(&["--pack", "cis", "--severity", "high"]);
    assert_eq!(v["name"], "cis");
    let rules = v["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    for r in rules {
        assert_eq!(r["severity"], "high", "{r}");
        assert!(
            r["packs"].as_array().unwrap().iter().any(|p| p == "cis"),
            "{r}"
        );
    }
    // Bad filters are usage errors.
    for bad in [
        &["rules", "--severity", "severe"][..],
        &["rules", "--select", "NOPE9"],
    ] {
        let out = acslint().args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn rules_json_carries_packs_options_and_fixable() {
    let v = rules_json(&["--select", "IAM017,RAM031,OSS008"]);
    let by = |id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let iam017 = by("IAM017");
    assert_eq!(
        iam017["options"],
        serde_json::json!([{"name": "min_length", "type": "integer", "default": 14, "minimum": 8.0,
            "maximum": 32.0, "description": "shortest password length accepted (RAM allows 8 to 32)"}])
    );
    assert_eq!(iam017["fixable"], true);
    assert_eq!(by("OSS008")["fixable"], false);
    assert_eq!(by("OSS008")["enabled"], false);
    assert_eq!(by("RAM031")["options"][0]["type"], "list(string)");
    assert!(by("RAM031")["packs"].as_array().is_some());
    // Every rule page has an Options section; a rule with options has the table.
    let page = stdout(&["explain", "IAM017"], 0);
    assert!(page.contains("## Options\n"), "{page}");
    assert!(
        page.contains("| `min_length` | integer (8–32) | `14` | shortest password length accepted (RAM allows 8 to 32) |\n"),
        "{page}"
    );
    assert!(stdout(&["explain", "OSS001"], 0).contains("## Options\n\nThis rule has no options.\n"));
}

/// Rule options are validated like top-level keys: an unknown name (did you mean), a wrong type
/// and a value out of range are configuration errors (exit 2) pointing into the file.
#[test]
fn rule_options_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"alicloud_ram_account_password_policy\" \"p\" {\n  minimum_password_length = 15\n}\n",
    )
    .unwrap();
    let run = |cfg: &str| {
        std::fs::write(dir.path().join(".acslint.hcl"), cfg).unwrap();
        let out = acslint()
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(["check", "--select", "IAM017", "-f", "compact", "."])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run("options \"IAM017\" {\n  min_lenght = 16\n}\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("IAM017 has no option `min_lenght`"), "{err}");
    assert!(err.contains("did you mean `min_length`?"), "{err}");
    assert!(err.contains(".acslint.hcl:2:3"), "{err}");
    let (code, _, err) = run("options \"IAM017\" {\n  min_length = \"16\"\n}\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("option `min_length` of IAM017 takes an integer, not a string"),
        "{err}"
    );
    assert!(err.contains(".acslint.hcl:2:16"), "{err}");
    let (code, _, err) = run("options \"IAM017\" {\n  min_length = 64\n}\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("option `min_length` of IAM017 is 64: it must be between 8 and 32"),
        "{err}"
    );
    let (code, _, err) = run("options \"RAM031\" {\n  accounts = [1234567890123456]\n}\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("takes a list of strings, not a list holding a number (quote it)"),
        "{err}"
    );
    let (code, _, err) = run("options \"OSS001\" {\n  strict = true\n}\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("OSS001 takes no options"), "{err}");
    // Valid: the option changes the rule (15 passes the default 14, not 16).
    let (code, out, err) = run("options \"IAM017\" {\n  min_length = 16\n}\n");
    assert_eq!(code, Some(1), "{err}");
    assert!(out.contains("IAM017"), "{out}");
    let (code, out, err) = run("fail_on = \"low\"\n");
    assert_eq!(code, Some(0), "{out}{err}");
}
