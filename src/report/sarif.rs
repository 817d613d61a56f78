//! SARIF 2.1.0 for code-scanning services: one run, every rule that ran with its metadata,
//! results with repository-relative locations (`%SRCROOT%`), UTF-16 columns (SARIF's default
//! `columnKind`) and line-independent partial fingerprints. No source snippets: the text could
//! hold a secret.

use super::{portable_path, repo_relative, utf16_column, Extra, Report};
use crate::baseline::fingerprints;
use crate::finding::{Finding, Severity};
use crate::rules::Rule;
use crate::util::HashMap;
use serde_json::{json, Map, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "note",
    }
}

/// GitHub code scanning buckets `security-severity`: ≥9 critical, ≥7 high, ≥4 medium, >0 low.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

/// Percent-encode a relative path for a URI reference (keeping `/`).
fn uri_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The "Why" section of a rule's docs as plain text, or its title.
fn full_description(r: &Rule) -> String {
    let docs = r.docs.trim();
    let why = docs
        .split("## ")
        .find_map(|sec| sec.strip_prefix("Why"))
        .map(|s| s.trim().split("\n\n").next().unwrap_or("").to_string())
        .filter(|s| !s.is_empty());
    why.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| r.title.clone())
}

fn rule_descriptor(r: &Rule) -> Value {
    let family: String =
        r.id.chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
    let mut tags = vec!["security".to_string(), family.to_ascii_lowercase()];
    tags.extend(r.equivalents.iter().cloned());
    let mut d = json!({
        "id": &*r.id,
        "name": &*r.name,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": full_description(r)},
        "help": {
            "text": r.help.clone().unwrap_or_else(|| r.title.clone()),
            "markdown": if r.docs.trim().is_empty() { r.title.clone() } else { r.docs.trim().to_string() },
        },
        "defaultConfiguration": {"level": level(r.severity)},
        "properties": {
            "tags": tags,
            "precision": "high",
            "problem.severity": level(r.severity),
            "security-severity": security_severity(r.severity),
        },
    });
    // `helpUri` must be an absolute URI; the markdown help carries the page either way.
    if let Some(u) = r.url.as_deref() {
        d["helpUri"] = json!(u);
    }
    d
}

pub fn render(r: &Report, extra: &Extra) -> String {
    let rules = extra.rule_list();
    let mut index: HashMap<&str, usize> =
        rules.iter().enumerate().map(|(i, r)| (&*r.id, i)).collect();
    let mut descriptors: Vec<Value> = rules.iter().map(|r| rule_descriptor(r)).collect();
    // A finding of a rule outside the list (it should not happen) still gets a descriptor, so
    // every `ruleIndex` is valid.
    for f in r.findings {
        if !index.contains_key(&*f.rule) {
            let d = match extra.registry.get(&f.rule) {
                Some(rule) => rule_descriptor(rule),
                None => json!({"id": &*f.rule, "name": &*f.name}),
            };
            index.insert(&f.rule, descriptors.len());
            descriptors.push(d);
        }
    }
    // GitHub buckets alerts by the rule's `security-severity`: follow the severity the findings
    // were given (a configuration override), not only the rule's default.
    let mut effective: HashMap<&str, Severity> = HashMap::default();
    for f in r
        .findings
        .iter()
        .chain(extra.suppressed.iter().map(|s| &s.finding))
    {
        let e = effective.entry(&f.rule).or_insert(f.severity);
        *e = (*e).max(f.severity);
    }
    for d in descriptors.iter_mut() {
        let id = d["id"].as_str().unwrap_or_default().to_string();
        if let Some(sev) = effective.get(id.as_str()) {
            d["defaultConfiguration"]["level"] = level(*sev).into();
            d["properties"]["security-severity"] = security_severity(*sev).into();
            d["properties"]["problem.severity"] = level(*sev).into();
        }
    }
    let fps = fingerprints(r.sources, r.findings);
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "acslint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/acslint/acslint",
                "rules": descriptors,
            }},
            "columnKind": "utf16CodeUnits",
            "results": [],
        }],
    });
    // The document without its results, which are written into it one by one as
    // `to_string_pretty` of the whole would write them: a tree of every result first took
    // 3.3 GiB for a document of 300k findings.
    let skeleton = serde_json::to_string_pretty(&doc).unwrap_or_default();
    let mut out = Results::new(&skeleton, r.findings.len() + extra.suppressed.len());
    for (f, fp) in r.findings.iter().zip(&fps) {
        out.push(&result(r, f, fp, &index));
    }
    // Suppressed findings are results too, marked so code scanning shows them as dismissed.
    let silenced: Vec<_> = extra.suppressed.iter().map(|s| s.finding.clone()).collect();
    let sfps = fingerprints(r.sources, &silenced);
    for ((sup, f), fp) in extra.suppressed.iter().zip(&silenced).zip(&sfps) {
        let mut v = result(r, f, fp, &index);
        let kind = if sup.by.starts_with("per_path")
            || sup.by.starts_with("config")
            || sup.by == "baseline"
        {
            "external"
        } else {
            "inSource"
        };
        let mut s = json!({"kind": kind, "status": "accepted"});
        let justification = match &sup.reason {
            Some(reason) => format!("{}: {reason}", sup.by),
            None => sup.by.clone(),
        };
        s["justification"] = justification.into();
        v["suppressions"] = json!([s]);
        out.push(&v);
    }
    let mut s = out.finish();
    s.push('\n');
    s
}

/// The pretty-printed document with its results written in, each as it comes. Pretty JSON has
/// line breaks between tokens only (a string's are escaped), so a result printed on its own is
/// the same text as in the whole once each of its lines is indented to the array's depth.
struct Results<'a> {
    skeleton: &'a str,
    /// Where `"results": []` is in the skeleton (a key: in a string its quotes are escaped).
    at: usize,
    /// The indentation of the `"results"` line.
    indent: &'a str,
    out: String,
    first: bool,
}

const NO_RESULTS: &str = "\"results\": []";

impl<'a> Results<'a> {
    fn new(skeleton: &'a str, n: usize) -> Self {
        let at = skeleton.rfind(NO_RESULTS).unwrap_or(skeleton.len());
        let line = skeleton[..at].rfind('\n').map_or(0, |i| i + 1);
        let mut out = String::with_capacity(skeleton.len() + n * 1280);
        out.push_str(&skeleton[..at]);
        Results {
            skeleton,
            at,
            indent: &skeleton[line..at],
            out,
            first: true,
        }
    }

    fn push(&mut self, v: &Value) {
        let Ok(text) = serde_json::to_string_pretty(v) else {
            return;
        };
        self.out.push_str(if self.first {
            "\"results\": [\n"
        } else {
            ",\n"
        });
        self.first = false;
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.out.push_str(self.indent);
            self.out.push_str("  ");
            self.out.push_str(line);
        }
    }

    fn finish(mut self) -> String {
        let rest = match self.skeleton.get(self.at..) {
            Some(rest) if !self.first => {
                self.out.push('\n');
                self.out.push_str(self.indent);
                self.out.push(']');
                rest.get(NO_RESULTS.len()..).unwrap_or("")
            }
            Some(rest) => rest,
            None => "",
        };
        self.out.push_str(rest);
        self.out
    }
}

/// Where a file is: repository-relative under `%SRCROOT%`, else the path as given.
fn artifact_location(file: &crate::source::SourceFile) -> Map<String, Value> {
    let mut artifact = Map::new();
    match repo_relative(file) {
        Some(rel) => {
            artifact.insert("uri".into(), uri_path(&rel).into());
            artifact.insert("uriBaseId".into(), "%SRCROOT%".into());
        }
        None => {
            artifact.insert("uri".into(), uri_path(&portable_path(file)).into());
        }
    }
    artifact
}

/// A region in SARIF's terms: 1-based lines, UTF-16 columns, never ending before it starts.
fn region(file: &crate::source::SourceFile, start: usize, end: usize) -> Value {
    let (s, e) = (file.line_col(start), file.line_col(end));
    let (sc, ec) = (utf16_column(file, start), utf16_column(file, end));
    json!({
        "startLine": s.line,
        "startColumn": sc,
        "endLine": e.line.max(s.line),
        "endColumn": if e.line > s.line { ec } else { ec.max(sc) },
    })
}

/// Secondary labels as `relatedLocations` (ids from 1), and the message lines that link them
/// (SARIF §3.11.6 embedded links `[text](id)`; code scanning renders them as links).
fn related(r: &Report, f: &Finding) -> (Vec<Value>, String) {
    let mut locs = Vec::new();
    let mut text = String::new();
    for (i, l) in f.secondary.iter().enumerate() {
        let file = r.sources.get(l.loc.file);
        let id = i + 1;
        locs.push(json!({
            "id": id,
            "physicalLocation": {
                "artifactLocation": Value::Object(artifact_location(file)),
                "region": region(file, l.loc.start as usize, l.loc.end as usize),
            },
            "message": {"text": l.text},
        }));
        // Link text escapes `\`, `[` and `]` (§3.11.6).
        let mut link = String::with_capacity(l.text.len());
        for c in l.text.chars() {
            if matches!(c, '\\' | '[' | ']') {
                link.push('\\');
            }
            link.push(c);
        }
        text.push_str(&format!("\nnote: [{link}]({id})"));
    }
    (locs, text)
}

fn result(r: &Report, f: &Finding, fp: &str, index: &HashMap<&str, usize>) -> Value {
    let file = r.sources.get(f.file);
    let region = match f.loc {
        Some(l) => region(file, l.start as usize, l.end as usize),
        None => json!({"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}),
    };
    let mut logical = Vec::new();
    if let Some(res) = &f.resource {
        logical.push(json!({"fullyQualifiedName": res, "kind": "resource"}));
    }
    if let Some(p) = &f.pointer {
        logical.push(json!({"fullyQualifiedName": p, "kind": "element"}));
    }
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": Value::Object(artifact_location(file)),
            "region": region,
        },
    });
    if !logical.is_empty() {
        loc["logicalLocations"] = Value::Array(logical);
    }
    let mut message = f.message.clone();
    if let Some(h) = &f.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    for n in &f.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    let (related, links) = related(r, f);
    message.push_str(&links);
    let mut props = json!({
        "severity": f.severity.as_str(),
        "security-severity": security_severity(f.severity),
    });
    if let Some(facet) = &f.facet {
        props["facet"] = facet.as_str().into();
    }
    if let Some(c) = &f.change {
        message.push_str(&format!("\nplan: {}", c.describe()));
        props["change"] = serde_json::to_value(c).unwrap_or_default();
    }
    let mut v = json!({
        "ruleId": &*f.rule,
        "ruleIndex": index.get(&*f.rule).copied().unwrap_or(0),
        "level": level(f.severity),
        "message": {"text": message},
        "locations": [loc],
        "partialFingerprints": {"acslint/v1": fp},
        "properties": props,
    });
    if !related.is_empty() {
        v["relatedLocations"] = Value::Array(related);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::Results;
    use serde_json::{json, Value};

    /// Results written one by one into the skeleton give the text `to_string_pretty` gives for
    /// the whole document: none, one, several; nested, empty, multi-line and non-ASCII values.
    #[test]
    fn results_written_one_by_one_are_the_whole_document() {
        let doc = |results: Vec<Value>| {
            json!({
                "$schema": "s",
                "runs": [{
                    "tool": {"driver": {"rules": [{"id": "A", "text": "\"results\": []"}]}},
                    "columnKind": "utf16CodeUnits",
                    "results": results,
                }],
            })
        };
        let one = |i: usize| {
            json!({
                "ruleId": format!("R{i}"),
                "message": {"text": "two\nlines, \"quoted\", 漢字 ✓"},
                "locations": [{"region": {"startLine": i}}, {}],
                "empty": [],
                "fingerprints": {},
            })
        };
        for n in [0, 1, 3] {
            let results: Vec<Value> = (0..n).map(one).collect();
            let whole = serde_json::to_string_pretty(&doc(results.clone())).unwrap();
            let skeleton = serde_json::to_string_pretty(&doc(Vec::new())).unwrap();
            let mut out = Results::new(&skeleton, n);
            for v in &results {
                out.push(v);
            }
            assert_eq!(out.finish(), whole, "{n} results");
        }
    }
}
