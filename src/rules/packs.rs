//! Rule packs: named sets of rules, declared as data in `rulesets/packs/*.hcl` (built in) or in
//! `define_pack "name" { … }` blocks of `.acslint.hcl`. A pack is selected like a code
//! (`--select mlps-level-3`, `pack = ["cis"]`); its rules are the union of what it names:
//! selectors (codes, prefixes, names, other packs), a reference key, tags, the default set, and
//! InfraGuard packs (every rule whose `equivalents` names one of their rules).

use super::{Registry, Rule};
use crate::finding::Severity;
use serde_json::Value as J;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// One item of a benchmark pack (the CIS pack lists all 85).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// `static`, `partial` or `runtime`.
    pub check: String,
    /// Why code cannot (fully) decide it.
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pack {
    pub name: String,
    pub title: String,
    pub description: String,
    pub select: Vec<String>,
    pub reference: Option<String>,
    pub tags: Vec<String>,
    pub default: bool,
    /// With `default`: only the default rules at this severity or above.
    pub min_severity: Option<Severity>,
    pub infraguard: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub items: Vec<Item>,
    /// Where it was declared (`rulesets/packs/…` or a configuration file).
    pub source: String,
}

/// Members a pack may have (shared with the configuration schema).
pub const MEMBERS: &[&str] = &[
    "title",
    "description",
    "select",
    "reference",
    "tags",
    "default",
    "min_severity",
    "infraguard",
    "severity",
    "item",
];

fn strings(j: Option<&J>) -> Vec<String> {
    match j {
        Some(J::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(J::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

impl Pack {
    /// A pack from its JSON view (`name` plus the members above), its InfraGuard pack names
    /// unchecked.
    fn read(name: &str, j: &J, source: &str) -> Result<Pack, String> {
        let obj = j
            .as_object()
            .ok_or_else(|| format!("pack `{name}` is not a block"))?;
        if let Some(k) = obj
            .keys()
            .find(|k| *k != "name" && !MEMBERS.contains(&k.as_str()))
        {
            return Err(format!(
                "pack `{name}`: unknown member `{k}` (one of {})",
                MEMBERS.join(", ")
            ));
        }
        let s = |k: &str| obj.get(k).and_then(J::as_str).unwrap_or_default().trim();
        let mut severity = BTreeMap::new();
        for (code, v) in obj
            .get("severity")
            .and_then(J::as_object)
            .into_iter()
            .flatten()
        {
            let sev = v.as_str().and_then(Severity::parse).ok_or_else(|| {
                format!(
                    "pack `{name}`: severity of {code} must be critical, high, medium, low or info"
                )
            })?;
            severity.insert(code.clone(), sev);
        }
        let items = obj
            .get("item")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
            .map(|i| Item {
                id: i["name"].as_str().unwrap_or_default().to_string(),
                title: i["title"].as_str().unwrap_or_default().to_string(),
                check: i["check"].as_str().unwrap_or("static").to_string(),
                reason: i["reason"].as_str().unwrap_or_default().to_string(),
            })
            .collect();
        let min_severity = match obj.get("min_severity") {
            None => None,
            Some(v) => Some(v.as_str().and_then(Severity::parse).ok_or_else(|| {
                format!("pack `{name}`: min_severity must be critical, high, medium, low or info")
            })?),
        };
        let p = Pack {
            name: name.to_string(),
            title: s("title").to_string(),
            description: s("description").to_string(),
            select: strings(obj.get("select")),
            reference: obj.get("reference").and_then(J::as_str).map(str::to_string),
            tags: strings(obj.get("tags")),
            default: obj.get("default").and_then(J::as_bool).unwrap_or(false),
            min_severity,
            infraguard: strings(obj.get("infraguard")),
            severity,
            items,
            source: source.to_string(),
        };
        if p.select.is_empty()
            && p.reference.is_none()
            && p.tags.is_empty()
            && !p.default
            && p.infraguard.is_empty()
        {
            return Err(format!(
                "pack `{name}` names no rule: give `select`, `reference`, `tags`, `default` or `infraguard`"
            ));
        }
        Ok(p)
    }

    /// [`Pack::read`], and every InfraGuard pack it names is in InfraGuard's list: for packs of
    /// a configuration (the built-in ones are checked by a test, not at every start).
    pub fn from_json(name: &str, j: &J, source: &str) -> Result<Pack, String> {
        let p = Pack::read(name, j, source)?;
        for ig in &p.infraguard {
            if !infraguard_packs().contains_key(ig) {
                return Err(format!("pack `{name}`: no InfraGuard pack `{ig}` in rulesets/peers/infraguard-packs.txt"));
            }
        }
        Ok(p)
    }
}

/// The built-in packs (`rulesets/packs/*.hcl`) as build.rs embeds them: file, pack name and the
/// pack's JSON view, so that a run parses only the packs it uses (a one-file check reads only
/// `recommended`, for the default set).
const BUILTIN: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

fn read_builtin(&(path, name, json): &(&str, &str, &str)) -> Arc<Pack> {
    let j: J = serde_json::from_str(json).expect("build.rs writes valid JSON");
    // InfraGuard's list is read only when a pack's members are asked for: reading it to check
    // the built-in packs cost every run ~0.1 ms (a test checks them).
    let pack = Pack::read(name, &j, &format!("packs/{path}"))
        .unwrap_or_else(|e| panic!("rulesets/packs/{path}: {e}"));
    Arc::new(pack)
}

/// The `i`th built-in pack, read on first use.
fn builtin_at(i: usize) -> &'static Arc<Pack> {
    static PACKS: [OnceLock<Arc<Pack>>; BUILTIN.len()] = [const { OnceLock::new() }; BUILTIN.len()];
    PACKS[i].get_or_init(|| read_builtin(&BUILTIN[i]))
}

/// The built-in packs, in file order.
pub fn builtin() -> &'static [Arc<Pack>] {
    static PACKS: OnceLock<Vec<Arc<Pack>>> = OnceLock::new();
    PACKS.get_or_init(|| (0..BUILTIN.len()).map(|i| builtin_at(i).clone()).collect())
}

/// Whether a built-in pack has this name (parses none).
pub fn is_builtin(name: &str) -> bool {
    BUILTIN.iter().any(|&(_, n, _)| n == name)
}

/// One built-in pack, reading only it: a selector that names no pack (a code, a prefix, a
/// rule's name) reads none (reading them all to look one up was 0.7 M instructions, a seventh
/// of a one-file check with `--select` or `--ignore`).
pub fn builtin_pack(name: &str) -> Option<&'static Arc<Pack>> {
    BUILTIN.iter().position(|b| b.1 == name).map(builtin_at)
}

/// An InfraGuard pack: its category, title and rule IDs.
#[derive(Clone, Debug)]
pub struct PeerPack {
    pub category: String,
    pub title: String,
    pub rules: Vec<String>,
}

/// InfraGuard's packs (`rulesets/peers/infraguard-packs.txt`: `id | category | title | rules`).
pub fn infraguard_packs() -> &'static BTreeMap<String, PeerPack> {
    static P: OnceLock<BTreeMap<String, PeerPack>> = OnceLock::new();
    P.get_or_init(|| parse_peer_packs(include_str!("../../rulesets/peers/infraguard-packs.txt")))
}

fn parse_peer_packs(text: &str) -> BTreeMap<String, PeerPack> {
    let mut m = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.splitn(4, '|').map(str::trim).collect();
        if c.len() < 4 {
            continue;
        }
        m.insert(
            c[0].to_string(),
            PeerPack {
                category: c[1].to_string(),
                title: c[2].to_string(),
                rules: c[3]
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            },
        );
    }
    m
}

/// The InfraGuard rule IDs a pack derives from.
pub fn infraguard_ids(p: &Pack) -> BTreeSet<&'static str> {
    p.infraguard
        .iter()
        .filter_map(|ig| infraguard_packs().get(ig))
        .flat_map(|pp| pp.rules.iter().map(String::as_str))
        .collect()
}

/// The InfraGuard rules (without facet) a rule names in `equivalents`.
pub fn infraguard_equivalents(r: &Rule) -> impl Iterator<Item = &str> {
    r.equivalents.iter().filter_map(|e| {
        let id = e.strip_prefix("infraguard:")?;
        Some(id.split_once('#').map_or(id, |(i, _)| i))
    })
}

impl Registry {
    /// The rules of a pack, in code order. Packs naming packs are followed a few levels deep
    /// (a cycle stops there rather than looping).
    pub fn pack_rules(&self, p: &Pack) -> Vec<&Arc<Rule>> {
        self.pack_rules_at(p, 0)
    }

    fn pack_rules_at(&self, p: &Pack, depth: usize) -> Vec<&Arc<Rule>> {
        let ig = infraguard_ids(p);
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for r in self.rules() {
            let hit =
                (p.default && r.default_enabled && p.min_severity.is_none_or(|m| r.severity >= m))
                    || p.reference
                        .as_ref()
                        .is_some_and(|k| r.references.contains_key(k))
                    || r.tags.iter().any(|t| p.tags.contains(t))
                    || infraguard_equivalents(r).any(|e| ig.contains(e));
            if hit {
                ids.insert(&r.id);
            }
        }
        if depth < 8 {
            for s in &p.select {
                for r in self.select_at(s, depth + 1) {
                    ids.insert(&r.id);
                }
            }
        }
        ids.into_iter().filter_map(|id| self.get(id)).collect()
    }

    /// Selector resolution with the depth of pack nesting.
    pub(super) fn select_at(&self, selector: &str, depth: usize) -> Vec<&Arc<Rule>> {
        if selector.eq_ignore_ascii_case("ALL") {
            return self.rules().iter().collect();
        }
        if let Some(p) = self.pack(selector) {
            return self.pack_rules_at(p, depth);
        }
        if let Some(r) = self.get_by_name(selector) {
            return vec![r];
        }
        // By the index: only the rules a prefix designates are built.
        let up = selector.to_ascii_uppercase();
        self.refs()
            .filter(|&r| self.info(r).id.starts_with(&up))
            .map(|r| self.rule(r))
            .collect()
    }
}

/// Markdown list cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The docs page of a pack: how to use it, its rules, and for a benchmark or a derived pack what
/// it cannot cover and why.
pub fn page(reg: &Registry, p: &Pack) -> String {
    let mut s = format!("# Pack `{}`: {}\n\n", p.name, p.title);
    s.push_str("Generated by `acslint rules --pack-docs docs/packs` from `rulesets/");
    s.push_str(&p.source);
    s.push_str("`; do not edit.\n\n");
    s.push_str(&p.description);
    s.push_str(&format!(
        "\n\nRun it: `acslint check --select {0} DIR`, or `pack = [\"{0}\"]` in `.acslint.hcl`. \
         List it: `acslint rules --pack {0}`.\n",
        p.name
    ));
    if !p.severity.is_empty() {
        s.push_str("\nSeverities in this pack: ");
        s.push_str(
            &p.severity
                .iter()
                .map(|(k, v)| format!("{k} at {v}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        s.push_str(".\n");
    }
    let rules = reg.pack_rules(p);
    let ig = infraguard_ids(p);
    s.push_str(&format!("\n## Rules ({})\n\n", rules.len()));
    if ig.is_empty() {
        s.push_str("| rule | severity | title |\n|---|---|---|\n");
    } else {
        s.push_str("| rule | severity | title | InfraGuard rules it covers |\n|---|---|---|---|\n");
    }
    for r in &rules {
        s.push_str(&format!(
            "| [{0}](../rules/{0}.md) | {1} | {2} |",
            r.id,
            r.severity,
            cell(&r.title)
        ));
        if !ig.is_empty() {
            let mut covers: Vec<&str> = infraguard_equivalents(r)
                .filter(|e| ig.contains(e))
                .collect();
            covers.dedup();
            s.push_str(&format!(
                " {} |",
                covers
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        s.push('\n');
    }
    if !ig.is_empty() {
        let covered: BTreeSet<&str> = reg
            .rules()
            .iter()
            .flat_map(|r| infraguard_equivalents(r))
            .collect();
        let reasons: BTreeMap<String, String> = super::coverage::peer_rules()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.peer == "infraguard")
            .map(|r| (r.id, r.reason))
            .collect();
        let open: Vec<&&str> = ig.iter().filter(|i| !covered.contains(**i)).collect();
        s.push_str(&format!(
            "\n## InfraGuard rules not covered ({} of {})\n\n",
            open.len(),
            ig.len()
        ));
        s.push_str(&format!(
            "The pack follows InfraGuard's {}. Its rules that no acslint rule covers, and why \
             (from `rulesets/peers/infraguard.txt`; see also [coverage](../coverage.md)):\n\n",
            p.infraguard
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ));
        if open.is_empty() {
            s.push_str("None.\n");
        } else {
            s.push_str("| InfraGuard rule | why not |\n|---|---|\n");
            for id in open {
                let why = match reasons.get(*id) {
                    Some(r) if !r.is_empty() => r.clone(),
                    Some(_) => "not covered yet".to_string(),
                    None => "not a Terraform rule of InfraGuard's list (peer-rules.md §4)".into(),
                };
                s.push_str(&format!("| `{id}` | {} |\n", cell(&why)));
            }
        }
    }
    if !p.items.is_empty() {
        s.push_str(&items_table(reg, p));
    }
    s
}

/// The rules citing a benchmark item (`references.<key>` is `"N.M Title; …"`).
pub fn item_rules<'r>(reg: &'r Registry, key: &str, item: &str) -> Vec<&'r Arc<Rule>> {
    reg.sorted()
        .into_iter()
        .filter(|r| {
            r.references
                .get(key)
                .is_some_and(|v| cited_items(v).iter().any(|(n, _)| *n == item))
        })
        .collect()
}

/// `"4.3 Title; 4.4 Title"` → [("4.3", "Title"), ("4.4", "Title")].
pub fn cited_items(v: &str) -> Vec<(&str, &str)> {
    v.split("; ")
        .map(|c| {
            let c = c.trim();
            c.split_once(' ').unwrap_or((c, ""))
        })
        .collect()
}

fn items_table(reg: &Registry, p: &Pack) -> String {
    let key = p.reference.as_deref().unwrap_or(&p.name);
    let mut s = format!(
        "\n## Benchmark items ({})\n\n\
         `static`: code decides it; `partial`: code shows a proxy or the intent, the control is \
         about the live account; `runtime`: only the live account knows.\n\n\
         | item | title | checkable | acslint |\n|---|---|---|---|\n",
        p.items.len()
    );
    for it in &p.items {
        let rules = item_rules(reg, key, &it.id);
        let mut ours: Vec<String> = rules
            .iter()
            .map(|r| format!("[{0}](../rules/{0}.md)", r.id))
            .collect();
        if !it.reason.is_empty() {
            ours.push(if rules.is_empty() {
                format!("not covered: {}", it.reason)
            } else {
                format!("(partly: {})", it.reason)
            });
        }
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            it.id,
            cell(&it.title),
            it.check,
            cell(&ours.join(", "))
        ));
    }
    s
}

/// The index of the packs.
pub fn index(reg: &Registry) -> String {
    let mut s = String::from(
        "# acslint packs\n\nGenerated by `acslint rules --pack-docs docs/packs`; do not edit.\n\n\
         A pack is a named set of rules: `acslint check --select NAME`, `pack = [\"NAME\"]` in \
         `.acslint.hcl`, `acslint rules --pack NAME`. Define your own with a \
         `define_pack \"name\" { select = [...] }` block in `.acslint.hcl`.\n\n\
         | pack | rules | title |\n|---|---|---|\n",
    );
    for p in reg.packs() {
        s.push_str(&format!(
            "| [{0}]({0}.md) | {1} | {2} |\n",
            p.name,
            reg.pack_rules(p).len(),
            cell(&p.title)
        ));
    }
    s
}

/// Problems of the pack data: benchmark items cited wrongly by rules (a number that is not an
/// item, a title that differs), static items without a rule, other items with neither a rule
/// nor a reason, severity overrides of unknown rules, packs selecting nothing.
pub fn problems(reg: &Registry) -> Vec<String> {
    let mut out = Vec::new();
    for p in reg.packs() {
        for code in p.severity.keys() {
            if reg.get(code).is_none() {
                out.push(format!("pack {}: severity of unknown rule {code}", p.name));
            }
        }
        for s in &p.select {
            if reg.select(s).is_empty() {
                out.push(format!("pack {}: `{s}` selects no rule", p.name));
            }
        }
        if reg.pack_rules(p).is_empty() {
            out.push(format!("pack {} has no rule", p.name));
        }
        if p.items.is_empty() {
            continue;
        }
        let key = p.reference.as_deref().unwrap_or(&p.name);
        let titles: BTreeMap<&str, &str> = p
            .items
            .iter()
            .map(|i| (i.id.as_str(), i.title.as_str()))
            .collect();
        for r in reg.sorted() {
            let Some(v) = r.references.get(key) else {
                continue;
            };
            for (n, t) in cited_items(v) {
                match titles.get(n) {
                    None => out.push(format!(
                        "{} cites {key} `{n}`, which is not an item of pack {}",
                        r.id, p.name
                    )),
                    Some(want) if *want != t => out.push(format!(
                        "{} cites {key} {n} as `{t}`; the item's title is `{want}`",
                        r.id
                    )),
                    _ => {}
                }
            }
        }
        for it in &p.items {
            let rules = item_rules(reg, key, &it.id);
            if rules.is_empty() && it.reason.is_empty() {
                out.push(if it.check == "static" {
                    format!(
                        "{key} {} `{}` can be checked from code but no rule cites it (nor does a `reason` say why not yet)",
                        it.id, it.title
                    )
                } else {
                    format!("{key} {} has neither a rule nor a reason", it.id)
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_pack_lines_parse() {
        let m = parse_peer_packs("# c\na | compliance | A pack | x, y,z\nbroken\n");
        assert_eq!(m.len(), 1);
        assert_eq!(m["a"].rules, vec!["x", "y", "z"]);
        assert_eq!(m["a"].title, "A pack");
    }

    #[test]
    fn cited_items_split_number_and_title() {
        assert_eq!(
            cited_items("4.3 Port 22; 4.4 Port 3389"),
            vec![("4.3", "Port 22"), ("4.4", "Port 3389")]
        );
        assert_eq!(cited_items("2.1"), vec![("2.1", "")]);
    }

    #[test]
    fn builtin_packs_name_known_infraguard_packs() {
        let named: Vec<&String> = builtin().iter().flat_map(|p| &p.infraguard).collect();
        assert!(named.len() >= 7, "{named:?}");
        for ig in named {
            assert!(
                infraguard_packs().contains_key(ig),
                "no InfraGuard pack `{ig}`"
            );
        }
    }

    #[test]
    fn packs_need_a_member_that_names_rules() {
        let j = serde_json::json!({ "title": "t" });
        assert!(Pack::from_json("x", &j, "f")
            .unwrap_err()
            .contains("names no rule"));
        let j = serde_json::json!({ "select": ["RAM"], "colour": "red" });
        assert!(Pack::from_json("x", &j, "f")
            .unwrap_err()
            .contains("unknown member `colour`"));
        let j = serde_json::json!({ "infraguard": ["nope"] });
        assert!(Pack::from_json("x", &j, "f")
            .unwrap_err()
            .contains("no InfraGuard pack `nope`"));
        let j = serde_json::json!({ "tags": ["t"], "severity": { "RAM001": "loud" } });
        assert!(Pack::from_json("x", &j, "f").is_err());
    }
}
