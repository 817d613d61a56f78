//! The rule-file loader with schema validation (user rule files given with `--rules`), and
//! registering what it accepts.
#![no_main]
use acslint::rules::{load_rule_file, Registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match load_rule_file("fuzz.hcl", text, None, true) {
            Ok(rules) => {
                let mut reg = Registry::builtin().clone();
                for r in rules {
                    let _ = reg.insert(r);
                }
            }
            Err(errors) => {
                for e in errors {
                    if let Some(s) = e.span {
                        // Spans must be renderable against the text.
                        assert!(s.start <= s.end, "inverted span");
                    }
                }
            }
        }
    }
});
