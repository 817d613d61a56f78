//! Findings: what the rule engine produces and every reporter consumes.

use crate::i18n::tr;
use crate::source::{FileId, Loc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "info" => Severity::Info,
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            _ => return None,
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A secondary label: another span that explains the finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub loc: Loc,
    pub text: String,
}

/// What a check reports before the engine attaches the rule's metadata. Checks name the rule and
/// supply the fields its message template interpolates; wording lives in the rule file.
#[derive(Clone, Debug, PartialEq)]
pub struct Emit {
    pub rule: &'static str,
    pub file: FileId,
    /// Primary span; `None` points at the start of the file.
    pub loc: Option<Loc>,
    /// Text under the primary span.
    pub label: Option<String>,
    /// Named values for the rule's `message`/`help` templates.
    pub fields: Vec<(&'static str, String)>,
    pub resource: Option<String>,
    pub pointer: Option<String>,
    /// Severity steps below the rule's (effective) severity: a weaker form of the finding, such
    /// as a default that depends on the provider version.
    pub lower: u8,
    /// The fix a check computed, or the engine from the rule's `fix` (boxed: most emits have
    /// none, and a large policy document holds 300k emits).
    pub fix: Option<Box<Autofix>>,
    /// The parts most emits do not have, boxed for the same reason: each emit of a large
    /// document is in memory twice (its statement's and the document's) before it becomes a
    /// finding, and these made every one 88 bytes larger. `None` until one is set.
    pub more: Option<Box<More>>,
}

/// The rarer parts of an [`Emit`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct More {
    pub secondary: Vec<Label>,
    /// Extra notes, e.g. the module call a finding came through.
    pub notes: Vec<String>,
    /// Which part of the rule this is (`port:22`, `symbols`), when one rule covers several
    /// peer checks: `equivalents` can name a facet, so a peer's skip silences only that part.
    pub facet: Option<String>,
    /// List fields (`each.value.keys`): a fix's `set` key that is exactly `${name}` of one
    /// sets every element.
    pub lists: Vec<(&'static str, Vec<String>)>,
}

impl Emit {
    pub fn new(rule: &'static str, file: FileId, loc: Option<Loc>) -> Emit {
        Emit {
            rule,
            file,
            loc,
            label: None,
            fields: Vec::new(),
            resource: None,
            pointer: None,
            lower: 0,
            fix: None,
            more: None,
        }
    }
    /// The rarer parts, made when the first is set.
    pub fn more(&mut self) -> &mut More {
        self.more.get_or_insert_default()
    }
    pub fn secondaries_mut(&mut self) -> &mut [Label] {
        self.more.as_mut().map_or(&mut [], |m| &mut m.secondary)
    }
    pub fn lists(&self) -> &[(&'static str, Vec<String>)] {
        self.more.as_ref().map_or(&[], |m| &m.lists)
    }
    /// A weaker form of the finding: `steps` severities lower, with its own message.
    pub fn weaker(mut self, steps: u8, message: impl Into<String>) -> Emit {
        self.weaken(steps, message.into());
        self
    }
    /// [`Emit::weaker`] in place.
    pub fn weaken(&mut self, steps: u8, message: String) {
        self.lower = steps;
        self.fields.push(("message", message));
    }
    pub fn facet(mut self, facet: impl Into<String>) -> Emit {
        self.more().facet = Some(facet.into());
        self
    }
    pub fn field(mut self, name: &'static str, value: impl Into<String>) -> Emit {
        self.fields.push((name, value.into()));
        self
    }
    /// A field only when there is a value.
    pub fn field_if(mut self, name: &'static str, value: Option<String>) -> Emit {
        if let Some(v) = value {
            self.fields.push((name, v));
        }
        self
    }
    pub fn label(mut self, text: impl Into<String>) -> Emit {
        self.label = Some(text.into());
        self
    }
    pub fn secondary(mut self, loc: Option<Loc>, text: impl Into<String>) -> Emit {
        self.add_secondary(loc, text.into());
        self
    }
    /// [`Emit::secondary`] in place.
    pub fn add_secondary(&mut self, loc: Option<Loc>, text: String) {
        if let Some(loc) = loc {
            self.more().secondary.push(Label { loc, text });
        }
    }
    pub fn resource(mut self, address: Option<String>) -> Emit {
        self.resource = address;
        self
    }
    pub fn pointer(mut self, pointer: impl Into<String>) -> Emit {
        self.pointer = Some(pointer.into());
        self
    }
    pub fn note(mut self, note: impl Into<String>) -> Emit {
        self.more().notes.push(note.into());
        self
    }
}

/// A finding with its rule's metadata resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: Arc<str>,
    pub name: Arc<str>,
    pub severity: Severity,
    pub message: String,
    /// Shared between findings whose help reads the same (most of one rule's: 250k of the 300k
    /// findings of a large policy document), each rendered once per run of equal texts.
    pub help: Option<Arc<str>>,
    /// The rule's published page, if any (`acslint explain CODE` otherwise).
    pub url: Option<Arc<str>>,
    pub file: FileId,
    pub loc: Option<Loc>,
    pub label: Option<String>,
    pub secondary: Vec<Label>,
    pub resource: Option<String>,
    pub pointer: Option<String>,
    pub notes: Vec<String>,
    /// The part of the rule this finding is about (see [`Emit::facet`]).
    pub facet: Option<String>,
    /// For a finding from a Terraform plan: what the plan does to it. Boxed, like the fix:
    /// most findings have neither, and each was ~130 bytes of a 424-byte finding.
    pub change: Option<Box<Change>>,
    /// What `--fix` can do about it (`autofix` in JSON).
    pub fix: Option<Box<Autofix>>,
}

#[cfg(test)]
impl Finding {
    /// A finding of `rule` on `file` with its other parts empty (no span, help, labels, notes,
    /// fix), for tests to fill in what they vary.
    pub(crate) fn bare(rule: &str, severity: Severity, file: FileId) -> Finding {
        Finding {
            rule: rule.into(),
            name: "n".into(),
            severity,
            message: String::new(),
            help: None,
            url: None,
            file,
            loc: None,
            label: None,
            secondary: Vec::new(),
            resource: None,
            pointer: None,
            notes: Vec::new(),
            facet: None,
            change: None,
            fix: None,
        }
    }
}

/// What a plan's resource change does (`terraform show -json`'s `change.actions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Create,
    Update,
    Replace,
    Delete,
    NoOp,
    Read,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Replace => "replace",
            Action::Delete => "delete",
            Action::NoOp => "no-op",
            Action::Read => "read",
        }
    }
    /// The plan creates, updates or replaces the resource (what `--changed-only` keeps).
    pub fn changes(self) -> bool {
        matches!(self, Action::Create | Action::Update | Action::Replace)
    }
}

/// Whether a plan introduces a finding, keeps one that is already there, or removes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    Introduced,
    Kept,
    Fixed,
    /// The plan records no previous state to compare with (provider settings, outputs).
    Undetermined,
}

/// A finding's relation to a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The action on the finding's resource; `None` for findings about the whole configuration.
    pub action: Option<Action>,
    pub effect: Effect,
    /// The attribute the finding is on, when the plan changes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// Its value before and after (short scalars only; `(sensitive)` when the plan marks it so).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl Change {
    /// `introduced by this plan (update): `acl` private → public-read-write`.
    pub fn describe(&self) -> String {
        let what = match self.effect {
            Effect::Introduced => tr!("introduced by this plan"),
            Effect::Kept => tr!("already present, kept by this plan"),
            Effect::Fixed => tr!("fixed by this plan"),
            Effect::Undetermined => tr!("in the planned configuration"),
        };
        let mut s = what.to_string();
        if let Some(a) = self.action {
            s.push_str(&format!(" ({})", a.as_str()));
        }
        if self.effect == Effect::Undetermined {
            s.push_str(tr!(
                ", not compared: the plan does not record the configuration applied before"
            ));
        }
        if let Some(attr) = &self.attribute {
            let unset = tr!("unset");
            match (&self.before, &self.after) {
                (Some(b), Some(a)) => s.push_str(&format!(": `{attr}` {b} → {a}")),
                (None, Some(a)) => s.push_str(&format!(": `{attr}` {unset} → {a}")),
                (Some(b), None) => s.push_str(&format!(": `{attr}` {b} → {unset}")),
                (None, None) => s.push_str(&tr!(": `{attr}` changed", attr = attr)),
            }
        }
        s
    }
}

// Fixes as findings carry them (computed and applied by `fix`).

/// Whether `--fix` applies a fix by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Changes only what the finding names, to the value its help names; can only narrow
    /// access or add protection, and cannot make a deployment fail.
    Safe,
    /// Anything else: applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes of `loc` (empty: insert at `loc.start`) with `text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub loc: Loc,
    pub text: String,
}

impl Edit {
    fn key(&self) -> (FileId, u32, u32, &str) {
        (self.loc.file, self.loc.start, self.loc.end, &self.text)
    }
}

impl PartialOrd for Edit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Edit {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// A fix offered for a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Autofix {
    pub safety: Safety,
    pub description: String,
    /// Sorted, non-overlapping; possibly in several files (a variable's default).
    pub edits: Vec<Edit>,
}

// What checks produce besides findings, and what filters set aside.

/// A value a rule could not decide on, kept for `--show-unknown`.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownNote {
    pub rule: String,
    pub file: FileId,
    pub loc: Option<Loc>,
    pub address: Option<String>,
    pub reason: String,
}

/// Where emits and undecided values go.
#[derive(Default)]
pub struct Sink {
    pub emits: Vec<Emit>,
    pub unknowns: Vec<UnknownNote>,
}

impl Sink {
    pub fn emit(&mut self, e: Emit) {
        self.emits.push(e);
    }
    pub fn unknown(&mut self, note: UnknownNote) {
        self.unknowns.push(note);
    }
}

/// A finding that a suppression or the baseline silenced, for `--show-suppressed` and JSON.
#[derive(Clone, Debug)]
pub struct Suppressed {
    pub finding: Finding,
    /// How it was suppressed: `acslint:ignore (line 4)`, `config per_path`, `baseline`.
    pub by: String,
    pub reason: Option<String>,
}

/// A baseline entry that no current finding matched any more.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Fixed {
    pub rule: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    pub fingerprint: String,
}

/// Where `s` first has `${`: each `$` found by a byte search, where `str::find("${")` set up a
/// substring searcher on each call (a policy document of 300k findings renders 600k templates).
fn find_open(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = b[from..].iter().position(|&c| c == b'$') {
        let at = from + i;
        if b.get(at + 1) == Some(&b'{') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Render a built-in check's message template: `${field}` is replaced by the field's value;
/// `$${` is a literal `${`. Unknown fields are left as written so a test can catch them.
pub fn render_template(template: &str, fields: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    render_template_into(&mut out, template, fields);
    out
}

/// [`render_template`] appended to `out`.
pub fn render_template_into(out: &mut String, template: &str, fields: &[(&'static str, String)]) {
    let mut rest = template;
    while let Some(i) = find_open(rest) {
        if rest[..i].ends_with('$') {
            out.push_str(&rest[..i - 1]);
            out.push_str("${");
            rest = &rest[i + 2..];
            continue;
        }
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find('}') {
            Some(j) => {
                let name = after[..j].trim();
                match fields.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[i..i + 3 + j]),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte search finds the first `${` where a substring search does, `$$`, `$` at the
    /// end and text around non-ASCII characters included.
    #[test]
    fn find_open_is_the_first_placeholder() {
        for s in [
            "",
            "$",
            "{",
            "${",
            "$${",
            "a$b${c}",
            "$$$",
            "x $ { ${y}",
            "é${x}",
            "ends with $",
            "${a}${b}",
            "$é{",
            "no placeholder",
        ] {
            assert_eq!(find_open(s), s.find("${"), "{s:?}");
        }
        let fields = [("a", "1".to_string())];
        assert_eq!(
            render_template("$${a} ${a} $ ${b}", &fields),
            "${a} 1 $ ${b}"
        );
    }
}
