//! Literal lowering of HCL to the value model: literals keep their values and spans, every
//! other expression is unknown. The evaluator builds on this for real expressions.

use crate::source::{FileId, Loc};
use crate::value::{Entry, Kind, Value};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;

pub fn loc(file: FileId, s: &impl Span) -> Option<Loc> {
    s.span().map(|r| Loc::new(file, r))
}

/// The object value of a block body: attributes by name, nested blocks as lists of objects.
pub fn body_value(file: FileId, body: &Body, text: &str) -> Value {
    let mut entries: Vec<Entry> = Vec::new();
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => entries.push(Entry {
                key: a.key.as_str().to_string(),
                key_loc: loc(file, &a.key),
                value: literal(file, &a.value, text),
            }),
            Structure::Block(b) => {
                let v = body_value(file, &b.body, text).with_loc(loc(file, b));
                let name = b.ident.as_str();
                match entries.iter_mut().find(|e| e.key == name) {
                    Some(Entry {
                        value:
                            Value {
                                kind: Kind::List(l),
                                ..
                            },
                        ..
                    }) => l.push(v),
                    _ => entries.push(Entry {
                        key: name.to_string(),
                        key_loc: loc(file, &b.ident),
                        value: Value::list(vec![v], loc(file, b)),
                    }),
                }
            }
        }
    }
    Value::object(entries, None)
}

/// The value of a literal expression; anything that needs evaluation is unknown.
pub fn literal(file: FileId, e: &Expression, text: &str) -> Value {
    let l = loc(file, e);
    match e {
        Expression::Null(_) => Value::new(Kind::Null, l),
        Expression::Bool(b) => Value::bool(*b.value(), l),
        Expression::Number(n) => Value::number(n.value().as_f64().unwrap_or(f64::NAN), l),
        Expression::String(s) => Value::string(s.value().to_string(), l),
        Expression::Array(a) => Value::list(a.iter().map(|v| literal(file, v, text)).collect(), l),
        Expression::Object(o) => Value::object(
            o.iter()
                .map(|(k, v)| {
                    let (key, key_loc) = match k {
                        ObjectKey::Ident(i) => (i.as_str().to_string(), loc(file, i)),
                        ObjectKey::Expression(Expression::String(s)) => {
                            (s.value().to_string(), loc(file, s))
                        }
                        ObjectKey::Expression(x) => (
                            x.span()
                                .and_then(|r| text.get(r))
                                .unwrap_or("?")
                                .to_string(),
                            loc(file, x),
                        ),
                    };
                    Entry {
                        key,
                        key_loc,
                        value: literal(file, v.expr(), text),
                    }
                })
                .collect(),
            l,
        ),
        Expression::HeredocTemplate(h) => {
            let mut s = String::new();
            for el in h.template.iter() {
                match el.as_literal() {
                    Some(lit) => s.push_str(lit.value()),
                    None => return Value::unknown("template with interpolation", l),
                }
            }
            Value::string(s, l)
        }
        Expression::Parenthesis(p) => literal(file, p.inner(), text).with_loc(l),
        other => {
            let src = other
                .span()
                .and_then(|r| text.get(r))
                .unwrap_or("expression");
            Value::unknown(format!("`{}` is not evaluated", src.trim()), l)
        }
    }
}
