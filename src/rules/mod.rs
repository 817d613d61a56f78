//! Rule metadata: every rule, built-in or user-supplied, is declared in an HCL rule file under
//! `rulesets/`. This module loads those files, validates them and keeps the registry.

pub mod coverage;
pub mod docs;
pub mod expr;
pub mod i18n;
mod load;
pub mod packed;
pub mod packs;
pub mod schema;

pub use crate::hcljson;
pub(crate) use crate::hcljson::scalar_json;
pub use load::{load_embedded, load_embedded_rule, load_rule_file, prepared_rule, RuleLoadError};
pub use packs::Pack;

pub use crate::finding::render_template;
use crate::finding::Severity;
use crate::util::{HashMap, HashSet};
use hcl_edit::expr::Expression;
use std::borrow::Cow;
use std::collections::BTreeMap;
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
    /// The rule's page: a built-in rule's is lent from the index (a check never reads it, and
    /// copying it was a quarter of the heap a built rule takes).
    pub docs: Cow<'static, str>,
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
    pub message_expr: Option<LazyExpr>,
    /// `each = <list or map>`: the rule judges every element (`each.key`, `each.value`).
    /// A built-in rule's is unpacked on first use: a literal one is evaluated from its packed
    /// form ([`packed::literal`]) without its tree.
    pub each: Option<LazyExpr>,
    /// `each`'s value, kept from its first evaluation when it reads nothing (a literal list,
    /// as NET001's ports): every block's elements are then lent from it, not built again.
    pub each_kept: OnceLock<Option<Arc<crate::eval::memo::Constant>>>,
    /// The subexpressions of `assert` reading `self` alone that a rule with `each` keeps per
    /// block (`eval::memo`), found on the first block and not again on every other.
    pub assert_slots: crate::eval::memo::SlotsCell,
    /// Template naming the facet of a failing element (`"port:${each.value.port}"`).
    pub facet: Option<Expression>,
    /// Attribute path to label when the assertion fails.
    pub where_: Option<String>,
    /// `where` when it is an expression over `self` and `each` (a template, a list of paths).
    pub where_expr: Option<LazyExpr>,
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
    /// The options the rule reads, by name.
    pub options: Vec<RuleOption>,
}

/// A rule expression that is read only when the rule fails (`message`, `where`): a built-in
/// rule keeps what `build.rs` packed and makes the tree on first use (they were a third of the
/// expression text every built rule parsed); user rule files and translations give it parsed.
#[derive(Clone, Debug)]
pub struct LazyExpr {
    packed: Option<&'static Packed>,
    parsed: OnceLock<Option<Expression>>,
}

impl LazyExpr {
    pub fn parsed(e: Expression) -> LazyExpr {
        LazyExpr {
            packed: None,
            parsed: OnceLock::from(Some(e)),
        }
    }

    pub fn packed(p: &'static Packed) -> LazyExpr {
        LazyExpr {
            packed: Some(p),
            parsed: OnceLock::new(),
        }
    }

    /// A built-in rule's literal list: its length and first element ([`Packed::list_head`]).
    pub fn list_head(&self) -> Option<(usize, Option<packed::Literal<'static>>)> {
        self.packed?.list_head()
    }

    /// What `build.rs` packed, for a built-in rule's expression.
    pub fn packed_form(&self) -> Option<&'static [u8]> {
        self.packed.map(|p| p.packed())
    }

    /// The expression; `None` only if a built-in rule's source did not parse, which
    /// `tests/rules.rs` rules out by parsing every one.
    pub fn get(&self) -> Option<&Expression> {
        self.parsed
            .get_or_init(|| self.packed?.expr().ok())
            .as_ref()
    }
}

impl Rule {
    /// The declaration of one of the rule's options.
    pub fn option(&self, name: &str) -> Option<&RuleOption> {
        self.options.iter().find(|o| o.name == name)
    }
}

/// A rule option as declared in a rule file (`options = { name = { type, default, description,
/// minimum, maximum } }`): plain data, checked by `rule.schema.json`.
#[derive(Clone, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct RuleOption {
    /// The key in `options`, filled in when the rule is loaded.
    #[serde(default)]
    pub name: String,
    #[serde(rename = "type")]
    pub ty: OptionType,
    /// What the rule uses when no configuration sets the option.
    pub default: serde_json::Value,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub enum OptionType {
    #[serde(rename = "integer")]
    Integer,
    #[serde(rename = "number")]
    Number,
    #[serde(rename = "string")]
    String,
    #[serde(rename = "bool")]
    Bool,
    #[serde(rename = "list(string)")]
    ListOfStrings,
}

impl OptionType {
    pub fn as_str(self) -> &'static str {
        match self {
            OptionType::Integer => "integer",
            OptionType::Number => "number",
            OptionType::String => "string",
            OptionType::Bool => "bool",
            OptionType::ListOfStrings => "list(string)",
        }
    }

    /// The type as a phrase: "an integer", "a list of strings".
    fn phrase(self) -> &'static str {
        match self {
            OptionType::Integer => "an integer",
            OptionType::Number => "a number",
            OptionType::String => "a string",
            OptionType::Bool => "true or false",
            OptionType::ListOfStrings => "a list of strings",
        }
    }
}

/// What kind of JSON value a configuration wrote, for messages.
fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a bool",
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

impl RuleOption {
    /// Whether a configured value fits the declaration; the error says why not.
    pub fn check(&self, v: &serde_json::Value) -> Result<(), String> {
        use serde_json::Value as J;
        let fits = match self.ty {
            OptionType::Integer => {
                v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            OptionType::Number => v.is_number(),
            OptionType::String => v.is_string(),
            OptionType::Bool => v.is_boolean(),
            OptionType::ListOfStrings => v.as_array().is_some_and(|a| a.iter().all(J::is_string)),
        };
        if !fits {
            let got = match (self.ty, v) {
                (OptionType::ListOfStrings, J::Array(a)) => a
                    .iter()
                    .find(|x| !x.is_string())
                    .map_or("a list", |x| match x {
                        J::Number(_) => "a list holding a number (quote it)",
                        _ => "a list holding something else than strings",
                    }),
                _ => json_kind(v),
            };
            return Err(format!("takes {}, not {got}", self.ty.phrase()));
        }
        if let Some(n) = v.as_f64() {
            let below = self.minimum.is_some_and(|m| n < m);
            let above = self.maximum.is_some_and(|m| n > m);
            if below || above {
                let bound = match (self.minimum, self.maximum) {
                    (Some(lo), Some(hi)) => format!("between {lo} and {hi}"),
                    (Some(lo), None) => format!("{lo} or more"),
                    (None, Some(hi)) => format!("{hi} or less"),
                    (None, None) => unreachable!("a bound was crossed"),
                };
                return Err(format!("is {v}: it must be {bound}"));
            }
        }
        Ok(())
    }

    /// The accepted values, for documentation: `integer (8–32)`.
    pub fn type_label(&self) -> String {
        match (self.minimum, self.maximum) {
            (Some(lo), Some(hi)) => format!("{} ({lo}–{hi})", self.ty.as_str()),
            (Some(lo), None) => format!("{} (≥ {lo})", self.ty.as_str()),
            (None, Some(hi)) => format!("{} (≤ {hi})", self.ty.as_str()),
            (None, None) => self.ty.as_str().to_string(),
        }
    }
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
/// source (validated by the test suite) and its JSON view.
pub const EMBEDDED: &[(&str, &str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// A built-in rule as build.rs indexed it: what selection and planning need without building
/// the rule, and the JSON (`{"id", "instance", "sources"}`) the rule is built from on first
/// use. Start-up thus costs nothing per rule; a run builds the rules it evaluates or reports.
#[derive(Debug)]
pub struct Embedded {
    id: Str,
    name: Str,
    /// The rule file, relative to `rulesets/`.
    file: Str,
    pub scope: Scope,
    pub severity: Severity,
    resources: Run,
    /// The built-in check it names (`check = builtin("…")`).
    check: Option<Str>,
    /// Whether it has an `assert` (an expression rule).
    pub assert: bool,
    /// The rule's own switch (`enabled`); whether it runs by default is decided by the
    /// `recommended` pack ([`Registry::is_default`]).
    pub enabled: bool,
    pub ignorable: bool,
    /// The JSON the rule is built from, without its docs page and the copies of its
    /// expressions' source that the schema reads.
    json: Str,
    /// The rule's `docs`.
    docs: Str,
    /// Its expressions but `check` as `build.rs` packed them; their sources are not in `json`.
    packed: Run,
    /// The other members building the rule reads, as `build.rs` read them from the JSON.
    prepared: Prepared,
}

/// The members of a built-in rule that building it reads besides [`Embedded`]'s own, read
/// from its JSON by `build.rs` as `rules::load` reads them (a member of another type absent),
/// so that a run builds a rule without parsing JSON ([`load::prepared_rule`]).
#[derive(Debug)]
pub struct Prepared {
    title: Option<Str>,
    message: Str,
    help: Option<Str>,
    where_: Option<Str>,
    documents: Run,
    equivalents: Run,
    tags: Run,
    /// Keys and values, one after the other.
    references: Run,
    /// `fix` (without a `when` that was packed) and `options`, as JSON.
    fix: Option<Str>,
    options: Option<Str>,
}

fn strs(r: Run) -> impl Iterator<Item = &'static str> {
    INDEX.strs[r.range()].iter().map(|s| s.get())
}

impl Prepared {
    pub fn title(&self) -> Option<&'static str> {
        self.title.map(Str::get)
    }
    pub fn message(&self) -> &'static str {
        self.message.get()
    }
    pub fn help(&self) -> Option<&'static str> {
        self.help.map(Str::get)
    }
    pub fn where_(&self) -> Option<&'static str> {
        self.where_.map(Str::get)
    }
    pub fn documents(&self) -> impl Iterator<Item = &'static str> {
        strs(self.documents)
    }
    pub fn equivalents(&self) -> impl Iterator<Item = &'static str> {
        strs(self.equivalents)
    }
    pub fn tags(&self) -> impl Iterator<Item = &'static str> {
        strs(self.tags)
    }
    pub fn references(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        INDEX.strs[self.references.range()]
            .chunks_exact(2)
            .map(|kv| (kv[0].get(), kv[1].get()))
    }
    pub fn fix(&self) -> Option<&'static str> {
        self.fix.map(Str::get)
    }
    pub fn options(&self) -> Option<&'static str> {
        self.options.map(Str::get)
    }
}

/// A piece of [`Index`]'s text (its start and end). The index holds no pointer but its lists'
/// own: pointers are relocated by the dynamic loader at every start, and ~15 per rule dirtied
/// the pages of a 1,000-rule index before `main` (a tenth of `--version`).
#[derive(Clone, Copy, Debug)]
pub struct Str(u32, u32);

/// A run of one of [`Index`]'s lists (its start and end).
#[derive(Clone, Copy, Debug)]
pub struct Run(u32, u32);

impl Str {
    fn get(self) -> &'static str {
        let r = self.0 as usize..self.1 as usize;
        debug_assert!(
            INDEX.text.get(r.clone()).is_some(),
            "{r:?} is not a string of the index"
        );
        // SAFETY: build.rs wrote every `Str` as the offsets of a whole `&str` it appended to
        // this text, so both are in it and on character boundaries. A checked slice reads the
        // bytes at both ends to tell: building a rule lends it its docs page, and those two
        // reads were a check's only touches of the docs (2 of its ~20 faults on read-only data).
        unsafe { INDEX.text.get_unchecked(r) }
    }
}

impl Run {
    fn range(self) -> std::ops::Range<usize> {
        self.0 as usize..self.1 as usize
    }
}

impl Embedded {
    pub fn id(&self) -> &'static str {
        self.id.get()
    }
    pub fn name(&self) -> &'static str {
        self.name.get()
    }
    pub fn file(&self) -> &'static str {
        self.file.get()
    }
    pub fn resources(&self) -> impl Iterator<Item = &'static str> {
        strs(self.resources)
    }
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }
    pub fn check(&self) -> Option<&'static str> {
        self.check.map(Str::get)
    }
    pub fn json(&self) -> &'static str {
        self.json.get()
    }
    pub fn docs(&self) -> &'static str {
        self.docs.get()
    }
    pub fn packed(&self) -> &'static [Packed] {
        &INDEX.packed[self.packed.range()]
    }
}

/// A built-in rule's expression as `build.rs` packed it ([`packed`]), with its source (parsed
/// only if the packed form could not be read, which a test rules out).
#[derive(Debug)]
pub struct Packed {
    /// `assert`, `each`, `facet`, `message`, `where` or `when` (the fix's).
    member: Str,
    source: Str,
    packed: Run,
    /// Whether the packed form is a literal list, every element a literal (NET001's ports).
    list: bool,
}

impl Packed {
    pub fn member(&self) -> &'static str {
        self.member.get()
    }
    pub fn source(&self) -> &'static str {
        self.source.get()
    }
    /// The packed form (`rules::packed`).
    pub fn packed(&self) -> &'static [u8] {
        &INDEX.bytes[self.packed.range()]
    }
    /// A literal list's length and first element, read without the rest of the list.
    pub fn list_head(&self) -> Option<(usize, Option<packed::Literal<'static>>)> {
        self.list
            .then(|| packed::list_head(self.packed()))
            .flatten()
    }
    /// The expression without its layout ([`packed::unpack_bare`]), else parsed from its source.
    pub fn expr(&self) -> Result<Expression, hcl_edit::parser::Error> {
        match packed::unpack_bare(self.packed()) {
            Some(e) => Ok(e),
            None => load::parse_source(self.source()),
        }
    }
}

/// The index build.rs generates: the rules in file order, and their positions sorted by code
/// and by name (duplicates fail the build).
pub struct Index {
    /// Every string of the index, one after the other.
    text: &'static str,
    /// Every packed expression, one after the other.
    bytes: &'static [u8],
    /// The rules' resource types.
    strs: &'static [Str],
    packed: &'static [Packed],
    pub rules: &'static [Embedded],
    by_id: &'static [u16],
    by_name: &'static [u16],
}

/// The built-in rules (`ACSLINT_SYNTHETIC_RULES=N` at build time pads them to N for the
/// rule-count benchmark).
pub static INDEX: Index = include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));

impl Index {
    fn position(&self, id: &str) -> Option<usize> {
        let k = self
            .by_id
            .binary_search_by(|&i| self.rules[i as usize].id().cmp(id))
            .ok()?;
        Some(self.by_id[k] as usize)
    }
    fn position_by_name(&self, name: &str) -> Option<usize> {
        let k = self
            .by_name
            .binary_search_by(|&i| self.rules[i as usize].name().cmp(name))
            .ok()?;
        Some(self.by_name[k] as usize)
    }
}

/// The built-in rules, each built the first time something asks for it.
struct Builtin {
    lang: i18n::Lang,
    slots: Box<[OnceLock<Arc<Rule>>]>,
}

impl Builtin {
    /// The store of a language: a translated rule is built (and translated) on first use too.
    fn get(lang: i18n::Lang) -> &'static Builtin {
        static EN: OnceLock<Builtin> = OnceLock::new();
        static ZH: OnceLock<Builtin> = OnceLock::new();
        static JA: OnceLock<Builtin> = OnceLock::new();
        let cell = match lang {
            i18n::Lang::En => &EN,
            i18n::Lang::ZhCn => &ZH,
            i18n::Lang::Ja => &JA,
        };
        cell.get_or_init(|| Builtin {
            lang,
            slots: INDEX.rules.iter().map(|_| OnceLock::new()).collect(),
        })
    }
    fn rule(&self, i: usize) -> &Arc<Rule> {
        self.slots[i].get_or_init(|| {
            let e = &INDEX.rules[i];
            let mut rule = load::prepared_rule(i)
                .unwrap_or_else(|err| panic!("built-in rule file {} is invalid: {err}", e.file()));
            rule.docs = Cow::Borrowed(e.docs());
            rule.default_enabled = builtin_defaults()[i];
            i18n::translate(&mut rule, self.lang);
            Arc::new(rule)
        })
    }
}

/// Per built-in rule (index position), whether it runs by default: exactly the members of the
/// `recommended` pack, whose criterion is data (rulesets/packs/packs.hcl) applied to each rule's
/// own switch. Worked out from the index when the criterion reads only what the index holds
/// (the switch, the severity, selectors by code or name), so start-up builds no rule; from the
/// built rules otherwise. (Rules loaded later, with `--rules`, keep their own `enabled`.)
fn builtin_defaults() -> &'static [bool] {
    static D: OnceLock<Vec<bool>> = OnceLock::new();
    D.get_or_init(|| {
        let own = || INDEX.rules.iter().map(|e| e.enabled).collect();
        let Some(p) = packs::builtin_pack("recommended") else {
            return own();
        };
        let is_pack = |s: &String| packs::is_builtin(s);
        if p.reference.is_none()
            && p.tags.is_empty()
            && p.infraguard.is_empty()
            && !p.select.iter().any(is_pack)
        {
            let mut on: Vec<bool> = INDEX
                .rules
                .iter()
                .map(|e| p.default && e.enabled && p.min_severity.is_none_or(|m| e.severity >= m))
                .collect();
            // The selectors as `Registry::select` resolves those that are not packs.
            for s in &p.select {
                if s.eq_ignore_ascii_case("ALL") {
                    on.fill(true);
                } else if let Some(i) = INDEX.position_by_name(s) {
                    on[i] = true;
                } else {
                    let up = s.to_ascii_uppercase();
                    for (o, e) in on.iter_mut().zip(INDEX.rules) {
                        *o |= e.id().starts_with(&up);
                    }
                }
            }
            return on;
        }
        // Build every rule with its own switch and ask the pack.
        let mut reg = Registry {
            builtin_packs: true,
            ..Default::default()
        };
        for i in 0..INDEX.rules.len() {
            if let Ok(r) = load::prepared_rule(i) {
                let _ = reg.insert(r);
            }
        }
        let members: HashSet<&str> = reg.pack_rules(p).iter().map(|r| &*r.id).collect();
        INDEX
            .rules
            .iter()
            .map(|e| members.contains(e.id()))
            .collect()
    })
}

/// A rule the engine may run: a built-in one by its index position (built on first use) or
/// one added at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleRef {
    Builtin(usize),
    Added(usize),
}

/// What selection and planning read of a rule without building it.
pub struct RuleInfo<'a> {
    pub id: &'a str,
    pub scope: Scope,
    pub resources: Vec<&'a str>,
    pub check: Option<&'a str>,
    pub assert: bool,
    pub enabled: bool,
}

#[derive(Default, Clone)]
pub struct Registry {
    /// Whether the built-in rules are part of it.
    builtin: bool,
    /// The language of the built-in rules' titles, messages and help.
    lang: i18n::Lang,
    /// Rules added after the built-in ones (user rule files).
    added: Vec<Arc<Rule>>,
    by_id: HashMap<Arc<str>, usize>,
    by_name: HashMap<Arc<str>, usize>,
    /// Every rule, built on first request (listing, docs, `ALL`).
    all: OnceLock<Vec<Arc<Rule>>>,
    /// The codes of the rules, in order, shared by selections.
    ids: OnceLock<Vec<Arc<str>>>,
    /// Whether the built-in packs are part of it.
    builtin_packs: bool,
    /// Packs defined in configurations.
    added_packs: Vec<Arc<Pack>>,
    /// Built-in packs, then packs defined in configurations: put together on first request, so
    /// a run that names no pack parses none.
    packs: OnceLock<Vec<Arc<Pack>>>,
}

impl Registry {
    /// The built-in rules. Their schema validity is enforced by the test suite, not at run
    /// time, and each is built from its JSON when first used, so start-up does not depend on
    /// how many there are.
    pub fn builtin() -> &'static Registry {
        Self::builtin_for(i18n::current())
    }

    /// The built-in rules in a language (English: as written in the rule files).
    pub fn builtin_for(lang: i18n::Lang) -> &'static Registry {
        static EN: OnceLock<Registry> = OnceLock::new();
        static ZH: OnceLock<Registry> = OnceLock::new();
        static JA: OnceLock<Registry> = OnceLock::new();
        let cell = match lang {
            i18n::Lang::En => &EN,
            i18n::Lang::ZhCn => &ZH,
            i18n::Lang::Ja => &JA,
        };
        cell.get_or_init(|| Registry {
            builtin: true,
            lang,
            builtin_packs: true,
            ..Default::default()
        })
    }

    fn builtin_len(&self) -> usize {
        if self.builtin {
            INDEX.rules.len()
        } else {
            0
        }
    }

    /// Add a rule; duplicate codes or names are errors.
    pub fn insert(&mut self, rule: Rule) -> Result<(), String> {
        if let Some(r) = self.get(&rule.id) {
            return Err(format!(
                "rule code {} is declared twice ({} and {})",
                rule.id, r.source, rule.source
            ));
        }
        if let Some(r) = self.get_by_name(&rule.name) {
            return Err(format!(
                "rule name {} is used by both {} and {}",
                rule.name, r.id, rule.id
            ));
        }
        let i = self.added.len();
        self.by_id.insert(rule.id.clone(), i);
        self.by_name.insert(rule.name.clone(), i);
        self.added.push(Arc::new(rule));
        self.all = OnceLock::new();
        self.ids = OnceLock::new();
        Ok(())
    }

    /// The rule a reference designates (building a built-in one on first use).
    pub fn rule(&self, r: RuleRef) -> &Arc<Rule> {
        match r {
            RuleRef::Builtin(i) => Builtin::get(self.lang).rule(i),
            RuleRef::Added(i) => &self.added[i],
        }
    }

    /// What the engine's plan of which rules run where is made from besides the selection:
    /// whether the built-in rules are in, and the rules added.
    pub fn plan_key(&self) -> (bool, &[Arc<Rule>]) {
        (self.builtin, &self.added)
    }

    /// Every rule's reference, in declaration order.
    pub fn refs(&self) -> impl Iterator<Item = RuleRef> + '_ {
        (0..self.builtin_len())
            .map(RuleRef::Builtin)
            .chain((0..self.added.len()).map(RuleRef::Added))
    }

    /// Every rule's reference, the built-in rules in code order, then the added ones in
    /// declaration order.
    pub fn refs_by_code(&self) -> impl Iterator<Item = RuleRef> + '_ {
        let builtin = if self.builtin { INDEX.by_id } else { &[] };
        builtin
            .iter()
            .map(|&i| RuleRef::Builtin(i as usize))
            .chain((0..self.added.len()).map(RuleRef::Added))
    }

    /// A rule's code, from the index or the added rule.
    pub fn code(&self, r: RuleRef) -> &str {
        match r {
            RuleRef::Builtin(i) => INDEX.rules[i].id(),
            RuleRef::Added(i) => &self.added[i].id,
        }
    }

    /// A rule's code, scope, types and kind without building it.
    pub fn info(&self, r: RuleRef) -> RuleInfo<'_> {
        match r {
            RuleRef::Builtin(i) => {
                let e = &INDEX.rules[i];
                RuleInfo {
                    id: e.id(),
                    scope: e.scope,
                    resources: e.resources().collect(),
                    check: e.check(),
                    assert: e.assert,
                    enabled: builtin_defaults()[i],
                }
            }
            RuleRef::Added(i) => {
                let r = &self.added[i];
                RuleInfo {
                    id: &r.id,
                    scope: r.scope,
                    resources: r.resources.iter().map(String::as_str).collect(),
                    check: r.check.as_deref(),
                    assert: r.assert.is_some(),
                    enabled: r.default_enabled,
                }
            }
        }
    }

    /// The codes of every rule, in declaration order.
    pub fn ids(&self) -> &[Arc<str>] {
        self.ids.get_or_init(|| {
            INDEX.rules[..self.builtin_len()]
                .iter()
                .map(|e| Arc::from(e.id()))
                .chain(self.added.iter().map(|r| r.id.clone()))
                .collect()
        })
    }

    /// The codes of the rules that run unless deselected.
    pub fn default_ids(&self) -> impl Iterator<Item = &Arc<str>> + '_ {
        self.ids()
            .iter()
            .zip(self.refs())
            .filter(|(_, r)| match *r {
                RuleRef::Builtin(i) => builtin_defaults()[i],
                RuleRef::Added(i) => self.added[i].default_enabled,
            })
            .map(|(id, _)| id)
    }

    /// The code of the rule a code designates (as [`Registry::ids`] holds it), without
    /// building the rule.
    pub fn id(&self, code: &str) -> Option<&Arc<str>> {
        let i = match self.lookup(code)? {
            RuleRef::Builtin(i) => i,
            RuleRef::Added(i) => self.builtin_len() + i,
        };
        self.ids().get(i)
    }

    /// Whether a code names a rule, without building it.
    pub fn contains(&self, id: &str) -> bool {
        self.lookup(id).is_some()
    }

    /// Whether the rule of a code runs unless deselected (`false`: no such rule).
    pub fn is_default(&self, id: &str) -> bool {
        match self.lookup(id) {
            Some(RuleRef::Builtin(i)) => builtin_defaults()[i],
            Some(RuleRef::Added(i)) => self.added[i].default_enabled,
            None => false,
        }
    }

    /// Whether the rule of a code may be suppressed (`None`: no such rule).
    pub fn is_ignorable(&self, id: &str) -> Option<bool> {
        Some(match self.lookup(id)? {
            RuleRef::Builtin(i) => INDEX.rules[i].ignorable,
            RuleRef::Added(i) => self.added[i].ignorable,
        })
    }

    fn lookup(&self, id: &str) -> Option<RuleRef> {
        if self.builtin {
            if let Some(i) = INDEX.position(id) {
                return Some(RuleRef::Builtin(i));
            }
        }
        self.by_id.get(id).map(|&i| RuleRef::Added(i))
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Rule>> {
        self.lookup(id).map(|r| self.rule(r))
    }

    /// A rule by its kebab name.
    pub fn get_by_name(&self, name: &str) -> Option<&Arc<Rule>> {
        if self.builtin {
            if let Some(i) = INDEX.position_by_name(name) {
                return Some(self.rule(RuleRef::Builtin(i)));
            }
        }
        self.by_name.get(name).map(|&i| &self.added[i])
    }

    /// Look a rule up by code (case-insensitive) or kebab name.
    pub fn find(&self, code_or_name: &str) -> Option<&Arc<Rule>> {
        self.get(&code_or_name.to_ascii_uppercase())
            .or_else(|| self.get_by_name(code_or_name))
    }

    /// Every rule (all built, on the first call), in declaration order.
    pub fn rules(&self) -> &[Arc<Rule>] {
        self.all
            .get_or_init(|| self.refs().map(|r| self.rule(r).clone()).collect())
    }

    /// Rules in code order.
    pub fn sorted(&self) -> Vec<&Arc<Rule>> {
        let mut v: Vec<_> = self.rules().iter().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Rules that a selector (full code, code prefix such as `RAM` or `OSS0`, kebab name, pack
    /// or `ALL`) designates; empty when it designates none.
    pub fn select(&self, selector: &str) -> Vec<&Arc<Rule>> {
        self.select_at(selector, 0)
    }

    pub fn packs(&self) -> &[Arc<Pack>] {
        self.packs.get_or_init(|| {
            let builtin = if self.builtin_packs {
                packs::builtin()
            } else {
                &[]
            };
            builtin.iter().chain(&self.added_packs).cloned().collect()
        })
    }

    /// The pack of this name: built in (no configuration's pack may take one's name), else
    /// added.
    pub fn pack(&self, name: &str) -> Option<&Arc<Pack>> {
        let builtin = self
            .builtin_packs
            .then(|| packs::builtin_pack(name))
            .flatten();
        builtin.or_else(|| self.added_packs.iter().find(|p| p.name == name))
    }

    /// Add a pack (from a configuration). A name of a built-in pack, rule code or rule name is
    /// an error; a pack defined again by another configuration replaces the earlier one.
    pub fn add_pack(&mut self, pack: Pack) -> Result<(), String> {
        if let Some(b) = packs::builtin_pack(&pack.name) {
            return Err(format!(
                "pack `{}` is built in ({}); choose another name",
                pack.name, b.title
            ));
        }
        if self.find(&pack.name).is_some() {
            return Err(format!("pack `{}` has the name of a rule", pack.name));
        }
        self.added_packs.retain(|p| p.name != pack.name);
        self.added_packs.push(Arc::new(pack));
        self.packs = OnceLock::new();
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
        // Sized once: collected from a filter, the set grew (and hashed every code again) seven
        // times on the way to ~150 codes.
        let mut enabled = HashSet::with_capacity_and_hasher(reg.ids().len(), Default::default());
        enabled.extend(reg.default_ids().cloned());
        Selection {
            enabled,
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

    /// `id` gives the code `get` would, for every built-in rule, without building it.
    #[test]
    fn id_without_building() {
        let reg = Registry::builtin();
        for e in INDEX.rules {
            assert_eq!(reg.id(e.id()).map(|a| &**a), Some(e.id()));
            assert_eq!(reg.id(e.id()), reg.get(e.id()).map(|r| &r.id));
        }
        assert_eq!(reg.id("NOPE999"), None);
    }

    /// `refs_by_code` gives every reference once, the built-in rules sorted by code, then the
    /// added ones as declared; `code` is the code `info` gives.
    #[test]
    fn refs_by_code_sorts_the_builtin_rules() {
        let mut reg = Registry::builtin().clone();
        let text = "rule \"AAA001\" {\n  name = \"a-first\"\n  severity = \"low\"\n  title = \"t\"\n  message = \"m\"\n  docs = \"d\"\n  resource = [\"alicloud_vpc\"]\n  assert = true\n}\n";
        for r in load_rule_file("r.hcl", text, None, false).unwrap() {
            reg.insert(r).unwrap();
        }
        let by_code: Vec<RuleRef> = reg.refs_by_code().collect();
        let mut all: Vec<RuleRef> = reg.refs().collect();
        assert_eq!(by_code.len(), all.len());
        assert_eq!(by_code.last(), Some(&RuleRef::Added(0)));
        let codes: Vec<&str> = by_code.iter().map(|&r| reg.code(r)).collect();
        assert!(codes[..codes.len() - 1].windows(2).all(|w| w[0] < w[1]));
        for &r in &by_code {
            assert_eq!(reg.code(r), reg.info(r).id);
        }
        all.sort_by_key(|&r| reg.code(r));
        let mut sorted = by_code.clone();
        sorted.sort_by_key(|&r| reg.code(r));
        assert_eq!(sorted, all);
        assert_eq!(sorted[0], RuleRef::Added(0));
    }

    /// Every built-in rule's expressions but `check` are packed by build.rs, and unpack to the
    /// tree parsing their source gives: equal, and printing the same text.
    #[test]
    fn packed_expressions_are_the_parsed_ones() {
        let mut n = 0;
        for e in INDEX.rules {
            let j: serde_json::Value = serde_json::from_str(e.json()).unwrap();
            // What is left in the JSON is only what is not packed: `check`, read as written.
            let left: Vec<&String> = j["sources"].as_object().unwrap().keys().collect();
            assert!(left.iter().all(|k| *k == "check"), "{}: {left:?}", e.id());
            if e.packed().iter().any(|p| p.member() == "when") {
                assert!(j["instance"]["fix"].get("when").is_none(), "{}", e.id());
            }
            for p in e.packed() {
                let k = p.member();
                assert!(!p.packed().is_empty(), "{}: `{k}` is not packed", e.id());
                let built =
                    packed::unpack(p.packed()).unwrap_or_else(|| panic!("{}: `{k}`", e.id()));
                let parsed = load::parse_source(p.source()).unwrap();
                assert_eq!(built, parsed, "{}: `{k}`", e.id());
                assert_eq!(built.to_string(), parsed.to_string(), "{}: `{k}`", e.id());
                // What a run makes: the same tree but for its layout.
                let bare = p.expr().unwrap();
                assert_eq!(
                    packed::pack_bare(&bare),
                    packed::pack_bare(&parsed),
                    "{}: `{k}`",
                    e.id()
                );
                n += 1;
            }
        }
        assert!(n > 100, "{n} expressions");
    }

    /// A built-in rule built from what build.rs prepared is the rule its JSON builds.
    #[test]
    fn prepared_rules_are_the_json_ones() {
        let mut fixes = 0;
        for (i, e) in INDEX.rules.iter().enumerate() {
            let from_json = load::load_embedded_rule(e.file(), e.json(), e.packed()).unwrap();
            let prepared = load::prepared_rule(i).unwrap();
            assert_eq!(
                format!("{prepared:?}"),
                format!("{from_json:?}"),
                "{}",
                e.id()
            );
            fixes += usize::from(crate::fix::builtin_fix(i).is_some());
        }
        // Every fix but those whose `when` is read from the JSON is built by code.
        assert!(fixes > 60, "{fixes} fixes built by code");
        let some = |f: fn(&Prepared) -> bool| INDEX.rules.iter().any(|e| f(e.prepared()));
        assert!(some(|p| p.fix().is_some()) && some(|p| p.options().is_some()));
        assert!(some(|p| p.references().next().is_some()) && some(|p| p.tags().next().is_some()));
        assert!(some(|p| p.documents().next().is_some()) && some(|p| p.where_().is_some()));
    }

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
