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

/// The popup rectangle inside `body`.
fn area(body: Rect) -> Rect {
    layout::centered(body, 90, 95, 40, 8)
}

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
    for note in [
        "鼠标 mouse: 滚轮 wheel, 点标签 tabs, m 开关 on/off",
        "--ambiwide: 歧义宽度字符按两格 ambiguous = 2 cells",
    ] {
        lines.push(Line::from(Span::styled(note, app.theme.dim)));
    }
    lines
}

/// How the help is laid out over `body`: (lines, visible rows, columns).
fn geometry(app: &App, body: Rect) -> (usize, usize, u16) {
    let inner = layout::inner(area(body));
    let total = lines(app).len();
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
pub(crate) fn max_scroll(app: &App, body: Rect) -> usize {
    let (total, rows, columns) = geometry(app, body);
    if columns > 1 {
        0
    } else {
        total.saturating_sub(rows)
    }
}

/// Draws the help overlay over `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let area = area(body);
    clear_popup(area, buf);
    let (total, rows, columns) = geometry(app, body);
    let max = max_scroll(app, body);
    let scroll = app.help_scroll.min(max);
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
