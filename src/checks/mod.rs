//! Built-in checks written in Rust. Each is named by rule files (`check = builtin("name")`)
//! and emits findings for the rule codes that name it; wording comes from the rule files.

use crate::engine::Selection;
use crate::finding::Emit;
use crate::source::{SourceFile, SourceMap};
use crate::tf::{Block, Configuration, Document, UnknownNote};

/// Where emits and undecided values go.
#[derive(Default)]
pub struct Sink {
    pub emits: Vec<Emit>,
    pub unknowns: Vec<UnknownNote>,
}

impl Sink {
    pub fn emit(&mut self, e: Emit) {
        self.emits.push(e);
    }
    pub fn unknown(&mut self, note: UnknownNote) {
        self.unknowns.push(note);
    }
}

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
    (
        "ram-grammar",
        Builtin::Document(crate::policy::check_grammar),
    ),
    (
        "ram-semantics",
        Builtin::Document(crate::policy::check_semantics),
    ),
];

pub fn lookup(name: &str) -> Option<Builtin> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}
