//! The display-width contract: every column count in the program comes from here.
//!
//! Widths are those of `unicode-width` (East Asian Ambiguous characters count 1), which is
//! what ratatui's buffer uses. For terminals that draw ambiguous characters two cells wide,
//! [`width::disambiguate`] replaces them with unambiguous equivalents before drawing, so the
//! program's idea of a column and the terminal's agree in both modes.

pub mod sanitize;
pub mod width;
pub mod wrap;
