//! Reading articles and corpora from disk, and the built-in corpus.

use std::path::{Path, PathBuf};

use super::{Article, parse_bytes};

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

/// The five seed articles, embedded in the binary.
const BUILTIN: [(&str, &[u8]); 5] = [
    ("data/raw/000-suixi-kaifaqu.txt", include_bytes!("../../data/raw/000-suixi-kaifaqu.txt")),
    ("data/raw/001-tongliao.txt", include_bytes!("../../data/raw/001-tongliao.txt")),
    ("data/raw/002-tianjiaan.txt", include_bytes!("../../data/raw/002-tianjiaan.txt")),
    (
        "data/raw/003-kaifaqu-template.txt",
        include_bytes!("../../data/raw/003-kaifaqu-template.txt"),
    ),
    ("data/raw/004-gucheng-kaifaqu.txt", include_bytes!("../../data/raw/004-gucheng-kaifaqu.txt")),
];

/// Parses the built-in corpus (the five seed articles).
pub fn builtin() -> Vec<Article> {
    BUILTIN.iter().filter_map(|(file, bytes)| parse_bytes(file, bytes).ok()).collect()
}

/// Loads every path: `.txt` articles, directories of them, and parsed `.json`/`.jsonl` corpora.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        load_one(path, &mut loaded);
    }
    loaded
}

fn load_one(path: &Path, loaded: &mut Loaded) {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => match parse_bytes(&file, &bytes) {
            Ok(article) => loaded.articles.push(article),
            Err(e) => loaded.errors.push(LoadError { file, message: e.to_string() }),
        },
        Err(e) => loaded.errors.push(LoadError { file, message: e.to_string() }),
    }
}
