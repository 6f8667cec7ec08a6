//! Terminal-safe text: see module docs to come.
