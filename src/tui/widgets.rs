//! Reusable widgets, each with buffer tests: the target gauge and a text grid that marks
//! cut cells.

pub mod gauge;
pub mod grid;
