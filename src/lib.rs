//! acslint: a fast, offline static analyzer for Alibaba Cloud RAM policies and Terraform.
//!
//! Pipeline: [`discover`] → parse ([`json`], [`tf`]) → model ([`value`], [`tf::model`]) →
//! [`engine`] (rules from [`rules`], built-in [`checks`]) → [`report`].

pub mod baseline;
pub mod checks;
pub mod cli;
pub mod config;
pub mod discover;
pub mod engine;
pub mod eval;
pub mod finding;
pub mod fix;
pub mod gitindex;
pub mod init;
pub mod json;
pub mod lint;
pub mod lsp;
pub mod policy;
pub mod redact;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod tf;
pub mod util;
pub mod value;
