//! A statement-level view of a policy document that keeps every span, plus the pieces of RAM
//! semantics the checks share: wildcard matching, ARN parsing, Deny cancellation.

use crate::finding::{Emit, Sink};
use crate::json::pointer_push;
use crate::source::Loc;
use crate::tf::{Document, UnknownNote};
use crate::util::HashMap;
use crate::value::{Entry, Kind, Value};
use std::sync::OnceLock;

/// Where findings about one document go, with the document's context attached.
pub struct Out<'a> {
    pub doc: &'a Document,
    pub sink: &'a mut Sink,
}

impl Out<'_> {
    /// The smallest known span: the value's own, else the document's.
    pub fn loc(&self, v: Option<Loc>) -> Option<Loc> {
        v.or(self.doc.loc)
    }
    pub fn emit(&mut self, code: &'static str, loc: Option<Loc>, pointer: &str) -> Emitter<'_> {
        let loc = self.loc(loc);
        let mut e = Emit::new(code, self.doc.file, loc).resource(self.doc.resource.clone());
        // Room for the most fields a policy check gives (RAM008: the action, the suggestion and
        // its fix's value, the problem or a weaker message) at once: growing from four to eight
        // made each 320 bytes instead of 160, 300k times over on a document of 300k actions.
        e.fields.reserve_exact(4);
        if !pointer.is_empty() {
            e = e.pointer(pointer);
        }
        Emitter {
            sink: self.sink,
            e: Some(e),
        }
    }
    pub fn unknown(&mut self, code: &str, loc: Option<Loc>, reason: impl Into<String>) {
        let loc = self.loc(loc);
        self.sink.unknown(UnknownNote {
            rule: code.to_string(),
            file: self.doc.file,
            loc,
            address: self.doc.resource.clone(),
            reason: reason.into(),
        });
    }
}

impl Out<'_> {
    /// `check` on each item (a document's statements) in order; from eight items on, in
    /// parallel, each into a sink of its own, their findings appended in the items' order.
    pub fn each<T: Sync>(&mut self, items: &[T], check: impl Fn(&mut Out, usize, &T) + Sync) {
        if items.len() < 8 {
            for (i, t) in items.iter().enumerate() {
                check(self, i, t);
            }
            return;
        }
        use rayon::prelude::*;
        let doc = self.doc;
        let sinks: Vec<Sink> = items
            .par_iter()
            .enumerate()
            .map(|(i, t)| {
                let mut sink = Sink::default();
                check(
                    &mut Out {
                        doc,
                        sink: &mut sink,
                    },
                    i,
                    t,
                );
                sink
            })
            .collect();
        let mut parts = Vec::with_capacity(sinks.len());
        for s in sinks {
            parts.push(s.emits);
            self.sink.unknowns.extend(s.unknowns);
        }
        crate::util::append_parallel(&mut self.sink.emits, parts);
    }
}

/// Builds an emit and pushes it to the sink when dropped, so call sites stay short.
pub struct Emitter<'s> {
    sink: &'s mut Sink,
    e: Option<Emit>,
}

impl Emitter<'_> {
    // Each step changes the emit where it is: an `Emit` is a few hundred bytes, and a document
    // of 300k actions made moving it in and out of each step a tenth of the run.
    fn with(mut self, f: impl FnOnce(&mut Emit)) -> Self {
        if let Some(e) = &mut self.e {
            f(e);
        }
        self
    }
    pub fn field(self, k: &'static str, v: impl Into<String>) -> Self {
        let v = v.into();
        self.with(|e| e.fields.push((k, v)))
    }
    pub fn field_if(self, k: &'static str, v: Option<String>) -> Self {
        self.with(|e| e.fields.extend(v.map(|v| (k, v))))
    }
    pub fn label(self, t: impl Into<String>) -> Self {
        let t = t.into();
        self.with(|e| e.label = Some(t))
    }
    pub fn secondary(self, loc: Option<Loc>, t: impl Into<String>) -> Self {
        let t = t.into();
        self.with(|e| e.add_secondary(loc, t))
    }
    /// See [`Emit::weaker`].
    pub fn weaker(self, steps: u8, message: impl Into<String>) -> Self {
        let m = message.into();
        self.with(|e| e.weaken(steps, m))
    }
}

impl Drop for Emitter<'_> {
    fn drop(&mut self) {
        if let Some(e) = self.e.take() {
            self.sink.emit(e);
        }
    }
}

/// A one-byte span at the start of a value: where "something is missing here" points, so the
/// label does not cover a whole statement.
pub fn head(v: &Value) -> Option<Loc> {
    v.loc.map(|l| Loc {
        file: l.file,
        start: l.start,
        end: (l.start + 1).min(l.end.max(l.start + 1)),
    })
}

/// One element of a string-or-list field.
#[derive(Clone, Copy)]
pub struct Item<'a> {
    pub value: &'a Value,
    /// Index in the list; `None` when the field is a single string.
    pub index: Option<usize>,
}

impl<'a> Item<'a> {
    pub fn text(&self) -> Option<&'a str> {
        self.value.as_str()
    }
    pub fn pointer(&self, field: &str) -> String {
        match self.index {
            Some(i) => pointer_push(field, &i.to_string()),
            None => field.to_string(),
        }
    }
}

/// A string-or-list field of a statement (`Action`, `Resource`, …).
#[derive(Clone, Copy)]
pub struct Field<'a> {
    pub entry: &'a Entry,
    /// JSON pointer of the field.
    pub pointer: &'a str,
}

impl<'a> Field<'a> {
    pub fn items(&self) -> Vec<Item<'a>> {
        match &self.entry.value.kind {
            Kind::List(l) => l
                .iter()
                .enumerate()
                .map(|(i, v)| Item {
                    value: v,
                    index: Some(i),
                })
                .collect(),
            _ => vec![Item {
                value: &self.entry.value,
                index: None,
            }],
        }
    }
    /// The string elements (non-strings and unknowns are skipped).
    pub fn strings(&self) -> Vec<(Item<'a>, &'a str)> {
        self.items()
            .into_iter()
            .filter_map(|i| i.text().map(|t| (i, t)))
            .collect()
    }
    pub fn has_unknown(&self) -> bool {
        self.entry.value.contains_unknown()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// A statement with its fields resolved (exact key names only: misspelt keys are the grammar
/// checks' business and are invisible here, as they are to RAM's evaluation).
pub struct Stmt<'a> {
    pub value: &'a Value,
    pub pointer: String,
    pub effect: Option<Effect>,
    pub effect_entry: Option<&'a Entry>,
    pub action: Option<&'a Entry>,
    pub not_action: Option<&'a Entry>,
    pub resource: Option<&'a Entry>,
    pub not_resource: Option<&'a Entry>,
    pub principal: Option<&'a Entry>,
    pub condition: Option<&'a Entry>,
    pub sid: Option<&'a Entry>,
    pub pointers: [String; 6],
    /// `Action` (else `NotAction`) prepared for matching, on first use.
    actions: OnceLock<ActionIndex>,
}

/// The strings of a statement's `Action` (or `NotAction`) prepared for matching many actions:
/// the checks ask each statement about hundreds of actions (the high-risk list, Deny
/// cancellation), and a scan of every element per question made a document of many statements
/// of many actions quadratic. Positions, not references, so that [`Stmt`] stays covariant.
struct ActionIndex {
    /// The string elements in order: their index in the list (`None` for a single string).
    items: Vec<Option<usize>>,
    /// Trimmed ASCII names without wildcards, by the hash of their lower-case form ([`name_hash`]),
    /// to the position of the first one. A hash, not the name: 300k names of a large document
    /// were as many allocations, freed one by one on one thread.
    exact: HashMap<u64, usize>,
    /// Two different names had one hash (the second is not in `exact`): questions are answered
    /// by a scan.
    collided: bool,
    /// Positions of the other items (wildcards, non-ASCII), in order.
    patterns: Vec<usize>,
    /// Whether the element holds an unknown value.
    unknown: bool,
}

const P_ACTION: usize = 0;
const P_NOT_ACTION: usize = 1;
const P_RESOURCE: usize = 2;
const P_NOT_RESOURCE: usize = 3;
const P_PRINCIPAL: usize = 4;
const P_CONDITION: usize = 5;

impl<'a> Stmt<'a> {
    pub fn new(value: &'a Value, pointer: String) -> Stmt<'a> {
        let effect_entry = value.entry("Effect");
        let effect = effect_entry.and_then(|e| match e.value.as_str() {
            Some("Allow") => Some(Effect::Allow),
            Some("Deny") => Some(Effect::Deny),
            _ => None,
        });
        let p = |k: &str| pointer_push(&pointer, k);
        Stmt {
            value,
            effect,
            effect_entry,
            action: value.entry("Action"),
            not_action: value.entry("NotAction"),
            resource: value.entry("Resource"),
            not_resource: value.entry("NotResource"),
            principal: value.entry("Principal"),
            condition: value.entry("Condition"),
            sid: value.entry("Sid"),
            pointers: [
                p("Action"),
                p("NotAction"),
                p("Resource"),
                p("NotResource"),
                p("Principal"),
                p("Condition"),
            ],
            pointer,
            actions: OnceLock::new(),
        }
    }
    /// The `Action` element, else `NotAction`.
    fn action_entry(&self) -> Option<&'a Entry> {
        self.action.or(self.not_action)
    }
    fn action_index(&self) -> &ActionIndex {
        self.actions.get_or_init(|| {
            let entry = self.action_entry();
            let items: Vec<Option<usize>> = match entry.map(|e| &e.value.kind) {
                None => Vec::new(),
                Some(Kind::List(l)) => (0..l.len())
                    .filter(|&i| l[i].as_str().is_some())
                    .map(Some)
                    .collect(),
                Some(Kind::String(_)) => vec![None],
                Some(_) => Vec::new(),
            };
            let mut exact = HashMap::default();
            let mut collided = false;
            let mut patterns = Vec::new();
            for (pos, &index) in items.iter().enumerate() {
                let t = self.action_item(index).1.trim();
                if t.is_ascii() && !t.contains(['*', '?']) {
                    let first = *exact.entry(name_hash(t)).or_insert(pos);
                    let same = || {
                        self.action_item(items[first])
                            .1
                            .trim()
                            .eq_ignore_ascii_case(t)
                    };
                    collided |= first != pos && !same();
                } else {
                    patterns.push(pos);
                }
            }
            ActionIndex {
                items,
                exact,
                collided,
                patterns,
                unknown: entry.is_some_and(|e| e.value.contains_unknown()),
            }
        })
    }
    /// The string element of `Action` (else `NotAction`) at `index` (`None`: the single string).
    fn action_item(&self, index: Option<usize>) -> (Item<'a>, &'a str) {
        let v = &self.action_entry().expect("an action element").value;
        let value = match (index, &v.kind) {
            (Some(i), Kind::List(l)) => &l[i],
            _ => v,
        };
        (Item { value, index }, value.as_str().unwrap_or_default())
    }
    /// The first string element of `Action` (else `NotAction`), in order, that matches
    /// `action` as [`action_matches`] says, among those `skip` does not rule out.
    pub fn first_action(
        &self,
        action: &str,
        skip: impl Fn(&str) -> bool,
    ) -> Option<(Item<'a>, &'a str)> {
        let ix = self.action_index();
        let at = |pos: usize| self.action_item(ix.items[pos]);
        let scan = || {
            (0..ix.items.len())
                .map(at)
                .find(|(_, p)| !skip(p) && action_matches(p, action))
        };
        if !action.is_ascii() || ix.collided {
            // Unicode case folding may map a non-ASCII character onto an ASCII one.
            return scan();
        }
        // The checks ask each statement about hundreds of actions. The name at the action's
        // hash is compared (the action may only share its hash).
        let exact = ix
            .exact
            .get(&name_hash(action))
            .copied()
            .filter(|&pos| at(pos).1.trim().eq_ignore_ascii_case(action));
        if exact.is_some_and(|pos| skip(at(pos).1)) {
            return scan();
        }
        let pattern = ix.patterns.iter().copied().find(|&pos| {
            let p = at(pos).1;
            !skip(p) && action_matches(p, action)
        });
        let first = match (exact, pattern) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(at(first))
    }
    pub fn action(&self) -> Option<Field<'_>> {
        self.action.map(|entry| Field {
            entry,
            pointer: &self.pointers[P_ACTION],
        })
    }
    pub fn not_action(&self) -> Option<Field<'_>> {
        self.not_action.map(|entry| Field {
            entry,
            pointer: &self.pointers[P_NOT_ACTION],
        })
    }
    pub fn resource(&self) -> Option<Field<'_>> {
        self.resource.map(|entry| Field {
            entry,
            pointer: &self.pointers[P_RESOURCE],
        })
    }
    pub fn not_resource(&self) -> Option<Field<'_>> {
        self.not_resource.map(|entry| Field {
            entry,
            pointer: &self.pointers[P_NOT_RESOURCE],
        })
    }
    pub fn principal_pointer(&self) -> &str {
        &self.pointers[P_PRINCIPAL]
    }
    pub fn condition_pointer(&self) -> &str {
        &self.pointers[P_CONDITION]
    }
    pub fn effect_loc(&self) -> Option<Loc> {
        self.effect_entry.and_then(|e| e.value.loc)
    }
    /// Whether the statement has a non-empty `Condition` (an unknown one counts: it may
    /// restrict the grant).
    pub fn has_condition(&self) -> bool {
        match self.condition.map(|c| &c.value.kind) {
            None | Some(Kind::Null) => false,
            Some(Kind::Object(o)) => !o.is_empty(),
            Some(_) => true,
        }
    }

    /// Does this statement's action element cover `action` (case-insensitive, with
    /// wildcards)? `NotAction` covers everything it does not list. Unknown elements never
    /// match.
    pub fn covers_action(&self, action: &str) -> bool {
        if self.action.is_some() {
            self.first_action(action, |_| false).is_some()
        } else if self.not_action.is_some() {
            !self.action_index().unknown && self.first_action(action, |_| false).is_none()
        } else {
            false
        }
    }
    /// Resource patterns (`*` when `Resource` is absent, as in trust policies).
    pub fn resource_patterns(&self) -> Vec<&'a str> {
        match self.resource {
            Some(e) => match &e.value.kind {
                Kind::String(s) => vec![s.as_str()],
                Kind::List(l) => l.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            },
            None if self.not_resource.is_none() => vec!["*"],
            None => Vec::new(),
        }
    }
    /// Does the resource element cover the resource pattern `r`?
    pub fn covers_resource(&self, r: &str) -> bool {
        if self.not_resource.is_some() {
            return false;
        }
        self.resource_patterns()
            .iter()
            .any(|p| *p == "*" || wildcard(p, r, false))
    }
}

/// The hash of an ASCII name's lower-case form (an action's index key), lower-cased on the
/// stack up to 64 bytes.
fn name_hash(name: &str) -> u64 {
    use std::hash::BuildHasher;
    let seed = foldhash::fast::FixedState::default();
    match lower_on_stack(name, &mut [0; 64]) {
        Some(lower) => seed.hash_one(lower),
        None => seed.hash_one(name.to_ascii_lowercase().as_bytes()),
    }
}

/// `s` lower-cased (ASCII) into `buf`, when it fits: the lookups a large document makes 300k
/// times allocate nothing.
fn lower_on_stack<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..s.len())?;
    lower.copy_from_slice(s.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Every statement of a document (a single statement object counts as one).
pub fn statements(doc: &Value) -> Vec<Stmt<'_>> {
    let Some(s) = doc.get("Statement") else {
        return Vec::new();
    };
    match &s.kind {
        Kind::List(l) => l
            .iter()
            .enumerate()
            .filter(|(_, v)| v.as_object().is_some())
            .map(|(i, v)| Stmt::new(v, format!("/Statement/{i}")))
            .collect(),
        Kind::Object(_) => vec![Stmt::new(s, "/Statement".to_string())],
        _ => Vec::new(),
    }
}

/// RAM wildcard matching: `*` is any run of characters, `?` exactly one.
pub fn wildcard(pattern: &str, text: &str, ignore_case: bool) -> bool {
    // Policies are ASCII in practice: match bytes without allocating; characters otherwise.
    if pattern.is_ascii() && text.is_ascii() {
        let eq = |a: u8, b: u8| {
            if ignore_case {
                a.eq_ignore_ascii_case(&b)
            } else {
                a == b
            }
        };
        return glob(pattern.as_bytes(), text.as_bytes(), b'*', b'?', eq);
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let eq = |a: char, b: char| {
        if ignore_case {
            a.to_lowercase().eq(b.to_lowercase())
        } else {
            a == b
        }
    };
    glob(&p, &t, '*', '?', eq)
}

/// Iterative matcher with a single backtrack point: linear in practice, no recursion.
fn glob<T: Copy + PartialEq>(p: &[T], t: &[T], any: T, one: T, eq: impl Fn(T, T) -> bool) -> bool {
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == one || (p[pi] != any && eq(p[pi], t[ti]))) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == any {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == any {
        pi += 1;
    }
    pi == p.len()
}

/// Actions compare case-insensitively.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    wildcard(pattern.trim(), action, true)
}

/// True for `*` and `*:*` (every action of every service).
pub fn is_all_actions(p: &str) -> bool {
    let p = trimmed(p);
    p == "*" || p == "*:*"
}

/// `p.trim()`, returning at once when `p` starts and ends with a visible ASCII character (nearly
/// every action): the checks ask about each pattern of a statement for hundreds of actions.
pub fn trimmed(p: &str) -> &str {
    match (p.as_bytes().first(), p.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => p,
        _ => p.trim(),
    }
}

/// An ARN `acs:<service>:<region>:<account>:<relative-id>`.
pub struct Arn<'a> {
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub relative: &'a str,
}

pub fn parse_arn(s: &str) -> Option<Arn<'_>> {
    let mut it = s.splitn(5, ':');
    if it.next()? != "acs" {
        return None;
    }
    Some(Arn {
        service: it.next()?,
        region: it.next()?,
        account: it.next()?,
        relative: it.next()?,
    })
}

/// A marker no literal resource contains, so only wildcards match a probe built from it.
const PROBE: &str = "\u{1}probe";

/// An action name no catalogue lists: only a wildcard covers `service:PROBE_ACTION`.
pub const PROBE_ACTION: &str = PROBE;

/// Does the resource pattern cover every resource of this type in some account (e.g. `*`,
/// `acs:ram:*:*:user/*`, `acs:ram::123:*`)?
pub fn broad_resource(pattern: &str, service: &str, rtype: &str) -> bool {
    if pattern.trim() == "*" {
        return true;
    }
    match parse_arn(pattern) {
        Some(a) => {
            wildcard(a.service, service, true)
                && wildcard(a.relative, &format!("{rtype}/{PROBE}"), false)
        }
        None => false,
    }
}

/// Condition keys of a statement as `(operator, key, value)` triples (lower-cased key).
pub fn condition_keys<'a>(s: &Stmt<'a>) -> Vec<(&'a str, String, &'a Value)> {
    let mut out = Vec::new();
    let Some(ops) = s.condition.and_then(|c| c.value.as_object()) else {
        return out;
    };
    for op in ops {
        if let Some(keys) = op.value.as_object() {
            for k in keys {
                out.push((op.key.as_str(), k.key.to_ascii_lowercase(), &k.value));
            }
        }
    }
    out
}

/// String values of a condition value (a string or a list).
pub fn condition_values(v: &Value) -> Vec<&str> {
    match &v.kind {
        Kind::String(s) => vec![s.as_str()],
        Kind::List(l) => l.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Is `action` on resource `r` denied by a Deny statement of the document without conditions?
pub fn denied(stmts: &[Stmt], action: &str, r: &str) -> bool {
    stmts.iter().any(|d| {
        d.effect == Some(Effect::Deny)
            && !d.has_condition()
            && d.covers_action(action)
            && d.covers_resource(r)
    })
}

/// Does a Deny statement restrict `action` to a source network (Deny … unless
/// `acs:SourceIp`/`acs:SourceVpc`)?
pub fn network_deny(stmts: &[Stmt], action: &str) -> bool {
    stmts.iter().any(|d| {
        d.effect == Some(Effect::Deny)
            && d.covers_action(action)
            && condition_keys(d)
                .iter()
                .any(|(_, k, _)| k == "acs:sourceip" || k == "acs:sourcevpc")
    })
}

/// Does the statement's own condition restrict the source network?
pub fn network_condition(s: &Stmt) -> bool {
    condition_keys(s)
        .iter()
        .any(|(_, k, _)| k == "acs:sourceip" || k == "acs:sourcevpc")
}

/// Levenshtein distance, bounded inputs only (keys and names).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate within a small edit distance (case-insensitive), if any.
pub fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let w = word.to_ascii_lowercase();
    let max = if w.len() <= 4 { 1 } else { 2 };
    let n = w.chars().count();
    let wmask = w.is_ascii().then(|| char_mask(w.as_bytes()));
    candidates
        .into_iter()
        .filter_map(|c| {
            let d = match (wmask, c.is_ascii()) {
                (Some(wm), true) => {
                    // Lengths further apart than `max` cannot be close (catalogues are large).
                    if c.len().abs_diff(n) > max {
                        return None;
                    }
                    // Each character of one that the other lacks takes an edit: most
                    // candidates are ruled out without the table.
                    let cm = char_mask(c.as_bytes());
                    if (wm & !cm).count_ones().max((cm & !wm).count_ones()) as usize > max {
                        return None;
                    }
                    // A policy naming 300k unknown actions asks this once per action, against
                    // every action of the service: no allocation, and stop once out of reach.
                    distance_within(w.as_bytes(), c.as_bytes(), max)?
                }
                _ => {
                    if c.chars().count().abs_diff(n) > max {
                        return None;
                    }
                    edit_distance(&w, &c.to_ascii_lowercase())
                }
            };
            (d <= max).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A list of candidates prepared for [`suggest_in`]: by length, each with its character mask,
/// so that a word is compared only with the candidates of a length within reach.
pub struct Candidates {
    list: Vec<&'static str>,
    /// `by_len[n]`: (mask, index in `list`) of the candidates of `n` bytes, in list order;
    /// empty when a candidate is not ASCII (then [`suggest`] does the work).
    by_len: Vec<Vec<(u64, u32)>>,
}

impl Candidates {
    pub fn new(list: &[&'static str]) -> Candidates {
        let mut by_len: Vec<Vec<(u64, u32)>> = Vec::new();
        if list.iter().all(|c| c.is_ascii()) {
            for (i, c) in list.iter().enumerate() {
                if by_len.len() <= c.len() {
                    by_len.resize_with(c.len() + 1, Vec::new);
                }
                by_len[c.len()].push((char_mask(c.as_bytes()), i as u32));
            }
        }
        Candidates {
            list: list.to_vec(),
            by_len,
        }
    }
}

/// [`suggest`] over prepared candidates: the same answer (the first closest in list order).
pub fn suggest_in(word: &str, c: &Candidates) -> Option<&'static str> {
    if c.by_len.is_empty() || !word.is_ascii() {
        return suggest(word, c.list.iter().copied());
    }
    // [`distance_within`] finds nothing longer than 64 bytes, so a longer word has no answer.
    let mut buf = [0; 64];
    let w = lower_on_stack(word, &mut buf)?;
    let max = if w.len() <= 4 { 1 } else { 2 };
    let wm = char_mask(w);
    let mut best: Option<(usize, u32)> = None;
    for len in w.len().saturating_sub(max)..=w.len() + max {
        for &(cm, i) in c.by_len.get(len).map_or(&[][..], Vec::as_slice) {
            if more_bits_than(wm & !cm, max) || more_bits_than(cm & !wm, max) {
                continue;
            }
            let Some(d) = distance_within(w, c.list[i as usize].as_bytes(), max) else {
                continue;
            };
            if d <= max && best.is_none_or(|b| (d, i) < b) {
                best = Some((d, i));
            }
        }
    }
    best.map(|(_, i)| c.list[i as usize])
}

/// The set of (lower-cased) bytes of an ASCII string, folded into 64 bits: a byte missing from
/// the set is missing from the string (folding only makes the set larger).
fn char_mask(s: &[u8]) -> u64 {
    s.iter()
        .fold(0, |m, b| m | 1 << (b.to_ascii_lowercase() & 63))
}

/// Whether `x` has more than `max` bits set: `max` lowest bits cleared, one at a time. The
/// baseline x86-64 has no `popcnt`, and `count_ones` made of shifts and masks was most of
/// [`suggest_in`] (a policy document of 300k unknown actions asks it 300k times).
fn more_bits_than(mut x: u64, max: usize) -> bool {
    for _ in 0..max {
        x &= x.wrapping_sub(1);
    }
    x != 0
}

/// [`edit_distance`] of two ASCII strings, ASCII case ignored, when it is at most `max`.
fn distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len() > 64 || b.len() > 64 || a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let mut prev = [0usize; 65];
    let mut cur = [0usize; 65];
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(!a[i - 1].eq_ignore_ascii_case(&b[j - 1]));
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        // A row's minimum never decreases from one row to the next.
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[n] <= max).then_some(prev[n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_is_trim() {
        for p in [
            "*",
            " *\t",
            "ecs:*\u{b}",
            "\u{85}ram:*",
            "oss:*\u{3000}",
            "",
            " ",
            "é*",
            "a",
        ] {
            assert_eq!(trimmed(p), p.trim(), "{p:?}");
        }
    }

    #[test]
    fn more_bits_than_counts_as_count_ones() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..2000u64 {
            // Sparse and dense words: a product of pseudo-random words, and single bits.
            x = x.rotate_left(7) ^ x.wrapping_mul(0x2545_f491_4f6c_dd1d);
            for v in [x, x & x >> 3 & x >> 9, 1 << (i % 64), 0, u64::MAX] {
                for max in 0..4 {
                    assert_eq!(
                        more_bits_than(v, max),
                        v.count_ones() as usize > max,
                        "{v:x}"
                    );
                }
            }
        }
    }

    #[test]
    fn wildcards() {
        for (a, b) in [
            ("describeinstances", "DescribeInstance"),
            ("describeinstances", "DescrbeInstnces"),
            ("runinstances", "RunInstance"),
            ("abc", "xyz"),
            ("", "ab"),
            ("kitten", "sitting"),
        ] {
            let full = edit_distance(a, &b.to_ascii_lowercase());
            for max in 0..4 {
                assert_eq!(
                    distance_within(a.as_bytes(), b.as_bytes(), max),
                    (full <= max).then_some(full),
                    "{a} {b} {max}"
                );
            }
        }
        assert!(wildcard("ecs:Describe*", "ecs:DescribeInstances", false));
        assert!(!wildcard("ecs:Describe*", "ecs:RunInstances", false));
        assert!(wildcard("ecs:?unInstances", "ecs:RunInstances", false));
        assert!(!wildcard("ecs:?Instances", "ecs:RunInstances", false));
        assert!(wildcard("*", "", false));
        assert!(wildcard("a*b*c", "aXXbYYc", false));
        assert!(!wildcard("a*b*c", "aXXbYY", false));
        assert!(action_matches("ECS:describe*", "ecs:DescribeInstances"));
        assert!(!wildcard("ECS:describe*", "ecs:DescribeInstances", false));
    }

    /// The prepared lookup gives the first matching element, as a scan of every element does.
    #[test]
    fn prepared_actions_match_a_scan() {
        use crate::json::{parse, SpanMap};
        use crate::source::FileId;
        let span = SpanMap::Exact {
            file: FileId(0),
            offset: 0,
        };
        let docs = [
            r#"{"Action": ["ecs:Describe*", " ECS:DescribeInstances ", "ecs:describeinstances", "oss:Get?bject", "*", "ram:*", "ecs:Ru\u212an"], "Resource": "*"}"#,
            r#"{"Action": "ecs:RunInstances"}"#,
            r#"{"NotAction": ["ecs:*", 3, "Oss:GetObject"]}"#,
            r#"{"Action": []}"#,
            // More than eight exact names (hashed), among them names of 64 bytes (lower-cased
            // on the stack) and of 65 (lower-cased in a copy).
            r#"{"Action": ["ecs:a", "ecs:b", "ecs:c", "ecs:d", "ecs:e", "ecs:f", "ecs:g", "ecs:h", "Oss:GetObject", "ecs:describeinstancesdescribeinstancesdescribeinstancesdescribex", "ECS:RunInstances", "ecs:runinstances"]}"#,
            r#"{"Action": ["ecs:a", "ecs:b", "ecs:c", "ecs:d", "ecs:e", "ecs:f", "ecs:g", "ecs:h", "ecs:describeinstancesdescribeinstancesdescribeinstancesdescribexy", "ram:*"]}"#,
            r#"{"Action": ["ecs:a", "ecs:describeinstancesdescribeinstancesdescribeinstancesdescribexy"]}"#,
        ];
        let actions = [
            "ecs:DescribeInstancesDescribeInstancesDescribeInstancesDescribeX",
            "ecs:DescribeInstancesDescribeInstancesDescribeInstancesDescribeXY",
            "ecs:DescribeInstances",
            "ECS:DESCRIBEINSTANCES",
            "ecs:RunInstances",
            "ecs:Run\u{212a}",
            "ecs:Runk",
            "oss:GetObject",
            "oss:GetXbject",
            "ram:CreateUser",
            "kms:Decrypt",
            "",
        ];
        let skips: [fn(&str) -> bool; 3] = [
            |_| false,
            |p| is_all_actions(p),
            |p| p.trim().eq_ignore_ascii_case("ecs:describeinstances"),
        ];
        for d in docs {
            let v = parse(d, span.clone()).unwrap();
            let mut s = Stmt::new(&v, String::new());
            s.action_index();
            // The same answers where two names shared a hash (answered by the scan).
            let mut collided = Stmt::new(&v, String::new());
            collided.action_index();
            collided.actions.get_mut().unwrap().collided = true;
            for s in [&mut s, &mut collided] {
                let scan: Vec<(Option<usize>, &str)> = match s.action.or(s.not_action) {
                    Some(e) => match &e.value.kind {
                        Kind::List(l) => l
                            .iter()
                            .enumerate()
                            .filter_map(|(i, x)| Some((Some(i), x.as_str()?)))
                            .collect(),
                        _ => vec![(None, e.value.as_str().unwrap())],
                    },
                    None => Vec::new(),
                };
                for a in actions {
                    for skip in skips {
                        let want = scan
                            .iter()
                            .find(|(_, p)| !skip(p) && action_matches(p, a))
                            .map(|(i, p)| (*i, *p));
                        let got = s.first_action(a, skip).map(|(i, p)| (i.index, p));
                        assert_eq!(got, want, "{d} {a}");
                    }
                    let any = scan.iter().any(|(_, p)| action_matches(p, a));
                    let covers = if s.action.is_some() {
                        any
                    } else {
                        !s.not_action.unwrap().value.contains_unknown() && !any
                    };
                    assert_eq!(s.covers_action(a), covers, "{d} {a}");
                }
            }
        }
    }

    #[test]
    fn broad_resources() {
        assert!(broad_resource("*", "ram", "user"));
        assert!(broad_resource("acs:ram:*:*:user/*", "ram", "user"));
        assert!(broad_resource("acs:ram::123:*", "ram", "role"));
        assert!(!broad_resource("acs:ram::123:user/alice", "ram", "user"));
        assert!(!broad_resource("acs:ram::123:user/*", "ram", "role"));
        assert!(!broad_resource("acs:ecs:*:*:*", "ram", "role"));
    }

    /// The character filter never rules out a candidate the full table accepts.
    #[test]
    fn suggestions_match_the_full_table() {
        let cands = [
            "DescribeInstances",
            "DescribeInstance",
            "DescribeImages",
            "RunInstances",
            "DeleteInstance",
            "ModifyInstanceAttribute",
            "GetObject",
            "PutObject",
            "ListObjects",
            "DescribeThing00012",
        ];
        for w in [
            "DescribeInstnces",
            "describeinstance",
            "RunInstance",
            "DeleteInstances",
            "GetObjects",
            "putobjec",
            "DescribeThing000123",
            "Nothing",
            "",
        ] {
            let lw = w.to_ascii_lowercase();
            let max = if lw.len() <= 4 { 1 } else { 2 };
            let want = cands
                .iter()
                .map(|c| (edit_distance(&lw, &c.to_ascii_lowercase()), *c))
                .filter(|(d, _)| *d <= max)
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c);
            assert_eq!(suggest(w, cands.iter().copied()), want, "{w}");
        }
    }

    /// Prepared candidates give the answer of the plain scan, ties (first in list order)
    /// included, on every catalogued service.
    #[test]
    fn prepared_suggestions_match_the_scan() {
        let cat = crate::policy::catalogue::get();
        let words = [
            "DescribeInstnces",
            "describeinstance",
            "GetObjects",
            "putobjec",
            "ListUser",
            "CreateRole",
            "DescribeThing000123",
            "Get",
            "",
            "Descr\u{e9}beInstances",
            // Longer than the stack's 64 bytes.
            "DescribeInstancesDescribeInstancesDescribeInstancesDescribeInstance",
        ];
        let mut services: Vec<&str> = cat.services().collect();
        services.sort_unstable();
        let mut checked = 0;
        for svc in services {
            let Some(list) = cat.actions(svc) else {
                continue;
            };
            let prepared = Candidates::new(list);
            // Each action with one letter dropped and one doubled: near misses, many ties.
            let near = list.iter().take(40).flat_map(|a| {
                let mut v = vec![a.to_string(), a.to_ascii_lowercase()];
                if a.len() > 3 {
                    v.push(format!("{}{}", &a[..2], &a[3..]));
                    v.push(format!("{}{}", a, &a[a.len() - 1..]));
                }
                v
            });
            for w in words.iter().map(|w| w.to_string()).chain(near) {
                assert_eq!(
                    suggest_in(&w, &prepared),
                    suggest(&w, list.iter().copied()),
                    "{svc}: {w}"
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
        let odd = Candidates::new(&["Caf\u{e9}", "Cafe", "Cafes"]);
        for w in ["cafe", "Caf\u{e9}s", "Cafes", "x"] {
            assert_eq!(
                suggest_in(w, &odd),
                suggest(w, ["Caf\u{e9}", "Cafe", "Cafes"]),
                "{w}"
            );
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("Actions", ["Action", "Resource"]), Some("Action"));
        assert_eq!(
            suggest("Conditon", ["Condition", "Action"]),
            Some("Condition")
        );
        assert_eq!(suggest("Foo", ["Condition", "Action"]), None);
    }
}
