//! One file per screen: its state (a `…State` value that [`App`] holds) and its update, as
//! `impl App` blocks that [`App::update`] and its shared helpers (`move_selection`,
//! `edit_input`, `submit`, `click`, `copy_text`, `export`) call, one method per screen; and
//! the data its view draws (table rows, rankings, help geometry). Nothing here draws;
//! [`super::views`] reads what is built here, and `app` never imports `views`. Each file's
//! update tests sit beside its code, sharing the helpers of `tui/testing.rs`.
//!
//! - [`reader`]: [`FindState`](reader::FindState), the in-article find (open, type, Enter,
//!   `n`/`N`); clicks on the article list; the sentence `y` copies.
//! - [`gauges`]: [`GaugesState`](gauges::GaugesState), the selected gauge or metric, which
//!   highlights its source; Enter back to the reader; the summaries the status bar and `y`
//!   use; the article's gauge and metric tables `e` exports (reader, gauges, source).
//! - [`compare`]: [`CompareState`](compare::CompareState), two regions on canonical
//!   indicators: the right-hand region, the period, the table's rows and selection, the two
//!   texts' scroll; the table `e` exports.
//! - [`overview`]: filters, rankings and rows.
//! - [`search`]: [`SearchState`](search::SearchState), the global search's query, answers,
//!   selection and jump.
//! - [`source`]: the original line `y` copies.
//! - [`help`]: [`HelpState`](help::HelpState), opening the help and load-errors overlays,
//!   their scroll and geometry.
//! - [`regions`]: [`PickerState`](regions::PickerState), the region picker over the tree
//!   (open, type, move, Enter); the top bar's tabs and clicks on them.
//!
//! [`App`]: super::app::App
//! [`App::update`]: super::app::App::update

pub mod compare;
pub mod gauges;
pub mod help;
pub mod overview;
pub mod reader;
pub mod regions;
pub mod search;
pub mod source;
