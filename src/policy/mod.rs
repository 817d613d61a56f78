//! RAM policy documents: kinds and the analyzer.

use serde::Serialize;

/// The dialect of a policy document; rules differ per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// Identity policy (`alicloud_ram_policy`, standalone files).
    Identity,
    /// Role trust policy (`AssumeRolePolicyDocument`).
    Trust,
    /// OSS bucket policy.
    Bucket,
    /// KMS key or secret policy.
    Kms,
    /// SLS project policy.
    Log,
    /// Resource Directory control policy.
    Control,
    /// STS session policy.
    Session,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Identity => "identity",
            DocKind::Trust => "trust",
            DocKind::Bucket => "bucket",
            DocKind::Kms => "kms",
            DocKind::Log => "log",
            DocKind::Control => "control",
            DocKind::Session => "session",
        }
    }
    pub fn parse(s: &str) -> Option<DocKind> {
        Some(match s {
            "identity" => DocKind::Identity,
            "trust" => DocKind::Trust,
            "bucket" => DocKind::Bucket,
            "kms" => DocKind::Kms,
            "log" => DocKind::Log,
            "control" => DocKind::Control,
            "session" => DocKind::Session,
            _ => return None,
        })
    }
}

pub mod breakglass;
pub mod catalogue;
pub mod cover;
pub mod grammar;
pub mod highrisk;
pub mod model;
pub mod semantics;

use crate::checks::{DocCtx, Sink};

/// Built-in `ram-grammar`: the document's shape, element by element.
pub fn check_grammar(ctx: &DocCtx, sink: &mut Sink) {
    grammar::check(&mut model::Out { doc: ctx.doc, sink });
}

/// Built-in `ram-semantics`: what the document grants.
pub fn check_semantics(ctx: &DocCtx, sink: &mut Sink) {
    let accounts = ["RAM031", "RAM042", "RAM043", "RAM045"]
        .iter()
        .filter_map(|r| ctx.sel.option(r, "accounts"))
        .filter_map(|v| v.as_array())
        .flatten()
        .filter_map(|v| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    semantics::check(
        &mut model::Out { doc: ctx.doc, sink },
        &semantics::Options { accounts },
    );
}
