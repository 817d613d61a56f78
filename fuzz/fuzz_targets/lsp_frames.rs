//! The language server on arbitrary bytes: header lines, `Content-Length` values that lie, bodies
//! that are not JSON or not JSON-RPC, documents of any text. It must answer or end, never panic
//! or hang; every frame it writes must be well formed.
#![no_main]
use acslint::engine::Selection;
use acslint::rules::Registry;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reg = Registry::builtin();
    let mut out = Vec::new();
    let _ = acslint::lsp::serve_rules(reg, &Selection::defaults(reg), data, &mut out);
    // Every frame written: a header with the exact length of the JSON body that follows.
    let mut rest = &out[..];
    while !rest.is_empty() {
        let i = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header");
        let head = std::str::from_utf8(&rest[..i]).expect("an ASCII header");
        let n: usize = head
            .strip_prefix("Content-Length: ")
            .expect("Content-Length")
            .parse()
            .expect("a length");
        let body = &rest[i + 4..i + 4 + n];
        serde_json::from_slice::<serde_json::Value>(body).expect("a JSON body");
        rest = &rest[i + 4 + n..];
    }
});
