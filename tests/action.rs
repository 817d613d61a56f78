//! The GitHub Action (`action.yml`): its metadata is valid against the Actions metadata schema
//! (SchemaStore's `github-action.json`, vendored in tests/data), and its shell steps run here
//! as the runner would run them, with the `${{ … }}` expressions the runner would substitute.

use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn action() -> Value {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    serde_norway::from_str(&text).unwrap()
}

#[test]
fn action_metadata_is_valid() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/github-action.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let action = action();
    let errors: Vec<String> = validator
        .iter_errors(&action)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "action.yml: {errors:#?}");
    assert_eq!(action["runs"]["using"], "composite");
    // The SARIF upload and the cache are the steps the runner provides; the rest are ours.
    let uses: Vec<&str> = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["uses"].as_str())
        .collect();
    assert_eq!(
        uses,
        ["actions/cache@v4", "github/codeql-action/upload-sarif@v3"]
    );
}

/// Substitute the `${{ … }}` expressions our `run`/`env` values use.
fn expand(s: &str, ctx: &HashMap<&str, String>) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("${{") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("}}").expect("unterminated expression") + i;
        let expr = rest[i + 3..end].trim();
        let value = ctx
            .get(expr)
            .unwrap_or_else(|| panic!("expression `{expr}` not known to the test"));
        out.push_str(value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

struct Run {
    code: i32,
    stdout: String,
}

fn run_step(step: &Value, ctx: &HashMap<&str, String>, env: &[(&str, &Path)], cwd: &Path) -> Run {
    let script = expand(step["run"].as_str().unwrap(), ctx);
    let mut cmd = Command::new(step["shell"].as_str().unwrap());
    cmd.arg("-c").arg(&script).current_dir(cwd);
    if let Some(vars) = step["env"].as_object() {
        for (k, v) in vars {
            cmd.env(k, expand(v.as_str().unwrap(), ctx));
        }
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

#[test]
fn action_steps_run_as_on_a_runner() {
    let action = action();
    let work = tempfile::tempdir().unwrap();
    let runner_temp = tempfile::tempdir().unwrap();
    std::fs::create_dir(work.path().join(".git")).unwrap();
    std::fs::write(
        work.path().join("main.tf"),
        "resource \"alicloud_security_group_rule\" \"ssh\" {\n  type              = \"ingress\"\n  ip_protocol       = \"tcp\"\n  port_range        = \"22/22\"\n  security_group_id = \"sg-1\"\n  cidr_ip           = \"0.0.0.0/0\"\n}\n",
    )
    .unwrap();
    // The cache step restored a binary: install.sh must take it and not build.
    let bin_dir = runner_temp.path().join("acslint-bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_acslint"), bin_dir.join("acslint")).unwrap();
    let files = tempfile::tempdir().unwrap();
    let summary = files.path().join("summary.md");
    let output = files.path().join("output");
    let path_file = files.path().join("path");
    std::fs::write(&summary, "earlier step's summary\n").unwrap();
    let env = [
        ("GITHUB_STEP_SUMMARY", summary.as_path()),
        ("GITHUB_OUTPUT", output.as_path()),
        ("GITHUB_PATH", path_file.as_path()),
        ("RUNNER_TEMP", runner_temp.path()),
    ];

    let mut ctx: HashMap<&str, String> = HashMap::new();
    ctx.insert("github.action_path", root().display().to_string());
    ctx.insert("github.action_ref", "v0.1.0".into());
    ctx.insert("runner.temp", runner_temp.path().display().to_string());
    for (name, input) in action["inputs"].as_object().unwrap() {
        let key: &'static str = Box::leak(format!("inputs.{name}").into_boxed_str());
        ctx.insert(key, input["default"].as_str().unwrap_or("").to_string());
    }
    ctx.insert("inputs.fail-on", "high".into());

    let steps = action["runs"]["steps"].as_array().unwrap();
    let mut ran = Vec::new();
    for step in steps.iter().filter(|s| s.get("run").is_some()) {
        let name = step["name"].as_str().unwrap();
        if name == "Verdict" {
            // The runner substitutes the step output the run step wrote.
            let outputs = std::fs::read_to_string(&output).unwrap();
            let code = outputs
                .lines()
                .find_map(|l| l.strip_prefix("exit-code="))
                .expect("the run step sets exit-code");
            ctx.insert("steps.check.outputs.exit-code", code.to_string());
        }
        let r = run_step(step, &ctx, &env, work.path());
        ran.push((name.to_string(), r));
    }
    let names: Vec<&str> = ran.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Install acslint", "Run acslint", "Verdict"]);

    let (_, install) = &ran[0];
    assert_eq!(install.code, 0);
    assert!(install.stdout.contains("acslint from cache: acslint "));
    assert_eq!(
        std::fs::read_to_string(&path_file).unwrap().trim(),
        bin_dir.display().to_string()
    );

    let (_, run) = &ran[1];
    assert_eq!(
        run.code, 0,
        "the run step passes the verdict on: {}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("::error file=main.tf,line=") && l.contains(",title=NET001 ")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("acslint exited with 1"));
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(work.path().join("acslint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "NET001");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("earlier step's summary\n## acslint\n"),
        "{md}"
    );
    assert!(md.contains("| `NET001` | "), "{md}");
    assert!(md.contains("| high | `NET001` | `main.tf:"), "{md}");

    let (_, verdict) = &ran[2];
    assert_eq!(verdict.code, 1);
    assert!(verdict.stdout.contains("::error title=acslint::findings"));
}
