//! The value model shared by every front end: JSON documents, evaluated Terraform and plan files.
//!
//! Every value may carry the span it came from, so a rule can point at the exact array element
//! or object key. A value that cannot be known statically is [`Kind::Unknown`]: rules never
//! report on it, and the reason is kept so the user can see what was undecided.

use crate::source::Loc;
use std::fmt;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: Kind,
    /// Where the value was written, when it was written somewhere.
    pub loc: Option<Loc>,
    /// For strings produced by `jsonencode` (or a policy-document data source): the structured
    /// value they encode, with its spans, so policy analysis can point inside it.
    pub encoded: Option<Arc<Value>>,
    /// For a value read from a resource or data source (`alicloud_oss_bucket.b.bucket`, or the
    /// instance object `alicloud_oss_bucket.b[0]`): that address. Links between resources follow
    /// it whatever the value is, known or not.
    pub origin: Option<Arc<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    List(Vec<Value>),
    /// Entries in source order; duplicate keys are kept (JSON allows them and RAM rejects them).
    Object(Vec<Entry>),
    /// Boxed: an unknown is four times the size of the other kinds, and every value (each
    /// entry of every block) would otherwise be sized for it.
    Unknown(Box<Unknown>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_loc: Option<Loc>,
    pub value: Value,
}

/// The pieces joined into a shared string with one allocation (`format!` and then `Arc::from`
/// allocate twice): addresses and unknowns' reasons are made per reference read, tens of
/// thousands of times on a tree.
pub fn joined(pieces: &[&str]) -> Arc<str> {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        pieces.iter().for_each(|p| b.push_str(p));
        Arc::from(b.as_str())
    })
}

/// Why a value is unknown, and what it refers to when it is a reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Unknown {
    pub reason: Arc<str>,
    /// Symbolic target for references, e.g. `alicloud_oss_bucket.logs.id`.
    pub reference: Option<Arc<str>>,
    /// Identity of the unknown value: two unknowns with the same identity are the same value
    /// (the same reference, the same variable of the same module instance, or the same
    /// expression computed from them). `None`: an unknown that equals nothing.
    pub id: Option<u64>,
    /// Known to be set: not null and not an empty string (an identifier the provider always
    /// computes, such as the `id` of a declared resource instance). `x != null` is then true
    /// and `coalesce(x, …)` is `x`, although `x` itself stays unknown.
    pub present: bool,
}

impl Unknown {
    /// The identity of an unknown derived from `inner` by the expression at `at`.
    pub fn derived_id(inner: Option<u64>, at: Option<Loc>) -> Option<u64> {
        use std::hash::{Hash, Hasher};
        let inner = inner?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        inner.hash(&mut h);
        at.map(|l| (l.file, l.start, l.end)).hash(&mut h);
        Some(h.finish())
    }
    /// The identity of a symbolic name (`module.a.var.x`, `alicloud_oss_bucket.b.id`).
    pub fn name_id(name: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        name.hash(&mut h);
        h.finish()
    }
    /// Same unknown value?
    pub fn same(&self, other: &Unknown) -> bool {
        self.id.is_some() && self.id == other.id
    }
}

impl Value {
    /// Approximate bytes this value holds (for the evaluator's memory budget).
    pub fn weight(&self) -> usize {
        let own = std::mem::size_of::<Value>();
        own + match &self.kind {
            Kind::String(s) => s.len(),
            Kind::List(xs) => xs.iter().map(Value::weight).sum(),
            Kind::Object(es) => es.iter().map(|e| e.key.len() + e.value.weight()).sum(),
            _ => 0,
        }
    }

    pub fn new(kind: Kind, loc: Option<Loc>) -> Value {
        Value {
            kind,
            loc,
            encoded: None,
            origin: None,
        }
    }
    pub fn null() -> Value {
        Value::new(Kind::Null, None)
    }
    pub fn string(s: impl Into<String>, loc: Option<Loc>) -> Value {
        Value::new(Kind::String(s.into()), loc)
    }
    pub fn bool(b: bool, loc: Option<Loc>) -> Value {
        Value::new(Kind::Bool(b), loc)
    }
    pub fn number(n: f64, loc: Option<Loc>) -> Value {
        Value::new(Kind::Number(n), loc)
    }
    pub fn list(items: Vec<Value>, loc: Option<Loc>) -> Value {
        Value::new(Kind::List(items), loc)
    }
    pub fn object(entries: Vec<Entry>, loc: Option<Loc>) -> Value {
        Value::new(Kind::Object(entries), loc)
    }
    pub fn unknown(reason: impl Into<Arc<str>>, loc: Option<Loc>) -> Value {
        Value::new(
            Kind::Unknown(Box::new(Unknown {
                reason: reason.into(),
                reference: None,
                id: None,
                present: false,
            })),
            loc,
        )
    }
    pub fn reference(
        target: impl Into<Arc<str>>,
        reason: impl Into<Arc<str>>,
        loc: Option<Loc>,
    ) -> Value {
        let target: Arc<str> = target.into();
        Value::new(
            Kind::Unknown(Box::new(Unknown {
                reason: reason.into(),
                id: Some(Unknown::name_id(&target)),
                reference: Some(target),
                present: false,
            })),
            loc,
        )
    }

    /// This value, known to be set when it is unknown (see [`Unknown::present`]); known values
    /// are returned as they are.
    pub fn present(mut self) -> Value {
        if let Kind::Unknown(u) = &mut self.kind {
            u.present = true;
        }
        self
    }

    /// An unknown known to be set (see [`Unknown::present`]).
    pub fn is_present_unknown(&self) -> bool {
        matches!(&self.kind, Kind::Unknown(u) if u.present)
    }

    /// This value, read from the resource (attribute) at `origin`.
    pub fn with_origin(mut self, origin: impl Into<Arc<str>>) -> Value {
        self.origin = Some(origin.into());
        self
    }

    pub fn with_loc(mut self, loc: Option<Loc>) -> Value {
        self.loc = loc;
        self
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, Kind::Unknown(_))
    }
    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            Kind::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_number(&self) -> Option<f64> {
        match &self.kind {
            Kind::Number(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_list(&self) -> Option<&[Value]> {
        match &self.kind {
            Kind::List(l) => Some(l),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[Entry]> {
        match &self.kind {
            Kind::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn as_unknown(&self) -> Option<&Unknown> {
        match &self.kind {
            Kind::Unknown(u) => Some(u),
            _ => None,
        }
    }

    /// The first entry with this key (objects only).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entry(key).map(|e| &e.value)
    }
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_object()?.iter().find(|e| e.key == key)
    }
    /// Case-insensitive key lookup, for RAM documents whose keys RAM matches exactly but users
    /// misspell: callers decide what to report.
    pub fn entry_ignore_case(&self, key: &str) -> Option<&Entry> {
        self.as_object()?
            .iter()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }

    /// True when this value or anything inside it is unknown.
    pub fn contains_unknown(&self) -> bool {
        match &self.kind {
            Kind::Unknown(_) => true,
            Kind::List(l) => l.iter().any(Value::contains_unknown),
            Kind::Object(o) => o.iter().any(|e| e.value.contains_unknown()),
            _ => false,
        }
    }

    /// The first unknown inside this value, depth first.
    pub fn first_unknown(&self) -> Option<(&Unknown, Option<Loc>)> {
        match &self.kind {
            Kind::Unknown(u) => Some((u, self.loc)),
            Kind::List(l) => l.iter().find_map(Value::first_unknown),
            Kind::Object(o) => o.iter().find_map(|e| e.value.first_unknown()),
            _ => None,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "bool",
            Kind::Number(_) => "number",
            Kind::String(_) => "string",
            Kind::List(_) => "list",
            Kind::Object(_) => "object",
            Kind::Unknown(_) => "unknown",
        }
    }

    /// Convert to plain JSON (unknowns become null), e.g. for schema validation.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.kind {
            Kind::Null | Kind::Unknown(_) => J::Null,
            Kind::Bool(b) => J::Bool(*b),
            Kind::Number(n) => serde_json::Number::from_f64(*n)
                .map(|n| {
                    if n.as_f64()
                        .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    {
                        J::from(n.as_f64().unwrap_or_default() as i64)
                    } else {
                        J::Number(n)
                    }
                })
                .unwrap_or(J::Null),
            Kind::String(s) => J::String(s.clone()),
            Kind::List(l) => J::Array(l.iter().map(Value::to_json).collect()),
            Kind::Object(o) => J::Object(
                o.iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// Build from plain JSON, without spans.
    pub fn from_json(j: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        let kind = match j {
            J::Null => Kind::Null,
            J::Bool(b) => Kind::Bool(*b),
            J::Number(n) => Kind::Number(n.as_f64().unwrap_or(0.0)),
            J::String(s) => Kind::String(s.clone()),
            J::Array(a) => Kind::List(a.iter().map(Value::from_json).collect()),
            J::Object(o) => Kind::Object(
                o.iter()
                    .map(|(k, v)| Entry {
                        key: k.clone(),
                        key_loc: None,
                        value: Value::from_json(v),
                    })
                    .collect(),
            ),
        };
        Value::new(kind, None)
    }
}

/// Terraform-style rendering, used in messages.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Null => f.write_str("null"),
            Kind::Bool(b) => write!(f, "{b}"),
            Kind::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    write!(f, "{}", *n as i64)
                } else {
                    write!(f, "{n}")
                }
            }
            Kind::String(s) => f.write_str(s),
            Kind::List(_) | Kind::Object(_) => write!(f, "{}", self.to_json()),
            Kind::Unknown(u) => match &u.reference {
                Some(r) => write!(f, "({r})"),
                None => f.write_str("(unknown)"),
            },
        }
    }
}
