//! The bare cost of reading and parsing a tree: `cargo run --release --example parse_floor -- DIR…`.
//!
//! Discovers the same files as `acslint check` (same discovery code), reads them in parallel and
//! parses each once with the same parsers (hcl-edit for `.tf`/`.tfvars`, the span-keeping JSON
//! parser for JSON), and nothing else: no model, no rules, no report. `acslint check` on the same
//! tree is compared against this floor in docs/performance.md. Threads follow RAYON_NUM_THREADS.

use acslint::discover::{self, DiscoverOptions, KindHint};
use acslint::json::{self, SpanMap};
use acslint::source::FileId;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

// The same allocator and settings as the `acslint` binary (set up the same way, before the
// first allocation), so the floor is comparable: mimalloc's own defaults give its heap
// transparent huge pages, which the binary turns off.
#[global_allocator]
static GLOBAL: acslint::lint::Allocator = acslint::lint::Allocator;

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SET_UP_ALLOCATOR: extern "C" fn() = acslint::lint::set_up_allocator;

fn main() {
    #[cfg(not(target_os = "linux"))]
    acslint::lint::set_up_allocator();
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: parse_floor DIR…");
        std::process::exit(2);
    }
    let start = Instant::now();
    let opts = DiscoverOptions {
        respect_ignore_files: true,
        ..Default::default()
    };
    let (cands, _) = match discover::discover(&paths, &opts) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("parse_floor: {e}");
            std::process::exit(2);
        }
    };
    // (files, bytes, parse errors)
    let (files, bytes, errors) = cands
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            let Ok(text) = std::fs::read_to_string(&c.path) else {
                return (0usize, 0usize, 1usize);
            };
            let id = FileId(i as u32);
            let ok = match c.kind {
                Some(KindHint::Hcl | KindHint::Tfvars) => acslint::tf::parse_hcl(id, &text).is_ok(),
                // Like `acslint check`: a `.json` file is parsed only when it looks like a policy
                // or a plan.
                Some(KindHint::Json) if discover::sniff_json(&text).is_none() => return (0, 0, 0),
                Some(KindHint::Json | KindHint::TfJson | KindHint::TfvarsJson) => json::parse(
                    &text,
                    SpanMap::Exact {
                        file: id,
                        offset: 0,
                    },
                )
                .is_ok(),
                None | Some(KindHint::Text) => return (0, 0, 0),
            };
            (1, text.len(), usize::from(!ok))
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    eprintln!(
        "parse_floor: {files} files, {bytes} bytes, {errors} parse errors, {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}
