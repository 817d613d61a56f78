// Shared by the targets: lint one in-memory file with every rule and require that nothing
// panicked (a panic is also caught by libFuzzer, but TF006 would mean the library contained one).
use acslint::engine::{self, Selection};
use acslint::lint;
use acslint::rules::Registry;
use acslint::source::{FileKind, SourceMap};
use std::path::PathBuf;

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
