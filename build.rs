//! Turns every built-in rule file under `rulesets/` into JSON embedded in the binary: parsing
//! ~120 KB of HCL at every start-up cost more than everything else a one-file run does. The
//! HCL→JSON code is shared with the run-time loader of user rule files (`src/hcljson.rs`).
use std::path::Path;

#[allow(dead_code)]
#[path = "src/hcljson.rs"]
mod hcljson;

#[allow(dead_code)]
#[path = "src/rules/packed.rs"]
mod packed;

/// FNV-1a, the hash of the service-code tables (the same as `policy::catalogue::fnv`).
fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// An open-addressing table of 256 slots (linear probing) holding each key's index, 255 where
/// empty; see `policy::catalogue::find_code`.
fn code_table(keys: &[String]) -> Vec<u8> {
    assert!(keys.len() < 200, "the service-code tables need more slots");
    let mut t = vec![255u8; 256];
    for (i, k) in keys.iter().enumerate() {
        let mut h = fnv(k) as usize & 255;
        while t[h] != 255 {
            h = (h + 1) & 255;
        }
        t[h] = i as u8;
    }
    t
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // `rulesets/data/` holds data tables and `rulesets/packs/` packs, not rules (both
            // embedded below).
            // `rulesets/i18n/` holds translations (embedded by `src/rules/i18n.rs`).
            if p.file_name()
                .is_some_and(|n| n == "data" || n == "packs" || n == "i18n")
                && p.parent().is_some_and(|d| d.ends_with("rulesets"))
            {
                continue;
            }
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "hcl") {
            out.push(p.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let rules = Path::new(&root).join("rulesets");
    let out = std::env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed=rulesets");
    println!("cargo:rerun-if-changed=src/hcljson.rs");
    println!("cargo:rerun-if-changed=src/rules/packed.rs");
    pack_relocations();
    order_functions(&root);
    docs_ref(&root);
    let mut files = Vec::new();
    collect(&rules, &mut files);
    let mut src = String::from("&[\n");
    let mut index = Vec::new();
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={f}");
        let rel = f
            .strip_prefix(&format!("{}/", rules.to_string_lossy()))
            .unwrap_or(f);
        let text = std::fs::read_to_string(f).unwrap();
        // The test suite reports invalid rule files with spans; here it is enough to stop.
        let (raw, errors) = hcljson::rule_blocks(&text)
            .unwrap_or_else(|e| panic!("{rel}: {} at {:?}", e.message, e.span));
        if let Some(e) = errors.first() {
            panic!("{rel}: {} at {:?}", e.message, e.span);
        }
        let json: Vec<serde_json::Value> = raw
            .into_iter()
            .map(|r| {
                let j = serde_json::json!({
                    "id": r.id,
                    "instance": r.instance,
                    "sources": r.sources,
                });
                index.push(entry(rel, &j, builtin_name(r.exprs.get("check"))));
                j
            })
            .collect();
        let path = Path::new(&out).join(format!("rules-{i}.json"));
        std::fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
        let path = path.to_string_lossy().replace('\\', "/");
        src.push_str(&format!(
            "    ({rel:?}, include_str!({f:?}), include_str!({path:?})),\n"
        ));
    }
    src.push(']');
    std::fs::write(Path::new(&out).join("embedded_rules.rs"), src).unwrap();
    println!("cargo:rerun-if-env-changed=ACSLINT_SYNTHETIC_RULES");
    if let Some(n) = std::env::var("ACSLINT_SYNTHETIC_RULES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        synthetic(n, &mut index);
    }
    write_index(&index, &Path::new(&out).join("embedded_index.rs"));

    // Data tables (the high-risk API list, the system policies, the attributes providers always
    // set): checked and turned into JSON here, so a malformed table fails the build and start-up
    // reads JSON.
    let mut high_risk = serde_json::Value::Null;
    for name in ["high-risk-apis", "system-policies", "computed-attributes"] {
        let f = rules.join("data").join(format!("{name}.hcl"));
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(&f).unwrap();
        let json = hcljson::data_body(&text)
            .unwrap_or_else(|e| panic!("{}: {} at {:?}", f.display(), e.message, e.span));
        for key in ["source", "date"] {
            assert!(
                json.get(key)
                    .and_then(|v| v.as_str())
                    .is_some_and(|s| !s.is_empty()),
                "{}: `{key}` is required",
                f.display()
            );
        }
        std::fs::write(
            Path::new(&out).join(format!("{name}.json")),
            serde_json::to_string(&json).unwrap(),
        )
        .unwrap();
        if name == "computed-attributes" {
            write_computed(&json, &Path::new(&out).join("computed-attributes.rs"));
        }
        if name == "high-risk-apis" {
            high_risk = json;
        }
    }

    // Packs: `(file, name, the pack's JSON view)` each, so a run parses only the packs it uses.
    let mut packs = String::from("&[");
    let dir = rules.join("packs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for f in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "hcl"))
    {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).unwrap();
        let json = hcljson::data_body(&text)
            .unwrap_or_else(|e| panic!("{}: {} at {:?}", f.display(), e.message, e.span));
        let file = f.file_name().unwrap().to_string_lossy().into_owned();
        for p in json["pack"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or_default();
            packs.push_str(&format!("({file:?}, {name:?}, {:?}),", p.to_string()));
        }
    }
    packs.push(']');
    std::fs::write(Path::new(&out).join("packs.rs"), packs).unwrap();

    // The RAM action catalogue: every `<code>.txt` of rulesets/ram/catalogue/ (generated by
    // scripts/gen_ram_catalogue.py), prepared here rather than at every start (building the
    // lower-case lookup of ~15,000 actions was a fifth of a one-file run): per service, its
    // actions in file order as one string, whether the list is complete, and their
    // ASCII-lower-cased names sorted, concatenated, with their ends and the index of the action
    // each one is (a binary search replaces the map); then every known service code, sorted.
    let dir = rules.join("ram").join("catalogue");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    entries.sort_by_key(|p| p.file_stem().unwrap().to_string_lossy().into_owned());
    let mut codes: Vec<String> = Vec::new();
    let mut catalogued: std::collections::HashMap<String, Vec<String>> = Default::default();
    let mut src = String::from("&[\n");
    for f in &entries {
        println!("cargo:rerun-if-changed={}", f.display());
        let code = f.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(f).unwrap();
        let complete = text.lines().any(|l| l.trim() == "# complete: yes");
        let actions: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(actions.len() < 1 << 16, "{code}: too many actions");
        // Equal lower-case names: the last one is the spelling (as a map built in order).
        let mut by_lower: Vec<(String, usize)> = actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.to_ascii_lowercase(), i))
            .collect();
        by_lower.sort();
        let mut sorted: Vec<(String, usize)> = Vec::with_capacity(by_lower.len());
        for (k, i) in by_lower {
            match sorted.last_mut() {
                Some(last) if last.0 == k => last.1 = i,
                _ => sorted.push((k, i)),
            }
        }
        let index: Vec<String> = sorted.iter().map(|(_, i)| i.to_string()).collect();
        let mut end = 0;
        let ends: Vec<String> = sorted
            .iter()
            .map(|(k, _)| {
                end += k.len();
                end.to_string()
            })
            .collect();
        let lower: String = sorted.iter().map(|(k, _)| k.as_str()).collect();
        // Where each action ends in `names`, so that a lookup reads one without a list.
        let mut end = 0;
        let name_ends: Vec<String> = actions
            .iter()
            .map(|a| {
                end += a.len();
                let e = end.to_string();
                end += 1;
                e
            })
            .collect();
        src.push_str(&format!(
            "    ServiceData {{ code: {code:?}, complete: {complete}, names: {:?}, name_ends: &[{}], lower: {lower:?}, lower_ends: &[{}], by_lower: &[{}] }},\n",
            actions.join("\n"),
            name_ends.join(","),
            ends.join(","),
            index.join(",")
        ));
        catalogued.insert(
            code.clone(),
            actions.iter().map(|a| a.to_string()).collect(),
        );
        codes.push(code);
    }
    src.push(']');
    std::fs::write(Path::new(&out).join("ram_catalogue.rs"), src).unwrap();
    write_high_risk_grants(
        &high_risk,
        &catalogued,
        &Path::new(&out).join("high-risk-grants.rs"),
    );
    let services = rules.join("ram").join("data").join("services.txt");
    println!("cargo:rerun-if-changed={}", services.display());
    let listed = std::fs::read_to_string(&services).unwrap();
    codes.extend(
        listed
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string),
    );
    codes.sort();
    codes.dedup();
    std::fs::write(
        Path::new(&out).join("ram_services.rs"),
        format!("&{codes:?}"),
    )
    .unwrap();
    // Hash tables of both lists, looked up for every action of a policy.
    let files: Vec<String> = entries
        .iter()
        .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for (name, keys) in [
        ("ram_catalogue_table.rs", &files),
        ("ram_services_table.rs", &codes),
    ] {
        std::fs::write(
            Path::new(&out).join(name),
            format!("{:?}", code_table(keys)),
        )
        .unwrap();
    }

    // Translated rule documentation: every `rulesets/i18n/<lang>/<file>.hcl` (one per ruleset
    // file, so translators work on separate files), embedded as (lang, file, text).
    let dir = rules.join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut src = String::from("&[\n");
    let mut langs: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    langs.sort();
    for l in langs.iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", l.display());
        let lang = l.file_name().unwrap().to_string_lossy();
        let mut files: Vec<_> = std::fs::read_dir(l)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "hcl"))
        {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f.file_name().unwrap().to_string_lossy();
            let path = f.to_string_lossy().replace('\\', "/");
            src.push_str(&format!(
                "    ({lang:?}, {name:?}, include_str!({path:?})),\n"
            ));
        }
    }
    src.push(']');
    std::fs::write(Path::new(&out).join("i18n_docs.rs"), src).unwrap();
}

/// The git ref whose `docs/rules/` the diagnostics link to, as `ACSLINT_DOCS_REF` for the crate
/// (empty: no link). Only a ref known to be published qualifies: the one a release build names
/// (`ACSLINT_DOCS_REF=v0.2.0 cargo build`, as the Action and the Dockerfile pass), else the
/// commit a crates.io package was made from (cargo records it in `.cargo_vcs_info.json`). A
/// build from a local checkout links nothing: its version's tag may not exist yet.
fn docs_ref(root: &str) {
    println!("cargo:rerun-if-env-changed=ACSLINT_DOCS_REF");
    let vcs = Path::new(root).join(".cargo_vcs_info.json");
    // Watch it only where it exists (a packaged crate): a missing watched file makes cargo
    // rerun this script and rebuild the crate on every build of a checkout.
    if vcs.exists() {
        println!("cargo:rerun-if-changed={}", vcs.display());
    }
    let from_env = std::env::var("ACSLINT_DOCS_REF").ok();
    let from_package = || {
        let text = std::fs::read_to_string(&vcs).ok()?;
        let j: serde_json::Value = serde_json::from_str(&text).ok()?;
        j["git"]["sha1"].as_str().map(str::to_string)
    };
    let r = from_env.or_else(from_package).unwrap_or_default();
    // A ref goes into a URL path: keep it to what git refs and hashes are made of.
    let ok = r
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'));
    println!(
        "cargo:rustc-env=ACSLINT_DOCS_REF={}",
        if ok { r.trim() } else { "" }
    );
}

/// One built-in rule's index entry: what selection and planning read without building the
/// rule (a few members every rule has), and the rule's JSON, built into a `Rule` on first use
/// by the same code as user rule files (so members added to rules need nothing here).
struct Entry {
    id: String,
    name: String,
    file: String,
    scope: &'static str,
    severity: String,
    resources: Vec<String>,
    check: Option<String>,
    assert: bool,
    enabled: bool,
    ignorable: bool,
    /// The rule's JSON without what building it does not read (see [`entry`]).
    json: String,
    /// The rule's `docs`, kept out of its JSON.
    docs: String,
    /// Its expressions but `check` packed (`src/rules/packed.rs`): member, source, packed form.
    packed: Vec<(&'static str, String, Vec<u8>)>,
    /// The members building the rule reads, as `rules::load`'s `Fields` reads them from the
    /// JSON (a member of another type is absent), so that a run builds it without the JSON.
    prepared: Prepared,
}

#[derive(Default)]
struct Prepared {
    title: Option<String>,
    message: String,
    help: Option<String>,
    where_: Option<String>,
    documents: Vec<String>,
    equivalents: Vec<String>,
    tags: Vec<String>,
    /// `references`' members, a value that is not a string read as empty.
    references: Vec<(String, String)>,
    /// `fix` (without a packed `when`) and `options` as JSON: few rules have them.
    fix: Option<String>,
    /// `fix` as Rust code building its `FixSpec` (see [`fix_code`]), when it is one.
    fix_code: Option<String>,
    options: Option<String>,
}

fn entry(file: &str, j: &serde_json::Value, check: Option<String>) -> Entry {
    let id = j["id"].as_str().unwrap().to_string();
    let inst = &j["instance"];
    let list = |k: &str| -> Vec<String> {
        match inst.get(k) {
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    };
    let resources = list("resource");
    // The fix's `when` is parsed as written (`FixSpec::from_json`), as a source is unless it is
    // a heredoc: one that is stays in the JSON.
    let when = inst
        .get("fix")
        .and_then(|f| f.get("when"))
        .and_then(|w| w.as_str())
        .filter(|w| !w.starts_with("<<"));
    let packed: Vec<(&'static str, String, Vec<u8>)> =
        ["assert", "each", "facet", "message", "where", "when"]
            .into_iter()
            .filter_map(|k| {
                let src = match k {
                    "when" => when?,
                    _ => j["sources"].get(k)?.as_str()?,
                };
                // Parsed as `rules::load::parse_source` parses it at run time.
                let e = if src.starts_with("<<") {
                    hcl_edit::parser::parse_expr(&format!("{src}\n"))
                } else {
                    hcl_edit::parser::parse_expr(src)
                };
                let e = e.unwrap_or_else(|e| panic!("{file}: rule {id}: `{k}`: {e}"));
                // Empty where the packing cannot reproduce it: the source is parsed then.
                Some((k, src.to_string(), packed::pack(&e).unwrap_or_default()))
            })
            .collect();
    // The same defaults as `Rule` building (src/rules/load.rs); a test compares the two.
    let scope = match inst.get("scope").and_then(|v| v.as_str()) {
        Some("resource") => "Resource",
        Some("document") => "Document",
        Some("configuration") => "Configuration",
        Some("file") => "File",
        Some("provider") => "Provider",
        Some("output") => "Output",
        Some(other) => panic!("{file}: rule {id}: unknown scope `{other}`"),
        None if !list("document").is_empty() => "Document",
        None if !resources.is_empty() => "Resource",
        None => panic!("{file}: rule {id}: say what the rule applies to"),
    };
    let text = |k: &str| inst.get(k).and_then(|v| v.as_str()).map(str::to_string);
    if j["sources"].get("check").is_some() {
        assert!(
            check.is_some(),
            "{file}: rule {id}: `check` must be `builtin(\"name\")`"
        );
    }
    assert!(
        check.is_some() || j["sources"].get("assert").is_some(),
        "{file}: rule {id}: a rule needs `assert` or `check`"
    );
    // The fix without a `when` that was packed apart.
    let fix = inst.get("fix").map(|f| {
        let mut f = f.clone();
        if let (Some(o), Some(_)) = (f.as_object_mut(), when) {
            o.remove("when");
        }
        f
    });
    let prepared = Prepared {
        title: text("title"),
        message: text("message").unwrap_or_else(|| panic!("{file}: rule {id}: missing `message`")),
        help: text("help"),
        where_: text("where"),
        documents: list("document"),
        equivalents: list("equivalents"),
        tags: list("tags"),
        references: match inst.get("references") {
            Some(serde_json::Value::Object(m)) => m
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect(),
            _ => Vec::new(),
        },
        fix_code: fix.as_ref().and_then(fix_code),
        fix: fix.as_ref().map(|f| serde_json::to_string(f).unwrap()),
        options: inst
            .get("options")
            .map(|o| serde_json::to_string(o).unwrap()),
    };
    Entry {
        prepared,
        name: inst["name"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: rule {id}: missing `name`"))
            .to_string(),
        file: file.to_string(),
        scope,
        severity: match inst.get("severity").and_then(|v| v.as_str()) {
            Some(s @ ("critical" | "high" | "medium" | "low" | "info")) => {
                s[..1].to_ascii_uppercase() + &s[1..]
            }
            _ => panic!(
                "{file}: rule {id}: `severity` must be one of critical, high, medium, low, info"
            ),
        },
        resources,
        check,
        assert: j["sources"].get("assert").is_some(),
        enabled: inst
            .get("enabled")
            .and_then(|v| v.as_bool())
            .unwrap_or(true),
        ignorable: inst
            .get("ignorable")
            .and_then(|v| v.as_bool())
            .unwrap_or(true),
        json: {
            // Building a rule reads its expressions from `sources`; their copies in `instance`
            // (for the schema) and its docs page (a kilobyte, half of the JSON: only `explain`
            // and the language server's hover read it) are left out of what is parsed on
            // first use. The docs come from `Embedded::docs` as they are.
            let mut j = j.clone();
            if let Some(o) = j["instance"].as_object_mut() {
                for k in ["docs", "assert", "check", "each", "facet"] {
                    o.remove(k);
                }
            }
            // The packed expressions' sources are kept beside their packed form (below).
            if let Some(o) = j["sources"].as_object_mut() {
                o.retain(|k, _| !packed.iter().any(|p| p.0 == k));
            }
            if when.is_some() {
                if let Some(f) = j["instance"]["fix"].as_object_mut() {
                    f.remove("when");
                }
            }
            serde_json::to_string(&j).unwrap()
        },
        docs: inst
            .get("docs")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string(),
        packed,
        id,
    }
}

/// A rule's `fix` as the Rust expression building the `FixSpec` that `FixSpec::from_json`
/// makes of it (its `when` packed apart; a test compares the two): a run neither parses the
/// JSON nor copies values out of it. `None` where `from_json` would have more to do (a `when`
/// left in, an error): the JSON is read then.
fn fix_code(j: &serde_json::Value) -> Option<String> {
    use serde_json::Value as V;
    fn value(v: &V) -> String {
        match v {
            V::Null => "J::Null".into(),
            V::Bool(b) => format!("J::Bool({b})"),
            V::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => format!("J::from({u}u64)"),
                (None, Some(i)) => format!("J::from({i}i64)"),
                _ => format!("J::from({:?}f64)", n.as_f64().unwrap()),
            },
            V::String(s) => format!("J::String(s({s:?}))"),
            V::Array(a) => format!(
                "J::Array(vec![{}])",
                a.iter().map(value).collect::<Vec<_>>().join(", ")
            ),
            V::Object(m) => format!(
                "J::Object([{}].into_iter().collect())",
                m.iter()
                    .map(|(k, v)| format!("(s({k:?}), {})", value(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    fn op(j: &V) -> Option<(String, bool)> {
        let s = |k: &str| match j.get(k).and_then(V::as_str) {
            Some(v) => format!("Some(s({v:?}))"),
            None => "None".into(),
        };
        // `fix::unquote`.
        let unquote = |k: &str| -> String {
            k.strip_prefix('"')
                .and_then(|k| k.strip_suffix('"'))
                .unwrap_or(k)
                .to_string()
        };
        let pairs = |k: &str| -> String {
            let items: Vec<String> = match j.get(k) {
                Some(V::Object(m)) => m
                    .iter()
                    .map(|(k, v)| format!("(s({:?}), {})", unquote(k), value(v)))
                    .collect(),
                _ => Vec::new(),
            };
            format!("vec![{}]", items.join(", "))
        };
        Some(if j.get("set").is_some() {
            (
                format!(
                    "FixOp::Set {{ block: {}, map: {}, values: {}, defaults: {} }}",
                    s("block"),
                    s("map"),
                    pairs("set"),
                    pairs("default")
                ),
                true,
            )
        } else if let Some(r) = j.get("replace").and_then(V::as_str) {
            (format!("FixOp::Replace(s({r:?}))"), true)
        } else if j.get("rename_key").is_some() || j.get("statement").is_some() {
            let code = format!(
                "FixOp::Policy {{ rename_key: {}, statement: {} }}",
                s("rename_key"),
                pairs("statement")
            );
            (code, false)
        } else if j.get("wrap_in_array").and_then(V::as_bool) == Some(true) {
            ("FixOp::WrapInArray".into(), false)
        } else if j.get("builtin").and_then(V::as_bool) == Some(true) {
            ("FixOp::Builtin".into(), false)
        } else if j.get("types").is_some() {
            ("FixOp::None".into(), false)
        } else {
            return None;
        })
    }
    let safety = match j.get("safety").and_then(V::as_str) {
        Some("safe") => "Safety::Safe",
        Some("unsafe") => "Safety::Unsafe",
        _ => return None,
    };
    if j.get("when").is_some() {
        return None;
    }
    let mut types = Vec::new();
    if let Some(V::Object(m)) = j.get("types") {
        for (t, o) in m {
            // Only `set` or `replace` (else `from_json` refuses the rule).
            let (code, ok) = op(o)?;
            if !ok {
                return None;
            }
            types.push(format!("(s({t:?}), {code})"));
        }
    }
    let description = match j.get("description").and_then(V::as_str) {
        Some(d) => format!("Some(s({d:?}))"),
        None => "None".into(),
    };
    Some(format!(
        "FixSpec {{ safety: {safety}, description: {description}, op: {}, when: None, \
         types: vec![{}], per_element: false }}",
        op(j)?.0,
        types.join(", ")
    ))
}

/// `b` as a Rust byte string literal.
fn byte_string(b: &[u8]) -> String {
    let mut s = String::from("b\"");
    for &c in b {
        match c {
            b' '..=b'~' if c != b'"' && c != b'\\' => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('"');
    s
}

/// `builtin("name")` → `name`.
fn builtin_name(e: Option<&hcl_edit::expr::Expression>) -> Option<String> {
    let hcl_edit::expr::Expression::FuncCall(call) = e? else {
        return None;
    };
    match call.args.iter().next()? {
        hcl_edit::expr::Expression::String(s) if call.name.name.as_str() == "builtin" => {
            Some(s.value().to_string())
        }
        _ => None,
    }
}

/// `ACSLINT_SYNTHETIC_RULES=N` (a benchmark's build only): pad the built-in rules to N with
/// generated expression rules, most of them on the resource types of the benchmark's module
/// file, so that the cost of the rule count shows. They never fail.
fn synthetic(n: usize, index: &mut Vec<Entry>) {
    const TYPES: &[&str] = &[
        "alicloud_ram_role",
        "alicloud_ram_policy",
        "alicloud_oss_bucket",
        "alicloud_instance",
        "alicloud_security_group_rule",
        "alicloud_db_instance",
        "alicloud_security_group",
        "alicloud_actiontrail_trail",
        "alicloud_vpc",
        "alicloud_kms_key",
        "alicloud_slb_load_balancer",
        "alicloud_nas_file_system",
    ];
    let real = index.len();
    for i in 0..n.saturating_sub(real) {
        let id = format!("SYN{i:04}");
        // Four in five on the types the benchmark file has, the rest on others.
        let rtype = if i % 5 == 4 {
            TYPES[8 + i % 4]
        } else {
            TYPES[i % 8]
        };
        let assert = format!("lookup(self, \"synthetic_{i}\", null) == null");
        let message = format!("\"synthetic rule {i} on ${{self.name}}\"");
        let j = serde_json::json!({
            "id": id,
            "instance": {
                "id": id,
                "name": format!("synthetic-rule-{i}"),
                "severity": "low",
                "title": format!("Synthetic rule {i}"),
                "message": format!("synthetic rule {i} on ${{self.name}}"),
                "docs": "A generated rule for the rule-count benchmark.",
                "resource": [rtype],
                "assert": assert,
            },
            "sources": { "assert": assert, "message": message },
        });
        index.push(entry("synthetic.hcl", &j, None));
    }
}

/// The attributes providers always set (`eval::computed`) as Rust statics: reading their JSON
/// was ~45k instructions of every check that looks one up.
fn write_computed(table: &serde_json::Value, path: &Path) {
    let obj = table.as_object().expect("computed-attributes: a body");
    for k in obj.keys() {
        assert!(
            ["source", "date", "resource", "data"].contains(&k.as_str()),
            "computed-attributes: unknown member `{k}`"
        );
    }
    let blocks = |k: &str| -> String {
        let mut out = String::from("&[");
        for b in obj.get(k).and_then(|v| v.as_array()).into_iter().flatten() {
            let b = b.as_object().expect("computed-attributes: a block");
            for k in b.keys() {
                assert!(
                    ["name", "set", "set_elements"].contains(&k.as_str()),
                    "computed-attributes: unknown member `{k}`"
                );
            }
            let list = |k: &str| -> Vec<&str> {
                b.get(k)
                    .map(|v| {
                        v.as_array()
                            .expect("computed-attributes: a list")
                            .iter()
                            .map(|s| s.as_str().expect("computed-attributes: a string"))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let name = b["name"].as_str().expect("computed-attributes: a name");
            out.push_str(&format!(
                "Types {{ name: {name:?}, set: &{:?}, set_elements: &{:?} }},",
                list("set"),
                list("set_elements")
            ));
        }
        out.push(']');
        out
    };
    std::fs::write(
        path,
        format!(
            "Table {{ resource: {}, data: {} }}",
            blocks("resource"),
            blocks("data")
        ),
    )
    .unwrap();
}

/// The built-in high-risk list's `HighRiskList::grant_actions` (see there; a unit test compares
/// the two), so that a run with the built-in list neither parses it nor builds the table.
fn write_high_risk_grants(
    list: &serde_json::Value,
    catalogued: &std::collections::HashMap<String, Vec<String>>,
    path: &Path,
) {
    let services = list["service"].as_array().expect("high-risk services");
    let name = |s: &serde_json::Value| s["name"].as_str().expect("service name").to_string();
    let actions = |s: &serde_json::Value| -> Vec<String> {
        s["actions"]
            .as_array()
            .expect("service actions")
            .iter()
            .map(|a| a.as_str().expect("an action").to_string())
            .collect()
    };
    let whole: Vec<String> = services
        .iter()
        .filter(|s| actions(s).iter().any(|a| a == "*"))
        .map(name)
        .collect();
    let read_only = |a: &str| {
        ["Get", "List", "Describe", "Check", "Query"]
            .iter()
            .any(|p| a.starts_with(p))
    };
    let mut out: Vec<String> = Vec::new();
    for s in services {
        let svc = name(s);
        for a in actions(s) {
            let expanded = match (a.as_str(), catalogued.get(&svc)) {
                ("*", Some(all)) => all.clone(),
                _ => vec![a],
            };
            for action in expanded {
                if !whole.contains(&svc)
                    || !(read_only(&action)
                        || action.contains("ServiceLinkedRole")
                        || action == "PassRole")
                {
                    out.push(format!("{svc}:{action}"));
                }
            }
        }
    }
    std::fs::write(path, format!("&{out:?}")).unwrap();
}

fn write_index(index: &[Entry], path: &Path) {
    let mut ids: Vec<usize> = (0..index.len()).collect();
    ids.sort_by(|&a, &b| index[a].id.cmp(&index[b].id));
    for w in ids.windows(2) {
        assert!(
            index[w[0]].id != index[w[1]].id,
            "rule code {} is declared twice ({} and {})",
            index[w[0]].id,
            index[w[0]].file,
            index[w[1]].file
        );
    }
    let mut names: Vec<usize> = (0..index.len()).collect();
    names.sort_by(|&a, &b| index[a].name.cmp(&index[b].name));
    for w in names.windows(2) {
        assert!(
            index[w[0]].name != index[w[1]].name,
            "rule name {} is used by both {} and {}",
            index[w[0]].name,
            index[w[0]].id,
            index[w[1]].id
        );
    }
    // Strings and packed forms go into one text and one byte string, which the index names by
    // offsets: the index holds no pointer per rule for the dynamic loader to relocate at start.
    // The short strings a run reads of every rule (codes, names, files, resource types, checks,
    // members) come first, together: a check's walks over all the rules (`Registry::ids`,
    // `info`) then read a page or two of the text instead of the whole of it, each rule's
    // strings otherwise lying between its neighbours' JSON and docs pages (~380 KB).
    let mut text = String::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut put = |t: &str| {
        let start = text.len();
        text.push_str(t);
        format!("Str({start}, {})", text.len())
    };
    let mut strs = Vec::new();
    let short: Vec<_> = index
        .iter()
        .map(|e| {
            let res_start = strs.len();
            strs.extend(e.resources.iter().map(|r| put(r)));
            let members: Vec<String> = e.packed.iter().map(|(k, _, _)| put(k)).collect();
            let check = match &e.check {
                Some(c) => format!("Some({})", put(c)),
                None => "None".into(),
            };
            let names = [put(&e.id), put(&e.name), put(&e.file)];
            (res_start, strs.len(), members, check, names)
        })
        .collect();
    // Then what building a rule reads (its title, message, help, lists, fix and options), all
    // rules' together: a run reads a few pages of them for the rules it builds.
    let opt = |s: Option<String>| s.map_or("None".into(), |s| format!("Some({s})"));
    let prepared: Vec<String> = index
        .iter()
        .map(|e| {
            let p = &e.prepared;
            let mut run = |v: &[String]| {
                let start = strs.len();
                strs.extend(v.iter().map(|x| put(x)));
                format!("Run({start}, {})", strs.len())
            };
            let (documents, equivalents, tags) =
                (run(&p.documents), run(&p.equivalents), run(&p.tags));
            let pairs: Vec<String> = p
                .references
                .iter()
                .flat_map(|(k, v)| [k.clone(), v.clone()])
                .collect();
            let references = run(&pairs);
            format!(
                "Prepared {{ title: {}, message: {}, help: {}, where_: {}, documents: {documents}, \
                 equivalents: {equivalents}, tags: {tags}, references: {references}, fix: {}, \
                 options: {} }}",
                opt(p.title.as_deref().map(&mut put)),
                put(&p.message),
                opt(p.help.as_deref().map(&mut put)),
                opt(p.where_.as_deref().map(&mut put)),
                opt(p.fix.as_deref().map(&mut put)),
                opt(p.options.as_deref().map(&mut put)),
            )
        })
        .collect();
    // Then the packed expressions' sources, all rules' together: building a rule reads some
    // (whether `where` is a plain string; a member the packing could not reproduce), and among
    // the JSON and docs pages below, each rule's lay on a page of its own.
    let sources: Vec<Vec<String>> = index
        .iter()
        .map(|e| e.packed.iter().map(|(_, src, _)| put(src)).collect())
        .collect();
    let (mut packed, mut rules) = (Vec::new(), String::new());
    for (((e, (res_start, res_end, members, check, [id, name, file])), prepared), sources) in
        index.iter().zip(short).zip(prepared).zip(sources)
    {
        let packed_start = packed.len();
        for (((_, _, b), member), source) in e.packed.iter().zip(members).zip(sources) {
            let start = bytes.len();
            bytes.extend_from_slice(b);
            // Whether it is a literal list (a constant `each`): its length and first element are
            // then read at run time without the rest (`rules::Packed::list_head`).
            let list = matches!(packed::literal(b), Some(packed::Literal::Array(_)));
            packed.push(format!(
                "Packed {{ member: {member}, source: {source}, packed: Run({start}, {}), list: {list} }}",
                bytes.len()
            ));
        }
        rules.push_str(&format!(
            "        Embedded {{ id: {id}, name: {name}, file: {file}, scope: Scope::{}, \
             severity: Severity::{}, resources: Run({res_start}, {res_end}), check: {check}, \
             assert: {}, enabled: {}, ignorable: {}, json: {}, docs: {}, \
             packed: Run({packed_start}, {}), prepared: {prepared} }},\n",
            e.scope,
            e.severity,
            e.assert,
            e.enabled,
            e.ignorable,
            put(&e.json),
            put(&e.docs),
            packed.len(),
        ));
    }
    let s = format!(
        "Index {{\n    text: {text:?},\n    bytes: {},\n    strs: &[{}],\n    packed: &[\n        {}\n    ],\n    rules: &[\n{rules}    ],\n    by_id: &{ids:?},\n    by_name: &{names:?},\n}}\n",
        byte_string(&bytes),
        strs.join(", "),
        packed.join(",\n        "),
    );
    std::fs::write(path, s).unwrap();
    // The rules' fixes, built by code (`fix::builtin_fix`), by index position.
    let mut fixes = String::from("match rule {\n");
    for (i, e) in index.iter().enumerate() {
        if let Some(code) = &e.prepared.fix_code {
            fixes.push_str(&format!("    {i} => Some({code}),\n"));
        }
    }
    fixes.push_str("    _ => None,\n}\n");
    std::fs::write(path.with_file_name("builtin_fixes.rs"), fixes).unwrap();
}

/// The functions a one-file check runs are laid out together at the start of the binary's
/// code (`linker/hot-functions.ld`, written by `scripts/hot-functions.py`: a section of them
/// inserted before `.text`, in the order the check's profile lists them). Scattered over its
/// 8 MB, they were ~90 pieces of 64 KiB that the kernel maps one page fault at a time, and
/// `--version`'s ~25 (docs/performance.md, one file). Functions are named without the hash that
/// legacy mangling ends them with (it changes with the toolchain, the dependencies' versions and
/// features) and without thin LTO's `.llvm.` suffix: every instance of a hot generic function
/// comes along, and a stale list only orders less. Only with LLD, the linker Rust 1.90 on uses for
/// x86_64-unknown-linux-gnu; `ACSLINT_NO_ORDER=1` leaves it out.
fn order_functions(root: &str) {
    println!("cargo:rerun-if-env-changed=ACSLINT_NO_ORDER");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    println!("cargo:rerun-if-changed=linker/hot-functions.ld");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    let lld_by_default = var("TARGET") == "x86_64-unknown-linux-gnu"
        && std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_none()
        && !["fuse-ld", "linker", "link-self-contained"]
            .iter()
            .any(|f| flags.contains(f))
        && rustc_minor().is_some_and(|m| m >= 90);
    let script = Path::new(root).join("linker/hot-functions.ld");
    if lld_by_default && script.is_file() && std::env::var_os("ACSLINT_NO_ORDER").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
        // tests/hot_functions.rs looks for the section where it was asked for.
        println!("cargo:rustc-env=ACSLINT_HOT_FUNCTIONS=1");
    }
}

/// The minor version of the compiler building the crate (`rustc 1.95.0 (…)` → 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    (parts.next()? == "1").then_some(())?;
    parts.next()?.parse().ok()
}

/// The binary carries ~20,000 relative relocations (vtables, tables of `&str`), which the
/// dynamic loader read, 24 bytes each, and applied on every start: a tenth of a one-file run.
/// Packed (`DT_RELR`, glibc 2.36 and GNU ld 2.38 or lld 15 on), they take a few kilobytes. Here,
/// not in `.cargo/config.toml`, so that `cargo install` gets it too. A linker that does not know
/// the option ignores it with a warning; `ACSLINT_NO_RELR=1` leaves it out (for a glibc older than
/// 2.36 on the machine that runs the binary).
fn pack_relocations() {
    println!("cargo:rerun-if-env-changed=ACSLINT_NO_RELR");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && std::env::var_os("ACSLINT_NO_RELR").is_none()
    {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
