//! The explorer: the draw / read / update loop.

use crate::corpus::Article;

/// How the explorer should draw.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The terminal draws East Asian ambiguous-width characters two cells wide.
    pub ambiguous_wide: bool,
    /// Colour theme name: `dark`, `light` or `mono`.
    pub theme: String,
    /// Capture the mouse (wheel scrolling, clicking tabs).
    pub mouse: bool,
}

/// Runs the explorer on a terminal until the user quits.
pub fn run(articles: Vec<Article>, options: &Options) -> std::io::Result<()> {
    let _ = (articles, options);
    Ok(())
}

/// Renders one screen headlessly; `view` `None` is the first screen shown on start.
/// Returns plain text (`svg == false`) or an SVG document.
pub fn screenshot(
    articles: Vec<Article>,
    options: &Options,
    view: Option<&str>,
    width: u16,
    height: u16,
    svg: bool,
) -> Result<String, String> {
    let _ = (articles, options, view, width, height, svg);
    Ok(String::new())
}
