//! Coverage of one action by the statements of a set of policies, with RAM's evaluation:
//! wildcards, `NotAction`, resources and conditions. Used by `acslint policy covers` (which
//! operations a set of Deny statements leaves open) and the blast-radius rule (which operations
//! a user's policies allow).

use super::model::{
    condition_keys, condition_values, parse_arn, wildcard, Effect, Stmt, PROBE_ACTION,
};
use crate::value::Kind;

/// How a set of statements of one effect covers an action on every resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cover {
    /// Every request for the action, on every resource, from anywhere.
    Full,
    /// Only some requests: the reason names the condition or the resources.
    Partial(String),
    /// A statement that might cover it holds a value that is not known.
    Unknown(String),
    None,
}

impl Cover {
    fn rank(&self) -> u8 {
        match self {
            Cover::Full => 3,
            Cover::Partial(_) => 2,
            Cover::Unknown(_) => 1,
            Cover::None => 0,
        }
    }
    /// The stronger of two covers (the first one wins a tie, so reasons are stable).
    pub fn or(self, other: Cover) -> Cover {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// Is the pattern every resource of `service` (`*`, `acs:*:*:*:*`, `acs:ecs:*:*:*`)?
fn every_resource(pattern: &str, service: &str) -> bool {
    let p = pattern.trim();
    p == "*"
        || parse_arn(p).is_some_and(|a| {
            wildcard(a.service, service, true)
                && a.region == "*"
                && a.account == "*"
                && a.relative == "*"
        })
}

/// The condition of a statement in words: `NotIpAddress acs:SourceIp (192.0.2.0/24)`.
pub fn condition_text(s: &Stmt) -> String {
    let keys = condition_keys(s);
    if keys.is_empty() {
        return "a condition".into();
    }
    keys.iter()
        .map(|(op, _, v)| {
            // The key as written (condition_keys lower-cases it).
            let key = s
                .condition
                .and_then(|c| c.value.get(op))
                .and_then(|o| o.as_object())
                .and_then(|o| o.iter().find(|e| std::ptr::eq(&e.value, *v)))
                .map(|e| e.key.as_str())
                .unwrap_or("?");
            let vals = condition_values(v);
            if vals.is_empty() {
                format!("{op} {key}")
            } else {
                format!("{op} {key} ({})", vals.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// How the statements of `effect` cover `action` (`service:Action`) on every resource.
pub fn cover(stmts: &[Stmt], effect: Effect, action: &str) -> Cover {
    let service = action.split_once(':').map_or("", |(s, _)| s);
    let mut best = Cover::None;
    for s in stmts {
        let unknown_effect = s.effect_entry.is_some_and(|e| e.value.contains_unknown());
        if s.effect != Some(effect) && !unknown_effect {
            continue;
        }
        let act_unknown = s.action().is_some_and(|f| f.has_unknown())
            || s.not_action().is_some_and(|f| f.has_unknown());
        if !s.covers_action(action) {
            if act_unknown {
                best = best.or(Cover::Unknown(format!(
                    "the action list of {} is not known",
                    s.pointer
                )));
            }
            continue;
        }
        if unknown_effect {
            best = best.or(Cover::Unknown(format!(
                "the Effect of {} is not known",
                s.pointer
            )));
            continue;
        }
        if s.has_condition() {
            let unknown = s.condition.is_some_and(|c| {
                c.value.contains_unknown() || !matches!(c.value.kind, Kind::Object(_))
            });
            best = best.or(if unknown {
                Cover::Unknown(format!("the Condition of {} is not known", s.pointer))
            } else {
                Cover::Partial(format!("only under {}", condition_text(s)))
            });
            continue;
        }
        if s.not_resource.is_some() {
            best = best.or(Cover::Partial(
                "not on the resources NotResource lists".into(),
            ));
            continue;
        }
        if s.resource.is_some_and(|r| r.value.contains_unknown()) {
            best = best.or(Cover::Unknown(format!(
                "the Resource of {} is not known",
                s.pointer
            )));
            continue;
        }
        let res = s.resource_patterns();
        if res.iter().any(|r| every_resource(r, service)) {
            return Cover::Full;
        }
        best = best.or(Cover::Partial(format!("only on {}", res.join(", "))));
    }
    best
}

/// Does a statement set cover every operation of a service, including those acslint's
/// catalogue does not list (a Deny that names each known action misses new ones)?
pub fn covers_whole_service(stmts: &[Stmt], effect: Effect, service: &str) -> Cover {
    cover(stmts, effect, &format!("{service}:{PROBE_ACTION}"))
}

/// The status of one listed operation against a set of Deny statements.
#[derive(Clone, Debug)]
pub struct OpStatus {
    /// `service:Action`, or `service:*` for a whole service.
    pub op: String,
    pub verified: bool,
    pub cover: Cover,
    /// Where the strongest cover comes from (`file /Statement/0`).
    pub by: Option<String>,
}

/// A set of policy documents, each with a display name.
pub struct Documents<'a> {
    pub docs: Vec<(String, Vec<Stmt<'a>>)>,
}

impl Documents<'_> {
    /// The strongest Deny over every document, and where it is.
    pub fn deny(&self, action: &str) -> (Cover, Option<String>) {
        let mut best = (Cover::None, None);
        for (name, st) in &self.docs {
            let c = cover(st, Effect::Deny, action);
            if c.rank() > best.0.rank() {
                let at = if matches!(c, Cover::Full) {
                    // Name the statement that denies it.
                    st.iter()
                        .find(|s| {
                            s.effect == Some(Effect::Deny)
                                && cover(std::slice::from_ref(*s), Effect::Deny, action)
                                    == Cover::Full
                        })
                        .map(|s| format!("{name} {}", s.pointer))
                } else {
                    Some(name.clone())
                };
                best = (c, at);
            }
        }
        best
    }
}

/// Check operations against the documents. `whole` lists the services that are listed whole:
/// for them every catalogued action is checked, and an operation outside the catalogue too.
pub fn check_ops(docs: &Documents, ops: &[super::highrisk::Op], whole: &[String]) -> Vec<OpStatus> {
    let mut out = Vec::new();
    for op in ops {
        let text = op.text();
        let (cover, by) = docs.deny(&text);
        out.push(OpStatus {
            op: text,
            verified: op.verified,
            cover,
            by,
        });
    }
    for svc in whole {
        let verified = ops.iter().any(|o| &o.service == svc && o.verified);
        let probe = format!("{svc}:{PROBE_ACTION}");
        let (cover, by) = docs.deny(&probe);
        out.push(OpStatus {
            op: format!("{svc}:* (operations outside acslint's catalogue)"),
            verified,
            cover,
            by,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::statements;

    fn doc(json: &str) -> crate::value::Value {
        crate::value::Value::from_json(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn wildcards_not_action_conditions_and_resources() {
        let d = doc(r#"{"Statement":[
            {"Effect":"Deny","Action":"ecs:Delete*","Resource":"*"},
            {"Effect":"Deny","NotAction":["ecs:*","rds:*"],"Resource":"*"},
            {"Effect":"Deny","Action":"rds:DeleteBackup","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":["192.0.2.0/24"]}}},
            {"Effect":"Deny","Action":"rds:CreateAccount","Resource":"acs:rds:*:*:dbinstance/rm-1"},
            {"Effect":"Allow","Action":"ecs:RunInstances","Resource":"*"}
        ]}"#);
        let st = statements(&d);
        assert_eq!(cover(&st, Effect::Deny, "ecs:DeleteInstance"), Cover::Full);
        assert_eq!(cover(&st, Effect::Deny, "ecs:RunInstances"), Cover::None);
        assert_eq!(cover(&st, Effect::Deny, "ram:CreateUser"), Cover::Full);
        assert_eq!(cover(&st, Effect::Deny, "rds:DescribeBackups"), Cover::None);
        assert_eq!(
            cover(&st, Effect::Deny, "rds:DeleteBackup"),
            Cover::Partial("only under NotIpAddress acs:SourceIp (192.0.2.0/24)".into())
        );
        assert_eq!(
            cover(&st, Effect::Deny, "rds:CreateAccount"),
            Cover::Partial("only on acs:rds:*:*:dbinstance/rm-1".into())
        );
        assert_eq!(cover(&st, Effect::Allow, "ecs:RunInstances"), Cover::Full);
        assert_eq!(covers_whole_service(&st, Effect::Deny, "ram"), Cover::Full);
        assert_eq!(covers_whole_service(&st, Effect::Deny, "ecs"), Cover::None);
    }
}
