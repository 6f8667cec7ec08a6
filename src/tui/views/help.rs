//! The help overlay, rendered from the key table so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{block, clear_popup, title};
use crate::text::width::display_width;
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};
use crate::tui::layout;

/// Draws the help overlay over `body`: every mode's bindings in two columns.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let area = layout::centered(body, 90, 95, 40, 8);
    clear_popup(area, buf);
    block(
        app,
        title(app, "按键 keys - Esc/q/? 关闭 close", area.width),
    )
    .render(area, buf);
    let inner = layout::inner(area);
    let mut lines: Vec<Line<'_>> = Vec::new();
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
    // Two columns when the list is taller than the popup and the popup is wide enough.
    let h = usize::from(inner.height);
    let columns = if lines.len() > h && inner.width >= 80 {
        2
    } else {
        1
    };
    let col_w = inner.width / columns;
    for (i, line) in lines.iter().enumerate() {
        let (col, row) = (i / h.max(1), i % h.max(1));
        if col >= usize::from(columns) {
            break;
        }
        let x = inner.x + col as u16 * col_w;
        buf.set_line(x, inner.y + row as u16, line, col_w.saturating_sub(1));
    }
}
