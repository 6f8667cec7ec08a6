//! A plain table of text cells that never misleads when it is too narrow: a cell that does
//! not fit is cut at the right and ends in `…` (`..` in ASCII mode), even when right-aligned, so a figure such as
//! 1861.44 can never be shown as a plausible 1.44. Column widths come from ratatui's layout
//! solver, measured in display columns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::text::width::{display_width, ellipsize};

/// How a column's cells sit in their width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left (labels, names).
    Left,
    /// Flush right (figures).
    Right,
}

/// One column: how wide, and how its cells align.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The width constraint.
    pub width: Constraint,
    /// The alignment of the header and the cells.
    pub align: Align,
}

impl Column {
    /// A left-aligned column.
    pub const fn left(width: Constraint) -> Self {
        Self {
            width,
            align: Align::Left,
        }
    }

    /// A right-aligned column.
    pub const fn right(width: Constraint) -> Self {
        Self {
            width,
            align: Align::Right,
        }
    }
}

/// One row: its cells, the row style, and optional per-cell styles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridRow {
    /// The cell texts, already terminal-safe.
    pub cells: Vec<String>,
    /// The style of the whole row.
    pub style: Style,
    /// Styles patched over single cells: (column, style).
    pub cell_styles: Vec<(usize, Style)>,
}

impl GridRow {
    /// A row of `cells` in `style`.
    pub fn new(cells: Vec<String>, style: Style) -> Self {
        Self {
            cells,
            style,
            cell_styles: Vec::new(),
        }
    }

    /// Patches `style` over the cell in `column`.
    #[must_use]
    pub fn cell_style(mut self, column: usize, style: Style) -> Self {
        self.cell_styles.push((column, style));
        self
    }
}

/// A header row and body rows, laid out in columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid<'a> {
    columns: &'a [Column],
    header: Option<GridRow>,
    rows: &'a [GridRow],
    spacing: u16,
    ascii: bool,
}

impl<'a> Grid<'a> {
    /// A grid of `rows` in `columns`, one column of spacing.
    pub fn new(columns: &'a [Column], rows: &'a [GridRow]) -> Self {
        Self {
            columns,
            header: None,
            rows,
            spacing: 1,
            ascii: false,
        }
    }

    /// A header row drawn above the rows.
    #[must_use]
    pub fn header(mut self, header: GridRow) -> Self {
        self.header = Some(header);
        self
    }

    /// Marks cut cells with `..` instead of `…`, for ambiguous-wide terminals.
    #[must_use]
    pub fn ascii(mut self, ascii: bool) -> Self {
        self.ascii = ascii;
        self
    }

    /// Blank columns between cells.
    #[must_use]
    pub fn spacing(mut self, spacing: u16) -> Self {
        self.spacing = spacing;
        self
    }

    /// The x offset and width of each column inside `width` columns.
    pub fn column_spans(&self, width: u16) -> Vec<(u16, u16)> {
        let constraints: Vec<Constraint> = self.columns.iter().map(|c| c.width).collect();
        Layout::horizontal(constraints)
            .spacing(self.spacing)
            .split(Rect::new(0, 0, width, 1))
            .iter()
            .map(|r| (r.x, r.width))
            .collect()
    }

    fn draw_row(
        &self,
        row: &GridRow,
        spans: &[(u16, u16)],
        x0: u16,
        y: u16,
        width: u16,
        buf: &mut Buffer,
    ) {
        buf.set_style(Rect::new(x0, y, width, 1), row.style);
        for (i, ((dx, w), column)) in spans.iter().zip(self.columns).enumerate() {
            let Some(text) = row.cells.get(i) else {
                continue;
            };
            let shown = ellipsize(text, usize::from(*w), self.ascii);
            let used = display_width(&shown) as u16;
            let pad = match column.align {
                Align::Left => 0,
                Align::Right => w.saturating_sub(used),
            };
            let style = row
                .cell_styles
                .iter()
                .rev()
                .find(|(c, _)| *c == i)
                .map_or(row.style, |(_, s)| row.style.patch(*s));
            buf.set_stringn(x0 + dx + pad, y, &shown, usize::from(*w), style);
        }
    }
}

impl Widget for &Grid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let spans = self.column_spans(area.width);
        let mut y = area.y;
        if let Some(header) = &self.header {
            self.draw_row(header, &spans, area.x, y, area.width, buf);
            y += 1;
        }
        for row in self.rows {
            if y >= area.bottom() {
                break;
            }
            self.draw_row(row, &spans, area.x, y, area.width, buf);
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[[&str; 2]]) -> Vec<GridRow> {
        cells
            .iter()
            .map(|r| GridRow::new(r.iter().map(|c| (*c).to_owned()).collect(), Style::new()))
            .collect()
    }

    #[test]
    fn figures_align_right_and_labels_left() {
        let columns = [
            Column::left(Constraint::Fill(1)),
            Column::right(Constraint::Length(8)),
        ];
        let body = rows(&[["通辽市", "298"], ["谷城", "84.57"]]);
        let grid = Grid::new(&columns, &body).header(rows(&[["地区", "亿元"]]).remove(0));
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 3));
        (&grid).render(buf.area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines(["地区        亿元", "通辽市       298", "谷城       84.57"])
        );
    }

    #[test]
    fn a_figure_too_wide_is_cut_at_the_right_with_a_marker() {
        let columns = [Column::right(Constraint::Length(6))];
        let body = vec![GridRow::new(vec!["1861.44亿元".to_owned()], Style::new())];
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        (&Grid::new(&columns, &body)).render(buf.area, &mut buf);
        assert_eq!(buf, Buffer::with_lines(["1861.…"]));
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        (&Grid::new(&columns, &body).ascii(true)).render(buf.area, &mut buf);
        assert_eq!(buf, Buffer::with_lines(["1861.."]));
    }

    #[test]
    fn tiny_areas_do_not_panic() {
        let columns = [
            Column::left(Constraint::Fill(1)),
            Column::right(Constraint::Length(8)),
        ];
        let body = rows(&[["到位资金", "298"]]);
        for (w, h) in [(0, 0), (1, 1), (3, 1), (9, 2)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            (&Grid::new(&columns, &body)).render(buf.area, &mut buf);
        }
    }
}
