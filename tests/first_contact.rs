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
        "2  RAM020  policy-full-admin     critical\n1  RAM021  policy-service-admin  high\n"
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
            {"rule": "RAM020", "name": "policy-full-admin", "severity": "critical", "count": 2},
            {"rule": "RAM021", "name": "policy-service-admin", "severity": "high", "count": 1}
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
    assert_eq!(text.matches("docs/rules/RAM020.md").count(), 1, "{text}");
}
