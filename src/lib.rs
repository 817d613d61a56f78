//! acslint: a fast, offline static analyzer for Alibaba Cloud RAM policies and Terraform.
//!
//! Pipeline: [`discover`] → parse ([`json`], [`tf`] with [`eval`]) → model ([`value`],
//! [`tf::model`]) → [`engine`] (rules from [`rules`], built-in [`checks`] over the [`policy`]
//! analyzer) → filters ([`config`], [`suppress`], [`baseline`], [`review`]) → [`report`];
//! [`lint`] runs it for [`cli`] and [`lsp`]. Imports go one way, from the drivers down to the
//! ground types ([`source`], [`finding`], …): `ARCHITECTURE.md` lists the layers and
//! `tests/architecture.rs` fails on an import that goes up a layer or around a circle.

pub mod baseline;
pub mod bytes;
pub mod checks;
pub mod cli;
pub mod config;
pub mod discover;
pub mod engine;
pub mod eval;
pub mod finding;
pub mod fix;
pub mod gitindex;
pub mod hcljson;
pub mod i18n;
pub mod init;
pub mod json;
pub mod lint;
pub mod lsp;
pub mod policy;
pub mod redact;
pub mod report;
pub mod review;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod tf;
pub mod util;
pub mod value;
