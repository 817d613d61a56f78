//! Expression evaluation.

pub mod rules;
