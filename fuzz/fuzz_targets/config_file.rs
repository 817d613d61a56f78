//! `.acslint.hcl` as a hostile pull request writes it: parsing, schema validation, values and
//! spans, the rendering of its errors (miette, with the source), validation of rule selectors
//! against the registry, and `config --show`.
#![no_main]
use acslint::config::check_text;
use acslint::rules::Registry;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match check_text(Path::new("/fuzz/.acslint.hcl"), text) {
            Ok(c) => {
                let reg = Registry::builtin();
                let _ = c.show();
                let _ = c.selects(reg, "RAM020");
                let _ = c.excludes(Path::new("/fuzz/a/main.tf"));
            }
            Err(rendered) => assert!(!rendered.is_empty()),
        }
    }
});
