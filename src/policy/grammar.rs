//! Grammar checks: the document has the shape RAM accepts, element by element, each finding on
//! the smallest span that is wrong.

use super::catalogue::{self, GLOBAL_KEYS, OPERATORS};
use super::model::{head, parse_arn, suggest, Out};
use super::DocKind;
use crate::i18n::tr;
use crate::json::pointer_push;
use crate::source::Loc;
use crate::value::{Entry, Kind, Value};

/// Severity steps down to info, whatever the rule's configured severity.
const INFO: u8 = 4;
const TOP_KEYS: &[&str] = &["Version", "Statement"];
const STMT_KEYS: &[&str] = &[
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
];

/// RAM's documented length limit for custom policies (characters, whitespace not counted).
pub const MAX_POLICY_CHARS: usize = 6144;

fn did_you_mean(s: Option<&str>) -> String {
    s.map(|s| tr!(" (did you mean `{s}`?)", s = s))
        .unwrap_or_default()
}

fn describe(v: &Value) -> String {
    match &v.kind {
        Kind::String(s) => format!("\"{s}\""),
        Kind::List(_) => tr!("an array").into(),
        Kind::Object(_) => tr!("an object").into(),
        _ => format!("`{v}`"),
    }
}

pub fn check(out: &mut Out) {
    let doc = &out.doc.value;
    if let Some(u) = doc.as_unknown() {
        out.unknown("RAM001", doc.loc, u.reason.to_string());
        return;
    }
    let Some(entries) = doc.as_object() else {
        out.emit("RAM001", doc.loc, "")
            .field(
                "problem",
                tr!(
                    "must be a JSON object, found {found}",
                    found = describe(doc)
                ),
            )
            .label(tr!("not an object"));
        return;
    };
    size(out);
    keys(out, entries, TOP_KEYS, "");
    match doc.entry("Version") {
        None => {
            out.emit("RAM001", head(doc), "")
                .field("problem", tr!("has no `Version`"))
                .label(tr!("`\"Version\": \"1\"` is missing here"));
        }
        Some(e) if e.value.is_unknown() => {
            out.unknown("RAM001", e.value.loc, "the Version is not known");
        }
        Some(e) if e.value.as_str() != Some("1") => {
            out.emit("RAM001", e.value.loc, "/Version")
                .field(
                    "problem",
                    tr!(
                        "has `Version` {found}, but RAM accepts only the string \"1\"",
                        found = describe(&e.value)
                    ),
                )
                .label(tr!("must be \"1\""));
        }
        Some(_) => {}
    }
    let Some(st) = doc.entry("Statement") else {
        out.emit("RAM001", head(doc), "")
            .field("problem", tr!("has no `Statement`"))
            .label(tr!("`Statement` is missing here"));
        return;
    };
    match &st.value.kind {
        Kind::Unknown(u) => out.unknown("RAM001", st.value.loc, u.reason.to_string()),
        Kind::List(l) if l.is_empty() => {
            out.emit("RAM001", st.value.loc, "/Statement")
                .field("problem", tr!("has an empty `Statement` array"))
                .label(tr!("no statements"));
        }
        // Statements are checked on their own: a large document's in parallel.
        Kind::List(l) => out.each(l, |out, i, s| statement(out, s, &format!("/Statement/{i}"))),
        Kind::Object(_) => {
            out.emit("RAM002", st.key_loc, "/Statement")
                .label(tr!("a single object, not an array"))
                .secondary(head(&st.value), tr!("this statement"));
            statement(out, &st.value, "/Statement");
        }
        _ => {
            out.emit("RAM001", st.value.loc, "/Statement")
                .field(
                    "problem",
                    tr!(
                        "has a `Statement` that is {found}, not an array of statements",
                        found = describe(&st.value)
                    ),
                )
                .label(tr!("not an array"));
        }
    }
}

/// Unknown, misspelt, wrongly cased and duplicate keys of an object.
fn keys(out: &mut Out, entries: &[Entry], known: &[&str], pointer: &str) {
    let mut seen: Vec<&str> = Vec::new();
    for e in entries {
        let p = pointer_push(pointer, &e.key);
        if seen.contains(&e.key.as_str()) {
            out.emit("RAM003", e.key_loc, &p)
                .field("key", e.key.clone())
                .field(
                    "problem",
                    tr!("appears more than once; RAM rejects duplicate keys"),
                )
                .field("suggestion", "")
                .label(tr!("duplicate key"));
            continue;
        }
        seen.push(&e.key);
        if known.contains(&e.key.as_str()) {
            continue;
        }
        let (problem, hint) = match known.iter().find(|k| k.eq_ignore_ascii_case(&e.key)) {
            Some(k) => (
                tr!("has the wrong case; element names are case-sensitive"),
                Some(*k),
            ),
            None => (
                tr!("is not an element of the RAM policy language"),
                suggest(&e.key, known.iter().copied()),
            ),
        };
        let case_only = hint.filter(|h| h.eq_ignore_ascii_case(&e.key));
        out.emit("RAM003", e.key_loc, &p)
            .field("key", e.key.clone())
            .field("problem", problem)
            .field("suggestion", did_you_mean(hint))
            .field_if("key_case", case_only.map(str::to_string))
            .label(match hint {
                Some(h) => tr!("did you mean `{h}`?", h = h),
                None => tr!("unknown element").to_string(),
            });
    }
}

fn statement(out: &mut Out, s: &Value, ptr: &str) {
    if let Some(u) = s.as_unknown() {
        out.unknown("RAM004", s.loc, u.reason.to_string());
        return;
    }
    let Some(entries) = s.as_object() else {
        out.emit("RAM001", s.loc, ptr)
            .field(
                "problem",
                tr!(
                    "has a statement that is {found}, not an object",
                    found = describe(s)
                ),
            )
            .label(tr!("not a statement object"));
        return;
    };
    keys(out, entries, STMT_KEYS, ptr);
    let kind = out.doc.kind;

    for key in ["NotResource", "NotPrincipal"] {
        if let Some(e) = s.entry(key) {
            out.emit("RAM005", e.key_loc, &pointer_push(ptr, key))
                .field("key", key)
                .label(tr!("not supported by RAM"));
        }
    }

    // Effect
    match s.entry("Effect") {
        None => {
            out.emit("RAM004", head(s), ptr)
                .field("problem", tr!("has no `Effect`"))
                .label(tr!("`\"Effect\": \"Allow\"` or `\"Deny\"` is missing"));
        }
        Some(e) => match &e.value.kind {
            Kind::Unknown(u) => out.unknown("RAM004", e.value.loc, u.reason.to_string()),
            Kind::String(v) if v == "Allow" || v == "Deny" => {}
            _ => {
                let hint = e.value.as_str().and_then(|v| {
                    ["Allow", "Deny"]
                        .into_iter()
                        .find(|k| k.eq_ignore_ascii_case(v.trim()))
                });
                out.emit("RAM004", e.value.loc, &pointer_push(ptr, "Effect"))
                    .field_if("effect", hint.map(str::to_string))
                    .field(
                        "problem",
                        tr!(
                            "has `Effect` {found}; it must be exactly \"Allow\" or \"Deny\"{suggestion}",
                            found = describe(&e.value),
                            suggestion = did_you_mean(hint)
                        ),
                    )
                    .label(tr!("not \"Allow\" or \"Deny\""));
            }
        },
    }

    // Action / NotAction
    let a = s.entry("Action");
    let na = s.entry("NotAction");
    match (a, na) {
        (Some(a), Some(na)) => {
            out.emit("RAM004", na.key_loc, &pointer_push(ptr, "NotAction"))
                .field("problem", tr!("has both `Action` and `NotAction`"))
                .label(tr!("remove one of the two"))
                .secondary(a.key_loc, tr!("`Action` is here"));
        }
        (None, None) => {
            out.emit("RAM004", head(s), ptr)
                .field("problem", tr!("has neither `Action` nor `NotAction`"))
                .label(tr!("`Action` is missing"));
        }
        _ => {}
    }
    for e in [a, na].into_iter().flatten() {
        let p = pointer_push(ptr, &e.key);
        string_list(out, e, &p);
        actions(out, e, &p);
    }

    // Resource
    let r = s.entry("Resource");
    if r.is_none() && s.entry("NotResource").is_none() && kind != DocKind::Trust {
        out.emit("RAM004", head(s), ptr)
            .field("problem", tr!("has no `Resource`"))
            .label(tr!("`\"Resource\"` is missing"));
    }
    if let Some(r) = r {
        let p = pointer_push(ptr, "Resource");
        string_list(out, r, &p);
        resources(out, r, a, &p);
    }

    // Principal
    let wants = matches!(
        kind,
        DocKind::Trust | DocKind::Bucket | DocKind::Kms | DocKind::Log
    );
    match s.entry("Principal") {
        Some(p) if !wants => {
            out.emit("RAM006", p.key_loc, &pointer_push(ptr, "Principal"))
                .field(
                    "problem",
                    tr!(
                        "has a `Principal`, which {kind} policies do not take",
                        kind = kind.as_str()
                    ),
                )
                .label(tr!("not allowed here"));
        }
        None if wants => {
            out.emit("RAM006", head(s), ptr)
                .field(
                    "problem",
                    tr!(
                        "has no `Principal`, which {kind} policies require",
                        kind = kind.as_str()
                    ),
                )
                .label(tr!("`Principal` is missing"));
        }
        _ => {}
    }

    if let Some(c) = s.entry("Condition") {
        condition(out, c, &pointer_push(ptr, "Condition"));
    }
}

/// `Action`/`Resource` values: a string or a non-empty array of strings.
fn string_list(out: &mut Out, e: &Entry, p: &str) {
    match &e.value.kind {
        Kind::String(_) | Kind::Unknown(_) => {}
        Kind::List(l) if l.is_empty() => {
            out.emit("RAM004", e.value.loc, p)
                .field("problem", tr!("has an empty `{key}` array", key = e.key))
                .label(tr!("empty"));
        }
        Kind::List(l) => {
            for (i, v) in l.iter().enumerate() {
                if !matches!(v.kind, Kind::String(_) | Kind::Unknown(_)) {
                    not_string(out, v, &pointer_push(p, &i.to_string()), &e.key);
                }
            }
        }
        _ => not_string(out, &e.value, p, &e.key),
    }
}

fn not_string(out: &mut Out, v: &Value, p: &str, key: &str) {
    let fix = match &v.kind {
        Kind::Number(_) | Kind::Bool(_) => tr!(" (write it as \"{v}\")", v = v),
        _ => String::new(),
    };
    out.emit("RAM004", v.loc, p)
        .field(
            "problem",
            tr!(
                "has a `{key}` value that is {found}, not a string{fix}",
                key = key,
                found = describe(v),
                fix = fix
            ),
        )
        .label(tr!("must be a string"));
}

fn items(v: &Value) -> Vec<(Option<usize>, &Value)> {
    match &v.kind {
        Kind::List(l) => l.iter().enumerate().map(|(i, v)| (Some(i), v)).collect(),
        _ => vec![(None, v)],
    }
}

fn item_ptr(p: &str, i: Option<usize>) -> String {
    match i {
        Some(i) => pointer_push(p, &i.to_string()),
        None => p.to_string(),
    }
}

fn actions(out: &mut Out, e: &Entry, p: &str) {
    let cat = catalogue::get();
    for (i, v) in items(&e.value) {
        let Some(a) = v.as_str() else { continue };
        let ip = item_ptr(p, i);
        if a == "*" {
            continue;
        }
        let syntax = |problem: &str| (problem.to_string(), v.loc);
        let bad = if a.chars().any(char::is_whitespace) {
            Some(syntax(tr!("contains whitespace")))
        } else if a.is_empty() {
            Some(syntax(tr!("is empty")))
        } else {
            match a.split_once(':') {
                None => Some(syntax(tr!("has no `service:` prefix"))),
                Some((svc, act)) if svc.is_empty() || act.is_empty() => {
                    Some(syntax(tr!("has an empty service or action part")))
                }
                Some((_, act)) if act.contains(':') => Some(syntax(tr!("has more than one `:`"))),
                Some((svc, act))
                    if !svc.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '*' | '?')
                    }) || !act
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '*' | '?')) =>
                {
                    Some(syntax(tr!("contains characters that no action name has")))
                }
                _ => None,
            }
        };
        if let Some((problem, loc)) = bad {
            out.emit("RAM007", loc, &ip)
                .field("action", a)
                .field("problem", problem)
                .label(tr!("not `service:ActionName`"));
            continue;
        }
        let Some((svc, act)) = a.split_once(':') else {
            continue;
        };
        if svc.contains(['*', '?']) {
            continue;
        }
        let lsvc = svc.to_ascii_lowercase();
        if !cat.knows_service(&lsvc) {
            // RAM has hundreds of service codes; only a near miss of a known one is reported.
            let Some(hint) = suggest(&lsvc, cat.services()).filter(|_| lsvc.len() >= 5) else {
                continue;
            };
            // The list of service codes is curated by hand and not complete: a near miss may
            // be a service acslint does not know, so it is a fact to look at (info).
            let problem = tr!(
                "`{svc}` is not a RAM service code known to acslint",
                svc = svc
            );
            out.emit("RAM008", v.loc, &ip)
                .field("action", a)
                .field("problem", problem.clone())
                .field(
                    "suggestion",
                    tr!(
                        "did you mean `{action}`? ",
                        action = format!("{hint}:{act}")
                    ),
                )
                .weaker(
                    INFO,
                    tr!("action `{a}`: {problem}", a = a, problem = problem),
                )
                .label(tr!("unknown service"));
            continue;
        }
        if svc != lsvc {
            // The expected form also fixes the action's casing when the catalogue knows it.
            let fixed = cat.spelling(&lsvc, act).unwrap_or(act);
            out.emit("RAM009", v.loc, &ip)
                .field("action", a)
                .field("expected", format!("{lsvc}:{fixed}"))
                .label(tr!("service codes are lower case"));
            continue;
        }
        if !cat.catalogued(&lsvc) {
            continue;
        }
        // Where the service's list is not complete, a name missing from it may still exist: the
        // finding is info, with a message that says so.
        let complete = cat.complete(&lsvc);
        // The problem is a field of the message template or, where the list is not complete,
        // part of the weaker message that replaces the template's: never both (a large document
        // holds 300k of these).
        let problem_in = |e: super::model::Emitter<'_>, problem: String| {
            if complete {
                e.field("problem", problem);
            } else {
                e.weaker(
                    INFO,
                    tr!(
                        "action `{a}`: {problem} (acslint's list of `{lsvc}` actions is not complete)",
                        a = a,
                        problem = problem,
                        lsvc = lsvc
                    ),
                );
            }
        };
        if act.contains(['*', '?']) {
            let mut known = cat.actions_iter(&lsvc).into_iter().flatten();
            if !known.any(|k| super::model::wildcard(act, k, true)) {
                let problem = tr!(
                    "the pattern matches no action of `{lsvc}` in acslint's catalogue",
                    lsvc = lsvc
                );
                let e = out
                    .emit("RAM008", v.loc, &ip)
                    .field("action", a)
                    .field("suggestion", "")
                    .label(tr!("matches nothing"));
                problem_in(e, problem);
            }
            continue;
        }
        match cat.spelling(&lsvc, act) {
            Some(s) if s == act => {}
            Some(s) => {
                out.emit("RAM009", v.loc, &ip)
                    .field("action", a)
                    .field("expected", format!("{lsvc}:{s}"))
                    .label(tr!("the catalogue writes `{s}`", s = s));
            }
            None => {
                let hint = cat.suggest_action(&lsvc, act);
                let problem = tr!(
                    "`{act}` is not an action of `{lsvc}` in acslint's catalogue",
                    act = act,
                    lsvc = lsvc
                );
                let e = out
                    .emit("RAM008", v.loc, &ip)
                    .field("action", a)
                    .field(
                        "suggestion",
                        hint.map(|h| {
                            tr!("did you mean `{action}`? ", action = format!("{lsvc}:{h}"))
                        })
                        .unwrap_or_default(),
                    )
                    // The fix's value; without a suggestion the placeholder stays and no fix is
                    // offered.
                    .field_if("suggested", hint.map(|h| format!("{lsvc}:{h}")))
                    .label(tr!("unknown action"));
                problem_in(e, problem);
            }
        }
    }
}

/// Services whose actions may legitimately name resources of another service.
fn related(action_svc: &str, arn_svc: &str) -> bool {
    // ECS instances, VPC networks, RAM roles and KMS keys are named by many services' actions.
    action_svc == arn_svc
        || matches!(arn_svc, "ecs" | "vpc" | "ram" | "kms")
        || matches!(
            (action_svc, arn_svc),
            ("ecs", "vpc")
                | ("vpc", "ecs")
                | ("ims", "ram")
                | ("ram", "ims")
                | ("sts", "ram")
                | ("log", "sls")
                | ("sls", "log")
                | ("cs", "ecs")
                | ("slb", "vpc")
                | ("dms", "rds")
                // DMS grants `dms:LoginDatabase` and friends on the database ARNs of every
                // engine it manages.
                | (
                    "dms",
                    "polardb" | "dds" | "kvstore" | "drds" | "polardbx" | "adb" | "gpdb"
                        | "hbase" | "clickhouse" | "oceanbase" | "hitsdb" | "ots"
                )
                | ("das", "rds")
                | ("dbs", "rds")
        )
}

fn resources(out: &mut Out, e: &Entry, action: Option<&Entry>, p: &str) {
    // Concrete action services of the statement; `None` when any is a wildcard or unknown.
    let svcs: Option<Vec<String>> = action.and_then(|a| {
        items(&a.value)
            .into_iter()
            .map(|(_, v)| {
                let s = v.as_str()?;
                let (svc, _) = s.split_once(':')?;
                (!svc.contains(['*', '?'])).then(|| svc.to_ascii_lowercase())
            })
            .collect()
    });
    for (i, v) in items(&e.value) {
        let Some(r) = v.as_str() else { continue };
        if r == "*" {
            continue;
        }
        let ip = item_ptr(p, i);
        let bad = |problem: &str| problem.to_string();
        let problem = match parse_arn(r) {
            None if r.chars().any(char::is_whitespace) => Some(bad(tr!("contains whitespace"))),
            None => Some(bad(tr!(
                "is neither `*` nor an ARN `acs:<service>:<region>:<account>:<relative-id>`"
            ))),
            Some(a) if a.service.is_empty() => Some(bad(tr!("has an empty service part"))),
            Some(a) if a.relative.is_empty() => Some(bad(tr!("has an empty relative-id part"))),
            Some(a) if r.chars().any(char::is_whitespace) || a.account.contains('/') => {
                Some(bad(tr!("is not a well-formed ARN")))
            }
            Some(_) => None,
        };
        if let Some(problem) = problem {
            out.emit("RAM010", v.loc, &ip)
                .field("resource", r)
                .field("problem", problem)
                .label(tr!("malformed resource"));
            continue;
        }
        let Some(arn) = parse_arn(r) else { continue };
        if arn.service.contains(['*', '?']) {
            continue;
        }
        if let Some(svcs) = &svcs {
            let asvc = arn.service.to_ascii_lowercase();
            if !svcs.is_empty() && !svcs.iter().any(|s| related(s, &asvc)) {
                let mut list: Vec<&str> = svcs.iter().map(String::as_str).collect();
                list.dedup();
                out.emit("RAM010", v.loc, &ip)
                    .field("resource", r)
                    .field(
                        "problem",
                        tr!(
                            "names service `{service}`, but the statement's actions are of `{services}`",
                            service = arn.service,
                            services = list.join("`, `")
                        ),
                    )
                    .label(tr!("no action of the statement applies to this resource"))
                    .secondary(action.and_then(|a| a.key_loc), tr!("the statement's actions"));
            }
        }
    }
}

fn condition(out: &mut Out, c: &Entry, p: &str) {
    let Some(ops) = c.value.as_object() else {
        if !c.value.is_unknown() {
            out.emit("RAM004", c.value.loc, p)
                .field(
                    "problem",
                    tr!(
                        "has a `Condition` that is {found}, not an object of operators",
                        found = describe(&c.value)
                    ),
                )
                .label(tr!("must be an object"));
        }
        return;
    };
    for op in ops {
        let op_ptr = pointer_push(p, &op.key);
        let name = op.key.as_str();
        if !OPERATORS.contains(&name) {
            let (problem, hint) = unsupported_operator(name);
            let case_only = hint.filter(|h| h.eq_ignore_ascii_case(name));
            out.emit("RAM011", op.key_loc, &op_ptr)
                .field("operator", name)
                .field("problem", problem)
                .field("suggestion", did_you_mean(hint))
                .field_if("operator_case", case_only.map(str::to_string))
                .label(match hint {
                    Some(h) => tr!("did you mean `{h}`?", h = h),
                    None => tr!("unknown operator").to_string(),
                });
            continue;
        }
        let Some(keys) = op.value.as_object() else {
            if !op.value.is_unknown() {
                out.emit("RAM004", op.value.loc, &op_ptr)
                    .field(
                        "problem",
                        tr!(
                            "has a `{name}` condition that is {found}, not an object of keys",
                            name = name,
                            found = describe(&op.value)
                        ),
                    )
                    .label(tr!("must be an object"));
            }
            continue;
        };
        for k in keys {
            let kp = pointer_push(&op_ptr, &k.key);
            condition_key(out, k, &kp);
            for (i, v) in items(&k.value) {
                let vp = item_ptr(&kp, i);
                match &v.kind {
                    Kind::String(s) => condition_value(out, name, &k.key, s, v.loc, &vp),
                    Kind::Unknown(_) => {}
                    _ => not_string(out, v, &vp, &k.key),
                }
            }
        }
    }
}

fn unsupported_operator(name: &str) -> (String, Option<&'static str>) {
    let base = name
        .strip_prefix("ForAnyValue:")
        .or_else(|| name.strip_prefix("ForAllValues:"));
    if let Some(b) = base {
        return (
            tr!("uses a set prefix (`ForAnyValue:`/`ForAllValues:`), which RAM does not support")
                .into(),
            OPERATORS.iter().copied().find(|o| *o == b),
        );
    }
    if let Some(b) = name.strip_suffix("IfExists") {
        return (
            tr!("uses an `…IfExists` operator, which RAM does not support").into(),
            OPERATORS.iter().copied().find(|o| *o == b),
        );
    }
    if name == "Null" {
        return (tr!("is `Null`, which RAM does not support").into(), None);
    }
    if let Some(o) = OPERATORS.iter().find(|o| o.eq_ignore_ascii_case(name)) {
        return (
            tr!("has the wrong case; operators are case-sensitive").into(),
            Some(o),
        );
    }
    (
        tr!("is not one of RAM's condition operators").into(),
        suggest(name, OPERATORS.iter().copied()),
    )
}

fn condition_key(out: &mut Out, k: &Entry, p: &str) {
    let Some(rest) = k
        .key
        .get(..4)
        .filter(|s| s.eq_ignore_ascii_case("acs:"))
        .map(|_| &k.key[4..])
    else {
        return;
    };
    let full = format!("acs:{rest}");
    let exact = GLOBAL_KEYS.iter().any(|g| match g.strip_suffix('/') {
        Some(prefix) => k.key.starts_with(g) && k.key.len() > prefix.len() + 1,
        None => *g == k.key,
    });
    if exact {
        return;
    }
    let ci = GLOBAL_KEYS
        .iter()
        .copied()
        .find(|g| match g.strip_suffix('/') {
            Some(_) => full
                .to_ascii_lowercase()
                .starts_with(&g.to_ascii_lowercase()),
            None => g.eq_ignore_ascii_case(&full),
        });
    let (problem, hint) = match ci {
        Some(g) => (tr!("has the wrong case"), Some(g.trim_end_matches('/'))),
        None => (
            tr!("is not a global condition key known to acslint"),
            suggest(&k.key, GLOBAL_KEYS.iter().map(|g| g.trim_end_matches('/'))),
        ),
    };
    out.emit("RAM012", k.key_loc, p)
        .field("key", k.key.clone())
        .field("problem", format!("{problem}{}", did_you_mean(hint)))
        .label(tr!("unknown condition key"));
}

fn condition_value(out: &mut Out, op: &str, key: &str, s: &str, loc: Option<Loc>, p: &str) {
    let expected = if op.starts_with("Numeric") {
        (s.trim().parse::<f64>().is_err()).then_some(tr!("a number"))
    } else if op.starts_with("Date") {
        (!is_iso8601(s)).then_some(tr!("an ISO 8601 date-time such as 2025-01-31T23:59:59Z"))
    } else if op == "Bool" {
        (s != "true" && s != "false").then_some(tr!("\"true\" or \"false\""))
    } else if op.ends_with("IpAddress") {
        (!is_ip_or_cidr(s)).then_some(tr!("an IP address or CIDR block"))
    } else {
        None
    };
    if let Some(expected) = expected {
        out.emit("RAM012", loc, p)
            .field("key", key)
            .field(
                "problem",
                tr!(
                    "has value \"{s}\", but `{op}` expects {expected}",
                    s = s,
                    op = op,
                    expected = expected
                ),
            )
            .label(tr!("not {expected}", expected = expected));
    }
}

fn is_iso8601(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if !(b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10))
    {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    b[10] == b'T' && b.len() >= 16 && digits(11..13) && b[13] == b':' && digits(14..16)
}

fn is_ip_or_cidr(s: &str) -> bool {
    let (ip, mask) = match s.split_once('/') {
        Some((ip, m)) => (ip, Some(m)),
        None => (s, None),
    };
    match ip.parse::<std::net::IpAddr>() {
        Ok(addr) => mask.is_none_or(|m| {
            m.parse::<u8>()
                .is_ok_and(|m| m <= if addr.is_ipv4() { 32 } else { 128 })
        }),
        Err(_) => false,
    }
}

/// Document length as RAM counts it: whitespace outside strings does not count.
fn size(out: &mut Out) {
    if !matches!(out.doc.kind, DocKind::Identity | DocKind::Control) {
        return;
    }
    let len = match &out.doc.text {
        Some(t) => compact_len(t),
        None => {
            if out.doc.value.contains_unknown() {
                return;
            }
            serde_json::to_string(&out.doc.value.to_json())
                .map(|s| s.chars().count())
                .unwrap_or(0)
        }
    };
    if len > MAX_POLICY_CHARS {
        let loc = out.doc.value.loc;
        out.emit("RAM013", head(&out.doc.value).or(loc), "")
            .field("length", len.to_string())
            .field("limit", MAX_POLICY_CHARS.to_string())
            .label(tr!("{len} characters without whitespace", len = len));
    }
}

/// The characters of `t` without the whitespace outside strings (what RAM's length limit
/// counts). A string's body is skipped to its next quote or backslash at once and its
/// characters counted as the bytes that start one: a document of 300k actions is 8 MB, most of
/// it inside strings, which a character at a time took ~20 ms on one thread.
fn compact_len(t: &str) -> usize {
    let b = t.as_bytes();
    let chars = |s: &[u8]| s.iter().filter(|&&c| (c as i8) >= -0x40).count();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'"' {
            n += 1;
            i += 1;
            // The string's body, to its closing quote (or the end of the text).
            loop {
                let Some(k) = crate::bytes::find2(b'"', b'\\', &b[i..]) else {
                    return n + chars(&b[i..]);
                };
                n += chars(&b[i..i + k]) + 1;
                i += k + 1;
                if b[i - 1] == b'"' {
                    break;
                }
                // What a backslash escapes counts as one character, whatever it is.
                if let Some(c) = t[i..].chars().next() {
                    n += 1;
                    i += c.len_utf8();
                }
            }
        } else {
            let c = t[i..].chars().next().expect("a character boundary");
            n += usize::from(!c.is_whitespace());
            i += c.len_utf8();
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_shapes() {
        assert!(is_iso8601("2025-01-31T23:59:59Z"));
        assert!(is_iso8601("2025-01-31"));
        assert!(!is_iso8601("31/01/2025"));
        assert!(is_ip_or_cidr("10.0.0.0/8"));
        assert!(is_ip_or_cidr("203.0.113.7"));
        assert!(is_ip_or_cidr("2001:db8::/32"));
        assert!(!is_ip_or_cidr("10.0.0.0/33"));
        assert!(!is_ip_or_cidr("vpc-123"));
        assert_eq!(compact_len("{ \"a b\" : 1 }"), 9);
        // As a character at a time counts: escapes (of quotes, backslashes, non-ASCII), Unicode
        // inside and outside strings, whitespace of every kind, an unterminated string.
        let slow = |t: &str| {
            let (mut n, mut in_str, mut esc) = (0, false, false);
            for c in t.chars() {
                if in_str {
                    n += 1;
                    match c {
                        _ if esc => esc = false,
                        '\\' => esc = true,
                        '"' => in_str = false,
                        _ => {}
                    }
                } else if !c.is_whitespace() {
                    n += 1;
                    in_str = c == '"';
                }
            }
            n
        };
        for t in [
            "",
            "{\"Statement\": [{\"Action\": [\"ecs:Run\", \"oss:*\"]}]}",
            " \t\n\r\u{b}\u{c}\u{a0}\u{2028}{ \"a\" :\u{3000}\"b\" }",
            "\"esc \\\" quote\\\\\" \"\\é\" \"é ü 中文 \" 中 文 ",
            "\"a\\",
            "\"unterminated é",
            "\"\\\u{1f600}x\" y",
        ] {
            assert_eq!(compact_len(t), slow(t), "{t:?}");
        }
    }

    #[test]
    fn operators() {
        assert_eq!(unsupported_operator("IpAdress").1, Some("IpAddress"));
        assert_eq!(
            unsupported_operator("StringEqualsIfExists").1,
            Some("StringEquals")
        );
        assert_eq!(
            unsupported_operator("ForAnyValue:StringLike").1,
            Some("StringLike")
        );
        assert_eq!(unsupported_operator("stringequals").1, Some("StringEquals"));
        assert!(unsupported_operator("Null").0.contains("Null"));
    }
}
