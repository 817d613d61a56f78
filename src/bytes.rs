//! Byte searches that never ask the CPU what it supports. memchr's usual entry points detect
//! AVX2 on their first call through std's feature detection, a dozen `cpuid` instructions that
//! each trap to the hypervisor on a virtual machine (~4 µs apiece here, ~45 µs in all: 3 % of a
//! one-file check that `--version` never pays). SSE2 is part of every x86_64 CPU and the texts
//! searched are short, so these search with it directly; other targets use memchr's portable
//! searchers, which detect nothing either.

#[cfg(not(target_arch = "x86_64"))]
use memchr::arch::all::memchr::{One, Three, Two};
#[cfg(target_arch = "x86_64")]
use memchr::arch::x86_64::sse2::memchr::{One, Three, Two};

#[cfg(target_arch = "x86_64")]
fn one(b: u8) -> One {
    // SAFETY: SSE2 is in the x86_64 baseline.
    unsafe { One::new_unchecked(b) }
}
#[cfg(not(target_arch = "x86_64"))]
fn one(b: u8) -> One {
    One::new(b)
}
#[cfg(target_arch = "x86_64")]
fn two(a: u8, b: u8) -> Two {
    // SAFETY: as in `one`.
    unsafe { Two::new_unchecked(a, b) }
}
#[cfg(not(target_arch = "x86_64"))]
fn two(a: u8, b: u8) -> Two {
    Two::new(a, b)
}
#[cfg(target_arch = "x86_64")]
fn three(a: u8, b: u8, c: u8) -> Three {
    // SAFETY: as in `one`.
    unsafe { Three::new_unchecked(a, b, c) }
}
#[cfg(not(target_arch = "x86_64"))]
fn three(a: u8, b: u8, c: u8) -> Three {
    Three::new(a, b, c)
}

/// The first `b` in `h`.
pub fn find(b: u8, h: &[u8]) -> Option<usize> {
    one(b).find(h)
}

/// The first `a` or `b` in `h`.
pub fn find2(a: u8, b: u8, h: &[u8]) -> Option<usize> {
    two(a, b).find(h)
}

/// How many `b` there are in `h`.
pub fn count(b: u8, h: &[u8]) -> usize {
    one(b).count(h)
}

/// Every `b` in `h`, in order.
pub fn positions(b: u8, h: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let s = one(b);
    hits(h, move |t| s.find(t))
}

/// Every `a`, `b` or `c` in `h`, in order.
pub fn positions3(a: u8, b: u8, c: u8, h: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let s = three(a, b, c);
    hits(h, move |t| s.find(t))
}

/// Every position in `h` where `find` finds the next hit, in order.
fn hits<'h>(
    h: &'h [u8],
    find: impl Fn(&[u8]) -> Option<usize> + 'h,
) -> impl Iterator<Item = usize> + 'h {
    let mut at = 0;
    std::iter::from_fn(move || {
        let i = at + find(h.get(at..)?)?;
        at = i + 1;
        Some(i)
    })
}

/// The first `needle` (two bytes or more) in `h`: a vectorised search for a rare pair of
/// its bytes, then a comparison.
#[cfg(target_arch = "x86_64")]
pub fn find_str(needle: &[u8], h: &[u8]) -> Option<usize> {
    use memchr::arch::x86_64::sse2::packedpair::Finder;
    match Finder::new(needle) {
        Some(f) if h.len() >= f.min_haystack_len() => f.find(h, needle),
        _ if needle.is_empty() => Some(0),
        _ => h.windows(needle.len()).position(|w| w == needle),
    }
}
#[cfg(not(target_arch = "x86_64"))]
pub fn find_str(needle: &[u8], h: &[u8]) -> Option<usize> {
    memchr::memmem::find(h, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every search agrees with a plain scan, at every offset of texts longer and shorter than
    /// a vector, with the bytes at the ends, repeated and absent.
    #[test]
    fn agrees_with_a_plain_scan() {
        let texts: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"\n".to_vec(),
            b"a\nb\r\nc".to_vec(),
            b"source = \"./x\"\nsource\"source".repeat(7),
            (0..=255u8).cycle().take(1000).collect(),
            b"LTAI STS. CAIS x".repeat(5),
        ];
        for t in &texts {
            for from in 0..t.len().min(70) {
                let h = &t[from..];
                let plain = |p: &dyn Fn(u8) -> bool| -> Vec<usize> {
                    h.iter()
                        .enumerate()
                        .filter(|(_, &b)| p(b))
                        .map(|(i, _)| i)
                        .collect()
                };
                let nl = plain(&|b| b == b'\n');
                assert_eq!(find(b'\n', h), nl.first().copied());
                assert_eq!(count(b'\n', h), nl.len());
                assert_eq!(positions(b'\n', h).collect::<Vec<_>>(), nl);
                let q = plain(&|b| b == b'"' || b == b'\\');
                assert_eq!(find2(b'"', b'\\', h), q.first().copied());
                let lsc = plain(&|b| b == b'L' || b == b'S' || b == b'C');
                assert_eq!(positions3(b'L', b'S', b'C', h).collect::<Vec<_>>(), lsc);
                for needle in [&b"source"[..], b"\r\n", b"STS.", b"zz"] {
                    let want = h.windows(needle.len()).position(|w| w == needle);
                    assert_eq!(find_str(needle, h), want, "{needle:?} from {from}");
                }
                assert_eq!(find_str(b"", h), Some(0));
            }
        }
    }
}
