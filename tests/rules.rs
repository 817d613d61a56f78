//! The built-in rule files: schema-valid, consistent, documented.

use acslint::checks;
use acslint::rules::i18n::{self, Lang};
use acslint::rules::{self, docs, Registry};
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn builtin_rule_files_are_schema_valid() {
    let mut errors = Vec::new();
    for (path, text, _) in rules::EMBEDDED {
        if let Err(e) = rules::load_rule_file(path, text, None, true) {
            errors.extend(
                e.into_iter()
                    .map(|e| format!("{}: {} at {:?}", e.path, e.message, e.span)),
            );
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn rules_built_from_the_embedded_json_match_their_hcl() {
    // Start-up reads the JSON build.rs made of each rule file; it must say what the HCL says.
    let reg = Registry::builtin();
    let mut n = 0;
    for (path, text, _) in rules::EMBEDDED {
        for a in rules::load_rule_file(path, text, None, false).unwrap() {
            let b = reg.get(&a.id).unwrap();
            let show = |r: &rules::Rule| {
                format!(
                    "{} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {}",
                    r.id,
                    r.name,
                    r.severity,
                    r.title,
                    r.message,
                    r.help,
                    r.docs,
                    r.references,
                    r.equivalents,
                    r.scope,
                    r.resources,
                    r.documents,
                    r.check,
                    r.where_,
                    r.ignorable,
                    r.source,
                )
            };
            assert_eq!(show(&a), show(b));
            // On by default: switched on in its file and in the `recommended` pack.
            assert!(!b.default_enabled || a.default_enabled, "{}", a.id);
            // A built-in rule's trees are made without their layout (`packed::unpack_bare`):
            // compared as packed without it, or as printed where the packing cannot hold them.
            let shape = |e: &hcl_edit::expr::Expression| match rules::packed::pack_bare(e) {
                Some(b) => format!("{b:?}"),
                None => e.to_string().trim().to_string(),
            };
            let src = |e: &Option<hcl_edit::expr::Expression>| e.as_ref().map(shape);
            assert_eq!(src(&a.assert), src(&b.assert), "{}", a.id);
            // `message` and `where` are parsed on first use: every one parses.
            let lazy =
                |e: &Option<rules::LazyExpr>| e.as_ref().map(|e| shape(e.get().expect("parses")));
            if a.assert.is_some() {
                assert_eq!(lazy(&a.message_expr), lazy(&b.message_expr), "{}", a.id);
            }
            assert_eq!(lazy(&a.where_expr), lazy(&b.where_expr), "{}", a.id);
            n += 1;
        }
    }
    assert_eq!(n, reg.rules().len());
}

#[test]
fn the_build_time_index_says_what_the_rules_say() {
    // Planning reads the index build.rs made; rules are built from their JSON on first use.
    let reg = Registry::builtin();
    assert_eq!(rules::INDEX.rules.len(), reg.rules().len());
    for e in rules::INDEX.rules {
        let r = reg.get(e.id()).unwrap();
        assert_eq!(
            (
                e.name(),
                e.file(),
                e.scope,
                e.severity,
                e.check(),
                e.assert,
                e.ignorable
            ),
            (
                &*r.name,
                r.source.as_str(),
                r.scope,
                r.severity,
                r.check.as_deref(),
                r.assert.is_some(),
                r.ignorable
            ),
            "{}",
            e.id()
        );
        assert_eq!(
            e.resources().collect::<Vec<_>>(),
            r.resources.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert_eq!(reg.get_by_name(e.name()).map(|r| &*r.id), Some(e.id()));
        assert_eq!(reg.is_default(e.id()), r.default_enabled);
    }
    // The default set worked out from the index is the `recommended` pack applied to the rules
    // as their files declare them.
    let mut raw = Registry::default();
    for (path, text, _) in rules::EMBEDDED {
        for r in rules::load_rule_file(path, text, None, false).unwrap() {
            raw.insert(r).unwrap();
        }
    }
    let recommended = reg.pack("recommended").unwrap();
    let mut want: Vec<&str> = raw.pack_rules(recommended).iter().map(|r| &*r.id).collect();
    let mut got: Vec<&str> = reg.default_ids().map(|i| &**i).collect();
    want.sort();
    got.sort();
    assert!(got.len() > 50);
    assert_eq!(got, want);
    assert_eq!(
        reg.ids().iter().map(|i| &**i).collect::<Vec<_>>(),
        reg.rules().iter().map(|r| &*r.id).collect::<Vec<_>>()
    );
    assert!(reg.get("NOPE000").is_none() && reg.get_by_name("no-such-rule").is_none());
}

#[test]
fn every_builtin_named_by_a_rule_exists() {
    for r in Registry::builtin().rules() {
        if let Some(c) = &r.check {
            assert!(
                checks::lookup(c).is_some(),
                "{} names missing builtin {c}",
                r.id
            );
        }
    }
}

#[test]
fn rule_docs_are_current() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let mut stale = Vec::new();
    // English at the top, each translation in its own directory.
    for lang in Lang::ALL {
        let (root, cmd) = match lang {
            Lang::En => (base.clone(), "rules --docs docs/rules".to_string()),
            l => (
                base.join(l.code()),
                format!("rules --docs docs/rules/{0} --lang {0}", l.code()),
            ),
        };
        let reg = Registry::builtin_for(lang);
        let mut here = Vec::new();
        for r in reg.sorted() {
            let p = root.join(format!("{}.md", r.id));
            if std::fs::read_to_string(&p).ok().as_deref() != Some(docs::page_in(r, lang).as_str())
            {
                here.push(p.display().to_string());
            }
        }
        if std::fs::read_to_string(root.join("README.md"))
            .ok()
            .as_deref()
            != Some(docs::index_in(reg, lang).as_str())
        {
            here.push(root.join("README.md").display().to_string());
        }
        for e in std::fs::read_dir(&root)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
        {
            let n = e.file_name().to_string_lossy().to_string();
            if n != "README.md" && reg.get(n.trim_end_matches(".md")).is_none() {
                here.push(format!("{} (no such rule)", root.join(n).display()));
            }
        }
        if !here.is_empty() {
            stale.push(format!("run `cargo run -- {cmd}`:\n{}", here.join("\n")));
        }
    }
    assert!(stale.is_empty(), "stale rule docs:\n{}", stale.join("\n"));
}

/// `code spans` of a text outside its interpolations (what a translation keeps as it is).
fn code_spans(s: &str) -> BTreeSet<String> {
    let mut t = s.to_string();
    for i in i18n::interpolations(s) {
        t = t.replace(&i, "\u{1}");
    }
    t.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_rule_is_translated_keeping_interpolations_and_code() {
    let en = Registry::builtin_for(Lang::En);
    let mut problems = Vec::new();
    for lang in Lang::TRANSLATED {
        let text = lang.source().unwrap();
        let t = i18n::parse(text).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
        for id in t.keys() {
            if en.get(id).is_none() {
                problems.push(format!("{}: {id} is no rule", lang.code()));
            }
        }
        for r in en.sorted() {
            let l = lang.code();
            let Some(tr) = t.get(&*r.id) else {
                problems.push(format!("{l}: {} has no translation", r.id));
                continue;
            };
            if tr.title == r.title
                || tr.message == r.message
                || (tr.help.is_some() && tr.help == r.help)
            {
                problems.push(format!("{l}: {} has a text equal to the English", r.id));
            }
            if tr.help.is_some() != r.help.is_some() {
                problems.push(format!("{l}: {}: help present in one language only", r.id));
            }
            let pairs = [
                ("message", Some(&r.message), Some(&tr.message)),
                ("help", r.help.as_ref(), tr.help.as_ref()),
            ];
            for (what, e, t) in pairs {
                let (Some(e), Some(t)) = (e, t) else { continue };
                if i18n::interpolations(e) != i18n::interpolations(t) {
                    problems.push(format!(
                        "{l}: {} {what}: interpolations differ: {:?} vs {:?}",
                        r.id,
                        i18n::interpolations(e),
                        i18n::interpolations(t)
                    ));
                }
                let missing: Vec<_> = code_spans(e).difference(&code_spans(t)).cloned().collect();
                if !missing.is_empty() {
                    problems.push(format!("{l}: {} {what}: code changed: {missing:?}", r.id));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The structure of a documentation body a translation must keep: its `## ` headings (kept in
/// English; pages map them), its `Bad:`/`Good:` labels and its fenced code blocks, verbatim.
/// A translation holds the prose before `## Example` (pages take the examples from the rule),
/// and the example section too when that is prose only (`No example: …`).
fn docs_skeleton(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for l in s.lines() {
        let t = l.trim_end();
        if t.trim_start().starts_with("```") {
            in_code = !in_code;
            out.push(t.to_string());
        } else if in_code || t.starts_with("## ") || t == "Bad:" || t == "Good:" {
            out.push(t.to_string());
        }
    }
    out
}

/// Documentation translations (`rulesets/i18n/<lang>/<file>.hcl`, one per ruleset file): every
/// rule is translated, in the file named like its ruleset file, keeps headings, labels and examples verbatim, and
/// its prose is not the English.
#[test]
fn documentation_translations_are_complete_per_file_and_keep_the_examples() {
    let en = Registry::builtin_for(Lang::En);
    let mut problems = Vec::new();
    for r in en.sorted() {
        if r.docs.trim_start().starts_with("<<") {
            problems.push(format!("{} documentation is not a plain heredoc", r.id));
        }
    }
    for lang in Lang::TRANSLATED {
        let l = lang.code();
        let t = i18n::parse_all(lang).unwrap_or_else(|e| panic!("{l}: {e}"));
        let files: BTreeSet<&str> = lang.docs_sources().map(|(f, _)| f).collect();
        for r in en.sorted() {
            let file = r.source.rsplit('/').next().unwrap_or(&r.source);
            let docs = t.get(&*r.id).and_then(|t| t.docs.as_deref());
            let Some(docs) = docs else {
                problems.push(format!("{l}/{file}: {} is not translated", r.id));
                continue;
            };
            if !files.contains(file) {
                problems.push(format!("{l}: {} is translated outside {file}", r.id));
            }
            // Examples with code are not repeated; an example section of prose only is.
            let ex = docs::example_section(&r.docs);
            let prose = if ex.contains("```") {
                &r.docs[..r.docs.len() - ex.len()]
            } else {
                &r.docs
            };
            if docs_skeleton(docs) != docs_skeleton(prose) {
                problems.push(format!(
                    "{l}: {}: headings or code blocks differ from the English before `## Example` \
                     (the examples are not repeated in a translation)",
                    r.id
                ));
            }
            // A `${` the heredoc interpolates makes the body an expression, shown raw.
            if docs.trim_start().starts_with("<<") {
                problems.push(format!(
                    "{l}: {} documentation is not a plain heredoc",
                    r.id
                ));
            }
            if docs.trim() == r.docs.trim() {
                problems.push(format!("{l}: {} documentation equals the English", r.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_localized_registry_renders_translated_messages() {
    let ja = Registry::builtin_for(Lang::Ja);
    let r = ja.get("KMS001").unwrap();
    assert_eq!(r.title, "KMS キーが自動ローテーションされない");
    // The message template is compiled from the translation (expression rule).
    assert!(r.message_expr.is_some());
    assert_eq!(
        i18n::interpolations("a `${x.y}` b ${f({ a = 1 })} $${no}"),
        ["${f({ a = 1 })}", "${x.y}"]
            .into_iter()
            .map(String::from)
            .collect()
    );
    assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
    assert_eq!(Lang::from_locale("zh_CN.GB18030"), Lang::ZhCn);
    assert_eq!(Lang::from_locale("zh_TW.UTF-8"), Lang::En);
    assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
    assert_eq!(Lang::parse("zh_cn"), Some(Lang::ZhCn));
    assert_eq!(Lang::parse("fr"), None);
}

#[test]
fn schema_errors_point_at_the_member() {
    let text = "rule \"XX001\" {\n  name = \"Bad Name\"\n  severity = \"urgent\"\n  title = \"A title here\"\n  scope = \"file\"\n  check = builtin(\"front-end\")\n  message = \"hello there\"\n  docs = \"long enough documentation text\"\n}\n";
    let errs = rules::load_rule_file("user.hcl", text, None, true).unwrap_err();
    let msgs: Vec<(String, usize)> = errs
        .iter()
        .map(|e| {
            (
                e.message.clone(),
                text[..e.span.clone().unwrap().start].lines().count(),
            )
        })
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0]
            .0
            .starts_with("rule XX001, `name`: \"Bad Name\" does not match"),
        "{msgs:?}"
    );
    assert_eq!(msgs[0].1, 2);
    assert!(
        msgs[1]
            .0
            .starts_with("rule XX001, `severity`: \"urgent\" is not one of"),
        "{msgs:?}"
    );
    assert_eq!(msgs[1].1, 3);
}

#[test]
fn duplicate_codes_and_names_are_rejected() {
    let mut reg = Registry::builtin().clone();
    let r = reg.get("TF001").unwrap().as_ref().clone();
    assert!(reg
        .insert(r.clone())
        .unwrap_err()
        .contains("declared twice"));
    let mut renamed = r;
    renamed.id = "TF999".into();
    assert!(reg.insert(renamed).unwrap_err().contains("is used by both"));
}

#[test]
fn trust_of_an_account_root_is_an_info_question_without_the_accounts_option() {
    use acslint::engine::Selection;
    use acslint::finding::Severity;
    use acslint::lint::{self, LintOptions};
    let reg = Registry::builtin();
    let mut sel = Selection::default();
    sel.enabled.insert("RAM031".into());
    let opts = LintOptions {
        paths: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/RAM031/fail/root.json")],
        ..Default::default()
    };
    let res = lint::lint(&opts, reg, &sel).unwrap();
    assert!(res.unknowns.is_empty());
    assert_eq!(res.findings.len(), 1);
    assert_eq!(res.findings[0].severity, Severity::Info);
    assert!(res.findings[0]
        .message
        .starts_with("cross-account trust: is 999999999999 yours?"));
}

/// docs/coverage.md is what `acslint rules --coverage` makes of the peers' lists and the rules'
/// `equivalents`; every peer rule of a finished family is covered or explained, every
/// equivalent names a listed peer rule, and no covered rule keeps a stale reason.
#[test]
fn coverage_is_current_and_complete() {
    use acslint::rules::coverage;
    let reg = Registry::builtin();
    let problems = coverage::problems(reg);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/coverage.md");
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some(coverage::page(reg).as_str()),
        "docs/coverage.md is stale; run `cargo run -- rules --coverage docs/coverage.md`"
    );
}

/// docs/packs/ is what `acslint rules --pack-docs docs/packs` makes of rulesets/packs/; the pack
/// data is consistent (benchmark items cited with their exact number and title, every item
/// checkable from code has a rule or says why not, severities name rules, no pack is empty).
#[test]
fn pack_docs_are_current_and_pack_data_is_consistent() {
    use acslint::rules::packs;
    let reg = Registry::builtin();
    let problems = packs::problems(reg);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/packs");
    let mut stale = Vec::new();
    for p in reg.packs() {
        let f = root.join(format!("{}.md", p.name));
        if std::fs::read_to_string(&f).ok().as_deref() != Some(packs::page(reg, p).as_str()) {
            stale.push(f.display().to_string());
        }
    }
    if std::fs::read_to_string(root.join("README.md"))
        .ok()
        .as_deref()
        != Some(packs::index(reg).as_str())
    {
        stale.push("docs/packs/README.md".into());
    }
    for e in std::fs::read_dir(&root).unwrap().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n != "README.md" && reg.pack(n.trim_end_matches(".md")).is_none() {
            stale.push(format!("docs/packs/{n} (no such pack)"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale pack docs; run `cargo run -- rules --pack-docs docs/packs`:\n{}",
        stale.join("\n")
    );
}

/// Packs resolve as their data says: `recommended` is the default set, `all` every rule, `cis`
/// the rules citing an item, a derived pack the rules whose equivalents name a rule of its
/// InfraGuard pack, and `leak-response` raises IAM030.
#[test]
fn packs_resolve_from_their_data() {
    use acslint::rules::packs;
    let reg = Registry::builtin();
    let ids =
        |name: &str| -> Vec<String> { reg.select(name).iter().map(|r| r.id.to_string()).collect() };
    let default: Vec<String> = reg
        .sorted()
        .into_iter()
        .filter(|r| r.default_enabled)
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(ids("recommended"), default);
    assert_eq!(ids("all").len(), reg.rules().len());
    assert!(ids("all").len() > ids("recommended").len());
    // The criterion written in the pack: at medium or above, or a diagnostic of the analysis.
    for r in reg.sorted().into_iter().filter(|r| r.default_enabled) {
        assert!(
            r.severity >= acslint::finding::Severity::Medium || r.id.starts_with("TF"),
            "{} is on by default at {}",
            r.id,
            r.severity
        );
    }
    // Low rules and facts stay selectable by code and through `all`.
    assert!(!default.contains(&"OSS004".to_string()));
    assert!(ids("all").contains(&"OSS004".to_string()));
    assert!(ids("OSS004").contains(&"OSS004".to_string()));
    assert!(ids("cis").contains(&"IAM017".to_string()));
    assert!(!ids("cis").contains(&"KMS001".to_string()));
    let mlps3 = ids("mlps-level-3");
    let ig = packs::infraguard_packs();
    let members = &ig["mlps-level-3-pre-check-compliance-pack"].rules;
    for r in reg.sorted() {
        let named = packs::infraguard_equivalents(r).any(|e| members.iter().any(|m| m == e));
        assert_eq!(mlps3.contains(&r.id.to_string()), named, "{}", r.id);
    }
    assert!(mlps3.contains(&"NET001".to_string()));
    let leak = reg.pack("leak-response").unwrap();
    assert_eq!(
        leak.severity.get("IAM030"),
        Some(&acslint::finding::Severity::High)
    );
}

/// The first string literal after each `tr!(`, `tr_in!(` and `tr_key!(` of `src/` (outside
/// comments), unescaped: the catalogue keys the code uses.
fn catalogue_keys_in_code() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut keys = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for line_start in text.match_indices('\n').map(|(i, _)| i + 1).chain([0]) {
            let line = &text[line_start..];
            let line = &line[..line.find('\n').unwrap_or(line.len())];
            if line.trim_start().starts_with("//") {
                continue;
            }
            for mac in ["tr!(", "tr_in!(", "tr_key!("] {
                for (i, _) in line.match_indices(mac) {
                    let before = line[..i].chars().last();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let at = line_start + i + mac.len();
                    let q = at + text[at..].find('"').unwrap();
                    let mut s = String::new();
                    let mut chars = text[q + 1..].chars().peekable();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => match chars.next() {
                                Some('n') => s.push('\n'),
                                Some('t') => s.push('\t'),
                                Some('\n') => {
                                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                        chars.next();
                                    }
                                }
                                Some(o) => s.push(o),
                                None => {}
                            },
                            c => s.push(c),
                        }
                    }
                    keys.insert(s);
                }
            }
        }
    }
    keys
}

/// Texts Rust code writes (`tr!`): every one translated in every language, not equal to the
/// English, with the same `{placeholders}` and code spans; no translation of a text the code
/// no longer writes.
#[test]
fn every_text_rust_writes_is_translated_keeping_placeholders() {
    use acslint::i18n as cat;
    let keys = catalogue_keys_in_code();
    assert!(
        keys.len() > 200,
        "the scan of src/ found only {} keys",
        keys.len()
    );
    assert!(keys.contains("allowed here") && keys.contains("no automatic fix: {why}"));
    let mut problems = Vec::new();
    for lang in Lang::TRANSLATED {
        let l = lang.code();
        let entries = cat::parse_catalogue(lang.catalogue_source().unwrap())
            .unwrap_or_else(|e| panic!("ui-{l}.hcl: {e}"));
        let mut seen = BTreeSet::new();
        for (en, t) in &entries {
            if !seen.insert(en.clone()) {
                problems.push(format!("{l}: `{en}` is translated twice"));
            }
            if !keys.contains(en) {
                problems.push(format!("{l}: `{en}` is no text of src/ (stale)"));
            }
            if t == en || t.trim().is_empty() {
                problems.push(format!("{l}: `{en}` is not translated"));
            }
            if cat::placeholders(en) != cat::placeholders(t) {
                problems.push(format!(
                    "{l}: `{en}`: placeholders differ: {:?} vs {:?}",
                    cat::placeholders(en),
                    cat::placeholders(t)
                ));
            }
            let missing: Vec<_> = code_spans(en).difference(&code_spans(t)).cloned().collect();
            if !missing.is_empty() {
                problems.push(format!("{l}: `{en}`: code changed: {missing:?}"));
            }
        }
        for k in &keys {
            if !seen.contains(k) {
                problems.push(format!("{l}: `{k}` has no translation"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Lookup: English is the key itself; a translation fills its placeholders.
    assert_eq!(cat::text_in(Lang::En, "allowed here"), "allowed here");
    assert_eq!(cat::text_in(Lang::Ja, "allowed here"), "ここで許可");
    assert_eq!(cat::text_in(Lang::ZhCn, "allowed here"), "在此处允许");
    let a = "ecs:*";
    assert_eq!(
        cat::fill(
            cat::text_in(Lang::Ja, "grants `{action}`"),
            &[("action", &a)]
        ),
        "`ecs:*` を付与"
    );
}
