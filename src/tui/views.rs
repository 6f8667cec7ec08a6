//! Drawing: `impl Widget for &App` lays out the frame (region tabs, the current screen, the
//! status bar) and draws overlays on top. Each screen has its own module; all of them read
//! the state and never change it. Every string from article data is made terminal-safe
//! (see [`crate::text::sanitize`]) before it reaches the buffer.

pub mod compare;
pub mod gauges;
pub mod help;
pub mod overview;
pub mod reader;
pub mod search;
pub mod source;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::app::{App, Overlay, Screen};
use super::keymap;
use super::layout;
use super::screens::help::{load_errors_area, load_errors_max_scroll};
use super::screens::regions::{MORE_TABS, breadcrumb, tab_layout};
use crate::text::width::{display_width, ellipsize};

/// ASCII borders for ambiguous-wide terminals, where box drawing is two cells wide.
const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if layout::too_small(area) {
            too_small(area, buf);
            return;
        }
        let frame = layout::frame(area);
        tabs(self, frame.tabs, buf);
        match self.screen {
            Screen::Reader => reader::render(self, frame.body, buf),
            Screen::Gauges => gauges::render(self, frame.body, buf),
            Screen::Compare => compare::render(self, frame.body, buf),
            Screen::Overview => overview::render(self, frame.body, buf),
            Screen::Source => source::render(self, frame.body, buf),
        }
        match self.overlay {
            Overlay::Help => help::render(self, frame.body, buf),
            Overlay::Search => search::render(self, frame.body, buf),
            Overlay::Picker => picker(self, frame.body, buf),
            Overlay::LoadErrors => load_errors(self, frame.body, buf),
            Overlay::Find | Overlay::None => {}
        }
        status(self, frame.status, buf);
    }
}

/// The plain message for a terminal too small for any layout.
fn too_small(area: Rect, buf: &mut Buffer) {
    let lines = [
        "终端太小".to_owned(),
        "terminal too small".to_owned(),
        format!("need {}x{}", layout::MIN_WIDTH, layout::MIN_HEIGHT),
        format!("have {}x{}", area.width, area.height),
    ];
    for (i, line) in lines.iter().enumerate() {
        let Ok(dy) = u16::try_from(i) else { break };
        if dy >= area.height {
            break;
        }
        buf.set_stringn(
            area.x,
            area.y + dy,
            line,
            usize::from(area.width),
            Style::new(),
        );
    }
}

/// A bordered pane with `title`, ASCII-bordered in ambiguous-wide mode.
pub(crate) fn block<'a>(app: &App, title: impl Into<Line<'a>>) -> Block<'a> {
    let b = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(title.into());
    if app.ambiguous_wide {
        b.border_set(ASCII_BORDER)
    } else {
        b.border_set(border::ROUNDED)
    }
}

/// A pane title: safe, truncated to the pane, styled.
pub(crate) fn title<'a>(app: &App, text: &str, width: u16) -> Line<'a> {
    let room = usize::from(width).saturating_sub(4);
    Line::from(Span::styled(
        format!(" {} ", ellipsize(&app.safe(text), room, app.ambiguous_wide)),
        app.theme.title,
    ))
}

/// Clears `area` for a popup, first blanking any wide char that straddles its left or right
/// edge so no half glyph is left behind (ratatui does not repair half-overwritten cells).
pub(crate) fn clear_popup(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        if area.x > buf.area.x {
            let left = (area.x - 1, y);
            if buf
                .cell(left)
                .is_some_and(|c| display_width(c.symbol()) > 1)
                && let Some(c) = buf.cell_mut(left)
            {
                c.set_symbol(" ");
            }
        }
        let right = (area.right().saturating_sub(1), y);
        if buf
            .cell(right)
            .is_some_and(|c| display_width(c.symbol()) > 1)
            && let Some(c) = buf.cell_mut(right)
        {
            c.set_symbol(" ");
        }
    }
    Clear.render(area, buf);
}

/// Draws a vertical scrollbar for `total` lines of which `height` are shown from `offset`.
pub(crate) fn scrollbar(app: &App, area: Rect, total: usize, offset: usize, buf: &mut Buffer) {
    if area.is_empty() || total <= usize::from(area.height) {
        return;
    }
    let h = usize::from(area.height);
    let thumb = (h * h / total).clamp(1, h);
    let max_offset = total.saturating_sub(h).max(1);
    let top = (offset.min(max_offset) * (h - thumb)) / max_offset;
    let (track, bar) = if app.ambiguous_wide {
        ("|", "#")
    } else {
        ("│", "█")
    };
    for i in 0..h {
        let sym = if (top..top + thumb).contains(&i) {
            bar
        } else {
            track
        };
        if let Some(cell) = buf.cell_mut((area.x, area.y + i as u16)) {
            cell.set_symbol(sym).set_style(app.theme.dim);
        }
    }
}

/// The region tabs; when they do not all fit, a window around the current one with an
/// `r` hint for the picker.
fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.status);
    let crumb = breadcrumb(app);
    buf.set_stringn(
        area.x,
        area.y,
        &crumb,
        usize::from(area.width),
        app.theme.dim,
    );
    let (placed, overflow) = tab_layout(app, area.width);
    for (region, x, label) in placed {
        let style = if region == app.region {
            app.theme.tab_active
        } else {
            app.theme.status
        };
        let room = usize::from(area.width.saturating_sub(x));
        buf.set_stringn(area.x.saturating_add(x), area.y, &label, room, style);
    }
    if overflow {
        let mx = area.right().saturating_sub(display_width(MORE_TABS) as u16);
        buf.set_stringn(
            mx.max(area.x),
            area.y,
            MORE_TABS,
            usize::from(area.width),
            app.theme.key,
        );
    }
}

/// The status bar: the find line while typing, a message, or key hints from the key table.
fn status(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.status);
    let width = usize::from(area.width);
    if app.overlay == Overlay::Find {
        let text = format!("/{}", app.safe(&app.find.query));
        let count = format!(
            "  {}",
            crate::text::plural::count(app.find.matches.len(), "处 match", "处 matches")
        );
        let line = Line::from(vec![
            Span::styled(text, app.theme.key),
            Span::styled(count, app.theme.status),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
        return;
    }
    let mode = app.mode();
    let (hints, help) = keymap::bar_hints(mode);
    // The tail, drawn at the right edge and never dropped: files not loaded, then help.
    let mut tail: Vec<Span<'_>> = Vec::new();
    if !app.load_errors.is_empty() && mode == keymap::Mode::Normal {
        let key = keymap::key_for(&super::action::Action::ShowLoadErrors).unwrap_or_default();
        tail.push(Span::styled(format!(" {key}"), app.theme.key));
        tail.push(Span::styled(
            format!(" {} 未载入 ", app.load_errors.len()),
            app.theme.warn,
        ));
    }
    if let Some((keys, hint)) = &help {
        tail.push(Span::styled(format!(" {keys}"), app.theme.key));
        tail.push(Span::styled(format!(" {} ", short(hint)), app.theme.status));
    }
    let tail_w: usize = tail.iter().map(|s| display_width(&s.content)).sum();
    let room = width.saturating_sub(tail_w);
    let mut spans = Vec::new();
    let mut used = 0usize;
    // A message, else the selected row in full (a table or gauge may have cut it).
    let head = app
        .message
        .as_ref()
        .map(|m| (m.clone(), app.theme.warn))
        .or_else(|| app.status_selection().map(|s| (s, app.theme.status)));
    if let Some((text, style)) = head {
        let text = format!(" {} ", app.safe(&text));
        let text = ellipsize(&text, room, app.ambiguous_wide).into_owned();
        used += display_width(&text);
        spans.push(Span::styled(text, style));
    }
    for (keys, hint) in hints {
        let piece = format!(" {keys} {} ", short(hint));
        let w = display_width(&piece);
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys}"), app.theme.key));
        spans.push(Span::styled(format!(" {} ", short(hint)), app.theme.status));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    let tail_x = area.right().saturating_sub(tail_w as u16).max(area.x);
    buf.set_line(tail_x, area.y, &Line::from(tail), area.width);
}

/// The Chinese half of a hint, for the status bar.
fn short(hint: &str) -> &str {
    hint.split(' ').next().unwrap_or(hint)
}

/// The list of files that could not be loaded, one line each, scrollable.
fn load_errors(app: &App, body: Rect, buf: &mut Buffer) {
    let area = load_errors_area(body);
    clear_popup(area, buf);
    let n = app.load_errors.len();
    let close: Vec<String> = keymap::hints(keymap::Mode::Help, true)
        .into_iter()
        .map(|(keys, hint)| format!("{keys} {}", short(hint)))
        .collect();
    let head = format!("{n} 个文件未载入 files not loaded - {}", close.join(" "));
    let inner = layout::inner(area);
    let scroll = app.help.scroll.min(load_errors_max_scroll(app, body));
    let rows = usize::from(inner.height);
    let mut frame = block(app, title(app, &head, area.width));
    if n > rows {
        frame = frame.title_bottom(
            Line::from(Span::styled(
                format!(" {}-{}/{n} ", scroll + 1, (scroll + rows).min(n)),
                app.theme.dim,
            ))
            .right_aligned(),
        );
    }
    frame.render(area, buf);
    for (row, line) in app.load_errors.iter().skip(scroll).take(rows).enumerate() {
        let text = ellipsize(
            &app.safe(line),
            usize::from(inner.width),
            app.ambiguous_wide,
        )
        .into_owned();
        buf.set_stringn(
            inner.x,
            inner.y + row as u16,
            &text,
            usize::from(inner.width),
            app.theme.text,
        );
    }
}

/// The region picker overlay: the region tree (province → prefecture → county → zone) with
/// article counts, filtered by what is typed as the search box reads it.
fn picker(app: &App, body: Rect, buf: &mut Buffer) {
    let area = layout::picker(body);
    clear_popup(area, buf);
    let order = app.picker_order();
    let head = format!(
        "地区树 regions ({}/{}) > {}",
        order.len(),
        app.tree.nodes.len(),
        app.safe(&app.picker.query)
    );
    block(app, title(app, &head, area.width)).render(area, buf);
    let (first, rows) = app.picker_window();
    // Only the visible rows are formatted: a corpus may have thousands of regions.
    let items: Vec<String> = order
        .iter()
        .skip(first)
        .take(rows)
        .filter_map(|&n| {
            let node = app.tree.nodes.get(n)?;
            // A place with articles of its own is marked; the others only group.
            let own = if node.region.is_some() { "•" } else { " " };
            let own = if app.ambiguous_wide && own == "•" {
                "*"
            } else {
                own
            };
            Some(format!(
                "{}{own} {} ({})",
                "  ".repeat(node.depth),
                app.safe(&node.name),
                node.count
            ))
        })
        .collect();
    marked_list(
        app,
        layout::inner(area),
        &items,
        app.picker.selected.saturating_sub(first),
        buf,
    );
    if order.is_empty() {
        let inner = layout::inner(area);
        buf.set_stringn(
            inner.x,
            inner.y,
            "没有匹配的地区 no region matches",
            usize::from(inner.width),
            app.theme.dim,
        );
    }
}

/// Where the terminal cursor belongs (the search query or the find line), if anywhere.
pub fn cursor(app: &App, area: Rect) -> Option<ratatui::layout::Position> {
    if layout::too_small(area) {
        return None;
    }
    let frame = layout::frame(area);
    match app.overlay {
        Overlay::Search => Some(search::cursor(app, frame.body)),
        Overlay::Find => {
            let w = 1 + display_width(&app.safe(&app.find.query));
            let x = frame
                .status
                .x
                .saturating_add(w as u16)
                .min(frame.status.right().saturating_sub(1));
            Some(ratatui::layout::Position::new(x, frame.status.y))
        }
        _ => None,
    }
}

/// Bars in ASCII for terminals that draw block elements two cells wide.
pub(crate) const ASCII_BARS: ratatui::symbols::bar::Set = ratatui::symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "=",
    five_eighths: "=",
    half: "-",
    three_eighths: "-",
    one_quarter: "_",
    one_eighth: "_",
    empty: " ",
};

/// Draws `items` (already terminal-safe) one per row in `area`, scrolled so `selected` is
/// visible, the selected row marked with `>` and the selection style.
pub(crate) fn marked_list(
    app: &App,
    area: Rect,
    items: &[String],
    selected: usize,
    buf: &mut Buffer,
) {
    let h = usize::from(area.height);
    let first = selected.saturating_sub(h.saturating_sub(1));
    for (row, (i, item)) in items.iter().enumerate().skip(first).take(h).enumerate() {
        let is_selected = i == selected;
        let marker = if is_selected { "> " } else { "  " };
        let style = if is_selected {
            app.theme.selected
        } else {
            app.theme.text
        };
        let text = format!("{marker}{item}");
        let shown = ellipsize(&text, usize::from(area.width), app.ambiguous_wide);
        buf.set_stringn(
            area.x,
            area.y + row as u16,
            &shown,
            usize::from(area.width),
            style,
        );
    }
}

/// A table column wide enough for `header` and the widest of `cells`, within `min..=max`.
pub(crate) fn column_width<'a>(
    header: &str,
    cells: impl Iterator<Item = &'a str>,
    min: u16,
    max: u16,
) -> u16 {
    let widest = cells
        .map(display_width)
        .chain(std::iter::once(display_width(header)))
        .max();
    (widest.unwrap_or(0).min(usize::from(max)) as u16).max(min)
}
