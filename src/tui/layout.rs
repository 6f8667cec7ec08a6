//! Pure screen geometry, shared by drawing and by scroll clamping in `update`, so both agree
//! on how tall and wide each pane is.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this many columns the explorer shows a plain "too small" message.
pub const MIN_WIDTH: u16 = 40;
/// Below this many rows the explorer shows a plain "too small" message.
pub const MIN_HEIGHT: u16 = 10;

/// True when `area` is too small for any screen.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame every screen shares: tabs on top, status bar at the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    /// The region tabs row.
    pub tabs: Rect,
    /// Everything between tabs and status bar.
    pub body: Rect,
    /// The hints and status row.
    pub status: Rect,
}

/// Splits the whole terminal into tabs, body and status bar.
pub fn frame(area: Rect) -> Frame {
    let [tabs, body, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    Frame { tabs, body, status }
}

/// The reader screen's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderPanes {
    /// The current region's articles (zero width on narrow terminals).
    pub list: Rect,
    /// The article text.
    pub reader: Rect,
    /// A compact gauge column (zero width below 110 columns).
    pub side: Rect,
    /// One row under the panes summing up the gauges when the column does not fit (zero
    /// height otherwise).
    pub summary: Rect,
}

/// The reader screen's panes inside `body`.
pub fn reader_panes(body: Rect) -> ReaderPanes {
    let list = if body.width >= 80 { 26 } else { 0 };
    let side = if body.width >= 110 { 40 } else { 0 };
    let [panes, summary] = body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(side == 0)),
    ]));
    let [list, reader, side] = panes.layout(&Layout::horizontal([
        Constraint::Length(list),
        Constraint::Fill(1),
        Constraint::Length(side),
    ]));
    ReaderPanes {
        list,
        reader,
        side,
        summary,
    }
}

/// The gauges screen's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GaugePanes {
    /// Target gauges.
    pub gauges: Rect,
    /// The metrics table.
    pub metrics: Rect,
    /// The reader showing the selected item's source.
    pub reader: Rect,
}

/// The gauges screen's panes inside `body`: gauges over metrics on the left, reader right.
pub fn gauge_panes(body: Rect) -> GaugePanes {
    let [left, reader] = body.layout(&Layout::horizontal([
        Constraint::Percentage(55),
        Constraint::Percentage(45),
    ]));
    let [gauges, metrics] = left.layout(&Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Percentage(55),
    ]));
    GaugePanes {
        gauges,
        metrics,
        reader,
    }
}

/// The compare screen's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComparePanes {
    /// The aligned metrics table.
    pub table: Rect,
    /// The left region's text.
    pub left: Rect,
    /// The right region's text.
    pub right: Rect,
}

/// The compare screen's panes inside `body`: aligned table on top, two readers below.
pub fn compare_panes(body: Rect) -> ComparePanes {
    let [table, texts] = body.layout(&Layout::vertical([
        Constraint::Percentage(50),
        Constraint::Percentage(50),
    ]));
    let [left, right] = texts.layout(&Layout::horizontal([
        Constraint::Percentage(50),
        Constraint::Percentage(50),
    ]));
    ComparePanes { table, left, right }
}

/// Inside a bordered pane: the text area and the scrollbar column at its right.
pub fn text_and_scrollbar(pane: Rect) -> (Rect, Rect) {
    let inner = inner(pane);
    let [text, bar] = inner.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    (text, bar)
}

/// A pane without its one-cell border.
pub fn inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    }
}

/// The region picker popup inside `body`.
pub fn picker(body: Rect) -> Rect {
    centered(body, 40, 70, 30, 8)
}

/// A centred rectangle of `percent_x` × `percent_y` of `area`, at least `min_w` × `min_h`
/// where `area` allows.
pub fn centered(area: Rect, percent_x: u16, percent_y: u16, min_w: u16, min_h: u16) -> Rect {
    let w = (u32::from(area.width) * u32::from(percent_x) / 100) as u16;
    let h = (u32::from(area.height) * u32::from(percent_y) / 100) as u16;
    let w = w.max(min_w).min(area.width);
    let h = h.max(min_h).min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_rows_add_up() {
        let f = frame(Rect::new(0, 0, 120, 36));
        assert_eq!((f.tabs.height, f.body.height, f.status.height), (1, 34, 1));
        assert_eq!(f.status.y, 35);
    }

    #[test]
    fn narrow_reader_drops_side_panes() {
        let p = reader_panes(Rect::new(0, 1, 60, 18));
        assert_eq!((p.list.width, p.reader.width, p.side.width), (0, 60, 0));
        assert_eq!((p.reader.height, p.summary), (17, Rect::new(0, 18, 60, 1)));
        let p = reader_panes(Rect::new(0, 1, 120, 34));
        assert_eq!((p.list.width, p.reader.width, p.side.width), (26, 54, 40));
        assert_eq!((p.reader.height, p.summary.height), (34, 0));
    }

    #[test]
    fn geometry_never_underflows() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (20, 5)] {
            let area = Rect::new(0, 0, w, h);
            let f = frame(area);
            let _ = text_and_scrollbar(reader_panes(f.body).reader);
            let _ = gauge_panes(f.body);
            let _ = compare_panes(f.body);
            let c = centered(area, 80, 80, 50, 10);
            assert!(c.width <= w && c.height <= h);
        }
    }
}
