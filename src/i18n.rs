//! The language of a run and the catalogue of the texts Rust code writes (labels, notes, the
//! problems built-in checks find, fix descriptions, summary lines). Rule titles, messages and
//! help are data of `rulesets/` (`rules::i18n`); this is the ground-layer part every layer may
//! use. A text is keyed by its English template, `{name}` marking a value filled in as it is
//! (codes, actions, attributes); the translations are data in `rulesets/i18n/ui-<lang>.hcl`,
//! parsed only when a language other than English is asked for, so an English run pays nothing.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Display;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhCn, Lang::Ja];
    pub const TRANSLATED: [Lang; 2] = [Lang::ZhCn, Lang::Ja];

    /// `--lang`: `en`, `zh-CN` (`zh`, `zh_CN`, `zh-Hans`), `ja` (`ja-JP`); case-insensitive.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        match s.as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Some(Lang::ZhCn),
            "ja" | "ja-jp" => Some(Lang::Ja),
            _ => None,
        }
    }

    /// A POSIX locale (`zh_CN.UTF-8`, `ja_JP.eucJP`): Chinese for `zh_CN`/`zh_SG`/`zh`,
    /// Japanese for `ja*`, English for everything else (`zh_TW` too: it is written in
    /// traditional characters).
    pub fn from_locale(s: &str) -> Lang {
        let base = s
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "zh" | "zh_cn" | "zh_sg" | "zh-cn" => Lang::ZhCn,
            b if b == "ja" || b.starts_with("ja_") || b.starts_with("ja-") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
    /// and names a real locale (not empty, `C` or `POSIX`), as POSIX orders them.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                let base = v.split('.').next().unwrap_or("");
                if !v.is_empty() && base != "C" && base != "POSIX" {
                    return Lang::from_locale(&v);
                }
            }
        }
        Lang::En
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
            Lang::Ja => "ja",
        }
    }

    /// The text catalogue's translation file (`rulesets/i18n/ui-<code>.hcl`).
    pub fn catalogue_source(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::ZhCn => Some(include_str!("../rulesets/i18n/ui-zh-CN.hcl")),
            Lang::Ja => Some(include_str!("../rulesets/i18n/ui-ja.hcl")),
        }
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Set the language of this process (the command line does it once, before any output).
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language of this process: English unless `set` said otherwise.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::En)
}

/// Parse a catalogue file: one attribute `text = { "English template" = "translation" … }`.
pub fn parse_catalogue(text: &str) -> Result<Vec<(String, String)>, String> {
    use hcl_edit::expr::{Expression, ObjectKey};
    let body = hcl_edit::parser::parse_body(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for s in body.iter() {
        let attr = s
            .as_attribute()
            .filter(|a| a.key.as_str() == "text")
            .ok_or("only a `text = { … }` attribute is expected")?;
        let Expression::Object(obj) = &attr.value else {
            return Err("`text` must be an object".into());
        };
        for (k, v) in obj.iter() {
            let key = match k {
                ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                _ => return Err(format!("key {k:?} is not a quoted string")),
            };
            let Expression::String(val) = v.expr() else {
                return Err(format!("`{key}`: the translation is not a plain string"));
            };
            out.push((key, val.value().to_string()));
        }
    }
    Ok(out)
}

fn catalogue(lang: Lang) -> &'static HashMap<String, String> {
    static ZH: OnceLock<HashMap<String, String>> = OnceLock::new();
    static JA: OnceLock<HashMap<String, String>> = OnceLock::new();
    let cell = match lang {
        Lang::En | Lang::ZhCn => &ZH,
        Lang::Ja => &JA,
    };
    cell.get_or_init(|| {
        // The test suite checks the files; a broken one is a build defect, not user input.
        let entries = parse_catalogue(lang.catalogue_source().unwrap_or_default())
            .unwrap_or_else(|e| panic!("rulesets/i18n/ui-{}.hcl: {e}", lang.code()));
        entries.into_iter().collect()
    })
}

/// The template `en` in `lang` (`en` itself for English, or when it has no translation).
pub fn text_in(lang: Lang, en: &'static str) -> &'static str {
    if lang == Lang::En {
        return en;
    }
    catalogue(lang).get(en).map(String::as_str).unwrap_or(en)
}

/// The template `en` in the language of this process.
pub fn text(en: &'static str) -> &'static str {
    text_in(current(), en)
}

/// Fill a template's `{name}` placeholders; a brace that names no argument stays as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    // Braces are ASCII: a byte search finds them where `str::find(char)` set up a searcher on
    // each call (a policy document of 300k actions fills 600k texts).
    let find = |s: &str, c: u8| s.bytes().position(|b| b == c);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = find(rest, b'{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let arg = find(after, b'}')
            .and_then(|j| args.iter().find(|(k, _)| *k == &after[..j]).map(|a| (j, a)));
        match arg {
            Some((j, (_, v))) => {
                use std::fmt::Write;
                let _ = write!(out, "{v}");
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template (what a translation must keep).
pub fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find('}') {
            let name = &rest[..j];
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// A text in the language of the run: `tr!("allowed here")` is a `&'static str`;
/// `tr!("grants `{action}`", action = a)` a `String` with the values filled in as they are.
/// `tests/rules.rs` reads every `tr!` of `src/` and requires a translation of each in every
/// language.
macro_rules! tr {
    ($t:literal) => {
        $crate::i18n::text($t)
    };
    ($t:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text($t),
            &[$((stringify!($k), &$v as &dyn ::std::fmt::Display)),+],
        )
    };
}
pub(crate) use tr;

/// Marks a literal as a catalogue key where `tr!` cannot stand (a `const` table): the text is
/// looked up later with [`text`]; `tests/rules.rs` reads these like `tr!`.
macro_rules! tr_key {
    ($t:literal) => {
        $t
    };
}
pub(crate) use tr_key;

/// [`tr!`] in a given language (rule pages are written in the language asked for, whatever the
/// language of the process).
macro_rules! tr_in {
    ($lang:expr, $t:literal) => {
        $crate::i18n::text_in($lang, $t)
    };
    ($lang:expr, $t:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text_in($lang, $t),
            &[$((stringify!($k), &$v as &dyn ::std::fmt::Display)),+],
        )
    };
}
pub(crate) use tr_in;

/// Display width in terminal columns (CJK characters take two), for padding tables.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` columns (left-aligned), like `{:<w$}` by display width.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// `s` right-aligned in `w` columns, like `{:>w$}` by display width.
pub fn pad_left(s: &str, w: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders_only() {
        let a = "ecs:*";
        assert_eq!(
            fill("grants `{action}` {x} {}", &[("action", &a)]),
            "grants `ecs:*` {x} {}"
        );
        assert_eq!(fill("é {a}{a} {b", &[("a", &1)]), "é 11 {b");
        assert_eq!(fill("}{a}é{", &[("a", &"x")]), "}xé{");
        assert_eq!(
            placeholders("a {b} {c_1} {} {X} {d"),
            ["b", "c_1"].into_iter().map(String::from).collect()
        );
        assert_eq!(width("重大度ab"), 8);
        assert_eq!(pad("高", 4), "高  ");
        assert_eq!(pad_left("修正", 6), "  修正");
        assert_eq!(pad_left("toolong", 3), "toolong");
    }
}
