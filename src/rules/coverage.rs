//! Coverage of the peers' rules (Checkov, KICS, InfraGuard): the list of their rule IDs kept in
//! `rulesets/peers/*.txt` and the `equivalents` of our rules make `docs/coverage.md`
//! (`acslint rules --coverage FILE`). A test keeps the page current and requires every peer rule
//! of a finished family to be covered or explained.

use super::Registry;
use std::collections::BTreeMap;

/// The peers, their list files and where their rules live.
pub const PEERS: &[(&str, &str, &str, &str)] = &[
    (
        "checkov",
        "Checkov",
        "https://github.com/bridgecrewio/checkov",
        include_str!("../../rulesets/peers/checkov.txt"),
    ),
    (
        "kics",
        "KICS",
        "https://github.com/Checkmarx/kics",
        include_str!("../../rulesets/peers/kics.txt"),
    ),
    (
        "infraguard",
        "InfraGuard",
        "https://github.com/aliyun/infraguard",
        include_str!("../../rulesets/peers/infraguard.txt"),
    ),
];

/// Families whose peer rules must all be covered or explained (the coverage issues add theirs
/// when they are done).
pub const COMPLETE_FAMILIES: &[&str] = &["network", "compute", "data", "platform"];

/// Families, in the order the page lists them.
pub const FAMILIES: &[&str] = &[
    "network", "compute", "data", "platform", "identity", "audit",
];

/// One peer rule from a list file.
#[derive(Clone, Debug, PartialEq)]
pub struct PeerRule {
    pub peer: &'static str,
    pub id: String,
    pub family: String,
    pub title: String,
    /// Why no rule of ours covers it (empty when none is written).
    pub reason: String,
    /// 1-based line in the list file.
    pub line: usize,
}

/// Parse a list file: `id | family | title | reason`, `#` comments.
pub fn parse(peer: &'static str, text: &str) -> Result<Vec<PeerRule>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = t.splitn(4, '|').map(str::trim).collect();
        if cells.len() < 3 || cells[0].is_empty() {
            return Err(format!(
                "rulesets/peers/{peer}.txt:{}: expected `id | family | title | reason`",
                i + 1
            ));
        }
        if !FAMILIES.contains(&cells[1]) {
            return Err(format!(
                "rulesets/peers/{peer}.txt:{}: unknown family `{}` (one of {})",
                i + 1,
                cells[1],
                FAMILIES.join(", ")
            ));
        }
        out.push(PeerRule {
            peer,
            id: cells[0].to_string(),
            family: cells[1].to_string(),
            title: cells[2].to_string(),
            reason: cells.get(3).copied().unwrap_or_default().to_string(),
            line: i + 1,
        });
    }
    Ok(out)
}

/// Every peer rule of every list.
pub fn peer_rules() -> Result<Vec<PeerRule>, String> {
    let mut v = Vec::new();
    for (peer, _, _, text) in PEERS {
        v.extend(parse(peer, text)?);
    }
    Ok(v)
}

/// Our rules (and facets) naming a peer rule in `equivalents`: `peer:id` → [(rule, facet)].
pub fn mapping(reg: &Registry) -> BTreeMap<String, Vec<(String, Option<String>)>> {
    let mut m: BTreeMap<String, Vec<(String, Option<String>)>> = BTreeMap::new();
    for r in reg.sorted() {
        for eq in &r.equivalents {
            let (key, facet) = match eq.split_once('#') {
                Some((k, f)) => (k.to_string(), Some(f.to_string())),
                None => (eq.clone(), None),
            };
            m.entry(key).or_default().push((r.id.to_string(), facet));
        }
    }
    m
}

/// Problems of the data: equivalents naming no listed peer rule, reasons written for covered
/// rules, unexplained rules of complete families, duplicate IDs.
pub fn problems(reg: &Registry) -> Vec<String> {
    let rules = match peer_rules() {
        Ok(r) => r,
        Err(e) => return vec![e],
    };
    let map = mapping(reg);
    let mut out = Vec::new();
    let mut seen = crate::util::HashSet::default();
    for p in &rules {
        let key = format!("{}:{}", p.peer, p.id);
        if !seen.insert(key.clone()) {
            out.push(format!("{key} is listed twice"));
        }
        let covered = map.contains_key(&key);
        if covered && !p.reason.is_empty() {
            out.push(format!(
                "{key} is covered by {} but rulesets/peers/{}.txt:{} still gives a reason",
                map[&key]
                    .iter()
                    .map(|(r, _)| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                p.peer,
                p.line
            ));
        }
        if !covered && p.reason.is_empty() && COMPLETE_FAMILIES.contains(&p.family.as_str()) {
            out.push(format!(
                "{key} ({} family) is neither covered nor explained (rulesets/peers/{}.txt:{})",
                p.family, p.peer, p.line
            ));
        }
    }
    for (key, users) in &map {
        let known_peer = PEERS
            .iter()
            .any(|(p, ..)| key.starts_with(&format!("{p}:")));
        if known_peer && !seen.contains(key) {
            out.push(format!(
                "{} names {key}, which is not in the peers' lists",
                users[0].0
            ));
        }
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The Markdown page.
pub fn page(reg: &Registry) -> String {
    let rules = peer_rules().unwrap_or_default();
    let map = mapping(reg);
    let mut s = String::from(
        "# Coverage of the peers' rules\n\n\
         Generated by `acslint rules --coverage docs/coverage.md` from the peers' rule lists in\n\
         `rulesets/peers/` and the `equivalents` of acslint's rules; do not edit by hand.\n\n\
         For each Alibaba Cloud Terraform rule of Checkov, KICS and InfraGuard: the acslint rule\n\
         that covers it (with the facet when it is one part of a wider rule; a peer's skip\n\
         comment silences only that facet), or why acslint does not cover it. Where acslint's\n\
         semantics differ from the peer's (a peer defect not copied, a wider reading), the\n\
         rule's page says so.\n\n",
    );
    // Summary: covered / explained / open, per peer and family.
    s.push_str(
        "| peer | family | rules | covered | explained | open |\n|---|---|---|---|---|---|\n",
    );
    for (peer, name, _, _) in PEERS {
        for fam in FAMILIES {
            let of: Vec<&PeerRule> = rules
                .iter()
                .filter(|p| p.peer == *peer && p.family == *fam)
                .collect();
            if of.is_empty() {
                continue;
            }
            let covered = of
                .iter()
                .filter(|p| map.contains_key(&format!("{}:{}", p.peer, p.id)))
                .count();
            let explained = of
                .iter()
                .filter(|p| {
                    !map.contains_key(&format!("{}:{}", p.peer, p.id)) && !p.reason.is_empty()
                })
                .count();
            s.push_str(&format!(
                "| {name} | {fam} | {} | {covered} | {explained} | {} |\n",
                of.len(),
                of.len() - covered - explained
            ));
        }
    }
    if let Some(cis) = reg.pack("cis") {
        s.push_str(
            "\n## CIS Alibaba Cloud Foundations Benchmark: items code cannot (fully) decide\n\n\
             Every item and the rules citing it: [packs/cis.md](packs/cis.md). These are the \
             items without a rule, or with a rule that checks only a proxy, and why.\n\n\
             | item | title | checkable | rules | why |\n|---|---|---|---|---|\n",
        );
        for it in cis.items.iter().filter(|i| !i.reason.is_empty()) {
            let rules = super::packs::item_rules(reg, "cis", &it.id)
                .iter()
                .map(|r| format!("[{0}](rules/{0}.md)", r.id))
                .collect::<Vec<_>>()
                .join(", ");
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                it.id,
                cell(&it.title),
                it.check,
                rules,
                cell(&it.reason)
            ));
        }
    }
    for (peer, name, url, _) in PEERS {
        s.push_str(&format!("\n## {name}\n\n[{name}]({url})\n\n"));
        s.push_str("| peer rule | family | what it checks | acslint |\n|---|---|---|---|\n");
        for p in rules.iter().filter(|p| p.peer == *peer) {
            let key = format!("{}:{}", p.peer, p.id);
            let ours = match map.get(&key) {
                Some(users) => users
                    .iter()
                    .map(|(r, f)| match f {
                        Some(f) => format!("[{r}](rules/{r}.md) `{f}`"),
                        None => format!("[{r}](rules/{r}.md)"),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                None if !p.reason.is_empty() => format!("not covered: {}", p.reason),
                None => "not yet reviewed".to_string(),
            };
            s.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                p.id,
                p.family,
                cell(&p.title),
                cell(&ours)
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_lines_parse_and_bad_ones_are_errors() {
        let v = parse(
            "kics",
            "# c\nabc | network | Title | \nxyz | data | T2 | too costly\n",
        )
        .unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].id, "abc");
        assert_eq!(v[0].reason, "");
        assert_eq!(v[1].reason, "too costly");
        assert_eq!(v[1].line, 3);
        assert_eq!(
            parse("kics", "abc | nowhere | T |\n").unwrap_err(),
            "rulesets/peers/kics.txt:1: unknown family `nowhere` (one of network, compute, data, platform, identity, audit)"
        );
        assert!(parse("kics", "just an id\n").is_err());
    }
}
