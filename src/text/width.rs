//! Display width helpers.
