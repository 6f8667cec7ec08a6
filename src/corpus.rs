//! The corpus: data model and parsing pipeline.
//!
//! ```text
//! decode (bytes → text) → clean (lines → body lines + boilerplate + repairs + warnings)
//!   → convert (traditional → simplified) → extract (region, period, metrics, gauges)
//! ```
//!
//! Each stage is a module of small named functions; [`parse_bytes`] runs them all and
//! [`load`] reads files, directories and parsed corpora.

pub mod decode;
pub mod load;
pub mod model;

pub use load::{LoadError, Loaded, builtin, load_paths};
pub use model::{
    Article, Boilerplate, Gauge, Metric, MetricKind, Repair, Script, Span, Warning,
};

/// Parses one article from raw file bytes; `file` is recorded as given.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Article, decode::DecodeError> {
    let decoded = decode::decode(bytes)?;
    let paragraphs: Vec<String> = decoded
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(Article {
        file: file.to_owned(),
        title: paragraphs.first().cloned().unwrap_or_default(),
        encoding: decoded.encoding.to_owned(),
        paragraphs,
        original: decoded.text,
        ..Article::default()
    })
}
