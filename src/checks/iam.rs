//! Identity and credential checks (IAM): provider credentials, AccessKeys, outputs, policy
//! attachments, login profiles, the security preference, password policies and role sessions.

use super::attr::{self, at, blocks, bool_at, note, num, num_at, opt_num, str_at, Got};
use super::{BlockCtx, Sink};
use crate::finding::Emit;
use crate::i18n::tr;
use crate::source::SourceMap;
use crate::tf::{Block, Configuration};
use crate::value::Value;

fn emit(code: &'static str, b: &Block, loc: Option<crate::source::Loc>) -> Emit {
    Emit::new(code, b.file, loc).resource(Some(b.address.clone()))
}

/// `LTAI5tAbCd…Yx9Q`: enough to recognise a key, never enough to use it.
pub fn redact(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 10 {
        return format!("{}…", chars.iter().take(4).collect::<String>());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

/// A literal that could be a real credential: long, one token, random-looking.
fn plausible_credential(s: &str) -> bool {
    let body = s
        .strip_prefix("LTAI")
        .or_else(|| s.strip_prefix("STS."))
        .unwrap_or(s);
    s.len() >= 12
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+/=._-".contains(c))
        && super::secrets::looks_random(body, 3.0)
}

// ── provider "alicloud" ─────────────────────────────────────────────────────────────────────

/// IAM001 hard-coded credentials, IAM002 static keys without `assume_role`.
pub fn provider_credentials(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    for name in ["access_key", "secret_key", "security_token"] {
        match str_at(v, name) {
            // Placeholders (`"xxxxxx"`, `"<your-access-key-id>"`) are not credentials.
            Got::Is(s, val) if plausible_credential(s) => {
                let mut e = emit("IAM001", b, val.loc)
                    .field("attribute", name)
                    .label(tr!("credential written in the configuration"));
                if name == "access_key" {
                    e = e.field("shown", format!(" ({})", redact(s)));
                } else {
                    e = e.field("shown", "");
                }
                sink.emit(e);
            }
            Got::Unknown(val) => sink.unknown(note("IAM001", b, val, name)),
            _ => {}
        }
    }
    // Static keys: an AccessKey pair without a role to assume and without an STS token.
    let key = match str_at(v, "access_key") {
        Got::Is(s, val) if !s.trim().is_empty() => val,
        Got::Unknown(val) => {
            if blocks(v, "assume_role").is_empty() && !attr::is_set(v, "security_token") {
                sink.unknown(note("IAM002", b, val, "access_key"));
            }
            return;
        }
        _ => return,
    };
    if !blocks(v, "assume_role").is_empty()
        || !blocks(v, "assume_role_with_oidc").is_empty()
        || attr::is_set(v, "security_token")
    {
        return;
    }
    sink.emit(
        emit("IAM002", b, key.loc)
            .field("provider", b.address.clone())
            .label(tr!("a long-lived AccessKey is used directly")),
    );
}

// ── alicloud_ram_access_key ─────────────────────────────────────────────────────────────────

enum User {
    Absent,
    Unknown,
    Is(String),
}

/// Who a `user_name` names: the literal name, or the user block it references (by its literal
/// name when written, by address otherwise).
fn user_of(sources: &SourceMap, cfg: &Configuration, v: &Value) -> User {
    match str_at(v, "user_name") {
        Got::Absent => User::Absent,
        Got::Is(s, _) => User::Is(s.to_string()),
        Got::Invalid(_) => User::Unknown,
        Got::Unknown(val) => {
            let Some(r) = attr::reference(sources, val) else {
                return User::Unknown;
            };
            match attr::split_reference(&r) {
                Some(("alicloud_ram_user", n, _)) => {
                    match attr::resource(cfg, "alicloud_ram_user", n)
                        .map(|u| (str_at(&u.value, "name"), str_at(&u.value, "user_name")))
                    {
                        Some((Got::Is(s, _), _)) | Some((_, Got::Is(s, _))) => {
                            User::Is(s.to_string())
                        }
                        _ => User::Is(format!("alicloud_ram_user.{n}")),
                    }
                }
                _ => User::Unknown,
            }
        }
    }
}

fn is_active(v: &Value) -> Option<bool> {
    match str_at(v, "status") {
        Got::Absent => Some(true),
        Got::Is(s, _) => Some(s == "Active"),
        Got::Unknown(_) => None,
        Got::Invalid(_) => Some(true),
    }
}

/// IAM003–IAM007 on one AccessKey.
pub fn access_key(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    let user = user_of(ctx.sources, ctx.config, v);
    match &user {
        User::Absent => sink.emit(emit("IAM003", b, Some(b.header)).label(tr!(
            "no `user_name`: the key belongs to whoever runs Terraform"
        ))),
        User::Unknown => {
            if let Some(val) = v.get("user_name") {
                sink.unknown(note("IAM003", b, val, "user_name"));
                // Whose key it is decides IAM006 and IAM007 as well.
                if ctx.config.of_type("alicloud_ram_access_key").count() > 1 {
                    sink.unknown(note("IAM006", b, val, "user_name"));
                }
                if ctx
                    .config
                    .of_type("alicloud_ram_login_profile")
                    .next()
                    .is_some()
                {
                    sink.unknown(note("IAM007", b, val, "user_name"));
                }
            }
        }
        User::Is(_) => {}
    }
    match v.get("pgp_key") {
        None => sink.emit(
            emit("IAM004", b, Some(b.header)).label(tr!("secret kept in state in plain text")),
        ),
        Some(p) if p.is_null() => sink.emit(
            emit("IAM004", b, at(b, Some(p))).label(tr!("secret kept in state in plain text")),
        ),
        Some(p) if p.contains_unknown() => sink.unknown(note("IAM004", b, p, "pgp_key")),
        Some(_) => {}
    }
    match str_at(v, "secret_file") {
        Got::Is(path, val) => sink.emit(
            emit("IAM005", b, val.loc)
                .field("path", path)
                .label(tr!("the secret is written to this file")),
        ),
        Got::Unknown(val) => sink.unknown(note("IAM005", b, val, "secret_file")),
        _ => {}
    }
    let User::Is(name) = user else { return };
    let user_loc = at(b, v.get("user_name"));
    // IAM006: an earlier active key for the same user makes this one the second.
    match is_active(v) {
        None => {
            if let Some(s) = v.get("status") {
                sink.unknown(note("IAM006", b, s, "status"));
            }
        }
        Some(true) => {
            let earlier = ctx
                .config
                .of_type("alicloud_ram_access_key")
                .take_while(|o| !std::ptr::eq(*o, b))
                .find(|o| {
                    is_active(&o.value) == Some(true)
                        && matches!(user_of(ctx.sources, ctx.config, &o.value), User::Is(ref n) if *n == name)
                });
            if let Some(first) = earlier {
                sink.emit(
                    emit("IAM006", b, user_loc)
                        .field("user", name.clone())
                        .label(tr!("second active AccessKey for this user"))
                        .secondary(Some(first.header), tr!("the first active key")),
                );
            }
        }
        Some(false) => {}
    }
    // IAM007: the same user also has a console password.
    if let Some(lp) = ctx.config.of_type("alicloud_ram_login_profile").find(
        |lp| matches!(user_of(ctx.sources, ctx.config, &lp.value), User::Is(ref n) if *n == name),
    ) {
        sink.emit(
            emit("IAM007", b, user_loc)
                .field("user", name)
                .label(tr!("programmatic access for a console user"))
                .secondary(Some(lp.header), tr!("console logon enabled here")),
        );
    }
}

// ── outputs ─────────────────────────────────────────────────────────────────────────────────

/// Resource attributes that hold secrets.
const SECRET_ATTRIBUTES: &[(&str, &str)] = &[
    ("alicloud_ram_access_key", "secret"),
    ("alicloud_ram_login_profile", "password"),
    ("alicloud_kms_secret", "secret_data"),
    ("alicloud_db_account", "account_password"),
    ("alicloud_db_account", "password"),
    ("alicloud_rds_account", "account_password"),
    ("alicloud_instance", "password"),
    ("alicloud_ecs_instance_set", "password"),
];

/// IAM008: an output that exposes a secret attribute without `sensitive = true`.
pub fn output_secrets(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let Some(value) = b.value.get("value") else {
        return;
    };
    // Every secret attribute's name holds `secret` or `password`: the references written in a
    // text holding neither (most outputs) are not listed, only the one an unknown value names.
    let t = attr::text(ctx.sources, value.loc);
    let refs = match t.contains("secret") || t.contains("password") {
        true => attr::references_in(ctx.sources, value),
        false => value
            .as_unknown()
            .and_then(|u| u.reference.as_deref())
            .map(str::to_string)
            .into_iter()
            .collect(),
    };
    let exposed = refs.into_iter().find(|r| {
        attr::split_reference(r).is_some_and(|(t, _, a)| {
            SECRET_ATTRIBUTES
                .iter()
                .any(|(st, sa)| *st == t && *sa == a)
        })
    });
    let Some(r) = exposed else { return };
    match bool_at(&b.value, "sensitive") {
        Got::Is(true, _) => {}
        Got::Unknown(s) => sink.unknown(note("IAM008", b, s, "sensitive")),
        got => {
            let e = emit("IAM008", b, at(b, Some(value)))
                .field("output", b.name.to_string())
                .field("reference", r)
                .label(tr!("secret value exposed"));
            let e = match got {
                Got::Is(false, s) => e.secondary(s.loc, "`sensitive = false`"),
                _ => e,
            };
            sink.emit(e);
        }
    }
}

// ── policy attachments ──────────────────────────────────────────────────────────────────────

/// What an admin grant looks like in a policy document, if any: (action, resource).
pub fn admin_grant(doc: &serde_json::Value) -> Option<(String, String)> {
    use serde_json::Value as J;
    let list = |v: Option<&J>| -> Vec<String> {
        match v {
            Some(J::String(s)) => vec![s.clone()],
            Some(J::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    };
    let key = |o: &serde_json::Map<String, J>, k: &str| -> Option<J> {
        o.iter()
            .find(|(kk, _)| kk.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.clone())
    };
    let obj = doc.as_object()?;
    let stmts = match key(obj, "Statement")? {
        J::Array(a) => a,
        s @ J::Object(_) => vec![s],
        _ => return None,
    };
    for s in stmts {
        let Some(o) = s.as_object() else { continue };
        let effect = key(o, "Effect");
        if effect
            .as_ref()
            .and_then(J::as_str)
            .is_some_and(|e| !e.eq_ignore_ascii_case("allow"))
        {
            continue;
        }
        let actions = list(key(o, "Action").as_ref());
        let resources = list(key(o, "Resource").as_ref());
        let any_res = resources.iter().find(|r| *r == "*" || *r == "acs:*:*:*:*");
        let admin_act = actions.iter().find(|a| {
            let a = a.to_ascii_lowercase();
            a == "*" || a == "*:*" || a == "ram:*"
        });
        if let (Some(a), Some(r)) = (admin_act, any_res) {
            return Some((a.clone(), r.clone()));
        }
    }
    None
}

/// A policy document held by an `alicloud_ram_policy` block, as plain JSON.
enum Doc {
    Known(serde_json::Value),
    Unknown(Value),
    Missing,
}

fn policy_doc(p: &Block) -> Doc {
    for name in ["policy_document", "document"] {
        let Some(v) = p.value.get(name) else { continue };
        if let Some(enc) = &v.encoded {
            return Doc::Known(enc.to_json());
        }
        if v.contains_unknown() {
            return Doc::Unknown(v.clone());
        }
        if let Some(s) = v.as_str() {
            return match serde_json::from_str(s) {
                Ok(j) => Doc::Known(j),
                Err(_) => Doc::Missing,
            };
        }
    }
    // Deprecated `statement { effect action resource }` blocks.
    let st = blocks(&p.value, "statement");
    if !st.is_empty() {
        return Doc::Known(serde_json::json!({ "Statement": st.iter().map(|s| {
            let mut o = s.to_json();
            if let Some(m) = o.as_object_mut() {
                let moved: Vec<(String, serde_json::Value)> = m.iter().map(|(k, v)| {
                    let mut c = k.chars();
                    let cap = c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default();
                    (cap, v.clone())
                }).collect();
                *m = moved.into_iter().collect();
            }
            o
        }).collect::<Vec<_>>() }));
    }
    Doc::Missing
}

fn principal_kind(rtype: &str) -> &'static str {
    match rtype {
        "alicloud_ram_user_policy_attachment" => "user",
        "alicloud_ram_group_policy_attachment" => "group",
        _ => "role",
    }
}

/// IAM009 policies on users, IAM010 admin policies, IAM011 product-admin policies.
pub fn policy_attachment(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    let who = principal_kind(&b.rtype);
    if who == "user" {
        sink.emit(
            emit("IAM009", b, Some(b.header)).label(tr!("permissions granted to a user directly")),
        );
    }
    let custom =
        matches!(str_at(v, "policy_type"), Got::Is(t, _) if t.eq_ignore_ascii_case("custom"));
    let name_val = v.get("policy_name");
    let policy = match str_at(v, "policy_name") {
        Got::Is(name, val) => {
            if !custom {
                if name == "AdministratorAccess" || name == "AliyunRAMFullAccess" {
                    sink.emit(
                        emit("IAM010", b, val.loc)
                            .field("policy", name)
                            .field("principal", who)
                            .field(
                                "why",
                                if name == "AdministratorAccess" {
                                    tr!("it grants every action on every resource")
                                } else {
                                    tr!("it can grant any permission, including itself")
                                },
                            )
                            .label(tr!("administrator policy")),
                    );
                    return;
                }
                if name.starts_with("Aliyun") && name.ends_with("FullAccess") {
                    sink.emit(
                        emit("IAM011", b, val.loc)
                            .field("policy", name)
                            .field("principal", who)
                            .label(tr!("full access to a whole service")),
                    );
                    return;
                }
            }
            // A custom policy of this configuration, by its literal name.
            ctx.config.of_type("alicloud_ram_policy").find(|p| {
                matches!(str_at(&p.value, "policy_name"), Got::Is(n, _) if n == name)
                    || matches!(str_at(&p.value, "name"), Got::Is(n, _) if n == name)
            })
        }
        Got::Unknown(val) => {
            let target = attr::reference(ctx.sources, val)
                .as_deref()
                .and_then(attr::split_reference)
                .filter(|(t, _, _)| *t == "alicloud_ram_policy")
                .and_then(|(_, n, _)| attr::resource(ctx.config, "alicloud_ram_policy", n));
            if target.is_none() {
                sink.unknown(note("IAM010", b, val, "policy_name"));
                sink.unknown(note("IAM011", b, val, "policy_name"));
            }
            target
        }
        _ => None,
    };
    let Some(p) = policy else { return };
    match policy_doc(p) {
        Doc::Known(j) => {
            if let Some((action, resource)) = admin_grant(&j) {
                sink.emit(
                    emit("IAM010", b, at(b, name_val))
                        .field("policy", p.address.clone())
                        .field("principal", who)
                        .field(
                            "why",
                            tr!(
                                "it allows `{action}` on `{resource}`",
                                action = action,
                                resource = resource
                            ),
                        )
                        .label(tr!("administrator policy"))
                        .secondary(Some(p.header), tr!("policy defined here")),
                );
            }
        }
        Doc::Unknown(d) => {
            let mut n = note("IAM010", b, &d, "policy document of the attached policy");
            n.loc = at(b, name_val);
            sink.unknown(n);
        }
        Doc::Missing => {}
    }
}

// ── login profiles and the security preference ─────────────────────────────────────────────

/// True when an `alicloud_ram_security_preference` of the configuration makes MFA mandatory.
fn mfa_enforced(cfg: &Configuration) -> bool {
    cfg.of_type("alicloud_ram_security_preference").any(|sp| {
        matches!(
            str_at(&sp.value, "mfa_operation_for_login"),
            Got::Is("mandatory", _)
        ) || matches!(
            bool_at(&sp.value, "enforce_mfa_for_login"),
            Got::Is(true, _)
        )
    })
}

/// IAM012: a console login profile that does not require MFA.
pub fn login_profile(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    match bool_at(&b.value, "mfa_bind_required") {
        Got::Is(true, _) => {}
        Got::Unknown(v) => sink.unknown(note("IAM012", b, v, "mfa_bind_required")),
        got => {
            if mfa_enforced(ctx.config) {
                return;
            }
            let loc = match got {
                Got::Is(false, v) => v.loc,
                _ => Some(b.header),
            };
            sink.emit(emit("IAM012", b, loc).label(tr!("console password without MFA")));
        }
    }
}

/// IAM013–IAM016 on the account's security preference.
pub fn security_preference(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    // IAM013: MFA for console logon. The fix depends on which attribute the configuration
    // uses: the legacy boolean is set where it is written, else the provider 1.248+ setting.
    let fix = |e: Emit, attr: &str, value: serde_json::Value| {
        let syntax = ctx.config.syntax_of(b.file);
        crate::fix::with_set(e, ctx.sources, syntax, b, &[(attr.to_string(), value)])
    };
    match str_at(v, "mfa_operation_for_login") {
        Got::Is("mandatory", _) => {}
        Got::Is(other, val) => sink.emit(fix(
            emit("IAM013", b, val.loc)
                .field("setting", format!("mfa_operation_for_login = \"{other}\""))
                .label(tr!("MFA not required for every logon")),
            "mfa_operation_for_login",
            "mandatory".into(),
        )),
        Got::Unknown(val) => sink.unknown(note("IAM013", b, val, "mfa_operation_for_login")),
        Got::Absent | Got::Invalid(_) => match bool_at(v, "enforce_mfa_for_login") {
            Got::Is(true, _) => {}
            Got::Unknown(val) => sink.unknown(note("IAM013", b, val, "enforce_mfa_for_login")),
            Got::Is(false, val) => sink.emit(fix(
                emit("IAM013", b, val.loc)
                    .field("setting", "enforce_mfa_for_login = false")
                    .label(tr!("MFA not required for every logon")),
                "enforce_mfa_for_login",
                true.into(),
            )),
            _ => sink.emit(fix(
                emit("IAM013", b, Some(b.header))
                    .field("setting", tr!("the default `independent`"))
                    .label(tr!("MFA left to each user")),
                "mfa_operation_for_login",
                "mandatory".into(),
            )),
        },
    }
    // IAM014: users managing their own AccessKeys.
    match bool_at(v, "allow_user_to_manage_access_keys") {
        Got::Is(true, val) => sink
            .emit(emit("IAM014", b, val.loc).label(tr!("users can create their own AccessKeys"))),
        Got::Unknown(val) => {
            sink.unknown(note("IAM014", b, val, "allow_user_to_manage_access_keys"))
        }
        _ => {}
    }
    // IAM015: idle limits and session length.
    let max_idle = opt_num(ctx.sel, "IAM015", "max_idle_days");
    for (name, what) in [
        (
            "max_idle_days_for_users",
            tr!("idle users lose console logon"),
        ),
        (
            "max_idle_days_for_access_keys",
            tr!("idle AccessKeys are disabled"),
        ),
    ] {
        match num_at(v, name) {
            Got::Is(n, val) if n > max_idle => sink.emit(
                emit("IAM015", b, val.loc)
                    .field("attribute", name)
                    .field("limit_value", num(max_idle))
                    .field("what", what)
                    .field("value", tr!("after {n} days", n = num(n)))
                    .field("limit", tr!("{n} days", n = num(max_idle)))
                    .label(tr!("disabled too late")),
            ),
            Got::Absent => sink.emit(
                emit("IAM015", b, Some(b.header))
                    .field("attribute", name)
                    .field("limit_value", num(max_idle))
                    .field("what", what)
                    .field(
                        "value",
                        tr!("after 730 days (the default of `{name}`)", name = name),
                    )
                    .field("limit", tr!("{n} days", n = num(max_idle)))
                    .label(tr!("`{name}` not set", name = name)),
            ),
            Got::Unknown(val) => sink.unknown(note("IAM015", b, val, name)),
            _ => {}
        }
    }
    let max_session = opt_num(ctx.sel, "IAM015", "max_session_hours");
    match num_at(v, "login_session_duration") {
        Got::Is(n, val) if n > max_session => sink.emit(
            emit("IAM015", b, val.loc)
                .field("attribute", "login_session_duration")
                .field("limit_value", num(max_session))
                .field("what", tr!("console sessions end"))
                .field("value", tr!("after {n} hours", n = num(n)))
                .field("limit", tr!("{n} hours", n = num(max_session)))
                .label(tr!("sessions last too long")),
        ),
        Got::Unknown(val) => sink.unknown(note("IAM015", b, val, "login_session_duration")),
        _ => {}
    }
    // IAM016: console logon from any network.
    match str_at(v, "login_network_masks") {
        Got::Is(s, val) if s.trim().is_empty() => sink.emit(
            emit("IAM016", b, val.loc)
                .field("masks", tr!("no mask"))
                .label(tr!("no logon network mask")),
        ),
        Got::Is(s, val) => {
            if let Some(m) = s.split([';', ',']).map(str::trim).find(|m| too_wide(m)) {
                sink.emit(
                    emit("IAM016", b, val.loc)
                        .field("masks", tr!("the mask `{m}`", m = m))
                        .label(tr!("mask covers most of the Internet")),
                );
            }
        }
        Got::Absent => sink.emit(
            emit("IAM016", b, Some(b.header))
                .field("masks", tr!("no mask"))
                .label(tr!("`login_network_masks` not set")),
        ),
        Got::Unknown(val) => sink.unknown(note("IAM016", b, val, "login_network_masks")),
        Got::Invalid(_) => {}
    }
}

/// A logon mask wider than a /8 is no restriction worth the name.
fn too_wide(mask: &str) -> bool {
    match mask.split_once('/') {
        Some((_, p)) => p.trim().parse::<u8>().is_ok_and(|p| p < 8),
        None => false,
    }
}

// ── password policies ──────────────────────────────────────────────────────────────────────

struct Defaults {
    min_length: f64,
    require: bool,
    login_attr: &'static str,
    login_default: f64,
}

/// IAM017–IAM022 on `alicloud_ram_account_password_policy` and `alicloud_ram_password_policy`
/// (whose defaults are weaker, and which spells `max_login_attemps`).
pub fn password_policy(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    let d = if &*b.rtype == "alicloud_ram_password_policy" {
        Defaults {
            min_length: 8.0,
            require: false,
            login_attr: "max_login_attemps",
            login_default: 0.0,
        }
    } else {
        Defaults {
            min_length: 12.0,
            require: true,
            login_attr: "max_login_attempts",
            login_default: 5.0,
        }
    };
    let sel = ctx.sel;
    let dflt = |name: &str| {
        tr!(
            "`{name}` is not set; the default of {rtype} is",
            name = name,
            rtype = b.rtype
        )
    };
    // A numeric attribute, its value, and where to point (`None` when the default applies).
    let number = |name: &str,
                  default: f64,
                  code: &str,
                  sink: &mut Sink|
     -> Option<(f64, String, Option<crate::source::Loc>)> {
        match num_at(v, name) {
            Got::Is(n, val) => Some((n, tr!("`{name}` is", name = name), val.loc)),
            Got::Absent => Some((default, dflt(name), Some(b.header))),
            Got::Unknown(val) => {
                sink.unknown(note(code, b, val, name));
                None
            }
            Got::Invalid(_) => None,
        }
    };

    let min = opt_num(sel, "IAM017", "min_length");
    if let Some((n, how, loc)) = number("minimum_password_length", d.min_length, "IAM017", sink) {
        if n < min {
            sink.emit(
                emit("IAM017", b, loc)
                    .field("how", how)
                    .field("value", num(n))
                    .field("min", num(min))
                    .label(tr!("passwords too short")),
            );
        }
    }
    for (name, class, facet) in [
        (
            "require_uppercase_characters",
            tr!("an uppercase letter"),
            "uppercase",
        ),
        (
            "require_lowercase_characters",
            tr!("a lowercase letter"),
            "lowercase",
        ),
        ("require_numbers", tr!("a digit"), "numbers"),
        ("require_symbols", tr!("a symbol"), "symbols"),
    ] {
        let (ok, how, loc) = match bool_at(v, name) {
            Got::Is(x, val) => (x, format!("`{name} = {x}`"), val.loc),
            Got::Absent => (
                d.require,
                tr!(
                    "`{name}` is not set and defaults to false on {rtype}",
                    name = name,
                    rtype = b.rtype
                ),
                Some(b.header),
            ),
            Got::Unknown(val) => {
                sink.unknown(note("IAM018", b, val, name));
                continue;
            }
            Got::Invalid(_) => continue,
        };
        if !ok {
            sink.emit(
                emit("IAM018", b, loc)
                    .facet(facet)
                    .field("attribute", name)
                    .field("class", class)
                    .field("how", how)
                    .label(tr!("{class} not required", class = class)),
            );
        }
    }
    let max_age = opt_num(sel, "IAM019", "max_age");
    if let Some((n, how, loc)) = number("max_password_age", 0.0, "IAM019", sink) {
        if n == 0.0 || n > max_age {
            let what = if n == 0.0 {
                tr!("passwords never expire (0 disables expiry)").to_string()
            } else {
                tr!("passwords expire after {n} days", n = num(n))
            };
            sink.emit(
                emit("IAM019", b, loc)
                    .field("how", how)
                    .field("value", num(n))
                    .field("what", what)
                    .field("max", num(max_age))
                    .label(tr!("password expiry too long or off")),
            );
        }
    }
    let min_reuse = opt_num(sel, "IAM020", "min_reuse");
    if let Some((n, how, loc)) = number("password_reuse_prevention", 0.0, "IAM020", sink) {
        if n < min_reuse {
            let what = if n == 0.0 {
                tr!("old passwords can be reused (0 disables the history check)").to_string()
            } else {
                tr!("only the last {n} passwords are remembered", n = num(n))
            };
            sink.emit(
                emit("IAM020", b, loc)
                    .field("how", how)
                    .field("value", num(n))
                    .field("what", what)
                    .field("min", num(min_reuse))
                    .label(tr!("password reuse allowed")),
            );
        }
    }
    let max_attempts = opt_num(sel, "IAM021", "max_login_attempts");
    if let Some((n, how, loc)) = number(d.login_attr, d.login_default, "IAM021", sink) {
        if n == 0.0 || n > max_attempts {
            let what = if n == 0.0 {
                tr!("logon is never locked after failed attempts (0 disables the lock)").to_string()
            } else {
                tr!("logon is locked only after {n} failed attempts", n = num(n))
            };
            sink.emit(
                emit("IAM021", b, loc)
                    .field("attribute", d.login_attr)
                    .field("how", how)
                    .field("value", num(n))
                    .field("what", what)
                    .field("max", num(max_attempts))
                    .label(tr!("password guessing not limited enough")),
            );
        }
    }
    match bool_at(v, "hard_expiry") {
        Got::Is(true, _) => {}
        Got::Unknown(val) => sink.unknown(note("IAM022", b, val, "hard_expiry")),
        Got::Is(false, val) => sink.emit(
            emit("IAM022", b, val.loc)
                .field("how", "`hard_expiry = false`")
                .label(tr!("expired passwords still log on")),
        ),
        Got::Absent => sink.emit(
            emit("IAM022", b, Some(b.header))
                .field("how", tr!("`hard_expiry` is not set and defaults to false"))
                .label(tr!("expired passwords still log on")),
        ),
        Got::Invalid(_) => {}
    }
}

// ── roles ───────────────────────────────────────────────────────────────────────────────────

/// The accounts a trust policy lets assume the role (RAM principals).
fn trusted_accounts(doc: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let statements = match doc.get("Statement") {
        Some(serde_json::Value::Array(a)) => a.clone(),
        Some(s) => vec![s.clone()],
        None => Vec::new(),
    };
    for s in statements {
        if s.get("Effect")
            .and_then(|e| e.as_str())
            .is_some_and(|e| !e.eq_ignore_ascii_case("allow"))
        {
            continue;
        }
        let Some(ram) = s.get("Principal").and_then(|p| p.get("RAM")) else {
            continue;
        };
        let items: Vec<&str> = match ram {
            serde_json::Value::String(x) => vec![x.as_str()],
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
            _ => Vec::new(),
        };
        for it in items {
            // `acs:ram::<account>:root`, `acs:ram::<account>:role/x`, or a bare account ID.
            let acct = it
                .strip_prefix("acs:ram::")
                .and_then(|r| r.split(':').next())
                .unwrap_or(it);
            if !acct.is_empty()
                && acct.chars().all(|c| c.is_ascii_digit())
                && !out.iter().any(|a: &String| a == acct)
            {
                out.push(acct.to_string());
            }
        }
    }
    out
}

/// IAM023: a role that accounts may assume with sessions up to the 12-hour maximum.
pub fn role_session(ctx: &BlockCtx, sink: &mut Sink) {
    let b = ctx.block;
    let v = &b.value;
    let limit = opt_num(ctx.sel, "IAM023", "max_session_duration");
    let (n, val) = match num_at(v, "max_session_duration") {
        Got::Is(n, val) if n > limit => (n, val),
        Got::Unknown(val) => {
            sink.unknown(note("IAM023", b, val, "max_session_duration"));
            return;
        }
        _ => return,
    };
    let doc = ["assume_role_policy_document", "document"]
        .iter()
        .find_map(|k| v.get(k).filter(|d| !d.is_null()));
    let Some(doc) = doc else { return };
    let json = if let Some(enc) = &doc.encoded {
        enc.to_json()
    } else if doc.contains_unknown() {
        sink.unknown(note("IAM023", b, doc, "trust policy"));
        return;
    } else {
        match doc.as_str().map(serde_json::from_str::<serde_json::Value>) {
            Some(Ok(j)) => j,
            _ => return,
        }
    };
    let accounts = trusted_accounts(&json);
    if accounts.is_empty() {
        return;
    }
    sink.emit(
        emit("IAM023", b, val.loc)
            .field("hours", num((n / 360.0).round() / 10.0))
            .field("accounts", accounts.join(", "))
            .label(tr!("sessions up to the maximum length"))
            .secondary(doc.loc, tr!("trusted by another account here")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_only_the_ends() {
        assert_eq!(redact("LTAI5tAbCdEfGhIjKlMnYx9Q"), "LTAI5t…Yx9Q");
        assert_eq!(redact("LTAIshort"), "LTAI…");
    }

    #[test]
    fn admin_grants() {
        let j = serde_json::json!({"Statement": [{"Effect": "Allow", "Action": ["ecs:*", "*"], "Resource": "*"}]});
        assert_eq!(admin_grant(&j), Some(("*".into(), "*".into())));
        let j = serde_json::json!({"Statement": {"Effect": "Allow", "Action": "ram:*", "Resource": ["acs:*:*:*:*"]}});
        assert_eq!(
            admin_grant(&j),
            Some(("ram:*".into(), "acs:*:*:*:*".into()))
        );
        let j =
            serde_json::json!({"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]});
        assert_eq!(admin_grant(&j), None);
        let j = serde_json::json!({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "acs:oss:*:*:b"}]});
        assert_eq!(admin_grant(&j), None);
    }

    #[test]
    fn trusted_accounts_from_principals() {
        let j = serde_json::json!({"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
            "Principal": {"RAM": ["acs:ram::123456789012:root", "987"], "Service": ["ecs.aliyuncs.com"]}}]});
        assert_eq!(trusted_accounts(&j), vec!["123456789012", "987"]);
        let j = serde_json::json!({"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs.aliyuncs.com"}}]});
        assert!(trusted_accounts(&j).is_empty());
    }
}
