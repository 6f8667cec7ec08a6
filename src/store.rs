//! The corpus behind one small interface, and the SQLite file that keeps it.
//!
//! [`sqlite`] owns the store file: its documented schema and version, the incremental parse
//! that writes it, and reading articles back.

pub mod sqlite;
