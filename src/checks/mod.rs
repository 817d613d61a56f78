//! Built-in checks written in Rust. Each is named by rule files (`check = builtin("name")`)
//! and emits findings for the rule codes that name it; wording comes from the rule files.

pub use crate::finding::Sink;
use crate::rules::Selection;
use crate::source::{SourceFile, SourceMap};
use crate::tf::{Block, Configuration, Document};

pub mod attr;
pub mod audit;
pub mod blast;
pub mod iam;
pub mod ram;
pub mod secrets;

pub struct FileCtx<'a> {
    pub file: &'a SourceFile,
    pub sel: &'a Selection,
}

pub struct DocCtx<'a> {
    pub doc: &'a Document,
    pub sel: &'a Selection,
}

pub struct BlockCtx<'a> {
    pub block: &'a Block,
    pub config: &'a Configuration,
    pub sources: &'a SourceMap,
    pub sel: &'a Selection,
}

/// A root module with its module tree ([`Configuration::root`]), what configuration-scope rules
/// judge; nothing else scanned with it is in view.
pub struct ConfigCtx<'a> {
    pub config: &'a Configuration,
    pub sources: &'a SourceMap,
    pub sel: &'a Selection,
}

#[derive(Clone, Copy)]
pub enum Builtin {
    File(fn(&FileCtx, &mut Sink)),
    Document(fn(&DocCtx, &mut Sink)),
    Block(fn(&BlockCtx, &mut Sink)),
    Configuration(fn(&ConfigCtx, &mut Sink)),
}

/// Every built-in check by name.
pub const BUILTINS: &[(&str, Builtin)] = &[
    // Front-end diagnostics (parse errors, unreadable files) are emitted while reading; the rules
    // that name this check only carry their metadata.
    ("front-end", Builtin::File(|_, _| {})),
    ("ram-grammar", Builtin::Document(ram::check_grammar)),
    ("ram-semantics", Builtin::Document(ram::check_semantics)),
    (
        "provider-credentials",
        Builtin::Block(iam::provider_credentials),
    ),
    ("ram-access-key", Builtin::Block(iam::access_key)),
    ("access-key-blast-radius", Builtin::Block(blast::access_key)),
    ("output-secrets", Builtin::Block(iam::output_secrets)),
    (
        "ram-policy-attachment",
        Builtin::Block(iam::policy_attachment),
    ),
    ("ram-login-profile", Builtin::Block(iam::login_profile)),
    (
        "ram-security-preference",
        Builtin::Block(iam::security_preference),
    ),
    ("ram-password-policy", Builtin::Block(iam::password_policy)),
    ("ram-role-session", Builtin::Block(iam::role_session)),
    ("secret-scan", Builtin::File(secrets::scan)),
    (
        "actiontrail-missing",
        Builtin::Configuration(audit::actiontrail_missing),
    ),
    ("actiontrail-trail", Builtin::Block(audit::trail)),
    (
        "root-activity-alert",
        Builtin::Configuration(audit::root_activity_alert),
    ),
    ("log-audit", Builtin::Block(audit::log_audit)),
    ("vpc-flow-log", Builtin::Block(audit::vpc_flow_log)),
];

pub fn lookup(name: &str) -> Option<Builtin> {
    lookup_named(name).map(|(_, b)| b)
}

/// [`lookup`], with the check's name as the table holds it.
pub fn lookup_named(name: &str) -> Option<(&'static str, Builtin)> {
    BUILTINS.iter().find(|(n, _)| *n == name).copied()
}
