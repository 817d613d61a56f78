//! Micro-benchmarks of the pipeline stages on generated input (`cargo bench`): the HCL parser,
//! the span-keeping JSON parser, workspace building (parse + model + embedded documents) and the
//! rule engine with every rule enabled. Input comes from the corpus generator with a fixed seed.

#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use acslint::engine::{self, Selection};
use acslint::json::{self, SpanMap};
use acslint::lint;
use acslint::rules::Registry;
use acslint::source::{FileId, FileKind, SourceMap};
use divan::{black_box, Bencher};
use std::path::PathBuf;

fn main() {
    divan::main();
}

/// `modules` generated modules as an in-memory source map (what `lint` builds after reading).
fn sources(modules: usize) -> SourceMap {
    let dir = tempfile::tempdir().expect("temp dir");
    gen_corpus::generate(modules, dir.path(), 42).expect("generate");
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(dir.path())
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut m = SourceMap::default();
    for p in files {
        let text = std::fs::read_to_string(&p).expect("read");
        let kind = if p.extension().is_some_and(|e| e == "json") {
            FileKind::Policy
        } else {
            FileKind::Hcl
        };
        m.add(p.clone(), p.display().to_string(), kind, text.into());
    }
    m
}

fn all_rules(reg: &Registry) -> Selection {
    Selection {
        enabled: reg.rules().iter().map(|r| r.id.clone()).collect(),
        ..Default::default()
    }
}

#[divan::bench]
fn parse_hcl_300_line_module(b: Bencher) {
    let text = gen_corpus::main_tf(&mut gen_corpus::Rng::new(1));
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| acslint::tf::parse_hcl(FileId(0), black_box(&text)).is_ok());
}

#[divan::bench]
fn parse_policy_json(b: Bencher) {
    let mut r = gen_corpus::Rng::new(2);
    let text: Vec<String> = (0..64).map(|_| gen_corpus::policy_json(&mut r)).collect();
    b.counter(divan::counter::BytesCount::new(
        text.iter().map(String::len).sum::<usize>(),
    ))
    .bench(|| {
        for t in &text {
            let _ = black_box(json::parse(
                t,
                SpanMap::Exact {
                    file: FileId(0),
                    offset: 0,
                },
            ));
        }
    });
}

#[divan::bench(args = [10, 40, 160])]
fn build_workspace(b: Bencher, modules: usize) {
    let m = sources(modules);
    b.bench(|| lint::build_workspace(black_box(&m)));
}

#[divan::bench(args = [10, 40, 160])]
fn rule_engine(b: Bencher, modules: usize) {
    let m = sources(modules);
    let ws = lint::build_workspace(&m);
    let reg = Registry::builtin();
    let sel = all_rules(reg);
    b.bench(|| engine::run(reg, &sel, black_box(&m), &ws).map(|o| o.findings.len()));
}

#[divan::bench]
fn load_embedded_rulesets(b: Bencher) {
    // What `Registry::builtin()` pays once per process: the JSON build.rs made of the rule
    // files, and the expressions of expression rules.
    b.bench(|| {
        let mut n = 0;
        for (path, _, json) in acslint::rules::EMBEDDED {
            n += acslint::rules::load_embedded(path, json)
                .map(|r| r.len())
                .unwrap_or(0);
        }
        n
    });
}

#[divan::bench]
fn parse_embedded_rule_files_as_hcl(b: Bencher) {
    // What start-up paid before the rule files were turned into JSON at build time.
    b.bench(|| {
        let mut n = 0;
        for (path, text, _) in acslint::rules::EMBEDDED {
            n += acslint::rules::load_rule_file(path, text, None, false)
                .map(|r| r.len())
                .unwrap_or(0);
        }
        n
    });
}

#[divan::bench]
fn validate_embedded_rulesets_with_schema(b: Bencher) {
    // What start-up would pay if the embedded rules were schema-checked at run time (they are
    // not: the test suite checks them).
    b.bench(|| {
        for (path, text, _) in acslint::rules::EMBEDDED {
            let _ = black_box(acslint::rules::load_rule_file(path, text, None, true));
        }
    });
}
