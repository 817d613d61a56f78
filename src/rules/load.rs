//! Parsing and validating HCL rule files.

use super::{docs_url, schema, LazyExpr, Packed, Rule, Scope};
use crate::finding::Severity;
use crate::hcljson::{rule_blocks, RawRule, EXPRESSION_MEMBERS};
use hcl_edit::expr::Expression;
use serde_json::Value as J;
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
        match build_rule(path, &id, &instance, exprs, None) {
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
    j: &J,
    mut exprs: BTreeMap<String, Expression>,
    check: Option<&str>,
) -> Result<Rule, String> {
    let s = |k: &str| j.get(k).and_then(J::as_str).map(str::to_string);
    let list = |k: &str| -> Vec<String> {
        match j.get(k) {
            Some(J::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(J::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    };
    let name = s("name").ok_or("missing `name`")?;
    let severity = s("severity")
        .as_deref()
        .and_then(Severity::parse)
        .ok_or("`severity` must be one of critical, high, medium, low, info")?;
    let resources = list("resource");
    let documents = list("document");
    let scope = match s("scope") {
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
    let message = s("message").ok_or("missing `message`")?;
    let message_expr = exprs.remove("message").map(LazyExpr::parsed);
    let references = match j.get("references") {
        Some(J::Object(o)) => o
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect(),
        _ => BTreeMap::new(),
    };
    let fix = match j.get("fix") {
        Some(f) => {
            let mut spec = crate::fix::FixSpec::from_json(f)?;
            spec.per_element = exprs.contains_key("each");
            Some(spec)
        }
        None => None,
    };
    let options = match j.get("options") {
        Some(o) => {
            let declared: BTreeMap<String, super::RuleOption> =
                serde_json::from_value(o.clone()).map_err(|e| format!("`options`: {e}"))?;
            declared
                .into_iter()
                .map(|(name, mut o)| {
                    o.name = name;
                    // The default is what runs without configuration: it must be a valid value.
                    o.check(&o.default)
                        .map_err(|e| format!("option `{}`: the default {e}", o.name))?;
                    Ok(o)
                })
                .collect::<Result<Vec<_>, String>>()?
        }
        None => Vec::new(),
    };
    Ok(Rule {
        fix,
        options,
        id: id.into(),
        name: name.into(),
        severity,
        title: s("title").unwrap_or_default(),
        message,
        help: s("help"),
        docs: s("docs").unwrap_or_default(),
        references,
        equivalents: list("equivalents"),
        tags: list("tags"),
        scope,
        resources,
        documents,
        check,
        assert,
        message_expr,
        each: exprs.remove("each"),
        each_kept: std::sync::OnceLock::new(),
        assert_slots: Default::default(),
        facet: exprs.remove("facet"),
        where_: s("where"),
        // A plain path needs no evaluation.
        where_expr: exprs
            .remove("where")
            .filter(|e| !matches!(e, Expression::String(_)))
            .map(LazyExpr::parsed),
        ignorable: j.get("ignorable").and_then(J::as_bool).unwrap_or(true),
        default_enabled: j.get("enabled").and_then(J::as_bool).unwrap_or(true),
        source: path.to_string(),
        // User rules have no page at acslint; `load_embedded` sets built-in rules' links.
        url: None,
    })
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
pub fn load_embedded(path: &str, json: &J) -> Result<Vec<Rule>, String> {
    json.as_array()
        .ok_or("not an array")?
        .iter()
        .map(|r| load_embedded_rule(path, r, &[]))
        .collect()
}

/// Build one built-in rule from its `{"id", "instance", "sources"}` JSON and the expressions
/// `build.rs` packed (by member). Only the expressions it reads on every block are made here,
/// unpacked or else parsed (`message` and `where` on first use, `check` read as written); the
/// schema was checked by the test suite.
pub fn load_embedded_rule(path: &str, r: &J, packed: &'static [Packed]) -> Result<Rule, String> {
    let id = r["id"].as_str().ok_or("rule without id")?;
    let mut exprs = BTreeMap::new();
    let src = match r.get("sources") {
        Some(J::Object(src)) => Some(src),
        _ => None,
    };
    let source = |k: &str| src.and_then(|s| s.get(k)).and_then(J::as_str);
    let packed = |k: &str| packed.iter().find(|p| p.member == k);
    for k in EXPRESSION_MEMBERS {
        if matches!(*k, "message" | "where" | "check") {
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
    let mut rule = build_rule(path, id, &r["instance"], exprs, source("check"))
        .map_err(|m| format!("rule {id}: {m}"))?;
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
        .filter(|p| !plain_string(p.source))
        .map(LazyExpr::packed);
    rule.url = docs_url(id).map(Into::into);
    Ok(rule)
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
