//! Secret redaction of everything a run shows. Applied twice: once to the result of
//! [`crate::lint::lint`] (source snippets, messages, labels, notes, unknown-value reasons), so
//! spans stay exact, and once more, as the single last pass, on every byte that leaves the
//! process ([`redact`] on stdout, stderr, `--output` files, the baseline and the language
//! server), so that pointers, keys, paths and configuration errors are covered too.
//!
//! Secret shapes, each recognised in a secret context so that hashes and file names are kept:
//! AccessKey ids (`LTAI…`, also written with `\u` escapes or glued to `_`), STS tokens
//! (`STS.…`), 30-character AccessKey secrets (mixed case and digits anywhere; any mix beside an
//! AccessKey id), and every literal after a key or attribute named like a secret (`password`,
//! `secret_key`, `token`…: quoted values, the literal parts of `"${…}literal"`, each literal of
//! a function call such as `join("", ["a", "b"])`, and `NAME=value` environment assignments).
//!
//! Masks keep the byte length and character count of what they hide, so spans and columns stay
//! right; the first four characters of an AccessKey id (`LTAI`) are kept to say what was there.

use regex::Regex;
use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

/// An STS security token: a long base64 blob. Tokens issued today start `CAIS` (older ones
/// `CAES`); the prefix is what tells them from other base64.
pub const STS_TOKEN: &str = r"(?-u:\b)CA[IE]S[A-Za-z0-9+/]{96,}={0,2}";

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

// Each pattern is built only for a text that holds a literal every match of it holds (building
// all of them was a few per cent of a one-file run, whose output needs one at most).
/// AccessKey ids.
static KEY_ID: LazyLock<Regex> = LazyLock::new(|| regex(r"LTAI[0-9A-Za-z]{8,40}"));
/// AccessKey ids and alphanumeric runs where characters may be written `\u00XX`.
static KEY_ID_ESCAPED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?:L|\\u004[cC])(?:T|\\u0054)(?:A|\\u0041)(?:I|\\u0049){ALNUM_ESC}{{8,40}}"
    ))
});
static RUN_ESCAPED: LazyLock<Regex> = LazyLock::new(|| regex(&format!("{ALNUM_ESC}+")));
/// STS security tokens: `STS.…` ids and the long base64 blobs (`CAIS`/`CAES` is how they
/// start in practice).
static STS: LazyLock<Regex> = LazyLock::new(|| regex(r"STS\.[0-9A-Za-z+/=_\-]{16,}"));
/// [`STS_TOKEN`], shared with the secret scan (`checks::secrets`).
pub(crate) static STS_TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| regex(STS_TOKEN));
/// An alphanumeric character, possibly written as a `\u00XX` escape.
const ALNUM_ESC: &str = r"(?:[0-9A-Za-z]|\\u00(?:3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]))";

/// A key whose name says it holds a secret, up to its `=` or `:` (HCL `k = `, JSON `"k": `,
/// environment `K=`): where the regex
/// `((?i-u:secret|password|passwd|token|private_key|access_key|credential)(?i-u:[0-9a-z_\-])*)(\\?")?(?-u:[ \t])*[=:](?-u:[ \t])*`
/// matches (a unit test compares both). Found by hand after the words: building that regex was
/// a few per cent of a one-file run, whose output holds `http_tokens` (ECS003).
struct Keyed {
    /// The key: the word and the letters, digits, `_` and `-` after it.
    key: std::ops::Range<usize>,
    /// A `"` (or `\"`) closes the key.
    quoted: bool,
    /// Where the match ends: after the `=`/`:` and the spaces and tabs after it.
    end: usize,
}

/// The words that start a [`Keyed`] key.
const KEY_WORDS: [&str; 7] = [
    "secret",
    "password",
    "passwd",
    "token",
    "private_key",
    "access_key",
    "credential",
];

/// Set by a process that redacts many texts over its life (see [`expect_many_texts`]).
static MANY_TEXTS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Say, before the first redaction, that this process will redact many texts (the language
/// server redacts each lint's findings and files and every frame it sends): searches that
/// cost more to build and less to run are built then. The results are the same.
pub fn expect_many_texts() {
    MANY_TEXTS.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The first of [`KEY_WORDS`] (in any ASCII case) that starts at `from` or after, as an
/// Aho-Corasick search finds it: no two words match at one position. A process that redacts
/// text after text (the language server) builds that search as a DFA, which scans faster; a
/// command-line run looks by hand: building an automaton on every run that redacts cost more
/// than this search of the few texts it redacts.
fn key_word(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    if MANY_TEXTS.load(std::sync::atomic::Ordering::Relaxed) {
        static WORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
        let words = WORDS.get_or_init(|| key_words_dfa().expect("valid words"));
        return words
            .find(aho_corasick::Input::new(text).span(from..text.len()))
            .map(|m| m.range());
    }
    key_word_scan(text.as_bytes(), from)
}

fn key_words_dfa() -> Result<aho_corasick::AhoCorasick, aho_corasick::BuildError> {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(KEY_WORDS)
}

/// The first three bytes of [`KEY_WORDS`] (`passwd` and `password` share theirs).
const KEY_STARTS: [[u8; 3]; 6] = [*b"sec", *b"pas", *b"tok", *b"pri", *b"acc", *b"cre"];

/// [`key_word`] by hand: where a word's first three bytes start (16 positions at a time,
/// [`sse2`]), else a byte pair (most are not the start of any word), then the words.
fn key_word_scan(b: &[u8], from: usize) -> Option<std::ops::Range<usize>> {
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    while i + 18 <= b.len() {
        // SAFETY: `i + 18 <= b.len()`: the loads at `i`, `i + 1` and `i + 2` read inside `b`.
        let mut starts = unsafe { sse2::starts(b.as_ptr().add(i), &KEY_STARTS) };
        while starts != 0 {
            let at = i + starts.trailing_zeros() as usize;
            if let Some(w) = KEY_WORDS.iter().find(|w| {
                b[at..]
                    .get(..w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            }) {
                return Some(at..at + w.len());
            }
            starts &= starts - 1;
        }
        i += 16;
    }
    while i + 1 < b.len() {
        // ASCII letters in either case (and a few other bytes: the words decide).
        if matches!(
            [b[i] | 0x20, b[i + 1] | 0x20],
            [b's', b'e'] | [b'p', b'a'] | [b't', b'o'] | [b'p', b'r'] | [b'a', b'c'] | [b'c', b'r']
        ) {
            for w in KEY_WORDS {
                if b[i..]
                    .get(..w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
                {
                    return Some(i..i + w.len());
                }
            }
        }
        i += 1;
    }
    None
}

/// Every [`Keyed`] of `text`, in order, as the regex's `captures_iter` finds them: at the first
/// word that completes a match, then after that match.
fn keyed(text: &str) -> impl Iterator<Item = Keyed> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    let blank = |i: usize| {
        i + b[i..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count()
    };
    std::iter::from_fn(move || {
        // No two words start alike, so at most one begins at a position; each part after the
        // word is taken whole (the next part cannot start with what it takes), so a match
        // starting there is found without going back.
        while let Some(m) = key_word(text, from) {
            from = m.start + 1;
            let key_end = m.end
                + b[m.end..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
                    .count();
            let after_quote = if b[key_end..].starts_with(b"\\\"") {
                key_end + 2
            } else if b[key_end..].starts_with(b"\"") {
                key_end + 1
            } else {
                key_end
            };
            let at = blank(after_quote);
            if !matches!(b.get(at), Some(b'=' | b':')) {
                continue;
            }
            let end = blank(at + 1);
            from = end;
            return Some(Keyed {
                key: m.start..key_end,
                quoted: after_quote > key_end,
                end,
            });
        }
        from = text.len();
        None
    })
}

/// Whether `text` may hold something [`redact`] masks: a run of exactly 30 letters and digits,
/// or the first four bytes of a literal that a pattern needs (`LTAI`, `\u00`, `STS.`,
/// `CAIS`/`CAES`, `secr`, `pass`, `toke`, `priv`, `acce`, `cred`), in any case: a superset.
/// Most texts (a finding's message, help, label; the output) hold none, and every byte a run
/// shows is checked twice (its words, then the output), so this reads 16 bytes at a time where
/// it can ([`sse2`]), the bytes one by one elsewhere.
fn may_hold_secret(text: &str) -> bool {
    let b = text.as_bytes();
    #[cfg(target_arch = "x86_64")]
    {
        sse2::may_hold_secret(b)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        bytewise(b, 0)
    }
}

/// Four bytes at a time, ASCII letters folded to lower case by setting bit 5 (other bytes may
/// fold onto a literal too: that only makes the set larger).
const fn fold4(w: &[u8; 4]) -> u32 {
    u32::from_le_bytes(*w) | 0x2020_2020
}

/// The literals of [`may_hold_secret`], folded.
const LITERALS: [[u8; 4]; 11] = [
    *b"ltai", *b"\\u00", *b"sts.", *b"cais", *b"caes", *b"secr", *b"pass", *b"toke", *b"priv",
    *b"acce", *b"cred",
];

fn literal_at(w: u32) -> bool {
    const L: [u32; 11] = {
        let mut l = [0; 11];
        let mut i = 0;
        while i < 11 {
            l[i] = fold4(&LITERALS[i]);
            i += 1;
        }
        l
    };
    let w = w | 0x2020_2020;
    L.contains(&w)
}

/// [`may_hold_secret`] one byte at a time, from `run` letters and digits just before `b`.
fn bytewise(b: &[u8], mut run: usize) -> bool {
    // The last four bytes as a little-endian word (no literal has a byte that folds from 0, so
    // the words before the fourth byte never match), and the alphanumeric run.
    let mut w: u32 = 0;
    for &c in b {
        w = (w >> 8) | (u32::from(c) << 24);
        if literal_at(w) {
            return true;
        }
        if c.is_ascii_alphanumeric() {
            run += 1;
        } else {
            if run == 30 {
                return true;
            }
            run = 0;
        }
    }
    run == 30
}

/// [`may_hold_secret`] on 16 bytes at a time with SSE2 (part of every x86-64 processor): a mask
/// of the positions where a literal's first three (folded) bytes start, each checked whole, and
/// a mask of the letters and digits, whose runs are counted across blocks.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::*;

    pub(super) fn may_hold_secret(b: &[u8]) -> bool {
        let mut i = 0;
        // Letters and digits just before `i`.
        let mut run = 0;
        // A block reads 18 bytes: the first three of a literal at each of its 16 positions.
        while i + 18 <= b.len() {
            // SAFETY: `i + 18 <= b.len()`, so the three 16-byte loads at `i`, `i + 1` and
            // `i + 2` read inside `b`; SSE2 is enabled on every x86-64 target.
            let (mut starts, alnum) = unsafe { masks(b.as_ptr().add(i)) };
            while starts != 0 {
                let at = i + starts.trailing_zeros() as usize;
                if let Some(w) = b.get(at..at + 4) {
                    if super::literal_at(u32::from_le_bytes([w[0], w[1], w[2], w[3]])) {
                        return true;
                    }
                }
                starts &= starts - 1;
            }
            if alnum == 0xffff {
                run += 16;
            } else {
                // The run before the block ends at its first other byte; runs inside the block
                // are shorter than 16; the last one goes on into the next block.
                if run + alnum.trailing_ones() as usize == 30 {
                    return true;
                }
                run = alnum.leading_ones() as usize;
            }
            i += 16;
        }
        super::bytewise(&b[i..], run)
    }

    /// Bit `k`: the three bytes at `p + k`, each with bit 5 set (ASCII letters in lower
    /// case), are one of `prefixes` (given so folded).
    ///
    /// # Safety
    /// `p` must be readable for 18 bytes.
    #[inline(always)]
    pub(super) unsafe fn starts(p: *const u8, prefixes: &[[u8; 3]]) -> u32 {
        let bit5 = _mm_set1_epi8(0x20);
        let f = [
            _mm_or_si128(_mm_loadu_si128(p.cast()), bit5),
            _mm_or_si128(_mm_loadu_si128(p.add(1).cast()), bit5),
            _mm_or_si128(_mm_loadu_si128(p.add(2).cast()), bit5),
        ];
        let mut starts = _mm_setzero_si128();
        for l in prefixes {
            let m = _mm_and_si128(
                _mm_and_si128(
                    _mm_cmpeq_epi8(f[0], _mm_set1_epi8(l[0] as i8)),
                    _mm_cmpeq_epi8(f[1], _mm_set1_epi8(l[1] as i8)),
                ),
                _mm_cmpeq_epi8(f[2], _mm_set1_epi8(l[2] as i8)),
            );
            starts = _mm_or_si128(starts, m);
        }
        _mm_movemask_epi8(starts) as u32
    }

    /// Bit `k`: the byte at `p + k` is of `class`.
    ///
    /// # Safety
    /// `p` must be readable for 16 bytes.
    #[inline(always)]
    pub(super) unsafe fn class_mask(p: *const u8, class: super::Class) -> u16 {
        let x = _mm_loadu_si128(p.cast());
        let f = _mm_or_si128(x, _mm_set1_epi8(0x20));
        let digit = _mm_and_si128(
            _mm_cmpgt_epi8(x, _mm_set1_epi8(b'0' as i8 - 1)),
            _mm_cmpgt_epi8(_mm_set1_epi8(b'9' as i8 + 1), x),
        );
        let letter = _mm_and_si128(
            _mm_cmpgt_epi8(f, _mm_set1_epi8(b'a' as i8 - 1)),
            _mm_cmpgt_epi8(_mm_set1_epi8(b'z' as i8 + 1), f),
        );
        let mut m = _mm_or_si128(digit, letter);
        if class == super::Class::Word {
            m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(b'_' as i8)));
        }
        _mm_movemask_epi8(m) as u16
    }

    /// Bit `k` of the first mask: the folded bytes at `p + k` begin like a literal; of the
    /// second: the byte at `p + k` is an ASCII letter or digit.
    ///
    /// # Safety
    /// `p` must be readable for 18 bytes.
    #[inline(always)]
    unsafe fn masks(p: *const u8) -> (u32, u16) {
        const STARTS: [[u8; 3]; 11] = {
            let mut s = [[0; 3]; 11];
            let mut i = 0;
            while i < 11 {
                let l = super::LITERALS[i];
                s[i] = [l[0] | 0x20, l[1] | 0x20, l[2] | 0x20];
                i += 1;
            }
            s
        };
        (starts(p, &STARTS), class_mask(p, super::Class::Alnum))
    }
}

fn mixed(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_uppercase())
        && s.bytes().any(|b| b.is_ascii_lowercase())
}

/// Characters a run of `\u`-escaped text stands for.
fn unescaped_len(s: &str) -> usize {
    s.len() - s.matches("\\u00").count() * 5
}

/// Which bytes [`runs30`] counts.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Class {
    /// ASCII letters and digits (`_` separates: a secret glued to `_` is found).
    Alnum,
    /// ASCII letters, digits and `_` (the bytes of a regex's `\w` without Unicode).
    Word,
}

impl Class {
    fn has(self, c: u8) -> bool {
        c.is_ascii_alphanumeric() || (self == Class::Word && c == b'_')
    }
}

/// The maximal runs of `class` bytes that are exactly 30 bytes long, in order. Such runs are
/// rare, and a run of 30 spans two blocks of 16: the text is read 16 bytes at a time ([`sse2`])
/// counting only the run that goes on across a block's end, the bytes one by one elsewhere.
pub(crate) fn runs30(
    text: &str,
    class: Class,
) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    const N: usize = 30;
    let b = text.as_bytes();
    let mut i = 0;
    // `class` bytes just before `i`.
    let mut run = 0;
    std::iter::from_fn(move || {
        #[cfg(target_arch = "x86_64")]
        while i + 16 <= b.len() {
            // SAFETY: `i + 16 <= b.len()`: the load at `i` reads inside `b`.
            let m = unsafe { sse2::class_mask(b.as_ptr().add(i), class) };
            let at = i;
            i += 16;
            if m == 0xffff {
                run += 16;
                continue;
            }
            // The run before the block ends at its first other byte; runs inside the block are
            // shorter than 16; the last one goes on into the next block.
            let first = m.trailing_ones() as usize;
            let ended = run + first;
            run = m.leading_ones() as usize;
            if ended == N {
                return Some(at + first - N..at + first);
            }
        }
        while i < b.len() {
            let c = b[i];
            i += 1;
            if class.has(c) {
                run += 1;
            } else {
                let ended = std::mem::take(&mut run);
                if ended == N {
                    return Some(i - 1 - N..i - 1);
                }
            }
        }
        // The text ends a run (once: `run` is then 0).
        (std::mem::take(&mut run) == N).then(|| b.len() - N..b.len())
    })
}

/// Secret-like keys that name something about a secret, not the secret: a setting of a
/// password policy (`max_password_age`, `password_reuse_prevention`,
/// `minimum_password_length`), a file, a name, a count. `key` is the whole identifier. The last
/// word says what the value is (`password_reuse_prevention` is a number of passwords,
/// `secret_key` a key), a leading quantifier that it is a limit (`max_idle_days_for_access_keys`).
fn harmless_key(key: &str) -> bool {
    const WHAT: &[&str] = &[
        "file",
        "path",
        "name",
        "arn",
        "type",
        "version",
        "length",
        "count",
        "num",
        "age",
        "prevention",
        "inherit",
        "required",
        "reset",
        "character",
        "characters",
        "policy",
        "uri",
        "url",
        "days",
        "ttl",
        "expiry",
        "period",
        "interval",
        "attempts",
        "enabled",
    ];
    const LIMIT: &[&str] = &["max", "min", "maximum", "minimum", "allow"];
    let key = key.to_ascii_lowercase();
    let mut words = key.split(['_', '-']).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let last = words.next_back().unwrap_or(first);
    WHAT.contains(&last) || LIMIT.contains(&first)
}

/// The whole identifier around the secret word that starts at `at` (`max_password_age` around
/// `password_age`).
fn whole_key(text: &str, at: usize, end: usize) -> &str {
    let b = text.as_bytes();
    let mut s = at;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] == b'-') {
        s -= 1;
    }
    &text[s..end]
}

/// The literal parts of the value after a secret-like key, as byte ranges: a quoted string
/// (outside its `${…}`), every quoted literal of an expression to the end of the line
/// (`join("", ["a", "b"])`), or an unquoted environment value (`DB_PASSWORD=x`).
fn keyed_value(
    text: &str,
    at: usize,
    env_style: bool,
    quote_escaped: bool,
    out: &mut Vec<(usize, usize)>,
) {
    let b = text.as_bytes();
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    // Inside a JSON-escaped text (a message quoting source), quotes are `\"`.
    let quote: &[u8] = if quote_escaped { b"\\\"" } else { b"\"" };
    if b[at..end].starts_with(quote) || (end > at && b[at].is_ascii_alphabetic() && !env_style) {
        // Quoted literals up to the end of the line; `${…}` parts (references) are kept.
        let mut i = at;
        let mut in_str = false;
        let mut depth = 0usize;
        let mut lit_start = None;
        let first_is_call = !b[at..end].starts_with(quote);
        if first_is_call {
            // A bare reference (`var.x`) is not a secret; a call (`join(`) may carry literals.
            let word_end = b[at..end]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                .map_or(end, |p| at + p);
            if b.get(word_end) != Some(&b'(') {
                return;
            }
        }
        while i < end {
            if b[i..end].starts_with(quote) && depth == 0 {
                if in_str {
                    if let Some(s) = lit_start.take() {
                        out.push((s, i));
                    }
                    in_str = false;
                    if !first_is_call {
                        return;
                    }
                } else {
                    in_str = true;
                    lit_start = Some(i + quote.len());
                }
                i += quote.len();
                continue;
            }
            if in_str {
                if b[i] == b'\\' && !quote_escaped {
                    i += 2;
                    continue;
                }
                if b[i..end].starts_with(b"${") {
                    if depth == 0 {
                        if let Some(s) = lit_start.take() {
                            out.push((s, i));
                        }
                    }
                    depth += 1;
                    i += 2;
                    continue;
                }
                if b[i] == b'}' && depth > 0 {
                    depth -= 1;
                    if depth == 0 {
                        lit_start = Some(i + 1);
                    }
                }
            }
            i += 1;
        }
        if let Some(s) = lit_start {
            out.push((s, end));
        }
        return;
    }
    if env_style {
        let stop = b[at..end]
            .iter()
            .position(|c| c.is_ascii_whitespace() || b"\"'`;&|".contains(c))
            .map_or(end, |p| at + p);
        // An AccessKey id keeps its `LTAI`, as everywhere else.
        let start = if text[at..stop].starts_with("LTAI") {
            at + 4
        } else {
            at
        };
        out.push((start, stop));
    }
}

/// `text` with secrets masked by `*` (same byte length), or borrowed when there is none.
pub fn redact(text: &str) -> Cow<'_, str> {
    // A whole report (megabytes, the last pass before it leaves the process) is scanned in
    // pieces on the analysis threads: it is otherwise the longest serial step of a run.
    if text.len() >= PARALLEL_MIN {
        return apply(text, chunked_spans(text, CHUNK));
    }
    if !may_hold_secret(text) {
        return Cow::Borrowed(text);
    }
    scan(text)
}

/// Texts from this size are scanned in pieces of [`CHUNK`] bytes (see [`chunked_spans`]).
const PARALLEL_MIN: usize = 1 << 20;
const CHUNK: usize = 256 << 10;

/// The spans [`spans`] finds in the whole `text`, found piece by piece in parallel: pieces of
/// about `chunk` bytes that start and end at line starts, each scanned with the whole lines
/// within [`CONTEXT`] bytes around it, and keeping the spans that start inside it. Nothing a
/// pattern matches crosses a line end (keys, ids, tokens, runs, a key's value all stop at
/// `\n`), and a search that restarts at a line start finds there what a search from the
/// text's start finds, so each line's spans are those of the whole text; the one thing read
/// across lines is whether an AccessKey id is within 200 bytes of a 30-character run, and the
/// context holds every id that near.
fn chunked_spans(text: &str, chunk: usize) -> Vec<(usize, usize)> {
    use rayon::prelude::*;
    let b = text.as_bytes();
    let line_start_after = |at: usize| match at >= b.len() {
        true => b.len(),
        false => b[at..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| at + i + 1),
    };
    let line_start_before = |at: usize| {
        b[..at]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i + 1)
    };
    let mut bounds = vec![0];
    while let Some(&last) = bounds.last().filter(|&&l| l < b.len()) {
        bounds.push(line_start_after(last + chunk));
    }
    bounds
        .par_windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            let ws = line_start_before(start.saturating_sub(CONTEXT));
            let we = line_start_after(end.saturating_add(CONTEXT));
            let window = &text[ws..we];
            if !may_hold_secret(window) {
                return Vec::new();
            }
            let mut v = spans(window);
            v.retain_mut(|(s, e)| {
                (*s, *e) = (*s + ws, *e + ws);
                (start..end).contains(s)
            });
            v
        })
        .flatten()
        .collect()
}

/// At least the distance across which an AccessKey id makes a 30-character run its secret.
const CONTEXT: usize = 256;

/// [`redact`] without the pre-check.
fn scan(text: &str) -> Cow<'_, str> {
    apply(text, spans(text))
}

/// The byte ranges of `text` to mask, in no order (some may be empty or overlap).
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut ids: Vec<usize> = Vec::new();
    if text.contains("LTAI") {
        for m in KEY_ID.find_iter(text) {
            spans.push((m.start() + 4, m.end()));
            ids.push(m.start());
        }
    }
    let escaped = text.contains("\\u00");
    if escaped {
        for m in KEY_ID_ESCAPED.find_iter(text) {
            let prefix = m.as_str().find(['I', 'i']).map_or(4, |i| {
                if m.as_str()[i..].starts_with('I') {
                    i + 1
                } else {
                    i + 2
                }
            });
            let prefix = if m.as_str().starts_with("LTAI") {
                4
            } else {
                prefix
            };
            spans.push((m.start() + prefix.min(m.len()), m.end()));
            ids.push(m.start());
        }
    }
    if text.contains("STS.") {
        for m in STS.find_iter(text) {
            spans.push((m.start() + 4, m.end()));
        }
    }
    if text.contains("CAIS") || text.contains("CAES") {
        for m in STS_TOKEN_RE.find_iter(text) {
            spans.push((m.start() + 4, m.end()));
        }
    }
    // Beside an AccessKey id, a 30-character run is its secret whatever its characters.
    let near_id = |s: usize| ids.iter().any(|&i| i.abs_diff(s) < 200);
    for r in runs30(text, Class::Alnum) {
        let (s, e) = (r.start, r.end);
        if mixed(&text[s..e]) || near_id(s) {
            spans.push((s, e));
        }
    }
    if escaped {
        for m in RUN_ESCAPED.find_iter(text) {
            if m.as_str().contains("\\u00") && unescaped_len(m.as_str()) == 30 {
                spans.push((m.start(), m.end()));
            }
        }
    }
    for k in keyed(text) {
        let key = &text[k.key.clone()];
        if harmless_key(whole_key(text, k.key.start, k.key.end)) {
            continue;
        }
        // ECS's metadata mode (`http_tokens = "optional"`/`"required"`): masking it would hide
        // ECS003's finding and block its fix.
        if key.eq_ignore_ascii_case("tokens")
            && k.key.start >= 5
            && text.as_bytes()[k.key.start - 5..k.key.start].eq_ignore_ascii_case(b"http_")
        {
            continue;
        }
        // `NAME=value` with an upper-case name and no spaces: an environment assignment.
        let env_style = !key.bytes().any(|b| b.is_ascii_lowercase())
            && !k.quoted
            && k.end == k.key.end + 1
            && text.as_bytes()[k.key.end] == b'=';
        let quote_escaped = text[k.end..].starts_with("\\\"");
        keyed_value(text, k.end, env_style, quote_escaped, &mut spans);
    }
    spans
}

/// `text` with the `spans` masked.
fn apply(text: &str, mut spans: Vec<(usize, usize)>) -> Cow<'_, str> {
    spans.retain(|(s, e)| s < e);
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
        // Ranges come from byte scans: keep them on character boundaries.
        let (mut s, mut e) = (s, e.min(text.len()));
        while !text.is_char_boundary(s) {
            s += 1;
        }
        while !text.is_char_boundary(e) {
            e += 1;
        }
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

    /// The pre-checks that decide whether a pattern is built and run hold for every text it
    /// matches.
    #[test]
    fn literal_pre_checks_hold_where_the_patterns_match() {
        let texts = [
            "password = \"x\"",
            "PassWd: x",
            "my_TOKEN=\"a\"",
            "Private_Key : \"k\"",
            "ACCESS_KEY=abc",
            "credentials = [\"a\"]",
            "SECRETS\t=\t\"s\"",
            "x.secret_key = join(\"\", [\"a\"])",
            "\\\"token\\\": \\\"t\\\"",
            "LTAI5tQ8pR7sT3uV9wX2yZ1a",
            "STS.NUbc0123456789abcdef",
            "CAIS0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
            "CAES0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz==",
            "name = \"ops\"",
        ];
        for t in texts {
            assert!(!KEY_ID.is_match(t) || t.contains("LTAI"), "{t:?}");
            assert!(!STS.is_match(t) || t.contains("STS."), "{t:?}");
            assert!(
                !STS_TOKEN_RE.is_match(t) || t.contains("CAIS") || t.contains("CAES"),
                "{t:?}"
            );
        }
        assert!(KEY_ID.is_match(texts[9]) && STS.is_match(texts[10]));
    }

    /// A text scanned in pieces (as a whole report is) is masked exactly as when scanned whole:
    /// on 3,000 texts pieced together at random from secrets, keys, ids within and beyond 200
    /// bytes of a run, escapes and line ends, cut into pieces of several sizes.
    #[test]
    fn pieces_are_masked_as_the_whole() {
        let parts = [
            "LTAI5tQ8pR7sT3uV9wX2yZ1a",
            "Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0",
            "zzqqwwmmkkppllxxnnbbvvccrrttyy",
            "password = \"hunter2\" ",
            " secret_key: join(\"\", [\"a\", \"b\"])",
            "\\u004cTAI5tQ8pR7sT3uV9wX2yZ1a",
            "STS.NUbc0123456789abcdef",
            "CAIS0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
            "http_tokens = \"required\"",
            "DB_PASSWORD=abc ",
            "\\\"token\\\": \\\"t\\\"",
            "\n",
            "\n",
            "\r\n",
            " ",
            "é",
            "\"",
            "_",
            "filler text of no interest at all, long enough to push ids apart: 0123456789 ",
        ];
        for t in crate::util::pieced_texts(&parts, 7, 60).take(3_000) {
            let whole = scan(&t);
            for chunk in [1, 13, 100, 700] {
                assert_eq!(
                    apply(&t, chunked_spans(&t, chunk)),
                    whole,
                    "{t:?} in pieces of {chunk}"
                );
            }
        }
        // Large enough to go to pieces through `redact` itself.
        let big = format!(
            "{}password = \"x\"\n",
            "a b c\n".repeat(PARALLEL_MIN / 6 + 1)
        );
        assert_eq!(redact(&big), scan(&big));
        assert!(redact(&big).ends_with("password = \"*\"\n"));
    }

    /// The keys found by hand are those the regex they replace captures: on cases around each
    /// part, and on 20,000 texts pieced together at random from the parts.
    /// The runs of 30, read 16 bytes at a time, are the maximal runs of the class that a regex
    /// finds, 30 bytes long: at block edges, at the text's end, across non-ASCII bytes.
    #[test]
    fn runs30_finds_what_the_regex_finds() {
        for (class, re) in [
            (Class::Alnum, Regex::new("(?-u:[A-Za-z0-9]+)").unwrap()),
            (Class::Word, Regex::new("(?-u:[A-Za-z0-9_]+)").unwrap()),
        ] {
            let check = |t: &str| {
                let want: Vec<_> = re
                    .find_iter(t)
                    .map(|m| m.range())
                    .filter(|r| r.len() == 30)
                    .collect();
                assert_eq!(runs30(t, class).collect::<Vec<_>>(), want, "{t:?}");
            };
            let a30 = "Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0";
            for pad in 0..40 {
                let p = "-".repeat(pad);
                check(&format!("{p}{a30}"));
                check(&format!("{p}{a30}-"));
                check(&format!("{p}{a30}{p}{a30}"));
                check(&format!("{p}_{a30}_x"));
            }
            for t in crate::util::pieced_texts(&crate::util::RUN_PARTS, 7, 10).take(20_000) {
                check(&t);
            }
        }
    }

    #[test]
    fn keyed_finds_what_the_regex_finds() {
        let dfa = key_words_dfa().unwrap();
        let re = Regex::new(
            r#"((?i-u:secret|password|passwd|token|private_key|access_key|credential)(?i-u:[0-9a-z_\-])*)(\\?")?(?-u:[ \t])*[=:](?-u:[ \t])*"#,
        )
        .unwrap();
        let check = |t: &str| {
            let want: Vec<(std::ops::Range<usize>, bool, usize)> = re
                .captures_iter(t)
                .map(|c| {
                    (
                        c.get(1).unwrap().range(),
                        c.get(2).is_some(),
                        c.get(0).unwrap().end(),
                    )
                })
                .collect();
            let got: Vec<(std::ops::Range<usize>, bool, usize)> =
                keyed(t).map(|k| (k.key, k.quoted, k.end)).collect();
            assert_eq!(got, want, "{t:?}");
            // The hand search finds the words the server's DFA finds, from every position.
            for from in 0..=t.len() {
                let dfa = dfa
                    .find(aho_corasick::Input::new(t).span(from..t.len()))
                    .map(|m| m.range());
                assert_eq!(key_word_scan(t.as_bytes(), from), dfa, "{t:?} from {from}");
            }
        };
        for t in [
            "password = \"x\"",
            "PassWd: x",
            "my_TOKEN=\"a\"",
            "Private_Key : \"k\"",
            "ACCESS_KEY=abc",
            "credentials = [\"a\"]",
            "SECRETS\t=\t\"s\"",
            "\\\"token\\\": \\\"t\\\"",
            "\"password\"  :  x",
            "password\\x = 1",
            "password\\\\\" = 1",
            "secretsecret = 1 tokentoken=2",
            "passwordtoken x token = y",
            "to ken = 1 pass word = 2 passwdd=3 passwor = 4",
            "http_tokens = \"optional\"",
            "token",
            "token =",
            "token\"",
            "token-\u{e9} = 1",
            "\u{e9}token = \u{e9}",
            "token\u{a0}= 1",
            "SECRET_KEY=x\nPASSWORD=y\r\nTOKEN :\tz",
            "",
            "=:",
        ] {
            check(t);
        }
        const PARTS: [&str; 24] = [
            "token",
            "TOKEN",
            "Pass",
            "password",
            "passwd",
            "secret",
            "private_key",
            "access_key",
            "credential",
            "_",
            "-",
            "\"",
            "\\",
            "=",
            ":",
            " ",
            "\t",
            "a",
            "1",
            "\u{e9}",
            "\n",
            "x.",
            "==",
            "tok",
        ];
        for t in crate::util::pieced_texts(&PARTS, 42, 12).take(20_000) {
            check(&t);
        }
    }

    #[test]
    fn masks_keep_length_and_prefix() {
        let t = "id = \"LTAI5tQ8pR7sT3uV9wX2yZ1a\"\nname = \"ops\"\n";
        let r = redact(t);
        assert_eq!(r.len(), t.len());
        assert!(r.contains("\"LTAI********************\""), "{r}");
        assert!(r.contains("name = \"ops\""));
        // ECS's metadata mode is not a token.
        assert_eq!(
            redact("http_tokens = \"optional\""),
            "http_tokens = \"optional\""
        );
        assert_eq!(redact("x_tokens = \"optional\""), "x_tokens = \"********\"");
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
        // A password policy's settings are numbers and switches, not passwords; the passwords
        // and keys beside them are still masked.
        let policy = "resource \"alicloud_ram_password_policy\" \"p\" {\n  minimum_password_length = \"8\"\n  max_password_age = \"0\"\n  password_reuse_prevention = \"1\"\n  minimum_password_different_character = \"1\"\n  password_not_contain_user_name = \"false\"\n  max_idle_days_for_access_keys = \"90\"\n}\n";
        assert_eq!(redact(policy), policy);
        assert_eq!(
            redact("db_password = \"12345678\"\nkms_encrypted_password = \"x\"\nsecret_data = \"s\"\nsecret_access_key = \"k\"\nDB_PASSWORD=hunter2"),
            "db_password = \"********\"\nkms_encrypted_password = \"*\"\nsecret_data = \"*\"\nsecret_access_key = \"*\"\nDB_PASSWORD=*******"
        );
    }

    /// The pre-check never skips a text the patterns would mask: every fixture, whole and line
    /// by line, and each line cut at every tenth byte.
    #[test]
    fn the_pre_check_skips_only_what_has_nothing_to_mask() {
        fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    texts(&p, out);
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push(t);
                }
            }
        }
        let mut all = Vec::new();
        texts(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
            &mut all,
        );
        assert!(all.len() > 100, "{}", all.len());
        let (mut masked, mut checked) = (0, 0);
        let mut check = |t: &str| {
            checked += 1;
            if let Cow::Owned(_) = scan(t) {
                masked += 1;
                assert!(may_hold_secret(t), "{t}");
            }
        };
        for t in &all {
            check(t);
            for line in t.lines() {
                check(line);
                for (i, _) in line.char_indices().filter(|(i, _)| i % 10 == 0) {
                    check(&line[i..]);
                    check(&line[..i]);
                }
            }
        }
        assert!(masked > 50, "{masked} of {checked}");
    }

    /// The block-wise pre-check answers as the bytewise one on texts full of literals (any case,
    /// cut anywhere) and of letter-and-digit runs around 30, at every offset of a block.
    #[test]
    fn the_pre_check_by_blocks_is_the_bytewise_one() {
        const PIECES: [&str; 16] = [
            "LTAI",
            "ltAi",
            "\\u00",
            "sTs.",
            "CAIS",
            "caEs",
            "SeCr",
            "pAss",
            "toke",
            "PRIV",
            "acce",
            "cred",
            "abcdefghijklm",
            "0123456789",
            " ",
            "é_\n",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut yes, mut no) = (0, 0);
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..next(24) {
                let p = PIECES[next(PIECES.len())];
                // A piece or a part of it: literals cut short, runs of any length.
                let cut = next(p.len() + 1);
                t.push_str(p.get(..cut).unwrap_or(p));
            }
            for skip in 0..3.min(t.len()) {
                let Some(t) = t.get(skip..) else { continue };
                let want = bytewise(t.as_bytes(), 0);
                assert_eq!(may_hold_secret(t), want, "{t:?}");
                if want {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 1_000 && no > 1_000, "{yes} {no}");
        // Runs of exactly 30 and of 29 or 31, across blocks.
        for pre in 0..40 {
            for len in 28..33 {
                let t = format!("{}{}-", "-".repeat(pre), "a".repeat(len));
                assert_eq!(may_hold_secret(&t), len == 30, "{pre} {len}");
                assert_eq!(may_hold_secret(t.trim_end_matches('-')), len == 30);
            }
        }
    }

    #[test]
    fn multibyte_values_stay_valid_utf8() {
        let r = redact("secret = \"pässwörd\"");
        assert_eq!(r, "secret = \"*¤***¤**\"");
        assert_eq!(r.len(), "secret = \"pässwörd\"".len());
    }

    #[test]
    fn secret_shapes_in_their_contexts() {
        let secret = "kP9sD2fG7hJ4kL1zX8cV5bN3mQ6wE0";
        // Glued to `_`.
        assert!(!redact(&format!("x_{secret}_y")).contains(secret));
        // `\u` escapes.
        let esc = "LTAI\\u0035tQ8pR7sT3uV9wX2yZ1a";
        assert_eq!(redact(esc), format!("LTAI{}", "*".repeat(esc.len() - 4)));
        // Any mix beside an id.
        let lower = "abcdefghijklmnopqrstuvwxyzabcd";
        assert_eq!(
            redact(&format!("LTAI5tQ8pR7sT3uV9wX2yZ1a:{lower}")),
            format!("LTAI{}:{}", "*".repeat(20), "*".repeat(30))
        );
        assert_eq!(redact(lower), lower);
        // Split literals joined by a function, and the literal part of an interpolation.
        assert_eq!(
            redact("secret_key = join(\"\", [\"kP9sD2fG\", \"7hJ4kL1z\"]) # x\nname = \"n\""),
            "secret_key = join(\"\", [\"********\", \"********\"]) # x\nname = \"n\""
        );
        assert_eq!(
            redact("password = \"${var.p}hunter2\""),
            "password = \"${var.p}*******\""
        );
        assert_eq!(redact("password = var.p"), "password = var.p");
        // STS tokens and environment assignments.
        assert_eq!(
            redact("STS.NUabcdefghijklmnop12"),
            "STS.********************"
        );
        assert_eq!(
            redact("export DB_PASSWORD=hunter2 && run"),
            "export DB_PASSWORD=******* && run"
        );
        // In JSON-escaped text (a message quoting source).
        assert_eq!(
            redact(r#"{"m":"password = \"hunter2\""}"#),
            r#"{"m":"password = \"*******\""}"#
        );
        // Hashes and file names are kept.
        let h = "0123456789abcdef0123456789abcd";
        assert_eq!(redact(&format!("sha = \"{h}\"")), format!("sha = \"{h}\""));
        assert_eq!(redact("modules/secret_file.tf"), "modules/secret_file.tf");
    }
}
