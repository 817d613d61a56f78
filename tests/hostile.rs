//! A hostile pull request scanned in CI: each attack of issue #15 built in a temporary directory,
//! with the outcome asserted. The runner's environment holds a secret (`CANARY`) that must not
//! reach any output channel, in any format, or the language server.

use acslint::lint::{self, LintOptions};
use acslint::rules::Registry;
use assert_cmd::Command;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// A secret in the runner's environment: no shape a redactor would know, so only confinement
/// keeps it out of the output.
const CANARY: &str = "canary-7f3e9b1c-runner-secret";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn acslint(args: &[&str], dir: &Path) -> Run {
    acslint_in(args, dir, None)
}

fn acslint_in(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::cargo_bin("acslint").unwrap();
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("CI_JOB_TOKEN", CANARY)
        .env("ALICLOUD_SECRET_KEY", CANARY)
        .env_remove("GITHUB_ACTIONS")
        .timeout(Duration::from_secs(120));
    if let Some(s) = stdin {
        cmd.write_stdin(s.to_vec());
    }
    let out = cmd.output().unwrap();
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !r.stdout.contains(CANARY) && !r.stderr.contains(CANARY),
        "the environment leaked: {} {}",
        r.stdout,
        r.stderr
    );
    r
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// (rule, file, message) of each finding of a JSON report.
fn findings(r: &Run) -> Vec<(String, String, String)> {
    json(r)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const FORMATS: [&str; 9] = [
    "human",
    "json",
    "compact",
    "sarif",
    "junit",
    "github",
    "gitlab",
    "checkstyle",
    "markdown",
];

const ADMIN: &str = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

const OUTSIDE_LINK: &str =
    "symbolic link to a path outside the scanned directory; it was not followed";

#[test]
fn an_in_tree_configuration_cannot_read_outside_files() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "t/.acslint.hcl",
        "extends = \"/proc/self/environ\"\n",
    );
    write(d.path(), "t/main.tf", "locals {}\n");
    for format in FORMATS {
        let r = acslint(&["check", "t", "-f", format], d.path());
        assert_eq!(r.code, 2, "{format}");
        assert!(
            r.stderr
                .contains("`extends` target `/proc/self/environ` is not a regular file of at most"),
            "{}",
            r.stderr
        );
    }
    // `rules` too, and a missing path outside gets the same answer as an existing one.
    write(d.path(), "t/.acslint.hcl", "rules = [\"/etc/hostname\"]\n");
    let a = acslint(&["check", "t"], d.path()).stderr;
    write(
        d.path(),
        "t/.acslint.hcl",
        "rules = [\"/etc/no-such-file\"]\n",
    );
    let b = acslint(&["check", "t"], d.path()).stderr;
    assert_eq!(
        a.replace("hostname", "X").lines().next(),
        b.replace("no-such-file", "X").lines().next()
    );
}

#[test]
fn discovery_does_not_follow_links_out_of_the_tree() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("u")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", d.path().join("u/env.tf")).unwrap();
    std::os::unix::fs::symlink("/", d.path().join("u/root")).unwrap();
    write(d.path(), "u/main.tf", "locals {}\n");
    // A link inside the tree is followed.
    std::os::unix::fs::symlink("main.tf", d.path().join("u/alias.tf")).unwrap();
    for format in FORMATS {
        acslint(&["check", "u", "-f", format], d.path());
    }
    let r = acslint(&["check", "u", "-f", "json"], d.path());
    assert_eq!(
        findings(&r),
        vec![
            ("TF002".into(), "u/env.tf".into(), OUTSIDE_LINK.to_string()),
            ("TF002".into(), "u/root".into(), OUTSIDE_LINK.to_string()),
        ]
    );
    assert_eq!(json(&r)["summary"]["files"], 2, "main.tf and alias.tf");
}

#[test]
fn fifos_are_reported_never_waited_on() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("w/f.tf");
    std::fs::create_dir(d.path().join("w")).unwrap();
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    write(d.path(), "w/main.tf", "locals {}\n");
    let why = "not a regular file (a FIFO, socket or device); it was not read";
    let r = acslint(&["check", "w", "-f", "json"], d.path());
    assert_eq!(
        findings(&r),
        vec![("TF002".into(), "w/f.tf".into(), why.into())]
    );
    // Named on the command line alone: reported (a bad input is a finding: exit 1).
    let r = acslint(&["check", "w/f.tf", "-f", "json"], d.path());
    assert_eq!(
        findings(&r),
        vec![(
            "TF002".into(),
            "w/f.tf".into(),
            "not a regular file (a FIFO, socket or device); it was not read".into()
        )]
    );
    assert_eq!(r.code, 1);
}

#[test]
fn secrets_in_pointers_keys_and_baselines_are_redacted() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("out")).unwrap();
    let key = "LTAIEXAMPLEKEY0123456789";
    write(
        d.path(),
        "p.json",
        &format!("{{\"Version\":\"1\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"}}],\"{key}\":\"x\"}}"),
    );
    for format in FORMATS {
        let r = acslint(
            &[
                "check",
                "p.json",
                "-f",
                format,
                "-o",
                &format!("{format}=out/report.{format}"),
                "--write-baseline",
                "out/baseline.json",
            ],
            d.path(),
        );
        // Writing the baseline makes the run a success (exit 0).
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(!r.stdout.contains(key), "{format}: {}", r.stdout);
        let file = std::fs::read_to_string(d.path().join(format!("out/report.{format}"))).unwrap();
        assert!(!file.contains(key), "{format} file: {file}");
        let base = std::fs::read_to_string(d.path().join("out/baseline.json")).unwrap();
        assert!(!base.contains(key), "baseline: {base}");
    }
    let r = acslint(&["check", "p.json", "-f", "json"], d.path());
    let pointers: Vec<String> = json(&r)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["pointer"].as_str().map(str::to_string))
        .collect();
    assert!(
        pointers.contains(&"/LTAI********************".to_string()),
        "{pointers:?}"
    );
}

#[test]
fn configuration_errors_on_stderr_are_redacted() {
    let d = tempfile::tempdir().unwrap();
    let secret = "kP9sD2fG7hJ4kL1zX8cV5bN3mQ6wE0";
    write(
        d.path(),
        ".acslint.hcl",
        &format!("select = [\"{secret}\"]\n"),
    );
    write(d.path(), "main.tf", "locals {}\n");
    let r = acslint(&["check", "."], d.path());
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("error(s) in the configuration"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains(secret), "{}", r.stderr);
}

/// A memory bomb and a work bomb (small budgets so the test is quick): TF005 on their
/// configurations, every other finding still reported.
#[test]
fn budgets_stop_bombs_and_the_run_goes_on() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "mem/main.tf",
        "locals {\n  a = join(\"\", [for i in range(5000) : \"0123456789012345678901234567890123456789012345678901234567890123456789\"])\n  b = [for i in range(1000) : local.a]\n}\n",
    );
    write(
        d.path(),
        "work/main.tf",
        "locals {\n  a = join(\"\", [for i in range(5000) : \"01234567890123456789\"])\n  b = [for i in range(5000) : length(replace(local.a, \"/[0-9]/\", \"x\"))]\n}\n",
    );
    write(
        d.path(),
        "ok/admin.json",
        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
    );
    let mut opts = LintOptions {
        paths: vec![d.path().to_path_buf()],
        ..Default::default()
    };
    opts.eval.limits.max_memory = 64 << 20;
    opts.eval.limits.max_work = 8 << 20;
    let reg = Registry::builtin();
    let res = lint::lint(&opts, reg, &acslint::engine::Selection::defaults(reg)).unwrap();
    let got: Vec<(String, String, String)> = res
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                res.sources
                    .get(f.file)
                    .path
                    .strip_prefix(d.path())
                    .unwrap()
                    .display()
                    .to_string(),
                f.message.clone(),
            )
        })
        .filter(|(r, _, _)| r == "TF005" || r == "RAM020")
        .collect();
    assert_eq!(
        got,
        vec![
            ("TF005".into(), "mem/main.tf".into(), "evaluation stopped: its values reached 64 MiB (the memory budget of a configuration)".into()),
            ("RAM020".into(), "ok/admin.json".into(), "the statement allows `*` on `*`: full administrator access".into()),
            ("TF005".into(), "work/main.tf".into(), "evaluation stopped: functions processed 8 MiB (the work budget of a configuration)".into()),
        ]
    );
}

/// The budgets are per file, per configuration and per run. A bomb in one file of a module
/// stops that file (TF005 there); the module's other files go on, so the public ACL beside the
/// bomb is still reported. A bomb split over several files meets the configuration's budget,
/// which stops the module (TF005, which fails the run and cannot be silenced from the tree).
#[test]
fn a_bomb_stops_its_file_and_the_files_beside_it_are_still_checked() {
    let d = tempfile::tempdir().unwrap();
    let bomb = "locals {\n  a = join(\"\", [for i in range(5000) : \"0123456789012345678901234567890123456789012345678901234567890123456789\"])\n  b = [for i in range(1000) : local.a]\n}\n";
    let work = "locals {\n  w = join(\"\", [for i in range(5000) : \"01234567890123456789\"])\n  x = [for i in range(5000) : length(replace(local.w, \"/[0-9]/\", \"x\"))]\n}\n";
    let acl = "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = \"x\"\n}\nresource \"alicloud_oss_bucket_acl\" \"a\" {\n  bucket = alicloud_oss_bucket.b.id\n  acl    = \"public-read\"\n}\n";
    write(d.path(), "m/bomb.tf", bomb);
    write(d.path(), "m/work.tf", work);
    write(d.path(), "m/main.tf", acl);
    // Two bombs in two files of another module: together over the configuration's budget.
    write(d.path(), "n/one.tf", bomb);
    write(
        d.path(),
        "n/two.tf",
        &bomb
            .replace("local.a", "local.c")
            .replace("  a =", "  c =")
            .replace("  b =", "  e ="),
    );
    write(d.path(), "n/main.tf", acl);
    let mut opts = LintOptions {
        paths: vec![d.path().to_path_buf()],
        ..Default::default()
    };
    opts.eval.limits.max_memory = 48 << 20;
    opts.eval.limits.max_file_memory = 32 << 20;
    opts.eval.limits.max_work = 16 << 20;
    opts.eval.limits.max_file_work = 8 << 20;
    let reg = Registry::builtin();
    let res = lint::lint(&opts, reg, &acslint::engine::Selection::defaults(reg)).unwrap();
    let got: Vec<(String, String, usize, String)> = res
        .findings
        .iter()
        .filter(|f| f.rule.as_ref() == "TF005" || f.rule.as_ref() == "OSS001")
        .map(|f| {
            let src = res.sources.get(f.file);
            (
                f.rule.to_string(),
                src.path
                    .strip_prefix(d.path())
                    .unwrap()
                    .display()
                    .to_string(),
                src.line_col(f.loc.unwrap().start as usize).line,
                f.message.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("TF005".into(), "m/bomb.tf".into(), 3, "evaluation stopped: the values built in this file reached 32 MiB (the memory budget of a file)".into()),
            ("OSS001".into(), "m/main.tf".into(), 6, "bucket `x` grants public access through its ACL".into()),
            ("TF005".into(), "m/work.tf".into(), 3, "evaluation stopped: functions in this file processed 8 MiB (the work budget of a file)".into()),
            ("TF005".into(), "n/one.tf".into(), 3, "evaluation stopped: the values built in this file reached 32 MiB (the memory budget of a file)".into()),
            ("TF005".into(), "n/two.tf".into(), 3, "evaluation stopped: its values reached 48 MiB (the memory budget of a configuration)".into()),
        ]
    );
}

#[test]
fn the_two_panics_found_by_hand_are_values() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        "locals {\n  a = format(\"%.70000f\", 1.5)\n  b = substr(\"abc\", 1, 1e300)\n  c = 18446744073709551616\n  d = 1e309\n}\nresource \"alicloud_ram_user\" \"u\" {\n  name = \"${local.b}-${local.c}\"\n}\n",
    );
    // (their values: `eval::tests::the_panics_found_by_hand_are_values_or_unknowns`)
    let r = acslint(&["check", ".", "-f", "json"], d.path());
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(findings(&r).is_empty(), "{}", r.stdout);
}

#[test]
fn budget_diagnostics_cannot_be_silenced_from_the_tree() {
    let d = tempfile::tempdir().unwrap();
    // range() over the collection limit: a cheap TF005.
    write(
        d.path(),
        "main.tf",
        "locals {\n  a = range(20000) # acslint:ignore TF005 -- hidden\n}\n",
    );
    write(
        d.path(),
        ".acslint.hcl",
        "ignore = [\"TF005\"]\nfail_on = \"never\"\nseverity = { TF005 = \"info\" }\nper_path {\n  paths = [\"*.tf\"]\n  ignore = [\"TF005\"]\n}\n",
    );
    acslint(&["check", ".", "--write-baseline", "b.json"], d.path());
    let r = acslint(
        &["check", ".", "-f", "json", "--baseline", "b.json"],
        d.path(),
    );
    let f = findings(&r);
    let rules: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(rules, ["TF005"], "{f:?}");
    assert_eq!(json(&r)["findings"][0]["severity"], "medium");
    assert_eq!(r.code, 1, "an incomplete run fails whatever fail_on says");
    // Only the command line can (the comment stays invalid: TF005 is never suppressible inline).
    let r = acslint(
        &["check", ".", "-f", "json", "--allow-incomplete"],
        d.path(),
    );
    let rules: Vec<String> = findings(&r).into_iter().map(|x| x.0).collect();
    assert_eq!(rules, ["TF011"], "{}", r.stdout);
    assert_eq!(r.code, 0, "fail_on = never applies again");
}

#[test]
fn writes_are_exclusive_and_never_onto_inputs() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        "resource \"alicloud_ram_user\" \"u\" {\n  name = \"x\"\n}\n",
    );
    write(d.path(), "admin.json", ADMIN);
    for args in [
        &["check", ".", "-o", "json=main.tf"][..],
        &["check", ".", "--write-baseline", "./main.tf"][..],
    ] {
        let r = acslint(args, d.path());
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains("refusing to write"),
            "{args:?}: {}",
            r.stderr
        );
    }
    assert_eq!(
        std::fs::read_to_string(d.path().join("main.tf")).unwrap(),
        "resource \"alicloud_ram_user\" \"u\" {\n  name = \"x\"\n}\n"
    );
    // A planted link where the old writer put its temporary file is not followed.
    let victim = d.path().join("victim");
    let out = d.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(
        &victim,
        out.join(format!(".b.json.tmp-{}", std::process::id())),
    )
    .unwrap();
    acslint::util::write_atomic(&out.join("b.json"), b"{}").unwrap();
    assert!(!victim.exists());
    let left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // A failed write leaves no temporary file.
    assert!(acslint::util::write_atomic(&out.join("b.json/x"), b"{}").is_err());
    // `--baseline X --write-baseline X`: checked against the old content, which is pruned, never
    // extended: the new finding fails this run and the next one.
    let r = acslint(&["check", ".", "--write-baseline", "b.json"], d.path());
    assert_eq!(r.code, 0);
    write(d.path(), "more.json", ADMIN);
    for args in [
        &["--baseline", "b.json", "--write-baseline", "b.json"][..],
        &["--baseline", "b.json"][..],
    ] {
        let r = acslint(
            &[&["check", ".", "-f", "json"][..], args].concat(),
            d.path(),
        );
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        let files: Vec<String> = findings(&r).into_iter().map(|f| f.1).collect();
        assert_eq!(files, ["more.json"], "{args:?}");
    }
}

/// (rule, file) of each entry of a baseline file.
fn baseline_entries(path: &Path) -> Vec<(String, String)> {
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    b["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["rule"].as_str().unwrap().to_string(),
                e["file"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn baseline_and_write_baseline_on_one_file_prune_it() {
    let d = tempfile::tempdir().unwrap();
    let b = d.path().join("b.json");
    let entries = |p: &Path| -> Vec<(String, String)> { baseline_entries(p) };
    let pair = |f: &str| ("RAM020".to_string(), f.to_string());
    write(d.path(), "a.json", ADMIN);
    write(d.path(), "c.json", ADMIN);
    let r = acslint(
        &["check", ".", "-f", "json", "--write-baseline", "b.json"],
        d.path(),
    );
    assert_eq!(r.code, 0, "--write-baseline alone accepts: {}", r.stderr);
    assert_eq!(entries(&b), [pair("a.json"), pair("c.json")]);
    let kept = std::fs::read_to_string(&b).unwrap();
    let a_entry = serde_json::from_str::<serde_json::Value>(&kept).unwrap()["findings"][0].clone();
    // c.json fixed, new.json new; the same file spelled two ways.
    std::fs::remove_file(d.path().join("c.json")).unwrap();
    write(d.path(), "new.json", ADMIN);
    let r = acslint(
        &[
            "check",
            ".",
            "-f",
            "json",
            "--baseline",
            "b.json",
            "--write-baseline",
            "./b.json",
        ],
        d.path(),
    );
    assert_eq!(r.code, 1, "a new finding fails the run: {}", r.stderr);
    let reported: Vec<(String, String)> = findings(&r).into_iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(reported, [pair("new.json")]);
    assert_eq!(json(&r)["fixed"][0]["file"], "c.json");
    // Pruned of the fixed entry, the kept one unchanged, the new finding not added.
    assert_eq!(entries(&b), [pair("a.json")]);
    let now: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&b).unwrap()).unwrap();
    assert_eq!(now["findings"][0], a_entry);
    assert!(
        r.stderr.contains(
            "acslint: baseline b.json pruned: 1 fixed entry removed, 1 kept; 1 new finding(s) not added (to accept them, run --write-baseline without --baseline)\npruned: c.json RAM020 (/Statement/0/Action)\n"
        ),
        "{}",
        r.stderr
    );
    // Nothing new: exit 0, nothing to prune, the file as it was.
    std::fs::remove_file(d.path().join("new.json")).unwrap();
    let before = std::fs::read_to_string(&b).unwrap();
    let r = acslint(
        &[
            "check",
            ".",
            "-f",
            "json",
            "--baseline",
            "./b.json",
            "--write-baseline",
            "b.json",
        ],
        d.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(findings(&r).is_empty(), "{}", r.stdout);
    assert_eq!(std::fs::read_to_string(&b).unwrap(), before);
    assert!(
        r.stderr
            .contains("pruned: 0 fixed entries removed, 1 kept; 0 new finding(s) not added"),
        "{}",
        r.stderr
    );
    // Two different files: checked against the first, every current finding written to the
    // second, exit 0 once written (as `--write-baseline` alone); the first is left alone.
    write(d.path(), "new.json", ADMIN);
    let r = acslint(
        &[
            "check",
            ".",
            "-f",
            "json",
            "--baseline",
            "b.json",
            "--write-baseline",
            "b2.json",
        ],
        d.path(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let reported: Vec<(String, String)> = findings(&r).into_iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(reported, [pair("new.json")]);
    assert!(!r.stderr.contains("pruned"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&b).unwrap(), before);
    assert_eq!(
        entries(&d.path().join("b2.json")),
        [pair("a.json"), pair("new.json")]
    );
}

/// A minimal git index (version 2) listing `paths` as regular files.
fn git_index(paths: &[&str]) -> Vec<u8> {
    let mut b = b"DIRC".to_vec();
    b.extend_from_slice(&2u32.to_be_bytes());
    b.extend_from_slice(&(paths.len() as u32).to_be_bytes());
    for p in paths {
        let mut e = vec![0u8; 24];
        e.extend_from_slice(&0o100644u32.to_be_bytes());
        e.extend_from_slice(&[0u8; 32]);
        e.extend_from_slice(&(p.len() as u16).to_be_bytes());
        e.extend_from_slice(p.as_bytes());
        let len = e.len();
        e.resize((len + 8) / 8 * 8, 0);
        b.extend(e);
    }
    b
}

#[test]
fn ignore_files_cannot_hide_tracked_code() {
    let d = tempfile::tempdir().unwrap();
    let admin = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    write(d.path(), ".gitignore", "hidden/\nscratch.json\n");
    write(d.path(), "hidden/admin.json", admin);
    write(d.path(), "scratch.json", admin);
    write(d.path(), "main.tf", "locals {}\n");
    std::fs::create_dir(d.path().join(".git")).unwrap();
    std::fs::write(
        d.path().join(".git/index"),
        git_index(&[".gitignore", "hidden/admin.json", "main.tf"]),
    )
    .unwrap();
    let r = acslint(&["check", ".", "-f", "json"], d.path());
    let files: Vec<String> = findings(&r).into_iter().map(|f| f.1).collect();
    assert_eq!(
        files,
        vec!["hidden/admin.json".to_string()],
        "tracked: linted"
    );
    // The untracked ignored file is counted in the summary.
    let r = acslint(&["check", "."], d.path());
    assert!(
        r.stderr.contains(
            "(1 Terraform or policy file(s) skipped by ignore files; --no-ignore lints them)"
        ),
        "{}",
        r.stderr
    );
    // Ignore files above the repository root count for nothing.
    let outer = tempfile::tempdir().unwrap();
    write(outer.path(), ".ignore", "*.tf\n");
    write(
        outer.path(),
        "repo/main.tf",
        "resource \"alicloud_ram_user\" \"u\" {\n  name = \"x\"\n}\n",
    );
    std::fs::create_dir(outer.path().join("repo/.git")).unwrap();
    let r = acslint(&["check", "repo", "-f", "json"], outer.path());
    assert_eq!(json(&r)["summary"]["files"], 1, "{}", r.stdout);
}

#[test]
fn a_run_that_lints_nothing_says_so() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "README.md", "nothing\n");
    let r = acslint(&["check", "."], d.path());
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: no file was linted: no Terraform (.tf, .tf.json, .tfvars) or policy/plan JSON file was found under the given paths\n"
    );
}

#[test]
fn hostile_file_names() {
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"bad\xffname.json");
    std::fs::write(d.path().join(bad), ADMIN).unwrap();
    std::fs::write(d.path().join("evil\n::error::x\u{1b}[31m.json"), ADMIN).unwrap();
    for format in FORMATS {
        let r = acslint(&["check", ".", "-f", format], d.path());
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(!all.contains('\u{1b}'), "{format}: a raw escape");
        assert!(!all.contains("evil\n"), "{format}: a raw newline");
        if format == "sarif" {
            // SARIF carries URIs: percent-encoded.
            assert!(all.contains("bad%EF%BF%BDname.json"), "{all}");
            assert!(
                all.contains("evil%5Cn%3A%3Aerror%3A%3Ax%5Cu%7B1b%7D%5B31m.json"),
                "{all}"
            );
            continue;
        }
        assert!(all.contains("bad\u{fffd}name.json"), "{format}: {all}");
        // Escaped once by acslint (and once more inside JSON strings).
        assert!(
            all.contains("evil\\n::error::x\\u{1b}[31m.json")
                || all.contains("evil\\n%3A%3Aerror%3A%3Ax\\u{1b}[31m.json")
                || all.contains("evil\\\\n::error::x\\\\u{1b}[31m.json"),
            "{format}: {all}"
        );
    }
}

#[test]
fn inputs_the_user_named() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "main.tf",
        "variable \"name\" {\n  default = \"x\"\n}\n",
    );
    write(d.path(), "bad.tfvars", "name = \n");
    write(d.path(), "package.json", "{\"name\": \"pkg\"}\n");
    write(
        d.path(),
        "blocks.tfvars",
        "variable \"q\" {}\nname = \"y\"\n",
    );
    write(d.path(), "list.tfvars.json", "[1]\n");
    let cases: [(&[&str], &str); 6] = [
        (&["check", ".", "--var-file", "blocks.tfvars"], "error: --var-file blocks.tfvars: a variables file holds only `name = value` lines; it has a `variable` block\n"),
        (&["check", ".", "--var-file", "list.tfvars.json"], "error: --var-file list.tfvars.json: a JSON variables file is an object of variable values\n"),
        (&["check", ".", "--var-file", "nope.tfvars"], "error: --var-file nope.tfvars: cannot read the file: No such file or directory (os error 2)\n"),
        (&["check", ".", "--var-file", "bad.tfvars"], "error: --var-file bad.tfvars: invalid HCL: "),
        (&["check", ".", "--var", "nmae=y"], "error: --var nmae: no scanned configuration declares a variable `nmae`\n"),
        (&["check", ".", "--select", "RAM001", "--ignore", "RAM001"], "error: --select and --ignore together leave no rule to run\n"),
    ];
    for (args, err) in cases {
        let r = acslint(args, d.path());
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(err), "{args:?}: {}", r.stderr);
    }
    // A JSON file named on the command line that is neither a policy nor a plan is reported.
    let r = acslint(&["check", "package.json", "-f", "json"], d.path());
    assert_eq!(r.code, 1);
    assert_eq!(findings(&r), vec![("TF002".into(), "package.json".into(), "the JSON file is neither a RAM policy (no top-level `Statement`) nor a Terraform plan; it was not analysed".into())]);
    // The same file in two spellings is linted once.
    let r = acslint(&["check", "main.tf", "./main.tf", "-f", "json"], d.path());
    assert_eq!(json(&r)["summary"]["files"], 1, "{}", r.stdout);
    assert_eq!(
        acslint(&["check", "main.tf", "--var", "name=y"], d.path()).code,
        0
    );
}

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

#[test]
fn the_language_server_survives_bad_frames_and_redacts() {
    let d = tempfile::tempdir().unwrap();
    let open = serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///w/main.tf", "languageId": "terraform", "version": 1,
        "text": "provider \"alicloud\" {\n  access_key = \"LTAI5tQ8pR7sT3uV9wX2yZ1a\"\n  secret_key = \"kP9sD2fG7hJ4kL1zX8cV5bN3mQ6wE0\"\n}\nlocals {\n  a = file(\"/proc/self/environ\")\n}\n"}}});
    let input = [
        "Content-Type: x\r\n\r\n".to_string(),
        frame("{not json"),
        "Content-Length: zz\r\n\r\n".to_string(),
        frame(
            &serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})
                .to_string(),
        ),
        frame(&open.to_string()),
        frame(&serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}).to_string()),
        frame(&serde_json::json!({"jsonrpc": "2.0", "method": "exit"}).to_string()),
    ]
    .concat();
    let r = acslint_in(&["server"], d.path(), Some(input.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.matches("\"code\":-32700").count(),
        3,
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\"serverInfo\""));
    assert!(r.stdout.contains("publishDiagnostics"));
    assert!(!r.stdout.contains("LTAI5tQ8pR7sT3uV9wX2yZ1a"));
    assert!(!r.stdout.contains("kP9sD2fG7hJ4kL1zX8cV5bN3mQ6wE0"));
    // A Content-Length longer than the input: the server ends after answering what came before,
    // and says why on stderr (never a silent exit).
    let mut lying =
        frame(&serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize"}).to_string());
    lying.push_str("Content-Length: 999999\r\n\r\n{}");
    let r = acslint_in(&["server"], d.path(), Some(lying.as_bytes()));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("\"serverInfo\""));
    assert!(!r.stderr.trim().is_empty(), "a silent exit");
}

#[test]
fn the_environment_never_reaches_any_output() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("t")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", d.path().join("t/env.tf")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", d.path().join("t/env.json")).unwrap();
    write(
        d.path(),
        "t/main.tf",
        "locals {\n  a = file(\"/proc/self/environ\")\n  b = templatefile(\"env.tf\", {})\n}\nresource \"alicloud_ram_user\" \"u\" {\n  name = local.a\n}\n",
    );
    for format in FORMATS {
        // `acslint` asserts the canary is in no channel.
        acslint(
            &[
                "check",
                "t",
                "-f",
                format,
                "--show-unknown",
                "--show-suppressed",
                "-o",
                "json=out.json",
            ],
            d.path(),
        );
        let f = std::fs::read_to_string(d.path().join("out.json")).unwrap();
        assert!(!f.contains(CANARY));
    }
    let mut s = std::io::sink();
    let _ = s.write_all(b"");
}
