//! The `zhaoshang` binary: parse arguments, load the corpus before taking over the
//! terminal (so loading errors print normally), then run the chosen command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap::Parser;
use zhaoshang::cli::{Cli, Command, CorpusFormat, HitFormat, Shell, TableFormat};
use zhaoshang::config;
use zhaoshang::corpus::{self, Article, Loaded};
use zhaoshang::report::{self, Table};
use zhaoshang::search::{HitTarget, SearchIndex};
use zhaoshang::tui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("zhaoshang: {}", sanitize(&message));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let config_path = config::default_path();
    let file = match &config_path {
        Some(path) => config::read(path)?,
        None => config::FileConfig::default(),
    };
    let flags = config::Flags {
        theme: cli.theme,
        ambiwide: cli.ambiwide,
        no_mouse: cli.no_mouse,
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
    let options = tui::Options {
        ambiguous_wide: settings.ambiwide,
        theme: settings.theme.name().to_owned(),
        mouse: settings.mouse,
        remember: !cli.no_state,
        load_errors: Vec::new(),
    };
    // Commands with an optional PATH fall back to the configured corpus, then the built-in.
    let corpus = |paths: Vec<PathBuf>| -> Result<(Vec<Article>, bool), String> {
        if paths.is_empty() {
            load(&settings.corpus.iter().cloned().collect::<Vec<_>>())
        } else {
            load(&paths)
        }
    };
    match cli.command {
        None => {
            let (articles, failed) = corpus(cli.paths)?;
            tui::run(articles, &options).map_err(|e| format!("terminal: {e}"))?;
            Ok(exit(failed))
        }
        Some(Command::Parse {
            paths,
            format,
            output,
        }) => parse(&paths, format, output.as_deref()),
        Some(Command::Search {
            query,
            path,
            limit,
            format,
        }) => {
            let (articles, failed) = corpus(path.into_iter().collect())?;
            search(&articles, &query, limit, format)?;
            Ok(exit(failed))
        }
        Some(Command::Gauges { path, format, bom }) => {
            let (articles, failed) = corpus(path.into_iter().collect())?;
            print_table(&report::gauges(&articles), format, bom)?;
            Ok(exit(failed))
        }
        Some(Command::Compare {
            first,
            second,
            path,
            format,
            bom,
        }) => {
            let (articles, failed) = corpus(path.into_iter().collect())?;
            let names = report::regions(&articles);
            let a = report::find_region(&names, &first)?;
            let b = report::find_region(&names, &second)?;
            print_table(&report::compare(&articles, &a, &b), format, bom)?;
            Ok(exit(failed))
        }
        Some(Command::Completions { shell }) => {
            let shell = match shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "zhaoshang",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command())
                .render(&mut std::io::stdout())
                .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config { print: _ }) => {
            print!("{}", settings.to_toml());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Screenshot {
            path,
            view,
            size,
            output,
        }) => {
            let (articles, failed) = corpus(path.into_iter().collect())?;
            let svg = output
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
            let picture =
                tui::screenshot(articles, &options, view.as_deref(), size.0, size.1, svg)?;
            std::fs::write(&output, picture).map_err(|e| format!("{}: {e}", output.display()))?;
            Ok(exit(failed))
        }
    }
}

fn print_table(table: &Table, format: TableFormat, bom: bool) -> Result<(), String> {
    let text = match format {
        TableFormat::Table => table.to_text(),
        TableFormat::Csv => table.to_csv(bom),
        TableFormat::Json => table.to_json(),
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())
}

/// Loads with a progress bar on stderr for long runs; indicatif draws nothing when stderr
/// is not a terminal.
fn load_with_progress(paths: &[PathBuf]) -> Loaded {
    let bar = indicatif::ProgressBar::hidden();
    let start = |n: usize| {
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
    };
    let loaded = corpus::load::load_paths_with_progress(paths, &start, &|| bar.inc(1));
    bar.finish_and_clear();
    loaded
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
/// bad file; fails only when nothing at all could be loaded.
fn load(paths: &[PathBuf]) -> Result<(Vec<Article>, bool), String> {
    if paths.is_empty() {
        return Ok((corpus::builtin(), false));
    }
    let Loaded { articles, errors } = load_with_progress(paths);
    for error in &errors {
        eprintln!("zhaoshang: {}", sanitize(&error.to_string()));
    }
    if articles.is_empty() {
        return Err("no article could be loaded".to_owned());
    }
    Ok((articles, !errors.is_empty()))
}

fn parse(
    paths: &[PathBuf],
    format: CorpusFormat,
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    if let Some(out) = output {
        corpus::load::refuse_to_overwrite_input(out, paths)?;
    }
    let Loaded { articles, errors } = load_with_progress(paths);
    let text = match format {
        CorpusFormat::Json => corpus::load::to_json(&articles),
        CorpusFormat::Jsonl => corpus::load::to_jsonl(&articles),
    }
    .map_err(|e| e.to_string())?;
    match output {
        Some(out) => std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?,
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?,
    }
    for error in &errors {
        eprintln!("zhaoshang: {}", sanitize(&error.to_string()));
    }
    if !errors.is_empty() {
        eprintln!(
            "zhaoshang: {} files failed, {} articles parsed",
            errors.len(),
            articles.len()
        );
    }
    Ok(exit(!errors.is_empty()))
}

fn search(
    articles: &[Article],
    query: &str,
    limit: usize,
    format: HitFormat,
) -> Result<(), String> {
    let index = SearchIndex::new(articles);
    let hits = index.search(query, limit);
    let mut out = std::io::stdout().lock();
    let describe = |target: &HitTarget| match target {
        HitTarget::Title => "title".to_owned(),
        HitTarget::Region => "region".to_owned(),
        HitTarget::Sentence(span) => format!("sentence {}:{}", span.paragraph + 1, span.start),
        HitTarget::Metric(i) => format!("metric {i}"),
    };
    match format {
        HitFormat::Text => {
            for hit in &hits {
                let article = &articles[hit.article];
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
                        "file": articles[hit.article].file,
                        "region": articles[hit.article].region,
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
    Ok(())
}
