//! Small shared helpers.

use std::io::Write;
use std::path::Path;

/// Write a file atomically: a temporary file in the same directory, created exclusively under
/// an unpredictable name (a planted `.NAME.tmp-PID` link is never followed), `fsync`, then a
/// rename; a failed write removes the temporary file and leaves the old one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    // Reports and baselines are ordinary files (0666 less the umask), not private ones.
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = b.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On error the temporary file is dropped, which removes it.
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}
