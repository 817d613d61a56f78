//! Rule metadata: every rule, built-in or user-supplied, is declared in an HCL rule file under
//! `rulesets/`. This module loads those files, validates them and keeps the registry.

pub mod coverage;
pub mod docs;
pub mod expr;
mod load;
pub mod packs;
pub mod schema;

pub use crate::hcljson;
pub(crate) use crate::hcljson::scalar_json;
pub use load::{load_embedded, load_rule_file, RuleLoadError};
pub use packs::Pack;

pub use crate::finding::render_template;
use crate::finding::Severity;
use hcl_edit::expr::Expression;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// Where a rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Each Terraform resource (or data source) of the listed types.
    Resource,
    /// Each policy document of the listed kinds, standalone or embedded in Terraform.
    Document,
    /// A whole configuration (a root module with everything it calls).
    Configuration,
    /// Each scanned file, whatever its kind.
    File,
    /// Each `provider` block.
    Provider,
    /// Each `output` block.
    Output,
}

impl Scope {
    pub fn parse(s: &str) -> Option<Scope> {
        Some(match s {
            "resource" => Scope::Resource,
            "document" => Scope::Document,
            "configuration" => Scope::Configuration,
            "file" => Scope::File,
            "provider" => Scope::Provider,
            "output" => Scope::Output,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub severity: Severity,
    pub title: String,
    /// Message template: `${field}` for built-in checks, an HCL template over `self` for
    /// expression rules.
    pub message: String,
    pub help: Option<String>,
    pub docs: String,
    pub references: BTreeMap<String, String>,
    pub equivalents: Vec<String>,
    /// Free-form tags; packs can select by tag (`leak-response`).
    pub tags: Vec<String>,
    pub scope: Scope,
    /// Resource types (`resource` scope), provider names (`provider` scope).
    pub resources: Vec<String>,
    /// Document kinds (`document` scope).
    pub documents: Vec<String>,
    /// Name of a built-in check written in Rust.
    pub check: Option<String>,
    /// HCL condition that must hold (expression rules).
    pub assert: Option<Expression>,
    /// Compiled message template (expression rules).
    pub message_expr: Option<Expression>,
    /// `each = <list or map>`: the rule judges every element (`each.key`, `each.value`).
    pub each: Option<Expression>,
    /// Template naming the facet of a failing element (`"port:${each.value.port}"`).
    pub facet: Option<Expression>,
    /// Attribute path to label when the assertion fails.
    pub where_: Option<String>,
    /// A rule that suppressions cannot silence.
    pub ignorable: bool,
    /// Rules in the default set run without being selected.
    pub default_enabled: bool,
    /// The file the rule was declared in (relative to `rulesets/` for built-in rules).
    pub source: String,
    /// The rule's page for this version, when one is known to be published (see `docs_url`).
    pub url: Option<Arc<str>>,
    /// The fix the rule declares (`fix = { … }`).
    pub fix: Option<crate::fix::FixSpec>,
}

/// The documentation URL of a built-in rule at the ref this binary was built from, when that
/// ref is known to be published (set by build.rs); `None` otherwise, and `acslint explain CODE`
/// stands in for it. A link to an unpublished tag would be a dead link.
pub fn docs_url(id: &str) -> Option<String> {
    docs_url_at(env!("ACSLINT_DOCS_REF"), id)
}

fn docs_url_at(git_ref: &str, id: &str) -> Option<String> {
    (!git_ref.is_empty())
        .then(|| format!("https://github.com/acslint/acslint/blob/{git_ref}/docs/rules/{id}.md"))
}

#[cfg(test)]
mod docs_url_tests {
    #[test]
    fn link_only_at_a_published_ref() {
        assert_eq!(super::docs_url_at("", "OSS001"), None);
        assert_eq!(
            super::docs_url_at("v0.2.0", "OSS001").as_deref(),
            Some("https://github.com/acslint/acslint/blob/v0.2.0/docs/rules/OSS001.md")
        );
        assert_eq!(
            super::docs_pointer("OSS001", None),
            "acslint explain OSS001"
        );
        assert_eq!(
            super::docs_pointer("OSS001", Some("https://x/y")),
            "https://x/y"
        );
    }
}

/// What stands in for a rule's documentation link: the link, else the command printing the page.
pub fn docs_pointer(rule: &str, url: Option<&str>) -> String {
    url.map_or_else(|| format!("acslint explain {rule}"), str::to_string)
}

/// Built-in rule files, embedded at build time (see build.rs): path under `rulesets/`, the HCL
/// source (validated by the test suite) and its JSON view (what start-up reads).
pub const EMBEDDED: &[(&str, &str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

#[derive(Default, Clone)]
pub struct Registry {
    rules: Vec<Arc<Rule>>,
    by_id: HashMap<Arc<str>, usize>,
    by_name: HashMap<Arc<str>, usize>,
    /// Built-in packs, then packs defined in configurations.
    packs: Vec<Arc<Pack>>,
}

impl Registry {
    /// The built-in rules, parsed once per process. Their schema validity is enforced by the
    /// test suite, not at run time, so start-up stays cheap.
    pub fn builtin() -> &'static Registry {
        static REG: OnceLock<Registry> = OnceLock::new();
        REG.get_or_init(|| {
            let mut reg = Registry {
                packs: packs::builtin().to_vec(),
                ..Default::default()
            };
            for (path, _, json) in EMBEDDED {
                let rules = serde_json::from_str(json)
                    .map_err(|e| e.to_string())
                    .and_then(|j| load::load_embedded(path, &j))
                    .unwrap_or_else(|e| panic!("built-in rule file {path} is invalid: {e}"));
                for r in rules {
                    reg.insert(r)
                        .unwrap_or_else(|e| panic!("built-in rule file {path}: {e}"));
                }
            }
            reg.apply_recommended();
            reg
        })
    }

    /// The built-in rules on by default are exactly the `recommended` pack, whose criterion is
    /// data (rulesets/packs/packs.hcl): a rule's own `enabled = false` takes it out, and so does
    /// the pack's `min_severity`. Computing it once here keeps `default_enabled` the one flag the
    /// engine, configurations and docs read. (Rules loaded later, with `--rules`, keep their
    /// own `enabled`.)
    fn apply_recommended(&mut self) {
        let Some(p) = self.pack("recommended").cloned() else {
            return;
        };
        let on: std::collections::HashSet<Arc<str>> = self
            .pack_rules(&p)
            .into_iter()
            .map(|r| r.id.clone())
            .collect();
        for r in &mut self.rules {
            if let Some(m) = Arc::get_mut(r) {
                m.default_enabled = on.contains(&m.id);
            }
        }
    }

    /// Add a rule; duplicate codes or names are errors.
    pub fn insert(&mut self, rule: Rule) -> Result<(), String> {
        if let Some(&i) = self.by_id.get(&rule.id) {
            return Err(format!(
                "rule code {} is declared twice ({} and {})",
                rule.id, self.rules[i].source, rule.source
            ));
        }
        if let Some(&i) = self.by_name.get(&rule.name) {
            return Err(format!(
                "rule name {} is used by both {} and {}",
                rule.name, self.rules[i].id, rule.id
            ));
        }
        let i = self.rules.len();
        self.by_id.insert(rule.id.clone(), i);
        self.by_name.insert(rule.name.clone(), i);
        self.rules.push(Arc::new(rule));
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Rule>> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    /// Look a rule up by code (case-insensitive) or kebab name.
    pub fn find(&self, code_or_name: &str) -> Option<&Arc<Rule>> {
        self.get(&code_or_name.to_ascii_uppercase())
            .or_else(|| self.by_name.get(code_or_name).map(|&i| &self.rules[i]))
    }

    pub fn rules(&self) -> &[Arc<Rule>] {
        &self.rules
    }

    /// Rules in code order.
    pub fn sorted(&self) -> Vec<&Arc<Rule>> {
        let mut v: Vec<_> = self.rules.iter().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Rules that a selector (full code, code prefix such as `RAM` or `OSS0`, kebab name, pack
    /// or `ALL`) designates; empty when it designates none.
    pub fn select(&self, selector: &str) -> Vec<&Arc<Rule>> {
        self.select_at(selector, 0)
    }

    pub fn packs(&self) -> &[Arc<Pack>] {
        &self.packs
    }

    pub fn pack(&self, name: &str) -> Option<&Arc<Pack>> {
        self.packs.iter().find(|p| p.name == name)
    }

    /// Add a pack (from a configuration). A name of a built-in pack, rule code or rule name is
    /// an error; a pack defined again by another configuration replaces the earlier one.
    pub fn add_pack(&mut self, pack: Pack) -> Result<(), String> {
        if let Some(b) = packs::builtin().iter().find(|b| b.name == pack.name) {
            return Err(format!(
                "pack `{}` is built in ({}); choose another name",
                pack.name, b.title
            ));
        }
        if self.find(&pack.name).is_some() {
            return Err(format!("pack `{}` has the name of a rule", pack.name));
        }
        self.packs.retain(|p| p.name != pack.name);
        self.packs.push(Arc::new(pack));
        Ok(())
    }
}

/// Which rules run, at which severity, with which options.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub enabled: HashSet<Arc<str>>,
    pub severity: HashMap<Arc<str>, Severity>,
    /// Rule options from configuration: rule code → option name → JSON value.
    pub options: HashMap<String, serde_json::Map<String, serde_json::Value>>,
}

impl Selection {
    /// Every rule that is on by default.
    pub fn defaults(reg: &Registry) -> Selection {
        Selection {
            enabled: reg
                .rules()
                .iter()
                .filter(|r| r.default_enabled)
                .map(|r| r.id.clone())
                .collect(),
            ..Default::default()
        }
    }
    pub fn is_enabled(&self, id: &str) -> bool {
        self.enabled.contains(id)
    }
    pub fn option(&self, rule: &str, key: &str) -> Option<&serde_json::Value> {
        self.options.get(rule)?.get(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_substitute_fields() {
        let f = [("action", "ram:*".to_string())];
        assert_eq!(render_template("grants `${action}`", &f), "grants `ram:*`");
        assert_eq!(
            render_template("keep $${x} and ${missing}", &f),
            "keep ${x} and ${missing}"
        );
        assert_eq!(render_template("open ${action", &f), "open ${action");
    }
}
