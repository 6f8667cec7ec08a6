//! Command-line definition.
