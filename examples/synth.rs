//! Writes a synthetic corpus for benchmarks and comparisons.
//!
//! ```text
//! cargo run --release --example synth -- N DIR [--seed S] [--sentences FILE]
//! ```
//!
//! N raw articles go into DIR (created if missing). With `--sentences`, FILE receives every
//! text the search index holds, one per line, article by article (title, region, sentences,
//! metric labels), so that `fzf --filter` can be timed against `zhaoshang search` over the
//! same lines.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use zhaoshang::corpus::parse_bytes;
use zhaoshang::search::sentence_ranges;

/// The parsed command line.
struct Args {
    n: usize,
    dir: PathBuf,
    seed: u64,
    sentences: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut seed = 2024;
    let mut sentences = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => {
                let v = it.next().ok_or("--seed needs a number")?;
                seed = v.parse().map_err(|e| format!("--seed {v}: {e}"))?;
            }
            "--sentences" => {
                sentences = Some(PathBuf::from(it.next().ok_or("--sentences needs a file")?));
            }
            _ => positional.push(arg),
        }
    }
    let [n, dir] = positional.as_slice() else {
        return Err("usage: synth N DIR [--seed S] [--sentences FILE]".to_owned());
    };
    let n = n.parse().map_err(|e| format!("N {n}: {e}"))?;
    Ok(Args {
        n,
        dir: PathBuf::from(dir),
        seed,
        sentences,
    })
}

fn run(args: &Args) -> Result<(), String> {
    std::fs::create_dir_all(&args.dir).map_err(|e| format!("{}: {e}", args.dir.display()))?;
    let corpus = zhaoshang::synth::generate(args.n, args.seed);
    let mut lines = match &args.sentences {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    let mut bytes = 0;
    for (name, raw) in &corpus {
        let path = args.dir.join(name);
        std::fs::write(&path, raw).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += raw.len();
        if let Some(out) = lines.as_mut() {
            let file = path.display().to_string();
            let article = parse_bytes(&file, raw).map_err(|e| format!("{file}: {e}"))?;
            write_texts(out, &article).map_err(|e| format!("sentences: {e}"))?;
        }
    }
    if let Some(mut out) = lines {
        out.flush().map_err(|e| format!("sentences: {e}"))?;
    }
    eprintln!(
        "wrote {}, {}, to {}",
        zhaoshang::text::plural::count(corpus.len(), "article", "articles"),
        zhaoshang::text::plural::count(bytes, "byte", "bytes"),
        args.dir.display()
    );
    Ok(())
}

/// Writes the texts the search index holds for `article`.
fn write_texts(
    out: &mut impl std::io::Write,
    article: &zhaoshang::corpus::Article,
) -> std::io::Result<()> {
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    if !article.title.trim().is_empty() {
        writeln!(out, "{}", one_line(&article.title))?;
    }
    if let Some(region) = article.region.as_deref().filter(|r| !r.trim().is_empty()) {
        writeln!(out, "{}", one_line(region))?;
    }
    for paragraph in &article.paragraphs {
        let chars: Vec<char> = paragraph.chars().collect();
        for range in sentence_ranges(paragraph) {
            let sentence: String = chars[range].iter().collect();
            writeln!(out, "{}", one_line(&sentence))?;
        }
    }
    for metric in &article.metrics {
        if !metric.label.trim().is_empty() {
            writeln!(out, "{}", one_line(&metric.label))?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
