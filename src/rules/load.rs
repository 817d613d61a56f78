//! Parsing and validating HCL rule files.

use super::{docs_url, schema, Rule, Scope};
use crate::finding::Severity;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use serde_json::{Map, Value as J};
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
    let body: Body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let off = e.location().offset();
        vec![err(
            format!("invalid HCL: {}", e.message()),
            Some(off..off + 1),
        )]
    })?;
    let mut errors = Vec::new();
    let mut rules = Vec::new();
    for s in body.iter() {
        let block = match s {
            Structure::Block(b) if b.ident.as_str() == "rule" => b,
            Structure::Block(b) => {
                errors.push(err(
                    format!(
                        "unexpected block `{}`: a rule file holds only `rule` blocks",
                        b.ident.as_str()
                    ),
                    b.ident.span(),
                ));
                continue;
            }
            Structure::Attribute(a) => {
                errors.push(err(
                    format!(
                        "unexpected attribute `{}` outside a `rule` block",
                        a.key.as_str()
                    ),
                    a.key.span(),
                ));
                continue;
            }
        };
        let header = block.ident.span();
        let Some(id) = block.labels.first().map(|l| l.as_str().to_string()) else {
            errors.push(err(
                "a rule block needs its code as label: `rule \"OSS003\" { … }`".into(),
                header,
            ));
            continue;
        };
        if block.labels.len() > 1 {
            errors.push(err(
                "a rule block takes exactly one label, its code".into(),
                block.labels[1].span(),
            ));
            continue;
        }
        // The JSON view of the block, for the schema, and the spans of its members.
        let mut obj = Map::new();
        let mut spans: BTreeMap<String, Range<usize>> = BTreeMap::new();
        obj.insert("id".into(), J::String(id.clone()));
        if let Some(sp) = block.labels[0].span() {
            spans.insert("/id".into(), sp);
        }
        let mut exprs: BTreeMap<String, Expression> = BTreeMap::new();
        for s in block.body.iter() {
            match s {
                Structure::Attribute(a) => {
                    let key = a.key.as_str().to_string();
                    let ptr = format!("/{key}");
                    if let Some(sp) = a.key.span() {
                        spans.insert(ptr.clone(), sp);
                    }
                    // Conditions are expressions whatever they look like (`assert = false` too).
                    let j = if key == "assert" {
                        if let Some(sp) = a.value.span() {
                            spans.insert(ptr.clone(), sp);
                        }
                        J::String(source_of(&a.value, text))
                    } else {
                        to_json(&a.value, text, &ptr, &mut spans)
                    };
                    obj.insert(key.clone(), j);
                    exprs.insert(key, a.value.clone());
                }
                Structure::Block(b) => errors.push(err(
                    format!(
                        "unexpected block `{}` inside rule {id}: rule members are attributes",
                        b.ident.as_str()
                    ),
                    b.ident.span(),
                )),
            }
        }
        let instance = J::Object(obj);
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
        match build_rule(path, &id, &instance, exprs) {
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

fn build_rule(
    path: &str,
    id: &str,
    j: &J,
    mut exprs: BTreeMap<String, Expression>,
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
    let check = match exprs.get("check") {
        Some(e) => Some(builtin_name(e).ok_or("`check` must be `builtin(\"name\")`")?),
        None => None,
    };
    let assert = exprs.remove("assert");
    if check.is_none() && assert.is_none() {
        return Err("a rule needs `assert` (an HCL condition) or `check = builtin(\"…\")`".into());
    }
    let message = s("message").ok_or("missing `message`")?;
    let message_expr = exprs.remove("message");
    let references = match j.get("references") {
        Some(J::Object(o)) => o
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect(),
        _ => BTreeMap::new(),
    };
    Ok(Rule {
        id: id.into(),
        name: name.into(),
        severity,
        title: s("title").unwrap_or_default(),
        message,
        help: s("help"),
        docs: s("docs").unwrap_or_default(),
        references,
        equivalents: list("equivalents"),
        scope,
        resources,
        documents,
        check,
        assert,
        message_expr,
        where_: s("where"),
        ignorable: j.get("ignorable").and_then(J::as_bool).unwrap_or(true),
        default_enabled: j.get("enabled").and_then(J::as_bool).unwrap_or(true),
        source: path.to_string(),
        url: docs_url(id).into(),
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

/// The JSON view of an attribute value: literals as JSON, literal templates and heredocs as
/// strings, anything else (conditions, templates with interpolation, calls) as its source text.
fn to_json(e: &Expression, text: &str, ptr: &str, spans: &mut BTreeMap<String, Range<usize>>) -> J {
    if let Some(sp) = e.span() {
        spans.entry(ptr.to_string()).or_insert(sp);
    }
    if let Some(j) = scalar_json(e) {
        return j;
    }
    match e {
        Expression::Array(a) => J::Array(
            a.iter()
                .enumerate()
                .map(|(i, v)| to_json(v, text, &format!("{ptr}/{i}"), spans))
                .collect(),
        ),
        Expression::Object(o) => {
            let mut m = Map::new();
            for (k, v) in o.iter() {
                let key = match k {
                    ObjectKey::Ident(i) => i.as_str().to_string(),
                    ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                    ObjectKey::Expression(other) => source_of(other, text),
                };
                let p = format!("{ptr}/{key}");
                m.insert(key, to_json(v.expr(), text, &p, spans));
            }
            J::Object(m)
        }
        Expression::HeredocTemplate(h) => match literal_template(&h.template) {
            Some(s) => J::String(s),
            None => J::String(source_of(e, text)),
        },
        Expression::StringTemplate(t) => {
            // Keep the template text without the quotes: `${…}` placeholders stay as written.
            let src = source_of(e, text);
            let inner = src
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .unwrap_or(&src);
            let _ = t;
            J::String(unescape(inner))
        }
        other => J::String(source_of(other, text)),
    }
}

/// The JSON value of a literal scalar (null, bool, number, plain string); `None` otherwise.
/// Shared with the configuration loader.
pub(crate) fn scalar_json(e: &Expression) -> Option<J> {
    Some(match e {
        Expression::Null(_) => J::Null,
        Expression::Bool(b) => J::Bool(*b.value()),
        Expression::Number(n) => {
            let n = n.value();
            n.as_i64()
                .map(J::from)
                .or_else(|| {
                    n.as_f64()
                        .and_then(serde_json::Number::from_f64)
                        .map(J::Number)
                })
                .unwrap_or(J::Null)
        }
        Expression::String(s) => J::String(s.value().to_string()),
        _ => return None,
    })
}

fn literal_template(t: &hcl_edit::template::Template) -> Option<String> {
    let mut s = String::new();
    for el in t.iter() {
        s.push_str(el.as_literal()?.value());
    }
    Some(s)
}

fn source_of(e: &Expression, text: &str) -> String {
    e.span()
        .and_then(|sp| text.get(sp))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Undo HCL string escapes in a template's literal text (placeholders are left alone).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}
