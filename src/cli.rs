//! The command-line definition: one `clap` tree from which help, completions and the man
//! page are all generated.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Terminal explorer for Chinese investment-attraction (招商引资) reports.
#[derive(Debug, Parser)]
#[command(
    name = "zhaoshang",
    version,
    about,
    after_help = "Examples:\n  zhaoshang                         open the built-in corpus\n  zhaoshang data/raw                open a folder of raw .txt articles\n  zhaoshang parse data/raw -o data/articles.json\n  zhaoshang search tongliao --limit 5"
)]
pub struct Cli {
    /// Articles to open: .txt files, directories of them, or parsed .json/.jsonl corpora.
    /// Without a path the built-in corpus (five seed articles and 72 real reports) opens.
    pub paths: Vec<PathBuf>,
    /// The terminal draws East Asian ambiguous-width characters (“ ” — … ·) two cells wide.
    #[arg(long, global = true)]
    pub ambiwide: bool,
    /// Colour theme (default: dark, or mono when NO_COLOR is set).
    #[arg(long, value_enum, global = true)]
    pub theme: Option<Theme>,
    /// Do not capture the mouse (keeps the terminal's own text selection).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Do not restore or save the position (region, article, screen, scroll) kept per corpus
    /// in $XDG_STATE_HOME/zhaoshang/.
    #[arg(long, global = true)]
    pub no_state: bool,
    /// Refuse raw articles larger than this (16M by default; K, M, G suffixes). Parsed
    /// .json/.jsonl corpora have no limit.
    #[arg(long, global = true, value_name = "SIZE", value_parser = crate::corpus::load::parse_size)]
    pub max_file_size: Option<u64>,
    /// A subcommand; without one the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colours: attributes and markers only.
    Mono,
}

impl Theme {
    /// The theme's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
            Self::Mono => "mono",
        }
    }
}

/// Output formats of `parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CorpusFormat {
    /// One JSON array.
    Json,
    /// One article object per line.
    Jsonl,
}

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON array of whole articles (the interchange format `parse` writes).
    Json,
    /// One whole article object per line.
    Jsonl,
    /// One table as RFC 4180 CSV (see `--table`).
    Csv,
}

/// Tables `export --format csv` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTable {
    /// One row per article: file, title, region and its code, dates, counts.
    Articles,
    /// Every metric.
    Metrics,
    /// Every target-versus-actual gauge.
    Gauges,
}

/// Output formats of `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HitFormat {
    /// One hit per line: score, region, what matched.
    Text,
    /// A JSON array of hits.
    Json,
}

/// Output formats of the table commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for reading.
    Table,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A JSON array of row objects.
    Json,
}

/// Which figures `gauges`, `compare` and `overview` keep.
#[derive(Debug, Clone, Default, Args)]
pub struct FigureFilter {
    /// Only this canonical indicator (`funds_in_place`; see data/indicators.toml).
    #[arg(long, value_name = "ID")]
    pub indicator: Option<String>,
    /// Only figures of this period (`2022`, `2021-01..2021-05`; for gauges, the actual
    /// value's period); without it, each region's latest.
    #[arg(long)]
    pub period: Option<String>,
}

/// What `overview --by` ranks on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankOn {
    /// The actual values, in canonical units.
    Value,
    /// Percent of target.
    Percent,
}

/// Region levels for `overview --level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Province, autonomous region or municipality.
    Province,
    /// Prefecture-level city.
    Prefecture,
    /// County, district or county-level city.
    County,
    /// Township, town or street.
    Township,
    /// Development zone or park.
    Zone,
}

impl From<Level> for crate::corpus::RegionLevel {
    fn from(level: Level) -> Self {
        match level {
            Level::Province => Self::Province,
            Level::Prefecture => Self::Prefecture,
            Level::County => Self::County,
            Level::Township => Self::Township,
            Level::Zone => Self::Zone,
        }
    }
}

/// Shells for `completions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse raw articles into a clean corpus: JSON, or a SQLite store (`-o corpus.db`)
    /// that later runs update incrementally.
    Parse {
        /// .txt files, directories of them, or parsed corpora.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format for JSON output (a `.db`, `.sqlite` or `.sqlite3` output is a store).
        #[arg(long, value_enum, default_value_t = CorpusFormat::Json)]
        format: CorpusFormat,
        /// Write to this file instead of standard output (never one of the inputs). A `.db`,
        /// `.sqlite` or `.sqlite3` file is a corpus store: created, or updated with only the
        /// files that are new or changed; articles whose files are gone are removed.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// With a store: parse every file again, changed or not.
        #[arg(long)]
        force: bool,
    },
    /// Write a corpus store out as JSON, JSON lines or CSV.
    Export {
        /// The store (`corpus.db`).
        store: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// With CSV: which table.
        #[arg(long, value_enum, default_value_t = ExportTable::Articles)]
        table: ExportTable,
        /// Start CSV with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Fuzzy-search every title, region, sentence and metric label (pinyin and
    /// traditional queries included), without the explorer.
    Search {
        /// The query: Chinese (simplified or traditional), pinyin or initials.
        query: String,
        /// A corpus to search; the built-in corpus without one.
        path: Option<PathBuf>,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = HitFormat::Text)]
        format: HitFormat,
    },
    /// Print every target-versus-actual gauge, with its canonical indicator.
    Gauges {
        /// A corpus; the built-in corpus without one.
        path: Option<PathBuf>,
        #[command(flatten)]
        figures: FigureFilter,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Start CSV with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
    },
    /// Compare two regions on canonical indicators: each side's latest figure (or those of
    /// `--period`), in canonical units, with the difference, the ratio and each side's
    /// percent of target; figures no indicator fits follow. Regions may be named in
    /// simplified or traditional characters, or pinyin.
    Compare {
        /// First region (通辽市, 通遼, tongliao, tl).
        first: String,
        /// Second region.
        second: String,
        /// A corpus; the built-in corpus without one.
        path: Option<PathBuf>,
        #[command(flatten)]
        figures: FigureFilter,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Start CSV with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
    },
    /// Rank regions on every canonical indicator two or more of them report (each region's
    /// latest figure, or those of `--period`); articles without a region are never ranked.
    Overview {
        /// A corpus; the built-in corpus without one.
        path: Option<PathBuf>,
        #[command(flatten)]
        figures: FigureFilter,
        /// Only regions of this level.
        #[arg(long, value_enum)]
        level: Option<Level>,
        /// Only regions under this one (a province, prefecture or county on their
        /// gazetteer path: 湖北省, 襄阳市).
        #[arg(long, value_name = "REGION")]
        parent: Option<String>,
        /// Rank by actual value, or by percent of target (`value` is then the percent).
        #[arg(long, value_enum, default_value_t = RankOn::Value)]
        by: RankOn,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Start CSV with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Show the effective settings (config file, NO_COLOR and flags combined).
    Config {
        /// Print the settings as TOML.
        #[arg(long)]
        print: bool,
    },
    /// Render one screen headlessly to a .txt or .svg file.
    Screenshot {
        /// A corpus to show; the built-in corpus without one.
        path: Option<PathBuf>,
        /// The screen: reader, gauges, search, compare, overview, help, source, tree, trend (the
        /// targets screen on the indicator with the most periods). Without it,
        /// the first screen the explorer shows on start.
        #[arg(long)]
        view: Option<String>,
        /// Terminal size as WIDTHxHEIGHT.
        #[arg(long, default_value = "120x36", value_parser = parse_size)]
        size: (u16, u16),
        /// Output file: .txt (plain text) or .svg (colours). An existing file is replaced only
        /// when it is an earlier screenshot.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file even when it is not an earlier screenshot.
        #[arg(long)]
        force: bool,
    },
}

/// Parses `120x36` into (120, 36).
///
/// ```
/// use zhaoshang::cli::parse_size;
/// assert_eq!(parse_size("120x36"), Ok((120, 36)));
/// assert!(parse_size("120").is_err());
/// ```
pub fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, got {text:?}"))?;
    let num = |s: &str| s.trim().parse::<u16>().map_err(|e| format!("{s:?}: {e}"));
    Ok((num(w)?, num(h)?))
}
