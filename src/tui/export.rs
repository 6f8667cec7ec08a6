//! Exporting the current view's tables from the explorer. The tables come from
//! [`crate::report`], so a file written here holds exactly what `zhaoshang gauges` and
//! `zhaoshang compare` print. Files go into a directory (the working directory when run),
//! are named `zhaoshang-<table>-<scope>-<UTC timestamp>.<csv|json>`, and never replace an
//! existing file: a `-2`, `-3`, … suffix is added instead.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::report::{Table, pinyin_keys};
use crate::text::width::display_width;

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// RFC 4180 CSV with a header row and a UTF-8 byte order mark (for spreadsheets).
    Csv,
    /// A JSON array of row objects.
    Json,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }
}

/// What to write: one file per table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Which rows these are, for the file name: a region's pinyin, `a-vs-b`, `all`.
    pub scope: String,
    /// The tables with their names (`gauges`, `metrics`, `compare`, `overview`).
    pub tables: Vec<(&'static str, Table)>,
    /// The file format.
    pub format: ExportFormat,
}

/// A file-name-safe, ASCII form of a region name: its pinyin, lower case, other chars
/// dropped; `region` when nothing is left.
///
/// ```
/// use zhaoshang::tui::export::slug;
/// assert_eq!(slug("通辽市"), "tongliaoshi");
/// assert_eq!(slug("../谷城 X"), "guchengx");
/// assert_eq!(slug("¿?"), "region");
/// ```
pub fn slug(name: &str) -> String {
    let (full, _) = pinyin_keys(name);
    let out: String = full
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(40)
        .collect();
    if out.is_empty() {
        "region".to_owned()
    } else {
        out
    }
}

/// `YYYYMMDD-HHMMSS` in UTC for seconds since the Unix epoch.
///
/// ```
/// use zhaoshang::tui::export::timestamp;
/// assert_eq!(timestamp(0), "19700101-000000");
/// assert_eq!(timestamp(1_709_210_096), "20240229-123456");
/// ```
pub fn timestamp(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// Writes each table of `request` into `dir`, stamped with `seconds` since the epoch, and
/// returns the paths written. Existing files are never replaced.
pub fn write(dir: &Path, request: &ExportRequest, seconds: u64) -> io::Result<Vec<PathBuf>> {
    let stamp = timestamp(seconds);
    let ext = request.format.extension();
    let mut written = Vec::new();
    for (name, table) in &request.tables {
        let text = match request.format {
            ExportFormat::Csv => table.to_csv(true),
            ExportFormat::Json => table.to_json(),
        };
        let stem = format!("zhaoshang-{name}-{}-{stamp}", request.scope);
        written.push(create_new(dir, &stem, ext, text.as_bytes())?);
    }
    Ok(written)
}

/// The status-bar message for files written into `dir`: the names once, with the table
/// names that differ in braces, and the directory once (`~` for `home`), shortened in the
/// middle when long so that the message fits a 120-column status bar.
pub fn summary(paths: &[PathBuf], dir: &Path, home: Option<&Path>) -> String {
    let names: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    let files = braced(&names).unwrap_or_else(|| names.join(", "));
    let mut place = match home.and_then(|h| dir.strip_prefix(h).ok()) {
        Some(rest) if rest.as_os_str().is_empty() => "~".to_owned(),
        Some(rest) => format!("~/{}", rest.display()),
        None => dir.display().to_string(),
    };
    let head = format!("已导出 exported {files} in ");
    let room = 110usize.saturating_sub(display_width(&head)).max(24);
    if display_width(&place) > room {
        // Keep the start and the last components: they say where the files are.
        let parts: Vec<&str> = place.split('/').collect();
        let mut tail = String::new();
        for part in parts.iter().skip(1).rev() {
            let next = if tail.is_empty() {
                (*part).to_owned()
            } else {
                format!("{part}/{tail}")
            };
            if display_width(&next) + 4 > room {
                break;
            }
            tail = next;
        }
        let first = parts.first().copied().unwrap_or("");
        place = format!("{first}/…/{tail}");
    }
    format!("{head}{place}")
}

/// `zhaoshang-{gauges,metrics}-rest` for names that differ only in their second part.
fn braced(names: &[String]) -> Option<String> {
    if names.len() < 2 {
        return None;
    }
    let split = |n: &str| -> Option<(String, String)> {
        let rest = n.strip_prefix("zhaoshang-")?;
        let (table, tail) = rest.split_once('-')?;
        Some((table.to_owned(), tail.to_owned()))
    };
    let parts: Vec<(String, String)> = names.iter().map(|n| split(n)).collect::<Option<_>>()?;
    let tail = &parts.first()?.1;
    if parts.iter().any(|(_, t)| t != tail) {
        return None;
    }
    let tables: Vec<&str> = parts.iter().map(|(t, _)| t.as_str()).collect();
    Some(format!("zhaoshang-{{{}}}-{tail}", tables.join(",")))
}

/// Creates `dir/stem.ext`, or `dir/stem-2.ext`, … when taken, and writes `bytes` to it.
fn create_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for n in 1..1000u32 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(bytes)?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{stem}.{ext}: too many files with this name"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixtures::sample_corpus;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zs-export-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn csv_export_round_trips_through_a_csv_parser() {
        let dir = temp_dir("csv");
        let table = crate::report::gauges(&sample_corpus());
        assert!(!table.rows.is_empty());
        let request = ExportRequest {
            scope: "all".to_owned(),
            tables: vec![("gauges", table.clone())],
            format: ExportFormat::Csv,
        };
        let paths = write(&dir, &request, 1_709_210_096).unwrap();
        assert_eq!(
            paths,
            [dir.join("zhaoshang-gauges-all-20240229-123456.csv")]
        );
        let bytes = std::fs::read(&paths[0]).unwrap();
        let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap();
        let mut reader = csv::Reader::from_reader(body);
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, table.header);
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(rows, table.rows);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn export_never_overwrites_and_json_parses() {
        let dir = temp_dir("json");
        let table = Table {
            header: vec!["地区".into(), "值".into()],
            rows: vec![vec!["通辽市,\"x\"".into(), "298".into()]],
            numbers: Vec::new(),
        };
        let request = ExportRequest {
            scope: "tongliaoshi".to_owned(),
            tables: vec![("overview", table)],
            format: ExportFormat::Json,
        };
        let first = write(&dir, &request, 0).unwrap();
        let second = write(&dir, &request, 0).unwrap();
        assert_eq!(
            first[0].file_name().unwrap(),
            "zhaoshang-overview-tongliaoshi-19700101-000000.json"
        );
        assert_eq!(
            second[0].file_name().unwrap(),
            "zhaoshang-overview-tongliaoshi-19700101-000000-2.json"
        );
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&second[0]).unwrap()).unwrap();
        assert_eq!(json[0]["地区"], "通辽市,\"x\"");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_export_message_names_the_files_and_the_directory_once_and_fits() {
        let home = Path::new("/home/研究员");
        let dir = home.join("projects/招商引资/2023年/各地区汇总报告/通辽市/第一季度/导出");
        let paths = [
            dir.join("zhaoshang-gauges-tongliaoshi-20240229-123456.csv"),
            dir.join("zhaoshang-metrics-tongliaoshi-20240229-123456.csv"),
        ];
        let message = summary(&paths, &dir, Some(home));
        assert!(
            message.contains("zhaoshang-{gauges,metrics}-tongliaoshi-20240229-123456.csv"),
            "{message}"
        );
        assert!(message.contains("第一季度/导出"), "{message}");
        assert!(message.contains("~/"), "{message}");
        assert!(
            crate::text::width::display_width(&message) <= 110,
            "fits a 120-column status bar beside the help hint: {message}"
        );
        let one = summary(&paths[..1], Path::new("/tmp"), Some(home));
        assert_eq!(
            one,
            "已导出 exported zhaoshang-gauges-tongliaoshi-20240229-123456.csv in /tmp"
        );
    }

    #[test]
    fn timestamps_across_leap_years() {
        assert_eq!(timestamp(951_782_400), "20000229-000000");
        assert_eq!(timestamp(4_102_444_799), "20991231-235959");
    }
}
