//! The high-risk API list (`rulesets/data/high-risk-apis.hcl`: the operations Alibaba Cloud
//! blocks for a leaked AccessKey) and the table of system policies the rules know
//! (`rulesets/data/system-policies.hcl`). Both are embedded at build time (see build.rs); a
//! newer high-risk list can replace the built-in one for a run (`--high-risk-list FILE`,
//! `high_risk_list` in `.acslint.hcl`).

use super::catalogue::{self, is_read_only};
use super::model::action_matches;
use serde::Deserialize;
use std::path::Path;
use std::sync::OnceLock;

const BUILTIN_LIST: &str = include_str!(concat!(env!("OUT_DIR"), "/high-risk-apis.json"));
const BUILTIN_SYSTEM: &str = include_str!(concat!(env!("OUT_DIR"), "/system-policies.json"));

fn yes() -> bool {
    true
}

/// One service of the list.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The RAM code used in policies (`ecs`).
    pub name: String,
    #[serde(default)]
    pub product: String,
    /// False when no official page confirms the RAM code: a Deny with a wrong code denies
    /// nothing.
    #[serde(default = "yes")]
    pub verified: bool,
    /// Operation names; `*` is every operation of the service.
    pub actions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighRiskList {
    pub source: String,
    pub date: String,
    #[serde(rename = "service", default)]
    pub services: Vec<Service>,
    /// `built-in` or the file it was read from.
    #[serde(skip)]
    pub origin: String,
    #[serde(skip)]
    grants: OnceLock<Vec<String>>,
    #[serde(skip)]
    all: OnceLock<Vec<Op>>,
}

/// One operation to deny or check: `ecs:RunInstances`, or a whole service (`ram:*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub service: String,
    /// An operation name, or `*`.
    pub action: String,
    pub verified: bool,
}

impl Op {
    pub fn text(&self) -> String {
        format!("{}:{}", self.service, self.action)
    }
}

static ACTIVE: OnceLock<HighRiskList> = OnceLock::new();

/// The built-in list's [`HighRiskList::grant_actions`], made by build.rs.
const BUILTIN_GRANTS: &[&str] = include!(concat!(env!("OUT_DIR"), "/high-risk-grants.rs"));

/// [`HighRiskList::grant_actions`] of the list in use: the built-in list's from the binary,
/// without parsing the list and building the table (a one-file run's policy checks asked for
/// it once, for a sixth of their time).
pub fn active_grants() -> &'static [&'static str] {
    static GRANTS: OnceLock<Vec<&'static str>> = OnceLock::new();
    match ACTIVE.get() {
        None => BUILTIN_GRANTS,
        Some(l) => GRANTS.get_or_init(|| l.grant_actions().iter().map(String::as_str).collect()),
    }
}

/// The built-in list.
pub fn builtin() -> &'static HighRiskList {
    static L: OnceLock<HighRiskList> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = parse_json(BUILTIN_LIST).expect("the built-in high-risk list is valid");
        l.origin = "built-in".into();
        l
    })
}

/// The list in use: the one given for this run, else the built-in one.
pub fn active() -> &'static HighRiskList {
    ACTIVE.get().unwrap_or_else(builtin)
}

/// Use `list` for the rest of the process (first call wins: one run, one list).
pub fn set_active(list: HighRiskList) {
    let _ = ACTIVE.set(list);
}

fn parse_json(text: &str) -> Result<HighRiskList, String> {
    let l: HighRiskList = serde_json::from_str(text).map_err(|e| e.to_string())?;
    l.validate()?;
    Ok(l)
}

/// Read a list from a file: the HCL shape of the built-in one, or the same as JSON.
pub fn load(path: &Path) -> Result<HighRiskList, String> {
    let text = crate::source::read_regular(path, crate::source::MAX_CONFIG_SIZE)
        .and_then(|b| String::from_utf8(b).map_err(|_| "it is not valid UTF-8".into()))
        .map_err(|e| format!("cannot read high-risk list {}: {e}", path.display()))?;
    let json = if text.trim_start().starts_with('{') {
        serde_json::from_str(&text).map_err(|e| e.to_string())
    } else {
        crate::hcljson::data_body(&text).map_err(|e| e.message)
    };
    let mut l = json
        .and_then(|j| serde_json::from_value::<HighRiskList>(j).map_err(|e| e.to_string()))
        .and_then(|l| l.validate().map(|_| l))
        .map_err(|e| format!("high-risk list {}: {e}", path.display()))?;
    l.origin = crate::source::display_path(path);
    Ok(l)
}

fn ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl HighRiskList {
    fn validate(&self) -> Result<(), String> {
        if self.source.trim().is_empty() || self.date.trim().is_empty() {
            return Err("`source` and `date` are required".into());
        }
        if self.services.is_empty() {
            return Err("the list has no `service` block".into());
        }
        for s in &self.services {
            if !ident(&s.name) {
                return Err(format!("service `{}`: not a RAM code", s.name));
            }
            if s.actions.is_empty() {
                return Err(format!("service `{}`: `actions` is empty", s.name));
            }
            if let Some(a) = s.actions.iter().find(|a| *a != "*" && !ident(a)) {
                return Err(format!(
                    "service `{}`: `{a}` is not an operation name",
                    s.name
                ));
            }
        }
        Ok(())
    }

    /// The operations as listed (`ram:*`, `ecs:RunInstances`, …).
    pub fn ops(&self) -> Vec<Op> {
        self.services
            .iter()
            .flat_map(|s| {
                s.actions.iter().map(|a| Op {
                    service: s.name.clone(),
                    action: a.clone(),
                    verified: s.verified,
                })
            })
            .collect()
    }

    /// Every operation, whole services expanded from the action catalogue (a service the
    /// catalogue does not know stays `svc:*`).
    pub fn expanded(&self) -> &[Op] {
        self.all.get_or_init(|| {
            let c = catalogue::get();
            let mut out = Vec::new();
            for op in self.ops() {
                match (op.action.as_str(), c.actions(&op.service)) {
                    ("*", Some(acts)) => out.extend(acts.iter().map(|a| Op {
                        action: a.to_string(),
                        ..op.clone()
                    })),
                    _ => out.push(op),
                }
            }
            out
        })
    }

    /// The `service:Action`s that count when a policy grants them (RAM025, IAM030): whole
    /// services count for their write operations only, since their read operations are
    /// blocked for a leaked key but give an attacker nothing to act with.
    pub fn grant_actions(&self) -> &[String] {
        self.grants.get_or_init(|| {
            let whole: Vec<&str> = self
                .services
                .iter()
                .filter(|s| s.actions.iter().any(|a| a == "*"))
                .map(|s| s.name.as_str())
                .collect();
            // What `expanded` lists, read from the catalogue's text instead of copied into
            // operations first (a one-file run with a policy asks for this once).
            let c = catalogue::get();
            let mut out = Vec::new();
            for s in &self.services {
                for a in &s.actions {
                    let mut keep = |action: &str| {
                        if !whole.contains(&s.name.as_str())
                            // Service-linked roles are created by services under an
                            // `acs:Service` condition; PassRole is not an API.
                            || !(is_read_only(action)
                                || action.contains("ServiceLinkedRole")
                                || action == "PassRole")
                        {
                            // Joined by hand: `format!` was most of this table's cost (217
                            // operations for the built-in list).
                            let mut op = String::with_capacity(s.name.len() + 1 + action.len());
                            op.push_str(&s.name);
                            op.push(':');
                            op.push_str(action);
                            out.push(op);
                        }
                    };
                    match (a.as_str(), c.actions_iter(&s.name)) {
                        ("*", Some(acts)) => acts.for_each(keep),
                        _ => keep(a),
                    }
                }
            }
            out
        })
    }

    pub fn unverified(&self) -> Vec<&str> {
        self.services
            .iter()
            .filter(|s| !s.verified)
            .map(|s| s.name.as_str())
            .collect()
    }

    /// One line: where the list comes from, its date and size.
    pub fn summary(&self) -> String {
        let ops = self.ops();
        let whole: Vec<String> = ops
            .iter()
            .filter(|o| o.action == "*")
            .map(Op::text)
            .collect();
        let named = ops.len() - whole.len();
        format!(
            "high-risk API list: {} ({}), {} services: {}{named} named operations; unverified RAM codes: {}",
            self.origin,
            self.date,
            self.services.len(),
            if whole.is_empty() {
                String::new()
            } else {
                format!("{} and ", whole.join(", "))
            },
            match self.unverified() {
                v if v.is_empty() => "none".to_string(),
                v => v.join(", "),
            }
        )
    }

    /// A Markdown section listing the operations (for `acslint explain`).
    pub fn markdown(&self) -> String {
        let mut s = format!(
            "\n## High-risk API list in use\n\n{}.\n\nSource: {}\n\n| RAM code | product | operations |\n|---|---|---|\n",
            self.summary(),
            self.source
        );
        for svc in &self.services {
            s.push_str(&format!(
                "| `{}`{} | {} | {} |\n",
                svc.name,
                if svc.verified { "" } else { " (unverified)" },
                svc.product,
                svc.actions
                    .iter()
                    .map(|a| if a == "*" {
                        "all".to_string()
                    } else {
                        format!("`{a}`")
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        s
    }
}

// ── system policies ──────────────────────────────────────────────────────────────────────────

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemPolicy {
    pub name: String,
    pub grants: Vec<String>,
    #[serde(default)]
    pub read_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemPolicies {
    pub source: String,
    pub date: String,
    #[serde(rename = "policy", default)]
    pub policies: Vec<SystemPolicy>,
}

pub fn system_policies() -> &'static SystemPolicies {
    static S: OnceLock<SystemPolicies> = OnceLock::new();
    S.get_or_init(|| {
        serde_json::from_str(BUILTIN_SYSTEM).expect("the built-in system policy table is valid")
    })
}

impl SystemPolicies {
    /// A system policy by name (RAM compares policy names case-insensitively).
    pub fn get(&self, name: &str) -> Option<&SystemPolicy> {
        self.policies
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }
}

impl SystemPolicy {
    /// Does the policy allow `service:Action`?
    pub fn allows(&self, action: &str) -> bool {
        let name = action.split_once(':').map_or(action, |(_, a)| a);
        (!self.read_only || is_read_only(name))
            && self.grants.iter().any(|g| action_matches(g, action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list() {
        let l = builtin();
        let ops = l.ops();
        // Reference §5.2: RAM and IMS whole, 79 named operations elsewhere.
        assert_eq!(ops.iter().filter(|o| o.action == "*").count(), 2);
        assert_eq!(ops.iter().filter(|o| o.action != "*").count(), 79);
        assert_eq!(
            l.unverified(),
            ["ecd", "pts", "dbs", "alidns", "bss", "ehpc", "dms"]
        );
        let g = l.grant_actions();
        assert!(g.iter().any(|a| a == "ram:CreateUser"));
        assert!(g.iter().any(|a| a == "rds:DescribeBackups"));
        assert!(!g.iter().any(|a| a == "ram:ListUsers"));
        assert!(l.expanded().iter().any(|o| o.text() == "ram:ListUsers"));
        // The same list, in the same order, as filtering the expanded operations.
        let whole = ["ram", "ims"];
        let want: Vec<String> = l
            .expanded()
            .iter()
            .filter(|op| {
                !whole.contains(&op.service.as_str())
                    || !(is_read_only(&op.action)
                        || op.action.contains("ServiceLinkedRole")
                        || op.action == "PassRole")
            })
            .map(Op::text)
            .collect();
        assert_eq!(g, want);
        // build.rs made the same table for runs with the built-in list.
        assert_eq!(BUILTIN_GRANTS, g);
        if ACTIVE.get().is_none() {
            assert_eq!(active_grants(), BUILTIN_GRANTS);
        }
    }

    #[test]
    fn system_policy_table() {
        let s = system_policies();
        assert!(s
            .get("administratoraccess")
            .unwrap()
            .allows("ram:CreateUser"));
        let ro = s.get("AliyunRDSReadOnlyAccess").unwrap();
        assert!(ro.allows("rds:DescribeBackups"));
        assert!(!ro.allows("rds:DeleteBackup"));
        assert!(!ro.allows("ecs:DescribeInstances"));
        assert!(s.get("AliyunMadeUpFullAccess").is_none());
    }

    #[test]
    fn a_list_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("list.hcl");
        std::fs::write(
            &p,
            "source = \"test\"\ndate = \"2027-01-01\"\nservice \"ecs\" {\n  actions = [\"RunInstances\"]\n}\n",
        )
        .unwrap();
        let l = load(&p).unwrap();
        assert_eq!(l.ops().len(), 1);
        assert_eq!(l.grant_actions(), ["ecs:RunInstances"]);
        std::fs::write(&p, "source = \"test\"\ndate = \"x\"\nservice \"ecs\" {\n  actions = [\"Run Instances\"]\n}\n").unwrap();
        assert!(load(&p).unwrap_err().contains("not an operation name"));
        std::fs::write(&p, "date = \"x\"\n").unwrap();
        assert!(load(&p).is_err());
    }
}
