//! The span-keeping JSON parser + policy document analysis (all rules), standalone and
//! embedded in a Terraform heredoc.
#![no_main]
use acslint::json::{self, SpanMap};
use acslint::source::{FileId, FileKind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = json::parse(text, SpanMap::Exact { file: FileId(0), offset: 0 });
        common::lint_one("policy.json", FileKind::Policy, text);
        if !text.contains("EOT") {
            let tf = format!(
                "resource \"alicloud_ram_policy\" \"p\" {{\n  policy_document = <<-EOT\n{text}\nEOT\n}}\n"
            );
            common::lint_one("main.tf", FileKind::Hcl, &tf);
        }
    }
});
