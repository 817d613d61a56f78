//! Audit checks (LOG): ActionTrail present and complete, its destinations safe, alerts on root
//! activity, log audit coverage and VPC flow logs.

use super::attr::{self, at, blocks, bool_at, note, num, num_at, opt_num, str_at, Got};
use super::{BlockCtx, ConfigCtx, Sink};
use crate::finding::Emit;
use crate::i18n::tr;
use crate::source::SourceMap;
use crate::tf::Block;
use crate::value::{Kind, Value};

const TRAIL: &str = "alicloud_actiontrail_trail";

fn emit(code: &'static str, b: &Block, loc: Option<crate::source::Loc>) -> Emit {
    Emit::new(code, b.file, loc).resource(Some(b.address.clone()))
}

/// Resources that manage the account's security, whichever module holds them.
const ACCOUNT_LEVEL: &[&str] = &[
    "alicloud_ram_account_password_policy",
    "alicloud_ram_password_policy",
    "alicloud_ram_security_preference",
    "alicloud_ram_account_alias",
    "alicloud_resource_manager_resource_directory",
];

/// Identity resources that make a root module an account baseline; reusable modules that only
/// declare them are not (configuration-scope rules see root modules only).
const IDENTITIES: &[&str] = &[
    "alicloud_ram_user",
    "alicloud_ram_group",
    "alicloud_ram_policy",
    "alicloud_ram_access_key",
    "alicloud_ram_login_profile",
];

/// LOG001: a root module manages account security but no trail exists in its module tree.
pub fn actiontrail_missing(ctx: &ConfigCtx, sink: &mut Sink) {
    let cfg = ctx.config;
    if cfg.of_type(TRAIL).next().is_some() {
        return;
    }
    let trigger = ACCOUNT_LEVEL
        .iter()
        .flat_map(|t| cfg.of_type(t))
        .next()
        .or_else(|| {
            cfg.root
                .then(|| IDENTITIES.iter().flat_map(|t| cfg.of_type(t)).next())
                .flatten()
        });
    let required = required_here(ctx);
    let anchor = trigger.or_else(|| if required { cfg.blocks.first() } else { None });
    match anchor {
        Some(b) => sink.emit(
            emit("LOG001", b, Some(b.header))
                .field(
                    "why",
                    if trigger.is_some() {
                        tr!("`{address}` manages account security", address = b.address)
                    } else {
                        tr!("this path requires ActionTrail (option `require`)").to_string()
                    },
                )
                .label(tr!("no ActionTrail trail records what happens here")),
        ),
        None if required => {
            if let Some(&f) = cfg.files.first() {
                sink.emit(Emit::new("LOG001", f, None).field(
                    "why",
                    tr!("this path requires ActionTrail (option `require`)"),
                ));
            }
        }
        None => {}
    }
}

/// Option `require`: path globs of configurations that must have a trail.
fn required_here(ctx: &ConfigCtx) -> bool {
    let Some(list) = ctx
        .sel
        .option("LOG001", "require")
        .and_then(|v| v.as_array())
    else {
        return false;
    };
    // Entries are globs or directories (those of the configurations that say `require`).
    let dir = ctx.config.dir.to_string_lossy().replace('\\', "/");
    let abs = std::fs::canonicalize(&ctx.config.dir).ok();
    list.iter().filter_map(|g| g.as_str()).any(|g| {
        abs.as_deref().is_some_and(|a| a.starts_with(g))
            || globset::Glob::new(g)
                .map(|g| g.compile_matcher().is_match(&dir) || dir.ends_with(g.glob()))
                .unwrap_or(false)
    })
}

/// Does `v` name the resource `rtype.name` (by reference), or equal its literal `name_attr`?
fn names(sources: &SourceMap, v: &Value, target: &Block, name_attrs: &[&str]) -> bool {
    // By the reference itself (through outputs and indexes), plan-time ids, same unknowns.
    if crate::tf::links::designates(v, target) == Some(true) {
        return true;
    }
    if let Some(s) = v.as_str() {
        return name_attrs
            .iter()
            .any(|a| matches!(str_at(&target.value, a), Got::Is(n, _) if n == s));
    }
    attr::references_in(sources, v).iter().any(|r| {
        attr::split_reference(r).is_some_and(|(t, n, _)| *t == *target.rtype && *n == *target.name)
    })
}

/// LOG002–LOG008 on one trail.
pub fn trail(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    // LOG002 regions (the API applies a trail to all regions when none is given).
    match str_at(v, "trail_region") {
        Got::Is(r, val) if r != "All" => sink.emit(
            emit("LOG002", b, val.loc)
                .field("value", r)
                .label(tr!("only some regions are recorded")),
        ),
        Got::Unknown(val) => sink.unknown(note("LOG002", b, val, "trail_region")),
        _ => {}
    }
    // LOG003 events: `All` by default, but `Write` on the deprecated `alicloud_actiontrail`.
    let deprecated = &*b.written_type == "alicloud_actiontrail";
    match str_at(v, "event_rw") {
        Got::Is(e, val) if e != "All" => sink.emit(
            emit("LOG003", b, val.loc)
                .field("value", format!("`{e}`"))
                .label(tr!("some events are not recorded")),
        ),
        Got::Absent if deprecated => sink.emit(
            emit("LOG003", b, Some(b.header))
                .field(
                    "value",
                    tr!("`Write` (the default of the deprecated `alicloud_actiontrail`)"),)
                .label(tr!("read events are not recorded")),
        ),
        // The default is not settled: the provider docs say `All`, the older provider schema
        // and the CreateTrail API say `Write`. A default that depends on the provider version
        // is not relied on: reported as not set explicitly, one severity lower.
        Got::Absent => sink.emit(
            emit("LOG003", b, Some(b.header))
                .weaker(
                    1,
                    tr!("`event_rw` is not set explicitly: depending on the provider version the trail records every event or only write events"),
                )
                .label(tr!("`event_rw` is not set")),
        ),
        Got::Unknown(val) => sink.unknown(note("LOG003", b, val, "event_rw")),
        _ => {}
    }
    // LOG004 status.
    match str_at(v, "status") {
        Got::Is(s, val) if s != "Enable" => sink.emit(
            emit("LOG004", b, val.loc)
                .field("value", s)
                .label(tr!("the trail records nothing")),
        ),
        Got::Unknown(val) => sink.unknown(note("LOG004", b, val, "status")),
        _ => {}
    }
    // LOG005 delivery target.
    let targets = [
        "oss_bucket_name",
        "sls_project_arn",
        "max_compute_project_arn",
    ];
    if !targets.iter().any(|t| attr::is_set(v, t)) {
        sink.emit(emit("LOG005", b, Some(b.header)).label(tr!("events are kept 90 days only")));
    }
    // LOG006 organisation trail when a resource directory is managed here.
    if let Some(rd) = ctx
        .config
        .of_type("alicloud_resource_manager_resource_directory")
        .next()
    {
        match bool_at(v, "is_organization_trail") {
            Got::Is(true, _) => {}
            Got::Unknown(val) => sink.unknown(note("LOG006", b, val, "is_organization_trail")),
            got => {
                let loc = match got {
                    Got::Is(false, val) => val.loc,
                    _ => Some(b.header),
                };
                sink.emit(
                    emit("LOG006", b, loc)
                        .label(tr!("member accounts are not recorded"))
                        .secondary(
                            (rd.file == b.file).then_some(rd.header),
                            tr!("resource directory managed here"),
                        ),
                );
            }
        }
    }
    trail_bucket(ctx, sink);
    trail_logstores(ctx, sink);
}

/// The bucket resources that configure `bucket` through a split resource (`alicloud_oss_bucket_acl`
/// and friends).
fn split_for<'a>(
    ctx: &'a BlockCtx,
    rtype: &'a str,
    bucket: &'a Block,
) -> impl Iterator<Item = &'a Block> + 'a {
    ctx.config.of_type(rtype).filter(move |s| {
        s.value
            .get("bucket")
            .is_some_and(|v| names(ctx.sources, v, bucket, &["bucket"]))
    })
}

/// LOG007: the trail's OSS bucket is public, unversioned or unencrypted.
fn trail_bucket(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let Some(target) = b.value.get("oss_bucket_name").filter(|v| !v.is_null()) else {
        return;
    };
    let Some(bucket) = ctx
        .config
        .of_type("alicloud_oss_bucket")
        .find(|o| names(ctx.sources, target, o, &["bucket"]))
    else {
        if target.contains_unknown() && attr::references_in(ctx.sources, target).is_empty() {
            sink.unknown(note("LOG007", b, target, "oss_bucket_name"));
        }
        return;
    };
    let problem = |what: String, sink: &mut Sink| {
        sink.emit(
            emit("LOG007", b, at(b, Some(target)))
                .field("bucket", bucket.address.clone())
                .field("problem", what)
                .secondary(
                    (bucket.file == b.file).then_some(bucket.header),
                    tr!("the bucket"),
                ),
        );
    };
    // Public ACL, inline or split.
    let acls = std::iter::once(bucket)
        .chain(split_for(ctx, "alicloud_oss_bucket_acl", bucket))
        .filter_map(|x| match str_at(&x.value, "acl") {
            Got::Is(a, _) => Some(a.to_string()),
            _ => None,
        });
    for a in acls {
        if a == "public-read" || a == "public-read-write" {
            problem(tr!("is readable by anyone (`acl = \"{a}\"`)", a = a), sink);
            break;
        }
    }
    // Versioning, inline or split.
    let mut enabled = false;
    let mut unknown = None;
    let sources = std::iter::once((bucket, "versioning.status"))
        .chain(split_for(ctx, "alicloud_oss_bucket_versioning", bucket).map(|x| (x, "status")));
    for (x, path) in sources {
        match str_at(&x.value, path) {
            Got::Is("Enabled", _) => enabled = true,
            Got::Unknown(v) => unknown = unknown.or(Some(v)),
            _ => {}
        }
    }
    match (enabled, unknown) {
        (true, _) => {}
        (false, Some(val)) => sink.unknown(note("LOG007", b, val, "bucket versioning")),
        (false, None) => problem(
            tr!("is not versioned, so logs can be overwritten or deleted").into(),
            sink,
        ),
    }
    // Server-side encryption, inline or split.
    let encrypted = !blocks(&bucket.value, "server_side_encryption_rule").is_empty()
        || split_for(ctx, "alicloud_oss_bucket_server_side_encryption", bucket)
            .next()
            .is_some();
    if !encrypted {
        problem(tr!("is not encrypted at rest").into(), sink);
    }
}

/// The SLS project a trail delivers to: a `alicloud_log_project` block or a literal name.
fn trail_project<'a>(ctx: &'a BlockCtx, arn: &Value) -> Option<ProjectRef<'a>> {
    for r in attr::references_in(ctx.sources, arn) {
        if let Some(("alicloud_log_project", n, _)) = attr::split_reference(&r) {
            if let Some(p) = attr::resource(ctx.config, "alicloud_log_project", n) {
                return Some(ProjectRef::Block(p));
            }
        }
    }
    let s = arn.as_str()?;
    let name = s.rsplit_once("project/")?.1.split('/').next()?;
    let block = ctx.config.of_type("alicloud_log_project").find(|p| {
        ["project_name", "name"]
            .iter()
            .any(|a| matches!(str_at(&p.value, a), Got::Is(n, _) if n == name))
    });
    Some(match block {
        Some(p) => ProjectRef::Block(p),
        None => ProjectRef::Name(name.to_string()),
    })
}

enum ProjectRef<'a> {
    Block(&'a Block),
    Name(String),
}

/// LOG008: logstores of the trail's SLS project keep events less than a year.
fn trail_logstores(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let Some(arn) = b.value.get("sls_project_arn").filter(|v| !v.is_null()) else {
        return;
    };
    let Some(project) = trail_project(ctx, arn) else {
        return;
    };
    let min = opt_num(ctx.sel, "LOG008", "min_days");
    for store in ["alicloud_log_store", "alicloud_sls_logstore"]
        .iter()
        .flat_map(|t| ctx.config.of_type(t))
    {
        let Some(pv) = ["project", "project_name"]
            .iter()
            .find_map(|a| store.value.get(a))
        else {
            continue;
        };
        let in_project = match &project {
            ProjectRef::Block(p) => names(ctx.sources, pv, p, &["project_name", "name"]),
            ProjectRef::Name(n) => pv.as_str() == Some(n.as_str()),
        };
        if !in_project {
            continue;
        }
        let (days, loc, how) = match num_at(&store.value, "retention_period") {
            Got::Is(n, val) => (n, val.loc, " days".to_string()),
            Got::Absent => (30.0, Some(store.header), " days (the default)".to_string()),
            Got::Unknown(val) => {
                sink.unknown(note("LOG008", store, val, "retention_period"));
                continue;
            }
            Got::Invalid(_) => continue,
        };
        if days < min {
            sink.emit(
                emit("LOG008", store, loc)
                    .field("store", store.address.clone())
                    .field("days", format!("{}{how}", num(days)))
                    .field("min", num(min))
                    .field("trail", b.address.clone())
                    .label(tr!("audit events expire too soon")),
            );
        }
    }
}

/// Strings in an alert that watch root-account activity or AccessKey creation.
fn watches_root(v: &Value) -> Option<bool> {
    match &v.kind {
        Kind::String(s) => {
            let l = s.to_ascii_lowercase();
            Some(l.contains("root-account") || l.contains("createaccesskey"))
        }
        Kind::List(items) => fold(items.iter().map(watches_root)),
        Kind::Object(o) => fold(o.iter().map(|e| watches_root(&e.value))),
        Kind::Unknown(_) => None,
        _ => Some(false),
    }
}

fn fold(it: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut unknown = false;
    for x in it {
        match x {
            Some(true) => return Some(true),
            None => unknown = true,
            Some(false) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(false)
    }
}

/// LOG009: a trail delivers to SLS but no alert in the root module's tree watches root-account
/// activity.
pub fn root_activity_alert(ctx: &ConfigCtx, sink: &mut Sink) {
    let with_sls: Vec<&Block> = ctx
        .config
        .of_type(TRAIL)
        .filter(|t| attr::is_set(&t.value, "sls_project_arn"))
        .collect();
    if with_sls.is_empty() {
        return;
    }
    let cfg = ctx.config;
    let alerts = ["alicloud_log_alert", "alicloud_sls_alert"]
        .into_iter()
        .flat_map(|t| cfg.of_type(t));
    let mut undecided: Option<&Block> = None;
    for a in alerts {
        match watches_root(&a.value) {
            Some(true) => return,
            None => undecided = undecided.or(Some(a)),
            Some(false) => {}
        }
    }
    for t in with_sls {
        match undecided {
            Some(a) => {
                let mut n = note("LOG009", a, &a.value, "alert queries");
                n.loc = Some(a.header);
                sink.unknown(n);
            }
            None => sink.emit(
                emit("LOG009", t, Some(t.header))
                    .field("trail", t.address.clone())
                    .label(tr!("no alert on root-account activity")),
            ),
        }
    }
}

/// LOG010: log audit that does not collect ActionTrail, RDS or OSS logs.
pub fn log_audit(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let map = b.value.get("variable_map").filter(|v| !v.is_null());
    if let Some(m) = map {
        if m.is_unknown() {
            sink.unknown(note("LOG010", b, m, "variable_map"));
            return;
        }
    }
    for (key, what) in [
        ("actiontrail_enabled", tr!("ActionTrail events")),
        ("rds_enabled", tr!("RDS audit logs")),
        ("oss_access_enabled", tr!("OSS access logs")),
    ] {
        let entry = map.and_then(|m| m.get(key));
        match entry {
            Some(v) if v.contains_unknown() => sink.unknown(note("LOG010", b, v, key)),
            Some(v) if attr::to_bool(v) == Some(true) => {}
            _ => sink.emit(
                emit("LOG010", b, at(b, entry.or(map)))
                    .field("key", key)
                    .field("what", what)
                    .label(tr!("`{key}` is not true", key = key)),
            ),
        }
    }
}

/// LOG011: a VPC without a flow log.
pub fn vpc_flow_log(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let cfg = ctx.config;
    // Reusable modules leave flow logs (and the log project they need) to their callers; once
    // modules are evaluated into their callers, their VPCs are checked there. A root is the
    // shared definition (`Configuration::root`: a provider or backend, tfvars, or `roots`).
    if !cfg.root {
        return;
    }
    let refers = |v: &Value, rtype: &str, name: &str| {
        attr::references_in(ctx.sources, v)
            .iter()
            .any(|r| attr::split_reference(r).is_some_and(|(t, n, _)| t == rtype && n == name))
    };
    let vswitches: Vec<&Block> = cfg
        .of_type("alicloud_vswitch")
        .filter(|s| {
            s.value
                .get("vpc_id")
                .is_some_and(|v| refers(v, "alicloud_vpc", &b.name))
        })
        .collect();
    let mut undecided = None;
    for fl in cfg.of_type("alicloud_vpc_flow_log") {
        if matches!(str_at(&fl.value, "status"), Got::Is("Inactive", _)) {
            continue;
        }
        let Some(rid) = fl.value.get("resource_id") else {
            continue;
        };
        if refers(rid, "alicloud_vpc", &b.name)
            || vswitches
                .iter()
                .any(|s| refers(rid, "alicloud_vswitch", &s.name))
        {
            return;
        }
        if rid.contains_unknown() && attr::references_in(ctx.sources, rid).is_empty() {
            undecided = undecided.or(Some((fl, rid)));
        }
    }
    // Log audit collecting VPC flow logs covers every VPC of the account.
    if cfg.of_type("alicloud_log_audit").any(|a| {
        a.value
            .get("variable_map")
            .and_then(|m| m.get("vpc_flow_enabled"))
            .and_then(attr::to_bool)
            == Some(true)
    }) {
        return;
    }
    match undecided {
        Some((fl, rid)) => {
            let mut n = note("LOG011", fl, rid, "flow log resource_id");
            n.address = Some(b.address.clone());
            sink.unknown(n);
        }
        None => sink.emit(
            emit("LOG011", b, Some(b.header))
                .field("vpc", b.address.clone())
                .label(tr!("traffic in this VPC is not recorded")),
        ),
    }
}
