//! The JSON view of HCL rule files. This module depends only on hcl-edit and serde_json: it is
//! shared with `build.rs`, which turns the built-in rule files into JSON at build time so that
//! start-up does not pay for parsing their HCL.

use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use serde_json::{Map, Value as J};
use std::collections::BTreeMap;
use std::ops::Range;

/// Members kept as HCL expressions (their source text when serialised).
pub const EXPRESSION_MEMBERS: &[&str] = &["assert", "check", "message", "each", "facet", "where"];

/// One `rule` block: its JSON view for the schema, the spans of its members (by JSON pointer)
/// and the expressions the engine compiles.
pub struct RawRule {
    pub id: String,
    pub header: Option<Range<usize>>,
    pub instance: J,
    pub spans: BTreeMap<String, Range<usize>>,
    pub exprs: BTreeMap<String, Expression>,
    /// Source text of the members in `EXPRESSION_MEMBERS` (what build.rs embeds).
    #[allow(dead_code)]
    pub sources: BTreeMap<String, String>,
}

pub struct RawError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

fn err(message: String, span: Option<Range<usize>>) -> RawError {
    RawError { message, span }
}

/// Split a rule file into its rule blocks. Structural errors are collected; the blocks that
/// are well formed are returned beside them.
pub fn rule_blocks(text: &str) -> Result<(Vec<RawRule>, Vec<RawError>), RawError> {
    let body: Body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let off = e.location().offset();
        err(format!("invalid HCL: {}", e.message()), Some(off..off + 1))
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
        let mut obj = Map::new();
        let mut spans: BTreeMap<String, Range<usize>> = BTreeMap::new();
        obj.insert("id".into(), J::String(id.clone()));
        if let Some(sp) = block.labels[0].span() {
            spans.insert("/id".into(), sp);
        }
        let mut exprs: BTreeMap<String, Expression> = BTreeMap::new();
        let mut sources = BTreeMap::new();
        for s in block.body.iter() {
            match s {
                Structure::Attribute(a) => {
                    let key = a.key.as_str().to_string();
                    let ptr = format!("/{key}");
                    if let Some(sp) = a.key.span() {
                        spans.insert(ptr.clone(), sp);
                    }
                    // Conditions are expressions whatever they look like (`assert = false` too).
                    let j = if key == "assert" || key == "each" {
                        if let Some(sp) = a.value.span() {
                            spans.insert(ptr.clone(), sp);
                        }
                        J::String(source_of(&a.value, text))
                    } else {
                        to_json(&a.value, text, &ptr, &mut spans)
                    };
                    if EXPRESSION_MEMBERS.contains(&key.as_str()) {
                        sources.insert(key.clone(), source_of(&a.value, text));
                    }
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
        rules.push(RawRule {
            id,
            header,
            instance: J::Object(obj),
            spans,
            exprs,
            sources,
        });
    }
    Ok((rules, errors))
}

/// The JSON view of an attribute value: literals as JSON, literal templates and heredocs as
/// strings, anything else (conditions, templates with interpolation, calls) as its source text.
pub fn to_json(
    e: &Expression,
    text: &str,
    ptr: &str,
    spans: &mut BTreeMap<String, Range<usize>>,
) -> J {
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
pub fn scalar_json(e: &Expression) -> Option<J> {
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

pub fn source_of(e: &Expression, text: &str) -> String {
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

/// The JSON view of a data file (`rulesets/data/*.hcl`): top-level attributes as members, and
/// the blocks of each type, in order, as an array under the type name with their label as
/// `name` (`service "ecs" { … }` → `"service": [{"name": "ecs", …}]`). Only literal values are
/// data: anything else is an error.
pub fn data_body(text: &str) -> Result<J, RawError> {
    let body: Body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let off = e.location().offset();
        err(format!("invalid HCL: {}", e.message()), Some(off..off + 1))
    })?;
    fn attrs(body: &Body, text: &str, m: &mut Map<String, J>) -> Result<(), RawError> {
        let mut spans = BTreeMap::new();
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => {
                    let v = to_json(&a.value, text, "", &mut spans);
                    if !literal(&a.value) {
                        return Err(err(
                            format!("`{}` must be a literal value", a.key.as_str()),
                            a.value.span(),
                        ));
                    }
                    m.insert(a.key.as_str().to_string(), v);
                }
                Structure::Block(b) => {
                    let mut inner = Map::new();
                    if let Some(l) = b.labels.first() {
                        inner.insert("name".into(), J::String(l.as_str().to_string()));
                    }
                    attrs(&b.body, text, &mut inner)?;
                    let list = m
                        .entry(b.ident.as_str().to_string())
                        .or_insert_with(|| J::Array(Vec::new()));
                    match list.as_array_mut() {
                        Some(a) => a.push(J::Object(inner)),
                        None => {
                            return Err(err(
                                format!("`{}` is both an attribute and a block", b.ident.as_str()),
                                b.ident.span(),
                            ))
                        }
                    }
                }
            }
        }
        Ok(())
    }
    fn literal(e: &Expression) -> bool {
        match e {
            Expression::Array(a) => a.iter().all(literal),
            Expression::Object(o) => o.iter().all(|(_, v)| literal(v.expr())),
            Expression::StringTemplate(_) => false,
            Expression::HeredocTemplate(h) => literal_template(&h.template).is_some(),
            other => scalar_json(other).is_some(),
        }
    }
    let mut m = Map::new();
    attrs(&body, text, &mut m)?;
    Ok(J::Object(m))
}
