// Shared by the targets: lint one in-memory file with every rule and require that nothing
// panicked (a panic is also caught by libFuzzer, but TF006 would mean the library contained one).
use acslint::engine::{self, Selection};
use acslint::lint;
use acslint::rules::Registry;
use acslint::source::{FileKind, SourceMap};
use std::path::PathBuf;

#[allow(dead_code)] // each target uses some of these helpers
pub fn lint_one(name: &str, kind: FileKind, text: &str) {
    let reg = Registry::builtin();
    let sel = Selection {
        enabled: reg.rules().iter().map(|r| r.id.clone()).collect(),
        ..Default::default()
    };
    let mut sources = SourceMap::default();
    sources.add(PathBuf::from(name), name.into(), kind, text.into());
    let ws = lint::build_workspace(&sources);
    let out = engine::run(reg, &sel, &sources, &ws).expect("engine error");
    assert_eq!(out.internal_errors, 0);
    for f in &out.findings {
        if let Some(l) = f.loc {
            assert!(l.start <= l.end && l.end as usize <= text.len(), "span out of the text");
        }
    }
}

/// A `.tf.json` file the way `acslint check` reads it: the JSON file plus its native-syntax
/// rewrite; every finding must land inside the JSON text.
#[allow(dead_code)]
pub fn lint_tf_json(text: &str) {
    use acslint::source::{FileId, Origin};
    let reg = Registry::builtin();
    let sel = Selection {
        enabled: reg.rules().iter().map(|r| r.id.clone()).collect(),
        ..Default::default()
    };
    let mut sources = SourceMap::default();
    let real = sources.add(PathBuf::from("main.tf.json"), "main.tf.json".into(), FileKind::TfJson, text.into());
    if let Some((hcl, segments)) = acslint::tf::json_syntax::to_hcl(FileId(0), text) {
        sources.add_virtual(FileKind::Hcl, hcl.into(), Origin { file: real, segments });
    }
    let ws = lint::build_workspace(&sources);
    let out = engine::run(reg, &sel, &sources, &ws).expect("engine error");
    assert_eq!(out.internal_errors, 0);
    for f in &out.findings {
        assert!(sources.get(f.file).origin.is_none(), "a finding left in the virtual file");
        if let Some(l) = f.loc {
            assert_eq!(l.file, f.file);
            assert!(l.start <= l.end && l.end as usize <= sources.get(l.file).text.len());
        }
    }
}
