//! Reading articles and corpora from disk, writing corpora, and the built-in corpus.
//!
//! Loading never stops at a bad file: every file that fails becomes one [`LoadError`]
//! line naming it (with line:column for JSON), and the good files are still loaded.
//! Raw articles are parsed in parallel.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Article, MetricKind, parse_bytes, parse_owned};

/// A file that could not be loaded, with the reason in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as given or as found in a given directory.
    pub file: String,
    /// What went wrong, in one line.
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// What loading produced: the good articles, and one error per bad file.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in the order their files were given (directories sorted by name).
    pub articles: Vec<Article>,
    /// One entry per file that failed.
    pub errors: Vec<LoadError>,
}

/// Embeds each named file of `data/raw` with its path, in the order given.
macro_rules! raw_articles {
    ($($file:literal,)*) => {
        [$((
            concat!("data/raw/", $file),
            include_bytes!(concat!("../../data/raw/", $file)).as_slice(),
        ),)*]
    };
}

/// The built-in corpus, embedded in the binary: the five seed articles and the real reports
/// of the development set (`data/raw/SOURCES.md` says where each comes from).
const BUILTIN: &[(&str, &[u8])] = &raw_articles![
    "000-suixi-kaifaqu.txt",
    "001-tongliao.txt",
    "002-tianjiaan.txt",
    "003-kaifaqu-template.txt",
    "004-gucheng-kaifaqu.txt",
    "real-01.txt",
    "real-02.txt",
    "real-03.txt",
    "real-04.txt",
    "real-05.txt",
    "real-06.txt",
    "real-07.txt",
    "real-08.txt",
    "real-09.txt",
    "real-10.txt",
    "real-11.txt",
    "real-12.txt",
    "real-13.txt",
    "real-14.txt",
    "real-15.txt",
    "real-16.txt",
    "real-17.txt",
    "real-18.txt",
    "real-19.txt",
    "real-20.txt",
    "real-21.txt",
    "real-22.txt",
    "real-23.txt",
    "real-24.txt",
    "real-25.txt",
    "real-26.txt",
    "real-27.txt",
    "real-28.txt",
    "real-29.txt",
    "real-30.txt",
    "real-31.txt",
    "real-32.txt",
    "real-33.txt",
    "real-34.txt",
    "real-35.txt",
    "real-36.txt",
    "real-37.txt",
    "real-38.txt",
    "real-39.txt",
    "real-40.txt",
    "real-41.txt",
    "real-42.txt",
    "real-43.txt",
    "real-44.txt",
    "real-45.txt",
    "real-46.txt",
    "real-47.txt",
    "real-48.txt",
    "real-49.txt",
    "real-50.txt",
    "real-51.txt",
    "real-52.txt",
    "real-53.txt",
    "real-54.txt",
    "real-55.txt",
    "real-56.txt",
    "real-57.txt",
    "real-58.txt",
    "real-59.txt",
    "real-60.txt",
    "real-61.txt",
    "real-62.txt",
    "real-63.txt",
    "real-64.txt",
    "real-65.txt",
    "real-66.txt",
    "real-67.txt",
    "real-68.txt",
    "real-69.txt",
    "real-70.txt",
    "real-71.txt",
    "real-72.txt",
    "real-73.txt",
    "real-74.txt",
    "real-75.txt",
    "real-76.txt",
    "real-77.txt",
    "real-78.txt",
    "real-79.txt",
    "real-80.txt",
    "real-81.txt",
    "real-82.txt",
    "real-83.txt",
    "real-84.txt",
    "real-85.txt",
    "real-86.txt",
];

/// The built-in corpus as parsed when `data/articles.json` was last written; a test keeps that
/// file equal to [`parse_builtin`]. Reading it is an order of magnitude faster than parsing
/// the 49 raw articles again, which keeps the explorer's first frame quick.
pub fn builtin() -> Vec<Article> {
    parse_corpus(include_str!("../../data/articles.json")).unwrap_or_else(|_| parse_builtin())
}

/// Parses the raw articles of the built-in corpus (the five seed articles and the real reports).
pub fn parse_builtin() -> Vec<Article> {
    BUILTIN
        .par_iter()
        .filter_map(|(file, bytes)| parse_bytes(file, bytes).ok())
        .collect()
}

/// The largest raw article read by default: far above any real report (the largest seen are
/// well under 1 MB), far below what would exhaust memory. Parsed corpora have no limit.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// The most lines a raw article may have. Real reports have at most a few thousand; every
/// line costs a few hundred bytes of records, so a file of millions of one-character lines
/// would otherwise take some sixty times its size in memory.
pub const MAX_ARTICLE_LINES: usize = 200_000;

/// A byte count for people: `17.0 MB`, `1.0 KB`, `512 bytes` (1 KB = 1024 bytes).
///
/// ```
/// use zhaoshang::corpus::load::human_size;
/// assert_eq!(human_size(17 << 20), "17.0 MB");
/// assert_eq!(human_size(1536), "1.5 KB");
/// assert_eq!(human_size(512), "512 bytes");
/// ```
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            // Shown to one decimal: the rounding of a u64 → f64 conversion does not matter.
            #[allow(clippy::cast_precision_loss)]
            let value = bytes as f64 / size as f64;
            return format!("{value:.1} {unit}");
        }
    }
    format!("{bytes} bytes")
}

/// Reads a size such as `16M`, `16MB`, `512K`, `1G` or `4096` (bytes; 1K = 1024).
///
/// ```
/// use zhaoshang::corpus::load::parse_size;
/// assert_eq!(parse_size("16M"), Ok(16 << 20));
/// assert_eq!(parse_size("1kb"), Ok(1024));
/// assert_eq!(parse_size("4096"), Ok(4096));
/// assert!(parse_size("lots").is_err());
/// ```
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (digits, shift) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 10),
        Some('M') => (&t[..t.len() - 1], 20),
        Some('G') => (&t[..t.len() - 1], 30),
        _ => (t, 0),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("expected a size such as 16M, 512K or 4096, got {text:?}"))
}

/// What a path turned out to be.
pub enum Source {
    /// A raw article.
    Raw(PathBuf),
    /// A parsed `.json`/`.jsonl` corpus.
    Corpus(PathBuf),
}

fn is_corpus(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"))
}

/// Expands directories into their `.txt`/`.json`/`.jsonl` files, sorted by name.
pub fn sources(paths: &[PathBuf], errors: &mut Vec<LoadError>) -> Vec<Source> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = match std::fs::read_dir(path) {
                Ok(entries) => entries,
                Err(e) => {
                    errors.push(LoadError {
                        file: path.display().to_string(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| {
                    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) || is_corpus(p)
                })
                .collect();
            files.sort();
            if files.is_empty() {
                errors.push(LoadError {
                    file: path.display().to_string(),
                    message: "no .txt, .json or .jsonl file found under this path".to_owned(),
                });
            }
            out.extend(files.into_iter().map(|p| {
                if is_corpus(&p) {
                    Source::Corpus(p)
                } else {
                    Source::Raw(p)
                }
            }));
        } else if is_corpus(path) {
            out.push(Source::Corpus(path.clone()));
        } else {
            out.push(Source::Raw(path.clone()));
        }
    }
    out
}

/// Loads every path: `.txt` articles, directories of them, and parsed `.json`/`.jsonl` corpora.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_with_progress(paths, &|_| {}, &|| {})
}

/// [`load_paths`], telling `start` how many files there are and calling `done` after each,
/// from any thread (files are parsed in parallel).
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    start: &dyn Fn(usize),
    done: &(dyn Fn() + Sync),
) -> Loaded {
    load_paths_limited(paths, DEFAULT_MAX_ARTICLE_BYTES, start, done)
}

/// [`load_paths_with_progress`] refusing raw articles larger than `max_article_bytes`: each
/// is one error naming the file, its size and the limit, and is never read.
pub fn load_paths_limited(
    paths: &[PathBuf],
    max_article_bytes: u64,
    start: &dyn Fn(usize),
    done: &(dyn Fn() + Sync),
) -> Loaded {
    let mut errors = Vec::new();
    let sources = sources(paths, &mut errors);
    start(sources.len());
    let results: Vec<Result<Vec<Article>, LoadError>> = sources
        .par_iter()
        .map(|source| {
            let result = match source {
                Source::Raw(path) => load_raw(path, max_article_bytes).map(|a| vec![a]),
                Source::Corpus(path) => load_corpus(path),
            };
            done();
            result
        })
        .collect();
    let mut articles = Vec::new();
    for result in results {
        match result {
            Ok(found) => articles.extend(found),
            Err(e) => errors.push(e),
        }
    }
    Loaded { articles, errors }
}

fn load_raw(path: &Path, max_bytes: u64) -> Result<Article, LoadError> {
    let bytes = read_raw(path, max_bytes)?;
    let file = path.display().to_string();
    parse_owned(&file, bytes).map_err(|e| LoadError {
        file,
        message: e.to_string(),
    })
}

/// Reads a raw article's bytes, refusing files over `max_bytes` with one line that says how
/// to raise the limit.
pub fn read_raw(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    use std::io::Read as _;
    let file = path.display().to_string();
    let fail = |message: String| LoadError {
        file: file.clone(),
        message,
    };
    let too_big = |size: u64| {
        fail(format!(
            "{} is over the {} limit for one article (--max-file-size, or max_file_size in the config file)",
            human_size(size),
            human_size(max_bytes)
        ))
    };
    let handle = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let size = handle.metadata().map_err(|e| fail(e.to_string()))?.len();
    if size > max_bytes {
        return Err(too_big(size));
    }
    // The size may be unknown (a pipe) or wrong (procfs): never read past the limit.
    // Sized to the file, not grown by doubling: a 9 MB article would otherwise hold 16 MB.
    let mut bytes = Vec::with_capacity(usize::try_from(size.saturating_add(1)).unwrap_or(0));
    handle
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    let lines = memchr::memchr_iter(b'\n', &bytes).count();
    if lines > MAX_ARTICLE_LINES {
        return Err(fail(format!(
            "{lines} lines is over the {MAX_ARTICLE_LINES}-line limit for one article (not a report: a list or a dump?)"
        )));
    }
    Ok(bytes)
}

/// Reads a parsed corpus: a JSON array of articles, or one article object per line.
pub fn load_corpus(path: &Path) -> Result<Vec<Article>, LoadError> {
    let file = path.display().to_string();
    let fail = |message: String| LoadError {
        file: file.clone(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    parse_corpus(&text).map_err(fail)
}

/// Parses corpus text (JSON array or JSON lines); errors carry line:column.
///
/// ```
/// use zhaoshang::corpus::load::parse_corpus;
/// assert_eq!(parse_corpus(r#"[{"title": "标题"}]"#).unwrap()[0].title, "标题");
/// // A forecast as older corpora wrote it.
/// let old = r#"{"metrics": [{"label": "到位资金", "value": 23.68, "kind": "forecast"}]}"#;
/// let m = &parse_corpus(old).unwrap()[0].metrics[0];
/// assert!(m.forecast && m.kind_name() == "forecast");
/// let err = parse_corpus("[{\"title\": 5}]").unwrap_err();
/// assert!(err.starts_with("line 1:"), "{err}");
/// ```
pub fn parse_corpus(text: &str) -> Result<Vec<Article>, String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err("empty corpus file".to_owned());
    }
    let mut articles: Vec<Article> = if trimmed.starts_with('[') {
        serde_json::from_str(trimmed).map_err(|e| json_error(&e, 0))?
    } else {
        let mut articles = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            articles.push(serde_json::from_str(line).map_err(|e| json_error(&e, i))?);
        }
        articles
    };
    // A corpus written before forecasts became a flag: its `forecast` kind says so.
    for m in articles.iter_mut().flat_map(|a| &mut a.metrics) {
        if m.kind == MetricKind::LegacyForecast {
            m.kind = MetricKind::Actual;
            m.forecast = true;
        }
    }
    Ok(articles)
}

fn json_error(e: &serde_json::Error, line_offset: usize) -> String {
    let what = e.to_string();
    let what = what.split(" at line ").next().unwrap_or(&what).to_owned();
    format!(
        "line {}:{}: invalid corpus: {what}",
        e.line() + line_offset,
        e.column()
    )
}

/// The corpus as a pretty-printed JSON array.
pub fn to_json(articles: &[Article]) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_json(&mut out, articles)?;
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// The corpus as JSON lines, one article per line.
pub fn to_jsonl(articles: &[Article]) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_jsonl(&mut out, articles)?;
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// Writes [`to_json`]'s text to `out` as it is serialised, never holding it whole: a corpus
/// can be larger than its articles in memory.
pub fn write_json<W: std::io::Write + ?Sized>(
    out: &mut W,
    articles: &[Article],
) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(&mut *out, articles)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// Writes [`to_jsonl`]'s text to `out`, one article at a time.
pub fn write_jsonl<W: std::io::Write + ?Sized>(
    out: &mut W,
    articles: &[Article],
) -> serde_json::Result<()> {
    for article in articles {
        serde_json::to_writer(&mut *out, article)?;
        out.write_all(b"\n").map_err(serde_json::Error::io)?;
    }
    Ok(())
}

/// Refuses an output path that is one of the inputs or lies inside an input directory's
/// files, so that parsing never overwrites what it reads.
pub fn refuse_to_overwrite_input(output: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let Ok(out) = output.canonicalize() else {
        return Ok(()); // does not exist yet: cannot be an input
    };
    for input in inputs {
        let Ok(input) = input.canonicalize() else {
            continue;
        };
        let inside = input.is_dir()
            && out.parent() == Some(input.as_path())
            && out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        if out == input || inside {
            return Err(format!(
                "refusing to overwrite input file {}",
                output.display()
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_is_every_raw_article_parsed_seeds_first() {
        let articles = builtin();
        assert_eq!(articles.len(), BUILTIN.len());
        // Every raw article is built in: a file added to data/raw and not listed fails here.
        let raw = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/raw"))
            .expect("data/raw")
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .count();
        assert_eq!(articles.len(), raw);
        assert!(
            articles[..5]
                .iter()
                .all(|a| a.file.starts_with("data/raw/00"))
        );
    }

    #[test]
    fn truncated_corpus_error_names_position() {
        let err = parse_corpus("[{\"title\": \"甲\"},\n{\"title\": ").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }

    #[test]
    fn jsonl_error_counts_lines() {
        let err = parse_corpus("{\"title\": \"甲\"}\n{\"paragraphs\": 3}\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(err.contains("invalid type"), "{err}");
    }

    #[test]
    fn json_round_trip() {
        let articles = builtin();
        let back = parse_corpus(&to_json(&articles).unwrap()).unwrap();
        assert_eq!(back, articles);
        let back = parse_corpus(&to_jsonl(&articles).unwrap()).unwrap();
        assert_eq!(back, articles);
    }
}
