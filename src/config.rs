//! Settings: the optional TOML file in the XDG config directory, overridden by flags.
//!
//! ```toml
//! # ~/.config/zhaoshang/config.toml
//! theme = "light"      # dark | light | mono
//! ambiwide = true      # the terminal draws “ ” — … two cells wide
//! mouse = false        # leave the mouse to the terminal
//! corpus = "/data/zhaoshang/articles.json"   # opened when no PATH is given
//! max_file_size = "32M"   # refuse raw articles larger than this (default 16M)
//!
//! [keys]               # rebind browse-mode keys by action name
//! quit = "x"
//! search = "F2"
//! ```
//!
//! Precedence: command-line flag, then `NO_COLOR` (for the theme), then the file, then the
//! built-in default.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::Theme;

/// The config file's contents; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// `dark`, `light` or `mono`.
    pub theme: Option<String>,
    /// Ambiguous-width characters are two cells wide in the user's terminal.
    pub ambiwide: Option<bool>,
    /// Capture the mouse.
    pub mouse: Option<bool>,
    /// Corpus opened when no path is given.
    pub corpus: Option<PathBuf>,
    /// The largest raw article loaded, as `16M`, `512K`, `1G` or bytes.
    pub max_file_size: Option<String>,
    /// Key overrides: action name → key (`quit = "x"`, `search = "F2"`, `copy = "C-y"`).
    pub keys: Option<std::collections::BTreeMap<String, String>>,
}

/// The effective settings and where each came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Colour theme.
    pub theme: Theme,
    /// Ambiguous-wide mode.
    pub ambiwide: bool,
    /// Mouse capture.
    pub mouse: bool,
    /// Default corpus path, if any.
    pub corpus: Option<PathBuf>,
    /// The largest raw article loaded, in bytes.
    pub max_file_size: u64,
    /// Key overrides from the file, in file order of names.
    pub keys: Vec<(String, String)>,
    /// The config file consulted, if one exists.
    pub file: Option<PathBuf>,
}

/// `$ZHAOSHANG_CONFIG`, else `$XDG_CONFIG_HOME/zhaoshang/config.toml`, else
/// `~/.config/zhaoshang/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ZHAOSHANG_CONFIG") {
        return Some(PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("zhaoshang").join("config.toml"))
}

/// Reads a config file; a missing file is an empty config, a bad one an error with its
/// line and column.
pub fn read(path: &Path) -> Result<FileConfig, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileConfig::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    parse(&text).map_err(|e| format!("{}:{e}", path.display()))
}

/// Parses config text; errors read `line:column: message`.
///
/// ```
/// use zhaoshang::config::parse;
/// assert_eq!(parse("theme = \"mono\"").unwrap().theme.as_deref(), Some("mono"));
/// assert!(parse("\ntheme = 3").unwrap_err().starts_with("2:9:"));
/// ```
pub fn parse(text: &str) -> Result<FileConfig, String> {
    let config: FileConfig = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        format!("{line}:{col}: {}", e.message())
    })?;
    if let Some(theme) = &config.theme
        && !["dark", "light", "mono"].contains(&theme.as_str())
    {
        let at = text.find("theme").map_or((1, 1), |i| line_col(text, i));
        return Err(format!(
            "{}:{}: theme must be dark, light or mono, not {theme:?}",
            at.0, at.1
        ));
    }
    if let Some(size) = &config.max_file_size
        && let Err(e) = crate::corpus::load::parse_size(size)
    {
        let at = text
            .find("max_file_size")
            .map_or((1, 1), |i| line_col(text, i));
        return Err(format!("{}:{}: max_file_size: {e}", at.0, at.1));
    }
    Ok(config)
}

fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Flags as given on the command line (`None` where the user gave none).
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags {
    /// `--theme`.
    pub theme: Option<Theme>,
    /// `--ambiwide`.
    pub ambiwide: bool,
    /// `--no-mouse`.
    pub no_mouse: bool,
    /// `--max-file-size`.
    pub max_file_size: Option<u64>,
}

/// Combines flags, `NO_COLOR` and the file: flags win.
pub fn resolve(flags: Flags, file: &FileConfig, no_color: bool, path: Option<PathBuf>) -> Settings {
    let file_theme = file.theme.as_deref().map(|t| match t {
        "light" => Theme::Light,
        "mono" => Theme::Mono,
        _ => Theme::Dark,
    });
    let theme = flags
        .theme
        .or(no_color.then_some(Theme::Mono))
        .or(file_theme)
        .unwrap_or(Theme::Dark);
    Settings {
        theme,
        ambiwide: flags.ambiwide || file.ambiwide.unwrap_or(false),
        mouse: !flags.no_mouse && file.mouse.unwrap_or(true),
        corpus: file.corpus.clone(),
        max_file_size: flags
            .max_file_size
            .or_else(|| {
                file.max_file_size
                    .as_deref()
                    .and_then(|s| crate::corpus::load::parse_size(s).ok())
            })
            .unwrap_or(crate::corpus::load::DEFAULT_MAX_ARTICLE_BYTES),
        keys: file
            .keys
            .iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        file: path.filter(|p| p.exists()),
    }
}

impl Settings {
    /// The settings as the TOML a config file would hold, with the file's path.
    pub fn to_toml(&self) -> String {
        let mut out = format!(
            "# config file: {}\ntheme = \"{}\"\nambiwide = {}\nmouse = {}\n",
            self.file
                .as_ref()
                .map_or_else(|| "(none)".to_owned(), |p| p.display().to_string()),
            self.theme.name(),
            self.ambiwide,
            self.mouse
        );
        if let Some(c) = &self.corpus {
            out = format!("{out}corpus = {:?}\n", c.display().to_string());
        }
        out = format!("{out}max_file_size = \"{}\"\n", self.max_file_size);
        if !self.keys.is_empty() {
            out.push_str("\n[keys]\n");
            for (action, key) in &self.keys {
                out = format!("{out}{action} = {key:?}\n");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_beat_no_color_beats_file() {
        let file = parse("theme = \"light\"\nambiwide = true\nmouse = false").unwrap();
        let s = resolve(Flags::default(), &file, false, None);
        assert_eq!((s.theme, s.ambiwide, s.mouse), (Theme::Light, true, false));
        assert_eq!(
            resolve(Flags::default(), &file, true, None).theme,
            Theme::Mono
        );
        let flags = Flags {
            theme: Some(Theme::Dark),
            ..Flags::default()
        };
        assert_eq!(resolve(flags, &file, true, None).theme, Theme::Dark);
    }

    #[test]
    fn bad_files_name_the_line() {
        assert!(parse("colour = 1").unwrap_err().starts_with("1:1:"));
        assert!(
            parse("theme = \"pink\"")
                .unwrap_err()
                .contains("dark, light or mono")
        );
    }
}
