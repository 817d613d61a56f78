//! RAM policy documents: the analyzer (statements, grammar problems, what a document grants).
//! It reports through a `finding::Sink` and knows nothing of the registry, selection or output;
//! `checks::ram` runs it as built-in checks. The kind of a document is `tf::DocKind`
//! (re-exported here).

pub use crate::tf::DocKind;

pub mod breakglass;
pub mod catalogue;
pub mod cover;
pub mod grammar;
pub mod highrisk;
pub mod model;
pub mod semantics;
