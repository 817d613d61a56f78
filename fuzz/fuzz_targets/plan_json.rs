//! The plan/Terraform-JSON readers: content sniffing of `.json` files and `.tf.json` /
//! `.tfvars.json` loading, through the same path as `acslint check`.
#![no_main]
use acslint::discover::sniff_json;
use acslint::source::FileKind;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(kind) = sniff_json(text) {
            common::lint_one("plan.json", kind, text);
        }
        common::lint_tf_json(text);
        common::lint_one("x.tfvars.json", FileKind::TfvarsJson, text);
        common::lint_one("plan.json", FileKind::Plan, text);
    }
});
