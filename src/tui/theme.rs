//! Styles for every element of the explorer, in three themes: `dark`, `light` and `mono`.
//! `mono` sets no colours at all (only bold, reverse and underline), and is chosen whenever
//! `NO_COLOR` is set, so a terminal that strips colours still shows selection and matches.
//! Selections are also marked with a `>` so they survive a terminal that drops attributes.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: metadata, units, inactive tabs.
    pub dim: Style,
    /// Pane titles and table headers.
    pub title: Style,
    /// Borders and dividers.
    pub border: Style,
    /// The active region tab.
    pub tab_active: Style,
    /// The selected row of a list or table.
    pub selected: Style,
    /// The source sentence of the selected gauge or metric, or the search hit.
    pub source: Style,
    /// A match of the in-article find or of the fuzzy search.
    pub matched: Style,
    /// The current in-article match.
    pub current: Style,
    /// The filled part of a gauge under its target.
    pub gauge_under: Style,
    /// The filled part of a gauge at or over its target.
    pub gauge_over: Style,
    /// The empty part of a gauge.
    pub gauge_empty: Style,
    /// Text the cleaner repaired, in the source view.
    pub repair: Style,
    /// Boilerplate lines the cleaner removed, in the source view.
    pub boilerplate: Style,
    /// Redacted figures and warnings.
    pub warn: Style,
    /// The status bar.
    pub status: Style,
    /// Hint keys in the status bar.
    pub key: Style,
}

impl Theme {
    /// Light text on a dark background.
    pub fn dark() -> Self {
        Self {
            text: Style::new().fg(Color::Gray),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Rgb(40, 60, 90))
                .add_modifier(Modifier::BOLD),
            source: Style::new().fg(Color::Black).bg(Color::Yellow),
            matched: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            current: Style::new().fg(Color::Black).bg(Color::LightMagenta),
            gauge_under: Style::new().fg(Color::Blue),
            gauge_over: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            gauge_empty: Style::new().fg(Color::DarkGray),
            repair: Style::new().fg(Color::Black).bg(Color::LightRed),
            boilerplate: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT),
            warn: Style::new().fg(Color::LightRed),
            status: Style::new().fg(Color::Gray).bg(Color::Rgb(30, 30, 30)),
            key: Style::new()
                .fg(Color::Cyan)
                .bg(Color::Rgb(30, 30, 30))
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Dark text on a light background.
    pub fn light() -> Self {
        Self {
            text: Style::new().fg(Color::Black),
            dim: Style::new().fg(Color::Gray),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Rgb(210, 225, 245))
                .add_modifier(Modifier::BOLD),
            source: Style::new().bg(Color::Rgb(255, 235, 150)),
            matched: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            current: Style::new().fg(Color::White).bg(Color::Magenta),
            gauge_under: Style::new().fg(Color::Blue),
            gauge_over: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            gauge_empty: Style::new().fg(Color::Gray),
            repair: Style::new().bg(Color::Rgb(255, 200, 200)),
            boilerplate: Style::new()
                .fg(Color::Gray)
                .add_modifier(Modifier::CROSSED_OUT),
            warn: Style::new().fg(Color::Red),
            status: Style::new().fg(Color::Black).bg(Color::Rgb(225, 225, 225)),
            key: Style::new()
                .fg(Color::Blue)
                .bg(Color::Rgb(225, 225, 225))
                .add_modifier(Modifier::BOLD),
        }
    }

    /// No colours: attributes only.
    pub fn mono() -> Self {
        let plain = Style::new();
        Self {
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            border: plain,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            source: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            matched: plain.add_modifier(Modifier::UNDERLINED),
            current: plain.add_modifier(Modifier::REVERSED),
            gauge_under: plain,
            gauge_over: plain.add_modifier(Modifier::BOLD),
            gauge_empty: plain,
            repair: plain.add_modifier(Modifier::REVERSED),
            boilerplate: plain.add_modifier(Modifier::CROSSED_OUT),
            warn: plain.add_modifier(Modifier::BOLD),
            status: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// The theme called `name` (`dark`, `light`, `mono`; anything else is `dark`), or `mono`
    /// when `no_color` is true.
    ///
    /// ```
    /// use zhaoshang::tui::theme::Theme;
    /// assert_eq!(Theme::named("light", true), Theme::mono());
    /// assert_eq!(Theme::named("light", false), Theme::light());
    /// ```
    pub fn named(name: &str, no_color: bool) -> Self {
        if no_color {
            return Self::mono();
        }
        match name {
            "light" => Self::light(),
            "mono" => Self::mono(),
            _ => Self::dark(),
        }
    }

    /// [`Theme::named`] with `NO_COLOR` read from the environment (set and non-empty).
    pub fn from_env(name: &str) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::named(name, no_color)
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}
