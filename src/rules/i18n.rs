//! Chinese and Japanese: rule titles, messages and help from `rulesets/i18n/<lang>.hcl`, and
//! the few fixed strings of the human output and of rule pages. The translation files are
//! embedded as text and parsed only when a language other than English is asked for, so an
//! English run pays nothing.

use super::{Rule, Scope};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

pub use crate::i18n::{current, set, Lang};

impl Lang {
    /// The translation file's text (`rulesets/i18n/<code>.hcl`).
    pub fn source(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::ZhCn => Some(include_str!("../../rulesets/i18n/zh-CN.hcl")),
            Lang::Ja => Some(include_str!("../../rulesets/i18n/ja.hcl")),
        }
    }
}

/// One rule's translation.
#[derive(Clone, Debug)]
pub struct Translation {
    pub title: String,
    pub message: String,
    pub message_expr: Option<hcl_edit::expr::Expression>,
    pub help: Option<String>,
    /// The rule's documentation body, from `rulesets/i18n/<lang>/*.hcl` (absent: the page
    /// keeps the English body with a note saying so).
    pub docs: Option<String>,
}

/// The embedded documentation translations: (language code, file name, text).
const DOCS_FILES: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/i18n_docs.rs"));

impl Lang {
    /// The documentation translation files of this language, as (file name, text).
    pub fn docs_sources(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        DOCS_FILES
            .iter()
            .filter(move |(l, _, _)| *l == self.code())
            .map(|(_, f, t)| (*f, *t))
    }
}

/// Parse a translation file: `rule "CODE" { title = "…" message = "…" help = "…" }`.
pub fn parse(text: &str) -> Result<BTreeMap<String, Translation>, String> {
    let (raw, errors) = crate::hcljson::rule_blocks(text).map_err(|e| e.message)?;
    if let Some(e) = errors.first() {
        return Err(e.message.clone());
    }
    let mut out = BTreeMap::new();
    for mut r in raw {
        let message_expr = r.exprs.remove("message");
        let s = |k: &str| {
            r.instance
                .get(k)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        for k in r.instance.as_object().into_iter().flat_map(|o| o.keys()) {
            if !["id", "title", "message", "help"].contains(&k.as_str()) {
                return Err(format!("rule {}: unexpected member `{k}`", r.id));
            }
        }
        let t = Translation {
            title: s("title").ok_or_else(|| format!("rule {}: missing `title`", r.id))?,
            message: s("message").ok_or_else(|| format!("rule {}: missing `message`", r.id))?,
            help: s("help"),
            docs: None,
            message_expr,
        };
        if out.insert(r.id.clone(), t).is_some() {
            return Err(format!("rule {} is translated twice", r.id));
        }
    }
    Ok(out)
}

/// Parse a documentation translation file, `rule "CODE" { docs = <<-EOT … EOT }`, into
/// `out` (which holds the language's titles and messages): a rule must be translated already
/// and have its documentation translated once.
pub fn parse_docs(text: &str, out: &mut BTreeMap<String, Translation>) -> Result<(), String> {
    let (raw, errors) = crate::hcljson::rule_blocks(text).map_err(|e| e.message)?;
    if let Some(e) = errors.first() {
        return Err(e.message.clone());
    }
    for r in raw {
        for k in r.instance.as_object().into_iter().flat_map(|o| o.keys()) {
            if !["id", "docs"].contains(&k.as_str()) {
                return Err(format!("rule {}: unexpected member `{k}`", r.id));
            }
        }
        let docs = r
            .instance
            .get("docs")
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("rule {}: missing `docs`", r.id))?;
        let t = out
            .get_mut(&r.id)
            .ok_or_else(|| format!("rule {}: no title/message translation", r.id))?;
        if t.docs.replace(docs.to_string()).is_some() {
            return Err(format!("rule {}: documentation translated twice", r.id));
        }
    }
    Ok(())
}

/// A language's translations: the titles/messages file and its documentation files.
pub fn parse_all(lang: Lang) -> Result<BTreeMap<String, Translation>, String> {
    let mut out = parse(lang.source().unwrap_or_default())?;
    for (file, text) in lang.docs_sources() {
        parse_docs(text, &mut out).map_err(|e| format!("{}/{file}: {e}", lang.code()))?;
    }
    Ok(out)
}

/// The embedded translations of a language, parsed once.
pub fn translations(lang: Lang) -> &'static BTreeMap<String, Translation> {
    static ZH: OnceLock<BTreeMap<String, Translation>> = OnceLock::new();
    static JA: OnceLock<BTreeMap<String, Translation>> = OnceLock::new();
    static EMPTY: BTreeMap<String, Translation> = BTreeMap::new();
    let cell = match lang {
        Lang::En => return &EMPTY,
        Lang::ZhCn => &ZH,
        Lang::Ja => &JA,
    };
    cell.get_or_init(|| {
        // The test suite checks the files; a broken one is a build defect, not user input.
        parse_all(lang).unwrap_or_else(|e| panic!("rulesets/i18n/{}: {e}", lang.code()))
    })
}

/// The `${…}` interpolations of a template, as a set (what a translation must keep).
pub fn interpolations(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let b = template.as_bytes();
    let mut i = 0;
    while let Some(p) = template[i..].find("${") {
        let start = i + p;
        if start > 0 && b[start - 1] == b'$' {
            i = start + 2;
            continue;
        }
        // Balance braces: interpolations may hold objects (`lookup({ s = 1 }, …)`).
        let mut depth = 0;
        let mut end = None;
        for (j, c) in template[start + 1..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(start + 1 + j);
                        break;
                    }
                }
                _ => {}
            }
        }
        match end {
            Some(e) => {
                out.insert(template[start..=e].to_string());
                i = e + 1;
            }
            None => break,
        }
    }
    out
}

/// Replace a built-in rule's title, message and help with their translation in `lang`.
pub fn translate(r: &mut Rule, lang: Lang) {
    let Some(tr) = translations(lang).get(&*r.id) else {
        return;
    };
    r.title = tr.title.clone();
    r.message = tr.message.clone();
    if r.message_expr.is_some() {
        r.message_expr = tr.message_expr.clone().map(super::LazyExpr::parsed);
    }
    if tr.help.is_some() {
        r.help = tr.help.clone();
    }
}

/// Fixed strings of rule pages and the human output, by key.
pub fn ui(lang: Lang, key: &str) -> &'static str {
    let row = UI.iter().find(|r| r.0 == key);
    match (row, lang) {
        (Some(r), Lang::En) => r.1,
        (Some(r), Lang::ZhCn) => r.2,
        (Some(r), Lang::Ja) => r.3,
        (None, _) => "",
    }
}

/// `(key, English, Chinese, Japanese)`.
const UI: &[(&str, &str, &str, &str)] = &[
    ("severity", "Severity", "严重级别", "重大度"),
    ("applies", "Applies to", "适用于", "対象"),
    ("implementation", "Implementation", "实现方式", "実装"),
    ("message", "Message", "消息", "メッセージ"),
    ("help", "Help", "修复建议", "修正のヒント"),
    ("fix", "Fix", "自动修复", "自動修正"),
    (
        "equivalents",
        "Equivalent peer rules",
        "同类工具的对应规则",
        "他ツールの同等ルール",
    ),
    (
        "not_ignorable",
        "Cannot be suppressed inline",
        "不能用行内注释抑制",
        "インラインコメントで抑制できません",
    ),
    (
        "off_by_default",
        "Off by default (not in the `recommended` pack): enable it with `--select`",
        "默认关闭（不在 `recommended` 规则包中）：用 `--select` 启用",
        "デフォルトでは無効（`recommended` パックに含まれません）：`--select` で有効化します",
    ),
    (
        "resources",
        "Terraform resources",
        "Terraform 资源",
        "Terraform リソース",
    ),
    (
        "documents",
        "policy documents",
        "策略文档",
        "ポリシードキュメント",
    ),
    (
        "configuration",
        "a whole Terraform configuration",
        "整个 Terraform 配置",
        "Terraform 構成全体",
    ),
    (
        "file",
        "every scanned file",
        "每个被扫描的文件",
        "スキャン対象のすべてのファイル",
    ),
    (
        "provider",
        "provider blocks",
        "provider 块",
        "provider ブロック",
    ),
    ("output", "output blocks", "output 块", "output ブロック"),
    ("builtin", "built-in check", "内置检查", "組み込みチェック"),
    ("expression", "expression rule", "表达式规则", "式ルール"),
    (
        "fix_safe",
        "`acslint check --fix` applies it",
        "由 `acslint check --fix` 应用",
        "`acslint check --fix` で適用されます",
    ),
    (
        "fix_unsafe",
        "applied with `acslint check --fix --unsafe-fixes`",
        "用 `acslint check --fix --unsafe-fixes` 应用",
        "`acslint check --fix --unsafe-fixes` で適用されます",
    ),
    ("Why", "Why", "原因", "理由"),
    ("How to fix", "How to fix", "修复方法", "修正方法"),
    ("Example", "Example", "示例", "例"),
    ("Examples", "Examples", "示例", "例"),
    ("Bad", "Bad", "错误示例", "悪い例"),
    ("Good", "Good", "正确示例", "良い例"),
    (
        "Example equivalents",
        "Example equivalents",
        "对应示例",
        "対応する例",
    ),
    ("Options", "Options", "选项", "オプション"),
    (
        "no_options",
        "This rule has no options.",
        "此规则没有选项。",
        "このルールにはオプションがありません。",
    ),
    (
        "options_intro",
        "Set in `.acslint.hcl`; an unknown name, a wrong type or a value out of range is an error (exit 2):",
        "在 `.acslint.hcl` 中设置；未知的名称、错误的类型或超出范围的值都是错误（退出码 2）：",
        "`.acslint.hcl` で設定します。不明な名前、誤った型、範囲外の値はエラーです（終了コード 2）：",
    ),
    (
        "options_header",
        "| option | type | default | description |",
        "| 选项 | 类型 | 默认值 | 说明 |",
        "| オプション | 型 | デフォルト | 説明 |",
    ),
    ("ref_docs", "Documentation", "文档", "ドキュメント"),
    (
        "ref_provider",
        "Provider documentation",
        "Provider 文档",
        "Provider ドキュメント",
    ),
    (
        "ref_cloud_config",
        "Cloud Config rule",
        "配置审计规则",
        "Cloud Config ルール",
    ),
    ("Severity", "Severity", "严重级别", "重大度"),
    (
        "body_note",
        "",
        "> 以下详细说明尚未翻译，保留英文原文。\n\n",
        "> 以下の詳細説明は未翻訳のため、英語の原文のままです。\n\n",
    ),
    (
        "index_title",
        "acslint rules",
        "acslint 规则",
        "acslint ルール",
    ),
    (
        "index_note",
        "Generated by `acslint rules --docs docs/rules`; do not edit.",
        "由 `acslint rules --docs docs/rules/zh-CN --lang zh-CN` 生成，请勿手动编辑。",
        "`acslint rules --docs docs/rules/ja --lang ja` で生成されます。編集しないでください。",
    ),
    ("col_code", "Code", "代码", "コード"),
    ("col_name", "Name", "名称", "名前"),
    ("col_title", "Title", "标题", "タイトル"),
    ("col_fix", "Fix", "修复", "修正"),
    ("file_one", "file", "个文件", "ファイル"),
    ("file_many", "files", "个文件", "ファイル"),
    ("checked", "checked", "已检查", "をチェック"),
    ("no_findings", "no findings", "没有发现问题", "検出事項なし"),
    ("finding_one", "finding", "个问题", "件の検出事項"),
    ("finding_many", "findings", "个问题", "件の検出事項"),
    ("col_findings", "findings", "问题", "検出事項"),
    ("col_fixable", "fixable", "可修复", "修正可能"),
    ("total", "total", "合计", "合計"),
    ("suppressed", "suppressed", "已抑制", "抑制済み"),
    ("unknown", "unknown", "未知", "不明"),
    (
        "note_suppressed",
        "--show-suppressed lists them",
        "用 --show-suppressed 列出",
        "--show-suppressed で一覧表示",
    ),
    (
        "note_unknown",
        "undecided values, no finding either way: --show-unknown",
        "无法判定的值，不产生问题：--show-unknown",
        "判定できない値（検出事項なし）：--show-unknown",
    ),
    ("critical", "critical", "严重", "緊急"),
    ("high", "high", "高", "高"),
    ("medium", "medium", "中", "中"),
    ("low", "low", "低", "低"),
    ("info", "info", "提示", "情報"),
];

/// The label of a scope on a rule page.
pub fn scope_label(lang: Lang, scope: Scope) -> &'static str {
    ui(
        lang,
        match scope {
            Scope::Resource => "resources",
            Scope::Document => "documents",
            Scope::Configuration => "configuration",
            Scope::File => "file",
            Scope::Provider => "provider",
            Scope::Output => "output",
        },
    )
}
