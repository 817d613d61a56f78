//! Turns every built-in rule file under `rulesets/` into JSON embedded in the binary: parsing
//! ~120 KB of HCL at every start-up cost more than everything else a one-file run does. The
//! HCL→JSON code is shared with the run-time loader of user rule files (`src/hcljson.rs`).
use std::path::Path;

#[allow(dead_code)]
#[path = "src/hcljson.rs"]
mod hcljson;

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
            if p.file_name().is_some_and(|n| n == "data" || n == "packs")
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
    docs_ref(&root);
    let mut files = Vec::new();
    collect(&rules, &mut files);
    let mut src = String::from("&[\n");
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
                serde_json::json!({
                    "id": r.id,
                    "instance": r.instance,
                    "sources": r.sources,
                })
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

    // Data tables (the high-risk API list, the system policies): checked and turned into JSON
    // here, so a malformed table fails the build and start-up reads JSON.
    for name in ["high-risk-apis", "system-policies"] {
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
    }

    // Packs: each file's JSON view, by file name.
    let mut packs = Vec::new();
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
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        packs.push(serde_json::json!([name, json]));
    }
    std::fs::write(
        Path::new(&out).join("packs.json"),
        serde_json::to_string(&packs).unwrap(),
    )
    .unwrap();
}

/// The git ref whose `docs/rules/` the diagnostics link to, as `ACSLINT_DOCS_REF` for the crate
/// (empty: no link). Only a ref known to be published qualifies: the one a release build names
/// (`ACSLINT_DOCS_REF=v0.2.0 cargo build`, as the Action and the Dockerfile pass), else the
/// commit a crates.io package was made from (cargo records it in `.cargo_vcs_info.json`). A
/// build from a local checkout links nothing: its version's tag may not exist yet.
fn docs_ref(root: &str) {
    println!("cargo:rerun-if-env-changed=ACSLINT_DOCS_REF");
    let vcs = Path::new(root).join(".cargo_vcs_info.json");
    println!("cargo:rerun-if-changed={}", vcs.display());
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
