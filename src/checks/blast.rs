//! IAM030, the blast radius of an AccessKey: the high-risk operations (the list in use) that
//! the key's RAM user may call through its own policies and its groups' policies, and that no
//! attached Deny covers. Custom policies of the configuration are evaluated like RAM does;
//! system policies come from the table in `rulesets/data/system-policies.hcl`. Anything that
//! cannot be resolved makes the result unknown, never a silent pass.

use super::attr::{self, at, str_at, Got};
use super::{BlockCtx, Sink};
use crate::finding::Emit;
use crate::i18n::tr;
use crate::policy::cover::{cover, Cover};
use crate::policy::highrisk::{self, SystemPolicy};
use crate::policy::model::{statements, Effect};
use crate::source::{Loc, SourceMap};
use crate::tf::{Block, Configuration, UnknownNote};
use crate::value::Value;

const CODE: &str = "IAM030";
const USER_ATTRS: &[&str] = &["name", "user_name"];
const GROUP_ATTRS: &[&str] = &["name", "group_name"];

/// A name written literally, or the resource a reference points to (by its literal name when
/// it has one, by address otherwise).
#[derive(Clone, Debug, PartialEq)]
enum Name {
    Absent,
    Unknown(String),
    Is(String),
}

fn name_of(
    sources: &SourceMap,
    cfg: &Configuration,
    v: Option<&Value>,
    rtype: &str,
    name_attrs: &[&str],
) -> Name {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Name::Absent;
    };
    if let Some(s) = v.as_str() {
        return Name::Is(s.to_string());
    }
    // The evaluator records the innermost unknown (`random_string.x.id` inside the user's
    // name); the written traversal says which resource the attribute names.
    let written = attr::references_in(sources, v);
    let target = written.iter().find_map(|r| {
        attr::split_reference(r)
            .filter(|(t, _, _)| *t == rtype)
            .map(|(_, n, _)| (r, n))
    });
    let Some((r, n)) = target else {
        return Name::Unknown(match attr::reference(sources, v) {
            Some(r) => format!("`{r}` is not known statically"),
            None => "the value is not known statically".into(),
        });
    };
    // The block of the same module as the reference, else the first of that name.
    let module_of = |loc: Option<Loc>| {
        loc.and_then(|l| {
            cfg.blocks
                .iter()
                .find(|b| b.file == l.file && b.loc.start <= l.start && l.end <= b.loc.end)
                .map(|b| b.module.clone())
        })
    };
    let module = module_of(v.loc);
    let block = cfg
        .of_type(rtype)
        .find(|b| *b.name == *n && module.as_deref() == Some(&*b.module))
        .or_else(|| attr::resource(cfg, rtype, n));
    match block {
        Some(b) => name_attrs
            .iter()
            .find_map(|a| match str_at(&b.value, a) {
                Got::Is(s, _) => Some(Name::Is(s.to_string())),
                _ => None,
            })
            .unwrap_or_else(|| Name::Is(b.address.clone())),
        None => Name::Unknown(format!("`{r}` is not in this configuration")),
    }
}

/// The traversal written for an attribute of a block (`user_name = alicloud_ram_user.u.name`):
/// evaluated values carry the span of where they came from (the user's own `name`), so the
/// reference has to be read from the block's text.
fn written(sources: &SourceMap, b: &Block, attr_name: &str) -> Option<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r#"(?m)^[ \t]*([A-Za-z_]+)[ \t]*=[ \t]*(alicloud_[A-Za-z0-9_]+\.[A-Za-z0-9_-]+(?:\[[^\]\n]*\])?\.[A-Za-z_]+)[ \t]*(?:#.*|//.*)?$"#)
            .expect("valid regex")
    });
    let text = sources.get(b.file).text.get(b.loc.range())?;
    re.captures_iter(text)
        .find(|c| &c[1] == attr_name)
        .map(|c| c[2].to_string())
}

/// [`name_of`] for an attribute of a block, reading the written reference when the value is
/// not known.
fn attr_name(
    sources: &SourceMap,
    cfg: &Configuration,
    b: &Block,
    attr_name: &str,
    rtype: &str,
    name_attrs: &[&str],
) -> Name {
    let got = name_of(sources, cfg, b.value.get(attr_name), rtype, name_attrs);
    if let Name::Unknown(_) = &got {
        if let Some((t, n, _)) = written(sources, b, attr_name)
            .as_deref()
            .and_then(attr::split_reference)
            .map(|(t, n, a)| (t.to_string(), n.to_string(), a.to_string()))
        {
            if t == rtype {
                let block = cfg
                    .of_type(rtype)
                    .find(|x| *x.name == *n && x.module == b.module);
                if let Some(x) = block {
                    return name_attrs
                        .iter()
                        .find_map(|a| match str_at(&x.value, a) {
                            Got::Is(s, _) => Some(Name::Is(s.to_string())),
                            _ => None,
                        })
                        .unwrap_or_else(|| Name::Is(x.address.clone()));
                }
            }
        }
    }
    got
}

fn user_name(sources: &SourceMap, cfg: &Configuration, v: Option<&Value>) -> Name {
    name_of(sources, cfg, v, "alicloud_ram_user", USER_ATTRS)
}

/// What one attached policy grants and denies.
enum Grants<'a> {
    System(&'a SystemPolicy),
    Custom(Value),
}

/// One attachment that applies to the user: through what (`user`, `group ops`), the block.
struct Attached<'a> {
    via: String,
    block: &'a Block,
    policy: String,
    grants: Grants<'static>,
}

/// The policy an attachment names, resolved; `Err` says why it is unknown.
fn resolve(ctx: &BlockCtx, b: &Block) -> Result<(String, Grants<'static>), String> {
    let v = &b.value;
    let policy_type = match str_at(v, "policy_type") {
        Got::Is(t, _) => Some(t.eq_ignore_ascii_case("custom")),
        // `alicloud_ram_policy.p.type` is computed: the name decides below.
        _ => None,
    };
    let custom_named = |name: &str| {
        ctx.config.of_type("alicloud_ram_policy").find(|p| {
            matches!(str_at(&p.value, "policy_name"), Got::Is(n, _) if n == name)
                || matches!(str_at(&p.value, "name"), Got::Is(n, _) if n == name)
        })
    };
    // A written reference to a policy of this configuration decides first.
    let referenced = written(ctx.sources, b, "policy_name")
        .as_deref()
        .and_then(attr::split_reference)
        .filter(|(t, _, _)| *t == "alicloud_ram_policy")
        .and_then(|(_, n, _)| {
            ctx.config
                .of_type("alicloud_ram_policy")
                .find(|p| *p.name == *n && p.module == b.module)
        });
    let policy = match (referenced, str_at(v, "policy_name")) {
        (Some(p), _) => p,
        (None, Got::Is(name, _)) => {
            let custom = policy_type.unwrap_or_else(|| custom_named(name).is_some());
            if !custom {
                return highrisk::system_policies()
                    .get(name)
                    .map(|p| (name.to_string(), Grants::System(p)))
                    .ok_or_else(|| {
                        format!(
                            "system policy `{name}` is not in acslint's table of system policies"
                        )
                    });
            }
            custom_named(name).ok_or_else(|| {
                format!("custom policy `{name}` is not defined in this configuration")
            })?
        }
        (None, Got::Unknown(val)) => attr::reference(ctx.sources, val)
            .as_deref()
            .and_then(attr::split_reference)
            .filter(|(t, _, _)| *t == "alicloud_ram_policy")
            .and_then(|(_, n, _)| attr::resource(ctx.config, "alicloud_ram_policy", n))
            .ok_or_else(|| "the attached policy's name is not known statically".to_string())?,
        _ => return Err("the attachment names no policy".into()),
    };
    for name in ["policy_document", "document"] {
        let Some(d) = policy.value.get(name) else {
            continue;
        };
        if let Some(enc) = &d.encoded {
            return Ok((policy.address.clone(), Grants::Custom((**enc).clone())));
        }
        if d.contains_unknown() {
            return Err(format!("the document of `{}` is not known", policy.address));
        }
        if let Some(s) = d.as_str() {
            return serde_json::from_str::<serde_json::Value>(s)
                .map(|j| (policy.address.clone(), Grants::Custom(Value::from_json(&j))))
                .map_err(|_| format!("the document of `{}` is not valid JSON", policy.address));
        }
    }
    Err(format!(
        "`{}` has no policy document acslint reads",
        policy.address
    ))
}

fn active(v: &Value) -> Option<bool> {
    match str_at(v, "status") {
        Got::Absent | Got::Invalid(_) => Some(true),
        Got::Is(s, _) => Some(s == "Active"),
        Got::Unknown(_) => None,
    }
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

/// IAM030 on one `alicloud_ram_access_key`.
pub fn access_key(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let (src, cfg) = (ctx.sources, ctx.config);
    let unknown = |sink: &mut Sink, loc: Option<Loc>, reason: String| {
        sink.unknown(UnknownNote {
            rule: CODE.into(),
            file: b.file,
            loc: loc.or(Some(b.header)),
            address: Some(b.address.clone()),
            reason,
        })
    };
    if active(&b.value) == Some(false) {
        return;
    }
    let user_val = b.value.get("user_name");
    let user = match attr_name(src, cfg, b, "user_name", "alicloud_ram_user", USER_ATTRS) {
        // A key without a user is the account's own (IAM003): its blast radius is everything.
        Name::Absent => return,
        Name::Unknown(why) => {
            return unknown(sink, at(b, user_val), format!("whose key it is: {why}"));
        }
        Name::Is(u) => u,
    };
    let mut attached: Vec<Attached> = Vec::new();
    let mut unknowns: Vec<(Option<Loc>, String)> = Vec::new();
    // Own attachments.
    for a in cfg.of_type("alicloud_ram_user_policy_attachment") {
        match attr_name(src, cfg, a, "user_name", "alicloud_ram_user", USER_ATTRS) {
            Name::Is(u) if u == user => match resolve(ctx, a) {
                Ok((policy, grants)) => attached.push(Attached {
                    via: "the user".into(),
                    block: a,
                    policy,
                    grants,
                }),
                Err(why) => unknowns.push((Some(a.header), why)),
            },
            Name::Unknown(why) => unknowns.push((
                Some(a.header),
                format!(
                    "`{}` attaches to a user that is not known: {why}",
                    a.address
                ),
            )),
            _ => {}
        }
    }
    // Groups the user is in.
    let mut groups: Vec<String> = Vec::new();
    for m in cfg.of_type("alicloud_ram_group_membership") {
        let members: Vec<Name> = match m.value.get("user_names") {
            Some(v) => match v.as_list() {
                Some(l) => l.iter().map(|x| user_name(src, cfg, Some(x))).collect(),
                None if v.contains_unknown() => {
                    vec![Name::Unknown("the member list is not known".into())]
                }
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let is_member = members.iter().any(|n| *n == Name::Is(user.clone()));
        let maybe = members.iter().any(|n| matches!(n, Name::Unknown(_)));
        match attr_name(src, cfg, m, "group_name", "alicloud_ram_group", GROUP_ATTRS) {
            Name::Is(g) if is_member => groups.push(g),
            Name::Is(_) if maybe => unknowns.push((
                Some(m.header),
                format!("the members of `{}` are not known", m.address),
            )),
            Name::Unknown(why) if is_member || maybe => {
                unknowns.push((Some(m.header), format!("the group is not known: {why}")))
            }
            _ => {}
        }
    }
    for m in cfg.of_type("alicloud_ram_user_group_attachment") {
        if attr_name(src, cfg, m, "user_name", "alicloud_ram_user", USER_ATTRS)
            == Name::Is(user.clone())
        {
            match attr_name(src, cfg, m, "group_name", "alicloud_ram_group", GROUP_ATTRS) {
                Name::Is(g) => groups.push(g),
                Name::Unknown(why) => {
                    unknowns.push((Some(m.header), format!("the group is not known: {why}")))
                }
                Name::Absent => {}
            }
        }
    }
    for a in cfg.of_type("alicloud_ram_group_policy_attachment") {
        match attr_name(src, cfg, a, "group_name", "alicloud_ram_group", GROUP_ATTRS) {
            Name::Is(g) if groups.contains(&g) => match resolve(ctx, a) {
                Ok((policy, grants)) => attached.push(Attached {
                    via: format!("group `{g}`"),
                    block: a,
                    policy,
                    grants,
                }),
                Err(why) => unknowns.push((Some(a.header), why)),
            },
            Name::Unknown(why) if !groups.is_empty() => unknowns.push((
                Some(a.header),
                format!(
                    "`{}` attaches to a group that is not known: {why}",
                    a.address
                ),
            )),
            _ => {}
        }
    }
    let docs: Vec<(usize, Vec<crate::policy::model::Stmt>)> = attached
        .iter()
        .enumerate()
        .filter_map(|(i, a)| match &a.grants {
            Grants::Custom(v) => Some((i, statements(v))),
            Grants::System(_) => None,
        })
        .collect();
    let mut hits: Vec<String> = Vec::new();
    let mut granting: Vec<usize> = Vec::new();
    let mut undecided: Option<String> = None;
    for &action in highrisk::active_grants() {
        let mut by: Option<usize> = None;
        for (i, a) in attached.iter().enumerate() {
            if let Grants::System(p) = &a.grants {
                if p.allows(action) {
                    by = Some(i);
                    break;
                }
            }
        }
        if by.is_none() {
            for (i, st) in &docs {
                match cover(st, Effect::Allow, action) {
                    // A grant limited to some resources still exposes those resources; one
                    // limited by a condition (a network, MFA) does not travel with the key.
                    Cover::Full => by = Some(*i),
                    Cover::Partial(why) if !why.starts_with("only under") => by = Some(*i),
                    Cover::Unknown(why) => {
                        undecided.get_or_insert(why);
                    }
                    _ => {}
                }
                if by.is_some() {
                    break;
                }
            }
        }
        let Some(i) = by else { continue };
        let mut denied = false;
        for (_, st) in &docs {
            match cover(st, Effect::Deny, action) {
                Cover::Full => denied = true,
                Cover::Unknown(why) => {
                    undecided.get_or_insert(why);
                }
                _ => {}
            }
        }
        if !denied {
            hits.push(action.to_string());
            if !granting.contains(&i) {
                granting.push(i);
            }
        }
    }
    if let Some(why) = undecided {
        unknowns.push((None, why));
    }
    let uloc = at(b, user_val);
    // An unknown policy or membership could hold a Deny or a grant: no verdict.
    if let Some((loc, why)) = unknowns.first() {
        unknown(
            sink,
            loc.or(uloc),
            format!("the permissions of RAM user `{user}` are not all known: {why}"),
        );
        return;
    }
    if hits.is_empty() {
        return;
    }
    // Named operations first: `ecs:RunCommand` says more than the 100th RAM write action.
    let whole: Vec<&str> = highrisk::active()
        .services
        .iter()
        .filter(|s| s.actions.iter().any(|a| a == "*"))
        .map(|s| s.name.as_str())
        .collect();
    hits.sort_by_key(|h| whole.iter().any(|w| h.split(':').next() == Some(*w)));
    let via: Vec<String> = granting
        .iter()
        .map(|&i| format!("`{}` on {}", attached[i].policy, attached[i].via))
        .collect();
    let mut e = Emit::new(CODE, b.file, uloc)
        .resource(Some(b.address.clone()))
        .field("user", user.clone())
        .field("count", hits.len().to_string())
        .field("apis", list(&hits, 4))
        .field("via", via.join(", "))
        .label(tr!("this key can call high-risk APIs"));
    for &i in &granting {
        e = e.secondary(
            Some(attached[i].block.header),
            tr!(
                "grants them through `{policy}`",
                policy = attached[i].policy
            ),
        );
    }
    sink.emit(e);
}
