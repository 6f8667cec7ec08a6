//! The help and load-errors overlays' state and update: opening them, their scroll, and the
//! geometry of the help's lines (counted from the key table) that the view draws with.

use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{self, Mode};
use crate::tui::layout;

/// The help overlay and the list of files not loaded, which scroll alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    /// First visible line of the open overlay.
    pub scroll: usize,
}

impl App {
    /// Opens the key help from the top, or closes it.
    pub(crate) fn toggle_help(&mut self) {
        self.overlay = if self.overlay == Overlay::Help {
            Overlay::None
        } else {
            self.help.scroll = 0;
            Overlay::Help
        };
    }

    /// Lists the files that could not be loaded, or says that every file was.
    pub(crate) fn show_load_errors(&mut self) {
        if self.load_errors.is_empty() {
            self.message = Some("每个文件都已载入 every file loaded".to_owned());
        } else {
            self.help.scroll = 0;
            self.overlay = Overlay::LoadErrors;
        }
    }

    /// The largest scroll offset of the open help or list overlay.
    pub(crate) fn overlay_max_scroll(&self) -> usize {
        let body = layout::frame(self.viewport).body;
        if self.overlay == Overlay::LoadErrors {
            load_errors_max_scroll(self, body)
        } else {
            max_scroll(body)
        }
    }

    /// Scrolls the help overlay when `action` is a scroll; false for any other action.
    pub(crate) fn scroll_help(&mut self, action: &Action) -> bool {
        let page = isize::try_from(
            layout::inner(layout::frame(self.viewport).body)
                .height
                .saturating_sub(3)
                .max(1),
        )
        .unwrap_or(1);
        let delta = match action {
            Action::ScrollDown => 1,
            Action::ScrollUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::Top => isize::MIN,
            Action::Bottom => isize::MAX,
            _ => return false,
        };
        self.help.scroll = self
            .help
            .scroll
            .saturating_add_signed(delta)
            .min(self.overlay_max_scroll());
        true
    }
}

/// The popup that lists the files that could not be loaded.
pub(crate) fn load_errors_area(body: Rect) -> Rect {
    layout::centered(body, 90, 80, 40, 8)
}

/// The largest scroll offset of the list of files not loaded over `body`.
pub(crate) fn load_errors_max_scroll(app: &App, body: Rect) -> usize {
    let rows = usize::from(layout::inner(load_errors_area(body)).height);
    app.load_errors.len().saturating_sub(rows)
}

/// The notes under the key list, keys named from the key table.
pub(crate) fn notes() -> Vec<String> {
    let mouse = keymap::key_for(&Action::ToggleMouse).unwrap_or_default();
    vec![
        format!("鼠标 mouse: 滚轮 wheel, 点标签 tabs, {mouse} 开关 on/off"),
        "--ambiwide: 歧义宽度字符按两格 ambiguous = 2 cells".to_owned(),
    ]
}

/// How many lines the help has: each mode's title and bindings, then the notes.
fn line_count() -> usize {
    Mode::ALL
        .iter()
        .map(|&mode| 1 + keymap::hints(mode, false).len())
        .sum::<usize>()
        + notes().len()
}

/// The popup rectangle inside `body`.
pub(crate) fn area(body: Rect) -> Rect {
    layout::centered(body, 90, 95, 40, 8)
}

/// How the help is laid out over `body`: (lines, visible rows, columns).
pub(crate) fn geometry(body: Rect) -> (usize, usize, u16) {
    let inner = layout::inner(area(body));
    let total = line_count();
    let rows = usize::from(inner.height);
    // Two columns only when that shows everything; otherwise one column that scrolls.
    let columns = if total > rows && total <= rows * 2 && inner.width >= 80 {
        2
    } else {
        1
    };
    (total, rows, columns)
}

/// The largest scroll offset over `body` (0 when everything fits).
pub(crate) fn max_scroll(body: Rect) -> usize {
    let (total, rows, columns) = geometry(body);
    if columns > 1 {
        0
    } else {
        total.saturating_sub(rows)
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::tui::testing::{app, press};

    #[test]
    fn help_scrolls_at_any_size() {
        let mut app = app();
        app.update(Action::Resize(80, 24));
        press(&mut app, KeyCode::Char('?'));
        press(&mut app, KeyCode::Char('G'));
        assert!(app.help.scroll > 0, "G goes to the end of the help");
        press(&mut app, KeyCode::Char('k'));
        let up = app.help.scroll;
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.help.scroll, up + 1);
        press(&mut app, KeyCode::Char('g'));
        assert_eq!(app.help.scroll, 0);
    }
}
