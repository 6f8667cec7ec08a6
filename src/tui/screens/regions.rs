//! The region picker's state and update: the region tree's rows filtered by the typed query,
//! the selection, what picking a row does; and the top bar's tabs after the path of places.

use crate::text::width::{display_width, ellipsize};
use crate::tui::app::App;
use crate::tui::layout;

/// The picker's rows for the last query.
#[derive(Debug, Default)]
pub struct PickerCache {
    /// The query and the tree nodes shown for it.
    filtered: Option<(String, std::rc::Rc<Vec<usize>>)>,
}

impl App {
    /// The region tree's nodes the picker lists: all of them, or while a query is typed
    /// those whose name matches it as the search box reads it
    /// ([`crate::search::find_in_text`]: simplified, traditional, pinyin, initials), with
    /// their ancestors and descendants.
    pub fn picker_order(&self) -> std::rc::Rc<Vec<usize>> {
        let mut cache = self.picker_cache.borrow_mut();
        let query = self.picker_query.trim().to_owned();
        if let Some((q, hits)) = &cache.filtered
            && *q == query
        {
            return std::rc::Rc::clone(hits);
        }
        let hits: std::rc::Rc<Vec<usize>> = std::rc::Rc::new(if query.is_empty() {
            (0..self.tree.nodes.len()).collect()
        } else {
            self.tree
                .filter(|n| !crate::search::find_in_text(&n.name, &query).is_empty())
        });
        cache.filtered = Some((query, std::rc::Rc::clone(&hits)));
        hits
    }

    /// The picker row showing region `region`.
    pub(crate) fn picker_row_of(&self, region: usize) -> usize {
        let node = self.tree.node_of(region);
        self.picker_order()
            .iter()
            .position(|&n| Some(n) == node)
            .unwrap_or(0)
    }

    /// The picker's visible rows: the index (into [`Self::picker_order`]) of the first one,
    /// and how many there are. The selection is on the last row at most.
    pub fn picker_window(&self) -> (usize, usize) {
        let rows =
            usize::from(layout::inner(layout::picker(layout::frame(self.viewport).body)).height);
        (self.picker.saturating_sub(rows.saturating_sub(1)), rows)
    }

    /// What picking `region` in the picker does: the right-hand compared region when the
    /// picker was opened for it, else the region tab.
    pub(crate) fn pick_region(&mut self, region: usize) {
        if std::mem::take(&mut self.compare.picking_right) {
            self.compare.right = region;
            self.compare.right_scroll = 0;
            self.compare.row = 0;
        } else {
            self.open_article(region, 0);
        }
    }
}

/// The hint drawn at the right of the tab bar when some regions do not fit.
pub(crate) const MORE_TABS: &str = " r:更多 more ";

/// The places above the current region, as the top bar shows them before its tab
/// (` 湖北省 › 襄阳市 › 谷城县 ›`); empty for a region the gazetteer did not place.
pub fn breadcrumb(app: &App) -> String {
    let Some(region) = app.regions.get(app.region) else {
        return String::new();
    };
    let up = match region.path.split_last() {
        Some((last, up)) if *last == region.name => up,
        _ => region.path.as_slice(),
    };
    if up.is_empty() {
        return String::new();
    }
    let sep = if app.ambiguous_wide { " > " } else { " › " };
    let names: Vec<String> = up.iter().map(|n| app.safe(n).into_owned()).collect();
    format!(" {}{}", names.join(sep), sep.trim_end())
}

/// Which region tabs fit in `width` columns: `(region, column, label)` for each whole tab
/// shown (a window that always includes the current region, right after the path of
/// places above it when there is one), and whether some are hidden. Shared by drawing and
/// by mouse clicks on the tab bar.
pub fn tab_layout(app: &App, width: u16) -> (Vec<(usize, u16, String)>, bool) {
    let crumb = display_width(&breadcrumb(app));
    let (placed, overflow) = tab_window(app, width.saturating_sub(crumb as u16), crumb > 0);
    let shifted = placed
        .into_iter()
        .map(|(r, x, label)| (r, x.saturating_add(crumb as u16), label))
        .collect();
    (shifted, overflow)
}

/// The tab window in `width` columns; `from_current` starts it at the current tab.
fn tab_window(app: &App, width: u16, from_current: bool) -> (Vec<(usize, u16, String)>, bool) {
    let labels: Vec<String> = app
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let n = r.articles.len();
            if i < 9 {
                format!(" {} {}({n}) ", i + 1, r.name)
            } else {
                format!(" {}({n}) ", r.name)
            }
        })
        .collect();
    let width = usize::from(width);
    let total: usize = labels.iter().map(|l| display_width(l)).sum();
    // Tabs before the current one are hidden when the window starts at it.
    let overflow = total > width || (from_current && app.region > 0);
    let room = if overflow {
        width.saturating_sub(display_width(MORE_TABS))
    } else {
        width
    };
    let current = app.region.min(labels.len().saturating_sub(1));
    let mut start = if from_current { current } else { 0 };
    while start < current {
        let w: usize = labels[start..=current]
            .iter()
            .map(|l| display_width(l))
            .sum();
        if w <= room {
            break;
        }
        start += 1;
    }
    let mut placed = Vec::new();
    let mut x = 0usize;
    for (i, label) in labels.into_iter().enumerate().skip(start) {
        let w = display_width(&label);
        if x + w > room {
            // The current tab is always shown, cut if it must be.
            if i == current && x < room {
                let cut = ellipsize(&label, room - x, app.ambiguous_wide).into_owned();
                placed.push((i, x as u16, cut));
            }
            break;
        }
        placed.push((i, x as u16, label));
        x += w;
    }
    (placed, overflow)
}
