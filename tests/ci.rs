//! The CI job end to end: a realistic repository (tests/data/ci/repo, copied into a temporary
//! git repository) through every format, every suppression form, configuration and baselines.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// A fresh copy of the repository, with a `.git` directory so it is a repository root.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ci/repo"),
        dir.path(),
    );
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn acslint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("acslint").unwrap();
    c.current_dir(dir);
    c.env_remove("GITHUB_ACTIONS").env("NO_COLOR", "1");
    c
}

fn run(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let out = acslint(dir)
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const EXPECTED: &str = "\
broken.tf:2:16: high TF001 syntax error: expected newline or eof
main.tf:3:3: high DB001 instance `alicloud_db_instance.public` accepts connections from any IP address
main.tf:35:1: low TF012 `DB001` was suppressed until 2020-01-01; the suppression has expired and no longer applies
main.tf:38:3: high DB001 instance `alicloud_db_instance.expired` accepts connections from any IP address
main.tf:41:1: low TF010 `acslint:ignore DB001` gives no reason, so it is not applied
main.tf:44:3: high DB001 instance `alicloud_db_instance.no_reason` accepts connections from any IP address
main.tf:49:33: low TF013 `acslint:ignore` for DB001 suppresses nothing here
policies/admin.json:4:59: high RAM000 the policy document is not valid JSON: Trailing commas are not allowed
";

#[test]
fn every_suppression_form_and_the_configuration_apply() {
    let r = repo();
    let (out, _) = run(r.path(), &["check", "-f", "compact"], 1);
    assert_eq!(out, EXPECTED);
}

#[test]
fn suppressed_findings_are_listed_with_what_silenced_them() {
    let r = repo();
    let (out, _) = run(r.path(), &["check", "-f", "json"], 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let sup: Vec<(String, u64, String, Value)> = v["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["file"].as_str().unwrap().to_string(),
                s["range"]["start"]["line"].as_u64().unwrap(),
                s["suppressed_by"].as_str().unwrap().to_string(),
                s["reason"].clone(),
            )
        })
        .collect();
    let want = vec![
        (
            "legacy/old.json",
            1,
            "per_path (.acslint.hcl:6)",
            Value::Null,
        ),
        (
            "main.tf",
            9,
            "acslint:ignore (line 6)",
            "reporting replica, reachable only through the VPN".into(),
        ),
        (
            "main.tf",
            14,
            "acslint:ignore (line 14)",
            "partner access until the migration".into(),
        ),
        (
            "main.tf",
            20,
            "checkov:skip (line 18)",
            "legacy partner access".into(),
        ),
        (
            "main.tf",
            26,
            "kics-scan ignore-line (line 25)",
            Value::Null,
        ),
        (
            "main.tf",
            32,
            "kics-scan ignore-block (line 29)",
            Value::Null,
        ),
        (
            "sandbox/main.tf",
            4,
            "acslint:ignore-file (line 1)",
            "throwaway sandbox, destroyed nightly".into(),
        ),
    ];
    let want: Vec<(String, u64, String, Value)> = want
        .into_iter()
        .map(|(f, l, b, r)| (f.to_string(), l, b.to_string(), r))
        .collect();
    assert_eq!(sup, want);

    // In human mode `--show-suppressed` lists them on stderr.
    let (_, err) = run(r.path(), &["check", "--show-suppressed"], 1);
    assert!(err.contains("suppressed: main.tf:20:3: high DB001 instance `alicloud_db_instance.checkov` accepts connections from any IP address [checkov:skip (line 18): legacy partner access]"), "{err}");
}

#[test]
fn no_inline_suppressions_and_isolated() {
    let r = repo();
    let (out, _) = run(
        r.path(),
        &["check", "-f", "compact", "--no-inline-suppressions"],
        1,
    );
    let db001: Vec<&str> = out.lines().filter(|l| l.contains(" DB001 ")).collect();
    // Every open instance but the per-file-ignored sandbox... which is an inline form too.
    assert_eq!(db001.len(), 9, "{out}");
    assert!(!out.contains("TF010") && !out.contains("TF012") && !out.contains("TF013"));
    // --isolated: no configuration, so the legacy policy is reported and every default rule runs;
    // a syntax error is reported whatever is selected.
    let (out, _) = run(
        r.path(),
        &["check", "-f", "compact", "--isolated", "--select", "RAM000"],
        1,
    );
    assert_eq!(
        out,
        "broken.tf:2:16: high TF001 syntax error: expected newline or eof\n\
         legacy/old.json:1:17: high RAM000 the policy document is not valid JSON: Unexpected word\n\
         policies/admin.json:4:59: high RAM000 the policy document is not valid JSON: Trailing commas are not allowed\n"
    );
}

#[test]
fn fail_on_comes_from_the_configuration_unless_given() {
    let r = repo();
    // Only low findings are left in main.tf when the high ones are ignored: fail_on = high → 0.
    run(
        r.path(),
        &["check", "main.tf", "-f", "compact", "--ignore", "DB001"],
        0,
    );
    run(
        r.path(),
        &[
            "check",
            "main.tf",
            "-f",
            "compact",
            "--ignore",
            "DB001",
            "--fail-on",
            "low",
        ],
        1,
    );
}

#[test]
fn snapshots_of_every_format() {
    let r = repo();
    for f in [
        "sarif",
        "junit",
        "github",
        "gitlab",
        "checkstyle",
        "json",
        "compact",
    ] {
        let (out, _) = run(r.path(), &["check", "-f", f], 1);
        insta::with_settings!({snapshot_path => "snapshots/ci", prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!(f, out);
        });
    }
}

#[test]
fn sarif_is_valid_and_github_ready() {
    let r = repo();
    let (out, _) = run(r.path(), &["check", "-f", "sarif"], 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let rules = runs[0]["tool"]["driver"]["rules"].as_array().unwrap();
    let all = runs[0]["results"].as_array().unwrap();
    // Suppressed findings are results marked with `suppressions` (code scanning: dismissed).
    let (suppressed, results): (Vec<&Value>, Vec<&Value>) =
        all.iter().partition(|r| r.get("suppressions").is_some());
    assert_eq!(results.len(), 8);
    assert!(!suppressed.is_empty());
    for s in &suppressed {
        let sup = &s["suppressions"][0];
        assert!(
            sup["kind"] == "inSource" || sup["kind"] == "external",
            "{sup}"
        );
        assert!(!sup["justification"].as_str().unwrap().is_empty());
    }
    let legacy = suppressed
        .iter()
        .find(|r| r["ruleId"] == "RAM000")
        .expect("per_path ignore of legacy/**");
    assert_eq!(legacy["suppressions"][0]["kind"], "external");
    let mut fps = std::collections::HashSet::new();
    for res in &results {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(fps.insert(
            res["partialFingerprints"]["acslint/v1"]
                .as_str()
                .unwrap()
                .to_string()
        ));
    }
    // Metadata GitHub code scanning reads.
    let db001 = rules.iter().find(|r| r["id"] == "DB001").unwrap();
    assert_eq!(db001["properties"]["security-severity"], "8.0");
    assert_eq!(db001["defaultConfiguration"]["level"], "error");
    // No published docs ref in a test build (build.rs): no `helpUri` rather than a link to a
    // tag that may not exist; the rule's page travels as the markdown help.
    assert_eq!(db001.get("helpUri"), None);
    assert!(db001["help"]["markdown"].as_str().unwrap().contains("## "));
    // The configuration raises TF013 from info to low: code scanning sees the override.
    let tf013 = rules.iter().find(|r| r["id"] == "TF013").unwrap();
    assert_eq!(tf013["defaultConfiguration"]["level"], "warning");
    assert_eq!(tf013["properties"]["security-severity"], "3.0");
    // Levels follow the (overridden) severity; columns count UTF-16 code units: the rocket
    // emoji before the error is two units, one character.
    let broken = results.iter().find(|r| r["ruleId"] == "TF001").unwrap();
    assert_eq!(broken["level"], "error");
    assert_eq!(
        broken["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "broken.tf"
    );
    assert_eq!(
        broken["locations"][0]["physicalLocation"]["region"]["startColumn"],
        17
    );
    let unused = results.iter().find(|r| r["ruleId"] == "TF013").unwrap();
    assert_eq!(unused["level"], "warning");
    // No source text in machine output beyond messages.
    assert!(!out.contains("snippet"));
}

#[test]
fn fingerprints_do_not_depend_on_lines() {
    let r = repo();
    let (before, _) = run(r.path(), &["check", "-f", "gitlab"], 1);
    let main = r.path().join("main.tf");
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(&main, format!("# a new header comment\n\n{text}")).unwrap();
    let (after, _) = run(r.path(), &["check", "-f", "gitlab"], 1);
    let fps = |s: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(s).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    let mut b = fps(&before);
    let mut a = fps(&after);
    b.sort();
    a.sort();
    assert_eq!(a, b);
    assert_ne!(before, after, "lines did move");
}

#[test]
fn xml_formats_parse_strictly() {
    let r = repo();
    let (junit, _) = run(r.path(), &["check", "-f", "junit"], 1);
    let doc = roxmltree::Document::parse(&junit).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let failures: usize = root.attribute("failures").unwrap().parse().unwrap();
    assert_eq!(
        failures,
        doc.descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count()
    );
    let main = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite") && n.attribute("name") == Some("main.tf"))
        .unwrap();
    let db001 = main
        .children()
        .find(|n| n.attribute("name") == Some("DB001 rds-open-to-internet"))
        .unwrap();
    let failure = db001
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(failure.attribute("message"), Some("3 findings of DB001"));
    assert_eq!(failure.text().unwrap().lines().count(), 3);

    let (cs, _) = run(r.path(), &["check", "-f", "checkstyle"], 1);
    let doc = roxmltree::Document::parse(&cs).unwrap();
    let errors: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("error"))
        .collect();
    assert_eq!(errors.len(), 8);
    // Backticks, quotes and angle brackets survive escaping.
    assert!(errors.iter().any(|e| e.attribute("message")
        == Some("instance `alicloud_db_instance.public` accepts connections from any IP address")));
}

#[test]
fn github_is_the_default_in_actions_and_escapes() {
    let r = repo();
    let out = acslint(r.path())
        .args(["check", "main.tf"])
        .env("GITHUB_ACTIONS", "true")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=main.tf,line=3,col=3,endLine=3,endColumn=31,title=DB001 rds-open-to-internet::[high] instance `alicloud_db_instance.public` accepts connections from any IP address%0Ahelp: list only the application subnets (or security groups) that need the database"
    );
}

#[test]
fn several_outputs_in_one_run() {
    let r = repo();
    let (out, _) = run(
        r.path(),
        &[
            "check",
            "-f",
            "compact",
            "--output",
            "sarif=out/acslint.sarif",
            "-o",
            "junit=report.xml",
        ],
        1,
    );
    assert_eq!(out, EXPECTED);
    // Missing directories are created.
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(r.path().join("out/acslint.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(
        results
            .iter()
            .filter(|r| r.get("suppressions").is_none())
            .count(),
        8
    );
    assert!(std::fs::read_to_string(r.path().join("report.xml"))
        .unwrap()
        .starts_with("<?xml"));
    let (_, err) = run(r.path(), &["check", "-o", "yaml=x.yml"], 2);
    assert!(err.contains("unknown format `yaml`"), "{err}");
}

#[test]
fn baselines_keep_only_new_findings() {
    let r = repo();
    let base = r.path().join("acslint-baseline.json");
    run(
        r.path(),
        &[
            "check",
            "-f",
            "compact",
            "--write-baseline",
            "acslint-baseline.json",
        ],
        // Writing a baseline accepts today's findings: the run succeeded.
        0,
    );
    assert!(base.is_file());
    // Nothing new: exit 0, even after lines moved.
    let main = r.path().join("main.tf");
    let text = std::fs::read_to_string(&main).unwrap();
    std::fs::write(&main, format!("\n\n{text}")).unwrap();
    let (out, err) = run(
        r.path(),
        &["check", "--baseline", "acslint-baseline.json"],
        0,
    );
    assert_eq!(out, "");
    assert!(
        err.contains("baseline: 8 known finding(s) not shown, 0 fixed"),
        "{err}"
    );
    // A new open instance is reported; a fixed one is listed.
    let text = std::fs::read_to_string(&main).unwrap().replace(
        "resource \"alicloud_db_instance\" \"public\" {\n  engine       = \"MySQL\"\n  security_ips = [\"0.0.0.0/0\"]",
        "resource \"alicloud_db_instance\" \"public\" {\n  engine       = \"MySQL\"\n  security_ips = [\"10.0.0.0/8\"]",
    );
    std::fs::write(&main, format!("{text}\nresource \"alicloud_db_instance\" \"new\" {{\n  security_ips = [\"0.0.0.0/0\", \"10.0.0.1\"]\n}}\n")).unwrap();
    let (out, _) = run(
        r.path(),
        &["check", "-f", "json", "--baseline", "acslint-baseline.json"],
        1,
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let new: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(new, vec![("DB001", 55)]);
    let fixed = v["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 1);
    assert_eq!(fixed[0]["rule"], "DB001");
    assert_eq!(fixed[0]["file"], "main.tf");
    assert_eq!(fixed[0]["resource"], "alicloud_db_instance.public");
    // A broken baseline is a usage error.
    std::fs::write(&base, "{").unwrap();
    run(
        r.path(),
        &["check", "--baseline", "acslint-baseline.json"],
        2,
    );
}

#[test]
fn bad_configuration_exits_2_pointing_into_the_file() {
    let r = repo();
    std::fs::write(
        r.path().join(".acslint.hcl"),
        "selct = [\"RAM\"]\nseverity = { DB0001 = \"high\" }\n",
    )
    .unwrap();
    let (_, err) = run(r.path(), &["check"], 2);
    assert!(err.contains("unknown configuration key `selct`"), "{err}");
    assert!(err.contains("did you mean `select`?"), "{err}");
    assert!(err.contains("[.acslint.hcl:1:1]"), "{err}");
    std::fs::write(
        r.path().join(".acslint.hcl"),
        "severity = { DB0001 = \"high\" }\nfail_on = \"sometimes\"\n",
    )
    .unwrap();
    let (_, err) = run(r.path(), &["check"], 2);
    assert!(
        err.contains("`fail_on`: \"sometimes\" is not one of"),
        "{err}"
    );
    std::fs::write(
        r.path().join(".acslint.hcl"),
        "severity = { DB0001 = \"high\" }\n",
    )
    .unwrap();
    let (_, err) = run(r.path(), &["check"], 2);
    assert!(err.contains("`DB0001` selects no rule"), "{err}");
    assert!(err.contains("did you mean `DB001`?"), "{err}");
}

#[test]
fn nested_configuration_extends_and_config_show() {
    let r = repo();
    std::fs::write(
        r.path().join("sandbox/.acslint.hcl"),
        "extends = \"../.acslint.hcl\"\nignore = [\"DB\"]\n\noptions \"RAM031\" {\n  accounts = [\"1234567890123456\"]\n}\n",
    )
    .unwrap();
    let (out, _) = run(r.path(), &["config", "--show", "sandbox"], 0);
    assert_eq!(
        out,
        "# configuration: sandbox/.acslint.hcl\n\
         select = [\"DB001\", \"TF001\", \"TF01\", \"RAM000\"]  # .acslint.hcl:2\n\
         ignore = [\"DB\"]  # sandbox/.acslint.hcl:2\n\
         fail_on = \"high\"  # .acslint.hcl:3\n\
         severity = {\n  TF013 = \"low\"  # .acslint.hcl:4\n}\n\
         per_path { paths = [\"legacy/**\"] ignore = [\"RAM000\"] }  # .acslint.hcl:6\n\
         options \"RAM031\" {\"accounts\":[\"1234567890123456\"]}  # sandbox/.acslint.hcl:4\n"
    );
    // The sandbox's own configuration ignores DB rules, so its inline suppression is unused
    // no more: it is simply not judged. Nothing is reported there.
    let (out, _) = run(r.path(), &["check", "-f", "compact", "sandbox"], 0);
    assert_eq!(out, "");
}

#[test]
fn configuration_excludes_files() {
    let r = repo();
    let cfg = std::fs::read_to_string(r.path().join(".acslint.hcl")).unwrap();
    std::fs::write(
        r.path().join(".acslint.hcl"),
        format!("{cfg}\nexclude = [\"broken.tf\", \"policies/**\"]\n"),
    )
    .unwrap();
    let (out, _) = run(r.path(), &["check", "-f", "compact"], 1);
    assert!(
        !out.contains("broken.tf") && !out.contains("policies/"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 6);
    // A file named explicitly is linted anyway.
    let (out, _) = run(r.path(), &["check", "-f", "compact", "broken.tf"], 1);
    assert_eq!(
        out,
        "broken.tf:2:16: high TF001 syntax error: expected newline or eof\n"
    );
}

/// docs/ci.md: every format but `human` names files relative to the repository root, whatever
/// the working directory; `human` shows them as given. Run from a subdirectory, every path any
/// format writes (findings, unknowns, suppressed, autofix edits, baseline entries) is
/// `infra/...`.
#[test]
fn every_machine_format_uses_the_repository_root_as_path_base() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    let infra = dir.path().join("infra");
    std::fs::create_dir_all(&infra).unwrap();
    std::fs::write(
        infra.join("main.tf"),
        "variable \"acl\" {}\n\
         resource \"alicloud_oss_bucket\" \"a\" {\n  bucket = \"a\"\n  acl    = \"public-read\"\n}\n\
         resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = var.acl\n}\n\
         # acslint:ignore OSS001 -- public website\n\
         resource \"alicloud_oss_bucket\" \"c\" {\n  bucket = \"c\"\n  acl    = \"public-read\"\n}\n\
         resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name = \"t\"\n  trail_region = \"cn-hangzhou\"\n}\n",
    )
    .unwrap();
    let sel = ["--select", "OSS001,LOG002"];
    let json: Value = serde_json::from_str(
        &run(
            &infra,
            &[&["check", "-f", "json"][..], &sel, &["."]].concat(),
            1,
        )
        .0,
    )
    .unwrap();
    let mut files: Vec<&str> = Vec::new();
    for f in json["findings"].as_array().unwrap() {
        files.push(f["file"].as_str().unwrap());
        for e in f["autofix"]["edits"].as_array().into_iter().flatten() {
            files.push(e["file"].as_str().unwrap());
        }
    }
    for key in ["unknown", "suppressed"] {
        let rows = json[key].as_array().unwrap();
        assert!(!rows.is_empty(), "{key}: {json}");
        files.extend(rows.iter().map(|u| u["file"].as_str().unwrap()));
    }
    assert!(files.len() >= 5, "{json}");
    assert!(files.iter().all(|f| *f == "infra/main.tf"), "{files:?}");

    let path_count = |text: &str| text.matches("infra/main.tf").count();
    for (format, at_least) in [
        ("compact", 2),
        ("sarif", 3),
        ("junit", 1),
        ("github", 2),
        ("gitlab", 2),
        ("checkstyle", 1),
        ("markdown", 2),
    ] {
        let out = run(
            &infra,
            &[&["check", "-f", format][..], &sel, &["."]].concat(),
            1,
        )
        .0;
        assert!(path_count(&out) >= at_least, "{format}: {out}");
        // No path of another base: every `main.tf` is preceded by `infra/`.
        assert_eq!(
            out.matches("main.tf").count(),
            path_count(&out),
            "{format}: {out}"
        );
    }
    // The baseline, and the fixed list of a later run.
    let base = dir.path().join("baseline.json");
    run(
        &infra,
        &[
            &["check", "-q", "--write-baseline", base.to_str().unwrap()][..],
            &sel,
            &["."],
        ]
        .concat(),
        0,
    );
    let b = std::fs::read_to_string(&base).unwrap();
    assert!(
        path_count(&b) >= 2 && b.matches("main.tf").count() == path_count(&b),
        "{b}"
    );
    std::fs::write(infra.join("main.tf"), "locals {}\n").unwrap();
    let fixed: Value = serde_json::from_str(
        &run(
            &infra,
            &[
                &["check", "-f", "json", "--baseline", base.to_str().unwrap()][..],
                &sel,
                &["."],
            ]
            .concat(),
            0,
        )
        .0,
    )
    .unwrap();
    let fixed = fixed["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 2, "{fixed:?}");
    assert!(
        fixed.iter().all(|f| f["file"] == "infra/main.tf"),
        "{fixed:?}"
    );
    // Human output shows the path as the user gave it.
    std::fs::write(infra.join("main.tf"), "resource \"alicloud_oss_bucket\" \"a\" {\n  bucket = \"a\"\n  acl    = \"public-read\"\n}\n").unwrap();
    let human = run(&infra, &["check", "--select", "OSS001", "."], 1).0;
    assert!(human.starts_with("── main.tf ──\n"), "{human}");
}
