//! zhaoshang: a terminal explorer for Chinese investment-attraction (招商引资) reports.
//!
//! Data flows one way:
//!
//! ```text
//! bytes ──decode──▶ text ──clean──▶ clean lines ──extract──▶ Article ──▶ store (SQLite, JSON)
//!                                                              │
//!                         search index ◀───────────────────────┤
//!                         text layout (width, wrap) ◀──────────┤
//!                         tui (App, update(Action), views) ◀───┘
//! ```
//!
//! - [`corpus`]: the data model and the parsing pipeline (decode, clean, extract, load).
//!   It never imports ratatui, so it can be tested and benchmarked alone.
//! - [`text`]: the display-width contract: width, sanitising untrusted text, CJK wrapping.
//! - [`search`]: the global fuzzy index over titles, regions, sentences and metric labels,
//!   matching simplified, traditional and pinyin queries.
//! - [`tui`]: the explorer itself: state, actions, key table, views and widgets.
//! - [`store`]: the corpus behind one small interface, in memory or in a SQLite store file
//!   (schema, incremental parse, lazy reading); the explorer and the commands read through it.
//! - [`report`]: tables (gauges, metrics, comparison, overview) as text, CSV or JSON.
//! - [`config`]: the optional config file and how flags override it.
//! - [`cli`]: the command-line definition.

pub mod cli;
pub mod config;
pub mod corpus;
pub mod report;
pub mod search;
pub mod store;
pub mod synth;
pub mod text;
pub mod tui;
