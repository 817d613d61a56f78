//! The paths a git repository tracks, read from its index (`.git/index`, versions 2 to 4).
//!
//! Discovery uses them so that an ignore file cannot hide tracked code from the linter. The
//! reader is small and written here rather than taken from `gix-index`: that crate brings the
//! `gix` object, hash, lock and memory-map stack (some twenty crates) to list paths, which is all
//! acslint needs; the format is documented (git's `Documentation/gitformat-index.txt`) and
//! stable. The reader never panics on a malformed index (it returns what it could read), is
//! size-capped and is exercised by unit tests and the `git_index` fuzz target.

use std::path::{Path, PathBuf};

/// Indexes larger than this are not read (a repository of a million files has a ~100 MiB one).
const MAX_INDEX: u64 = 256 << 20;

/// Longest path read (Linux's PATH_MAX). Version 4 compresses each path against the previous
/// one, so without a cap an index whose every entry appends to the previous path would expand
/// quadratically (a 1 MiB index to gigabytes of paths); reading stops at such an entry.
pub const MAX_PATH: usize = 4096;

/// The git directory of a worktree root: `.git/`, or the `gitdir:` a `.git` file points to.
fn git_dir(repo: &Path) -> Option<PathBuf> {
    let dot = repo.join(".git");
    let meta = std::fs::symlink_metadata(&dot).ok()?;
    if meta.is_dir() {
        return Some(dot);
    }
    let text = String::from_utf8(crate::source::read_regular(&dot, 4096).ok()?).ok()?;
    let target = text.trim().strip_prefix("gitdir:")?.trim();
    Some(repo.join(target))
}

/// The regular files (not symlinks or submodules) tracked by the repository at `repo`, as
/// paths relative to it; empty when there is no readable index.
pub fn tracked_files(repo: &Path) -> Vec<PathBuf> {
    let Some(dir) = git_dir(repo) else {
        return Vec::new();
    };
    // SHA-256 repositories have longer object names in each entry.
    let sha256 = crate::source::read_regular(&dir.join("config"), 1 << 20)
        .map(|c| {
            String::from_utf8_lossy(&c)
                .to_ascii_lowercase()
                .contains("objectformat = sha256")
        })
        .unwrap_or(false);
    match crate::source::read_regular(&dir.join("index"), MAX_INDEX) {
        Ok(bytes) => parse(&bytes, if sha256 { 32 } else { 20 })
            .into_iter()
            .map(|p| PathBuf::from(String::from_utf8_lossy(&p).into_owned()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

/// Paths of the regular-file entries of an index, in index order, without duplicates (merge
/// conflicts list a path once per stage).
pub fn parse(b: &[u8], hash_len: usize) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    if b.get(..4) != Some(b"DIRC") {
        return out;
    }
    let (Some(version), Some(count)) = (be32(b, 4), be32(b, 8)) else {
        return out;
    };
    if !(2..=4).contains(&version) {
        return out;
    }
    let mut at = 12;
    let mut prev: Vec<u8> = Vec::new();
    for _ in 0..count {
        let start = at;
        // ctime, mtime (8 + 8), dev, ino (4 + 4), then mode.
        let Some(mode) = be32(b, at + 24) else {
            break;
        };
        at += 40 + hash_len;
        let Some(flags) = be16(b, at) else {
            break;
        };
        at += 2;
        if version >= 3 && flags & 0x4000 != 0 {
            at += 2;
        }
        let path = if version == 4 {
            // A varint of bytes to drop from the previous path, then the rest, NUL-ended.
            let mut strip: usize = 0;
            let mut first = true;
            loop {
                let Some(&c) = b.get(at) else {
                    return out;
                };
                at += 1;
                if !first {
                    strip = strip.saturating_add(1);
                }
                first = false;
                strip = strip.saturating_mul(128).saturating_add((c & 127) as usize);
                if c & 128 == 0 {
                    break;
                }
            }
            let Some(end) = b.get(at..).and_then(|r| r.iter().position(|&c| c == 0)) else {
                return out;
            };
            let keep = prev.len().saturating_sub(strip);
            if keep + end > MAX_PATH {
                return out;
            }
            let mut p = prev[..keep].to_vec();
            p.extend_from_slice(&b[at..at + end]);
            at += end + 1;
            p
        } else {
            let Some(end) = b.get(at..).and_then(|r| r.iter().position(|&c| c == 0)) else {
                return out;
            };
            if end > MAX_PATH {
                return out;
            }
            let p = b[at..at + end].to_vec();
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            let len = at + end - start;
            at = start + (len + 8) / 8 * 8;
            p
        };
        prev = path.clone();
        // Regular files only: 0o100644 / 0o100755 (not 0o120000 links, 0o160000 submodules).
        if mode >> 12 == 0o10 && out.last() != Some(&path) {
            out.push(path);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(version: u32, path: &[u8], mode: u32, prev: &[u8]) -> Vec<u8> {
        let mut e = vec![0u8; 24];
        e.extend_from_slice(&mode.to_be_bytes());
        e.extend_from_slice(&[0u8; 12]);
        e.extend_from_slice(&[0u8; 20]);
        e.extend_from_slice(&(path.len().min(0xfff) as u16).to_be_bytes());
        if version == 4 {
            let common = prev.iter().zip(path).take_while(|(a, b)| a == b).count();
            e.push((prev.len() - common) as u8);
            e.extend_from_slice(&path[common..]);
            e.push(0);
        } else {
            e.extend_from_slice(path);
            let len = e.len();
            e.resize((len + 8) / 8 * 8, 0);
        }
        e
    }

    fn index(version: u32, entries: &[(&[u8], u32)]) -> Vec<u8> {
        let mut b = b"DIRC".to_vec();
        b.extend_from_slice(&version.to_be_bytes());
        b.extend_from_slice(&(entries.len() as u32).to_be_bytes());
        let mut prev: &[u8] = b"";
        for (p, m) in entries {
            b.extend(entry(version, p, *m, prev));
            prev = p;
        }
        b
    }

    #[test]
    fn reads_paths_of_every_version() {
        let entries: [(&[u8], u32); 4] = [
            (b"a/main.tf", 0o100644),
            (b"a/mod/x.tf", 0o100755),
            (b"link.tf", 0o120000),
            (b"sub", 0o160000),
        ];
        for v in 2..=4 {
            assert_eq!(
                parse(&index(v, &entries), 20),
                vec![b"a/main.tf".to_vec(), b"a/mod/x.tf".to_vec()],
                "version {v}"
            );
        }
    }

    #[test]
    fn malformed_indexes_give_what_was_read() {
        let b = index(2, &[(b"a.tf", 0o100644), (b"b.tf", 0o100644)]);
        for cut in 0..b.len() {
            let got = parse(&b[..cut], 20);
            assert!(got.len() <= 2);
        }
        assert!(parse(b"DIRC\0\0\0\x09\xff\xff\xff\xff", 20).is_empty());
    }

    /// A version-4 index whose every entry keeps the whole previous path and appends to it: 20k
    /// entries of 64 bytes (1.3 MB) would expand to 6 GB of paths; reading stops at the cap.
    #[test]
    fn a_path_bomb_is_cut_at_the_cap() {
        let mut b = b"DIRC".to_vec();
        b.extend_from_slice(&4u32.to_be_bytes());
        b.extend_from_slice(&20_000u32.to_be_bytes());
        for i in 0..20_000u32 {
            b.extend_from_slice(&[0u8; 24]);
            b.extend_from_slice(&0o100644u32.to_be_bytes());
            b.extend_from_slice(&[0u8; 32]);
            b.extend_from_slice(&0xfffu16.to_be_bytes());
            b.push(0); // keep all of the previous path
            b.extend_from_slice(format!("{:08}", i).as_bytes());
            b.push(0);
        }
        let got = parse(&b, 20);
        assert_eq!(got.len(), MAX_PATH / 8);
        assert!(got.iter().all(|p| p.len() <= MAX_PATH));
        // Versions 2 and 3: a NUL-less name longer than the cap ends the reading too.
        let mut long = index(2, &[(b"a.tf", 0o100644)]);
        long.extend_from_slice(&[0u8; 24]);
        long.extend_from_slice(&0o100644u32.to_be_bytes());
        long.extend_from_slice(&[0u8; 34]);
        long.extend(std::iter::repeat_n(b'x', MAX_PATH + 1));
        long.push(0);
        long[8..12].copy_from_slice(&2u32.to_be_bytes());
        assert_eq!(parse(&long, 20), vec![b"a.tf".to_vec()]);
    }
}
