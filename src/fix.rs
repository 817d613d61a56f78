//! Autofix: the fixes rules declare (`fix = { … }` in `rulesets/`), turned into text edits on
//! the files as written, and applied without ever breaking a file.
//!
//! A fix is computed while the engine still holds the evaluated block or document a finding is
//! about, as byte edits of the real file: setting an attribute replaces its literal (or inserts
//! a line before the block's closing brace), adding a block inserts it, renaming a value
//! replaces the quoted string under the finding's span. Everything else in the file — comments,
//! the JSON's own indentation — is left as it was, and alignment is kept as `terraform fmt`
//! makes it (see [`aligned`]). Applying is all-or-nothing per fix; lines several fixes insert
//! at one place are inserted together; other overlapping fixes wait for the next pass; a file
//! whose fixed text does not parse is not written.

use crate::finding::{render_template, Emit};
pub use crate::finding::{Autofix, Edit, Safety};
use crate::i18n::{tr, tr_in, Lang};
use crate::source::{FileId, FileKind, Loc, SourceFile, SourceMap};
use crate::tf::{Block, Document, Tree};
use crate::value::Value;
use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::Body;
use hcl_edit::Span;
use serde_json::Value as J;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A fix as a rule file declares it.
#[derive(Clone, Debug)]
pub struct FixSpec {
    pub safety: Safety,
    /// Template over the finding's fields; derived from the operation when absent.
    pub description: Option<String>,
    pub op: FixOp,
    /// Condition over `self` (resource rules): the fix is offered only when it is true.
    pub when: Option<Expression>,
    /// The operation for one resource type (rules over several types, and split resources such
    /// as `alicloud_oss_bucket_acl` a finding may land on); `op` for the rule's other types.
    pub types: Vec<(String, FixOp)>,
    /// The rule judges each element of a nested block (`each`): a `block` fix edits only the
    /// element the finding is on.
    pub per_element: bool,
}

#[derive(Clone, Debug)]
pub enum FixOp {
    /// Set attributes (names and string values are templates over the finding's fields) of the
    /// resource, of its nested `block` (added when missing) or as keys of its `map` attribute;
    /// `defaults` are added only where they are not written.
    Set {
        block: Option<String>,
        map: Option<String>,
        values: Vec<(String, J)>,
        defaults: Vec<(String, J)>,
    },
    /// Replace the quoted value under the finding's span with this template.
    Replace(String),
    /// Policy documents: replace the key under the finding's span with this template (`effect`
    /// → `Effect`), and/or add or replace keys of the statement the finding is in.
    Policy {
        rename_key: Option<String>,
        statement: Vec<(String, J)>,
    },
    /// Policy documents: write the value of the key under the finding's span as a one-element
    /// array (`"Statement": {…}` → `"Statement": [{…}]`).
    WrapInArray,
    /// The rule's built-in check computes the edits.
    Builtin,
    /// Only the resource types of `types` have a fix.
    None,
}

/// The fix of the built-in rule at `rule` (its index position) as `build.rs` wrote it: what
/// [`FixSpec::from_json`] makes of its JSON but a packed `when` (a test compares the two);
/// `None` for a rule without one, or whose JSON is to be read.
pub fn builtin_fix(rule: usize) -> Option<FixSpec> {
    let s = String::from;
    include!(concat!(env!("OUT_DIR"), "/builtin_fixes.rs"))
}

fn op_from_json(j: &J) -> Result<FixOp, String> {
    let s = |k: &str| j.get(k).and_then(J::as_str).map(str::to_string);
    let pairs = |k: &str| -> Vec<(String, J)> {
        match j.get(k) {
            Some(J::Object(m)) => m
                .iter()
                .map(|(k, v)| (unquote(k).to_string(), v.clone()))
                .collect(),
            _ => Vec::new(),
        }
    };
    Ok(if j.get("set").is_some() {
        FixOp::Set {
            block: s("block"),
            map: s("map"),
            values: pairs("set"),
            defaults: pairs("default"),
        }
    } else if let Some(r) = s("replace") {
        FixOp::Replace(r)
    } else if j.get("rename_key").is_some() || j.get("statement").is_some() {
        FixOp::Policy {
            rename_key: s("rename_key"),
            statement: pairs("statement"),
        }
    } else if j.get("wrap_in_array").and_then(J::as_bool) == Some(true) {
        FixOp::WrapInArray
    } else if j.get("builtin").and_then(J::as_bool) == Some(true) {
        FixOp::Builtin
    } else if j.get("types").is_some() {
        FixOp::None
    } else {
        return Err(
            "`fix` needs `set`, `replace`, `rename_key`, `statement`, `types` or `builtin = true`"
                .into(),
        );
    })
}

fn describe_op(lang: Lang, op: &FixOp) -> String {
    match op {
        FixOp::Set {
            block,
            map,
            values,
            defaults,
        } => {
            let shown = |v: &[(String, J)]| -> Vec<(String, J)> {
                v.iter()
                    .map(|(k, v)| (placeholder(k), placeholders(v)))
                    .collect()
            };
            describe_set(lang, block, map, &shown(values), &shown(defaults), &[])
                .replace("\"\u{1}", "")
                .replace("\u{1}\"", "")
        }
        FixOp::Replace(r) => tr_in!(lang, "write `{value}` instead", value = placeholder(r)),
        FixOp::Policy {
            rename_key,
            statement,
        } => {
            let shown: Vec<(String, J)> = statement
                .iter()
                .map(|(k, v)| (placeholder(k), placeholders(v)))
                .collect();
            describe_policy(lang, rename_key.as_deref().map(placeholder), &shown)
                .replace("\"\u{1}", "")
                .replace("\u{1}\"", "")
        }
        FixOp::WrapInArray => tr_in!(lang, "write the value as an array: `[ … ]`").into(),
        FixOp::Builtin => tr_in!(lang, "computed by the rule's check").into(),
        FixOp::None => String::new(),
    }
}

fn describe_policy(lang: Lang, rename: Option<String>, statement: &[(String, J)]) -> String {
    let mut parts = Vec::new();
    if let Some(k) = rename {
        parts.push(tr_in!(lang, "write the key as `{k}`", k = k));
    }
    if !statement.is_empty() {
        let kv: Vec<String> = statement
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        parts.push(tr_in!(
            lang,
            "set `{values}` in the statement",
            values = kv.join(", ")
        ));
    }
    parts.join(tr_in!(lang, " and "))
}

impl FixSpec {
    /// Read the `fix` member of a rule (already validated by the schema).
    pub fn from_json(j: &J) -> Result<FixSpec, String> {
        let safety = match j.get("safety").and_then(J::as_str) {
            Some("safe") => Safety::Safe,
            Some("unsafe") => Safety::Unsafe,
            _ => return Err("`fix.safety` must be \"safe\" or \"unsafe\"".into()),
        };
        let s = |k: &str| j.get(k).and_then(J::as_str).map(str::to_string);
        let op = op_from_json(j)?;
        let mut types = Vec::new();
        if let Some(J::Object(m)) = j.get("types") {
            for (t, o) in m {
                let op = op_from_json(o).map_err(|e| format!("`fix.types.{t}`: {e}"))?;
                if !matches!(op, FixOp::Set { .. } | FixOp::Replace(_)) {
                    return Err(format!("`fix.types.{t}` needs `set` or `replace`"));
                }
                types.push((t.clone(), op));
            }
        }
        let when = match s("when") {
            Some(w) => {
                Some(hcl_edit::parser::parse_expr(&w).map_err(|e| format!("`fix.when`: {e}"))?)
            }
            None => None,
        };
        Ok(FixSpec {
            safety,
            description: s("description"),
            op,
            when,
            types,
            per_element: false,
        })
    }

    /// The operation for a block of this type, if the fix has one.
    pub fn op_for(&self, rtype: &str) -> Option<&FixOp> {
        self.types
            .iter()
            .find(|(t, _)| t == rtype)
            .map(|(_, o)| o)
            .or(match &self.op {
                FixOp::None => None,
                o => Some(o),
            })
    }

    /// Whether `types` names this resource type.
    pub fn names_type(&self, rtype: &str) -> bool {
        self.types.iter().any(|(t, _)| t == rtype)
    }

    /// What the fix does, for `explain` and the rule docs: placeholders show as `<field>`.
    pub fn description(&self) -> String {
        self.description_in(crate::i18n::current())
    }

    /// [`FixSpec::description`] in `lang`.
    pub fn description_in(&self, lang: Lang) -> String {
        if let Some(d) = &self.description {
            return d.clone();
        }
        let mut parts = Vec::new();
        if !matches!(self.op, FixOp::None) {
            parts.push(describe_op(lang, &self.op));
        }
        for (t, o) in &self.types {
            parts.push(tr_in!(
                lang,
                "on `{t}`: {fix}",
                t = t,
                fix = describe_op(lang, o)
            ));
        }
        parts.join("; ")
    }

    /// The description and the safety, e.g. for `explain`.
    pub fn summary(&self) -> String {
        format!("{} — {}", self.description(), self.safety.as_str())
    }
}

/// `${field}` shown as `<field>`.
fn placeholder(s: &str) -> String {
    let mut out = render_template(s, &[]);
    while let Some(i) = out.find("${") {
        let Some(j) = out[i..].find('}') else { break };
        out.replace_range(i..i + j + 1, &format!("<{}>", &out[i + 2..i + j]));
    }
    out
}

/// A value with its placeholders shown as `<field>`; a string that is only a placeholder is
/// marked so that its quotes are dropped (the field's type decides them).
fn placeholders(v: &J) -> J {
    match v {
        J::String(s) => {
            let p = placeholder(s);
            if s.trim().starts_with("${") && s.matches("${").count() == 1 && s.trim().ends_with('}')
            {
                J::String(format!("\u{1}{p}\u{1}"))
            } else {
                J::String(p)
            }
        }
        other => other.clone(),
    }
}

/// Rule files write computed object keys with their quotes (`"${key}" = …`).
fn unquote(k: &str) -> &str {
    k.strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .unwrap_or(k)
}

fn describe_set(
    lang: Lang,
    block: &Option<String>,
    map: &Option<String>,
    values: &[(String, J)],
    defaults: &[(String, J)],
    fields: &[(&'static str, String)],
) -> String {
    let assign = |(k, v): &(String, J)| {
        let k = render_template(k, fields);
        let v = hcl_value(&render_value(v, fields));
        format!("{k} = {v}")
    };
    let assigns: Vec<String> = values.iter().map(assign).collect();
    let mut out = match (block, map) {
        (Some(b), _) => tr_in!(
            lang,
            "set `{block} { {values} }`",
            block = b,
            values = assigns.join(", ")
        ),
        (_, Some(m)) => tr_in!(
            lang,
            "set `{values}` in `{map}`",
            values = assigns.join(", "),
            map = m
        ),
        _ => tr_in!(lang, "set `{values}`", values = assigns.join("`, `")),
    };
    if !defaults.is_empty() {
        let d: Vec<String> = defaults.iter().map(assign).collect();
        out.push_str(&tr_in!(
            lang,
            " (and `{values}` where unset)",
            values = d.join("`, `")
        ));
    }
    out
}

/// `set` entries whose key is exactly `${name}` of a list field, one per element.
fn expand_lists(v: &[(String, J)], lists: &[(&'static str, Vec<String>)]) -> Vec<(String, J)> {
    v.iter()
        .flat_map(|(k, val)| {
            let list = k
                .strip_prefix("${")
                .and_then(|r| r.strip_suffix('}'))
                .and_then(|n| lists.iter().find(|(l, _)| *l == n.trim()));
            match list {
                Some((_, items)) => items.iter().map(|i| (i.clone(), val.clone())).collect(),
                None => vec![(k.clone(), val.clone())],
            }
        })
        .collect()
}

/// A value of the rule file with its templates rendered. A string that is exactly one `${field}`
/// takes the field's type when the field holds a number or a bool.
fn render_value(v: &J, fields: &[(&'static str, String)]) -> J {
    match v {
        J::String(s) => {
            let r = render_template(s, fields);
            let whole = s.trim().starts_with("${")
                && s.trim().ends_with('}')
                && s.matches("${").count() == 1;
            if whole {
                if let Ok(n) = r.parse::<i64>() {
                    return J::from(n);
                }
                if let Ok(b) = r.parse::<bool>() {
                    return J::Bool(b);
                }
            }
            J::String(r)
        }
        J::Array(a) => J::Array(a.iter().map(|x| render_value(x, fields)).collect()),
        J::Object(o) => J::Object(
            o.iter()
                .map(|(k, x)| (render_template(unquote(k), fields), render_value(x, fields)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// HCL source of a JSON value.
pub fn hcl_value(v: &J) -> String {
    match v {
        J::Null => "null".into(),
        J::Bool(b) => b.to_string(),
        J::Number(n) => n.to_string(),
        J::String(s) => hcl_string(s),
        J::Array(a) => format!(
            "[{}]",
            a.iter().map(hcl_value).collect::<Vec<_>>().join(", ")
        ),
        J::Object(o) => format!(
            "{{ {} }}",
            o.iter()
                .map(|(k, x)| format!("{} = {}", hcl_key(k), hcl_value(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn hcl_key(k: &str) -> String {
    let ident = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident {
        k.to_string()
    } else {
        hcl_string(k)
    }
}

fn hcl_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string that reads the same in JSON, an HCL string and a heredoc: no quote, backslash,
/// template sequence or control character.
fn plain(s: &str) -> bool {
    !s.is_empty()
        && !s.contains("${")
        && !s.contains("%{")
        && !s.chars().any(|c| c == '"' || c == '\\' || c.is_control())
}

/// Why a fix is not offered (the finding says so in a note).
type NotOffered = Option<String>;

/// Attach the fix a rule declares to a finding on a Terraform block; when it cannot be offered
/// for a reason the user should know, the finding gets a note instead. The fix's `when` is a
/// rule expression: the engine decides it before calling this.
/// `syntax` is the syntax tree of the block's file, when the caller kept one parsed from exactly
/// the file's text.
pub fn for_block(
    spec: &FixSpec,
    e: &mut Emit,
    block: &Block,
    sources: &SourceMap,
    syntax: Option<&Tree>,
) {
    if let Some(f) = &mut e.fix {
        // Computed by the check: the rule declares its safety.
        f.safety = spec.safety;
        return;
    }
    let file = sources.get(block.file);
    // Terraform's JSON syntax is analysed through a rewrite; fixes edit native syntax only.
    if file.origin.is_some() || file.kind != FileKind::Hcl {
        return;
    }
    let Some(op) = spec
        .op_for(&block.rtype)
        .or_else(|| spec.op_for(&block.written_type))
    else {
        return;
    };
    let result = match op {
        FixOp::Set {
            block: b,
            map,
            values,
            defaults,
        } => {
            let render = |v: &[(String, J)]| -> Vec<(String, J)> {
                expand_lists(v, e.lists())
                    .iter()
                    .map(|(k, v)| (render_template(k, &e.fields), render_value(v, &e.fields)))
                    .collect()
            };
            let at = if spec.per_element { e.loc } else { None };
            let result = set_edits(
                sources,
                syntax,
                block,
                b.as_deref(),
                map.as_deref(),
                &render(values),
                &render(defaults),
                at,
            );
            // Described with the keys it sets.
            let op = FixOp::Set {
                block: b.clone(),
                map: map.clone(),
                values: expand_lists(values, e.lists()),
                defaults: expand_lists(defaults, e.lists()),
            };
            finish(spec, &op, e, result);
            align_fix(sources, e);
            return;
        }
        FixOp::Replace(t) => replace_edit(sources, e.loc, &render_template(t, &e.fields), None),
        FixOp::Builtin | FixOp::Policy { .. } | FixOp::WrapInArray | FixOp::None => return,
    };
    finish(spec, op, e, result);
    align_fix(sources, e);
}

/// A fix's edits in Terraform files, aligned like `terraform fmt` (see [`aligned`]).
fn align_fix(sources: &SourceMap, e: &mut Emit) {
    let Some(f) = &mut e.fix else { return };
    if !crate::util::fix_edits_read() {
        f.edits.sort();
        return;
    }
    let mut by_file: BTreeMap<FileId, Vec<Edit>> = BTreeMap::new();
    for x in f.edits.drain(..) {
        by_file.entry(x.loc.file).or_default().push(x);
    }
    for (id, edits) in by_file {
        let file = sources.get(id);
        if file.origin.is_none() && matches!(file.kind, FileKind::Hcl | FileKind::Tfvars) {
            f.edits.extend(aligned(&file.text, &edits));
        } else {
            f.edits.extend(edits);
        }
    }
    f.edits.sort();
}

/// For built-in checks that compute their fix (`fix = { builtin = true }`): the emit with a fix
/// setting these attributes of `block`; its safety is the rule's, set by the engine. `syntax`
/// is as for [`for_block`].
pub fn with_set(
    mut e: Emit,
    sources: &SourceMap,
    syntax: Option<&Tree>,
    block: &Block,
    values: &[(String, J)],
) -> Emit {
    let file = sources.get(block.file);
    if file.origin.is_some() || file.kind != FileKind::Hcl {
        return e;
    }
    let op = FixOp::Set {
        block: None,
        map: None,
        values: values.to_vec(),
        defaults: Vec::new(),
    };
    let spec = FixSpec {
        safety: Safety::Unsafe,
        description: None,
        op: FixOp::Builtin,
        when: None,
        types: Vec::new(),
        per_element: false,
    };
    let result = set_edits(sources, syntax, block, None, None, values, &[], None);
    finish(&spec, &op, &mut e, result);
    align_fix(sources, &mut e);
    e
}

/// Attach the fix a rule declares to a finding on a policy document.
pub fn for_document(spec: &FixSpec, e: &mut Emit, doc: &Document, sources: &SourceMap) {
    if let Some(f) = &mut e.fix {
        f.safety = spec.safety;
        return;
    }
    if sources.get(doc.file).origin.is_some() {
        return;
    }
    let within = doc.loc.filter(|l| l.file == doc.file);
    let result = match &spec.op {
        FixOp::Replace(t) => replace_edit(sources, e.loc, &render_template(t, &e.fields), within),
        FixOp::Policy {
            rename_key,
            statement,
        } => {
            let rename = rename_key.as_deref().map(|k| render_template(k, &e.fields));
            let statement: Vec<(String, J)> = statement
                .iter()
                .map(|(k, v)| (render_template(k, &e.fields), render_value(v, &e.fields)))
                .collect();
            policy_edits(sources, e, doc, within, rename.as_deref(), &statement)
        }
        FixOp::WrapInArray => wrap_edits(sources, e, doc, within),
        _ => return,
    };
    finish(spec, &spec.op, e, result);
}

fn finish(spec: &FixSpec, op: &FixOp, e: &mut Emit, result: Result<Vec<Edit>, NotOffered>) {
    let lang = crate::i18n::current();
    match result {
        Ok(mut edits) if !edits.is_empty() => {
            edits.sort();
            edits.dedup();
            let description = match &spec.description {
                Some(d) => render_template(d, &e.fields),
                None => match op {
                    FixOp::Set {
                        block,
                        map,
                        values,
                        defaults,
                    } => describe_set(lang, block, map, values, defaults, &e.fields),
                    FixOp::Replace(t) => {
                        tr!("write `{value}`", value = render_template(t, &e.fields))
                    }
                    FixOp::Policy {
                        rename_key,
                        statement,
                    } => {
                        let statement: Vec<(String, J)> = statement
                            .iter()
                            .map(|(k, v)| {
                                (render_template(k, &e.fields), render_value(v, &e.fields))
                            })
                            .collect();
                        describe_policy(
                            lang,
                            rename_key.as_deref().map(|k| render_template(k, &e.fields)),
                            &statement,
                        )
                    }
                    FixOp::WrapInArray => describe_op(lang, op),
                    FixOp::Builtin | FixOp::None => String::new(),
                },
            };
            e.fix = Some(Box::new(Autofix {
                safety: spec.safety,
                description,
                edits,
            }));
        }
        Ok(_) | Err(None) => {}
        Err(Some(why)) => e
            .more()
            .notes
            .push(tr!("no automatic fix: {why}", why = why)),
    }
}

/// `[` and `]` around the value of the document's key under the finding's span, when the value
/// is written as an object literal in the document's own text.
fn wrap_edits(
    sources: &SourceMap,
    e: &Emit,
    doc: &Document,
    within: Option<Loc>,
) -> Result<Vec<Edit>, NotOffered> {
    let (Some(loc), Some(within)) = (e.loc, within) else {
        return Err(None);
    };
    let entry = doc
        .value
        .as_object()
        .and_then(|es| es.iter().find(|x| x.key_loc == Some(loc)))
        .ok_or(None)?;
    let v = entry.value.loc.ok_or(None)?;
    if v.file != within.file || v.start < within.start || v.end > within.end {
        return Err(None);
    }
    let text = sources.get(v.file).slice(v);
    if !(text.starts_with('{') && text.ends_with('}')) {
        return Err(None);
    }
    let at = |o: u32, t: &str| Edit {
        loc: Loc {
            file: v.file,
            start: o,
            end: o,
        },
        text: t.to_string(),
    };
    Ok(vec![at(v.start, "["), at(v.end, "]")])
}

/// The statement a JSON pointer (`/Statement/0/...`) of a finding is in.
fn statement_of<'v>(doc: &'v Value, pointer: &str) -> Option<&'v Value> {
    let mut segs = pointer.split('/').skip(1);
    if segs.next()? != "Statement" {
        return None;
    }
    let st = doc.get("Statement")?;
    match st.as_list() {
        Some(items) => items.get(segs.next()?.parse::<usize>().ok()?),
        None => st.as_object().map(|_| st),
    }
}

/// The statements of a document, `None` when `Statement` is not a list or an object.
fn statements(doc: &Value) -> Option<Vec<&Value>> {
    let st = doc.get("Statement")?;
    match st.as_list() {
        Some(items) => Some(items.iter().collect()),
        None => st.as_object().map(|_| vec![st]),
    }
}

/// A string literal that reads the same in JSON and HCL, and the edit giving it `new`.
fn requote(f: &SourceFile, loc: Loc, new: &str) -> Option<Edit> {
    let old = f.slice(loc);
    let inner = old.strip_prefix('"')?.strip_suffix('"')?;
    (plain(inner) && plain(new)).then(|| Edit {
        loc: Loc {
            file: loc.file,
            start: loc.start + 1,
            end: loc.end - 1,
        },
        text: new.to_string(),
    })
}

/// Policy key edits: rename the key under the finding (a wrongly cased element or operator),
/// and add or replace keys of the statement it is in. Offered only when the policy then grants
/// nothing (every statement a `Deny`): RAM rejects the policy as written, and a fix must never
/// turn a rejected policy into one that grants access.
fn policy_edits(
    sources: &SourceMap,
    e: &Emit,
    doc: &Document,
    within: Option<Loc>,
    rename: Option<&str>,
    statement: &[(String, J)],
) -> Result<Vec<Edit>, NotOffered> {
    let (Some(loc), Some(within)) = (e.loc, within) else {
        return Err(None);
    };
    let unresolved = |s: &str| s.contains("${");
    if rename.is_some_and(unresolved)
        || statement
            .iter()
            .any(|(k, v)| unresolved(k) || v.as_str().is_some_and(unresolved))
    {
        return Err(None);
    }
    let f = sources.get(loc.file);
    if loc.file != within.file || loc.start < within.start || loc.end > within.end {
        return Err(None);
    }
    let mut edits = Vec::new();
    if let Some(new) = rename {
        let old = f.slice(loc);
        let ident = |s: &str| {
            s.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        if old.starts_with('"') {
            edits.push(requote(f, loc, new).ok_or(None)?);
        } else if ident(old) && ident(new) {
            edits.push(Edit {
                loc,
                text: new.to_string(),
            });
        } else {
            return Err(None);
        }
    }
    let target = match e.pointer.as_deref() {
        Some(p) if !statement.is_empty() => Some(statement_of(&doc.value, p).ok_or(None)?),
        _ => None,
    };
    if let Some(st) = target {
        let entries = st.as_object().ok_or(None)?;
        for (k, v) in statement {
            let new = v.as_str().ok_or(None)?;
            match entries.iter().find(|x| x.key == *k) {
                Some(x) => {
                    let vl = x.value.loc.filter(|l| l.file == loc.file).ok_or(None)?;
                    if vl.start < within.start || vl.end > within.end {
                        return Err(None);
                    }
                    if x.value.as_str() != Some(new) {
                        edits.push(requote(f, vl, new).ok_or(None)?);
                    }
                }
                None => {
                    // Insert after the statement's `{`, in the syntax its first key is written in.
                    let sl = st.loc.filter(|l| l.file == loc.file).ok_or(None)?;
                    if f.text.as_bytes().get(sl.start as usize) != Some(&b'{') || !plain(new) {
                        return Err(None);
                    }
                    let first = entries.first().ok_or(None)?;
                    let (kl, vl) = (first.key_loc.ok_or(None)?, first.value.loc.ok_or(None)?);
                    let between = f.text.get(kl.end as usize..vl.start as usize).ok_or(None)?;
                    let text = if between.contains(':') {
                        format!("\"{k}\": \"{new}\", ")
                    } else if between.contains('=') && plain(k) {
                        format!("{} = \"{new}\", ", hcl_key(k))
                    } else {
                        return Err(None);
                    };
                    edits.push(Edit {
                        loc: Loc {
                            file: loc.file,
                            start: sl.start + 1,
                            end: sl.start + 1,
                        },
                        text,
                    });
                }
            }
        }
    }
    // The policy after the fix: every statement must be a Deny.
    let all = statements(&doc.value).ok_or(None)?;
    let grants = all.iter().any(|s| {
        let Some(entries) = s.as_object() else {
            return true;
        };
        let is_target = target.is_some_and(|t| std::ptr::eq(t, *s));
        let set_effect = statement
            .iter()
            .find(|(k, _)| is_target && k == "Effect")
            .and_then(|(_, v)| v.as_str());
        let mut effect = None;
        for x in entries {
            let key = match rename {
                Some(r) if x.key_loc == Some(loc) => r,
                _ => x.key.as_str(),
            };
            if key == "Effect" {
                effect = set_effect.or(x.value.as_str());
            }
        }
        effect.or(set_effect) != Some("Deny")
    });
    if grants {
        return Err(Some(
            tr!("the policy has statements that are not `Deny`: RAM rejects it as written, and the fix would make it grant access; correct it by hand").into(),
        ));
    }
    Ok(edits)
}

/// Replace the quoted string at `loc` with `new` (same quotes). Only plain strings on both
/// sides, so the edit reads the same in JSON, HCL strings and heredocs.
fn replace_edit(
    sources: &SourceMap,
    loc: Option<Loc>,
    new: &str,
    within: Option<Loc>,
) -> Result<Vec<Edit>, NotOffered> {
    let Some(loc) = loc else { return Err(None) };
    let f = sources.get(loc.file);
    if f.origin.is_some() {
        return Err(None);
    }
    let old = f.slice(loc);
    let Some(inner) = old.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return Err(None);
    };
    if !plain(inner) || !plain(new) || inner == new {
        return Err(None);
    }
    if let Some(w) = within {
        if loc.file != w.file || loc.start < w.start || loc.end > w.end {
            let lc = f.line_col(loc.start as usize);
            return Err(Some(tr!(
                "the value is written outside the policy, at {place}, where other code may use it",
                place = format!("{}:{}:{}", f.display, lc.line, lc.column)
            )));
        }
    }
    Ok(vec![Edit {
        loc: Loc {
            file: loc.file,
            start: loc.start + 1,
            end: loc.end - 1,
        },
        text: new.to_string(),
    }])
}

/// The block's syntax: from its file's tree (spans are made absolute when the tree's structure
/// is off: see [`Tree`]) or parsed from its own text (spans are made absolute).
struct Syntax<'a> {
    file: &'a SourceFile,
    base: isize,
}

/// A block's syntax tree: borrowed from its file's tree, or parsed from the block's text.
enum BlockSyntax<'a> {
    Kept(&'a hcl_edit::structure::Block),
    Parsed(std::rc::Rc<hcl_edit::structure::Block>),
}

impl std::ops::Deref for BlockSyntax<'_> {
    type Target = hcl_edit::structure::Block;
    fn deref(&self) -> &Self::Target {
        match self {
            BlockSyntax::Kept(b) => b,
            BlockSyntax::Parsed(b) => b,
        }
    }
}

fn parse_block<'a>(
    file: &'a SourceFile,
    loc: Loc,
    syntax: Option<&'a Tree>,
) -> Option<(Syntax<'a>, BlockSyntax<'a>)> {
    type Parsed = Option<std::rc::Rc<hcl_edit::structure::Block>>;
    // The file's tree, when kept: its top-level block with the block's span (a module's
    // blocks are its file's top-level blocks), the same tree a parse of the block's text gives.
    let kept = syntax.and_then(|tree| {
        tree.blocks()
            .find(|(b, by)| b.span().map(|r| crate::util::shift(r, *by)) == Some(loc.range()))
    });
    if let Some((b, base)) = kept {
        return Some((Syntax { file, base }, BlockSyntax::Kept(b)));
    }
    let text = file.text.get(loc.range())?;
    let parse = || -> Parsed {
        // The block moved out of the parsed body, not copied.
        hcl_edit::parser::parse_body(text)
            .ok()
            .and_then(|body| {
                body.into_iter().find_map(|s| match s {
                    hcl_edit::structure::Structure::Block(b) => Some(b),
                    _ => None,
                })
            })
            .map(std::rc::Rc::new)
    };
    // The findings of one block are fixed one after the other: its text is parsed once for
    // them all (remembered per thread, for the last block text parsed). A process that lints
    // the same texts again and again (the language server) remembers the blocks of the last
    // runs: a change leaves most blocks' texts as they were (a parse is a function of the text).
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, Parsed)>> =
            const { std::cell::RefCell::new(None) };
        static RECENT: std::cell::RefCell<crate::util::Recent<String, Parsed>> =
            std::cell::RefCell::new(crate::util::Recent::new(512));
    }
    let b = LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((t, b)) if t == text => b.clone(),
            _ => {
                let b = match crate::util::repeated_runs() {
                    true => RECENT.with(|r| r.borrow_mut().get_or(text, str::to_string, parse)),
                    false => parse(),
                };
                *last = Some((text.to_string(), b.clone()));
                b
            }
        }
    })?;
    Some((
        Syntax {
            file,
            base: loc.start as isize,
        },
        BlockSyntax::Parsed(b),
    ))
}

impl Syntax<'_> {
    fn abs(&self, r: Range<usize>) -> Range<usize> {
        crate::util::shift(r, self.base)
    }
    fn loc(&self, r: Range<usize>) -> Loc {
        Loc::new(self.file.id, self.abs(r))
    }
}

/// Where a block's body opens and closes (absolute offsets of `{` and `}`).
fn braces(sx: &Syntax, b: &hcl_edit::structure::Block) -> Option<(usize, usize)> {
    let span = sx.abs(b.span()?);
    let text = &sx.file.text;
    let head_end = b
        .labels
        .last()
        .and_then(|l| l.span())
        .or_else(|| b.ident.span())
        .map(|r| sx.abs(r).end)?;
    let open = head_end + text.get(head_end..span.end)?.find('{')?;
    let close = span.start + text.get(span.clone())?.rfind('}')?;
    (open < close).then_some((open, close))
}

/// Leading whitespace of the line holding `offset`.
fn indent_at(text: &str, offset: usize) -> &str {
    let start = text[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// One indentation step, as the file writes it below `outer`.
fn inner_indent(sx: &Syntax, body: &Body, outer: &str) -> String {
    body.iter()
        .find_map(|s| s.span())
        .map(|r| indent_at(&sx.file.text, sx.abs(r).start).to_string())
        .filter(|i| i.len() > outer.len())
        .unwrap_or_else(|| format!("{outer}  "))
}

/// Text inserting `lines` (already indented) into a body that opens at `open` and closes at
/// `close`: before the closing brace's line, or by opening a one-line body.
fn insertion(sx: &Syntax, open: usize, close: usize, lines: &[String], outer: &str) -> Edit {
    let text = &sx.file.text;
    let line_start = text[..close].rfind('\n').map(|i| i + 1).unwrap_or(0);
    // Most files have no `\r` at all: `memchr` says so faster than the pair's search.
    let crlf = crate::bytes::find(b'\r', text.as_bytes()).is_some() && text.contains("\r\n");
    let newline = if crlf { "\r\n" } else { "\n" };
    if line_start > open && text[line_start..close].trim().is_empty() {
        let lines = align_with_above(&text[open + 1..line_start], lines);
        let mut s = String::new();
        for l in &lines {
            s.push_str(l);
            s.push_str(newline);
        }
        return Edit {
            loc: Loc::new(sx.file.id, line_start..line_start),
            text: s,
        };
    }
    // `{}` or `{ a = 1 }` on one line: rewrite the body over several lines.
    let existing = text[open + 1..close].trim();
    let step = lines
        .first()
        .map(|l| &l[..l.len() - l.trim_start().len()])
        .unwrap_or("  ");
    let mut s = String::from("{");
    s.push_str(newline);
    if !existing.is_empty() {
        s.push_str(step);
        s.push_str(existing);
        s.push_str(newline);
    }
    for l in lines {
        s.push_str(l);
        s.push_str(newline);
    }
    s.push_str(outer);
    s.push('}');
    Edit {
        loc: Loc::new(sx.file.id, open..close + 1),
        text: s,
    }
}

/// `name = value` at the start of `l`: its indent, its name, the length of the name and the
/// blanks before `=`, and where the text after `=` starts. What the regex
/// `^(\s*)([A-Za-z_][A-Za-z0-9_-]*)(\s*)=[^=>]` matches (a unit test compares both), by hand:
/// compiling that Unicode regex was a twentieth of a one-file run.
fn assignment(l: &str) -> Option<(&str, &str, usize, usize)> {
    let body = l.trim_start();
    let indent = &l[..l.len() - body.len()];
    let b = body.as_bytes();
    if !b
        .first()
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
    {
        return None;
    }
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        .count();
    let after = body[n..].trim_start();
    let value = after.strip_prefix('=')?;
    if value.is_empty() || value.starts_with(['=', '>']) {
        return None;
    }
    Some((
        indent,
        &body[..n],
        body.len() - after.len(),
        l.len() - value.len(),
    ))
}

/// Pad inserted `name = value` lines to the `=` column of the attribute lines right above them,
/// as `terraform fmt` aligns consecutive attributes.
fn align_with_above(before: &str, lines: &[String]) -> Vec<String> {
    let mut width = 0;
    let mut indent = None;
    for l in before.lines().rev() {
        let Some((ind, _, name_gap, _)) = assignment(l) else {
            break;
        };
        if indent.is_some_and(|i: &str| i != ind) {
            break;
        }
        indent = Some(ind);
        width = width.max(name_gap.saturating_sub(1));
    }
    let Some(indent) = indent else {
        return lines.to_vec();
    };
    // Inserted lines stay aligned among themselves too.
    for l in lines {
        if let Some((_, name, _, _)) = assignment(l).filter(|a| a.0 == indent) {
            width = width.max(name.len());
        }
    }
    lines
        .iter()
        .map(|l| match assignment(l) {
            Some((ind, name, _, value)) if ind == indent => {
                let rest = &l[value..];
                format!("{indent}{name:<width$} ={rest}")
            }
            _ => l.clone(),
        })
        .collect()
}

/// `name = value` lines, aligned on `=` like `terraform fmt` when every name fits.
fn assignment_lines(indent: &str, values: &[(String, String)]) -> Vec<String> {
    let w = values.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    values
        .iter()
        .map(|(k, v)| format!("{indent}{k:<w$} = {v}"))
        .collect()
}

fn attr<'b>(body: &'b Body, name: &str) -> Option<&'b hcl_edit::structure::Attribute> {
    body.iter()
        .filter_map(|s| s.as_attribute())
        .find(|a| a.key.as_str() == name)
}

// Each argument is one part of the fix.
#[allow(clippy::too_many_arguments)]
fn set_edits(
    sources: &SourceMap,
    syntax: Option<&Tree>,
    block: &Block,
    nested: Option<&str>,
    map: Option<&str>,
    values: &[(String, J)],
    defaults: &[(String, J)],
    at: Option<Loc>,
) -> Result<Vec<Edit>, NotOffered> {
    let file = sources.get(block.file);
    let Some((sx, b)) = parse_block(file, block.loc, syntax) else {
        return Err(None);
    };
    let Some((open, close)) = braces(&sx, &b) else {
        return Err(None);
    };
    let outer = indent_at(&file.text, sx.abs(b.span().ok_or(None)?).start).to_string();
    let step = inner_indent(&sx, &b.body, &outer);
    let rendered: Vec<(String, String)> = values
        .iter()
        .map(|(k, v)| (k.clone(), hcl_value(v)))
        .collect();
    let defaults: Vec<(String, String)> = defaults
        .iter()
        .map(|(k, v)| (k.clone(), hcl_value(v)))
        .collect();
    if let Some(m) = map {
        return map_edits(&sx, &b.body, block, m, &rendered, (open, close), &step);
    }
    let Some(n) = nested else {
        return set_in(
            sources,
            &sx,
            block,
            &b.body,
            &block.value,
            (open, close),
            &outer,
            &step,
            &rendered,
            &defaults,
        );
    };
    if b.body.iter().any(|s| {
        s.as_block().is_some_and(|d| {
            d.ident.as_str() == "dynamic" && d.labels.first().is_some_and(|l| l.as_str() == n)
        })
    }) {
        return Err(Some(tr!(
            "`{n}` is generated by a `dynamic` block; change its content by hand",
            n = n
        )));
    }
    let found: Vec<&hcl_edit::structure::Block> = b
        .body
        .iter()
        .filter_map(|s| s.as_block())
        .filter(|d| d.ident.as_str() == n)
        .collect();
    if found.is_empty() {
        // Add the whole block.
        let inner = format!("{step}  ");
        let mut lines = vec![format!("{step}{n} {{")];
        let all: Vec<(String, String)> = rendered.iter().chain(&defaults).cloned().collect();
        lines.extend(assignment_lines(&inner, &all));
        lines.push(format!("{step}}}"));
        return Ok(vec![insertion(&sx, open, close, &lines, &outer)]);
    }
    // Every block of that name (each `data_disks` of a launch template).
    let values = block.value.get(n).and_then(|l| l.as_list()).ok_or(None)?;
    if values.len() != found.len() {
        return Err(None);
    }
    // A rule judging each element: only the element the finding is on, when it is one of them.
    let on = |d: &hcl_edit::structure::Block| {
        at.zip(d.span()).is_some_and(|(l, r)| {
            let r = sx.abs(r);
            l.file == sx.file.id && l.start as usize >= r.start && l.end as usize <= r.end
        })
    };
    let only_one = found.iter().any(|d| on(d));
    let mut edits = Vec::new();
    for (d, v) in found.iter().zip(values) {
        if only_one && !on(d) {
            continue;
        }
        let (o, c) = braces(&sx, d).ok_or(None)?;
        let d_step = inner_indent(&sx, &d.body, &step);
        edits.extend(set_in(
            sources,
            &sx,
            block,
            &d.body,
            v,
            (o, c),
            &step,
            &d_step,
            &rendered,
            &defaults,
        )?);
    }
    Ok(edits)
}

/// Set attributes of one body (`value` is its evaluated object): literals replaced, missing
/// attributes inserted before the closing brace.
#[allow(clippy::too_many_arguments)]
fn set_in(
    sources: &SourceMap,
    sx: &Syntax,
    block: &Block,
    target: &Body,
    value: &Value,
    (open, close): (usize, usize),
    outer: &str,
    step: &str,
    rendered: &[(String, String)],
    defaults: &[(String, String)],
) -> Result<Vec<Edit>, NotOffered> {
    let mut edits = Vec::new();
    let mut missing: Vec<(String, String)> = Vec::new();
    for (k, v) in rendered {
        match attr(target, k) {
            Some(a) => {
                let current = value.get(k);
                edits.push(replace_attr_value(
                    sources, sx, block, k, &a.value, current, v,
                )?);
            }
            None => missing.push((k.clone(), v.clone())),
        }
    }
    missing.extend(
        defaults
            .iter()
            .filter(|(k, _)| attr(target, k).is_none())
            .cloned(),
    );
    if !missing.is_empty() {
        let lines = assignment_lines(step, &missing);
        edits.push(insertion(sx, open, close, &lines, outer));
    }
    Ok(edits)
}

/// Keys of a map attribute (`variable_map = { … }`): replaced in place when written as
/// literals, added before the closing brace otherwise; the attribute is added when missing.
fn map_edits(
    sx: &Syntax,
    body: &Body,
    block: &Block,
    m: &str,
    values: &[(String, String)],
    (open, close): (usize, usize),
    step: &str,
) -> Result<Vec<Edit>, NotOffered> {
    let Some(a) = attr(body, m) else {
        let inner = format!("{step}  ");
        let mut lines = vec![format!("{step}{m} = {{")];
        lines.extend(assignment_lines(&inner, values));
        lines.push(format!("{step}}}"));
        return Ok(vec![insertion(
            sx,
            open,
            close,
            &lines,
            step.get(2..).unwrap_or(""),
        )]);
    };
    let Expression::Object(o) = &a.value else {
        return Err(Some(tr!(
            "`{m}` of {address} is not written as an object literal; set the keys by hand",
            m = m,
            address = block.address
        )));
    };
    let mut edits = Vec::new();
    let mut missing = Vec::new();
    for (k, v) in values {
        let hit = o.iter().find(|(key, _)| match key {
            ObjectKey::Ident(i) => i.as_str() == k,
            ObjectKey::Expression(Expression::String(s)) => s.value() == k,
            _ => false,
        });
        match hit {
            Some((_, ov)) => {
                let e = ov.expr();
                if !is_literal(e) {
                    return Err(Some(tr!(
                        "`{k}` in `{m}` is computed by an expression; change it by hand",
                        k = k,
                        m = m
                    )));
                }
                let loc = sx.loc(e.span().ok_or(None)?);
                // Already what the fix writes: nothing to change (nor to collide with).
                if sx.file.slice(loc) != v {
                    edits.push(Edit {
                        loc,
                        text: v.clone(),
                    });
                }
            }
            None => missing.push((hcl_key(k), v.clone())),
        }
    }
    if !missing.is_empty() {
        let span = sx.abs(a.value.span().ok_or(None)?);
        let (mo, mc) = (span.start, span.end - 1);
        let outer = indent_at(&sx.file.text, sx.abs(a.span().ok_or(None)?).start).to_string();
        let inner = o
            .iter()
            .find_map(|(k, _)| k.span())
            .map(|r| indent_at(&sx.file.text, sx.abs(r).start).to_string())
            .filter(|i| i.len() > outer.len())
            .unwrap_or_else(|| format!("{outer}  "));
        let lines = assignment_lines(&inner, &missing);
        edits.push(insertion(sx, mo, mc, &lines, &outer));
    }
    Ok(edits)
}

/// A value written as a literal (scalars, and lists of them): replacing it changes nothing else.
fn is_literal(e: &Expression) -> bool {
    match e {
        Expression::String(_)
        | Expression::Number(_)
        | Expression::Bool(_)
        | Expression::Null(_) => true,
        Expression::Array(a) => a.iter().all(is_literal),
        _ => false,
    }
}

/// `var.NAME` or `local.NAME`, exactly.
fn simple_reference(e: &Expression) -> Option<(&str, &str)> {
    let Expression::Traversal(t) = e else {
        return None;
    };
    let Expression::Variable(root) = &t.expr else {
        return None;
    };
    let root = root.as_str();
    if !matches!(root, "var" | "local") || t.operators.len() != 1 {
        return None;
    }
    match t.operators[0].value() {
        TraversalOperator::GetAttr(n) => Some((root, n.as_str())),
        _ => None,
    }
}

/// The edit giving attribute `name` the value `new`: its literal replaced where it is, or the
/// literal a `var.x`/`local.x` takes its value from, when nothing else uses it.
fn replace_attr_value(
    sources: &SourceMap,
    sx: &Syntax,
    block: &Block,
    name: &str,
    expr: &Expression,
    current: Option<&Value>,
    new: &str,
) -> Result<Edit, NotOffered> {
    if is_literal(expr) {
        return Ok(Edit {
            loc: sx.loc(expr.span().ok_or(None)?),
            text: new.to_string(),
        });
    }
    let Some((root, var)) = simple_reference(expr) else {
        return Err(Some(tr!(
            "`{name}` is computed by an expression; change it by hand",
            name = name
        )));
    };
    let what = format!("{root}.{var}");
    let written = current.and_then(|v| v.loc);
    let Some(at) = written.filter(|l| {
        let f = sources.get(l.file);
        f.origin.is_none() && matches!(f.kind, FileKind::Hcl | FileKind::Tfvars)
    }) else {
        return Err(Some(tr!(
            "`{name}` takes its value from `{what}`, which is not written in a file acslint can edit",
            name = name,
            what = what
        )));
    };
    let f = sources.get(at.file);
    let lc = f.line_col(at.start as usize);
    let place = format!("{}:{}:{}", f.display, lc.line, lc.column);
    let literal = hcl_edit::parser::parse_expr(f.slice(at))
        .ok()
        .is_some_and(|e| is_literal(&e));
    if !literal || !defines(f, at, root, var) {
        return Err(Some(tr!(
            "`{name}` takes its value from `{what}` through other expressions; change it at {place}",
            name = name,
            what = what,
            place = place
        )));
    }
    let uses = count_uses(sources, block.file, root, var);
    if uses != 1 {
        return Err(Some(tr!(
            "`{what}` is used {uses} times in its module; change its value at {place} if that suits every use",
            what = what,
            uses = uses,
            place = place
        )));
    }
    Ok(Edit {
        loc: at,
        text: new.to_string(),
    })
}

/// Is the literal at `at` the definition of `var.NAME`/`local.NAME`: `NAME = …` (a local, a
/// tfvars entry, a module argument) or `default = …` inside `variable "NAME"`?
fn defines(f: &SourceFile, at: Loc, root: &str, name: &str) -> bool {
    let text = &f.text;
    let s = at.start as usize;
    let line = &text[text[..s].rfind('\n').map(|i| i + 1).unwrap_or(0)..s];
    let Some(key) = line.trim_end().strip_suffix('=') else {
        return false;
    };
    let key = key.trim().trim_matches('"');
    if key == name {
        return root == "local" || f.kind == FileKind::Tfvars || text[..s].contains("module");
    }
    if root == "var" && key == "default" {
        return last_variable(&text[..s]) == Some(name);
    }
    false
}

/// A `variable "NAME"` header (the name is the first group).
const VARIABLE_HEADER: &str = r#"(?m)^\s*variable\s+"?([A-Za-z_][A-Za-z0-9_-]*)"?"#;

/// The name in the last match of [`VARIABLE_HEADER`] in `text`, as the last of its
/// `captures_iter` gives it: the last match is found without captures (a module's
/// `variables.tf` has many), then its captures alone (a search from its start finds it again).
fn last_variable(text: &str) -> Option<&str> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(VARIABLE_HEADER).expect("valid regex"));
    let m = re.find_iter(text).last()?;
    Some(re.captures_at(text, m.start())?.get(1)?.as_str())
}

/// References to `root.name` in the `.tf` files of the module that holds `file`.
fn count_uses(sources: &SourceMap, file: FileId, root: &str, name: &str) -> usize {
    let dir = crate::source::normalize(sources.get(file).dir());
    let pat = format!("{root}.{name}");
    // Scanning every file of the run per fix (path comparisons) was a tenth of a corpus run:
    // the files of each directory are indexed once.
    sources
        .hcl_files_in(&dir)
        .iter()
        .map(|&id| count_word(&sources.get(id).text, &pat))
        .sum()
}

/// How many times `\b{pat}\b` (Unicode word boundaries) matches in `text`, leftmost first and
/// without overlaps, as the regex's `find_iter` counts them: a search for the literal, with no
/// regex compiled per fix.
fn count_word(text: &str, pat: &str) -> usize {
    let word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let (first, last) = (pat.chars().next(), pat.chars().next_back());
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find(pat) {
        let (s, e) = (from + i, from + i + pat.len());
        let bounded = word(text[..s].chars().next_back()) != word(first)
            && word(last) != word(text[e..].chars().next());
        from = match bounded {
            true => {
                n += 1;
                e
            }
            // An occurrence may start inside this one.
            false => s + first.map_or(1, char::len_utf8),
        };
    }
    n
}

/// What `--fix` (or `--diff`) does with a run's findings.
#[derive(Default, Debug)]
pub struct Plan {
    /// New text of each file to change.
    pub files: BTreeMap<FileId, String>,
    /// The edits that make it, sorted.
    pub edits: BTreeMap<FileId, Vec<Edit>>,
    /// For each finding whose fix is applied, the files its fix changes (a fix shared by several
    /// findings counts for each).
    pub fixed: Vec<Vec<FileId>>,
    /// Findings with a fix that waits: overlapping another, or unsafe without `--unsafe-fixes`.
    pub overlapping: usize,
    pub unsafe_skipped: usize,
    /// Files whose fixed text would not parse: left unchanged.
    pub refused: Vec<(FileId, String)>,
}

/// Does the text of a file of this kind parse?
pub fn parses(kind: FileKind, text: &str) -> Result<(), String> {
    match kind {
        FileKind::Hcl | FileKind::Tfvars => hcl_edit::parser::parse_body(text)
            .map(|_| ())
            .map_err(|e| e.message().to_string()),
        FileKind::Other => Ok(()),
        _ => crate::json::parse(
            text,
            crate::json::SpanMap::Exact {
                file: FileId(0),
                offset: 0,
            },
        )
        .map(|_| ())
        .map_err(|e| e.message),
    }
}

/// Apply sorted, non-overlapping edits to a text.
pub fn apply(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        let r = e.loc.range();
        out.push_str(&text[at..r.start]);
        out.push_str(&e.text);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.loc.file != b.loc.file {
        return false;
    }
    let (ar, br) = (a.loc.range(), b.loc.range());
    // Two insertions at one point, or an insertion at the edge of a replacement, conflict too:
    // their order would be a guess.
    let inside = ar.start < br.end && br.start < ar.end;
    let same_edge = ar.start == br.start || ar.end == br.end;
    let at_edge = (ar.is_empty() && ar.start == br.end) || (br.is_empty() && br.start == ar.end);
    inside || same_edge || at_edge
}

impl Plan {
    /// Findings fixed when the files for which `written` holds are written.
    pub fn fixed_in(&self, written: impl Fn(FileId) -> bool) -> usize {
        self.fixed
            .iter()
            .filter(|files| files.iter().all(|f| written(*f)))
            .count()
    }
}

/// Two insertions of whole lines at the same place that set different names: one can follow
/// the other.
fn joinable(a: &Edit, b: &Edit) -> bool {
    let names = |t: &str| -> BTreeSet<String> {
        t.lines()
            .filter_map(|l| {
                let w: String = l
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '"'))
                    .collect();
                (!w.is_empty()).then_some(w)
            })
            .collect()
    };
    a.loc == b.loc
        && a.loc.start == a.loc.end
        && a.text.ends_with('\n')
        && b.text.ends_with('\n')
        && names(&a.text).is_disjoint(&names(&b.text))
}

/// Choose the fixes to apply, like ruff: in order of position, each fix whose edits touch
/// nothing already chosen; the rest wait for the next pass. Fixes whose result would not parse
/// are dropped with their file.
pub fn plan(sources: &SourceMap, findings: &[crate::finding::Finding], unsafe_fixes: bool) -> Plan {
    let mut p = Plan::default();
    let mut candidates: Vec<&Autofix> = Vec::new();
    for f in findings {
        match &f.fix {
            Some(x) if x.safety == Safety::Safe || unsafe_fixes => candidates.push(x),
            Some(_) => p.unsafe_skipped += 1,
            None => {}
        }
    }
    // The edits that say what a fix does: the spaces that align its lines are recomputed for
    // all the fixes of a file together.
    let hard = |c: &Autofix| -> Vec<Edit> {
        c.edits
            .iter()
            .filter(|e| !spaces_only(&sources.get(e.loc.file).text, e))
            .cloned()
            .collect()
    };
    candidates.sort_by_cached_key(|c| hard(c));
    let mut refused: BTreeMap<FileId, String> = BTreeMap::new();
    loop {
        let mut chosen: Vec<&Autofix> = Vec::new();
        let mut edits_chosen: Vec<Edit> = Vec::new();
        let mut fixed = Vec::new();
        let mut waiting = 0;
        for c in &candidates {
            if c.edits.iter().any(|e| {
                refused.contains_key(&e.loc.file)
                    || sources.get(e.loc.file).text.get(e.loc.range()).is_none()
            }) {
                waiting += 1;
                continue;
            }
            let files = || {
                let mut v: Vec<FileId> = c.edits.iter().map(|e| e.loc.file).collect();
                v.dedup();
                v
            };
            if chosen.iter().any(|x| x.edits == c.edits) {
                fixed.push(files());
                continue;
            }
            // Lines inserted at the same place as another fix's lines join them (each
            // service of a log audit); anything else that overlaps waits for the next pass.
            let mine = hard(c);
            let mut joins = Vec::new();
            let mut clash = false;
            for (bi, b) in mine.iter().enumerate() {
                let hits: Vec<usize> = (0..edits_chosen.len())
                    .filter(|&i| overlaps(&edits_chosen[i], b))
                    .collect();
                match hits.as_slice() {
                    [] => {}
                    [i] if joinable(&edits_chosen[*i], b) => joins.push((*i, bi)),
                    _ => {
                        clash = true;
                        break;
                    }
                }
            }
            if clash {
                waiting += 1;
                continue;
            }
            for (bi, b) in mine.into_iter().enumerate() {
                match joins.iter().find(|(_, j)| *j == bi) {
                    Some((i, _)) => edits_chosen[*i].text.push_str(&b.text),
                    None => edits_chosen.push(b),
                }
            }
            chosen.push(c);
            fixed.push(files());
        }
        let mut by_file: BTreeMap<FileId, Vec<Edit>> = BTreeMap::new();
        for e in edits_chosen {
            by_file.entry(e.loc.file).or_default().push(e);
        }
        let mut files = BTreeMap::new();
        let mut bad = false;
        let mut all_edits = BTreeMap::new();
        for (id, edits) in by_file {
            let f = sources.get(id);
            let mut edits = if matches!(f.kind, FileKind::Hcl | FileKind::Tfvars) {
                aligned(&f.text, &edits)
            } else {
                edits
            };
            edits.sort();
            let refs: Vec<&Edit> = edits.iter().collect();
            let text = apply(&f.text, &refs);
            all_edits.insert(id, edits);
            if let Err(why) = parses(f.kind, &text) {
                refused.insert(id, why);
                bad = true;
            } else if text != *f.text {
                files.insert(id, text);
            }
        }
        if bad {
            continue;
        }
        p.files = files;
        p.edits = all_edits;
        p.fixed = fixed;
        p.overlapping = waiting;
        p.refused = refused.into_iter().collect();
        return p;
    }
}

/// The unified diff of a file's change, with its display path.
pub fn unified_diff(display: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{display}"), &format!("b/{display}"))
        .to_string()
}

/// Write the fixed files of a plan. `sources` holds the text as the run showed it (secrets
/// masked, same byte length); the edits are applied to the text on disk, which must be the
/// text the run read, and must not touch what was masked.
pub fn write(sources: &SourceMap, p: &Plan) -> Vec<(FileId, String)> {
    let mut errors = Vec::new();
    for (id, new_masked) in &p.files {
        let f = sources.get(*id);
        let res = (|| -> Result<(), String> {
            let disk = std::fs::read_to_string(&f.path).map_err(|e| e.to_string())?;
            if disk.len() != f.text.len() || crate::redact::redact(&disk) != *f.text {
                return Err("the file changed since it was read".into());
            }
            let new = if disk == *f.text {
                new_masked.clone()
            } else {
                let edits = p.edits.get(id).map(Vec::as_slice).unwrap_or_default();
                rebase_on_disk(&disk, &f.text, edits).ok_or("a fix would touch a masked secret")?
            };
            parses(f.kind, &new)?;
            crate::util::write_atomic(&f.path, new.as_bytes()).map_err(|e| e.to_string())
        })();
        if let Err(e) = res {
            errors.push((*id, e));
        }
    }
    errors
}

/// The edits applied to the text on disk, which differs from the text the run saw (`masked`)
/// only where a secret was masked: no edit may touch a masked byte.
fn rebase_on_disk(disk: &str, masked: &str, edits: &[Edit]) -> Option<String> {
    let mut refs = Vec::new();
    for e in edits {
        let r = e.loc.range();
        // Also the byte on each side of an insertion: text glued to a secret changes it.
        let around = r.start.saturating_sub(1)..(r.end + 1).min(disk.len());
        if disk.as_bytes().get(around.clone())? != masked.as_bytes().get(around)? {
            return None;
        }
        disk.get(r)?;
        refs.push(e);
    }
    Some(apply(disk, &refs))
}

// ---------------------------------------------------------------------------------------------
// Alignment like `terraform fmt` (hclwrite's `formatCells`): consecutive `key = value` lines
// align their `=` one space after the longest key, and consecutive lines with a trailing
// comment align the comment one space after the longest code. A line without `=` (a blank
// line, a comment line, `tags = {`, `}`) ends a run. Fixes realign the runs they touch, and
// only when the lines they did not touch were aligned that way before: a file that is not
// formatted like `terraform fmt` keeps its own layout.

/// One line as `terraform fmt` aligns it (byte offsets into the text).
#[derive(Clone, Debug, Default, PartialEq)]
struct FmtLine {
    start: usize,
    /// `key = …` with a value that ends on this line: the key's end and the `=`.
    assign: Option<(usize, usize)>,
    /// A trailing comment after code: the code's end and the comment's start.
    comment: Option<(usize, usize)>,
    /// Inside or next to what this reading does not follow (a heredoc, a block comment, an
    /// unterminated string): runs next to it are left alone.
    opaque: bool,
}

fn cols(text: &str, r: Range<usize>) -> usize {
    text.get(r).map_or(0, |s| s.chars().count())
}

/// Read the lines of an HCL text for alignment.
fn fmt_lines(text: &str) -> Vec<FmtLine> {
    fmt_lines_open(text).0
}

/// [`fmt_lines`], and whether a heredoc or a block comment is still open at the end.
fn fmt_lines_open(text: &str) -> (Vec<FmtLine>, bool) {
    let mut out = Vec::new();
    let mut open = Open::default();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        out.push(open.line(raw, start));
        start += raw.len();
    }
    (out, open.is_open())
}

/// [`fmt_lines`] of `old` and of `new`, which is `old` with edits whose old and new ranges are
/// `spans` (in order). A line is read from its text and what is open at its start: the lines of
/// `new` before the first edit's line are those of `old`, and from a line start after the last
/// edit where nothing is open in either text, they are `old`'s moved by the change in length.
/// Only the lines between are read again (most fixes add a line or two to a longer paragraph).
fn fmt_lines_both(
    old: &str,
    new: &str,
    spans: &[(Range<usize>, Range<usize>)],
) -> (Vec<FmtLine>, Vec<FmtLine>) {
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return (fmt_lines(old), fmt_lines(new));
    };
    let line0 = old[..first.0.start].rfind('\n').map_or(0, |i| i + 1);
    let mut old_ls = Vec::new();
    // Whether something is open at each old line's start, and what is open at `line0`.
    let mut old_open = Vec::new();
    let mut at_line0 = Open::default();
    let mut open = Open::default();
    let mut start = 0;
    for raw in old.split_inclusive('\n') {
        if start == line0 {
            at_line0 = open.clone();
        }
        old_open.push(open.is_open());
        old_ls.push(open.line(raw, start));
        start += raw.len();
    }
    let kept = old_ls.partition_point(|l| l.start < line0);
    let mut new_ls: Vec<FmtLine> = old_ls[..kept].to_vec();
    let delta = new.len() as isize - old.len() as isize;
    let mut open = at_line0;
    let mut start = line0;
    for raw in new[line0..].split_inclusive('\n') {
        if start >= last.1.end && !open.is_open() {
            let was = (start as isize - delta) as usize;
            if let Ok(i) = old_ls.binary_search_by_key(&was, |l| l.start) {
                if !old_open[i] {
                    let by = |p: usize| (p as isize + delta) as usize;
                    new_ls.extend(old_ls[i..].iter().map(|l| FmtLine {
                        start: by(l.start),
                        assign: l.assign.map(|(k, e)| (by(k), by(e))),
                        comment: l.comment.map(|(c, s)| (by(c), by(s))),
                        opaque: l.opaque,
                    }));
                    return (old_ls, new_ls);
                }
            }
        }
        new_ls.push(open.line(raw, start));
        start += raw.len();
    }
    (old_ls, new_ls)
}

/// What is open between lines as [`fmt_lines_open`] reads them: a heredoc (its marker) or a
/// block comment.
#[derive(Clone, Default)]
struct Open {
    heredoc: Option<String>,
    block_comment: bool,
}

impl Open {
    fn is_open(&self) -> bool {
        self.heredoc.is_some() || self.block_comment
    }

    /// Read one line (`raw`, with its line break, at byte `start`).
    fn line(&mut self, raw: &str, start: usize) -> FmtLine {
        let line = raw.trim_end_matches(['\n', '\r']);
        let mut l = FmtLine {
            start,
            ..FmtLine::default()
        };
        if let Some(m) = &self.heredoc {
            if line.trim() == m {
                self.heredoc = None;
            }
            l.opaque = true;
            return l;
        }
        if self.block_comment {
            self.block_comment = !line.contains("*/");
            l.opaque = true;
            return l;
        }
        read_line(line, &mut l, &mut self.heredoc, &mut self.block_comment);
        l
    }
}

/// `fmt_lines_open(&text[..at]).1` for `at` at the start of a line: whether a heredoc or a block
/// comment is open there. The fixes of one file ask it of the same text at many places: the
/// lines read so far are remembered (per thread, for the last text asked about), so the text is
/// read once from its start rather than once per fix. Asked of another text, what was read of
/// the start both texts share still holds (what is open at a line start is a function of the
/// text before it): reading goes on from the last line start there where nothing was open (the
/// language server asks of a document that changed in one place since the last run).
fn open_at(text: &str, at: usize) -> bool {
    struct Read {
        text: String,
        /// Each line start read, with whether something is open there.
        marks: Vec<(usize, bool)>,
        /// Where reading stopped (a line start) and what is open there.
        pos: usize,
        open: Open,
    }
    thread_local! {
        static LAST: std::cell::RefCell<Option<Read>> = const { std::cell::RefCell::new(None) };
    }
    if at > text.len() || (at > 0 && text.as_bytes()[at - 1] != b'\n') {
        return fmt_lines_open(&text[..at.min(text.len())]).1;
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let r = match &mut *last {
            Some(r) if r.text == text => r,
            Some(r) => {
                let same = crate::util::common_prefix(r.text.as_bytes(), text.as_bytes());
                if r.pos > same {
                    let shared = r.marks.partition_point(|m| m.0 <= same);
                    // Nothing open there: what `Open::default()` says.
                    let from = r.marks[..shared].iter().rposition(|m| !m.1).unwrap_or(0);
                    r.pos = r.marks.get(from).map_or(0, |m| m.0);
                    r.marks.truncate(from);
                    r.open = Open::default();
                }
                r.text.clear();
                r.text.push_str(text);
                r
            }
            None => last.insert(Read {
                text: text.to_string(),
                marks: Vec::new(),
                pos: 0,
                open: Open::default(),
            }),
        };
        while r.pos < at {
            r.marks.push((r.pos, r.open.is_open()));
            let raw = match text[r.pos..].find('\n') {
                Some(i) => &text[r.pos..r.pos + i + 1],
                None => &text[r.pos..],
            };
            r.open.line(raw, r.pos);
            r.pos += raw.len();
        }
        if r.pos == at {
            return r.open.is_open();
        }
        match r.marks.binary_search_by_key(&at, |m| m.0) {
            Ok(i) => r.marks[i].1,
            Err(_) => fmt_lines_open(&text[..at]).1,
        }
    })
}

fn read_line(line: &str, l: &mut FmtLine, heredoc: &mut Option<String>, block_comment: &mut bool) {
    #[derive(PartialEq)]
    enum Ctx {
        Str,
        Interp(usize),
    }
    let b = line.as_bytes();
    let mut stack: Vec<Ctx> = Vec::new();
    let mut brackets: i32 = 0;
    let mut eq: Option<usize> = None;
    let mut after_eq: i32 = 0;
    let mut code_end = line.len();
    let mut comment = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match stack.last() {
            Some(Ctx::Str) => {
                match c {
                    b'\\' => i += 1,
                    b'"' => {
                        stack.pop();
                    }
                    b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                        stack.push(Ctx::Interp(0));
                        i += 1;
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            Some(Ctx::Interp(d)) => {
                let d = *d;
                match c {
                    b'"' => stack.push(Ctx::Str),
                    b'{' => *stack.last_mut().expect("in an interpolation") = Ctx::Interp(d + 1),
                    b'}' if d == 0 => {
                        stack.pop();
                    }
                    b'}' => *stack.last_mut().expect("in an interpolation") = Ctx::Interp(d - 1),
                    _ => {}
                }
                i += 1;
                continue;
            }
            None => {}
        }
        match c {
            b'"' => stack.push(Ctx::Str),
            b'#' => {
                comment = Some(i);
                break;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                comment = Some(i);
                break;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                // A block comment: not followed here.
                l.opaque = true;
                *block_comment = !line[i + 2..].contains("*/");
                return;
            }
            b'<' if b.get(i + 1) == Some(&b'<') && eq.is_some() => {
                let rest = line[i + 2..].trim_start_matches('-');
                let marker: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !marker.is_empty() {
                    *heredoc = Some(marker);
                    l.opaque = true;
                    return;
                }
            }
            b'{' | b'[' | b'(' => {
                brackets += 1;
                if eq.is_some() {
                    after_eq += 1;
                }
            }
            b'}' | b']' | b')' => {
                brackets -= 1;
                if eq.is_some() {
                    after_eq -= 1;
                }
            }
            b'=' if eq.is_none()
                && brackets == 0
                && !matches!(b.get(i + 1), Some(b'=' | b'>'))
                && !matches!(
                    i.checked_sub(1).map(|p| b[p]),
                    Some(b'!' | b'<' | b'>' | b'=')
                ) =>
            {
                eq = Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    if !stack.is_empty() {
        l.opaque = true;
        return;
    }
    if let Some(cs) = comment {
        code_end = line[..cs].trim_end().len();
    }
    let start = l.start;
    if let Some(e) = eq.filter(|_| after_eq == 0) {
        let key = line[..e].trim_end();
        let name = key.trim_start();
        let ident = name
            .bytes()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
        let quoted = name.len() >= 2
            && name.starts_with('"')
            && name.ends_with('"')
            && !name[1..name.len() - 1].contains('"');
        if ident || quoted {
            l.assign = Some((start + key.len(), start + e));
        }
    }
    if let Some(cs) = comment {
        if code_end > 0 && !line[..code_end].trim().is_empty() {
            l.comment = Some((start + code_end, start + cs));
        }
    }
}

/// The whitespace each line of the runs holding `lines` should have before its `=` and before
/// its comment, as (range, spaces) for the lines where it differs. `clean(i, assign)` says
/// whether line `i` was aligned before (an inserted line always is); a run with a line that was
/// not is left alone.
fn realign(
    text: &str,
    ls: &[FmtLine],
    touched: &BTreeSet<usize>,
    clean: &dyn Fn(usize, bool) -> bool,
) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    // The `=` padding of every line after realignment (for the comment columns).
    let mut pad: BTreeMap<usize, usize> = BTreeMap::new();
    let mut moved: BTreeSet<usize> = BTreeSet::new();
    for run in runs(ls, |l| l.assign.is_some()) {
        if !run.clone().any(|i| touched.contains(&i)) {
            continue;
        }
        if !run.clone().all(|i| clean(i, true)) {
            continue;
        }
        let lead = |i: usize| cols(text, ls[i].start..ls[i].assign.map_or(0, |a| a.0));
        let max = run.clone().map(lead).max().unwrap_or(0);
        for i in run {
            let (k, e) = ls[i].assign.unwrap_or_default();
            let want = max - lead(i) + 1;
            pad.insert(i, want);
            if e - k != want || text.get(k..e).is_some_and(|w| w.bytes().any(|c| c != b' ')) {
                out.push((k..e, want));
                moved.insert(i);
            }
        }
    }
    for run in runs(ls, |l| l.comment.is_some()) {
        if !run
            .clone()
            .any(|i| touched.contains(&i) || moved.contains(&i))
        {
            continue;
        }
        if !run.clone().all(|i| clean(i, false)) {
            continue;
        }
        let code = |i: usize| {
            let (ce, _) = ls[i].comment.unwrap_or_default();
            match (ls[i].assign, pad.get(&i)) {
                (Some((k, e)), Some(p)) => cols(text, ls[i].start..k) + p + cols(text, e..ce),
                _ => cols(text, ls[i].start..ce),
            }
        };
        let max = run.clone().map(code).max().unwrap_or(0);
        for i in run {
            let (ce, cs) = ls[i].comment.unwrap_or_default();
            let want = max - code(i) + 1;
            if cs - ce != want
                || text
                    .get(ce..cs)
                    .is_some_and(|w| w.bytes().any(|c| c != b' '))
            {
                out.push((ce..cs, want));
            }
        }
    }
    out
}

/// Maximal runs of consecutive lines for which `is` holds; a run next to an opaque line is
/// not returned (`terraform fmt` may count that line in).
fn runs(ls: &[FmtLine], is: impl Fn(&FmtLine) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        if ls[i].opaque || !is(&ls[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < ls.len() && !ls[i].opaque && is(&ls[i]) {
            i += 1;
        }
        let opaque_before = s > 0 && ls[s - 1].opaque;
        let opaque_after = i < ls.len() && ls[i].opaque;
        if !opaque_before && !opaque_after {
            out.push(s..i);
        }
    }
    out
}

/// Per line of `ls`: is its `=` (`true`) or its comment (`false`) aligned like `terraform fmt`
/// would align it?
fn aligned_lines(text: &str, ls: &[FmtLine]) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let all: BTreeSet<usize> = (0..ls.len()).collect();
    let off = realign(text, ls, &all, &|_, _| true);
    let mut bad_assign = BTreeSet::new();
    let mut bad_comment = BTreeSet::new();
    let line_of = |p: usize| ls.partition_point(|l| l.start <= p).saturating_sub(1);
    for (r, _) in off {
        let i = line_of(r.start);
        if ls[i].assign.is_some_and(|(k, _)| k == r.start) {
            bad_assign.insert(i);
        } else {
            bad_comment.insert(i);
        }
    }
    // A run is aligned only as a whole.
    let spread = |bad: &BTreeSet<usize>, is: &dyn Fn(&FmtLine) -> bool| -> BTreeSet<usize> {
        runs(ls, is)
            .into_iter()
            .filter(|r| r.clone().any(|i| bad.contains(&i)))
            .flatten()
            .collect()
    };
    (
        spread(&bad_assign, &|l| l.assign.is_some()),
        spread(&bad_comment, &|l| l.comment.is_some()),
    )
}

/// The start of the last blank line (`\n` or `\r\n`) after a line break in `text`, 0 without
/// one: where `"\n\n"` or `"\n\r\n"` found last ends, less its last `\n`. Line breaks are
/// found by byte (searching for `"\n\r\n"` read the whole text back per fix).
fn blank_line_before(text: &str) -> usize {
    let b = text.as_bytes();
    let mut end = b.len();
    while let Some(j) = text[..end].rfind('\n') {
        if j >= 1 && b[j - 1] == b'\n' {
            return j;
        }
        if j >= 2 && b[j - 1] == b'\r' && b[j - 2] == b'\n' {
            return j - 1;
        }
        end = j;
    }
    0
}

/// The end of the first line break of `text[from..]` followed by a blank line (`\n` or
/// `\r\n`): where `"\n\n"` or `"\n\r\n"` found first starts, plus one; the text's length
/// without one.
fn blank_line_after(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut at = from;
    while let Some(i) = text[at..].find('\n') {
        let j = at + i;
        if b[j + 1..].starts_with(b"\n") || b[j + 1..].starts_with(b"\r\n") {
            return j + 1;
        }
        at = j + 1;
    }
    text.len()
}

/// [`aligned`] of the paragraphs around the edits (`text`). A process that lints the same texts
/// again and again (the language server) remembers the last runs' results: a change leaves most
/// paragraphs and the edits in them as they were, and the result is a function of the two.
fn aligned_paragraphs(text: &str, edits: Vec<Edit>) -> Vec<Edit> {
    type Key = (String, Vec<Edit>);
    thread_local! {
        static RECENT: std::cell::RefCell<crate::util::Recent<Key, Vec<Edit>>> =
            std::cell::RefCell::new(crate::util::Recent::new(512));
    }
    if !crate::util::repeated_runs() {
        return aligned(text, &edits);
    }
    let key = (text.to_string(), edits);
    RECENT.with(|r| {
        r.borrow_mut()
            .get_or(&key, Clone::clone, || aligned(text, &key.1))
    })
}

/// `edits` (of one HCL file) with the whitespace that keeps the lines they touch aligned like
/// `terraform fmt`: inserted lines padded like their neighbours, neighbours re-padded when a
/// longer name joins them, trailing comments moved when a value's length changes. Edits that
/// only change spaces are recomputed. Returns the edits unchanged when the file does not read
/// cleanly.
pub fn aligned(text: &str, edits: &[Edit]) -> Vec<Edit> {
    let mut hard: Vec<Edit> = edits
        .iter()
        .filter(|e| !spaces_only(text, e))
        .cloned()
        .collect();
    hard.sort();
    if hard.is_empty() {
        return edits.to_vec();
    }
    // A value replaced within its line moves nothing but the comments after it: without one,
    // there is nothing to realign (most fixes; this spares reading the file).
    let in_line = |e: &Edit| {
        let r = e.loc.range();
        let rest = &text[r.end..];
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        !text[r.clone()].contains('\n')
            && !e.text.contains('\n')
            && !rest.contains('#')
            && !rest.contains("//")
            && !rest.contains("/*")
    };
    if hard.iter().all(|e| !e.loc.range().is_empty() && in_line(e)) {
        return hard;
    }
    // Runs of aligned lines end at a blank line: only the paragraphs around the edits are read,
    // unless a heredoc or a block comment before them could hold a blank line.
    let first = hard.iter().map(|e| e.loc.start as usize).min().unwrap_or(0);
    let last = hard.iter().map(|e| e.loc.end as usize).max().unwrap_or(0);
    let line0 = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let blank_before = blank_line_before(&text[..line0]);
    // Reading the text before the blank line tells whether it is outside them (reading it
    // is cheaper than aligning the whole file from its start, once per fix).
    let ws = if (text[..blank_before].contains("<<") || text[..blank_before].contains("/*"))
        && open_at(text, blank_before)
    {
        0
    } else {
        blank_before
    };
    let we = blank_line_after(text, last);
    if ws > 0 || we < text.len() {
        let shift = |e: &Edit, by: isize| Edit {
            loc: Loc {
                file: e.loc.file,
                start: (e.loc.start as isize + by) as u32,
                end: (e.loc.end as isize + by) as u32,
            },
            text: e.text.clone(),
        };
        let inner: Vec<Edit> = hard.iter().map(|e| shift(e, -(ws as isize))).collect();
        return aligned_paragraphs(&text[ws..we], inner)
            .iter()
            .map(|e| shift(e, ws as isize))
            .collect();
    }
    let refs: Vec<&Edit> = hard.iter().collect();
    let new = apply(text, &refs);
    // Where each edit lands in the new text.
    let mut spans = Vec::new();
    let mut delta: isize = 0;
    for e in &hard {
        let r = e.loc.range();
        let ns = (r.start as isize + delta) as usize;
        spans.push((r.clone(), ns..ns + e.text.len()));
        delta += e.text.len() as isize - r.len() as isize;
    }
    let (old_ls, new_ls) = fmt_lines_both(text, &new, &spans);
    let line_of = |ls: &[FmtLine], p: usize| ls.partition_point(|l| l.start <= p).saturating_sub(1);
    let mut touched = BTreeSet::new();
    for (_, n) in &spans {
        let (a, z) = (
            line_of(&new_ls, n.start),
            line_of(&new_ls, n.end.saturating_sub(1).max(n.start)),
        );
        touched.extend(a..=z);
    }
    // The old line an untouched new line was.
    let old_pos = |p: usize| -> usize {
        let mut d: isize = 0;
        for (o, n) in &spans {
            if n.end <= p {
                d = n.end as isize - o.end as isize;
            }
        }
        (p as isize - d) as usize
    };
    let (bad_assign, bad_comment) = aligned_lines(text, &old_ls);
    let clean = |i: usize, assign: bool| {
        let at = new_ls[i].start;
        if spans.iter().any(|(_, s)| at >= s.start && at < s.end) {
            return true;
        }
        let o = line_of(&old_ls, old_pos(at));
        if assign {
            !bad_assign.contains(&o)
        } else {
            !bad_comment.contains(&o)
        }
    };
    let pads = realign(&new, &new_ls, &touched, &clean);
    if pads.is_empty() {
        return hard;
    }
    let mut extra: Vec<Edit> = Vec::new();
    // Pads inside an edit's new text change that text (from the end, so offsets hold).
    let mut inside: BTreeMap<usize, Vec<(Range<usize>, usize)>> = BTreeMap::new();
    for (r, n) in pads {
        if let Some(k) = spans
            .iter()
            .position(|(_, s)| r.start >= s.start && r.end <= s.end && !s.is_empty())
        {
            inside
                .entry(k)
                .or_default()
                .push((r.start - spans[k].1.start..r.end - spans[k].1.start, n));
        } else if spans
            .iter()
            .any(|(_, s)| r.start < s.end && s.start < r.end)
        {
            // Across an edit's edge: keep the edits as they are.
            return hard;
        } else {
            let s = old_pos(r.start);
            let file = hard[0].loc.file;
            extra.push(Edit {
                loc: Loc::new(file, s..s + r.len()),
                text: " ".repeat(n),
            });
        }
    }
    for (k, mut v) in inside {
        v.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (r, n) in v {
            hard[k].text.replace_range(r, &" ".repeat(n));
        }
    }
    hard.extend(extra);
    hard.sort();
    hard
}

/// An edit that only changes the spaces between tokens.
fn spaces_only(text: &str, e: &Edit) -> bool {
    let old = text.get(e.loc.range()).unwrap_or("x");
    !old.is_empty()
        && old.bytes().all(|c| c == b' ')
        && !e.text.is_empty()
        && e.text.bytes().all(|c| c == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The literal search counts what the regex it replaces counted: Unicode word boundaries,
    /// overlapping occurrences, names ending in `-`, non-ASCII neighbours.
    #[test]
    fn count_word_counts_what_the_regex_counts() {
        let texts = [
            "var.a var.ab xvar.a var.a_ var.a-b (var.a) évar.a var.aé var.a",
            "var.var.var var.var.var.var",
            "local.x-  local.x- local.x-y local.x-\n",
            "var.a\u{301} var.a var.a\u{203f}",
            "",
        ];
        for (root, name) in [
            ("var", "a"),
            ("var", "var"),
            ("local", "x-"),
            ("var", "a\u{301}"),
        ] {
            let re = regex::Regex::new(&format!(r"\b{root}\.{}\b", regex::escape(name))).unwrap();
            for t in texts {
                let pat = format!("{root}.{name}");
                assert_eq!(
                    count_word(t, &pat),
                    re.find_iter(t).count(),
                    "{pat} in {t:?}"
                );
            }
        }
    }

    /// The last `variable` header's name is the one of the last of all the captures, in every
    /// prefix of texts with many headers, headers whose `\s` crosses lines, and a name that is
    /// `variable` (the next header inside the match).
    #[test]
    fn last_variable_is_the_last_of_all_captures() {
        let re = regex::Regex::new(VARIABLE_HEADER).unwrap();
        let texts = [
            "variable \"a\" {\n  default = 1\n}\n\nvariable b {\n  default = 2\n}\n  variable \"c-d\" {}\n",
            "variable\nvariable x {}\nvariable\n\n  \"y\" {}\nvariables \"z\" {}\n",
            "# variable \"no\"\nxvariable \"no\"\n\u{a0}variable \"é\" {}\n\tvariable \"t\"",
            "",
        ];
        for t in texts {
            for (at, _) in t.char_indices().chain([(t.len(), ' ')]) {
                let p = &t[..at];
                let all = re
                    .captures_iter(p)
                    .last()
                    .map(|c| c.get(1).unwrap().as_str());
                assert_eq!(last_variable(p), all, "{p:?}");
            }
        }
    }

    #[test]
    fn blank_lines_are_found_as_the_string_searches_found_them() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "a\n\nb\r\n\r\nc\n\r\nd\n",
            "x = 1\r\n\r\ny = 2\n\n\nz\n",
            "\r\n\n\r\r\n\n",
        ];
        for t in texts {
            for end in 0..=t.len() {
                let before = ["\n\n", "\n\r\n"]
                    .iter()
                    .filter_map(|b| t[..end].rfind(b).map(|i| i + 1))
                    .max()
                    .unwrap_or(0);
                assert_eq!(blank_line_before(&t[..end]), before, "{t:?} to {end}");
                let after = ["\n\n", "\n\r\n"]
                    .iter()
                    .filter_map(|b| t[end..].find(b).map(|i| end + i + 1))
                    .min()
                    .unwrap_or(t.len());
                assert_eq!(blank_line_after(t, end), after, "{t:?} from {end}");
            }
        }
    }

    #[test]
    fn what_is_open_at_a_line_is_what_reading_up_to_it_says() {
        let texts = [
            "a = 1\n\nh = <<EOT\n\nx\nEOT\n\n/* c\n\n*/\nb = 2\n\nk = <<-X\n y\n\n",
            "r {\n  p = <<EOF\n{\n\n}\nEOF\n}\n\n/* one */ a = 1\n\n/*\n\n",
            "x = \"<<EOT\"\n\ny = \"/*\"\n\r\nz = 1",
            // Texts that share their start with the one before (edited in one place): inside
            // a heredoc, in a comment, after both, a heredoc opened by the edit and closed.
            "x = \"<<EOT\"\n\ny = \"/*\"\n\r\nz = 2\nh = <<A\n\nA\n",
            "x = \"<<EOT\"\n\ny = <<B\n\r\nz = 2\nB\nh = <<A\n\nA\n",
            "x = \"<<EOT\"\n\ny = <<B\n\r\nz = 2\nBB\nh = <<A\n\nA\n",
            "x = \"<<EOT\"\n/*\ny = <<B\n\r\nz = 2\nBB\n*/ h = <<A\n\nA\n",
            "x = \"<<EOT\"\n/*\ny = <<B\n\r\nz = 2\nBB\n*/ h = <<A\n\nA\n\n",
        ];
        // Asked in any order, of one text then another and back: the same answers.
        for round in 0..3 {
            for t in texts {
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(t.match_indices('\n').map(|(i, _)| i + 1))
                    .filter(|&i| i <= t.len())
                    .collect();
                let order: Vec<usize> = match round {
                    0 => starts.clone(),
                    1 => starts.iter().rev().copied().collect(),
                    // Part of the text read, then all of it, then from the start.
                    _ => [starts[starts.len() / 2], starts[starts.len() - 1]]
                        .into_iter()
                        .chain(starts.iter().copied())
                        .collect(),
                };
                for at in order {
                    assert_eq!(open_at(t, at), fmt_lines_open(&t[..at]).1, "{t:?} at {at}");
                }
            }
        }
    }

    #[test]
    fn lines_of_an_edited_text_are_those_read_from_its_start() {
        let pieces = [
            "a = 1\n",
            "  long_name = \"x\" # c\n",
            "b = {\n",
            "}\n",
            "h = <<EOT\n",
            "EOT\n",
            "/* c\n",
            "*/ x = 2\n",
            "\n",
            "s = \"${a}\" // d\n",
            "r \"t\" \"n\" {\n",
            "\r\n",
            "k = 3",
        ];
        let mut rng = 5u64;
        let mut next = |n: usize| {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (rng >> 33) as usize % n
        };
        for _ in 0..3000 {
            let old: String = (0..1 + next(12))
                .map(|_| pieces[next(pieces.len())])
                .collect();
            // One to three edits, in order, at line starts or inside lines.
            let mut cuts: Vec<usize> = (0..2 * (1 + next(3)))
                .map(|_| next(old.len() + 1))
                .filter(|&i| old.is_char_boundary(i))
                .collect();
            cuts.sort();
            let mut spans = Vec::new();
            let mut new = String::new();
            let mut at = 0;
            for w in cuts.chunks_exact(2) {
                new.push_str(&old[at..w[0]]);
                let s = new.len();
                new.push_str(pieces[next(pieces.len())]);
                if next(3) == 0 {
                    new.push_str("  z = 10");
                }
                spans.push((w[0]..w[1], s..new.len()));
                at = w[1];
            }
            new.push_str(&old[at..]);
            let (o, n) = fmt_lines_both(&old, &new, &spans);
            assert_eq!(o, fmt_lines(&old), "{old:?}");
            assert_eq!(n, fmt_lines(&new), "{old:?} -> {new:?}");
        }
    }

    #[test]
    fn hcl_values_are_escaped() {
        assert_eq!(hcl_value(&J::String("a\"${b}".into())), r#""a\"$${b}""#);
        assert_eq!(
            hcl_value(&serde_json::json!(["x", 1, true])),
            r#"["x", 1, true]"#
        );
        assert_eq!(hcl_key("a-b"), "a-b");
        assert_eq!(hcl_key("1x"), "\"1x\"");
    }

    #[test]
    fn whole_field_templates_keep_their_type() {
        let f = [("min", "14".to_string()), ("word", "All".to_string())];
        assert_eq!(render_value(&J::String("${min}".into()), &f), J::from(14));
        assert_eq!(
            render_value(&J::String("${word}".into()), &f),
            J::from("All")
        );
        assert_eq!(
            render_value(&J::String("n${min}".into()), &f),
            J::from("n14")
        );
    }

    #[test]
    fn masked_bytes_survive_a_rebase() {
        let disk = "a = \"SECRET\"\nb = 1\nc = 2\n";
        let masked = "a = \"******\"\nb = 1\nc = 2\n";
        let at = |s: u32, t: u32, x: &str| Edit {
            loc: Loc {
                file: FileId(0),
                start: s,
                end: t,
            },
            text: x.into(),
        };
        // Edits on both sides of a masked value keep it.
        let two = disk.find('2').unwrap() as u32;
        let edits = [at(0, 1, "z"), at(two, two + 1, "3")];
        assert_eq!(
            rebase_on_disk(disk, masked, &edits).as_deref(),
            Some("z = \"SECRET\"\nb = 1\nc = 3\n")
        );
        assert_eq!(rebase_on_disk(disk, masked, &[at(5, 11, "x")]), None);
        assert_eq!(rebase_on_disk(disk, masked, &[at(11, 11, "x")]), None);
    }

    /// `text` with `edit` applied, aligned.
    fn fixed(text: &str, at: usize, end: usize, with: &str) -> String {
        let e = Edit {
            loc: Loc::new(FileId(0), at..end),
            text: with.into(),
        };
        let edits = aligned(text, &[e]);
        apply(text, &edits.iter().collect::<Vec<_>>())
    }

    /// Remembered across runs, paragraphs aligned as aligning them gives: the same paragraph
    /// with other edits, and other paragraphs with the same edits, are not taken for each other.
    #[test]
    fn paragraphs_remembered_are_aligned_as_aligning_them_gives() {
        crate::util::expect_repeated_runs();
        let t = "r \"a\" \"b\" {\n  ab  = 1     # x\n  abc = \"two\" # y\n}\n";
        let u = "r \"a\" \"b\" {\n  a   = 1     # x\n  abc = \"two\" # y\n}\n";
        let at = t.rfind('}').unwrap();
        let edit = |at: usize, text: &str| Edit {
            loc: Loc::new(FileId(0), at..at),
            text: text.into(),
        };
        let cases = [
            (t, edit(at, "  abcdef = true\n")),
            (t, edit(at, "  abcdefgh = true\n")),
            (u, edit(at, "  abcdef = true\n")),
            (t, edit(at - 1, "  z = 1\n")),
        ];
        let mut got = Vec::new();
        for _ in 0..2 {
            for (text, e) in &cases {
                let kept = aligned_paragraphs(text, vec![e.clone()]);
                assert_eq!(
                    kept,
                    aligned(text, std::slice::from_ref(e)),
                    "{text:?} {e:?}"
                );
                got.push(kept);
            }
        }
        assert!(got[0] != got[1] && got[0] != got[2], "{got:?}");
    }

    #[test]
    fn fixes_keep_terraform_fmt_alignment() {
        // An inserted longer name re-pads the run it joins, and the comments after it.
        let t = "r \"a\" \"b\" {\n  ab  = 1     # x\n  abc = \"two\" # y\n}\n";
        let at = t.rfind('}').unwrap();
        assert_eq!(
            fixed(t, at, at, "  abcdef = true\n"),
            "r \"a\" \"b\" {\n  ab     = 1     # x\n  abc    = \"two\" # y\n  abcdef = true\n}\n"
        );
        // A value's new length moves the comments of its run.
        let v = t.find("\"two\"").unwrap();
        assert_eq!(
            fixed(t, v, v + 5, "\"three\""),
            "r \"a\" \"b\" {\n  ab  = 1       # x\n  abc = \"three\" # y\n}\n"
        );
        // A run that was not aligned, or next to a heredoc, keeps its spaces.
        let loose = "r {\n  a = 1\n  abc    = 2\n}\n";
        let at = loose.rfind('}').unwrap();
        assert_eq!(
            fixed(loose, at, at, "  ab = 3\n"),
            "r {\n  a = 1\n  abc    = 2\n  ab = 3\n}\n"
        );
        let heredoc = "r {\n  a = <<EOT\n  x = 1\nEOT\n  ab = 2\n}\n";
        let at = heredoc.rfind('}').unwrap();
        assert_eq!(
            fixed(heredoc, at, at, "  abcd = 3\n"),
            "r {\n  a = <<EOT\n  x = 1\nEOT\n  ab = 2\n  abcd = 3\n}\n"
        );
        // A heredoc closed before the paragraph's blank line: the paragraph alone is aligned.
        let closed = "h = <<EOT\nx\nEOT\n\nr {\n  a  = 1\n  ab = 2\n}\n";
        let at = closed.rfind('}').unwrap();
        assert_eq!(
            fixed(closed, at, at, "  abcd = 3\n"),
            "h = <<EOT\nx\nEOT\n\nr {\n  a    = 1\n  ab   = 2\n  abcd = 3\n}\n"
        );
        // A blank line inside a heredoc is no paragraph boundary: the lines after it are still
        // the heredoc's, and are left alone.
        let open = "r {\n  h = <<EOT\n\n  x = 1\nEOT\n  b = 1\n}\n";
        let at = open.rfind('}').unwrap();
        assert_eq!(
            fixed(open, at, at, "  bcd = 3\n"),
            "r {\n  h = <<EOT\n\n  x = 1\nEOT\n  b = 1\n  bcd = 3\n}\n"
        );
    }

    #[test]
    fn overlap_rules() {
        let e = |s: u32, t: u32| Edit {
            loc: Loc {
                file: FileId(0),
                start: s,
                end: t,
            },
            text: "x".into(),
        };
        assert!(overlaps(&e(0, 5), &e(3, 8)));
        assert!(!overlaps(&e(0, 5), &e(6, 8)));
        assert!(overlaps(&e(5, 5), &e(5, 5)));
        assert!(overlaps(&e(5, 5), &e(0, 5)));
        assert!(!overlaps(&e(5, 5), &e(7, 7)));
    }

    #[test]
    fn assignment_matches_what_the_regex_matches() {
        let re = regex::Regex::new(r"^(\s*)([A-Za-z_][A-Za-z0-9_-]*)(\s*)=[^=>]").unwrap();
        for l in [
            "  name = \"x\"",
            "name=1",
            "\tname_2-b   =   true",
            "  a == b",
            "  a => b",
            "  a =",
            "  a = ",
            "  1a = 2",
            "  -a = 2",
            "  a.b = 2",
            "\u{a0}\u{2003}a\u{3000}=\u{a0}1",
            "  é = 1",
            "  a = é",
            "  a b = 1",
            "",
            "   ",
            "  # a = 1",
        ] {
            let want = re.captures(l).map(|c| {
                let end = c.get(0).unwrap().end();
                let value = end - l[..end].chars().next_back().unwrap().len_utf8();
                (
                    c.get(1).unwrap().as_str(),
                    c.get(2).unwrap().as_str(),
                    c[2].len() + c[3].len(),
                    value,
                )
            });
            assert_eq!(assignment(l), want, "{l:?}");
        }
    }
}
