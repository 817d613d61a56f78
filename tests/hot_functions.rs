//! The layout build.rs asks the linker for: the functions a one-file check runs in a section of
//! their own before the rest of the code (`linker/hot-functions.ld`).

use std::collections::HashSet;

/// The list is a linker script of section patterns: each function by its name in the build the
/// list was made from, then once more without the hash that ties the name to one toolchain, set
/// of dependencies and signature, so that another build orders them too: right after it when
/// that name is the function's alone, after the others for a generic function's instances. Each
/// name's sections: with and without thin LTO's suffix (it comes and goes with any edit), and
/// the same in `.text.unlikely.`, where LLVM puts a `#[cold]` function.
#[test]
fn every_function_is_listed_without_its_build_hash_too() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/linker/hot-functions.ld"
    ))
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| *l == "  .text.hot : {").unwrap();
    assert_eq!(lines[start - 1], "SECTIONS {");
    assert_eq!(
        lines[lines.len() - 3..],
        ["  }", "}", "INSERT BEFORE .text;"]
    );
    let names: Vec<&str> = lines[start + 1..lines.len() - 3]
        .iter()
        .map(|p| {
            let sections = p
                .strip_prefix("    *(")
                .and_then(|p| p.strip_suffix(')'))
                .unwrap_or_else(|| panic!("not a section pattern: {p}"));
            let name = sections
                .split(' ')
                .next()
                .and_then(|s| s.strip_prefix(".text."))
                .unwrap_or_else(|| panic!("not a function's section: {p}"));
            let mut each = vec![name.to_string()];
            if !name.ends_with('*') {
                each.push(format!("{name}.llvm.*"));
            }
            let cold = each.iter().map(|n| format!(".text.unlikely.{n}"));
            let each: Vec<String> = each.iter().map(|n| format!(".text.{n}")).collect();
            assert_eq!(
                sections,
                each.into_iter().chain(cold).collect::<Vec<_>>().join(" ")
            );
            name
        })
        .collect();
    assert!(names.len() > 500, "{} functions", names.len());
    let mut seen = HashSet::new();
    for (i, name) in names.iter().enumerate() {
        assert!(seen.insert(*name), "{name} twice");
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_$.*".contains(&b)),
            "{name}"
        );
        assert!(!name.contains(".llvm."), "{name}: a build's suffix");
        if let Some(loose) = without_hash(name) {
            assert!(
                names[i + 1..].contains(&&*loose),
                "{name} without {loose} after it"
            );
        }
    }
    // A function that is not generic has its name without the hash right after it.
    let alone = names
        .iter()
        .position(|n| n.starts_with("_ZN7acslint3cli4main17h") && !n.ends_with('*'))
        .unwrap();
    assert_eq!(names[alone + 1], "_ZN7acslint3cli4main17h*");
}

/// A name legacy mangling ended with `17h`, 16 hex digits and `E`, with `17h*` instead.
fn without_hash(name: &str) -> Option<String> {
    let n = name.len();
    let hashed = n > 20
        && name.ends_with('E')
        && name[n - 20..].starts_with("17h")
        && name[n - 17..n - 1].bytes().all(|b| b.is_ascii_hexdigit());
    hashed.then(|| format!("{}17h*", &name[..n - 20]))
}

/// Where build.rs gave the linker the list, the binary has the section, before `.text`, holding
/// a good part of the code a check runs.
#[test]
fn the_binary_has_the_hot_functions_first() {
    let Some(_) = option_env!("ACSLINT_HOT_FUNCTIONS") else {
        return;
    };
    let elf = std::fs::read(env!("CARGO_BIN_EXE_acslint")).unwrap();
    let sections = sections(&elf);
    let hot = sections
        .iter()
        .find(|s| s.0 == ".text.hot")
        .expect(".text.hot");
    let text = sections.iter().find(|s| s.0 == ".text").expect(".text");
    assert!(hot.1 < text.1, "{hot:?} after {text:?}");
    assert!(hot.2 > 256 << 10, "{hot:?}");
}

/// The sections of a little-endian ELF64 file: name, address, size.
fn sections(elf: &[u8]) -> Vec<(String, u64, u64)> {
    let u16_at = |o: usize| u16::from_le_bytes(elf[o..o + 2].try_into().unwrap()) as usize;
    let u32_at = |o: usize| u32::from_le_bytes(elf[o..o + 4].try_into().unwrap()) as usize;
    let u64_at = |o: usize| u64::from_le_bytes(elf[o..o + 8].try_into().unwrap());
    assert_eq!(&elf[..6], b"\x7fELF\x02\x01", "a little-endian ELF64 file");
    let (off, size, count, names) = (
        u64_at(0x28) as usize,
        u16_at(0x3a),
        u16_at(0x3c),
        u16_at(0x3e),
    );
    let header = |i: usize| off + i * size;
    let strings = u64_at(header(names) + 0x18) as usize;
    (0..count)
        .map(|i| {
            let h = header(i);
            let name = &elf[strings + u32_at(h)..];
            let name = &name[..name.iter().position(|&b| b == 0).unwrap()];
            (
                String::from_utf8_lossy(name).into_owned(),
                u64_at(h + 0x10),
                u64_at(h + 0x20),
            )
        })
        .collect()
}
