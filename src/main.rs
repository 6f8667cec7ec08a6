//! The `zhaoshang` binary: parse arguments, load the corpus before taking over the
//! terminal (so loading errors print normally), then run the chosen command.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::CommandFactory;
use clap::Parser;
use zhaoshang::cli::{
    Cli, Command, CorpusFormat, ExportFormat, ExportTable, FigureFilter, HitFormat, Level, RankOn,
    Shell, TableFormat,
};
use zhaoshang::config;
use zhaoshang::corpus::figures::{PeriodChoice, RankBy};
use zhaoshang::corpus::{self, Loaded};
use zhaoshang::report::{self, Table};
use zhaoshang::search::HitTarget;
use zhaoshang::store::sqlite::{SqliteCorpus, SqliteStore};
use zhaoshang::store::{self, Header, Store};
use zhaoshang::text::plural::count;
use zhaoshang::tui::{self, Ending};

/// Printed when the explorer is started without a terminal (input from a file or a pipe,
/// output into a pipe, cron).
const NEEDS_A_TERMINAL: &str = "zhaoshang: the explorer needs a terminal (standard input and output); \
     without one, use `zhaoshang parse`, `search`, `gauges`, `compare` or `screenshot`";

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure { message, code }) => {
            if !message.is_empty() {
                // Not `eprintln!`, which panics when stderr is a terminal that has gone.
                let _ = writeln!(std::io::stderr(), "zhaoshang: {}", sanitize(&message));
            }
            ExitCode::from(code)
        }
    }
}

/// Why a command failed: a message (empty when already reported) and the exit status.
struct Failure {
    message: String,
    code: u8,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self { message, code: 1 }
    }
}

/// Writes to standard output. A reader that went away (`zhaoshang man | head -1`) ends the
/// program quietly with status 0, as `rg … | head` does.
fn emit(bytes: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(e.to_string()),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let config_path = config::default_path();
    let file = match &config_path {
        Some(path) => config::read(path)?,
        None => config::FileConfig::default(),
    };
    let flags = config::Flags {
        theme: cli.theme,
        ambiwide: cli.ambiwide,
        no_mouse: cli.no_mouse,
        max_file_size: cli.max_file_size,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let settings = config::resolve(flags, &file, no_color, config_path);
    tui::keymap::install_overrides(&settings.keys).map_err(|e| {
        let file = settings
            .file
            .as_ref()
            .map_or_else(String::new, |p| format!("{}: ", p.display()));
        format!("{file}{e}")
    })?;
    let mut options = tui::Options {
        ambiguous_wide: settings.ambiwide,
        theme: settings.theme.name().to_owned(),
        mouse: settings.mouse,
        remember: !cli.no_state,
        load_errors: Vec::new(),
    };
    let limit = settings.max_file_size;
    // Commands with an optional PATH fall back to the configured corpus, then the built-in.
    let corpus = |paths: Vec<PathBuf>| -> Result<(Store, Vec<String>), Failure> {
        if paths.is_empty() {
            load(&settings.corpus.iter().cloned().collect::<Vec<_>>(), limit)
        } else {
            load(&paths, limit)
        }
    };
    match cli.command {
        None => {
            if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
                eprintln!("{NEEDS_A_TERMINAL}");
                return Ok(ExitCode::from(2));
            }
            let (store, errors) = corpus(cli.paths)?;
            let failed = !errors.is_empty();
            options.load_errors = errors;
            match tui::run(store, &options).map_err(|e| format!("terminal: {e}"))? {
                Ending::Quit => Ok(exit(failed)),
                ending => {
                    let why = match &ending {
                        Ending::Lost(why) => why.as_str(),
                        _ => "stopped by SIGTERM",
                    };
                    let _ = writeln!(std::io::stderr(), "zhaoshang: {why}");
                    Ok(ExitCode::from(ending.exit_status()))
                }
            }
        }
        Some(Command::Parse {
            paths,
            format,
            output,
            force,
        }) => match output {
            Some(out) if store::sqlite::is_store_path(&out) => {
                parse_store(&paths, &out, force, limit)
            }
            output => parse(&paths, format, output.as_deref(), limit),
        },
        Some(Command::Export {
            store,
            format,
            table,
            bom,
            output,
        }) => {
            export(&store, format, table, bom, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search {
            query,
            path,
            limit,
            format,
        }) => {
            let (store, errors) = corpus(path.into_iter().collect())?;
            search(&store, &query, limit, format)?;
            Ok(exit(!errors.is_empty()))
        }
        Some(Command::Gauges {
            path,
            figures,
            format,
            bom,
        }) => {
            let (store, errors) = corpus(path.into_iter().collect())?;
            let filter = report_filter(figures, None)?;
            print_table(
                &report::gauges_where(&store.measures(), &filter),
                format,
                bom,
            )?;
            Ok(exit(!errors.is_empty()))
        }
        Some(Command::Compare {
            first,
            second,
            path,
            figures,
            format,
            bom,
        }) => {
            let (store, errors) = corpus(path.into_iter().collect())?;
            let articles = store.measures();
            let names = report::regions(&articles);
            let a = report::find_region(&names, &first)?;
            let b = report::find_region(&names, &second)?;
            let mut filter = report_filter(figures, None)?;
            let period = filter
                .period
                .take()
                .map_or(PeriodChoice::Latest, PeriodChoice::Exactly);
            print_table(
                &report::compare(&articles, &a, &b, &period, &filter),
                format,
                bom,
            )?;
            Ok(exit(!errors.is_empty()))
        }
        Some(Command::Overview {
            path,
            figures,
            level,
            parent,
            by,
            format,
            bom,
        }) => {
            let (store, errors) = corpus(path.into_iter().collect())?;
            let filter = report::Filter {
                parent,
                ..report_filter(figures, level)?
            };
            let by = match by {
                RankOn::Value => RankBy::Value,
                RankOn::Percent => RankBy::Percent,
            };
            let table = report::overview(&store.measures(), &filter, by);
            print_table(&table, format, bom)?;
            Ok(exit(!errors.is_empty()))
        }
        Some(Command::Completions { shell }) => {
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            // Rendered in memory first, so that a closed pipe is seen by `emit`.
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "zhaoshang", &mut text);
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let mut text = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut text)
                .map_err(|e| e.to_string())?;
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config { print: _ }) => {
            emit(settings.to_toml().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Screenshot {
            path,
            view,
            size,
            output,
            force,
        }) => {
            let svg = screenshot_target(&output, force)?;
            let (store, errors) = corpus(path.into_iter().collect())?;
            let failed = !errors.is_empty();
            options.load_errors = errors;
            let picture = tui::screenshot(store, &options, view.as_deref(), size.0, size.1, svg)?;
            std::fs::write(&output, picture).map_err(|e| format!("{}: {e}", output.display()))?;
            Ok(exit(failed))
        }
    }
}

/// The report filter the flags ask for; an indicator the table does not know is an error
/// that lists the ones it does.
fn report_filter(figures: FigureFilter, level: Option<Level>) -> Result<report::Filter, String> {
    Ok(report::Filter {
        indicator: known_indicator(figures.indicator)?,
        period: figures.period,
        level: level.map(Into::into),
        parent: None,
    })
}

/// The indicator id asked for, when the table knows it.
fn known_indicator(id: Option<String>) -> Result<Option<String>, String> {
    match id {
        Some(id) if corpus::indicators::get(&id).is_none() => {
            let known: Vec<&str> = corpus::indicators::all()
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            Err(format!(
                "no indicator {:?}; indicators: {}",
                sanitize(&id),
                known.join(", ")
            ))
        }
        id => Ok(id),
    }
}

fn print_table(table: &Table, format: TableFormat, bom: bool) -> Result<(), String> {
    let text = match format {
        TableFormat::Table => table.to_text(),
        TableFormat::Csv => table.to_csv(bom),
        TableFormat::Json => table.to_json(),
    };
    emit(text.as_bytes())
}

/// Checks a screenshot's output path: `.txt` or `.svg` (true for SVG), and an existing file
/// only when it is an earlier screenshot or `force` is given.
fn screenshot_target(output: &Path, force: bool) -> Result<bool, String> {
    let extension = output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let svg = match extension.as_deref() {
        Some("svg") => true,
        Some("txt") => false,
        _ => {
            return Err(format!(
                "{}: a screenshot is written as .txt or .svg",
                output.display()
            ));
        }
    };
    if force || !output.exists() {
        return Ok(svg);
    }
    let earlier = std::fs::read(output)
        .ok()
        .is_some_and(|bytes| tui::is_screenshot(&bytes, svg));
    if earlier {
        Ok(svg)
    } else {
        Err(format!(
            "{}: exists and is not an earlier screenshot; --force replaces it",
            output.display()
        ))
    }
}

/// A progress bar on stderr, hidden until [`show_progress`] is told of a long run.
fn progress_bar() -> indicatif::ProgressBar {
    indicatif::ProgressBar::hidden()
}

/// Shows the bar for 200 files or more; indicatif draws nothing when stderr is not a
/// terminal.
fn show_progress(bar: &indicatif::ProgressBar, n: usize) {
    if n >= 200 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.set_length(n as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files {elapsed} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
    }
}

/// Loads with a progress bar on stderr for long runs.
fn load_with_progress(paths: &[PathBuf], limit: u64) -> Loaded {
    let bar = progress_bar();
    let start = |n: usize| show_progress(&bar, n);
    let loaded = corpus::load::load_paths_limited(paths, limit, &start, &|| bar.inc(1));
    bar.finish_and_clear();
    loaded
}

/// Parses into a corpus store, incrementally.
fn parse_store(
    paths: &[PathBuf],
    out: &Path,
    force: bool,
    limit: u64,
) -> Result<ExitCode, Failure> {
    corpus::load::refuse_to_overwrite_input(out, paths)?;
    let bar = progress_bar();
    let start = |n: usize| show_progress(&bar, n);
    let report = store::sqlite::update(out, paths, force, limit, &start, &|| bar.inc(1))
        .map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    for error in &report.errors {
        eprintln!("zhaoshang: {}", sanitize(&error.to_string()));
    }
    eprintln!(
        "zhaoshang: {}: {} parsed, {} unchanged, {} removed, {} failed",
        sanitize(&out.display().to_string()),
        report.parsed,
        report.unchanged,
        report.removed,
        report.errors.len()
    );
    Ok(exit(!report.errors.is_empty()))
}

/// Writes a store out as JSON, JSON lines or one CSV table.
fn export(
    path: &Path,
    format: ExportFormat,
    table: ExportTable,
    bom: bool,
    output: Option<&Path>,
) -> Result<(), String> {
    let store = SqliteStore::open(path).map_err(|e| e.to_string())?;
    let articles = store.articles().map_err(|e| e.to_string())?;
    let text = match format {
        ExportFormat::Json => corpus::load::to_json(&articles).map_err(|e| e.to_string())?,
        ExportFormat::Jsonl => corpus::load::to_jsonl(&articles).map_err(|e| e.to_string())?,
        ExportFormat::Csv => match table {
            ExportTable::Articles => report::articles(&articles),
            ExportTable::Metrics => report::metrics(&articles),
            ExportTable::Gauges => report::gauges(&articles),
        }
        .to_csv(bom),
    };
    match output {
        Some(out) => std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display())),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string()),
    }
}

/// Makes untrusted text (file names, article text) safe to print on a terminal.
fn sanitize(text: &str) -> String {
    zhaoshang::corpus::clean::apply_rule(zhaoshang::corpus::clean::strip_controls, text)
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Loads the given paths (the built-in corpus when there are none), printing one line per
/// bad file and returning those lines; fails (status 2) when nothing at all could be loaded.
/// A store is opened lazily.
fn load(paths: &[PathBuf], limit: u64) -> Result<(Store, Vec<String>), Failure> {
    if paths.is_empty() {
        return Ok((corpus::builtin().into(), Vec::new()));
    }
    if let [path] = paths
        && store::sqlite::is_store_path(path)
    {
        let corpus = SqliteCorpus::open(path).map_err(|e| e.to_string())?;
        return Ok((Store::new(corpus), Vec::new()));
    }
    let Loaded { articles, errors } = load_with_progress(paths, limit);
    let errors: Vec<String> = errors.iter().map(|e| sanitize(&e.to_string())).collect();
    for error in &errors {
        eprintln!("zhaoshang: {error}");
    }
    if articles.is_empty() {
        return Err(Failure {
            message: "no article could be loaded".to_owned(),
            code: 2,
        });
    }
    Ok((articles.into(), errors))
}

fn parse(
    paths: &[PathBuf],
    format: CorpusFormat,
    output: Option<&Path>,
    limit: u64,
) -> Result<ExitCode, Failure> {
    if let Some(out) = output {
        corpus::load::refuse_to_overwrite_input(out, paths)?;
    }
    let Loaded { articles, errors } = load_with_progress(paths, limit);
    for error in &errors {
        eprintln!("zhaoshang: {}", sanitize(&error.to_string()));
    }
    if articles.is_empty() && !errors.is_empty() {
        // Nothing to write: an empty `[]` would look like a successful parse.
        return Err(Failure {
            message: String::new(),
            code: 2,
        });
    }
    // Written as it is serialised: the text of a corpus is larger than its articles.
    let write = |out: &mut dyn Write| match format {
        CorpusFormat::Json => corpus::load::write_json(out, &articles),
        CorpusFormat::Jsonl => corpus::load::write_jsonl(out, &articles),
    };
    if let Some(out) = output {
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", out.display());
        let file = std::fs::File::create(out).map_err(|e| fail(&e))?;
        let mut file = std::io::BufWriter::new(file);
        write(&mut file).map_err(|e| fail(&e))?;
        file.flush().map_err(|e| fail(&e))?;
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match write(&mut out).and_then(|()| out.flush().map_err(serde_json::Error::io)) {
            Ok(()) => {}
            // A reader that went away ends the program quietly, as `emit` does.
            Err(e) if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => {
                std::process::exit(0)
            }
            Err(e) => return Err(e.to_string().into()),
        }
    }
    if !errors.is_empty() {
        eprintln!(
            "zhaoshang: {} failed, {} parsed",
            count(errors.len(), "file", "files"),
            count(articles.len(), "article", "articles")
        );
    }
    Ok(exit(!errors.is_empty()))
}

fn search(store: &Store, query: &str, limit: usize, format: HitFormat) -> Result<(), String> {
    let hits = store
        .search(query, limit, &AtomicBool::new(false))
        .unwrap_or_default();
    let headers = store.headers();
    let blank = Header::default();
    let article = |i: usize| headers.get(i).unwrap_or(&blank);
    let mut out: Vec<u8> = Vec::new();
    let describe = |target: &HitTarget| match target {
        HitTarget::Title => "title".to_owned(),
        HitTarget::Region => "region".to_owned(),
        HitTarget::Sentence(span) => format!("sentence {}:{}", span.paragraph + 1, span.start),
        HitTarget::Metric(i) => format!("metric {i}"),
    };
    match format {
        HitFormat::Text => {
            for hit in &hits {
                let article = article(hit.article);
                let region = article.region.as_deref().unwrap_or("-");
                let line = format!(
                    "{}\t{}\t{}\t{}\t{}",
                    hit.score,
                    region,
                    article.file,
                    describe(&hit.target),
                    hit.text
                );
                writeln!(out, "{}", sanitize(&line)).map_err(|e| e.to_string())?;
            }
        }
        HitFormat::Json => {
            let json: Vec<serde_json::Value> = hits
                .iter()
                .map(|hit| {
                    serde_json::json!({
                        "score": hit.score,
                        "file": article(hit.article).file,
                        "region": article(hit.article).region,
                        "target": describe(&hit.target),
                        "text": hit.text,
                        "indices": hit.indices,
                    })
                })
                .collect();
            let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(|e| e.to_string())?;
        }
    }
    emit(&out)
}
