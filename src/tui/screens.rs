//! One file per screen: its state and its update, as `impl App` blocks that
//! [`super::app::App::update`] routes actions to, and the data its view draws (table rows,
//! rankings, help geometry). Nothing here draws; [`super::views`] reads what is built here,
//! and `app` never imports `views`.
//!
//! - [`reader`]: the in-article find and the sentence `y` copies.
//! - [`gauges`]: the selected gauge or metric and its summaries.
//! - [`compare`]: two regions on canonical indicators: state, rows, scrolling.
//! - [`overview`]: filters, rankings and rows.
//! - [`search`]: the global search's query, answers and jump.
//! - [`source`]: the original line `y` copies.
//! - [`help`]: the help and load-errors overlays' scroll and geometry.
//! - [`regions`]: the region picker over the tree and the top bar's tabs.

pub mod compare;
pub mod gauges;
pub mod help;
pub mod overview;
pub mod reader;
pub mod regions;
pub mod search;
pub mod source;
