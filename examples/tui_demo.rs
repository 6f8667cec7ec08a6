//! Throwaway demo: `cargo run --example tui_demo [sample] [--ambiwide] [VIEW]` runs the explorer
//! on the built-in corpus (or the hand-built sample), or prints a 120x36 screenshot of VIEW.

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles = if args.iter().any(|a| a == "sample") {
        zhaoshang::tui::fixtures::sample_corpus()
    } else {
        zhaoshang::corpus::builtin()
    };
    let options = zhaoshang::tui::Options {
        ambiguous_wide: args.iter().any(|a| a == "--ambiwide"),
        mouse: true,
        ..Default::default()
    };
    let view = args.iter().find(|a| *a != "sample" && !a.starts_with("--"));
    if let Some(view) = view {
        let view = (view != "first").then_some(view.as_str());
        match zhaoshang::tui::screenshot(articles, &options, view, 120, 36, false) {
            Ok(text) => print!("{text}"),
            Err(e) => eprintln!("{e}"),
        }
        return Ok(());
    }
    zhaoshang::tui::run(articles, &options)
}
