//! Small readers over block values so checks stay short. They work on literal lowering today
//! and on evaluated values later: an unknown value is always reported as [`Got::Unknown`].

use crate::source::{Loc, SourceMap};
use crate::tf::{Block, Configuration, UnknownNote};
use crate::value::{Kind, Value};
use regex::Regex;
use std::sync::OnceLock;

/// An attribute as a check sees it.
pub enum Got<'a, T> {
    /// Not written, or `null` (Terraform treats both as unset).
    Absent,
    /// Written but not known statically.
    Unknown(&'a Value),
    /// Known and of the expected type.
    Is(T, &'a Value),
    /// Known but of another type (a provider error; checks ignore it).
    Invalid(&'a Value),
}

/// An attribute (or nested-block attribute via `block.attr`: the first block) of an object.
pub fn get<'a>(obj: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = obj;
    for part in path.split('.') {
        cur = cur.get(part)?;
        if let Kind::List(l) = &cur.kind {
            // Nested blocks lower to lists of objects.
            if l.first().is_some_and(|v| v.as_object().is_some()) {
                cur = &l[0];
            }
        }
    }
    Some(cur)
}

fn got<'a, T>(obj: &'a Value, path: &str, conv: impl Fn(&'a Value) -> Option<T>) -> Got<'a, T> {
    match get(obj, path) {
        None => Got::Absent,
        Some(v) if v.is_null() => Got::Absent,
        Some(v) if v.contains_unknown() => Got::Unknown(v),
        Some(v) => match conv(v) {
            Some(t) => Got::Is(t, v),
            None => Got::Invalid(v),
        },
    }
}

/// A boolean; the strings `"true"`/`"false"` convert as Terraform converts them.
pub fn bool_at<'a>(obj: &'a Value, path: &str) -> Got<'a, bool> {
    got(obj, path, to_bool)
}

pub fn to_bool(v: &Value) -> Option<bool> {
    match &v.kind {
        Kind::Bool(b) => Some(*b),
        Kind::String(s) if s == "true" => Some(true),
        Kind::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

/// A number; numeric strings convert.
pub fn num_at<'a>(obj: &'a Value, path: &str) -> Got<'a, f64> {
    got(obj, path, |v| match &v.kind {
        Kind::Number(n) if n.is_finite() => Some(*n),
        Kind::String(s) => s.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
        _ => None,
    })
}

/// A string (numbers and booleans convert, as in Terraform).
pub fn str_at<'a>(obj: &'a Value, path: &str) -> Got<'a, &'a str> {
    got(obj, path, |v| v.as_str())
}

/// The nested blocks of a type (empty when none).
pub fn blocks<'a>(obj: &'a Value, name: &str) -> &'a [Value] {
    obj.get(name).and_then(Value::as_list).unwrap_or(&[])
}

/// True when the attribute is written with a non-null value (known or not).
pub fn is_set(obj: &Value, name: &str) -> bool {
    obj.get(name).is_some_and(|v| !v.is_null())
}

/// The source text of a value.
pub fn text(sources: &SourceMap, loc: Option<Loc>) -> &str {
    match loc {
        Some(l) => sources.get(l.file).slice(l),
        None => "",
    }
}

fn reference_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:data\.)?alicloud_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][A-Za-z0-9_-]*)?")
            .expect("valid regex")
    })
}

/// Whether `t` is a whole traversal: what the regex
/// `^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[[^\]\[]*\])*$` matches, checked by
/// hand (compiling it was a few per cent of a one-file run; a unit test compares both).
fn is_traversal(t: &str) -> bool {
    let b = t.as_bytes();
    // The end of the identifier starting at `i`, if one does.
    let ident = |i: usize| {
        let first = *b.get(i)?;
        (first.is_ascii_alphabetic() || first == b'_').then(|| {
            i + 1
                + b[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
                    .count()
        })
    };
    let Some(mut i) = ident(0) else {
        return false;
    };
    while i < b.len() {
        i = match b[i] {
            b'.' => match ident(i + 1) {
                Some(end) => end,
                None => return false,
            },
            // `[`, anything but brackets, `]`.
            b'[' => match b[i + 1..].iter().position(|c| matches!(c, b'[' | b']')) {
                Some(n) if b[i + 1 + n] == b']' => i + 1 + n + 1,
                _ => return false,
            },
            _ => return false,
        };
    }
    true
}

/// What an unknown value refers to: `alicloud_ram_policy.p.policy_name`. The evaluator records it
/// in `Unknown.reference`; with literal lowering the written traversal text stands in.
pub fn reference(sources: &SourceMap, v: &Value) -> Option<String> {
    let u = v.as_unknown()?;
    if let Some(r) = &u.reference {
        return Some(r.to_string());
    }
    let t = text(sources, v.loc).trim();
    is_traversal(t).then(|| t.to_string())
}

/// The resource a reference names: `alicloud_oss_bucket.logs.bucket` → (`alicloud_oss_bucket`,
/// `logs`, `bucket`); instance keys (`[0]`, `["a"]`) are dropped.
pub fn split_reference(r: &str) -> Option<(&str, &str, &str)> {
    let r = r.strip_prefix("data.").unwrap_or(r);
    let mut parts = r.splitn(3, '.');
    let t = parts.next()?;
    let n = parts.next()?;
    let n = n.split('[').next().unwrap_or(n);
    let rest = parts.next().unwrap_or("");
    let attr = rest.split(['.', '[']).next().unwrap_or("");
    t.starts_with("alicloud_").then_some((t, n, attr))
}

/// The first resource block of a type and name.
pub fn resource<'a>(cfg: &'a Configuration, rtype: &str, name: &str) -> Option<&'a Block> {
    cfg.of_type(rtype).find(|b| *b.name == *name)
}

/// Every `alicloud_*` resource reference written inside a value (for templates and expressions
/// that are not a plain traversal).
pub fn references_in(sources: &SourceMap, v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(r) = v.as_unknown().and_then(|u| u.reference.as_deref()) {
        out.push(r.to_string());
    }
    let t = text(sources, v.loc);
    // Every match holds `alicloud_`: without it, the regex is not even built.
    if t.contains("alicloud_") {
        out.extend(reference_re().find_iter(t).map(|m| m.as_str().to_string()));
    }
    out
}

/// An unknown note for a rule about a block.
pub fn note(rule: &str, block: &Block, v: &Value, what: &str) -> UnknownNote {
    let why = match v.first_unknown() {
        Some((u, _)) => u.reason.to_string(),
        None => "not known statically".to_string(),
    };
    UnknownNote {
        rule: rule.to_string(),
        file: block.file,
        loc: v
            .first_unknown()
            .and_then(|(_, l)| l)
            .or(v.loc)
            .or(Some(block.header)),
        address: Some(block.address.clone()),
        reason: format!("{what}: {why}"),
    }
}

/// The location to point at for an attribute: the value when it is written inside the block,
/// the attribute (its key) when the value came from elsewhere (a variable default, another
/// resource), the block header otherwise.
pub fn at(block: &Block, v: Option<&Value>) -> Option<crate::source::Loc> {
    let Some(v) = v else {
        return Some(block.header);
    };
    let inside = |l: &crate::source::Loc| {
        l.file == block.loc.file && l.start >= block.loc.start && l.end <= block.loc.end
    };
    match v.loc {
        Some(l) if inside(&l) => Some(l),
        _ => key_of(&block.value, v).or(Some(block.header)),
    }
}

/// The key span of the entry holding exactly this value (by identity), searched depth first.
fn key_of(obj: &Value, target: &Value) -> Option<crate::source::Loc> {
    match &obj.kind {
        crate::value::Kind::Object(entries) => entries.iter().find_map(|e| {
            if std::ptr::eq(&e.value, target) {
                e.key_loc
            } else {
                key_of(&e.value, target)
            }
        }),
        crate::value::Kind::List(items) => items.iter().find_map(|i| key_of(i, target)),
        _ => None,
    }
}

/// A numeric rule option, or the default its rule declares (`options` in the rule file; the
/// configuration was validated against the declaration).
pub fn opt_num(sel: &crate::rules::Selection, rule: &str, key: &str) -> f64 {
    sel.option(rule, key)
        .and_then(serde_json::Value::as_f64)
        .or_else(|| {
            let r = crate::rules::Registry::builtin().get(rule)?;
            r.option(key)?.default.as_f64()
        })
        // Undeclared: a test fails (the rule's fixtures); never a panic at run time.
        .unwrap_or(f64::NAN)
}

/// Render a number as Terraform writes it.
pub fn num(n: f64) -> String {
    Value::number(n, None).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_traversal_matches_what_the_regex_matches() {
        let re =
            Regex::new(r"^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[[^\]\[]*\])*$")
                .unwrap();
        let texts = [
            "alicloud_ram_policy.p.policy_name",
            "alicloud_ram_user.u[\"a\"].name",
            "var.x",
            "local.a[0][1].b-c",
            "a",
            "_",
            "a-",
            "-a",
            "0a",
            "a.0",
            "a.",
            ".a",
            "a..b",
            "a[",
            "a[]",
            "a[[]]",
            "a[]]",
            "a[x]y",
            "a[é\n ü]",
            "é",
            "aé",
            "a.é",
            "a b",
            "a\n",
            "a.b\n",
            "a[0].b[\"k\"].c",
            "",
            "a[0",
            "a.b[",
            "data.alicloud_x.y.z",
            "a\u{a0}",
        ];
        for t in texts {
            assert_eq!(is_traversal(t), re.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn references_split() {
        assert_eq!(
            split_reference("alicloud_ram_policy.p.policy_name"),
            Some(("alicloud_ram_policy", "p", "policy_name"))
        );
        assert_eq!(
            split_reference("alicloud_ram_user.u[\"a\"].name"),
            Some(("alicloud_ram_user", "u", "name"))
        );
        assert_eq!(
            split_reference("alicloud_ram_user.u"),
            Some(("alicloud_ram_user", "u", ""))
        );
        assert_eq!(split_reference("var.x"), None);
    }
}
