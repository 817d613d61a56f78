//! Semantic checks: what a document actually grants, with RAM's evaluation (wildcards,
//! case-insensitive actions, list-valued fields, Deny beating Allow within the document).

use super::catalogue;
use super::highrisk;
use super::model::{
    broad_resource, condition_keys, denied, is_all_actions, network_condition, network_deny,
    parse_arn, statements, wildcard, Effect, Field, Item, Out, Stmt,
};
use super::DocKind;
use crate::i18n::{tr, tr_key};
use crate::source::Loc;
use crate::util::{HashMap, HashSet};
use crate::value::{Kind, Value};
use std::sync::OnceLock;

/// Services where `<svc>:*` on `*` hands over security-relevant control.
const SENSITIVE: &[&str] = &[
    "ram",
    "sts",
    "ims",
    "ecs",
    "rds",
    "oss",
    "kms",
    "actiontrail",
    "log",
    "sls",
    "resourcemanager",
    "vpc",
    "cs",
    "cloudsso",
    "bss",
    "fc",
    "sas",
];

/// Privilege-escalation paths: name, actions, and the resource type that must be broad.
const ESCALATIONS: &[(&str, &[&str], &[&str])] = &[
    (
        tr_key!("rewrite a policy (CreatePolicyVersion/SetDefaultPolicyVersion)"),
        &["ram:CreatePolicyVersion", "ram:SetDefaultPolicyVersion"],
        &["policy"],
    ),
    (
        tr_key!("attach any policy (AttachPolicyTo*)"),
        &[
            "ram:AttachPolicyToUser",
            "ram:AttachPolicyToGroup",
            "ram:AttachPolicyToRole",
        ],
        &["policy", "user", "group", "role"],
    ),
    (
        tr_key!("create credentials for other users (CreateAccessKey/CreateLoginProfile/UpdateLoginProfile)"),
        &[
            "ram:CreateAccessKey",
            "ram:CreateLoginProfile",
            "ram:UpdateLoginProfile",
        ],
        &["user"],
    ),
    (
        tr_key!("rewrite a role's trust policy (UpdateRole)"),
        &["ram:UpdateRole"],
        &["role"],
    ),
    (
        tr_key!("join any group (AddUserToGroup)"),
        &["ram:AddUserToGroup"],
        &["group"],
    ),
    (tr_key!("assume any role (sts:AssumeRole)"), &["sts:AssumeRole"], &["role"]),
];

/// Actions that hand a role to compute, which makes an unscoped `ram:PassRole` an escalation.
const COMPUTE: &[&str] = &[
    "ecs:AttachInstanceRamRole",
    "ecs:RunInstances",
    "ecs:CreateInstance",
    "eci:CreateContainerGroup",
    "fc:CreateFunction",
    "fc:UpdateFunction",
    "fc:CreateService",
    "fc:UpdateService",
    "ess:CreateScalingConfiguration",
    "cs:CreateCluster",
    "ros:CreateStack",
];

/// Grants that blind auditing or open a bucket.
const AUDIT: &[&str] = &[
    "actiontrail:DeleteTrail",
    "actiontrail:StopLogging",
    "actiontrail:UpdateTrail",
    "log:DeleteProject",
    "log:DeleteLogStore",
    "log:DeleteLogging",
    "oss:PutBucketPolicy",
    "oss:DeleteBucketPolicy",
    "oss:PutBucketAcl",
    "oss:DeleteBucketLogging",
];

pub struct Options {
    /// Account IDs that own the documents (rule option `accounts`).
    pub accounts: Vec<String>,
}

fn list(items: &[String], max: usize) -> String {
    let mut s = items
        .iter()
        .take(max)
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > max {
        s.push_str(&tr!(" and {n} more", n = items.len() - max));
    }
    s
}

/// Is the resource pattern "everything" (`*`, `acs:*:*:*:*`)?
fn all_resources(r: &str) -> bool {
    let r = r.trim();
    r == "*"
        || parse_arn(r).is_some_and(|a| {
            a.service == "*" && a.region == "*" && a.account == "*" && a.relative == "*"
        })
}

/// The first `Resource` element that grants everything, if any.
fn star_resource<'a>(s: &'a Stmt<'a>) -> Option<Item<'a>> {
    let f = s.resource()?;
    f.strings()
        .into_iter()
        .find(|(_, r)| all_resources(r))
        .map(|(i, _)| i)
}

fn is_allow(s: &Stmt) -> bool {
    s.effect == Some(Effect::Allow)
}

/// Statements analysed per document. Several checks compare statements with each other; RAM's
/// 6,144-character limit (RAM013) keeps real documents far below this, so a larger one is
/// undecided rather than a stall.
const MAX_STATEMENTS: usize = 512;

pub fn check(out: &mut Out, opts: &Options) {
    let stmts = statements(&out.doc.value);
    if stmts.len() > MAX_STATEMENTS {
        let loc = out.doc.loc;
        out.unknown(
            "RAM020",
            loc,
            format!(
                "the document has {} statements, more than the {MAX_STATEMENTS} acslint analyses",
                stmts.len()
            ),
        );
        return;
    }
    // Whether a Deny of the document cancels each high-risk action is the same for every
    // statement: decided once, by whichever statement asks first.
    let blocked = OnceLock::new();
    // Each statement is judged against all of the document's: a large document's in parallel.
    out.each(&stmts, |out, _, s| {
        statement(out, s, &stmts, opts, &blocked)
    });
    duplicate_sids(out, &stmts);
    redundant(out, &stmts);
}

/// The checks of one statement.
fn statement(out: &mut Out, s: &Stmt, stmts: &[Stmt], opts: &Options, blocked: &Blocked) {
    let kind = out.doc.kind;
    let grants = matches!(kind, DocKind::Identity | DocKind::Session);
    let before = (out.sink.emits.len(), out.sink.unknowns.len());
    if let Some(e) = s.effect_entry {
        if e.value.is_unknown() {
            undecided(out, s, before);
            return;
        }
    }
    if grants && is_allow(s) {
        full_admin(out, s, stmts);
        service_admin(out, s, stmts);
        not_elements(out, s);
        escalation(out, s, stmts);
        high_risk(out, s, stmts, blocked);
        audit(out, s, stmts);
    }
    if kind == DocKind::Trust && is_allow(s) {
        trust(out, s, opts);
    }
    if kind == DocKind::Bucket && is_allow(s) {
        bucket(out, s, stmts, opts);
    }
    if matches!(kind, DocKind::Kms | DocKind::Log) && is_allow(s) {
        resource_policy(out, s, opts);
    }
    mfa(out, s);
    if is_allow(s) {
        undecided(out, s, before);
    }
}

/// The statement elements each semantic rule reads, by document kind.
const READS: &[(&str, &[DocKind], &[&str])] = {
    use DocKind::*;
    const G: &[DocKind] = &[Identity, Session];
    &[
        ("RAM020", G, &["Effect", "Action", "NotAction", "Resource"]),
        ("RAM021", G, &["Effect", "Action", "Resource"]),
        ("RAM024", G, &["Effect", "Action", "Resource"]),
        ("RAM025", G, &["Effect", "Action", "Resource", "Condition"]),
        ("RAM026", G, &["Effect", "Action", "Resource", "Condition"]),
        ("RAM030", &[Trust], &["Effect", "Principal"]),
        ("RAM031", &[Trust], &["Effect", "Principal", "Condition"]),
        ("RAM032", &[Trust], &["Effect", "Principal", "Condition"]),
        ("RAM033", &[Trust], &["Effect", "Principal", "Action"]),
        (
            "RAM040",
            &[Bucket],
            &["Effect", "Principal", "Action", "NotAction", "Resource"],
        ),
        (
            "RAM041",
            &[Bucket],
            &["Effect", "Principal", "Action", "NotAction", "Condition"],
        ),
        ("RAM042", &[Bucket], &["Effect", "Principal"]),
        ("RAM043", &[Bucket], &["Effect", "Principal"]),
        ("RAM044", &[Kms, Log], &["Effect", "Principal", "Condition"]),
        ("RAM045", &[Kms, Log], &["Effect", "Principal"]),
    ]
};

/// A rule that neither reported nor noted anything on a statement one of whose elements it
/// reads is unknown was undecided: say so, with the unknown's own reason, at its span.
fn undecided(out: &mut Out, s: &Stmt, before: (usize, usize)) {
    let said: Vec<&str> = out.sink.emits[before.0..]
        .iter()
        .map(|e| e.rule)
        .chain(
            out.sink.unknowns[before.1..]
                .iter()
                .map(|u| u.rule.as_str()),
        )
        .collect();
    let said: crate::util::HashSet<String> = said.into_iter().map(str::to_string).collect();
    let kind = out.doc.kind;
    // Rules about anonymous access are decided by a known Principal without `*`.
    let no_anonymous = s.principal.is_none_or(|p| {
        !p.value.contains_unknown()
            && !principals(s)
                .iter()
                .any(|(_, v, _, _)| v.as_str().is_some_and(|x| x.trim() == "*"))
    });
    for (code, kinds, reads) in READS {
        if !kinds.contains(&kind) || said.contains(*code) {
            continue;
        }
        if no_anonymous && matches!(*code, "RAM040" | "RAM041" | "RAM044") {
            continue;
        }
        let first = reads.iter().find_map(|k| {
            let e = s.value.entry(k)?;
            let (u, loc) = e.value.first_unknown()?;
            Some((*k, u.reason.clone(), loc.or(e.value.loc)))
        });
        if let Some((element, reason, loc)) = first {
            out.unknown(code, loc, format!("{element} is not known: {reason}"));
        }
    }
}

fn full_admin(out: &mut Out, s: &Stmt, stmts: &[Stmt]) {
    // A Deny of everything in the same document cancels it.
    if denied(stmts, "\u{1}probe:\u{1}Probe", "*") {
        return;
    }
    let star = star_resource(s);
    let grant: Option<(Option<Loc>, String, String)> = if let Some(f) = s.action() {
        f.strings()
            .into_iter()
            .find(|(_, a)| is_all_actions(a))
            .map(|(i, a)| (i.value.loc, i.pointer(f.pointer), format!("`{a}`")))
    } else if let Some(f) = s.not_action() {
        let excl = f.strings();
        (!f.has_unknown() && excl.len() <= 3).then(|| {
            let names: Vec<String> = excl.iter().map(|(_, a)| a.to_string()).collect();
            (
                f.entry.key_loc,
                f.pointer.to_string(),
                tr!("everything except {actions}", actions = list(&names, 3)),
            )
        })
    } else {
        None
    };
    let Some((loc, ptr, action)) = grant else {
        if let Some((u, loc)) = s.action.and_then(|a| a.value.first_unknown()) {
            let loc = loc.or(s.action.and_then(|a| a.value.loc));
            out.unknown("RAM020", loc, format!("Action is not known: {}", u.reason));
        }
        return;
    };
    match star {
        Some(r) => {
            out.emit("RAM020", loc, &ptr)
                .field("action", action)
                .field("resource", r.text().unwrap_or("*"))
                .label(tr!("every action"))
                .secondary(r.value.loc, tr!("on every resource"))
                .secondary(s.effect_loc(), tr!("allowed here"));
        }
        None => {
            if let Some((u, loc)) = s.resource.and_then(|r| r.value.first_unknown()) {
                let loc = loc.or(s.resource.and_then(|r| r.value.loc));
                out.unknown(
                    "RAM020",
                    loc,
                    format!("Resource is not known: {}", u.reason),
                );
            }
        }
    }
}

/// `acs:<svc>:*:*:*`: every resource of one service, which is all of them for its own actions.
fn service_wide(r: &str, svc: &str) -> bool {
    parse_arn(r.trim()).is_some_and(|a| {
        a.service.eq_ignore_ascii_case(svc)
            && a.region == "*"
            && a.account == "*"
            && a.relative == "*"
    })
}

fn service_admin(out: &mut Out, s: &Stmt, stmts: &[Stmt]) {
    let (Some(f), Some(res)) = (s.action(), s.resource()) else {
        return;
    };
    for (i, a) in f.strings() {
        let Some((svc, act)) = a.trim().split_once(':') else {
            continue;
        };
        let svc = svc.to_ascii_lowercase();
        if act != "*" || !SENSITIVE.contains(&svc.as_str()) {
            continue;
        }
        let Some(r) = res
            .strings()
            .into_iter()
            .find(|(_, r)| all_resources(r) || service_wide(r, &svc))
            .map(|(i, _)| i)
        else {
            continue;
        };
        if denied(stmts, &format!("{svc}:\u{1}Probe"), "*") {
            continue;
        }
        out.emit("RAM021", i.value.loc, &i.pointer(f.pointer))
            .field("action", a)
            .field("service", svc)
            .label(tr!("every action of the service"))
            .secondary(r.value.loc, tr!("on every resource"))
            .secondary(s.effect_loc(), tr!("allowed here"));
    }
}

fn not_elements(out: &mut Out, s: &Stmt) {
    if let Some(f) = s.not_action() {
        let names: Vec<String> = f.strings().iter().map(|(_, a)| a.to_string()).collect();
        out.emit("RAM022", f.entry.key_loc, f.pointer)
            .field("excluded", list(&names, 3))
            .label(tr!("allows every action not listed"))
            .secondary(s.effect_loc(), tr!("with Allow"));
    }
    if let Some(f) = s.not_resource() {
        out.emit("RAM023", f.entry.key_loc, f.pointer)
            .label(tr!("allows every resource not listed"))
            .secondary(s.effect_loc(), tr!("with Allow"));
    }
}

/// The action items of a statement that grant `action` (excluding `*`/`*:*`, which
/// policy-full-admin reports, and `<svc>:*` of a sensitive service when the statement is on
/// every resource, which policy-service-admin reports). `star`: whether it is
/// ([`star_resource`]), decided by the caller once for the many actions it asks about.
fn granting<'a>(s: &Stmt<'a>, star: bool, action: &str) -> Option<(Item<'a>, &'a str)> {
    s.action?;
    s.first_action(action, |p| is_all_actions(p) || star && is_service_admin(p))
}

/// `<svc>:*` for a sensitive service: policy-service-admin reports it when on `*`.
fn is_service_admin(p: &str) -> bool {
    // Read without splitting at `:` (most items do not end in `:*`; no name in SENSITIVE has
    // a `:`) and without a lower-cased copy of the service (SENSITIVE is lower case).
    crate::policy::model::trimmed(p)
        .strip_suffix(":*")
        .is_some_and(|svc| SENSITIVE.iter().any(|x| x.eq_ignore_ascii_case(svc)))
}

fn escalation(out: &mut Out, s: &Stmt, stmts: &[Stmt]) {
    let Some(f) = s.action() else { return };
    let resources = s.resource_patterns();
    let star = star_resource(s).is_some();
    for (path, actions, rtypes) in ESCALATIONS {
        let hit = actions.iter().find_map(|a| {
            let (svc, _) = a.split_once(':')?;
            let (item, _) = granting(s, star, a)?;
            let r = resources.iter().find(|r| {
                rtypes.iter().any(|t| broad_resource(r, svc, t)) && !denied(stmts, a, r)
            })?;
            Some((item, *a, *r))
        });
        if let Some((item, action, r)) = hit {
            emit_escalation(out, s, &f, item, action, r, crate::i18n::text(path), None);
        }
    }
    // PassRole on any role plus an action that hands a role to compute.
    if let Some((item, _)) = granting(s, star, "ram:PassRole") {
        let Some(r) = resources
            .iter()
            .find(|r| broad_resource(r, "ram", "role") && !denied(stmts, "ram:PassRole", r))
        else {
            return;
        };
        let compute = stmts.iter().filter(|o| is_allow(o)).find_map(|o| {
            o.action?;
            COMPUTE.iter().find_map(|c| {
                if denied(stmts, c, "*") {
                    return None;
                }
                o.first_action(c, |_| false)
                    .map(|(i, p)| (i.value.loc, p.to_string()))
            })
        });
        if let Some((cloc, cact)) = compute {
            let path = tr!(
                "pass any role to compute (ram:PassRole with `{cact}`)",
                cact = cact
            );
            emit_escalation(
                out,
                s,
                &f,
                item,
                "ram:PassRole",
                r,
                &path,
                Some((cloc, cact)),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn emit_escalation(
    out: &mut Out,
    s: &Stmt,
    f: &Field,
    item: Item,
    action: &str,
    r: &str,
    path: &str,
    compute: Option<(Option<Loc>, String)>,
) {
    let rloc = s.resource().and_then(|rf| {
        rf.strings()
            .into_iter()
            .find(|(_, x)| *x == r)
            .and_then(|(i, _)| i.value.loc)
    });
    let mut e = out
        .emit("RAM024", item.value.loc, &item.pointer(f.pointer))
        .field("path", path)
        .field("action", action)
        .field("resource", r)
        .label(tr!("grants `{action}`", action = action))
        .secondary(rloc, tr!("on any principal's resource"));
    if let Some((cloc, cact)) = compute {
        e = e.secondary(
            cloc,
            tr!("`{cact}` can hand the role to compute", cact = cact),
        );
    }
    drop(e.secondary(s.effect_loc(), tr!("allowed here")));
}

/// For each high-risk action (`blocked[i]` for the `i`th), whether a Deny of the document
/// cancels it, once known; made when a statement first asks.
type Blocked = OnceLock<Vec<OnceLock<bool>>>;

fn high_risk(out: &mut Out, s: &Stmt, stmts: &[Stmt], blocked: &Blocked) {
    let (Some(f), Some(r)) = (s.action(), star_resource(s)) else {
        return;
    };
    if network_condition(s) {
        return;
    }
    let mut hits: Vec<String> = Vec::new();
    let mut first: Option<Item> = None;
    let grants = highrisk::active_grants();
    let blocked = blocked.get_or_init(|| grants.iter().map(|_| OnceLock::new()).collect());
    // On every resource (`r`) for each of them.
    for (a, blocked) in grants.iter().zip(blocked) {
        let Some((item, _)) = granting(s, true, a) else {
            continue;
        };
        // The same for every statement of the document: decided once.
        if *blocked.get_or_init(|| denied(stmts, a, "*") || network_deny(stmts, a)) {
            continue;
        }
        first.get_or_insert(item);
        hits.push(a.to_string());
    }
    let Some(item) = first else { return };
    out.emit("RAM025", item.value.loc, &item.pointer(f.pointer))
        .field("apis", list(&hits, 3))
        .field("count", hits.len().to_string())
        .label(tr!("grants high-risk APIs"))
        .secondary(r.value.loc, tr!("on every resource, from any network"))
        .secondary(s.effect_loc(), tr!("allowed here"));
}

fn audit(out: &mut Out, s: &Stmt, stmts: &[Stmt]) {
    let Some(f) = s.action() else { return };
    if s.has_condition() {
        return;
    }
    let star = star_resource(s).is_some();
    let mut hits: Vec<String> = Vec::new();
    let mut first: Option<Item> = None;
    for a in AUDIT {
        if stmts.iter().any(|d| {
            d.effect == Some(Effect::Deny)
                && d.covers_action(a)
                && s.resource_patterns().iter().all(|r| d.covers_resource(r))
        }) {
            continue;
        }
        if let Some((item, _)) = granting(s, star, a) {
            first.get_or_insert(item);
            hits.push(a.to_string());
        }
    }
    let Some(item) = first else { return };
    out.emit("RAM026", item.value.loc, &item.pointer(f.pointer))
        .field("actions", list(&hits, 3))
        .label(tr!("can disable or erase the audit trail"))
        .secondary(s.effect_loc(), tr!("allowed without a condition"));
}

/// Principal identifiers by entity (`RAM`, `Service`, `Federated`, or `*` for a bare string).
fn principals<'a>(s: &Stmt<'a>) -> Vec<(&'a str, &'a Value, Option<usize>, String)> {
    let mut out = Vec::new();
    let Some(p) = s.principal else { return out };
    let base = s.principal_pointer().to_string();
    let push_items = |out: &mut Vec<_>, ent: &'a str, v: &'a Value, ptr: String| match &v.kind {
        Kind::List(l) => {
            for (i, x) in l.iter().enumerate() {
                out.push((
                    ent,
                    x,
                    Some(i),
                    crate::json::pointer_push(&ptr, &i.to_string()),
                ));
            }
        }
        _ => out.push((ent, v, None, ptr)),
    };
    match &p.value.kind {
        Kind::Object(entries) => {
            for e in entries {
                let ptr = crate::json::pointer_push(&base, &e.key);
                push_items(&mut out, e.key.as_str(), &e.value, ptr);
            }
        }
        _ => push_items(&mut out, "*", &p.value, base),
    }
    out
}

fn has_key(s: &Stmt, key: &str) -> bool {
    condition_keys(s).iter().any(|(_, k, _)| k == key)
}

fn trust(out: &mut Out, s: &Stmt, opts: &Options) {
    for (ent, v, _, ptr) in principals(s) {
        let Some(id) = v.as_str() else {
            if v.is_unknown() {
                out.unknown("RAM030", v.loc, "a trusted principal is not known");
            }
            continue;
        };
        let id = id.trim();
        let any_account = parse_arn(id).is_some_and(|a| a.account == "*");
        if id == "*" || any_account {
            out.emit("RAM030", v.loc, &ptr)
                .field("principal", id)
                .label(tr!("anyone"))
                .secondary(s.effect_loc(), tr!("allowed to assume the role"));
            continue;
        }
        match ent {
            "RAM" => {
                let Some(a) = parse_arn(id) else { continue };
                if a.relative != "root" || s.has_condition() {
                    continue;
                }
                // Trusting one's own account is the usual pattern; another account's root
                // with no condition is the risk. Only the rule option `accounts` says which is
                // which: without it the case is undecided, and said so.
                if opts.accounts.is_empty() {
                    // Without `accounts` it cannot be told whether the account is another one:
                    // worth a question (info), not a finding at the rule's severity.
                    out.emit("RAM031", v.loc, &ptr)
                        .field("account", a.account)
                        .weaker(
                            4,
                            tr!(
                                "cross-account trust: is {account} yours? Every RAM identity of that account may assume this role without a condition; list your account IDs in the rule option `accounts`",
                                account = a.account
                            ),
                        )
                        .label(tr!("every RAM identity of this account"))
                        .secondary(s.effect_loc(), tr!("allowed without a condition"));
                } else if !opts.accounts.iter().any(|x| x == a.account) {
                    out.emit("RAM031", v.loc, &ptr)
                        .field("account", a.account)
                        .label(tr!("every RAM identity of this account"))
                        .secondary(s.effect_loc(), tr!("allowed without a condition"));
                }
            }
            "Service" if !id.ends_with(".aliyuncs.com") => {
                out.emit("RAM033", v.loc, &ptr)
                    .field(
                        "problem",
                        tr!("trusts service principal `{id}`, which does not end in `.aliyuncs.com`", id = id),)
                    .label(tr!("not an Alibaba Cloud service"));
            }
            "Federated" => {
                let missing: Vec<&str> = if id.contains(":saml-provider/") {
                    ["saml:recipient"]
                        .into_iter()
                        .filter(|k| !has_key(s, k))
                        .collect()
                } else if id.contains(":oidc-provider/") {
                    ["oidc:aud", "oidc:sub"]
                        .into_iter()
                        .filter(|k| !has_key(s, k))
                        .collect()
                } else {
                    Vec::new()
                };
                if s.condition.is_some_and(|c| c.value.contains_unknown()) {
                    out.unknown("RAM032", v.loc, "the trust condition is not known");
                } else if !missing.is_empty() {
                    out.emit("RAM032", v.loc, &ptr)
                        .field("provider", id)
                        .field("missing", missing.join("`, `"))
                        .label(tr!("identity provider without audience/subject checks"));
                }
            }
            _ => {}
        }
    }
    if let Some(f) = s.action() {
        for (i, a) in f.strings() {
            if !a.trim().eq_ignore_ascii_case("sts:AssumeRole") {
                out.emit("RAM033", i.value.loc, &i.pointer(f.pointer))
                    .field(
                        "problem",
                        tr!(
                            "allows `{a}`; a trust policy grants only `sts:AssumeRole`",
                            a = a
                        ),
                    )
                    .label(tr!("not sts:AssumeRole"));
            }
        }
    }
}

fn oss_writes() -> Vec<String> {
    let c = catalogue::get();
    c.actions_iter("oss")
        .into_iter()
        .flatten()
        .filter(|a| {
            !catalogue::is_read_only(a)
                && !a.starts_with("Head")
                && !matches!(
                    *a,
                    "SelectObject" | "RestoreObject" | "CreateSelectObjectMeta"
                )
        })
        .map(|a| format!("oss:{a}"))
        .collect()
}

fn bucket(out: &mut Out, s: &Stmt, stmts: &[Stmt], opts: &Options) {
    let ps = principals(s);
    let anon = ps
        .iter()
        .find(|(_, v, _, _)| v.as_str().is_some_and(|x| x.trim() == "*"));
    if let Some((_, v, _, ptr)) = anon {
        let writes: Vec<String> = oss_writes()
            .into_iter()
            .filter(|a| {
                s.covers_action(a) && !s.resource_patterns().iter().all(|r| denied(stmts, a, r))
            })
            .collect();
        let action_loc = s.action.or(s.not_action).and_then(|a| a.key_loc);
        if !writes.is_empty() {
            out.emit("RAM040", v.loc, ptr)
                .field("actions", list(&writes, 3))
                .label(tr!("anonymous principal"))
                .secondary(action_loc, tr!("may write, delete or change access"))
                .secondary(s.effect_loc(), tr!("allowed here"));
        } else if !s.has_condition() {
            out.emit("RAM041", v.loc, ptr)
                .label(tr!("anonymous principal"))
                .secondary(action_loc, tr!("these actions"))
                .secondary(s.effect_loc(), tr!("allowed without a condition"));
        }
    }
    // Principals outside the owning account (known from the resource ARNs or the option).
    let owners = owners(s, opts);
    let mut external: Vec<(&str, Option<Loc>, &String)> = Vec::new();
    let mut undecided: Vec<&str> = Vec::new();
    for (_, v, _, ptr) in &ps {
        let Some(id) = v.as_str().map(str::trim) else {
            continue;
        };
        let Some(account) = account_of(id) else {
            continue;
        };
        if owners.is_empty() {
            undecided.push(id);
        } else if !owners.iter().any(|o| o == account) {
            external.push((id, v.loc, ptr));
            out.emit("RAM042", v.loc, ptr)
                .field("principal", id)
                .field("owner", owners.join(", "))
                .label(tr!("another account"))
                .secondary(s.effect_loc(), tr!("allowed here"));
        }
    }
    // A shared bucket should refuse plain HTTP (RAM043).
    let who = match (anon, external.first()) {
        (Some(_), _) => Some(tr!("anyone (`*`)").to_string()),
        (None, Some((id, _, _))) => Some(format!("`{id}`")),
        (None, None) => None,
    };
    let Some(who) = who else {
        if let Some(id) = undecided.first() {
            out.unknown(
                "RAM043",
                s.principal.and_then(|p| p.value.loc),
                format!(
                    "whether `{id}` is outside the bucket owner's account is not known: name the owner in the Resource ARNs or list your accounts in the rule option `accounts`"
                ),
            );
        }
        return;
    };
    let (enforced, partial) = https_enforced(s, stmts);
    if enforced {
        return;
    }
    if let Some(u) = stmts
        .iter()
        .filter(|d| d.effect == Some(Effect::Deny))
        .find_map(|d| d.condition.and_then(|c| c.value.first_unknown()))
    {
        out.unknown(
            "RAM043",
            u.1,
            format!("a Deny condition is not known: {}", u.0.reason),
        );
        return;
    }
    let (loc, ptr) = match (anon, external.first()) {
        (Some((_, v, _, ptr)), _) => (v.loc, ptr.clone()),
        (None, Some((_, loc, ptr))) => (*loc, (*ptr).clone()),
        (None, None) => return,
    };
    let mut e = out
        .emit("RAM043", loc, &ptr)
        .field("who", who)
        .label(tr!("shares the bucket"))
        .secondary(s.effect_loc(), tr!("allowed over HTTP as well as HTTPS"));
    if let Some(d) = partial {
        e = e.secondary(
            d.effect_loc(),
            tr!("this Deny of plain HTTP does not cover every action and resource shared"),
        );
    }
    drop(e);
}

/// Accounts owning the resources of a statement: from its resource ARNs, and the rule option.
fn owners(s: &Stmt, opts: &Options) -> Vec<String> {
    let mut owners: Vec<String> = opts.accounts.clone();
    for r in s.resource_patterns() {
        if let Some(a) = parse_arn(r) {
            if !a.account.is_empty() && a.account.chars().all(|c| c.is_ascii_digit()) {
                owners.push(a.account.to_string());
            }
        }
    }
    owners
}

/// The account a principal names (an account ID or an ARN with a numeric account).
fn account_of(id: &str) -> Option<&str> {
    let account = match parse_arn(id) {
        Some(a) => a.account,
        None => id,
    };
    (!account.is_empty() && account.chars().all(|c| c.is_ascii_digit())).then_some(account)
}

/// Is a statement a Deny of plain-HTTP requests (`Bool` `acs:SecureTransport` = `false`)?
fn denies_http(d: &Stmt) -> bool {
    d.effect == Some(Effect::Deny)
        && condition_keys(d).iter().any(|(op, k, v)| {
            op.eq_ignore_ascii_case("Bool")
                && k == "acs:securetransport"
                && match &v.kind {
                    Kind::String(x) => x.eq_ignore_ascii_case("false"),
                    Kind::Bool(b) => !b,
                    Kind::List(l) => l.iter().any(|x| {
                        x.as_str().is_some_and(|x| x.eq_ignore_ascii_case("false"))
                            || matches!(x.kind, Kind::Bool(false))
                    }),
                    _ => false,
                }
        })
}

/// Does a Deny of plain HTTP cover every action and resource `s` shares, for everyone? Also
/// returns a Deny of plain HTTP that covers only part of it.
fn https_enforced<'s, 'a>(s: &Stmt, stmts: &'s [Stmt<'a>]) -> (bool, Option<&'s Stmt<'a>>) {
    let actions: Vec<&str> = match s.action() {
        Some(f) => f.strings().into_iter().map(|(_, a)| a).collect(),
        None => vec!["*"],
    };
    let resources = match s.resource_patterns() {
        r if r.is_empty() => vec!["*"],
        r => r,
    };
    // The Allow itself may require HTTPS (`Bool` `acs:SecureTransport` = `true`).
    if condition_keys(s).iter().any(|(op, k, v)| {
        op.eq_ignore_ascii_case("Bool")
            && k == "acs:securetransport"
            && (v.as_str().is_some_and(|x| x.eq_ignore_ascii_case("true"))
                || matches!(v.kind, Kind::Bool(true))
                || v.as_list().is_some_and(|l| {
                    l.iter()
                        .any(|x| x.as_str().is_some_and(|x| x.eq_ignore_ascii_case("true")))
                }))
    }) {
        return (true, None);
    }
    let mut partial = None;
    for d in stmts.iter().filter(|d| denies_http(d)) {
        let everyone = d.principal.is_none()
            || principals(d)
                .iter()
                .any(|(_, v, _, _)| v.as_str().is_some_and(|x| x.trim() == "*"));
        if everyone
            && actions.iter().all(|a| d.covers_action(a))
            && resources.iter().all(|r| d.covers_resource(r))
        {
            return (true, None);
        }
        partial.get_or_insert(d);
    }
    (false, partial)
}

/// KMS key/secret and SLS project policies: anyone, or another account (RAM044, RAM045).
fn resource_policy(out: &mut Out, s: &Stmt, opts: &Options) {
    let what = match out.doc.kind {
        DocKind::Kms => tr!("key policy"),
        _ => tr!("project policy"),
    };
    let owners = owners(s, opts);
    let actions: Vec<String> = match s.action() {
        Some(f) => f.strings().iter().map(|(_, a)| a.to_string()).collect(),
        None => vec![tr!("every action but those in NotAction").into()],
    };
    for (_, v, _, ptr) in principals(s) {
        let Some(id) = v.as_str().map(str::trim) else {
            continue;
        };
        let anyone = id == "*" || parse_arn(id).is_some_and(|a| a.account == "*");
        if anyone {
            if !s.has_condition() {
                out.emit("RAM044", v.loc, &ptr)
                    .field("what", what)
                    .field("actions", list(&actions, 3))
                    .label(tr!("anyone"))
                    .secondary(s.effect_loc(), tr!("allowed without a condition"));
            }
            continue;
        }
        let Some(account) = account_of(id) else {
            continue;
        };
        if owners.is_empty() {
            out.unknown(
                "RAM045",
                v.loc,
                format!(
                    "account {account} may or may not be yours: list your account IDs in the rule option `accounts`"
                ),
            );
        } else if !owners.iter().any(|o| o == account) {
            out.emit("RAM045", v.loc, &ptr)
                .field("what", what)
                .field("principal", id)
                .field("actions", list(&actions, 3))
                .label(tr!("another account"))
                .secondary(s.effect_loc(), tr!("allowed here"));
        }
    }
}

fn mfa(out: &mut Out, s: &Stmt) {
    let Some(ops) = s.condition.and_then(|c| c.value.as_object()) else {
        return;
    };
    for op in ops {
        for k in op.value.as_object().unwrap_or_default() {
            if k.key.eq_ignore_ascii_case("acs:MFAPresent") {
                let ptr = crate::json::pointer_push(
                    &crate::json::pointer_push(s.condition_pointer(), &op.key),
                    &k.key,
                );
                out.emit("RAM050", k.key_loc, &ptr)
                    .label(tr!("only covers console logons"))
                    .secondary(s.effect_loc(), tr!("this statement relies on it"));
            }
        }
    }
}

fn duplicate_sids(out: &mut Out, stmts: &[Stmt]) {
    let mut first_sid = HashMap::default();
    for s in stmts {
        let Some(sid) = s.sid.and_then(|e| e.value.as_str().map(|t| (e, t))) else {
            continue;
        };
        // The first statement with each Sid, by a map rather than a scan of those before.
        let first = *first_sid.entry(sid.1).or_insert(sid.0);
        if !std::ptr::eq(first, sid.0) {
            out.emit(
                "RAM051",
                sid.0.value.loc,
                &crate::json::pointer_push(&s.pointer, "Sid"),
            )
            .field("sid", sid.1)
            .label(tr!("duplicate Sid"))
            .secondary(first.value.loc, tr!("first used here"));
        }
    }
}

/// Plain statements only: Action (strings), Resource (strings), no unknowns.
fn plain<'a>(s: &'a Stmt<'a>) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    if s.value.contains_unknown() || s.not_action.is_some() || s.not_resource.is_some() {
        return None;
    }
    let acts: Vec<&str> = s.action()?.strings().into_iter().map(|(_, a)| a).collect();
    let res = s.resource_patterns();
    (!acts.is_empty() && !res.is_empty()).then_some((acts, res))
}

/// A plain statement's actions and resources, with its actions prepared for coverage tests.
struct Plain<'a> {
    acts: Vec<&'a str>,
    res: Vec<&'a str>,
    /// ASCII actions without wildcards, lower case: matched by a lookup instead of a scan.
    exact: HashSet<String>,
    /// The other actions (wildcards, non-ASCII), matched one by one.
    patterns: Vec<&'a str>,
}

impl<'a> Plain<'a> {
    fn new(s: &'a Stmt<'a>) -> Option<Plain<'a>> {
        let (acts, res) = plain(s)?;
        let mut exact = HashSet::default();
        let mut patterns = Vec::new();
        for a in &acts {
            let t = a.trim();
            if t.is_ascii() && !t.contains(['*', '?']) {
                exact.insert(t.to_ascii_lowercase());
            } else {
                patterns.push(*a);
            }
        }
        Some(Plain {
            acts,
            res,
            exact,
            patterns,
        })
    }

    /// Does every action of `other` match one of these (as `action_matches` says)?
    fn covers(&self, other: &Plain) -> bool {
        other.acts.iter().all(|x| {
            if !x.is_ascii() {
                // Unicode case folding may map a non-ASCII character onto an ASCII one.
                return self.acts.iter().any(|p| super::model::action_matches(p, x));
            }
            self.exact.contains(&x.to_ascii_lowercase())
                || self
                    .patterns
                    .iter()
                    .any(|p| super::model::action_matches(p, x))
        })
    }
}

/// Pairwise comparison is quadratic; RAM's own size limit keeps real documents far below this.
const MAX_COMPARED_STATEMENTS: usize = 256;

fn redundant(out: &mut Out, stmts: &[Stmt]) {
    if stmts.len() > MAX_COMPARED_STATEMENTS {
        out.unknown(
            "RAM052",
            None,
            format!(
                "{} statements are more than the {MAX_COMPARED_STATEMENTS} compared for redundancy",
                stmts.len()
            ),
        );
        return;
    }
    // Each statement's actions are prepared once, not once per pair.
    let plains: Vec<Option<Plain>> = stmts.iter().map(Plain::new).collect();
    for (j, b) in stmts.iter().enumerate() {
        let Some(pb) = &plains[j] else {
            continue;
        };
        let bres = &pb.res;
        for (i, a) in stmts.iter().enumerate() {
            if i == j || a.effect != b.effect || a.effect.is_none() {
                continue;
            }
            let Some(pa) = &plains[i] else {
                continue;
            };
            let ares = &pa.res;
            // A's condition must be no stricter than B's: none, or the same.
            let same_cond = match (&a.condition, &b.condition) {
                (None, _) => true,
                (Some(x), Some(y)) => x.value.to_json() == y.value.to_json(),
                _ => false,
            };
            // …and A must apply to every principal B applies to (resource and trust policies).
            let covers_principal = match (&a.principal, &b.principal) {
                (None, None) => true,
                (Some(x), Some(y)) => {
                    x.value.as_str() == Some("*") || x.value.to_json() == y.value.to_json()
                }
                _ => false,
            };
            if !same_cond || !covers_principal {
                continue;
            }
            let covers_acts = pa.covers(pb);
            let covers_res = bres
                .iter()
                .all(|x| ares.iter().any(|p| *p == "*" || wildcard(p, x, false)));
            if !(covers_acts && covers_res) {
                continue;
            }
            // Mutually covering statements: report only the later one.
            let mutual = pb.covers(pa)
                && ares
                    .iter()
                    .all(|x| bres.iter().any(|p| *p == "*" || wildcard(p, x, false)));
            if mutual && j < i {
                continue;
            }
            let bloc = b.effect_entry.and_then(|e| e.key_loc).or(b.value.loc);
            out.emit("RAM052", bloc, &b.pointer)
                .field("statement", b.pointer.clone())
                .field("by", a.pointer.clone())
                .label(tr!("everything this statement grants or denies …"))
                .secondary(
                    a.effect_entry.and_then(|e| e.key_loc).or(a.value.loc),
                    tr!("… is already covered by this statement"),
                );
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Emit, Sink};
    use crate::json::{parse, SpanMap};
    use crate::source::FileId;
    use crate::tf::Document;

    fn document(text: &str) -> Document {
        Document {
            kind: DocKind::Identity,
            value: parse(
                text,
                SpanMap::Exact {
                    file: FileId(0),
                    offset: 0,
                },
            )
            .unwrap(),
            file: FileId(0),
            loc: None,
            resource: None,
            text: None,
            call_sites: Vec::new(),
        }
    }

    /// `<svc>:*` of a sensitive service read without splitting is what splitting at the first
    /// `:` and lower-casing the service gave; a statement on every resource (`star`) does not
    /// count it as granting, one on some resources does.
    #[test]
    fn service_admin_items_are_read_as_split_at_the_first_colon() {
        let split = |p: &str| {
            p.trim().split_once(':').is_some_and(|(svc, a)| {
                a == "*" && SENSITIVE.contains(&svc.to_ascii_lowercase().as_str())
            })
        };
        let items = [
            "ram:*",
            " RAM:* ",
            "Ram:*\n",
            "ram:x:*",
            "x:ram:*",
            "ram::*",
            ":*",
            "ram*",
            "ram:",
            "ram:**",
            "ram :*",
            "ecs:Describe*",
            "oss:*",
            "ß:*",
            "ſts:*",
            "*:*",
            "*",
            "",
            "ram:*:",
        ];
        for p in items {
            assert_eq!(is_service_admin(p), split(p), "{p:?}");
        }
        let doc = document(
            r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ram:*"], "Resource": "*"}]}"#,
        );
        let all = statements(&doc.value);
        assert!(granting(&all[0], true, "ram:CreateUser").is_none());
        assert!(granting(&all[0], false, "ram:CreateUser").is_some());
    }

    /// Statements judged in parallel (eight or more) give what judging them one after the
    /// other into one sink gives: the same findings in statement order, a Deny of the last
    /// statement cancelling a high-risk action for every statement that grants it.
    #[test]
    fn statements_in_parallel_as_one_by_one() {
        let grants = [
            r#"{"Effect": "Allow", "Action": ["ecs:RunCommand", "rds:DeleteDBInstance"], "Resource": "*"}"#,
            r#"{"Sid": "a", "Effect": "Allow", "Action": "*", "Resource": "*"}"#,
            r#"{"Sid": "a", "Effect": "Allow", "Action": "ram:*", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": ["ecs:Describe*", "ecs:RunInstances"], "Resource": ["*"]}"#,
        ];
        let mut stmts: Vec<&str> = grants.iter().cycle().take(11).copied().collect();
        stmts.push(r#"{"Effect": "Deny", "Action": "rds:DeleteDBInstance", "Resource": "*"}"#);
        let doc = document(&format!(
            r#"{{"Version": "1", "Statement": [{}]}}"#,
            stmts.join(",\n")
        ));
        let opts = Options {
            accounts: Vec::new(),
        };

        let mut parallel = Sink::default();
        check(
            &mut Out {
                doc: &doc,
                sink: &mut parallel,
            },
            &opts,
        );

        let mut serial = Sink::default();
        let out = &mut Out {
            doc: &doc,
            sink: &mut serial,
        };
        let all = statements(&doc.value);
        let blocked = OnceLock::new();
        for s in &all {
            statement(out, s, &all, &opts, &blocked);
        }
        duplicate_sids(out, &all);
        redundant(out, &all);

        assert_eq!(parallel.emits, serial.emits);
        assert_eq!(parallel.unknowns, serial.unknowns);
        let high: Vec<&Emit> = parallel
            .emits
            .iter()
            .filter(|e| e.rule == "RAM025")
            .collect();
        let pointers: Vec<&str> = high.iter().filter_map(|e| e.pointer.as_deref()).collect();
        assert_eq!(
            pointers,
            [
                "/Statement/0/Action/0",
                "/Statement/3/Action/1",
                "/Statement/4/Action/0",
                "/Statement/7/Action/1",
                "/Statement/8/Action/0"
            ]
        );
        // The Deny cancels `rds:DeleteDBInstance` in each statement that grants it.
        assert!(high.iter().all(|e| e
            .fields
            .iter()
            .all(|(_, v)| !v.contains("DeleteDBInstance"))));
    }
}
