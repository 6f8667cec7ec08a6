//! The help overlay, rendered from the key table so it always tells the truth. It scrolls
//! (with the keys the table gives help mode) when the list does not fit, and says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{block, clear_popup, title};
use crate::text::width::display_width;
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};
use crate::tui::layout;
use crate::tui::screens::help::{area, geometry, max_scroll, notes};

/// Every line of the help: each mode's bindings, then notes.
fn lines(app: &App) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    for mode in Mode::ALL {
        lines.push(Line::from(Span::styled(mode.title(), app.theme.title)));
        for (keys, hint) in keymap::hints(mode, false) {
            let pad = 22usize.saturating_sub(display_width(&keys));
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}{}", " ".repeat(pad)), app.theme.key),
                Span::styled(hint, app.theme.text),
            ]));
        }
    }
    for note in notes() {
        lines.push(Line::from(Span::styled(note, app.theme.dim)));
    }
    lines
}

/// Draws the help overlay over `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let area = area(body);
    clear_popup(area, buf);
    let (total, rows, columns) = geometry(body);
    let max = max_scroll(body);
    let scroll = app.help.scroll.min(max);
    // The status-bar hints of help mode, with every key each one has.
    let bar: Vec<&str> = keymap::hints(Mode::Help, true)
        .into_iter()
        .map(|(_, hint)| hint)
        .collect();
    let keys: Vec<String> = keymap::hints(Mode::Help, false)
        .into_iter()
        .filter(|(_, hint)| bar.contains(hint))
        .map(|(keys, hint)| format!("{keys} {hint}"))
        .collect();
    let mut frame = block(
        app,
        title(
            app,
            &format!("按键 keys - {}", keys.join(" - ")),
            area.width,
        ),
    );
    if max > 0 {
        let shown = (scroll + rows).min(total);
        frame = frame.title_bottom(
            Line::from(Span::styled(
                format!(" {}-{shown}/{total} ", scroll + 1),
                app.theme.dim,
            ))
            .right_aligned(),
        );
    }
    frame.render(area, buf);
    let inner = layout::inner(area);
    let col_w = inner.width / columns;
    for (i, line) in lines(app).iter().skip(scroll).enumerate() {
        let (col, row) = (i / rows.max(1), i % rows.max(1));
        if col >= usize::from(columns) {
            break;
        }
        let x = inner.x + col as u16 * col_w;
        buf.set_line(x, inner.y + row as u16, line, col_w.saturating_sub(1));
    }
}
