//! Parsing and validating HCL rule files.

use super::{docs_url, schema, LazyExpr, Packed, Rule, Scope};
use crate::finding::Severity;
use crate::hcljson::{rule_blocks, RawRule, EXPRESSION_MEMBERS};
use hcl_edit::expr::Expression;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use serde_json::Value as J;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// An error in a rule file, with the byte span it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleLoadError {
    pub path: String,
    pub message: String,
    pub span: Option<Range<usize>>,
}

/// Parse a rule file. With `validate`, every rule is checked against `rule.schema.json`.
/// `_file` is reserved for locating rules of user files in diagnostics.
pub fn load_rule_file(
    path: &str,
    text: &str,
    _file: Option<crate::source::FileId>,
    validate: bool,
) -> Result<Vec<Rule>, Vec<RuleLoadError>> {
    let err = |message: String, span: Option<Range<usize>>| RuleLoadError {
        path: path.to_string(),
        message,
        span,
    };
    let (raw, structural) = rule_blocks(text).map_err(|e| vec![err(e.message, e.span)])?;
    let mut errors: Vec<RuleLoadError> = structural
        .into_iter()
        .map(|e| err(e.message, e.span))
        .collect();
    let mut rules = Vec::new();
    for RawRule {
        id,
        header,
        instance,
        spans,
        exprs,
        ..
    } in raw
    {
        if validate {
            let before = errors.len();
            for e in schema::validate_rule(&instance) {
                // Point at the deepest member the schema error concerns.
                let mut ptr = e.pointer.clone();
                let span = loop {
                    if let Some(sp) = spans.get(&ptr) {
                        break Some(sp.clone());
                    }
                    match ptr.rfind('/') {
                        Some(i) if i > 0 => ptr.truncate(i),
                        _ => break header.clone(),
                    }
                };
                let what = if e.pointer.is_empty() {
                    format!("rule {id}")
                } else {
                    format!("rule {id}, `{}`", &e.pointer[1..])
                };
                errors.push(err(format!("{what}: {}", e.message), span));
            }
            if errors.len() > before {
                continue;
            }
        }
        let built = Fields::deserialize(&instance)
            .map_err(|e| e.to_string())
            .and_then(|f| build_rule(path, &id, f, exprs, None));
        match built {
            Ok(r) => rules.push(r),
            Err(m) => errors.push(err(format!("rule {id}: {m}"), header)),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// `check` is the source of a built-in rule's `check` when it is not among `exprs`.
fn build_rule(
    path: &str,
    id: &str,
    j: Fields<'_>,
    mut exprs: BTreeMap<String, Expression>,
    check: Option<&str>,
) -> Result<Rule, String> {
    let name = j.name.0.ok_or("missing `name`")?;
    let severity = j
        .severity
        .0
        .as_deref()
        .and_then(Severity::parse)
        .ok_or("`severity` must be one of critical, high, medium, low, info")?;
    let resources = j.resource.0;
    let documents = j.document.0;
    let scope = match j.scope.0 {
        Some(sc) => Scope::parse(&sc).ok_or_else(|| format!("unknown scope `{sc}`"))?,
        None if !documents.is_empty() => Scope::Document,
        None if !resources.is_empty() => Scope::Resource,
        None => {
            return Err("say what the rule applies to: `resource`, `document` or `scope`".into())
        }
    };
    let check = match (exprs.get("check"), check) {
        (Some(e), _) => Some(builtin_name(e).ok_or("`check` must be `builtin(\"name\")`")?),
        (None, Some(s)) => {
            Some(builtin_source_name(s).ok_or("`check` must be `builtin(\"name\")`")?)
        }
        (None, None) => None,
    };
    let assert = exprs.remove("assert");
    if check.is_none() && assert.is_none() {
        return Err("a rule needs `assert` (an HCL condition) or `check = builtin(\"…\")`".into());
    }
    let message = j.message.0.ok_or("missing `message`")?.into_owned();
    let message_expr = exprs.remove("message").map(LazyExpr::parsed);
    let fix = match j.fix.0 {
        Some(f) => {
            let mut spec = crate::fix::FixSpec::from_json(&f)?;
            spec.per_element = exprs.contains_key("each");
            Some(spec)
        }
        None => None,
    };
    let options = match j.options.0 {
        Some(o) => {
            declared_options(serde_json::from_value(o).map_err(|e| format!("`options`: {e}"))?)?
        }
        None => Vec::new(),
    };
    Ok(Rule {
        fix,
        options,
        id: id.into(),
        name: name.as_ref().into(),
        severity,
        title: j.title.owned().unwrap_or_default(),
        message,
        help: j.help.owned(),
        docs: j.docs.owned().unwrap_or_default().into(),
        references: j.references.0,
        equivalents: j.equivalents.0,
        tags: j.tags.0,
        scope,
        resources,
        documents,
        check,
        assert,
        message_expr,
        each: exprs.remove("each").map(LazyExpr::parsed),
        each_kept: std::sync::OnceLock::new(),
        assert_slots: Default::default(),
        facet: exprs.remove("facet"),
        where_: j.where_.owned(),
        // A plain path needs no evaluation.
        where_expr: exprs
            .remove("where")
            .filter(|e| !matches!(e, Expression::String(_)))
            .map(LazyExpr::parsed),
        ignorable: j.ignorable.0.unwrap_or(true),
        default_enabled: j.enabled.0.unwrap_or(true),
        source: path.to_string(),
        // User rules have no page at acslint; `load_embedded` sets built-in rules' links.
        url: None,
    })
}

fn declared_options(
    declared: BTreeMap<String, super::RuleOption>,
) -> Result<Vec<super::RuleOption>, String> {
    declared
        .into_iter()
        .map(|(name, mut o)| {
            o.name = name;
            // The default is what runs without configuration: it must be a valid value.
            o.check(&o.default)
                .map_err(|e| format!("option `{}`: the default {e}", o.name))?;
            Ok(o)
        })
        .collect()
}

/// `builtin("name")` → `name`.
fn builtin_name(e: &Expression) -> Option<String> {
    let Expression::FuncCall(call) = e else {
        return None;
    };
    if call.name.name.as_str() != "builtin" || call.args.len() != 1 {
        return None;
    }
    match call.args.iter().next()? {
        Expression::String(s) => Some(s.value().to_string()),
        _ => None,
    }
}

/// `builtin("name")` → `name`, from its source: read as written when it is that plain call (a
/// built-in rule's always is), else parsed.
fn builtin_source_name(s: &str) -> Option<String> {
    let plain = s
        .strip_prefix("builtin(\"")
        .and_then(|r| r.strip_suffix("\")"))
        .filter(|n| {
            n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        });
    match plain {
        Some(n) => Some(n.to_string()),
        None => builtin_name(&parse_source(s).ok()?),
    }
}

/// A `where` written as a quoted path without escapes or template sequences: its value is the
/// `where` string itself, so it needs no expression (as `Expression::String` needs none).
fn plain_string(s: &str) -> bool {
    s.len() >= 2
        && s.starts_with('"')
        && s.ends_with('"')
        && !s[1..s.len() - 1]
            .bytes()
            .any(|b| matches!(b, b'"' | b'\\' | b'$' | b'%'))
}

/// Build the rules of a built-in rule file from the JSON `build.rs` made of it: an array of
/// `{"id", "instance", "sources"}`.
pub fn load_embedded(path: &str, json: &str) -> Result<Vec<Rule>, String> {
    let rules: Vec<EmbeddedJson> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    rules
        .into_iter()
        .map(|r| embedded_rule(path, r, &[]))
        .collect()
}

/// Build one built-in rule from its `{"id", "instance", "sources"}` JSON and the expressions
/// `build.rs` packed (by member). Only the expressions it reads on every block are made here,
/// unpacked or else parsed (`message` and `where` on first use, `check` read as written); the
/// schema was checked by the test suite.
pub fn load_embedded_rule(
    path: &str,
    json: &str,
    packed: &'static [Packed],
) -> Result<Rule, String> {
    // Read straight into the members building reads: a generic `serde_json::Value` (ordered
    // maps of owned strings) cost as much as the rest of building the rule.
    let r: EmbeddedJson = serde_json::from_str(json).map_err(|e| e.to_string())?;
    embedded_rule(path, r, packed)
}

/// Build a built-in rule from what `build.rs` prepared ([`super::Prepared`]) and packed: the
/// same rule as [`load_embedded_rule`] builds from its JSON (a test compares the two), without
/// reading JSON but for a `fix` or `options` member. Only the expressions it reads on every
/// block are made here (`each`, `message` and `where` on first use).
pub fn prepared_rule(i: usize) -> Result<Rule, String> {
    let e = &super::INDEX.rules[i];
    let id = e.id();
    let p = e.prepared();
    let packed = |k: &str| e.packed().iter().find(|p| p.member() == k);
    let expr = |k: &str| {
        packed(k)
            .map(|p| p.expr().map_err(|err| format!("rule {id}: `{k}`: {err}")))
            .transpose()
    };
    let each = packed("each");
    let fix = match p.fix() {
        Some(f) => {
            let mut spec = match crate::fix::builtin_fix(i) {
                Some(spec) => spec,
                None => {
                    let f: J =
                        serde_json::from_str(f).map_err(|err| format!("rule {id}: {err}"))?;
                    crate::fix::FixSpec::from_json(&f).map_err(|m| format!("rule {id}: {m}"))?
                }
            };
            spec.per_element = each.is_some();
            if let Some(w) = packed("when") {
                spec.when = Some(
                    w.expr()
                        .map_err(|err| format!("rule {id}: `fix.when`: {err}"))?,
                );
            }
            Some(spec)
        }
        None => None,
    };
    let options = match p.options() {
        Some(o) => declared_options(
            serde_json::from_str(o).map_err(|err| format!("rule {id}: `options`: {err}"))?,
        )
        .map_err(|m| format!("rule {id}: {m}"))?,
        None => Vec::new(),
    };
    let assert = expr("assert")?;
    // A message is compiled only for expression rules; built-in checks render it from their
    // fields.
    let message_expr = packed("message")
        .filter(|_| assert.is_some())
        .map(LazyExpr::packed);
    let strings = |v: &mut dyn Iterator<Item = &'static str>| v.map(str::to_string).collect();
    Ok(Rule {
        fix,
        options,
        id: id.into(),
        name: e.name().into(),
        severity: e.severity,
        title: p.title().unwrap_or_default().to_string(),
        message: p.message().to_string(),
        help: p.help().map(str::to_string),
        docs: Cow::Borrowed(""),
        references: p
            .references()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        equivalents: strings(&mut p.equivalents()),
        tags: strings(&mut p.tags()),
        scope: e.scope,
        resources: strings(&mut e.resources()),
        documents: strings(&mut p.documents()),
        check: e.check().map(str::to_string),
        assert,
        message_expr,
        each: each.map(LazyExpr::packed),
        each_kept: std::sync::OnceLock::new(),
        assert_slots: Default::default(),
        facet: expr("facet")?,
        where_: p.where_().map(str::to_string),
        where_expr: packed("where")
            .filter(|w| !plain_string(w.source()))
            .map(LazyExpr::packed),
        ignorable: e.ignorable,
        default_enabled: e.enabled,
        source: e.file().to_string(),
        url: docs_url(id).map(Into::into),
    })
}

fn embedded_rule(
    path: &str,
    r: EmbeddedJson<'_>,
    packed: &'static [Packed],
) -> Result<Rule, String> {
    let id = &*r.id;
    let mut exprs = BTreeMap::new();
    let source = |k: &str| r.sources.get(k).map(|s| &**s);
    let packed = |k: &str| packed.iter().find(|p| p.member() == k);
    for k in EXPRESSION_MEMBERS {
        // `each` is unpacked on first use, when packed.
        if matches!(*k, "message" | "where" | "check") || (*k == "each" && packed(k).is_some()) {
            continue;
        }
        let e = match (packed(k), source(k)) {
            (Some(p), _) => p.expr(),
            (None, Some(s)) => parse_source(s),
            (None, None) => continue,
        };
        let e = e.map_err(|e| format!("rule {id}: `{k}`: {e}"))?;
        exprs.insert(k.to_string(), e);
    }
    let mut rule = build_rule(path, id, r.instance, exprs, source("check"))
        .map_err(|m| format!("rule {id}: {m}"))?;
    if let Some(p) = packed("each") {
        rule.each = Some(LazyExpr::packed(p));
        if let Some(fix) = &mut rule.fix {
            fix.per_element = true;
        }
    }
    if let (Some(fix), Some(p)) = (&mut rule.fix, packed("when")) {
        fix.when = Some(
            p.expr()
                .map_err(|e| format!("rule {id}: `fix.when`: {e}"))?,
        );
    }
    // A message is compiled only for expression rules; built-in checks render it from their
    // fields.
    if rule.assert.is_some() {
        rule.message_expr = packed("message").map(LazyExpr::packed);
    }
    rule.where_expr = packed("where")
        .filter(|p| !plain_string(p.source()))
        .map(LazyExpr::packed);
    rule.url = docs_url(id).map(Into::into);
    Ok(rule)
}

/// A built-in rule as `build.rs` wrote it: its code, its members and the sources of the
/// expressions it did not pack.
#[derive(Deserialize)]
struct EmbeddedJson<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    instance: Fields<'a>,
    #[serde(borrow, default)]
    sources: BTreeMap<&'a str, Cow<'a, str>>,
}

/// The members of a rule's JSON that building it reads, each as `serde_json::Value`'s
/// accessors read it: a member of another type is absent (a `where` written as a list is an
/// expression, not a path), and so is a list's element that is not a string.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    name: Text<'a>,
    #[serde(borrow, default)]
    severity: Text<'a>,
    #[serde(borrow, default)]
    scope: Text<'a>,
    #[serde(default)]
    resource: Texts,
    #[serde(default)]
    document: Texts,
    #[serde(borrow, default)]
    title: Text<'a>,
    #[serde(borrow, default)]
    message: Text<'a>,
    #[serde(borrow, default)]
    help: Text<'a>,
    #[serde(borrow, default)]
    docs: Text<'a>,
    #[serde(default)]
    references: Texts<BTreeMap<String, String>>,
    #[serde(default)]
    equivalents: Texts,
    #[serde(default)]
    tags: Texts,
    #[serde(default)]
    fix: Present,
    #[serde(default)]
    options: Present,
    #[serde(borrow, default, rename = "where")]
    where_: Text<'a>,
    #[serde(default)]
    ignorable: Flag,
    #[serde(default)]
    enabled: Flag,
}

/// A string member, lent from the JSON when it has no escapes; `None` for another type.
#[derive(Default)]
struct Text<'a>(Option<Cow<'a, str>>);

impl Text<'_> {
    fn owned(self) -> Option<String> {
        self.0.map(Cow::into_owned)
    }
}

/// A list of strings (a string alone is a list of one; other elements are left out), or a map's
/// string members (other values read as empty strings); anything else is empty.
#[derive(Default)]
struct Texts<T = Vec<String>>(T);

/// A member that is present, whatever its value (`null` included), as `Value::get` finds it.
#[derive(Default)]
struct Present(Option<J>);

/// A boolean member; `None` for another type.
#[derive(Default)]
struct Flag(Option<bool>);

/// Skips what a visitor does not take: any value but the ones it reads.
macro_rules! skip_others {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

fn skip_seq<'de, A: de::SeqAccess<'de>>(mut a: A) -> Result<(), A::Error> {
    while a.next_element::<de::IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_map<'de, A: de::MapAccess<'de>>(mut a: A) -> Result<(), A::Error> {
    while a.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Option<Cow<'a, str>>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Some(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Some(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(Some(Cow::Owned(s)))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
                skip_seq(a).map(|_| None)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
                skip_map(a).map(|_| None)
            }
            skip_others!();
        }
        d.deserialize_any(V(std::marker::PhantomData)).map(Text)
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(vec![s.to_string()])
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(Text(s)) = a.next_element::<Text>()? {
                    out.extend(s.map(Cow::into_owned));
                }
                Ok(out)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
                skip_map(a).map(|_| Vec::new())
            }
            skip_others!();
        }
        d.deserialize_any(V).map(Texts)
    }
}

impl<'de> Deserialize<'de> for Texts<BTreeMap<String, String>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BTreeMap<String, String>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(BTreeMap::new())
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, a: A) -> Result<Self::Value, A::Error> {
                skip_seq(a).map(|_| BTreeMap::new())
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, Text(v))) = a.next_entry::<String, Text>()? {
                    out.insert(k, v.map(Cow::into_owned).unwrap_or_default());
                }
                Ok(out)
            }
            skip_others!();
        }
        d.deserialize_any(V).map(Texts)
    }
}

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        J::deserialize(d).map(|j| Present(Some(j)))
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read as a value: a flag is one token, and any other type reads as absent.
        J::deserialize(d).map(|j| Flag(j.as_bool()))
    }
}

/// Parse an expression's source text. A heredoc keeps the newline that ended it in the file;
/// any other expression must end where its text does.
pub(super) fn parse_source(s: &str) -> Result<Expression, hcl_edit::parser::Error> {
    if s.starts_with("<<") {
        hcl_edit::parser::parse_expr(&format!("{s}\n"))
    } else {
        hcl_edit::parser::parse_expr(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The members are read as `serde_json::Value`'s accessors read them, from a `Value` (user
    /// rule files) and from the JSON text (built-in rules) alike: a member of another type is
    /// absent, a string is a list of one, a list's other elements are left out, a map's other
    /// values are empty strings, a `null` member is present.
    #[test]
    fn members_read_as_the_value_accessors_read_them() {
        let text = r#"{"name":"a\u0062","severity":1,"scope":["x"],"resource":"alicloud_x",
            "document":["trust",2,null,{"a":[1]},"b\"c"],"title":{"t":[1]},"message":"m",
            "help":null,"references":{"cis":"1","docs":3},"equivalents":{"a":"b"},"tags":true,
            "fix":null,"where":["a","b"],"ignorable":"no","enabled":false,"other":[{}]}"#;
        let j: J = serde_json::from_str(text).unwrap();
        let s = |k: &str| j.get(k).and_then(J::as_str).map(str::to_string);
        let b = |k: &str| j.get(k).and_then(J::as_bool);
        for f in [
            Fields::deserialize(&j).unwrap(),
            serde_json::from_str::<Fields>(text).unwrap(),
        ] {
            assert_eq!(f.name.0.as_deref(), Some("ab"));
            assert_eq!(f.name.owned(), s("name"));
            assert_eq!(f.severity.owned(), s("severity"));
            assert_eq!(f.scope.owned(), s("scope"));
            assert_eq!(f.title.owned(), s("title"));
            assert_eq!(f.message.owned(), s("message"));
            assert_eq!(f.help.owned(), s("help"));
            assert_eq!(f.docs.owned(), s("docs"));
            assert_eq!(f.where_.owned(), s("where"));
            assert_eq!(f.resource.0, ["alicloud_x"]);
            assert_eq!(f.document.0, ["trust", "b\"c"]);
            assert!(f.equivalents.0.is_empty() && f.tags.0.is_empty());
            let refs: Vec<(&str, &str)> = f
                .references
                .0
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            assert_eq!(refs, [("cis", "1"), ("docs", "")]);
            assert_eq!(f.fix.0, Some(J::Null));
            assert_eq!(f.options.0, None);
            assert_eq!((f.ignorable.0, f.enabled.0), (b("ignorable"), b("enabled")));
        }
    }
}
