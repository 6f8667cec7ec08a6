//! The region picker's state and update: the region tree's rows filtered by the typed query,
//! the selection, what typing, moving and picking do; and the top bar's tabs after the path
//! of places, with clicks on them.

use crate::text::width::{display_width, ellipsize};
use crate::tui::app::{App, Overlay, step_row};
use crate::tui::layout;

/// The region picker.
#[derive(Debug, Default)]
pub struct PickerState {
    /// The selected row.
    pub(crate) selected: usize,
    /// What is typed into the picker: regions are filtered as the search box reads a query
    /// (simplified, traditional, pinyin, initials).
    pub(crate) query: String,
    /// The last query and the tree nodes shown for it.
    filtered: std::cell::RefCell<Option<(String, std::rc::Rc<Vec<usize>>)>>,
}

impl App {
    /// The region tree's nodes the picker lists: all of them, or while a query is typed
    /// those whose name matches it as the search box reads it
    /// ([`crate::search::find_in_text`]: simplified, traditional, pinyin, initials), with
    /// their ancestors and descendants.
    pub fn picker_order(&self) -> std::rc::Rc<Vec<usize>> {
        let mut cache = self.picker.filtered.borrow_mut();
        let query = self.picker.query.trim().to_owned();
        if let Some((q, hits)) = &*cache
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
        *cache = Some((query, std::rc::Rc::clone(&hits)));
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
        (
            self.picker.selected.saturating_sub(rows.saturating_sub(1)),
            rows,
        )
    }

    /// Empties the picker's query and selects the row of region `region`.
    pub(crate) fn reset_picker(&mut self, region: usize) {
        self.picker.query.clear();
        self.picker.selected = self.picker_row_of(region);
    }

    /// Opens the picker on the current region, to choose a region tab.
    pub(crate) fn open_picker(&mut self) {
        self.compare.picking_right = false;
        self.reset_picker(self.region);
        self.overlay = Overlay::Picker;
    }

    /// Moves the picker's selection one row, within its rows.
    pub(crate) fn move_picker_selection(&mut self, down: bool) {
        self.picker.selected = step_row(self.picker.selected, down, self.picker_order().len());
    }

    /// After the query changed: selects the first region whose own name matches, not a
    /// region above it that is listed for the path (湖北省 above 谷城经济开发区); else the
    /// first region.
    pub(crate) fn picker_query_changed(&mut self) {
        let rows = self.picker_order();
        let query = self.picker.query.trim();
        let region = |n: usize| self.tree.nodes.get(n).filter(|x| x.region.is_some());
        let first = rows
            .iter()
            .position(|&n| {
                region(n).is_some_and(|x| !crate::search::find_in_text(&x.name, query).is_empty())
            })
            .or_else(|| rows.iter().position(|&n| region(n).is_some()))
            .unwrap_or(0);
        self.picker.selected = first;
    }

    /// Enter in the picker: picks the selected region; on a place without articles of its
    /// own, goes down to the first row that has some.
    pub(crate) fn submit_picker(&mut self) {
        let node = self.picker_order().get(self.picker.selected).copied();
        match node.and_then(|n| self.tree.nodes.get(n)) {
            Some(n) if n.region.is_some() => {
                let region = n.region.unwrap_or_default();
                self.overlay = Overlay::None;
                self.pick_region(region);
            }
            // A place without articles of its own: go down to the first that has.
            Some(_) => {
                let rows = self.picker_order();
                let below = rows
                    .iter()
                    .skip(self.picker.selected)
                    .position(|&n| self.tree.nodes.get(n).is_some_and(|x| x.region.is_some()));
                match below {
                    Some(step) => self.picker.selected += step,
                    None => self.message = Some("此处无文章 no articles here".to_owned()),
                }
            }
            None => self.overlay = Overlay::None,
        }
    }

    /// A click on the tab bar at `column` opens the region whose tab is there.
    pub(crate) fn click_tabs(&mut self, column: u16) {
        let (tabs, _) = tab_layout(self, self.viewport.width);
        let hit = tabs
            .iter()
            .find(|(_, x, label)| column >= *x && usize::from(column - *x) < display_width(label));
        if let Some(&(region, _, _)) = hit {
            self.open_article(region, 0);
        }
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

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::app::UNNAMED_REGION;
    use crate::tui::keymap::Mode;
    use crate::tui::testing::{app, press, typed};

    #[test]
    fn clicking_a_tab_opens_its_region() {
        let mut app = app();
        let (tabs, overflow) = crate::tui::screens::regions::tab_layout(&app, 120);
        assert!(!overflow);
        let (region, x, _) = tabs[2].clone();
        app.update(Action::Click(x + 1, 0));
        assert_eq!(app.region, region);
        app.update(Action::Click(x + 1, 5));
        assert_eq!(app.region, region, "clicks below the tabs do not switch");
        app.update(Action::Resize(50, 20));
        let (tabs, overflow) = crate::tui::screens::regions::tab_layout(&app, 50);
        assert!(overflow);
        assert!(tabs.iter().any(|t| t.0 == app.region));
    }

    #[test]
    fn picker_selects_a_region() {
        let mut app = app();
        press(&mut app, KeyCode::Char('r'));
        assert_eq!(app.mode(), Mode::Picker);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.regions[app.region].name, "通辽市",
            "the third in pinyin order"
        );
        assert_eq!(app.overlay, Overlay::None);
    }

    #[test]
    fn picker_is_sorted_by_pinyin_and_filters_as_you_type() {
        let mut app = app();
        press(&mut app, KeyCode::Char('r'));
        let names = |app: &App| -> Vec<String> {
            app.picker_order()
                .iter()
                .filter_map(|&n| app.tree.nodes[n].region)
                .map(|r| app.regions[r].name.clone())
                .collect()
        };
        assert_eq!(
            names(&app),
            ["谷城经济开发区", "田家庵区", "通辽市", UNNAMED_REGION]
        );
        // Pinyin initials, as in the search box; then traditional characters.
        typed(&mut app, "tl");
        assert_eq!(names(&app), ["通辽市"]);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!(app.regions[app.region].name, "通辽市");
        press(&mut app, KeyCode::Char('r'));
        assert!(app.picker.query.is_empty(), "a new picker starts empty");
        typed(&mut app, "田家");
        assert_eq!(names(&app), ["田家庵区"]);
        press(&mut app, KeyCode::Backspace);
        press(&mut app, KeyCode::Backspace);
        typed(&mut app, "穀城");
        assert_eq!(names(&app), ["谷城经济开发区"]);
        typed(&mut app, "qqq");
        assert!(names(&app).is_empty());
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.regions[app.region].name, "通辽市", "nothing to pick");
    }
}
