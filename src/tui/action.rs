//! Every user intent the explorer understands, as one documented enum. Keys, the mouse, the
//! search worker and terminal resizes are all translated into an [`Action`] and applied by
//! [`super::app::App::update`]; nothing else changes the state.

use super::export::ExportFormat;
use super::state::Position;
use crate::search::Hit;

/// One thing the user (or the event loop) wants done.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Close the open overlay or input; on a secondary screen go back to the reader.
    Back,
    /// Go to the next region tab.
    NextRegion,
    /// Go to the previous region tab.
    PrevRegion,
    /// Go to the region tab with this 0-based index.
    SelectRegion(usize),
    /// Open the region picker (for more regions than the tab bar shows).
    OpenPicker,
    /// Show the next article of the current region.
    NextArticle,
    /// Show the previous article of the current region.
    PrevArticle,
    /// Scroll (or move the selection) one line down.
    ScrollDown,
    /// Scroll (or move the selection) one line up.
    ScrollUp,
    /// Scroll one page down.
    PageDown,
    /// Scroll one page up.
    PageUp,
    /// Scroll half a page down.
    HalfPageDown,
    /// Scroll half a page up.
    HalfPageUp,
    /// Jump to the top.
    Top,
    /// Jump to the bottom.
    Bottom,
    /// Show the region tabs with the article reader.
    ShowReader,
    /// Show the gauges and the metrics table beside the reader.
    ShowGauges,
    /// Compare two regions side by side.
    ShowCompare,
    /// Rank all regions on their common metrics.
    ShowOverview,
    /// Toggle between the clean text and the original with repairs marked.
    ToggleSource,
    /// Open or close the key help overlay.
    ToggleHelp,
    /// List the files that could not be loaded.
    ShowLoadErrors,
    /// Start typing a search inside the current article.
    OpenFind,
    /// Open the global fuzzy search overlay.
    OpenSearch,
    /// Type one char into the open input.
    Input(char),
    /// Delete the last char of the open input (all of it while it is selected).
    Backspace,
    /// Delete the last word of the open input: trailing spaces, then a run of letters and
    /// digits or of other characters.
    DeleteWord,
    /// Empty the open input.
    ClearInput,
    /// Confirm: run the find, jump to the search hit, pick the region, open a gauge's source.
    Submit,
    /// Go to the next in-article match.
    FindNext,
    /// Go to the previous in-article match.
    FindPrev,
    /// Compare against the next region on the right-hand side.
    NextCompareRegion,
    /// Compare against the previous region on the right-hand side.
    PrevCompareRegion,
    /// Line up the next period's figures (compare, overview): each region's latest, then
    /// every period the figures name, latest first.
    NextPeriod,
    /// Choose the right-hand compared region in the picker.
    PickCompareRegion,
    /// Compare the current region with its parent (the nearest region up its path that has
    /// articles).
    CompareWithParent,
    /// Show only regions of the next level in the overview (all, province … zone).
    NextLevelFilter,
    /// Rank only regions under the current region's parent in the overview, or all again.
    ScopeToParent,
    /// Rank by value or by percent of target in the overview.
    ToggleRankBy,
    /// Lock or unlock scrolling of the two compared texts.
    ToggleScrollLock,
    /// Scroll the right-hand compared text down (when unlocked).
    ScrollRightDown,
    /// Scroll the right-hand compared text up (when unlocked).
    ScrollRightUp,
    /// Copy the selected sentence, search hit, gauge, metric or table row to the user's
    /// clipboard (OSC 52, written by the event loop).
    Copy,
    /// Write the current view's tables to files in the working directory (by the event loop).
    Export(ExportFormat),
    /// Turn mouse capture off (so the terminal's own text selection works) or back on.
    ToggleMouse,
    /// Go back to a remembered position (region, article, screen, scroll).
    Restore(Position),
    /// The event loop carried out the pending effect; the message says how it went.
    EffectDone(String),
    /// A mouse click at this column and row (on a region tab or the article list).
    Click(u16, u16),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The search worker answered query number `generation`.
    SearchResults {
        /// Which query these hits answer; stale answers are dropped.
        generation: u64,
        /// The hits, best first.
        hits: Vec<Hit>,
    },
}
