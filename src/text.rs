//! The display-width contract: every column count in the program comes from here.
//!
//! Widths are those of `unicode-width` (East Asian Ambiguous characters count 1), which is
//! what ratatui's buffer uses. For terminals that draw ambiguous characters two cells wide,
//! [`width::disambiguate`] replaces them with unambiguous equivalents before drawing, so the
//! program's idea of a column and the terminal's agree in both modes.
//!
//! - [`plural`]: counts in English messages (`1 file`, `2 files`).
//! - [`sanitize`]: untrusted text made terminal-safe (escape sequences, controls, bidi and
//!   invisible format chars), either freely or one char for one char so spans stay valid.
//! - [`width`]: width of chars and strings, truncation, char index ↔ column, disambiguation.
//! - [`wrap`]: CJK line breaking with the 避头尾 rules into char ranges, cached per width.
//!
//! Text flows `sanitize → (disambiguate) → wrap → draw`; each step keeps char indices so a
//! highlight span found in the clean text lands on the right cells.

pub mod plural;
pub mod sanitize;
pub mod width;
pub mod wrap;
