//! Pre-apply review of Terraform plan JSON (`terraform show -json`): what each plan change does
//! to the findings, the `.tf` spans of findings, and the plan formats read. The plans under
//! `tests/data/plan` are written by hand to the documented format (no terraform binary here).

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

fn acslint() -> Command {
    let mut c = Command::cargo_bin("acslint").unwrap();
    c.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/plan"));
    c.env_remove("GITHUB_ACTIONS").env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = acslint().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn report(args: &[&str]) -> Value {
    let mut a = vec!["check", "--format", "json"];
    a.extend_from_slice(args);
    let (_, out, err) = run(&a);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"))
}

/// (rule, resource, file, line, column, change) of each finding of a JSON list; files relative
/// to tests/data/plan (JSON names them from the repository root).
fn rows(list: &Value) -> Vec<(String, String, String, u64, u64, Value)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["resource"].as_str().unwrap_or("").to_string(),
                f["file"]
                    .as_str()
                    .unwrap()
                    .strip_prefix("tests/data/plan/")
                    .expect("a repository-relative path")
                    .to_string(),
                f["range"]["start"]["line"].as_u64().unwrap(),
                f["range"]["start"]["column"].as_u64().unwrap(),
                f["change"].clone(),
            )
        })
        .collect()
}

fn row(
    rule: &str,
    resource: &str,
    file: &str,
    line: u64,
    column: u64,
    change: Value,
) -> (String, String, String, u64, u64, Value) {
    (
        rule.into(),
        resource.into(),
        file.into(),
        line,
        column,
        change,
    )
}

const SELECT: &str = "--select=OSS001,RAM020,IAM001,IAM008,LOG001";

#[test]
fn update_introduces_keeps_and_fixes_replace_and_delete() {
    let v = report(&["review/plan.json", SELECT]);
    let p = "review/plan.json";
    assert_eq!(
        rows(&v["findings"]),
        vec![
            row(
                "OSS001",
                "alicloud_oss_bucket.opened",
                p,
                16,
                13,
                json!({"action": "update", "effect": "introduced", "attribute": "acl",
                       "before": "private", "after": "public-read-write"})
            ),
            row(
                "OSS001",
                "alicloud_oss_bucket.legacy",
                p,
                29,
                13,
                json!({"action": "update", "effect": "kept"})
            ),
            // The plan marks this ACL sensitive: its values are not shown.
            row(
                "OSS001",
                "alicloud_oss_bucket.secret",
                p,
                58,
                13,
                json!({"action": "update", "effect": "introduced", "attribute": "acl",
                       "before": "(sensitive)", "after": "(sensitive)"})
            ),
            // A configuration-scope finding: the trail was missing before too.
            row(
                "LOG001",
                "alicloud_ram_policy.admin",
                p,
                63,
                22,
                json!({"action": null, "effect": "kept"})
            ),
            row(
                "RAM020",
                "alicloud_ram_policy.admin",
                p,
                71,
                100,
                json!({"action": "replace", "effect": "introduced", "attribute": "policy_document"})
            ),
            row(
                "OSS001",
                "alicloud_oss_bucket.fresh",
                p,
                84,
                13,
                json!({"action": "create", "effect": "introduced"})
            ),
            // configuration.provider_config: the same IAM rule as a provider block in HCL.
            row(
                "IAM001",
                "provider.alicloud",
                p,
                399,
                31,
                json!({"action": null, "effect": "undetermined"})
            ),
            // configuration.root_module.outputs: a secret output without `sensitive`.
            row(
                "IAM008",
                "output.key_secret",
                p,
                412,
                25,
                json!({"action": "create", "effect": "undetermined"})
            ),
        ]
    );
    // Fixes are listed apart; the drifted ACL of `resource_drift` is not read at all.
    assert_eq!(
        rows(&v["fixed_by_plan"]),
        vec![
            row(
                "OSS001",
                "alicloud_oss_bucket.closed",
                p,
                342,
                15,
                json!({"action": "update", "effect": "fixed", "attribute": "acl",
                       "before": "public-read", "after": "private"})
            ),
            row(
                "OSS001",
                "alicloud_oss_bucket.gone",
                p,
                355,
                15,
                json!({"action": "delete", "effect": "fixed"})
            ),
        ]
    );
}

#[test]
fn human_output_says_what_the_plan_does_and_masks_sensitive_values() {
    let (code, out, err) = run(&["check", "review/plan.json", SELECT]);
    assert_eq!(code, 1);
    assert!(
        out.contains("plan: introduced by this plan (update): `acl` private → public-read-write"),
        "{out}"
    );
    assert!(
        out.contains("plan: already present, kept by this plan (update)\n"),
        "{out}"
    );
    // The sensitive ACL is masked in the snippet (Terraform writes it in clear in the JSON).
    assert!(
        out.contains(" 58 │             \"acl\": \"***********\"\n"),
        "{out}"
    );
    assert!(
        err.contains(
            "fixed by this plan: review/plan.json:342:15: high OSS001 bucket `closed` grants \
             public access through its ACL (alicloud_oss_bucket.closed) [fixed by this plan \
             (update): `acl` public-read → private]\n"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "fixed by this plan: review/plan.json:355:15: high OSS001 bucket `gone` grants public \
             access through its ACL (alicloud_oss_bucket.gone) [fixed by this plan (delete)]\n"
        ),
        "{err}"
    );
}

#[test]
fn introduced_only_and_changed_only() {
    let pick = |args: &[&str]| -> Vec<(String, String)> {
        let mut a = vec!["review/plan.json", SELECT];
        a.extend_from_slice(args);
        rows(&report(&a)["findings"])
            .into_iter()
            .map(|r| (r.0, r.1))
            .collect()
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    // Findings the plan cannot judge (provider settings, outputs) stay: a gate never hides them.
    assert_eq!(
        pick(&["--introduced-only"]),
        vec![
            s("OSS001", "alicloud_oss_bucket.opened"),
            s("OSS001", "alicloud_oss_bucket.secret"),
            s("RAM020", "alicloud_ram_policy.admin"),
            s("OSS001", "alicloud_oss_bucket.fresh"),
            s("IAM001", "provider.alicloud"),
            s("IAM008", "output.key_secret"),
        ]
    );
    assert_eq!(
        pick(&["--changed-only"]),
        vec![
            s("OSS001", "alicloud_oss_bucket.opened"),
            s("OSS001", "alicloud_oss_bucket.legacy"),
            s("OSS001", "alicloud_oss_bucket.secret"),
            s("LOG001", "alicloud_ram_policy.admin"),
            s("RAM020", "alicloud_ram_policy.admin"),
            s("OSS001", "alicloud_oss_bucket.fresh"),
            s("IAM001", "provider.alicloud"),
            s("IAM008", "output.key_secret"),
        ]
    );
    // Findings outside any plan are not what a plan introduces.
    let (code, out, _) = run(&[
        "check",
        "--introduced-only",
        "-f",
        "compact",
        "beside/main.tf",
        "--select=OSS001",
    ]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, _, _) = run(&[
        "check",
        "--introduced-only",
        "--changed-only",
        "review/plan.json",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn deleting_the_only_trail_introduces_log001() {
    let v = report(&["trail/plan.json", "--select=LOG001"]);
    assert_eq!(
        rows(&v["findings"]),
        vec![row(
            "LOG001",
            "alicloud_ram_account_password_policy.p",
            "trail/plan.json",
            8,
            22,
            json!({"action": null, "effect": "introduced"})
        )]
    );
    assert_eq!(
        v["findings"][0]["message"],
        "no `alicloud_actiontrail_trail` exists in this root module or the modules it calls although \
         `alicloud_ram_account_password_policy.p` manages account security"
    );
}

#[test]
fn nested_modules_with_for_each_keys_point_into_their_tf_files() {
    let v = report(&["modules/plan.json"]);
    let addr = r#"module.env["prod"].module.store["logs"].alicloud_oss_bucket.b[0]"#;
    let f = "modules/modules/store/main.tf";
    let created = json!({"action": "create", "effect": "introduced"});
    assert_eq!(
        rows(&v["findings"]),
        vec![
            row("OSS002", addr, f, 4, 1, created.clone()),
            row("OSS003", addr, f, 4, 1, created.clone()),
            row("OSS001", addr, f, 7, 3, created.clone()),
        ]
    );
    assert_eq!(v["findings"][2]["range"]["end"]["column"], 19);
    assert_eq!(
        v["findings"][2]["notes"],
        json!(["planned value at modules/plan.json:23:21"])
    );
    // `--config-dir` names the sources when they are elsewhere; a directory without them leaves
    // the findings on the plan.
    let v = report(&["modules/plan.json", "--config-dir", "review"]);
    assert_eq!(
        v["findings"][2]["file"],
        "tests/data/plan/modules/plan.json"
    );
    assert_eq!(v["findings"][2]["range"]["start"]["line"], 23);
    let v = report(&[
        "trail/plan.json",
        "--config-dir",
        "modules",
        "--select=OSS001",
    ]);
    assert_eq!(v["findings"], json!([]));
}

#[test]
fn the_same_example_as_hcl_and_as_plan_gives_the_same_findings_at_the_same_places() {
    let key = |v: &Value| -> Vec<(String, String, String, u64, u64)> {
        let mut k: Vec<_> = rows(&v["findings"])
            .into_iter()
            // The secret scan reads each file's own text.
            .filter(|r| r.0 != "SEC001")
            .map(|r| (r.0, r.1, r.2, r.3, r.4))
            .collect();
        k.sort();
        k
    };
    let hcl = report(&["beside/main.tf"]);
    let plan = report(&["beside/plan.json"]);
    assert_eq!(key(&hcl), key(&plan));
    let codes: Vec<String> = key(&plan).into_iter().map(|k| k.0).collect();
    assert_eq!(
        codes,
        [
            "IAM001", "IAM002", "IAM004", "IAM008", "LOG001", "OSS001", "OSS002", "OSS003",
            "RAM020"
        ]
    );
    // Both files hold the AccessKey ID.
    let sec = |v: &Value| {
        rows(&v["findings"])
            .into_iter()
            .filter(|r| r.0 == "SEC001")
            .count()
    };
    assert_eq!((sec(&hcl), sec(&plan)), (1, 1));
}

#[test]
fn a_minified_plan_shows_a_window_of_its_line() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/plan/minified/plan.json"),
    )
    .unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.len() > 24_000);
    let (code, out, _) = run(&["check", "minified/plan.json", "--select=OSS001"]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("OSS001(oss-bucket-public-acl)").count(), 18);
    // Each finding shows ~250 characters of the line, never all of it.
    assert!(out.len() < 18 * 1_000, "{} bytes", out.len());
    assert!(out.contains(
        " 1 │ …licloud\",\"schema_version\":0,\"values\":{\"bucket\":\"bucket-001\",\"acl\":\"public-read\",\"tags\":{\"team\":\"storage\",\"index\":\"1\"}},\"sensitive_values\":{…\n"
    ), "{out}");
    // Positions are the file's.
    assert!(out.contains("╭─[minified/plan.json:1:598]"), "{out}");
}

#[test]
fn machine_formats_carry_the_change() {
    let (_, out, _) = run(&[
        "check",
        "review/plan.json",
        "--select=OSS001",
        "-f",
        "sarif",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let r = &v["runs"][0]["results"][0];
    assert_eq!(
        r["properties"]["change"],
        json!({"action": "update", "effect": "introduced", "attribute": "acl",
               "before": "private", "after": "public-read-write"})
    );
    let (_, out, _) = run(&[
        "check",
        "review/plan.json",
        "--select=OSS001",
        "-f",
        "github",
    ]);
    assert!(out.lines().next().unwrap().ends_with(
        "%0Aintroduced by this plan (update): `acl` private → public-read-write%0Ahelp: set the ACL \
         to `private` and share objects with signed URLs or a bucket policy scoped to known \
         principals; add an `alicloud_oss_bucket_public_access_block`"
    ), "{out}");
    let (_, out, _) = run(&[
        "check",
        "review/plan.json",
        "--select=OSS001",
        "-f",
        "gitlab",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v[1]["description"],
        "OSS001: bucket `legacy` grants public access through its ACL (already present, kept by \
         this plan (update))"
    );
}

#[test]
fn plan_format_versions() {
    let dir = tempfile::tempdir().unwrap();
    let plan = |format: &str, version: &str| {
        json!({
            "format_version": format,
            "terraform_version": version,
            "planned_values": {"root_module": {"resources": [{
                "address": "alicloud_oss_bucket.b", "mode": "managed",
                "type": "alicloud_oss_bucket", "name": "b",
                "values": {"bucket": "b", "acl": "public-read"}
            }]}},
            "resource_changes": [{
                "address": "alicloud_oss_bucket.b", "mode": "managed",
                "type": "alicloud_oss_bucket", "name": "b",
                "change": {"actions": ["create"], "before": null,
                           "after": {"bucket": "b", "acl": "public-read"},
                           "after_unknown": {"id": true}}
            }]
        })
        .to_string()
    };
    // Terraform 0.12–1.0 wrote 0.1/0.2, 1.1–1.10 write 1.x; OpenTofu writes 1.2.
    for (i, (f, t)) in [
        ("0.1", "0.12.31"),
        ("0.2", "1.0.11"),
        ("1.0", "1.1.9"),
        ("1.1", "1.3.10"),
        ("1.2", "1.10.5"),
        ("1.2", "1.8.3"),
    ]
    .iter()
    .enumerate()
    {
        let p = dir.path().join(format!("p{i}.json"));
        std::fs::write(&p, plan(f, t)).unwrap();
        let out = Command::cargo_bin("acslint")
            .unwrap()
            .args(["check", "-f", "compact", "--select=OSS001"])
            .arg(&p)
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.contains("OSS001 bucket `b` grants public access through its ACL [introduced by this plan (create)]"),
            "{f} {t}: {out}"
        );
    }
    let p = dir.path().join("future.json");
    std::fs::write(&p, plan("2.0", "2.0.0")).unwrap();
    let out = Command::cargo_bin("acslint")
        .unwrap()
        .args(["check", "-f", "compact"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.ends_with(
            ":1:1: high TF002 the plan's format_version `2.0` (written by version 2.0.0) is not \
             one acslint reads (0.x and 1.x: Terraform 0.12 to 1.10 and OpenTofu); the plan was \
             not analysed\n"
        ),
        "{out}"
    );
}
