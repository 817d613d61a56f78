//! The git index reader on arbitrary bytes, as both object-name lengths: it never panics, every
//! path is a regular-file entry's name under the length cap, and the output stays linear in the
//! input (version 4's prefix compression cannot expand it without bound).
#![no_main]
use acslint::gitindex::{parse, MAX_PATH};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for hash in [20, 32] {
        let paths = parse(data, hash);
        let total: usize = paths.iter().map(Vec::len).sum();
        assert!(paths.iter().all(|p| p.len() <= MAX_PATH && !p.contains(&0)));
        // Each entry takes at least 62 bytes of input and yields at most MAX_PATH bytes.
        assert!(total <= (data.len() / 62 + 1) * MAX_PATH);
    }
});
