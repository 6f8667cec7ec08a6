//! CJK line wrapping.
