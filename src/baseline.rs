//! Fingerprints and baselines. A fingerprint names a finding without its line number: rule,
//! repository-relative file, resource address or JSON pointer, and a hash of the normalised
//! offending text. It survives lines moving and reformatting, and never embeds source text
//! (which could hold a secret). `--write-baseline` records them; `--baseline` keeps only new
//! findings and lists the entries no finding matched any more ("fixed").

use crate::finding::Finding;
use crate::finding::Fixed;
use crate::source::portable_path;
use crate::source::SourceMap;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// Version 2 hashes the attribute a Terraform finding is on instead of its text (a changed value
/// on the same resource and attribute is the same problem); version 1 files are still read.
pub const BASELINE_VERSION: u32 = 2;

/// 64-bit FNV-1a: tiny, and stable across Rust versions and platforms (unlike `DefaultHasher`),
/// which a fingerprint stored in a file needs.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A 128-bit hex digest built from two FNV-1a passes with different seeds.
pub fn digest(parts: &[&str]) -> String {
    let mut a = 0xcbf2_9ce4_8422_2325u64;
    let mut b = 0x6c62_272e_07bb_0142u64;
    for p in parts {
        // Length-prefix each part so ("ab","c") and ("a","bc") differ.
        let len = (p.len() as u64).to_le_bytes();
        a = fnv1a(fnv1a(a, &len), p.as_bytes());
        b = fnv1a(fnv1a(b, p.as_bytes()), &len);
    }
    format!("{a:016x}{b:016x}")
}

/// Whitespace collapsed to single spaces, trimmed: reindenting does not change a fingerprint.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a fingerprint hashes: the finding's span, or its whole first line when the span is
/// too short to tell findings apart (a one-character syntax-error position).
fn snippet(sources: &SourceMap, f: &Finding) -> String {
    let file = sources.get(f.file);
    let Some(loc) = f.loc else {
        return String::new();
    };
    let s = normalize(file.slice(loc));
    if s.chars().count() >= 8 {
        return s;
    }
    let line = file.line_col(loc.start as usize).line;
    normalize(file.line_text(line))
}

/// What identifies the offending text of a finding in version 2: for a finding on a resource,
/// the attribute its span's line sets (`cidr_ip = …` → `cidr_ip`), so a new value is the same
/// finding; for a finding in a policy document, nothing beyond the pointer; otherwise the text.
fn anchor(sources: &SourceMap, f: &Finding) -> String {
    if f.pointer.is_some() {
        return String::new();
    }
    if f.resource.is_some() {
        if let Some(loc) = f.loc {
            let file = sources.get(f.file);
            let line = file.line_text(file.line_col(loc.start as usize).line);
            if let Some((key, _)) = line.split_once('=') {
                let key = key.trim();
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '"')
                {
                    return format!("attr:{}", key.trim_matches('"'));
                }
            }
        }
    }
    snippet(sources, f)
}

/// Line-independent fingerprints of findings (in the given order). Identical findings are told
/// apart by their rank among equals, so every fingerprint of a run is unique.
pub fn fingerprints(sources: &SourceMap, findings: &[Finding]) -> Vec<String> {
    fingerprints_with(sources, findings, anchor)
}

/// The fingerprints of baseline version 1 (the finding's normalised text), to read old files.
fn fingerprints_v1(sources: &SourceMap, findings: &[Finding]) -> Vec<String> {
    fingerprints_with(sources, findings, snippet)
}

fn fingerprints_with(
    sources: &SourceMap,
    findings: &[Finding],
    text: fn(&SourceMap, &Finding) -> String,
) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let file = sources.get(f.file);
            let path = portable_path(file);
            let logical = f.resource.as_deref().or(f.pointer.as_deref()).unwrap_or("");
            let snip_hash = digest(&[&text(sources, f)]);
            // A facet tells apart the findings one rule makes on one span (ports of a range).
            let base = match &f.facet {
                None => digest(&[&f.rule, &path, logical, &snip_hash]),
                Some(facet) => digest(&[&f.rule, &path, logical, &snip_hash, facet]),
            };
            let n = seen.entry(base.clone()).or_insert(0);
            let fp = if *n == 0 {
                base
            } else {
                digest(&[&base, &n.to_string()])
            };
            *n += 1;
            fp
        })
        .collect()
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Fixed>,
}

impl Baseline {
    pub fn from_findings(sources: &SourceMap, findings: &[Finding]) -> Baseline {
        let fps = fingerprints(sources, findings);
        Baseline {
            version: BASELINE_VERSION,
            findings: findings
                .iter()
                .zip(fps)
                .map(|(f, fp)| Fixed {
                    rule: f.rule.to_string(),
                    file: portable_path(sources.get(f.file)),
                    resource: f.resource.clone(),
                    pointer: f.pointer.clone(),
                    fingerprint: fp,
                })
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = crate::source::read_regular(path, 256 << 20)
            .and_then(|b| String::from_utf8(b).map_err(|_| "it is not valid UTF-8".into()))
            .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("baseline {} is not valid: {e}", path.display()))?;
        if b.version != BASELINE_VERSION && b.version != 1 {
            return Err(format!(
                "baseline {} has version {}, this acslint reads versions 1 and {BASELINE_VERSION}",
                path.display(),
                b.version
            ));
        }
        Ok(b)
    }

    /// Split findings into (new, known) and list baseline entries nothing matched (fixed).
    pub fn apply(
        &self,
        sources: &SourceMap,
        findings: Vec<Finding>,
    ) -> (Vec<Finding>, Vec<Finding>, Vec<Fixed>) {
        let fps = if self.version == 1 {
            fingerprints_v1(sources, &findings)
        } else {
            fingerprints(sources, &findings)
        };
        let mut remaining: HashMap<&str, usize> = HashMap::new();
        for e in &self.findings {
            *remaining.entry(e.fingerprint.as_str()).or_insert(0) += 1;
        }
        let (mut new, mut known) = (Vec::new(), Vec::new());
        for (f, fp) in findings.into_iter().zip(&fps) {
            match remaining.get_mut(fp.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    known.push(f);
                }
                _ => new.push(f),
            }
        }
        let mut fixed = Vec::new();
        for e in &self.findings {
            if let Some(n) = remaining.get_mut(e.fingerprint.as_str()) {
                if *n > 0 {
                    *n -= 1;
                    fixed.push(e.clone());
                }
            }
        }
        (new, known, fixed)
    }

    /// This baseline without the entries in `gone` (those no finding matches any more), in its
    /// order and version, adding nothing: what `--baseline X --write-baseline X` writes.
    pub fn pruned(&self, gone: &[Fixed]) -> Baseline {
        let mut drop: HashMap<&str, usize> = HashMap::new();
        for g in gone {
            *drop.entry(g.fingerprint.as_str()).or_insert(0) += 1;
        }
        let findings = self
            .findings
            .iter()
            .filter(|e| match drop.get_mut(e.fingerprint.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect();
        Baseline {
            version: self.version,
            findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::source::{FileId, FileKind, Loc};
    use std::sync::Arc;

    fn finding(file: FileId, range: std::ops::Range<usize>) -> Finding {
        Finding {
            name: "policy-invalid-json".into(),
            message: "m".into(),
            loc: Some(Loc::new(file, range)),
            ..Finding::bare("RAM000", Severity::High, file)
        }
    }

    #[test]
    fn fingerprints_ignore_line_moves_and_indentation_but_not_content() {
        let mut sm = SourceMap::default();
        let a = sm.add(
            "a.json".into(),
            "a.json".into(),
            FileKind::Policy,
            Arc::from("{\n  \"Action\": \"ram:*\"\n}"),
        );
        let b = sm.add(
            "a.json".into(),
            "a.json".into(),
            FileKind::Policy,
            Arc::from("\n\n{\n      \"Action\":   \"ram:*\"\n}"),
        );
        let c = sm.add(
            "a.json".into(),
            "a.json".into(),
            FileKind::Policy,
            Arc::from("{\n  \"Action\": \"ecs:*\"\n}"),
        );
        // The span of `"Action": …` up to the closing quote of the value, in each text.
        let span = |id: FileId| {
            let t = &sm.get(id).text;
            let s = t.find("\"Action\"").unwrap();
            s..t.rfind('"').unwrap() + 1
        };
        let fa = fingerprints(&sm, &[finding(a, span(a))]);
        let fb = fingerprints(&sm, &[finding(b, span(b))]);
        let fc = fingerprints(&sm, &[finding(c, span(c))]);
        assert_eq!(fa, fb);
        assert_ne!(fa, fc);
        // Equal findings get distinct fingerprints.
        let two = fingerprints(&sm, &[finding(a, span(a)), finding(a, span(a))]);
        assert_ne!(two[0], two[1]);
        assert_eq!(two[0], fa[0]);
        // The digest holds no source text.
        assert!(!fa[0].contains("ram"));
        assert_eq!(fa[0].len(), 32);
    }

    #[test]
    fn apply_counts_duplicates() {
        let mut sm = SourceMap::default();
        let a = sm.add(
            "a.json".into(),
            "a.json".into(),
            FileKind::Policy,
            Arc::from("{\"Action\": \"ram:*\"}"),
        );
        let base = Baseline::from_findings(&sm, &[finding(a, 1..18), finding(a, 1..18)]);
        let (new, known, fixed) = base.apply(&sm, vec![finding(a, 1..18)]);
        assert_eq!((new.len(), known.len(), fixed.len()), (0, 1, 1));
        let (new, known, fixed) = base.apply(&sm, vec![finding(a, 1..18); 3]);
        assert_eq!((new.len(), known.len(), fixed.len()), (1, 2, 0));
    }

    #[test]
    fn pruning_drops_what_is_gone_and_adds_nothing() {
        let mut sm = SourceMap::default();
        let a = sm.add(
            "a.json".into(),
            "a.json".into(),
            FileKind::Policy,
            Arc::from("{\"Action\": \"ram:*\", \"Resource\": \"*\"}"),
        );
        let base = Baseline::from_findings(&sm, &[finding(a, 1..18), finding(a, 1..18)]);
        // One of the two duplicates is gone, and a new finding appeared.
        let now = vec![finding(a, 1..18), finding(a, 20..35)];
        let (new, known, fixed) = base.apply(&sm, now.clone());
        assert_eq!((new.len(), known.len(), fixed.len()), (1, 1, 1));
        let p = base.pruned(&fixed);
        assert_eq!(p.version, base.version);
        assert_eq!(p.findings.len(), 1);
        assert_eq!(p.findings[0].fingerprint, base.findings[0].fingerprint);
        // Against the pruned file: nothing is fixed, the new finding is still new.
        let (new, known, fixed) = p.apply(&sm, now);
        assert_eq!((new.len(), known.len(), fixed.len()), (1, 1, 0));
    }
}
