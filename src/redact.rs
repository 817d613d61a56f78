//! Secret redaction of everything a run shows: source snippets, messages, labels, notes and
//! unknown-value reasons. Applied once to the result of [`crate::lint::lint`], so every output
//! format (present and future) is covered without each reporter knowing about secrets.
//!
//! Masks keep the byte length and character count of what they hide, so spans and columns stay
//! right; the first four characters of an AccessKey id (`LTAI`) are kept to say what was there.

use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

struct Patterns {
    /// AccessKey ids.
    key_id: Regex,
    /// Tokens shaped like an AccessKey secret: 30 letters and digits, mixed case and digits.
    secret: Regex,
    /// STS security tokens (long base64 blobs; `CAIS`/`CAES` is how they start in practice).
    sts_token: Regex,
    /// The string value of a key whose name says it holds a secret (HCL `k = "v"`, JSON
    /// `"k": "v"`).
    keyed: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        key_id: Regex::new(r"LTAI[0-9A-Za-z]{8,40}").expect("valid regex"),
        // ASCII word boundaries: the Unicode ones force the slow backtracking engine.
        secret: Regex::new(r"(?-u:\b)[0-9A-Za-z]{30}(?-u:\b)").expect("valid regex"),
        sts_token: Regex::new(crate::checks::secrets::STS_TOKEN).expect("valid regex"),
        keyed: Regex::new(
            r#"((?i-u:secret|password|passwd|token|private_key|access_key|credential)(?i-u:[0-9a-z_\-])*)"?(?-u:\s)*[=:](?-u:\s)*"([^"\r\n]*)""#,
        )
        .expect("valid regex"),
    })
}

/// See [`crate::lint::warm_up`].
pub fn warm_up() {
    patterns();
}

fn mixed(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_uppercase())
        && s.bytes().any(|b| b.is_ascii_lowercase())
}

/// `text` with secrets masked by `*` (same byte length), or borrowed when there is none.
pub fn redact(text: &str) -> Cow<'_, str> {
    let p = patterns();
    // Byte ranges to mask.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in p.key_id.find_iter(text) {
        spans.push((m.start() + 4, m.end()));
    }
    for m in p.secret.find_iter(text) {
        if mixed(m.as_str()) {
            spans.push((m.start(), m.end()));
        }
    }
    for m in p.sts_token.find_iter(text) {
        spans.push((m.start() + 4, m.end()));
    }
    for c in p.keyed.captures_iter(text) {
        // `secret_file`, `password_name`…: a path or a name about the secret, not the secret.
        let key = c
            .get(1)
            .map(|k| k.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        if ["_file", "_path", "_name", "_arn", "_type", "_version"]
            .iter()
            .any(|s| key.ends_with(s))
        {
            continue;
        }
        if let Some(v) = c.get(2) {
            // References and interpolations are not secrets, and say where the value comes from.
            if !v.as_str().is_empty() && !v.as_str().contains("${") {
                spans.push((v.start(), v.end()));
            }
        }
    }
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e) in spans {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        out.push_str(&text[at..s]);
        // Each character becomes a mask character of the same UTF-8 length, so byte spans and
        // columns (counted in characters) both stay right.
        for c in text[s..e].chars() {
            out.push(match c.len_utf8() {
                1 => '*',
                2 => '¤',
                3 => '•',
                _ => '🔒',
            });
        }
        at = e;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Redact in place.
pub fn redact_string(s: &mut String) {
    if let Cow::Owned(r) = redact(s) {
        *s = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_length_and_prefix() {
        let t = "id = \"LTAI5tQ8pR7sT3uV9wX2yZ1a\"\nname = \"ops\"\n";
        let r = redact(t);
        assert_eq!(r.len(), t.len());
        assert!(r.contains("\"LTAI********************\""), "{r}");
        assert!(r.contains("name = \"ops\""));
        // Under a key that names a secret the whole value goes.
        assert_eq!(
            redact("access_key = \"LTAI5tQ8pR7sT3uV9wX2yZ1a\""),
            format!("access_key = \"{}\"", "*".repeat(24))
        );
    }

    #[test]
    fn secrets_by_shape_and_by_key() {
        let s = "kP9sD2fG7hJ4kL1zX8cV5bN3mQ6wE0";
        assert_eq!(
            redact(&format!("x = \"{s}\"")),
            format!("x = \"{}\"", "*".repeat(30))
        );
        // Thirty lowercase hex digits are a hash, not a secret.
        let h = "0123456789abcdef0123456789abcd";
        assert_eq!(redact(h), h);
        assert_eq!(
            redact(r#"{"Password": "hunter2", "Name": "x"}"#),
            r#"{"Password": "*******", "Name": "x"}"#
        );
        assert_eq!(
            redact("db_password = \"${var.pw}\""),
            "db_password = \"${var.pw}\""
        );
        assert!(matches!(redact("nothing here"), Cow::Borrowed(_)));
        assert_eq!(
            redact("secret_file = \"ci-key.txt\""),
            "secret_file = \"ci-key.txt\""
        );
    }

    #[test]
    fn multibyte_values_stay_valid_utf8() {
        let r = redact("secret = \"pässwörd\"");
        assert_eq!(r, "secret = \"*¤***¤**\"");
        assert_eq!(r.len(), "secret = \"pässwörd\"".len());
    }
}
