//! Rule documentation: the Markdown page per rule (`docs/rules/<CODE>.md`, `acslint explain`)
//! and the JSON listing.

use super::i18n::{self, Lang};
use super::{Registry, Rule, Scope};
use serde_json::json;

pub fn page(r: &Rule) -> String {
    page_in(r, Lang::En)
}

/// A rule's page in a language: the registry of that language carries the translated title,
/// message and help; the fixed labels and the `docs` body's headings come from `i18n::ui`.
/// The body is the translated one when `rulesets/i18n/<lang>/` has it, else the English one
/// with a note saying so.
pub fn page_in(r: &Rule, lang: Lang) -> String {
    let t = |k: &str| i18n::ui(lang, k);
    let mut s = format!("# {} `{}`\n\n", r.id, r.name);
    s.push_str(&format!("**{}**\n\n", r.title));
    s.push_str(&format!("- {}: {}\n", t("severity"), r.severity));
    let label = i18n::scope_label(lang, r.scope);
    let applies = match r.scope {
        Scope::Resource | Scope::Provider => format!("{label}: {}", code_list(&r.resources)),
        Scope::Document => format!("{label}: {}", r.documents.join(", ")),
        Scope::Configuration | Scope::File | Scope::Output => label.into(),
    };
    s.push_str(&format!("- {}: {applies}\n", t("applies")));
    s.push_str(&format!(
        "- {}: {}\n",
        t("implementation"),
        match &r.check {
            Some(c) => format!("{} `{c}`", t("builtin")),
            None => t("expression").into(),
        }
    ));
    if !r.ignorable {
        s.push_str(&format!("- {}\n", t("not_ignorable")));
    }
    if !r.default_enabled {
        s.push_str(&format!("- {}\n", t("off_by_default")));
    }
    for (k, v) in &r.references {
        let label = match k.as_str() {
            "cis" => "CIS Alibaba Cloud Foundations Benchmark",
            "cspm" => "Security Center CSPM",
            "cloud_config" => t("ref_cloud_config"),
            "docs" => t("ref_docs"),
            "provider" => t("ref_provider"),
            other => other,
        };
        s.push_str(&format!("- {label}: {v}\n"));
    }
    if !r.equivalents.is_empty() {
        s.push_str(&format!(
            "- {}: {}\n",
            t("equivalents"),
            code_list(&r.equivalents)
        ));
    }
    s.push_str(&format!("\n{}: {}\n", t("message"), r.message));
    if let Some(h) = &r.help {
        s.push_str(&format!("\n{}: {h}\n", t("help")));
    }
    if let Some(f) = &r.fix {
        let how = match f.safety {
            crate::fix::Safety::Safe => t("fix_safe"),
            crate::fix::Safety::Unsafe => t("fix_unsafe"),
        };
        s.push_str(&format!(
            "\n{} ({}): {} — {how}\n",
            t("fix"),
            f.safety.as_str(),
            f.description_in(lang)
        ));
    }
    s.push('\n');
    if lang == Lang::En {
        s.push_str(r.docs.trim());
    } else {
        let translated = i18n::translations(lang)
            .get(&*r.id)
            .and_then(|t| t.docs.as_deref());
        if translated.is_none() {
            s.push_str(t("body_note"));
        }
        // A translation holds the prose (Why, How to fix); the examples are the English
        // rule's, kept in one place (a rule without a code example translates that section).
        let src = match translated {
            Some(tr) if example_section(tr).is_empty() => {
                format!("{}\n\n{}", tr.trim(), example_section(&r.docs))
            }
            Some(tr) => tr.to_string(),
            None => r.docs.to_string(),
        };
        // Headings and example labels in the reader's language (translations keep the
        // English ones, so that one mapping serves both bodies).
        let body: Vec<String> = src
            .trim()
            .lines()
            .map(|l| match l.strip_prefix("## ") {
                Some(h) if !i18n::ui(lang, h.trim()).is_empty() => {
                    format!("## {}", i18n::ui(lang, h.trim()))
                }
                // The example labels (`Bad:`, `Good:`) too.
                _ => match l.strip_suffix(':') {
                    Some(w @ ("Bad" | "Good")) => format!("{}：", i18n::ui(lang, w)),
                    _ => l.to_string(),
                },
            })
            .collect();
        s.push_str(&body.join("\n"));
    }
    s.push('\n');
    s.push_str(&options_section(r, lang));
    s
}

/// The `## Example` section of a documentation body (the last one), or nothing.
pub fn example_section(docs: &str) -> &str {
    match docs.find("## Example") {
        Some(i) if i == 0 || docs[..i].ends_with('\n') => docs[i..].trim_end(),
        _ => "",
    }
}

/// `## Options`: the options the rule declares, as set in `.acslint.hcl`.
fn options_section(r: &Rule, lang: Lang) -> String {
    let t = |k: &str| i18n::ui(lang, k);
    let mut s = format!("\n## {}\n\n", t("Options"));
    let Some(first) = r.options.first() else {
        s.push_str(t("no_options"));
        s.push('\n');
        return s;
    };
    s.push_str(&format!(
        "{}\n\n```hcl\noptions \"{}\" {{\n  {} = {}\n}}\n```\n\n{}\n|---|---|---|---|\n",
        t("options_intro"),
        r.id,
        first.name,
        first.default,
        t("options_header")
    ));
    for o in &r.options {
        s.push_str(&format!(
            "| `{}` | {} | `{}` | {} |\n",
            o.name,
            o.type_label(),
            o.default,
            o.description.replace('|', "\\|")
        ));
    }
    s
}

fn code_list(v: &[String]) -> String {
    v.iter()
        .map(|x| format!("`{x}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn index(reg: &Registry) -> String {
    index_in(reg, Lang::En)
}

pub fn index_in(reg: &Registry, lang: Lang) -> String {
    let t = |k: &str| i18n::ui(lang, k);
    let mut s = format!(
        "# {}\n\n{}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        t("index_title"),
        t("index_note"),
        t("col_code"),
        t("col_name"),
        t("Severity"),
        t("col_title"),
        t("col_fix")
    );
    for r in reg.sorted() {
        s.push_str(&format!(
            "| [{}]({}.md) | `{}` | {} | {} | {} |\n",
            r.id,
            r.id,
            r.name,
            r.severity,
            r.title,
            r.fix.as_ref().map_or("", |f| f.safety.as_str())
        ));
    }
    s
}

/// A rule as `acslint rules --format json` lists it; `packs`: the packs it belongs to.
pub fn json(r: &Rule, packs: &[&str]) -> serde_json::Value {
    json!({
        "id": &*r.id,
        "name": &*r.name,
        "severity": r.severity.as_str(),
        "title": r.title,
        "scope": r.scope,
        "resources": r.resources,
        "documents": r.documents,
        "check": r.check,
        "message": r.message,
        "help": r.help,
        "references": r.references,
        "equivalents": r.equivalents,
        "ignorable": r.ignorable,
        "enabled": r.default_enabled,
        "packs": packs,
        "options": r.options,
        "fixable": r.fix.is_some(),
        "url": r.url.as_deref(),
        "fix": r.fix.as_ref().map(|f| json!({"safety": f.safety.as_str(), "description": f.description()})),
    })
}
