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
