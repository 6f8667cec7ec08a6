//! Reusable widgets, each with buffer tests: the target gauge.

pub mod gauge;
