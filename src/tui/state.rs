//! Remembering where the user was: region, article, screen and scroll, saved on quit and
//! restored on start, one small JSON file per corpus in the XDG state directory
//! (`$XDG_STATE_HOME/zhaoshang/`, else `~/.local/state/zhaoshang/`). A corpus is known by a
//! hash of its sorted article file names and their count. A missing, unreadable or corrupt
//! file is simply ignored: remembering is a convenience, never a reason to fail.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::store::Header;

/// Where the user was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The region tab's name as shown.
    pub region: String,
    /// The article's index within the region.
    pub article: usize,
    /// The screen: `reader`, `gauges`, `compare`, `overview` or `source`.
    pub screen: String,
    /// First visible line of the main text.
    pub scroll: usize,
}

/// FNV-1a, 64 bits: small, and stable across Rust releases (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The identity of a corpus: 16 hex digits hashing its sorted file names and their count.
///
/// ```
/// use zhaoshang::corpus::Article;
/// use zhaoshang::tui::state::corpus_key;
/// let a = Article { file: "a.txt".into(), ..Article::default() };
/// let b = Article { file: "b.txt".into(), ..Article::default() };
/// assert_eq!(corpus_key(&[a.clone(), b.clone()]), corpus_key(&[b.clone(), a.clone()]));
/// assert_ne!(corpus_key(&[a.clone()]), corpus_key(&[a, b]));
/// ```
pub fn corpus_key(articles: &[Article]) -> String {
    files_key(articles.iter().map(|a| a.file.as_str()).collect())
}

/// [`corpus_key`] from the files alone, in any order.
fn files_key(mut files: Vec<&str>) -> String {
    files.sort_unstable();
    let identity = format!("{}\n{}", files.len(), files.join("\n"));
    format!("{:016x}", fnv1a(identity.as_bytes()))
}

/// The state directory from the values of `XDG_STATE_HOME` and `HOME` (an empty value
/// counts as unset).
///
/// ```
/// use std::path::PathBuf;
/// use zhaoshang::tui::state::state_dir;
/// assert_eq!(state_dir(Some("/s".into()), Some("/h".into())), Some(PathBuf::from("/s/zhaoshang")));
/// assert_eq!(state_dir(Some("".into()), Some("/h".into())), Some(PathBuf::from("/h/.local/state/zhaoshang")));
/// assert_eq!(state_dir(None, None), None);
/// ```
pub fn state_dir(xdg_state_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let base = xdg_state_home
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            home.filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(base.join("zhaoshang"))
}

/// The state file for the corpus of `headers` under the directory named by the environment.
pub fn default_path(headers: &[Header]) -> Option<PathBuf> {
    let dir = state_dir(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))?;
    Some(dir.join(format!(
        "{}.json",
        files_key(headers.iter().map(|h| h.file.as_str()).collect())
    )))
}

/// The saved position, or `None` when the file is missing or not a position.
pub fn load(path: &Path) -> Option<Position> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// Saves `position`, creating the directory; written to a temporary file first and renamed,
/// so a crash never leaves half a file.
pub fn save(path: &Path, position: &Position) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(position).map_err(io::Error::other)?;
    let temp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_and_ignores_corrupt_files() {
        let dir = std::env::temp_dir().join(format!("zs-state-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = state_dir(Some(dir.clone().into()), None)
            .unwrap()
            .join("0123456789abcdef.json");
        assert_eq!(load(&path), None, "missing");
        let position = Position {
            region: "通辽市".to_owned(),
            article: 1,
            screen: "gauges".to_owned(),
            scroll: 7,
        };
        save(&path, &position).unwrap();
        assert_eq!(load(&path), Some(position));
        std::fs::write(&path, "{\"region\": 3, garbage").unwrap();
        assert_eq!(load(&path), None, "corrupt");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert_eq!(load(&path), None, "binary");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn fnv1a_known_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
