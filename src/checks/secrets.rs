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

fn key_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:LTAI[A-Za-z0-9]{12,20}|STS\.[A-Za-z0-9]{16,40})(?-u:\b)")
            .expect("valid regex")
    })
}

/// Where `(?-u:\b)[A-Za-z0-9]{30}(?-u:\b)` matches, in order: the maximal runs of ASCII word
/// bytes (letters, digits, `_`) that are exactly 30 letters and digits. Inside such a run no
/// position is a word boundary, so a match is a whole run; a run with `_` or of another length
/// holds none. One pass over the bytes, 16 at a time ([`crate::redact::runs30`]), no regex.
fn tokens30(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    crate::redact::runs30(text, crate::redact::Class::Word)
        .filter(|r| !text.as_bytes()[r.clone()].contains(&b'_'))
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

/// Whether `text` holds `LTAI` or `STS.` (every key does), and whether it holds `CAIS` or
/// `CAES` (every token does): one pass over its upper-case `L`, `S` and `C` (rare in
/// Terraform), where four substring searches read every file four times.
fn markers(text: &str) -> (bool, bool) {
    let b = text.as_bytes();
    let (mut key, mut token) = (false, false);
    for i in crate::bytes::positions3(b'L', b'S', b'C', b) {
        match b.get(i..i + 4) {
            Some(b"LTAI" | b"STS.") => key = true,
            Some(b"CAIS" | b"CAES") => token = true,
            _ => {}
        }
        if key && token {
            break;
        }
    }
    (key, token)
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
    let (has_key, has_token) = markers(text);
    let key_matches = has_key.then(|| key_re().find_iter(text));
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
    let token_matches = has_token.then(|| crate::redact::STS_TOKEN_RE.find_iter(text));
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
    // its line or the line above. The 30-character tokens are rare: they are found in one pass
    // over the bytes, and the words looked for on their lines only (a keyword search of the
    // whole text matched nearly every line of Alibaba Cloud code, which names `alicloud_…`).
    let found = tokens30(text).map(|r| (r.start, r.end));
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
        // Only tokens near a key or on a line with a credential word, or below one, are
        // judged (the words as written, before the token is taken out of its line below).
        let looked_at = keys.iter().any(|(l, _, _, _)| l.abs_diff(line) <= 2)
            || lower_has_kw(f.line_text(line))
            || lower_has_kw(f.line_text(line.saturating_sub(1)));
        if !looked_at {
            continue;
        }
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

    /// The one pass finds what the four substring searches find: markers at the start, the
    /// end, overlapping (`SLTAI`, `CCAES`), cut short, next to the other kind and to non-ASCII.
    #[test]
    fn markers_are_what_the_substring_searches_find() {
        let parts = [
            "LTAI", "STS.", "CAIS", "CAES", "LTA", "STS", "CAI", "S", "C", "L", "é", "x", "\n",
        ];
        let mut texts = vec![String::new()];
        for a in parts {
            for b in parts {
                for c in ["", "LTAI", "CAES", "ST"] {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for t in &texts {
            let want = (
                t.contains("LTAI") || t.contains("STS."),
                t.contains("CAIS") || t.contains("CAES"),
            );
            assert_eq!(markers(t), want, "{t:?}");
        }
    }

    /// The scan of `text` as a file `x.tf`: what it emits, and each emit's line.
    fn scanned(text: &str) -> (Sink, Vec<usize>) {
        use crate::source::{FileKind, SourceMap};
        let mut m = SourceMap::default();
        let id = m.add("x.tf".into(), "x.tf".into(), FileKind::Hcl, text.into());
        let sel = crate::rules::Selection::default();
        let mut sink = Sink::default();
        let f = m.get(id);
        scan(&FileCtx { file: f, sel: &sel }, &mut sink);
        let lines = sink
            .emits
            .iter()
            .map(|e| f.line_col(e.loc.map_or(0, |l| l.start as usize)).line)
            .collect();
        (sink, lines)
    }

    #[test]
    fn words_are_not_secrets() {
        let text = "policy_name = \"AliyunYundunGreenWebFullAccess\"\nsecret = \"Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0\"\n";
        let (sink, lines) = scanned(text);
        assert_eq!(lines, vec![2]);
        // The rendered fields never hold the secret.
        for e in &sink.emits {
            assert!(e
                .fields
                .iter()
                .all(|(_, v)| !v.contains("Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0")));
        }
    }

    /// The scanner finds what the regex it replaces finds: on edge cases and on 20,000 texts
    /// pieced together at random from runs of word bytes, `_`, separators and non-ASCII text.
    #[test]
    fn tokens30_finds_what_the_regex_finds() {
        let re = Regex::new(r"(?-u:\b)[A-Za-z0-9]{30}(?-u:\b)").unwrap();
        let check = |t: &str| {
            let want: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
            let got: Vec<_> = tokens30(t).collect();
            assert_eq!(got, want, "{t:?}");
        };
        let a30 = "Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0";
        for t in [
            "",
            a30,
            &format!("x{a30}"),
            &format!("{a30}x"),
            &format!("_{a30}"),
            &format!("{a30}_"),
            &format!("é{a30}é"),
            &format!("\"{a30}\"\n{a30}"),
            &a30[..29],
            &format!("{}_{}", &a30[..15], &a30[..14]),
            &format!("a-{a30}-b {a30}"),
        ] {
            check(t);
        }
        for t in crate::util::pieced_texts(&crate::util::RUN_PARTS, 42, 9).take(20_000) {
            check(&t);
        }
    }

    /// A token is judged only when its line or the line above holds a credential word as
    /// written: one that appears only once the token is taken out of its line does not count.
    #[test]
    fn only_tokens_beside_a_credential_word_are_judged() {
        let s = "Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0";
        let lines = |text: &str| scanned(text).1;
        assert_eq!(
            lines(&format!("a = \"sec{s}ret\", \"{s}\"\n")),
            Vec::<usize>::new()
        );
        assert_eq!(
            lines(&format!("# secret\nb = \"{s}\"\nc = \"{s}\"\n")),
            vec![2]
        );
        assert_eq!(
            lines(&format!("x = 1\n\n\nb = \"{s}\" # ALIYUN\n")),
            vec![4]
        );
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
