//! Secrets in scanned files (SEC): AccessKey IDs and the 30-character secrets next to them, in
//! the raw text of every file (HCL, tfvars, policy and plan JSON), so strings in heredocs,
//! `user_data`, tags, comments and variable defaults are all covered. Messages show a key only
//! redacted and never show a secret.

use super::iam::redact;
use super::{FileCtx, Sink};
use crate::finding::Emit;
use crate::i18n::tr;
use crate::source::Loc;
use regex::Regex;
use std::sync::OnceLock;

/// See [`crate::lint::warm_up`]: the two regexes a file with a credential word (`alicloud`)
/// needs; the others are built only for a text holding their literals.
pub(crate) fn warm_up() {
    secret_re();
    keyword_re();
}

/// Any of [`KEYWORDS`], case-insensitively: the whole-file pre-filter (no lower-cased copy).
fn keyword_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = KEYWORDS.iter().map(|k| regex::escape(k)).collect();
        Regex::new(&format!("(?i-u:{})", alts.join("|"))).expect("valid regex")
    })
}

fn key_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:LTAI[A-Za-z0-9]{12,20}|STS\.[A-Za-z0-9]{16,40})(?-u:\b)")
            .expect("valid regex")
    })
}

fn secret_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?-u:\b)[A-Za-z0-9]{30}(?-u:\b)").expect("valid regex"))
}

/// Words that make a 30-character token on the same line a likely AccessKey secret.
const KEYWORDS: &[&str] = &[
    "secret",
    "access_key",
    "accesskey",
    "access-key",
    "alibaba",
    "aliyun",
    "alicloud",
    "ak_sk",
];

/// Shannon entropy in bits per character.
fn entropy(s: &str) -> f64 {
    let mut counts = [0usize; 128];
    let mut n = 0usize;
    for b in s.bytes().filter(u8::is_ascii) {
        counts[b as usize] += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

/// Placeholders (`LTAIxxxxxxxxxxxxxxxx`, `LTAI0000…`, `STS.XXXX…`) repeat characters; real keys
/// are random.
pub fn looks_random(body: &str, min_entropy: f64) -> bool {
    let mut run = 1;
    let mut prev = None;
    for c in body.chars() {
        if Some(c.to_ascii_lowercase()) == prev {
            run += 1;
            if run >= 4 {
                return false;
            }
        } else {
            run = 1;
        }
        prev = Some(c.to_ascii_lowercase());
    }
    let classes = [
        body.chars().any(|c| c.is_ascii_uppercase()),
        body.chars().any(|c| c.is_ascii_lowercase()),
        body.chars().any(|c| c.is_ascii_digit()),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    classes >= 2 && entropy(body) >= min_entropy
}

/// SEC001 AccessKey IDs alone, SEC002 AccessKey secrets (and pairs), SEC003 STS tokens.
pub fn scan(ctx: &FileCtx, sink: &mut Sink) {
    let f = ctx.file;
    let text: &str = &f.text;
    // Cheap pre-filter: most files hold neither.
    let lower_has_kw = |line: &str| {
        let l = line.to_ascii_lowercase();
        KEYWORDS.iter().any(|k| l.contains(k))
    };
    // (line, redacted key, kind, span)
    let mut keys: Vec<(usize, String, &str, std::ops::Range<usize>)> = Vec::new();
    // Every key holds `LTAI` or `STS.`, every token `CAIS` or `CAES`: without them, their
    // regexes are not even built.
    let key_matches =
        (text.contains("LTAI") || text.contains("STS.")).then(|| key_re().find_iter(text));
    for m in key_matches.into_iter().flatten() {
        let k = m.as_str();
        let (body, kind) = match k.strip_prefix("LTAI") {
            Some(b) => (b, "AccessKey ID"),
            None => (&k[4..], "STS AccessKey ID"),
        };
        // Documentation masks keys (`LTAI4G3HaMmeHpay2gcq****`).
        if !looks_random(body, 3.0) || text[m.end()..].starts_with('*') {
            continue;
        }
        let line = f.line_col(m.start()).line;
        keys.push((line, redact(k), kind, m.range()));
    }
    let token_matches = (text.contains("CAIS") || text.contains("CAES"))
        .then(|| crate::redact::STS_TOKEN_RE.find_iter(text));
    for m in token_matches.into_iter().flatten() {
        let t = m.as_str();
        if entropy(t) < 4.5 {
            continue;
        }
        sink.emit(
            Emit::new("SEC003", f.id, Some(Loc::new(f.id, m.range())))
                .field("length", t.len().to_string())
                .label(tr!("STS security token (not shown)")),
        );
    }
    let mut paired = vec![false; keys.len()];
    // A secret is reported only next to a key (within two lines) or with a credential word on
    // its line or the line above: the 30-character search, which has no literal to skip ahead
    // with, runs on those lines only. Lines end at `\n`, which no token crosses and which is a
    // word boundary, so each line finds what the whole text would find there.
    let mut lines: Vec<usize> = Vec::new();
    for (l, _, _, _) in &keys {
        lines.extend(l.saturating_sub(2).max(1)..=l + 2);
    }
    for m in keyword_re().find_iter(text) {
        let l = f.line_col(m.start()).line;
        lines.extend([l, l + 1]);
    }
    lines.sort_unstable();
    lines.dedup();
    let found = lines.iter().flat_map(|&l| {
        let start = f.line_start(l);
        let end = f.line_start(l + 1).max(start);
        secret_re()
            .find_iter(&text[start..end])
            .map(move |m| (start + m.start(), start + m.end()))
    });
    for (ms, me) in found {
        let m = Loc::new(f.id, ms..me);
        let s = &text[ms..me];
        // Secrets are base62: all three classes appear in practice, while policy names and
        // CamelCase identifiers (`AliyunYundunGreenWebFullAccess`) lack digits.
        let all_classes = s.chars().any(|c| c.is_ascii_digit())
            && s.chars().any(|c| c.is_ascii_uppercase())
            && s.chars().any(|c| c.is_ascii_lowercase());
        if s.starts_with("LTAI") || !all_classes || !looks_random(s, 3.5) {
            continue;
        }
        let line = f.line_col(ms).line;
        // Next to an AccessKey ID (within two lines): a pair…
        let near = keys
            .iter()
            .position(|(l, _, _, _)| l.abs_diff(line) <= 2)
            .map(|i| {
                paired[i] = true;
                format!("next to AccessKey ID {}", keys[i].1)
            });
        // …or a credential word on its line or the line above (`variable "secret_key" {`).
        let near = near.or_else(|| {
            (lower_has_kw(&f.line_text(line).replace(s, ""))
                || lower_has_kw(f.line_text(line.saturating_sub(1))))
            .then(|| "next to a credential name".to_string())
        });
        let Some(near) = near else { continue };
        sink.emit(
            Emit::new("SEC002", f.id, Some(m))
                .field("near", near)
                .field("length", s.len().to_string())
                .label(tr!("AccessKey secret (not shown)")),
        );
    }
    // An ID whose secret was found is reported with it (SEC002); alone it is SEC001.
    for ((_, key, kind, range), paired) in keys.into_iter().zip(paired) {
        if paired {
            continue;
        }
        sink.emit(
            Emit::new("SEC001", f.id, Some(Loc::new(f.id, range)))
                .field("kind", kind)
                .field("key", key.clone())
                .label(format!("{kind} {key}")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_not_secrets() {
        use crate::source::{FileKind, SourceMap};
        let mut m = SourceMap::default();
        let text = "policy_name = \"AliyunYundunGreenWebFullAccess\"\nsecret = \"Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0\"\n";
        let id = m.add("x.tf".into(), "x.tf".into(), FileKind::Hcl, text.into());
        let sel = crate::rules::Selection::default();
        let mut sink = Sink::default();
        scan(
            &FileCtx {
                file: m.get(id),
                sel: &sel,
            },
            &mut sink,
        );
        let lines: Vec<usize> = sink
            .emits
            .iter()
            .map(|e| {
                m.get(id)
                    .line_col(e.loc.map_or(0, |l| l.start as usize))
                    .line
            })
            .collect();
        assert_eq!(lines, vec![2]);
        // The rendered fields never hold the secret.
        for e in &sink.emits {
            assert!(e
                .fields
                .iter()
                .all(|(_, v)| !v.contains("Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0")));
        }
    }

    #[test]
    fn placeholders_are_not_keys() {
        assert!(!looks_random("xxxxxxxxxxxxxxxxxxxx", 3.0));
        assert!(!looks_random("XXXXXXXXXXXXXXXXXXXX", 3.0));
        assert!(!looks_random("00000000000000000000", 3.0));
        assert!(!looks_random("4GxxxxxxxxxxxxxxxxxX", 3.0));
        assert!(looks_random("5tQ9xLpD2mVb7RkW3nYx", 3.0));
        assert!(looks_random("4G3HaMmeHpay2gcqZp8K", 3.0));
    }
}
