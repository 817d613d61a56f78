//! HCL front end + workspace building + every rule, on `.tf` and `.tfvars` text.
#![no_main]
use acslint::source::FileKind;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::lint_one("main.tf", FileKind::Hcl, text);
        common::lint_one("x.tfvars", FileKind::Tfvars, text);
    }
});
