//! Throwaway demo until the CLI is wired: `cargo run --example tui_demo [sample|hostile]
//! [--ambiwide] [VIEW]` runs the explorer on the built-in corpus (or the hand-built sample, or
//! the sample with an article carrying OSC title and clipboard sequences), or prints a 120x36
//! screenshot of VIEW (`first` for the start screen) at 120x36 or a given `WxH`
//! (`--svg` for SVG, `--light` for the light theme). The tmux end-to-end test drives it.

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles = if args.iter().any(|a| a == "sample") {
        zhaoshang::tui::fixtures::sample_corpus()
    } else if args.iter().any(|a| a == "hostile") {
        let mut corpus = zhaoshang::tui::fixtures::sample_corpus();
        let evil = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]2;PWNED2\u{1b}\\";
        corpus[0].title = format!("{evil}谷城经济开发区");
        corpus[0].paragraphs[0].push_str(evil);
        corpus
    } else {
        zhaoshang::corpus::builtin()
    };
    let options = zhaoshang::tui::Options {
        ambiguous_wide: args.iter().any(|a| a == "--ambiwide"),
        theme: if args.iter().any(|a| a == "--light") {
            "light".to_owned()
        } else {
            String::new()
        },
        mouse: true,
    };
    let view = args.iter().find(|a| {
        !matches!(a.as_str(), "sample" | "hostile") && !a.starts_with("--") && !a.contains('x')
    });
    let (w, h) = args
        .iter()
        .find_map(|a| {
            a.split_once('x')
                .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        })
        .unwrap_or((120, 36));
    if let Some(view) = view {
        let view = (view != "first").then_some(view.as_str());
        match zhaoshang::tui::screenshot(
            articles,
            &options,
            view,
            w,
            h,
            args.iter().any(|a| a == "--svg"),
        ) {
            Ok(text) => print!("{text}"),
            Err(e) => eprintln!("{e}"),
        }
        return Ok(());
    }
    zhaoshang::tui::run(articles, &options)
}
