//! The fixture harness: every rule has failing and passing cases under `fixtures/<CODE>/`, and
//! each case must produce exactly the findings its expectations name (see the README).

use acslint::engine::Selection;
use acslint::lint::{self, LintOptions};
use acslint::report::{self, Format, HumanStyle, Report};
use acslint::rules::{Registry, Rule};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expect {
    unknown: bool,
    code: String,
    file: PathBuf,
    line: usize,
    column: Option<usize>,
}

fn files_of(case: &Path) -> Vec<PathBuf> {
    if case.is_file() {
        let sidecar = PathBuf::from(format!("{}.expect", case.display()));
        return std::iter::once(case.to_path_buf())
            .chain(sidecar.is_file().then_some(sidecar))
            .collect();
    }
    let mut v: Vec<PathBuf> = ignore::WalkBuilder::new(case)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect();
    v.sort();
    v
}

fn parse_spec(spec: &str) -> (String, Option<usize>) {
    match spec.split_once(':') {
        Some((c, col)) => (c.trim().to_string(), col.trim().parse().ok()),
        None => (spec.trim().to_string(), None),
    }
}

/// Expectations written in a case: `# expect: CODE[:COL]` comments in HCL, `.expect` sidecars.
fn expectations(case: &Path) -> Vec<Expect> {
    let mut out = Vec::new();
    for f in files_of(case) {
        let name = f.to_string_lossy().to_string();
        if let Some(target) = name.strip_suffix(".expect") {
            let text = std::fs::read_to_string(&f).unwrap();
            for line in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let mut parts: Vec<&str> = line.split_whitespace().collect();
                let unknown = parts.first() == Some(&"unknown");
                if unknown {
                    parts.remove(0);
                }
                assert_eq!(
                    parts.len(),
                    2,
                    "{}: bad expectation line `{line}`",
                    f.display()
                );
                let (l, c) = parse_spec(parts[1]);
                out.push(Expect {
                    unknown,
                    code: parts[0].to_string(),
                    file: PathBuf::from(target),
                    line: l
                        .parse()
                        .unwrap_or_else(|_| panic!("{}: bad line in `{line}`", f.display())),
                    column: c,
                });
            }
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let hcl = [".tf", ".tfvars", ".hcl"].iter().any(|e| name.ends_with(e));
        if !hcl {
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            for (marker, unknown) in [("# expect-unknown:", true), ("# expect:", false)] {
                if let Some(pos) = line.find(marker) {
                    for spec in line[pos + marker.len()..].split(',') {
                        let (code, column) = parse_spec(spec);
                        out.push(Expect {
                            unknown,
                            code,
                            file: f.clone(),
                            line: i + 1,
                            column,
                        });
                    }
                    break;
                }
            }
        }
    }
    out.sort();
    out
}

/// `fixtures/<CODE>/options.json`: `max_file_size`, `rule_options` (rule code → options), and
/// `also_enable`: rules run alongside (for rules about other rules, such as unused
/// suppressions); they must report nothing in the cases.
fn options_for(dir: &Path) -> (LintOptions, Selection) {
    // A case looks at its rule alone: the diagnostics of unchecked code are not forced in.
    let mut opts = LintOptions {
        allow_incomplete: true,
        ..Default::default()
    };
    let mut sel = Selection::default();
    let p = dir.join("options.json");
    if let Ok(text) = std::fs::read_to_string(&p) {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        if let Some(n) = v.get("max_file_size").and_then(|n| n.as_u64()) {
            opts.max_file_size = n;
        }
        // Fault injection (TF006): files containing this marker panic during the analysis.
        if let Some(m) = v.get("inject_panic").and_then(|m| m.as_str()) {
            opts.inject_panic = Some(m.to_string());
        }
        if let Some(serde_json::Value::Object(o)) = v.get("rule_options") {
            for (code, opts) in o {
                sel.options
                    .insert(code.clone(), opts.as_object().cloned().unwrap_or_default());
            }
        }
        for r in v
            .get("also_enable")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            sel.enabled.extend(r.as_str().map(std::sync::Arc::from));
        }
    }
    (opts, sel)
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.to_string_lossy().ends_with(".expect"))
        .collect();
    v.sort();
    v
}

struct CaseResult {
    failures: Vec<String>,
    rendered: String,
}

fn run_case(
    reg: &Registry,
    rule: &Rule,
    case: &Path,
    failing: bool,
    base: &(LintOptions, Selection),
) -> CaseResult {
    let mut opts = base.0.clone();
    opts.paths = vec![case.to_path_buf()];
    // Each file is a case of its own, whatever else its directory holds.
    opts.files_alone = true;
    opts.discover.respect_ignore_files = false;
    let mut sel = base.1.clone();
    sel.enabled.insert(rule.id.clone());
    let res = lint::lint(&opts, reg, &sel).unwrap_or_else(|e| panic!("{}: {e}", case.display()));
    let expected: Vec<Expect> = expectations(case)
        .into_iter()
        .filter(|e| e.code == *rule.id)
        .collect();
    let mut failures = Vec::new();
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());

    let mut actual: BTreeSet<(PathBuf, usize, usize)> = BTreeSet::new();
    for f in &res.findings {
        let file = res.sources.get(f.file);
        let lc = f
            .loc
            .map(|l| file.line_col(l.start as usize))
            .unwrap_or(acslint::source::LineCol { line: 1, column: 1 });
        actual.insert((canon(&file.path), lc.line, lc.column));
    }
    let want: Vec<&Expect> = expected.iter().filter(|e| !e.unknown).collect();
    if !failing && !want.is_empty() {
        failures.push(format!(
            "{}: a passing case must not expect findings",
            case.display()
        ));
    }
    if failing && want.is_empty() {
        failures.push(format!(
            "{}: a failing case must expect at least one {} finding",
            case.display(),
            rule.id
        ));
    }
    let mut matched = BTreeSet::new();
    for e in &want {
        let file = canon(&e.file);
        let hit = actual.iter().find(|(p, l, c)| {
            *p == file
                && *l == e.line
                && e.column.is_none_or(|col| col == *c)
                && !matched.contains(&(p.clone(), *l, *c))
        });
        match hit {
            Some(h) => {
                matched.insert(h.clone());
            }
            None => failures.push(format!(
                "{}:{}{}: expected {} but it was not reported",
                e.file.display(),
                e.line,
                e.column.map(|c| format!(":{c}")).unwrap_or_default(),
                e.code
            )),
        }
    }
    for a in actual.difference(&matched) {
        failures.push(format!(
            "{}:{}:{}: unexpected {} finding",
            a.0.display(),
            a.1,
            a.2,
            rule.id
        ));
    }
    for e in expected.iter().filter(|e| e.unknown) {
        let file = canon(&e.file);
        let found = res.unknowns.iter().any(|u| {
            let f = res.sources.get(u.file);
            u.rule == *rule.id
                && canon(&f.path) == file
                && u.loc.map(|l| f.line_col(l.start as usize).line) == Some(e.line)
        });
        if !found {
            failures.push(format!(
                "{}:{}: expected an unknown note for {}",
                e.file.display(),
                e.line,
                e.code
            ));
        }
    }
    let report = Report {
        sources: &res.sources,
        findings: &res.findings,
        unknowns: &res.unknowns,
        files: res.files,
    };
    let rendered = report::render(
        Format::Human,
        &report,
        &HumanStyle {
            color: false,
            width: 100,
            hyperlinks: false,
        },
    );
    CaseResult { failures, rendered }
}

#[test]
fn every_rule_has_fixtures_and_they_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root).unwrap();
    let reg = Registry::builtin();
    let mut failures = Vec::new();
    let mut snapshots = Vec::new();
    for rule in reg.sorted() {
        let dir = Path::new("fixtures").join(&*rule.id);
        let fail = cases(&dir.join("fail"));
        let pass = cases(&dir.join("pass"));
        if fail.is_empty() || pass.is_empty() {
            failures.push(format!(
                "{}: needs both fixtures/{}/fail/ and fixtures/{}/pass/ cases",
                rule.id, rule.id, rule.id
            ));
            continue;
        }
        let base = options_for(&dir);
        let mut snapshot = String::new();
        for case in &fail {
            let r = run_case(reg, rule, case, true, &base);
            failures.extend(r.failures);
            snapshot.push_str(&format!("── {} ──\n", case.display()));
            snapshot.push_str(&r.rendered);
        }
        for case in &pass {
            failures.extend(run_case(reg, rule, case, false, &base).failures);
        }
        snapshots.push((rule.id.to_string(), snapshot));
    }
    // Fixture directories must belong to a rule.
    for e in std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(Result::ok)
    {
        let name = e.file_name().to_string_lossy().to_string();
        if reg.get(&name).is_none() {
            failures.push(format!("fixtures/{name}: no rule has this code"));
        }
    }
    assert!(
        failures.is_empty(),
        "fixture failures:\n{}",
        failures.join("\n")
    );
    // One snapshot per rule of the human rendering of its failing cases: messages, spans, help.
    for (id, snapshot) in snapshots {
        insta::with_settings!({snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!(id, snapshot);
        });
    }
}

/// Rules whose page cannot show an example (it says why, under `No example:`).
const NO_EXAMPLE: &[&str] = &["RAM013", "TF002", "TF003", "TF006"];

/// The files of an example code block: `# file: PATH` lines start another file; the first is
/// `main.tf` (HCL) or `policy.json` (JSON).
fn example_files(lang: &str, body: &str) -> Vec<(String, String)> {
    let first = if lang == "json" {
        "policy.json"
    } else {
        "main.tf"
    };
    let mut files = vec![(first.to_string(), String::new())];
    for line in body.lines() {
        if let Some(p) = line.strip_prefix("# file: ") {
            files.push((p.trim().to_string(), String::new()));
        } else {
            let text = &mut files.last_mut().unwrap().1;
            text.push_str(line);
            text.push('\n');
        }
    }
    files
}

/// The code block that follows the first line labelled `label` in a rule's docs (`Bad:`,
/// `### Bad`, `Good (…):`): (language, body).
fn example_after<'a>(docs: &'a str, label: &str) -> Option<(&'a str, &'a str)> {
    let mut at = None;
    let mut offset = 0;
    for line in docs.split_inclusive('\n') {
        if line.trim_start_matches('#').trim_start().starts_with(label) {
            at = Some(offset);
            break;
        }
        offset += line.len();
    }
    let rest = &docs[at?..];
    let after = &rest[rest.find("```")? + 3..];
    let nl = after.find('\n')?;
    let body = &after[nl + 1..];
    Some((after[..nl].trim(), &body[..body.find("```")?]))
}

/// Every rule page's examples: the one labelled "Bad" triggers the rule, the one labelled
/// "Good" does not, and neither leaves the rule undecided (with the rule's fixture options,
/// e.g. its `accounts`).
#[test]
fn every_rule_page_has_bad_and_good_examples_that_hold() {
    let reg = Registry::builtin();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    for rule in reg.sorted() {
        let docs = &rule.docs;
        if NO_EXAMPLE.contains(&&*rule.id) {
            if !docs.contains("\nNo example: ") {
                failures.push(format!("{}: says why it has no example", rule.id));
            }
            continue;
        }
        let base = options_for(&root.join("fixtures").join(&*rule.id));
        for (label, bad) in [("Bad", true), ("Good", false)] {
            let Some((lang, body)) = example_after(docs, label) else {
                failures.push(format!("{}: no example labelled {label}", rule.id));
                continue;
            };
            let dir = tempfile::tempdir().unwrap();
            for (name, text) in example_files(lang, body) {
                let p = dir.path().join(name);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, text).unwrap();
            }
            let mut opts = base.0.clone();
            opts.paths = vec![dir.path().to_path_buf()];
            opts.discover.respect_ignore_files = false;
            let mut sel = base.1.clone();
            sel.enabled.insert(rule.id.clone());
            let res = lint::lint(&opts, reg, &sel).unwrap();
            let n = res.findings.iter().filter(|f| f.rule == rule.id).count();
            if bad && n == 0 {
                failures.push(format!("{}: the Bad example does not trigger it", rule.id));
            }
            if !bad && n > 0 {
                failures.push(format!(
                    "{}: the Good example triggers it {n} time(s)",
                    rule.id
                ));
            }
            // Neither example may leave the rule undecided: a Good example must pass because it
            // is right, not because the rule could not decide (an unknown value is never a
            // finding, but it is not a fix either), and a Bad example shows only what is
            // reported.
            for u in res.unknowns.iter().filter(|u| *u.rule == *rule.id) {
                failures.push(format!(
                    "{}: the {label} example is undecided: {}",
                    rule.id, u.reason
                ));
            }
            // A Good example must not pass by suppressing the rule, nor say that something in it
            // is reported.
            if !bad {
                let n = res
                    .suppressed
                    .iter()
                    .filter(|s| s.finding.rule == rule.id)
                    .count();
                if n > 0 {
                    failures.push(format!(
                        "{}: the Good example passes only by suppressing it {n} time(s)",
                        rule.id
                    ));
                }
                if body.contains("# reported") {
                    failures.push(format!(
                        "{}: the Good example has a `# reported` comment",
                        rule.id
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every finding, suppressed finding and unknown of a result, with its file's path: what a
/// lint of one file reports.
fn reported(r: &lint::LintResult) -> Vec<String> {
    let path = |id: acslint::source::FileId| r.sources.get(id).path.display().to_string();
    let mut out: Vec<String> = r
        .findings
        .iter()
        .map(|f| format!("finding {} {f:?}", path(f.file)))
        .collect();
    out.extend(
        r.suppressed
            .iter()
            .map(|s| format!("suppressed {} {:?}", path(s.finding.file), s.finding)),
    );
    out.extend(
        r.unknowns
            .iter()
            .map(|u| format!("unknown {} {u:?}", path(u.file))),
    );
    out
}

/// Linting one file of a module checks only its own resources and documents (and those linked
/// to them), the whole module being built and evaluated: the same findings, spans, messages and
/// unknowns as checking every resource of the module and keeping that file's.
fn same_as_checking_the_whole_module(dir: &Path, reg: &Registry, sel: &Selection) -> usize {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && acslint::lint::target::in_module(p))
        .collect();
    files.sort();
    let mut opts = LintOptions {
        allow_incomplete: true,
        ..Default::default()
    };
    let mut compared = 0;
    for f in &files {
        opts.check_neighbours = false;
        let only = lint::lint_file(&opts, reg, sel, f, None).unwrap();
        opts.check_neighbours = true;
        let all = lint::lint_file(&opts, reg, sel, f, None).unwrap();
        assert_eq!(reported(&only), reported(&all), "{}", f.display());
        assert_eq!(only.files, all.files, "{}", f.display());
        compared += only.findings.len() + only.unknowns.len();
    }
    compared
}

fn all_rules(reg: &Registry) -> Selection {
    let mut sel = Selection::default();
    sel.enabled.extend(reg.ids().iter().cloned());
    sel
}

#[test]
fn one_file_checked_alone_reports_what_its_whole_module_reports_for_it() {
    let reg = Registry::builtin();
    let sel = all_rules(reg);
    let mut dirs = vec![PathBuf::from("fixtures")];
    let (mut modules, mut compared) = (0, 0);
    while let Some(d) = dirs.pop() {
        let entries: Vec<PathBuf> = std::fs::read_dir(&d)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        dirs.extend(entries.iter().filter(|p| p.is_dir()).cloned());
        let tf = entries
            .iter()
            .filter(|p| p.is_file() && acslint::lint::target::in_module(p))
            .count();
        if tf >= 2 {
            modules += 1;
            compared += same_as_checking_the_whole_module(&d, reg, &sel);
        }
    }
    // The walk found the multi-file fixture directories and they report something.
    assert!(modules > 40, "{modules} directories");
    assert!(compared > 100, "{compared} findings and unknowns");
}

#[test]
fn one_file_checked_alone_across_split_resources_module_calls_and_read_policies() {
    let reg = Registry::builtin();
    let sel = all_rules(reg);
    let d = tempfile::tempdir().unwrap();
    let files: &[(&str, &str)] = &[
        // A bucket here, its ACL and logging split into other files; a trail there logging to it.
        (
            "root/bucket.tf",
            "resource \"alicloud_oss_bucket\" \"b\" {\n  bucket = var.bucket\n}\n",
        ),
        (
            "root/acl.tf",
            "resource \"alicloud_oss_bucket_acl\" \"a\" {\n  bucket = alicloud_oss_bucket.b.bucket\n  acl    = \"public-read\"\n}\n\nresource \"alicloud_oss_bucket_acl\" \"by_name\" {\n  bucket = \"named\"\n  acl    = \"public-read-write\"\n}\n",
        ),
        (
            "root/named.tf",
            "resource \"alicloud_oss_bucket\" \"named\" {\n  bucket = \"named\"\n}\n\nresource \"alicloud_oss_bucket\" \"open\" {\n  bucket = var.unset\n}\n",
        ),
        // Linked by the same unknown (an unset variable).
        (
            "root/open.tf",
            "variable \"unset\" {}\n\nresource \"alicloud_oss_bucket_acl\" \"open\" {\n  bucket = var.unset\n  acl    = \"public-read\"\n}\n",
        ),
        // A trail reaching logstores of another file through an ARN.
        (
            "root/sls.tf",
            "resource \"alicloud_log_project\" \"p\" {\n  project_name = \"audit\"\n}\n\nresource \"alicloud_log_store\" \"s\" {\n  project_name     = alicloud_log_project.p.project_name\n  logstore_name    = \"events\"\n  retention_period = 7\n}\n",
        ),
        (
            "root/trail2.tf",
            "resource \"alicloud_actiontrail_trail\" \"sls\" {\n  trail_name      = \"sls\"\n  sls_project_arn = \"acs:log:cn-hangzhou:123:project/audit\"\n}\n",
        ),
        (
            "root/trail.tf",
            "resource \"alicloud_actiontrail_trail\" \"t\" {\n  trail_name      = \"t\"\n  oss_bucket_name = alicloud_oss_bucket.b.bucket\n  event_rw        = \"Write\"\n}\n",
        ),
        (
            "root/variables.tf",
            "variable \"bucket\" {\n  default = \"logs\"\n}\n\nvariable \"user\" {\n  default = \"admin\"\n}\n\nvariable \"open\" {\n  default = \"0.0.0.0/0\"\n}\n",
        ),
        ("root/terraform.tfvars", "open = \"0.0.0.0/0\"\n"),
        (
            "root/policy.tf",
            "resource \"alicloud_ram_policy\" \"p\" {\n  policy_name     = \"p\"\n  policy_document = file(\"${path.module}/admin.json\")\n}\n",
        ),
        (
            "root/admin.json",
            "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}\n",
        ),
        (
            "root/main.tf",
            "provider \"alicloud\" {\n  region = \"cn-hangzhou\"\n}\n\nmodule \"m\" {\n  source = \"../mod\"\n  name   = var.user\n  cidr   = var.open\n}\n",
        ),
        (
            "mod/main.tf",
            "variable \"name\" {}\nvariable \"cidr\" {}\n\nresource \"alicloud_ram_user\" \"u\" {\n  name = var.name\n}\n\nresource \"alicloud_security_group_rule\" \"r\" {\n  type              = \"ingress\"\n  ip_protocol       = \"tcp\"\n  port_range        = \"22/22\"\n  cidr_ip           = var.cidr\n  security_group_id = \"sg-1\"\n}\n",
        ),
        (
            "mod/other.tf",
            "resource \"alicloud_oss_bucket\" \"x\" {\n  bucket = var.name\n  acl    = \"public-read\"\n}\n",
        ),
    ];
    for (name, text) in files {
        let p = d.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let a = same_as_checking_the_whole_module(&d.path().join("root"), reg, &sel);
    let b = same_as_checking_the_whole_module(&d.path().join("mod"), reg, &sel);
    assert!(a > 5 && b > 0, "{a} {b}");
}
