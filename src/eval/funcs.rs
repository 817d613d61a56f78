//! Terraform built-in functions that matter for security-relevant values.
//!
//! Arguments that are unknown make the result unknown, except where the answer is decidable
//! anyway (`try`, `can`, `coalesce` with a known non-null first value, `length` of a list with
//! unknown elements…). A function outside this set gives an unknown naming it.

use super::{equal, err, unknown_like, EvalError, EvalResult, Evaluator};
use crate::json::{self, SpanMap};
use crate::source::{Loc, SourceMap};
use crate::value::{Entry, Kind, Value};
use hcl_edit::expr::Expression;
use std::sync::Arc;

/// Functions whose arguments may be unknown without making the result unknown.
const UNKNOWN_TOLERANT: &[&str] = &[
    "jsonencode",
    "length",
    "coalesce",
    "coalescelist",
    "contains",
    "anytrue",
    "alltrue",
    "tolist",
    "toset",
    "tomap",
    "concat",
    "flatten",
    "keys",
    "element",
    "lookup",
    "merge",
    "one",
    "compact",
    "values",
    "distinct",
];

pub fn call(
    ev: &Evaluator,
    name: &str,
    args: &[&Expression],
    expand_final: bool,
    l: Option<Loc>,
) -> EvalResult {
    match name {
        "try" => {
            let mut last = None;
            for a in args {
                match ev.eval(a) {
                    Ok(v) => return Ok(v),
                    Err(e) => last = Some(e),
                }
            }
            return Err(last.unwrap_or(EvalError {
                message: "try() needs at least one argument".into(),
                loc: l,
            }));
        }
        "can" => {
            let [a] = args else {
                return err("can() takes one argument", l);
            };
            return Ok(match ev.eval(a) {
                Ok(v) if v.contains_unknown() => unknown_like(&v, l),
                Ok(_) => Value::bool(true, l),
                Err(_) => Value::bool(false, l),
            });
        }
        _ => {}
    }
    if name == "lookup" && !expand_final && matches!(args.len(), 2 | 3) {
        if let Some(r) = lookup_member(ev, args, l) {
            return r;
        }
    }
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        vals.push(ev.eval(a)?);
    }
    if expand_final {
        match vals.pop() {
            Some(Value {
                kind: Kind::List(items),
                ..
            }) => vals.extend(items),
            Some(v) if v.is_unknown() => return Ok(unknown_like(&v, l)),
            Some(v) => return err(format!("cannot expand a {} with `...`", v.type_name()), l),
            None => {}
        }
    }
    if let Some(r) = ev.scope.call(ev, name, &vals, l) {
        return r;
    }
    if !UNKNOWN_TOLERANT.contains(&name) {
        if let Some(u) = vals.iter().find(|v| v.is_unknown()) {
            return Ok(unknown_like(u, l));
        }
    }
    builtin(ev, name, vals, l)
}

/// `lookup(name, key[, default])` on an object the scope holds whole (`lookup(self, "acl",
/// null)` in rules, once per rule and resource): the same result as the builtin below, without
/// copying the object to read one member. `None` when the first argument is not such a name.
fn lookup_member(ev: &Evaluator, args: &[&Expression], l: Option<Loc>) -> Option<EvalResult> {
    let Expression::Variable(root) = args[0] else {
        return None;
    };
    if ev.bound(root.as_str()).is_some() {
        return None;
    }
    let obj = ev.scope.value_of(root.as_str())?;
    if !matches!(obj.kind, Kind::Object(_)) {
        return None;
    }
    // The other arguments in order, as `call` evaluates them (reading `root` cannot fail).
    let rest: Result<Vec<Value>, EvalError> = args[1..].iter().map(|a| ev.eval(a)).collect();
    let rest = match rest {
        Ok(r) => r,
        Err(e) => return Some(Err(e)),
    };
    if rest[0].is_unknown() {
        return Some(Ok(unknown_like(&rest[0], l)));
    }
    let k = match s(ev, &rest[0], l) {
        Ok(k) => k,
        Err(e) => return Some(Err(e)),
    };
    Some(match obj.get(&k) {
        Some(v) => match ev.budget.alloc(v.weight(), l) {
            Ok(()) => Ok(v.clone()),
            Err(why) => Ok(Value::unknown(why, l)),
        },
        None => match rest.into_iter().nth(1) {
            Some(d) => Ok(d),
            None => err(format!("the map has no element `{k}`"), l),
        },
    })
}

fn want<const N: usize>(
    name: &str,
    v: Vec<Value>,
    l: Option<Loc>,
) -> Result<[Value; N], EvalError> {
    let n = v.len();
    v.try_into().or_else(|_| {
        err(
            format!(
                "{name}() takes {N} argument{}, {n} given",
                if N == 1 { "" } else { "s" }
            ),
            l,
        )
    })
}

fn s(ev: &Evaluator, v: &Value, l: Option<Loc>) -> Result<String, EvalError> {
    ev.to_str(v, l)?.ok_or_else(|| EvalError {
        message: "unknown string".into(),
        loc: l,
    })
}

fn n(ev: &Evaluator, v: &Value, l: Option<Loc>) -> Result<f64, EvalError> {
    ev.to_num(v, l)?.ok_or_else(|| EvalError {
        message: "unknown number".into(),
        loc: l,
    })
}

fn list<'v>(v: &'v Value, what: &str, l: Option<Loc>) -> Result<&'v [Value], EvalError> {
    match &v.kind {
        Kind::List(items) => Ok(items),
        _ => err(
            format!("{what} needs a list, not a {}", v.type_name()),
            v.loc.or(l),
        ),
    }
}

fn strings(out: Vec<String>, l: Option<Loc>) -> Value {
    Value::list(out.into_iter().map(|x| Value::string(x, l)).collect(), l)
}

/// Sets of strings are ordered lexically, others keep first-seen order; duplicates go.
fn dedup(items: &[Value]) -> Option<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    for it in items {
        let mut dup = false;
        for o in &out {
            match equal(o, it) {
                Some(true) => dup = true,
                None => return None,
                _ => {}
            }
        }
        if !dup {
            out.push(it.clone());
        }
    }
    Some(out)
}

fn builtin(ev: &Evaluator, name: &str, a: Vec<Value>, l: Option<Loc>) -> EvalResult {
    match name {
        "jsonencode" => {
            let [v] = want(name, a, l)?;
            if v.is_unknown() {
                return Ok(unknown_like(&v, l));
            }
            let mut out = if v.contains_unknown() {
                unknown_like(&v, l)
            } else {
                let text = serde_json::to_string(&v.to_json()).unwrap_or_default();
                ev.work(text.len(), l)?;
                ev.check_string(text, l)?
            };
            // The structure stays reachable so policy analysis keeps its spans.
            out.encoded = Some(Arc::new(v));
            Ok(out)
        }
        "jsondecode" => {
            let [v] = want(name, a, l)?;
            let text = s(ev, &v, l)?;
            let map = span_map(ev.sources, &v);
            match json::parse(&text, map) {
                Ok(j) => Ok(j),
                Err(e) => err(format!("invalid JSON: {}", e.message), v.loc.or(l)),
            }
        }
        "fileset" => {
            let [dir, pattern] = want(name, a, l)?;
            let dir = s(ev, &dir, l)?;
            let pattern = s(ev, &pattern, l)?;
            Ok(fileset(ev, &dir, &pattern, l))
        }
        "file" => {
            let [p] = want(name, a, l)?;
            let p = s(ev, &p, l)?;
            Ok(read_file(ev, &p, l))
        }
        "templatefile" => {
            let [p, vars] = want(name, a, l)?;
            let p = s(ev, &p, l)?;
            let content = read_file(ev, &p, l);
            let Some(text) = content.as_str() else {
                return Ok(content);
            };
            let tpl = match hcl_edit::parser::parse_template(text) {
                Ok(t) => t,
                Err(e) => return err(format!("invalid template `{p}`: {}", e.message()), l),
            };
            let Some(entries) = vars.as_object() else {
                return err("templatefile() needs an object of variables", l);
            };
            let empty = super::EmptyScope;
            let sub = Evaluator::new(None, text, &empty, ev.budget, ev.sources, ev.files);
            let mut out = String::new();
            let mut unknown = None;
            // Bind every variable; nested binding keeps the stack discipline.
            fn bind(
                sub: &Evaluator,
                entries: &[Entry],
                tpl: &hcl_edit::template::Template,
                out: &mut String,
                unknown: &mut Option<Value>,
                l: Option<Loc>,
            ) -> Result<(), EvalError> {
                match entries.split_first() {
                    Some((e, rest)) => sub.with_var(&e.key, e.value.clone(), || {
                        bind(sub, rest, tpl, out, unknown, l)
                    }),
                    None => sub.render(tpl, out, unknown, l, (false, false)),
                }
            }
            bind(&sub, entries, &tpl, &mut out, &mut unknown, l)?;
            if let Some(u) = unknown {
                return Ok(unknown_like(&u, l));
            }
            ev.check_string(out, l)
        }
        "format" => {
            let mut it = a.into_iter();
            let Some(f) = it.next() else {
                return err("format() needs a format string", l);
            };
            let f = s(ev, &f, l)?;
            let rest: Vec<Value> = it.collect();
            let out = format(ev, &f, &rest, l)?;
            ev.work(out.len(), l)?;
            ev.check_string(out, l)
        }
        "formatlist" => {
            let mut it = a.into_iter();
            let Some(f) = it.next() else {
                return err("formatlist() needs a format string", l);
            };
            let f = s(ev, &f, l)?;
            let rest: Vec<Value> = it.collect();
            let len = rest
                .iter()
                .filter_map(|v| v.as_list().map(<[Value]>::len))
                .max();
            let Some(len) = len else {
                return Ok(Value::list(
                    vec![ev.check_string(format(ev, &f, &rest, l)?, l)?],
                    l,
                ));
            };
            let mut out = Vec::new();
            for i in 0..len {
                let row: Vec<Value> = rest
                    .iter()
                    .map(|v| match v.as_list() {
                        Some(x) => x.get(i).cloned().unwrap_or_else(Value::null),
                        None => v.clone(),
                    })
                    .collect();
                let one = format(ev, &f, &row, l)?;
                ev.work(one.len(), l)?;
                out.push(ev.check_string(one, l)?);
            }
            Ok(Value::list(out, l))
        }
        "join" => {
            let [sep, xs] = want(name, a, l)?;
            let sep = s(ev, &sep, l)?;
            let items = list(&xs, "join()", l)?;
            let mut parts = Vec::new();
            let mut unknown = None;
            for x in items {
                match ev.to_str(x, l)? {
                    Some(p) => parts.push(p),
                    None => {
                        unknown.get_or_insert(x);
                    }
                }
            }
            if let Some(x) = unknown {
                // Not empty when a part is (a set ID, a non-empty string) or a separator is.
                let set = items.iter().any(|x| x.is_present_unknown())
                    || parts.iter().any(|p| !p.is_empty())
                    || (items.len() > 1 && !sep.is_empty());
                let v = unknown_like(x, l);
                return Ok(if set { v.present() } else { v });
            }
            ev.work(parts.iter().map(|p| p.len() + sep.len()).sum::<usize>(), l)?;
            ev.check_string(parts.join(&sep), l)
        }
        "split" => {
            let [sep, x] = want(name, a, l)?;
            let (sep, x) = (s(ev, &sep, l)?, s(ev, &x, l)?);
            ev.work(x.len(), l)?;
            if x.is_empty() {
                return Ok(Value::list(Vec::new(), l));
            }
            if sep.is_empty() {
                return Ok(strings(x.chars().map(String::from).collect(), l));
            }
            Ok(strings(
                x.split(sep.as_str()).map(str::to_string).collect(),
                l,
            ))
        }
        "concat" => {
            let mut len = 0;
            for v in &a {
                if v.is_unknown() {
                    return Ok(unknown_like(v, l));
                }
                len += list(v, "concat()", l)?.len();
            }
            if let Err(v) = ev.check_len(len, l) {
                return Ok(v);
            }
            // Every argument is a list (checked above): their elements are moved, not copied.
            let mut out = Vec::with_capacity(len);
            for v in a {
                if let Kind::List(items) = v.kind {
                    out.extend(items);
                }
            }
            Ok(Value::list(out, l))
        }
        "merge" => {
            let mut out: Vec<Entry> = Vec::new();
            // The arguments are not needed after: their entries are moved, not copied.
            for v in a {
                match v.kind {
                    Kind::Null => {}
                    Kind::Object(es) => {
                        for e in es {
                            out.retain(|o| o.key != e.key);
                            out.push(e);
                        }
                    }
                    Kind::Unknown(_) => return Ok(unknown_like(&v, l)),
                    _ => return err(format!("merge() needs objects, not a {}", v.type_name()), l),
                }
            }
            Ok(Value::object(out, l))
        }
        "lookup" => {
            if a.len() != 2 && a.len() != 3 {
                return err("lookup() takes 2 or 3 arguments", l);
            }
            if a[0].is_unknown() || a[1].is_unknown() {
                return Ok(unknown_like(
                    if a[0].is_unknown() { &a[0] } else { &a[1] },
                    l,
                ));
            }
            let k = s(ev, &a[1], l)?;
            let mut a = a;
            // The arguments are not needed after: the member or the default is moved out.
            let found = match &mut a[0].kind {
                Kind::Object(es) => es
                    .iter()
                    .position(|e| e.key == k)
                    .map(|i| es.swap_remove(i)),
                _ => None,
            };
            match found {
                Some(e) => Ok(e.value),
                None if a.len() == 3 => Ok(a.swap_remove(2)),
                None => err(format!("the map has no element `{k}`"), l),
            }
        }
        "element" => {
            let [xs, i] = want(name, a, l)?;
            if xs.is_unknown() || i.is_unknown() {
                return Ok(unknown_like(if xs.is_unknown() { &xs } else { &i }, l));
            }
            let items = list(&xs, "element()", l)?;
            if items.is_empty() {
                return err("element() of an empty list", l);
            }
            let i = n(ev, &i, l)?;
            if i < 0.0 {
                return err("element() index must not be negative", l);
            }
            Ok(items[(i as usize) % items.len()].clone())
        }
        "length" => {
            let [v] = want(name, a, l)?;
            Ok(match &v.kind {
                Kind::List(x) => Value::number(x.len() as f64, l),
                Kind::Object(x) => Value::number(x.len() as f64, l),
                Kind::String(x) => Value::number(x.chars().count() as f64, l),
                Kind::Unknown(_) => unknown_like(&v, l),
                _ => return err(format!("length() of a {}", v.type_name()), l),
            })
        }
        "lower" | "upper" | "trimspace" | "title" | "chomp" | "strrev" => {
            let [v] = want(name, a, l)?;
            let x = s(ev, &v, l)?;
            ev.work(x.len(), l)?;
            let out = match name {
                "lower" => x.to_lowercase(),
                "upper" => x.to_uppercase(),
                "trimspace" => x.trim().to_string(),
                "chomp" => x.trim_end_matches(['\n', '\r']).to_string(),
                "strrev" => x.chars().rev().collect(),
                _ => {
                    let mut prev_space = true;
                    x.chars()
                        .map(|c| {
                            let o = if prev_space {
                                c.to_uppercase().next().unwrap_or(c)
                            } else {
                                c
                            };
                            prev_space = c.is_whitespace();
                            o
                        })
                        .collect()
                }
            };
            Ok(Value::string(out, l))
        }
        "trim" | "trimprefix" | "trimsuffix" => {
            let [v, t] = want(name, a, l)?;
            let (x, t) = (s(ev, &v, l)?, s(ev, &t, l)?);
            let out = match name {
                "trim" => x.trim_matches(|c| t.contains(c)).to_string(),
                "trimprefix" => x.strip_prefix(t.as_str()).unwrap_or(&x).to_string(),
                _ => x.strip_suffix(t.as_str()).unwrap_or(&x).to_string(),
            };
            Ok(Value::string(out, l))
        }
        "startswith" | "endswith" => {
            let [v, p] = want(name, a, l)?;
            let (x, p) = (s(ev, &v, l)?, s(ev, &p, l)?);
            Ok(Value::bool(
                if name == "startswith" {
                    x.starts_with(&p)
                } else {
                    x.ends_with(&p)
                },
                l,
            ))
        }
        "substr" => {
            let [v, off, len] = want(name, a, l)?;
            let x: Vec<char> = s(ev, &v, l)?.chars().collect();
            let off = n(ev, &off, l)?;
            let len = n(ev, &len, l)?;
            let start = if off < 0.0 {
                (x.len() as f64 + off).max(0.0)
            } else {
                off
            } as usize;
            let start = start.min(x.len());
            // `len` may be 1e300: saturate rather than overflow.
            let end = if len < 0.0 {
                x.len()
            } else {
                start.saturating_add(len as usize).min(x.len())
            };
            Ok(Value::string(x[start..end].iter().collect::<String>(), l))
        }
        "replace" => {
            let [v, from, to] = want(name, a, l)?;
            let (x, from, to) = (s(ev, &v, l)?, s(ev, &from, l)?, s(ev, &to, l)?);
            ev.work(x.len(), l)?;
            let out = if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
                let re = regex(&from[1..from.len() - 1], l)?;
                re.replace_all(&x, to.as_str()).into_owned()
            } else if from.is_empty() {
                x
            } else {
                x.replace(&from, &to)
            };
            ev.check_string(out, l)
        }
        "regex" | "regexall" => {
            let [p, v] = want(name, a, l)?;
            let (p, x) = (s(ev, &p, l)?, s(ev, &v, l)?);
            ev.work(x.len(), l)?;
            let re = regex(&p, l)?;
            let one = |c: regex::Captures| -> Value {
                let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
                if names.is_empty() {
                    return Value::string(c.get(0).map(|m| m.as_str()).unwrap_or(""), l);
                }
                if names.iter().all(Option::is_some) {
                    return Value::object(
                        names
                            .iter()
                            .flatten()
                            .map(|nm| Entry {
                                key: nm.to_string(),
                                key_loc: None,
                                value: c
                                    .name(nm)
                                    .map(|m| Value::string(m.as_str(), l))
                                    .unwrap_or_else(Value::null),
                            })
                            .collect(),
                        l,
                    );
                }
                Value::list(
                    (1..c.len())
                        .map(|i| {
                            c.get(i)
                                .map(|m| Value::string(m.as_str(), l))
                                .unwrap_or_else(Value::null)
                        })
                        .collect(),
                    l,
                )
            };
            if name == "regex" {
                match re.captures(&x) {
                    Some(c) => Ok(one(c)),
                    None => err(format!("the pattern `{p}` does not match"), l),
                }
            } else {
                Ok(Value::list(
                    re.captures_iter(&x).take(10_000).map(one).collect(),
                    l,
                ))
            }
        }
        "tostring" => {
            let [v] = want(name, a, l)?;
            match &v.kind {
                Kind::Null => Ok(v),
                Kind::String(_) => Ok(v),
                Kind::Number(_) | Kind::Bool(_) => Ok(Value::string(v.to_string(), v.loc.or(l))),
                _ => err(format!("cannot convert a {} to a string", v.type_name()), l),
            }
        }
        "tonumber" => {
            let [v] = want(name, a, l)?;
            match &v.kind {
                Kind::Null | Kind::Number(_) => Ok(v),
                _ => Ok(Value::number(n(ev, &v, l)?, v.loc.or(l))),
            }
        }
        "tobool" => {
            let [v] = want(name, a, l)?;
            match ev.to_bool(&v, l)? {
                Some(b) => Ok(Value::bool(b, v.loc.or(l))),
                None => Ok(unknown_like(&v, l)),
            }
        }
        "tolist" | "toset" => {
            let [v] = want(name, a, l)?;
            let items: Vec<Value> = match &v.kind {
                Kind::List(x) => x.clone(),
                Kind::Unknown(_) => return Ok(unknown_like(&v, l)),
                _ => {
                    return err(
                        format!("{name}() needs a list or set, not a {}", v.type_name()),
                        l,
                    )
                }
            };
            if name == "tolist" {
                return Ok(Value::list(items, v.loc.or(l)));
            }
            let Some(mut d) = dedup(&items) else {
                return Ok(unknown_like(&v, l));
            };
            if d.iter().all(|x| x.as_str().is_some()) {
                d.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
            }
            Ok(Value::list(d, v.loc.or(l)))
        }
        "tomap" => {
            let [v] = want(name, a, l)?;
            match &v.kind {
                Kind::Object(_) | Kind::Unknown(_) | Kind::Null => Ok(v),
                _ => err(
                    format!("tomap() needs an object, not a {}", v.type_name()),
                    l,
                ),
            }
        }
        "coalesce" => {
            for v in &a {
                match &v.kind {
                    Kind::Null => continue,
                    Kind::String(x) if x.is_empty() => continue,
                    // A value known to be set is chosen, unknown as it is.
                    Kind::Unknown(u) if u.present => return Ok(v.clone()),
                    Kind::Unknown(_) => return Ok(unknown_like(v, l)),
                    _ => return Ok(v.clone()),
                }
            }
            err("coalesce(): every argument is null or empty", l)
        }
        "coalescelist" => {
            for v in &a {
                match &v.kind {
                    Kind::List(x) if x.is_empty() => continue,
                    Kind::Unknown(_) => return Ok(unknown_like(v, l)),
                    _ => return Ok(v.clone()),
                }
            }
            err("coalescelist(): every argument is empty", l)
        }
        "compact" => {
            let [v] = want(name, a, l)?;
            if v.is_unknown() {
                return Ok(unknown_like(&v, l));
            }
            let items = list(&v, "compact()", l)?;
            Ok(Value::list(
                items
                    .iter()
                    .filter(|x| !x.is_null() && x.as_str() != Some(""))
                    .cloned()
                    .collect(),
                l,
            ))
        }
        "flatten" => {
            let [v] = want(name, a, l)?;
            fn flat(v: &Value, out: &mut Vec<Value>, depth: usize) -> Result<(), Value> {
                match &v.kind {
                    Kind::List(items) if depth < 64 => {
                        for it in items {
                            flat(it, out, depth + 1)?;
                        }
                        Ok(())
                    }
                    Kind::Unknown(_) => Err(v.clone()),
                    _ => {
                        out.push(v.clone());
                        Ok(())
                    }
                }
            }
            if v.is_unknown() {
                return Ok(unknown_like(&v, l));
            }
            let mut out = Vec::new();
            for it in list(&v, "flatten()", l)? {
                if let Err(u) = flat(it, &mut out, 0) {
                    return Ok(unknown_like(&u, l));
                }
            }
            if let Err(v) = ev.check_len(out.len(), l) {
                return Ok(v);
            }
            Ok(Value::list(out, l))
        }
        "distinct" => {
            let [v] = want(name, a, l)?;
            if v.is_unknown() {
                return Ok(unknown_like(&v, l));
            }
            match dedup(list(&v, "distinct()", l)?) {
                Some(d) => Ok(Value::list(d, l)),
                None => Ok(unknown_like(&v, l)),
            }
        }
        "contains" => {
            let [xs, x] = want(name, a, l)?;
            if xs.is_unknown() {
                return Ok(unknown_like(&xs, l));
            }
            let mut unknown = x.contains_unknown();
            for it in list(&xs, "contains()", l)? {
                match equal(it, &x) {
                    Some(true) => return Ok(Value::bool(true, l.or(x.loc))),
                    None => unknown = true,
                    _ => {}
                }
            }
            Ok(if unknown {
                unknown_like(if x.contains_unknown() { &x } else { &xs }, l)
            } else {
                Value::bool(false, l.or(x.loc))
            })
        }
        "index" => {
            let [xs, x] = want(name, a, l)?;
            for (i, it) in list(&xs, "index()", l)?.iter().enumerate() {
                match equal(it, &x) {
                    Some(true) => return Ok(Value::number(i as f64, l)),
                    None => return Ok(unknown_like(it, l)),
                    _ => {}
                }
            }
            err("index(): the item is not in the list", l)
        }
        "keys" | "values" => {
            let [v] = want(name, a, l)?;
            match &v.kind {
                Kind::Object(es) => {
                    let mut es: Vec<&Entry> = es.iter().collect();
                    es.sort_by(|x, y| x.key.cmp(&y.key));
                    Ok(Value::list(
                        es.into_iter()
                            .map(|e| {
                                if name == "keys" {
                                    Value::string(e.key.clone(), e.key_loc)
                                } else {
                                    e.value.clone()
                                }
                            })
                            .collect(),
                        l,
                    ))
                }
                Kind::Unknown(_) => Ok(unknown_like(&v, l)),
                _ => err(format!("{name}() needs a map, not a {}", v.type_name()), l),
            }
        }
        "anytrue" | "alltrue" => {
            let [v] = want(name, a, l)?;
            if v.is_unknown() {
                return Ok(unknown_like(&v, l));
            }
            let any = name == "anytrue";
            let mut unknown: Option<&Value> = None;
            let mut located = Vec::new();
            for it in list(&v, name, l)? {
                match ev.to_bool(it, l)? {
                    // The element that decides gives its span (see `!`).
                    Some(b) if b == any => return Ok(Value::bool(any, l.or(it.loc))),
                    Some(_) => located.extend(it.loc),
                    None => unknown = unknown.or(Some(it)),
                }
            }
            // Every element agreed: when only one of them came from the source (the others are
            // defaults), its span decides (a split resource's `status = "Suspended"`).
            let only = match located.as_slice() {
                [one] => Some(*one),
                _ => None,
            };
            Ok(match unknown {
                Some(u) => unknown_like(u, l),
                None => Value::bool(!any, l.or(only)),
            })
        }
        "abs" | "floor" | "ceil" | "signum" => {
            let [v] = want(name, a, l)?;
            let x = n(ev, &v, l)?;
            Ok(Value::number(
                match name {
                    "abs" => x.abs(),
                    "floor" => x.floor(),
                    "ceil" => x.ceil(),
                    _ => x.signum() * if x == 0.0 { 0.0 } else { 1.0 },
                },
                l,
            ))
        }
        "max" | "min" | "sum" => {
            let nums: Vec<Value> = if name == "sum" {
                let [v] = want(name, a, l)?;
                list(&v, "sum()", l)?.to_vec()
            } else {
                a
            };
            if nums.is_empty() {
                return err(format!("{name}() needs at least one number"), l);
            }
            let mut acc: Option<f64> = None;
            for v in &nums {
                let Some(x) = ev.to_num(v, l)? else {
                    return Ok(unknown_like(v, l));
                };
                acc = Some(match (acc, name) {
                    (None, _) => x,
                    (Some(y), "max") => y.max(x),
                    (Some(y), "min") => y.min(x),
                    (Some(y), _) => y + x,
                });
            }
            Ok(Value::number(acc.unwrap_or(0.0), l))
        }
        "range" => {
            let nums: Vec<f64> = a.iter().map(|v| n(ev, v, l)).collect::<Result<_, _>>()?;
            let (start, end, step) = match nums.as_slice() {
                [e] => (0.0, *e, 1.0),
                [s, e] => (*s, *e, if e >= s { 1.0 } else { -1.0 }),
                [s, e, st] => (*s, *e, *st),
                _ => return err("range() takes 1 to 3 arguments", l),
            };
            if step == 0.0 || !step.is_finite() {
                return err("range() step must not be zero", l);
            }
            let count = ((end - start) / step).ceil();
            if count > ev.budget.limits.max_collection as f64 {
                let _ = ev.check_len(usize::MAX, l);
                return Ok(Value::unknown(
                    format!("range() of {count} elements is over the size limit"),
                    l,
                ));
            }
            let mut out = Vec::new();
            let mut x = start;
            while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                out.push(Value::number(x, l));
                x += step;
            }
            Ok(Value::list(out, l))
        }
        "zipmap" => {
            let [ks, vs] = want(name, a, l)?;
            let (ks, vs) = (list(&ks, "zipmap()", l)?, list(&vs, "zipmap()", l)?);
            if ks.len() != vs.len() {
                return err("zipmap(): the lists differ in length", l);
            }
            let mut out: Vec<Entry> = Vec::new();
            for (k, v) in ks.iter().zip(vs) {
                let Some(k) = ev.to_str(k, l)? else {
                    return Ok(unknown_like(k, l));
                };
                out.retain(|e| e.key != k);
                out.push(Entry {
                    key: k,
                    key_loc: None,
                    value: v.clone(),
                });
            }
            Ok(Value::object(out, l))
        }
        "one" => {
            let [v] = want(name, a, l)?;
            if v.is_unknown() {
                return Ok(unknown_like(&v, l));
            }
            match list(&v, "one()", l)? {
                [] => Ok(Value::new(Kind::Null, l)),
                [x] => Ok(x.clone()),
                _ => err("one() needs a list of at most one element", l),
            }
        }
        "reverse" => {
            let [v] = want(name, a, l)?;
            let mut x = list(&v, "reverse()", l)?.to_vec();
            x.reverse();
            Ok(Value::list(x, l))
        }
        "sort" => {
            let [v] = want(name, a, l)?;
            let mut x: Vec<String> = Vec::new();
            for it in list(&v, "sort()", l)? {
                match ev.to_str(it, l)? {
                    Some(s) => x.push(s),
                    None => return Ok(unknown_like(it, l)),
                }
            }
            x.sort();
            Ok(strings(x, l))
        }
        "slice" => {
            let [v, st, en] = want(name, a, l)?;
            let x = list(&v, "slice()", l)?;
            let (st, en) = (n(ev, &st, l)? as usize, n(ev, &en, l)? as usize);
            if st > en || en > x.len() {
                return err("slice(): indices out of range", l);
            }
            Ok(Value::list(x[st..en].to_vec(), l))
        }
        "cidrsubnet" => {
            let [p, nb, num] = want(name, a, l)?;
            let p = s(ev, &p, l)?;
            let (nb, num) = (n(ev, &nb, l)?, n(ev, &num, l)?);
            cidrsubnet(&p, nb, num)
                .map(|c| Value::string(c, l))
                .or_else(|m| err(m, l))
        }
        "cidrcontains" => {
            let [p, addr] = want(name, a, l)?;
            let (p, addr) = (s(ev, &p, l)?, s(ev, &addr, l)?);
            cidrcontains(&p, &addr)
                .map(|b| Value::bool(b, l))
                .or_else(|m| err(m, l))
        }
        "base64encode" => {
            let [v] = want(name, a, l)?;
            Ok(Value::string(base64(s(ev, &v, l)?.as_bytes()), l))
        }
        _ => Ok(Value::unknown(
            format!("function `{name}` is not evaluated by acslint"),
            l,
        )),
    }
}

fn regex(p: &str, l: Option<Loc>) -> Result<regex::Regex, EvalError> {
    regex::RegexBuilder::new(p)
        .size_limit(1 << 20)
        .build()
        .or_else(|e| err(format!("invalid regular expression: {e}"), l))
}

fn base64(b: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `cidrsubnet` for IPv4.
/// An IPv4 CIDR block as (network, prefix length).
fn ipv4_block(s: &str) -> Result<(u32, u32), String> {
    let (addr, len) = s.split_once('/').unwrap_or((s, "32"));
    let octets: Vec<u8> = addr
        .split('.')
        .map(|o| o.parse::<u8>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("`{s}` is not an IPv4 address or CIDR block"))?;
    let [a, b, c, d] = octets[..] else {
        return Err(format!("`{s}` is not an IPv4 address or CIDR block"));
    };
    let len: u32 = len
        .parse()
        .ok()
        .filter(|l| *l <= 32)
        .ok_or_else(|| format!("`{s}` has a bad prefix length"))?;
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    Ok((u32::from_be_bytes([a, b, c, d]) & mask, len))
}

/// `cidrcontains(block, address_or_block)` (as in OpenTofu): whether the block contains the
/// address, or the whole of the other block. IPv4 only.
pub fn cidrcontains(block: &str, other: &str) -> Result<bool, String> {
    let (net, len) = ipv4_block(block)?;
    let (onet, olen) = ipv4_block(other)?;
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    Ok(olen >= len && onet & mask == net)
}

pub fn cidrsubnet(prefix: &str, newbits: f64, netnum: f64) -> Result<String, String> {
    let (addr, len) = prefix
        .split_once('/')
        .ok_or_else(|| format!("`{prefix}` is not a CIDR block"))?;
    let octets: Vec<u8> = addr
        .split('.')
        .map(|o| o.parse::<u8>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("`{prefix}` is not an IPv4 CIDR block"))?;
    let [a, b, c, d] = octets[..] else {
        return Err(format!("`{prefix}` is not an IPv4 CIDR block"));
    };
    let len: u32 = len
        .parse()
        .map_err(|_| format!("`{prefix}` has a bad prefix length"))?;
    if newbits < 0.0 || netnum < 0.0 || len > 32 {
        return Err("cidrsubnet(): invalid arguments".into());
    }
    let new_len = len + newbits as u32;
    if new_len > 32 {
        return Err(format!("cannot extend /{len} by {newbits} bits"));
    }
    let netnum = netnum as u64;
    if netnum >= 1u64 << (newbits as u32) {
        return Err(format!(
            "network number {netnum} does not fit in {newbits} bits"
        ));
    }
    let base = u32::from_be_bytes([a, b, c, d]) & if len == 0 { 0 } else { u32::MAX << (32 - len) };
    let sub = base | (netnum as u32).checked_shl(32 - new_len).unwrap_or(0);
    let o = sub.to_be_bytes();
    Ok(format!("{}.{}.{}.{}/{new_len}", o[0], o[1], o[2], o[3]))
}

/// Terraform's `format` verbs: %s %d %f %.Nf %v %q %t %%.
fn format(ev: &Evaluator, f: &str, args: &[Value], l: Option<Loc>) -> Result<String, EvalError> {
    let mut out = String::new();
    let mut it = args.iter();
    let mut chars = f.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&p) = chars.peek() {
            if p.is_ascii_digit() || p == '.' || p == '-' || p == '+' || p == '#' || p == ' ' {
                spec.push(p);
                chars.next();
            } else {
                break;
            }
        }
        let Some(verb) = chars.next() else {
            return err("format(): the format ends with `%`", l);
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(v) = it.next() else {
            return err("format(): not enough arguments", l);
        };
        if v.is_unknown() {
            return err("unknown argument", l);
        }
        let prec = spec
            .split_once('.')
            .and_then(|(_, p)| p.parse::<usize>().ok());
        match verb {
            's' | 'v' => match &v.kind {
                Kind::List(_) | Kind::Object(_) if verb == 'v' => {
                    out.push_str(&v.to_json().to_string())
                }
                _ => out.push_str(&ev.to_str(v, l)?.unwrap_or_default()),
            },
            'd' => out.push_str(&format!(
                "{}",
                ev.to_num(v, l)?.unwrap_or(0.0).trunc() as i64
            )),
            'f' | 'e' | 'g' => {
                let x = ev.to_num(v, l)?.unwrap_or(0.0);
                // Rust's formatter takes at most 65,535 digits of precision (more panics);
                // anything near that is over the string limit anyway.
                let p = prec.unwrap_or(6);
                if p > 4096 {
                    return err(format!("format(): precision {p} is too large"), l);
                }
                out.push_str(&format!("{:.*}", p, x));
            }
            't' => out.push_str(&ev.to_bool(v, l)?.unwrap_or(false).to_string()),
            'q' => out.push_str(
                &serde_json::to_string(&ev.to_str(v, l)?.unwrap_or_default()).unwrap_or_default(),
            ),
            other => return err(format!("format(): unsupported verb `%{other}`"), l),
        }
        if out.len() > ev.budget.limits.max_string {
            break;
        }
    }
    Ok(out)
}

/// How spans inside a string's text map back to the file: exactly when the string is written
/// verbatim there (a heredoc, a plain quoted string without escapes).
pub fn span_map(sources: Option<&SourceMap>, v: &Value) -> SpanMap {
    let (Some(l), Some(sources), Some(s)) = (v.loc, sources, v.as_str()) else {
        return match v.loc {
            Some(l) => SpanMap::Whole(l),
            None => SpanMap::None,
        };
    };
    if l.file.0 as usize >= sources.len() {
        return SpanMap::Whole(l);
    }
    let src = &sources.get(l.file).text;
    let raw = src.get(l.range()).unwrap_or("");
    match raw.find(s) {
        Some(i) if !s.is_empty() => SpanMap::Exact {
            file: l.file,
            offset: l.start as usize + i,
        },
        _ => SpanMap::Whole(l),
    }
}

/// `file()`: the content of a file inside the scanned tree. A file that is part of the run keeps
/// its spans; anything else is read without spans, and nothing outside the tree is read.
/// `fileset(dir, pattern)`: the files under `dir` matching the glob, relative to `dir` and
/// sorted, as Terraform gives them. Only inside the scanned tree, like `file()`; symbolic links
/// are not followed.
fn fileset(ev: &Evaluator, dir: &str, pattern: &str, l: Option<Loc>) -> Value {
    let root = match ev.dir_path(dir) {
        Ok(p) => p,
        Err(why) => return Value::unknown(why, l),
    };
    let glob = match globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
    {
        Ok(g) => g.compile_matcher(),
        Err(e) => return Value::unknown(format!("fileset(): invalid pattern: {e}"), l),
    };
    let max = ev.budget.limits.max_collection;
    let mut out: Vec<String> = Vec::new();
    let mut stack = vec![root.clone()];
    let mut seen = 0usize;
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            seen += 1;
            if seen > max * 10 {
                return Value::unknown(
                    format!("fileset(): more than {} entries under `{dir}`", max * 10),
                    l,
                );
            }
            let Ok(ft) = e.file_type() else { continue };
            let p = e.path();
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file() {
                let Ok(rel) = p.strip_prefix(&root) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                if glob.is_match(&rel) {
                    out.push(rel);
                    if out.len() > max {
                        return Value::unknown(
                            format!("fileset(): more than {max} files match"),
                            l,
                        );
                    }
                }
            }
        }
    }
    out.sort();
    Value::list(out.into_iter().map(|p| Value::string(p, l)).collect(), l)
}

fn read_file(ev: &Evaluator, p: &str, l: Option<Loc>) -> Value {
    let path = match ev.file_path(p) {
        Ok(p) => p,
        Err(why) => return Value::unknown(why, l),
    };
    if let Some(f) = ev
        .sources
        .and_then(|s| s.find_canonical(&path).map(|id| s.get(id)))
    {
        return Value::string(f.text.to_string(), Some(Loc::new(f.id, 0..f.text.len())));
    }
    match crate::source::read_regular(&path, ev.budget.limits.max_string as u64) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => Value::string(t, l),
            Err(_) => Value::unknown(format!("`{p}` is not valid UTF-8"), l),
        },
        Err(why) => Value::unknown(format!("`{p}`: {why}"), l),
    }
}

#[cfg(test)]
mod cidr_tests {
    use super::cidrcontains;

    #[test]
    fn cidrcontains_addresses_and_blocks() {
        assert_eq!(cidrcontains("10.0.0.0/8", "10.1.2.3"), Ok(true));
        assert_eq!(cidrcontains("10.0.0.0/8", "11.0.0.1"), Ok(false));
        assert_eq!(cidrcontains("10.0.0.0/8", "10.2.0.0/16"), Ok(true));
        assert_eq!(cidrcontains("10.2.0.0/16", "10.0.0.0/8"), Ok(false));
        assert_eq!(cidrcontains("0.0.0.0/0", "192.168.1.1"), Ok(true));
        assert!(cidrcontains("10.0.0.0/33", "10.0.0.1").is_err());
        assert!(cidrcontains("::/0", "10.0.0.1").is_err());
    }
}
