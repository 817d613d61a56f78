//! Terraform evaluation end to end: directories under tests/data/eval/ are loaded into a
//! workspace and the evaluated values (and their spans) are checked.

use acslint::discover::KindHint;
use acslint::lint::build_workspace_with;
use acslint::source::{FileKind, Loc, SourceMap};
use acslint::tf::{EvalOptions, Workspace};
use acslint::value::Value;
use std::path::{Path, PathBuf};

fn load_opts(dir: &str, opts: &EvalOptions) -> (SourceMap, Workspace) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/eval")
        .join(dir);
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(&root)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.is_file() && !p.components().any(|c| c.as_os_str() == ".terraform"))
        .collect();
    files.sort();
    let mut sources = SourceMap::default();
    for p in files {
        let kind = match KindHint::of(&p) {
            Some(KindHint::Hcl) => FileKind::Hcl,
            Some(KindHint::Tfvars) => FileKind::Tfvars,
            Some(KindHint::TfvarsJson) => FileKind::TfvarsJson,
            Some(KindHint::Json) => {
                let t = std::fs::read_to_string(&p).unwrap();
                match acslint::discover::sniff_json(&t) {
                    Some(k) => k,
                    None => continue,
                }
            }
            _ => continue,
        };
        let text = std::fs::read_to_string(&p).unwrap();
        let display = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        sources.add(p, display, kind, text.into());
    }
    let ws = build_workspace_with(&sources, opts);
    (sources, ws)
}

fn load(dir: &str) -> (SourceMap, Workspace) {
    load_opts(dir, &EvalOptions::default())
}

/// `file:line:col` of a span start.
fn at(sources: &SourceMap, loc: Option<Loc>) -> String {
    let Some(l) = loc else { return "-".into() };
    let f = sources.get(l.file);
    let lc = f.line_col(l.start as usize);
    format!("{}:{}:{}", f.display, lc.line, lc.column)
}

fn action(doc: &Value) -> &Value {
    doc.get("Statement").unwrap().as_list().unwrap()[0]
        .get("Action")
        .unwrap()
}

#[test]
fn action_from_a_variable_default_in_another_file() {
    let (src, ws) = load("var_default");
    assert_eq!(ws.documents.len(), 1);
    let d = &ws.documents[0];
    assert_eq!(d.resource.as_deref(), Some("alicloud_ram_policy.admin"));
    let a = action(&d.value).as_list().unwrap();
    assert_eq!(a[1].as_str(), Some("*"));
    // The span is where the value is written: the default in variables.tf.
    assert_eq!(at(&src, a[1].loc), "variables.tf:3:31");
    assert_eq!(at(&src, d.loc), "main.tf:3:21");
}

#[test]
fn action_from_terraform_tfvars_in_a_heredoc() {
    let (src, ws) = load("tfvars");
    assert_eq!(ws.documents.len(), 1);
    let d = &ws.documents[0];
    assert_eq!(action(&d.value).as_str(), Some("ram:*"));
    // Interpolated heredoc: the document is parsed from the rendered text.
    assert_eq!(at(&src, d.loc), "main.tf:7:21");
    // --var overrides the tfvars file.
    let opts = EvalOptions {
        vars: vec![("action".into(), "ecs:Describe*".into())],
        ..Default::default()
    };
    let (_, ws) = load_opts("tfvars", &opts);
    assert_eq!(
        action(&ws.documents[0].value).as_str(),
        Some("ecs:Describe*")
    );
    // TF_VAR_ loses against terraform.tfvars.
    let opts = EvalOptions {
        env: vec![("TF_VAR_action".into(), "oss:*".into())],
        ..Default::default()
    };
    let (_, ws) = load_opts("tfvars", &opts);
    assert_eq!(action(&ws.documents[0].value).as_str(), Some("ram:*"));
}

#[test]
fn action_through_a_local_module_input() {
    let (src, ws) = load("module");
    assert_eq!(
        ws.configurations.len(),
        1,
        "the called module is not a root"
    );
    let cfg = &ws.configurations[0];
    let b = cfg
        .blocks
        .iter()
        .find(|b| b.address == "module.account.alicloud_ram_policy.admin")
        .expect("module block");
    assert_eq!(
        b.value.get("policy_name").unwrap().as_str(),
        Some("admin-prod")
    );
    assert_eq!(b.call_sites.len(), 1);
    assert_eq!(at(&src, Some(b.call_sites[0])), "main.tf:1:1");
    assert_eq!(ws.documents.len(), 1);
    let d = &ws.documents[0];
    assert_eq!(
        d.resource.as_deref(),
        Some("module.account.alicloud_ram_policy.admin")
    );
    let a = action(&d.value).as_list().unwrap();
    assert_eq!(a[0].as_str(), Some("*"));
    assert_eq!(at(&src, a[0].loc), "main.tf:3:14");
    // The remote module is reported once as not analysed, at its source.
    let tf004: Vec<_> = ws.emits.iter().filter(|e| e.rule == "TF004").collect();
    assert_eq!(tf004.len(), 1);
    assert_eq!(at(&src, tf004[0].loc), "main.tf:12:13");
}

#[test]
fn for_each_over_a_map_and_count() {
    let (src, ws) = load("for_each");
    let cfg = &ws.configurations[0];
    let addrs: Vec<&str> = cfg.blocks.iter().map(|b| b.address.as_str()).collect();
    assert_eq!(
        addrs,
        [
            "alicloud_ram_policy.p[\"readonly\"]",
            "alicloud_ram_policy.p[\"admin\"]",
            "alicloud_ram_user.u[0]",
            "alicloud_ram_user.u[1]"
        ]
    );
    assert_eq!(
        cfg.blocks[3].value.get("name").unwrap().as_str(),
        Some("user-1")
    );
    let admin = ws
        .documents
        .iter()
        .find(|d| d.resource.as_deref() == Some("alicloud_ram_policy.p[\"admin\"]"))
        .unwrap();
    let a = action(&admin.value).as_list().unwrap();
    assert_eq!(a[0].as_str(), Some("*"));
    assert_eq!(at(&src, a[0].loc), "main.tf:4:16");
}

#[test]
fn jsonencode_with_a_local() {
    let (src, ws) = load("jsonencode_local");
    let d = &ws.documents[0];
    let st = &d.value.get("Statement").unwrap().as_list().unwrap()[0];
    assert_eq!(st.get("Action").unwrap().as_str(), Some("*"));
    assert_eq!(at(&src, st.get("Action").unwrap().loc), "main.tf:4:16");
    assert_eq!(at(&src, st.entry("Action").unwrap().key_loc), "main.tf:4:5");
}

#[test]
fn an_unset_variable_is_unknown() {
    let (src, ws) = load("unknown_var");
    let d = &ws.documents[0];
    let a = action(&d.value);
    let u = a.as_unknown().expect("unknown");
    assert_eq!(&*u.reason, "variable `action` has no value");
    assert_eq!(at(&src, a.loc), "main.tf:7:47");
}

#[test]
fn policy_document_data_source() {
    let (src, ws) = load("data_doc");
    assert_eq!(ws.documents.len(), 1);
    let d = &ws.documents[0];
    let v = &d.value;
    assert_eq!(v.get("Version").unwrap().as_str(), Some("1"));
    let st = v.get("Statement").unwrap().as_list().unwrap();
    assert_eq!(st.len(), 2);
    assert_eq!(st[0].get("Action").unwrap().as_str(), Some("*"));
    assert_eq!(at(&src, st[0].get("Action").unwrap().loc), "main.tf:4:17");
    assert_eq!(
        st[0].get("Condition").unwrap().to_json(),
        serde_json::json!({"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}})
    );
    assert_eq!(st[1].get("Effect").unwrap().as_str(), Some("Allow"));
    assert_eq!(
        st[1].get("Principal").unwrap().to_json(),
        serde_json::json!({"Service": ["ecs.aliyuncs.com"]})
    );
}

#[test]
fn expression_rules_with_attached_resources_and_unknowns() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/oss_rule");
    let out = assert_cmd::Command::cargo_bin("acslint")
        .unwrap()
        .current_dir(&dir)
        .args([
            "check",
            "--rules",
            "rules.hcl",
            "--select",
            "TST",
            "--format",
            "compact",
            "--show-unknown",
            ".",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.contains("TST")).collect();
    // Versioned inline, by an attached resource referring to the bucket, or by its name: pass.
    // Suspended: a finding on `status`; the acl from an unset variable: an unknown, no finding.
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("tests/data/eval/oss_rule/main.tf:32:5: "),
        "{stdout}"
    );
    assert!(lines[0].contains("TST001"), "{stdout}");
    assert!(
        lines[0].ends_with("bucket `suspended` keeps no object versions"),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        "tests/data/eval/oss_rule/main.tf:30:12: unknown TST002 (alicloud_oss_bucket.suspended): variable `acl` has no value"
    );
}

#[test]
fn plan_json_resources_and_documents() {
    let (src, ws) = load("plan");
    let cfg = &ws.configurations[0];
    let addrs: Vec<&str> = cfg.blocks.iter().map(|b| b.address.as_str()).collect();
    assert_eq!(
        addrs,
        [
            "alicloud_ram_policy.admin",
            "module.logs.alicloud_oss_bucket.b"
        ]
    );
    let b = &cfg.blocks[1];
    assert_eq!(&*b.module, "module.logs");
    assert_eq!(b.value.get("acl").unwrap().as_str(), Some("private"));
    assert_eq!(
        b.value
            .get("id")
            .unwrap()
            .as_unknown()
            .unwrap()
            .reference
            .as_deref(),
        Some("module.logs.alicloud_oss_bucket.b.id")
    );
    assert_eq!(at(&src, Some(b.header)), "plan.json:23:26");
    assert_eq!(ws.documents.len(), 1);
    assert_eq!(action(&ws.documents[0].value).as_str(), Some("*"));
}

#[test]
fn ids_and_arns_of_declared_resources_are_unknown_but_set() {
    let (_, ws) = load("set_refs");
    let web = ws.configurations[0]
        .blocks
        .iter()
        .find(|b| b.address == "alicloud_instance.web")
        .unwrap();
    let attr = |k: &str| web.value.get(k).unwrap();
    // Through a module output, from a `for_each` instance; IDs, ARNs, an element of `ids`.
    // The list of IDs a data source found is set too (its length is not known).
    for k in [
        "vswitch_id",
        "kms_key_id",
        "key_arn",
        "role_arn",
        "found",
        "found_ids",
    ] {
        assert!(attr(k).is_present_unknown(), "{k}: {:?}", attr(k));
    }
    assert_eq!(
        attr("vswitch_id")
            .as_unknown()
            .unwrap()
            .reference
            .as_deref(),
        Some("module.net.alicloud_vswitch.app[\"a\"].id")
    );
    assert_eq!(
        attr("found").as_unknown().unwrap().reference.as_deref(),
        Some("data.alicloud_vswitches.found.ids[0]")
    );
    // An attribute read from the whole instance object is set too.
    assert!(attr("whole").get("description").is_some());
    // An optional attribute left out may be null: a plain unknown.
    let rotation = attr("rotation");
    assert!(rotation.is_unknown() && !rotation.is_present_unknown());
    // A resource with `count = 0` has no instance: there is no ID to read.
    assert!(attr("first").is_null());
}

/// Every node of a value with its span and origin, one per line, for comparing evaluations.
fn dump(src: &SourceMap, v: &Value, path: &str, out: &mut Vec<String>) {
    use acslint::value::Kind;
    let origin = v.origin.as_deref().unwrap_or("-");
    let shown = match &v.kind {
        Kind::List(_) => "list".to_string(),
        Kind::Object(_) => "object".to_string(),
        _ if v.is_present_unknown() => format!("{v} set"),
        _ => v.to_string(),
    };
    out.push(format!("{path} = {shown} @{} <{origin}>", at(src, v.loc)));
    match &v.kind {
        Kind::List(items) => {
            for (i, x) in items.iter().enumerate() {
                dump(src, x, &format!("{path}[{i}]"), out);
            }
        }
        Kind::Object(es) => {
            for e in es {
                dump(src, &e.value, &format!("{path}.{}", e.key), out);
            }
        }
        _ => {}
    }
}

/// What traversals read out of `each`, locals, module outputs, splats and the functions that
/// take their arguments apart (`concat`, `merge`, `lookup`): values, spans and origins as a
/// copy of the whole value would give (a member without a span of its own keeps none).
#[test]
fn members_read_through_each_locals_outputs_and_splats() {
    let (src, ws) = load("members");
    let cfg = ws
        .configurations
        .iter()
        .find(|c| c.blocks.iter().any(|b| b.address == "alicloud_vpc.f"))
        .unwrap();
    let mut out = Vec::new();
    for b in cfg
        .blocks
        .iter()
        .filter(|b| !b.address.starts_with("alicloud_vswitch"))
    {
        dump(&src, &b.value, &b.address, &mut out);
    }
    let expected = [
        "alicloud_oss_bucket.c[0] = object @- <->",
        "alicloud_oss_bucket.c[0].bucket = c0 @main.tf:23:12 <->",
        "alicloud_oss_bucket.c[1] = object @- <->",
        "alicloud_oss_bucket.c[1].bucket = c1 @main.tf:23:12 <->",
        "data.alicloud_kms_keys.k[0] = object @- <->",
        "alicloud_oss_bucket.b[\"dev\"] = object @- <->",
        "alicloud_oss_bucket.b[\"dev\"].bucket = d @main.tf:3:27 <->",
        "alicloud_oss_bucket.b[\"dev\"].acl = object @main.tf:3:18 <->",
        "alicloud_oss_bucket.b[\"dev\"].acl.name = d @main.tf:3:27 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags = object @main.tf:34:10 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.k = dev @- <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.a = x @main.tf:2:16 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.b = y @main.tf:2:36 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.o = z @m/main.tf:2:17 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.oo = object @m/main.tf:2:11 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.oo.v = z @m/main.tf:2:17 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.oo.w = list @m/main.tf:2:26 <->",
        "alicloud_oss_bucket.b[\"dev\"].tags.oo.w[0] = q @m/main.tf:2:27 <->",
        "alicloud_oss_bucket.b[\"prod\"] = object @- <->",
        "alicloud_oss_bucket.b[\"prod\"].bucket = p @main.tf:3:50 <->",
        "alicloud_oss_bucket.b[\"prod\"].acl = object @main.tf:3:41 <->",
        "alicloud_oss_bucket.b[\"prod\"].acl.name = p @main.tf:3:50 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags = object @main.tf:34:10 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.k = prod @- <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.a = x @main.tf:2:16 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.b = y @main.tf:2:36 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.o = z @m/main.tf:2:17 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.oo = object @m/main.tf:2:11 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.oo.v = z @m/main.tf:2:17 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.oo.w = list @m/main.tf:2:26 <->",
        "alicloud_oss_bucket.b[\"prod\"].tags.oo.w[0] = q @m/main.tf:2:27 <->",
        "alicloud_oss_bucket.s[\"s1\"] = object @- <->",
        "alicloud_oss_bucket.s[\"s1\"].bucket = s1 @main.tf:44:21 <->",
        "alicloud_oss_bucket.s[\"s1\"].acl = s1 @- <->",
        "alicloud_oss_bucket.s[\"s2\"] = object @- <->",
        "alicloud_oss_bucket.s[\"s2\"].bucket = s2 @main.tf:44:27 <->",
        "alicloud_oss_bucket.s[\"s2\"].acl = s2 @- <->",
        "alicloud_vpc.f = object @- <->",
        "alicloud_vpc.f.vpc_name = f @main.tf:50:17 <->",
        "alicloud_vpc.f.description = x @main.tf:2:16 <->",
        "alicloud_vpc.f.tags = object @main.tf:52:10 <->",
        "alicloud_vpc.f.tags.names = list @main.tf:53:13 <->",
        "alicloud_vpc.f.tags.names[0] = n0 @main.tf:14:18 <alicloud_vswitch.v[0].vswitch_name>",
        "alicloud_vpc.f.tags.names[1] = n1 @main.tf:14:18 <alicloud_vswitch.v[1].vswitch_name>",
        "alicloud_vpc.f.tags.ids = list @main.tf:54:13 <->",
        "alicloud_vpc.f.tags.ids[0] = (alicloud_vswitch.v[0].id) set @main.tf:54:13 <alicloud_vswitch.v[0].id>",
        "alicloud_vpc.f.tags.ids[1] = (alicloud_vswitch.v[1].id) set @main.tf:54:13 <alicloud_vswitch.v[1].id>",
        "alicloud_vpc.f.tags.zones = list @main.tf:55:13 <->",
        "alicloud_vpc.f.tags.zones[0] = (alicloud_vswitch.v[0].zone_id) @main.tf:55:13 <alicloud_vswitch.v[0].zone_id>",
        "alicloud_vpc.f.tags.zones[1] = (alicloud_vswitch.v[1].zone_id) @main.tf:55:13 <alicloud_vswitch.v[1].zone_id>",
        "alicloud_vpc.f.tags.first = n0 @main.tf:14:18 <alicloud_vswitch.v[0].vswitch_name>",
        "alicloud_vpc.f.tags.vpcs = list @main.tf:57:13 <->",
        "alicloud_vpc.f.tags.vpcs[0] = (alicloud_vswitch.v[0].vpc_id) @main.tf:57:13 <alicloud_vswitch.v[0].vpc_id>",
        "alicloud_vpc.f.tags.vpcs[1] = (alicloud_vswitch.v[1].vpc_id) @main.tf:57:13 <alicloud_vswitch.v[1].vpc_id>",
        "alicloud_vpc.f.tags.keys = list @main.tf:58:13 <->",
        "alicloud_vpc.f.tags.keys[0] = (data.alicloud_kms_keys.k[0].ids) set @main.tf:58:13 <data.alicloud_kms_keys.k[0].ids>",
        "alicloud_vpc.f.tags.none = list @main.tf:59:13 <->",
        "alicloud_vpc.f.tags.bids = list @main.tf:60:13 <->",
        "alicloud_vpc.f.tags.bids[0] = c0 @main.tf:23:12 <alicloud_oss_bucket.c[0].id>",
        "alicloud_vpc.f.tags.bids[1] = c1 @main.tf:23:12 <alicloud_oss_bucket.c[1].id>",
        "alicloud_vpc.f.tags.one = list @main.tf:61:13 <->",
        "alicloud_vpc.f.tags.one[0] = x @main.tf:2:16 <->",
        "alicloud_vpc.f.tags.cat = list @main.tf:62:13 <->",
        "alicloud_vpc.f.tags.cat[0] = one @main.tf:4:11 <->",
        "alicloud_vpc.f.tags.cat[1] = two @main.tf:5:11 <->",
        "alicloud_vpc.f.tags.cat[2] = three @main.tf:5:18 <->",
        "alicloud_vpc.f.tags.mrg = object @main.tf:63:13 <->",
        "alicloud_vpc.f.tags.mrg.a = x @main.tf:2:16 <->",
        "alicloud_vpc.f.tags.mrg.nested = object @main.tf:2:30 <->",
        "alicloud_vpc.f.tags.mrg.nested.b = y @main.tf:2:36 <->",
        "alicloud_vpc.f.tags.mrg.c = w @main.tf:63:36 <->",
        "alicloud_vpc.f.tags.miss = object @main.tf:2:30 <->",
        "alicloud_vpc.f.tags.miss.b = y @main.tf:2:36 <->",
        "module.m.output.out = object @- <->",
        "module.m.output.out.value = object @m/main.tf:2:11 <->",
        "module.m.output.out.value.v = z @m/main.tf:2:17 <->",
        "module.m.output.out.value.w = list @m/main.tf:2:26 <->",
        "module.m.output.out.value.w[0] = q @m/main.tf:2:27 <->",
    ];
    assert_eq!(out, expected);
}
