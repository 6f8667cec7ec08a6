//! Counts in English messages: `1 file`, `2 files`, never `1 files`.

/// `n` followed by `one` when `n` is 1 and by `many` otherwise. Both forms are given, so
/// irregular nouns and phrases whose verb agrees with the count work too.
///
/// ```
/// use zhaoshang::text::plural::count;
/// assert_eq!(count(1, "file", "files"), "1 file");
/// assert_eq!(count(0, "file", "files"), "0 files");
/// assert_eq!(count(2, "match", "matches"), "2 matches");
/// assert_eq!(count(1, "sentence is", "sentences are"), "1 sentence is");
/// ```
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
