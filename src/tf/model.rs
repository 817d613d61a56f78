//! The evaluated Terraform model that rules see.

use crate::finding::Emit;
pub use crate::finding::UnknownNote;
use crate::source::{FileId, Loc};
use crate::util::HashMap;
use crate::value::Value;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

/// A `resource`, `data`, `provider` or `output` block after evaluation (one per instance for
/// `count`/`for_each`).
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// `resource`, `data`, `provider`, `output`, `variable`, `module`.
    pub kind: BlockKind,
    /// Resource type as written (`alicloud_disk`), provider name, or output name.
    /// Shared with the declaration and every instance of the block (as are `rtype`, `name` and
    /// `module`): a tree's blocks are tens of thousands of instances.
    pub written_type: Arc<str>,
    /// Resource type after deprecated names are mapped to their successors (`alicloud_ecs_disk`).
    pub rtype: Arc<str>,
    pub name: Arc<str>,
    /// Full address: `module.account.alicloud_ram_user.u["bob"]`, `provider.alicloud.eu`,
    /// `output.secret`.
    pub address: String,
    /// Module path: empty for the root, `module.account` inside a call.
    pub module: Arc<str>,
    pub file: FileId,
    /// The block header (`resource "t" "n"`), where findings on the block as a whole point.
    pub header: Loc,
    /// The whole block.
    pub loc: Loc,
    /// Attributes and nested blocks as an object; nested blocks are lists of objects under their
    /// type name. Values carry spans into `file`.
    pub value: Value,
    /// The module call this block was reached through (outermost first).
    pub call_sites: Vec<Loc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Resource,
    Data,
    Provider,
    Output,
}

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

/// A policy document found in a file or a Terraform attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub kind: DocKind,
    pub value: Value,
    pub file: FileId,
    /// The attribute (or whole file) holding the document.
    pub loc: Option<Loc>,
    /// Address of the resource it belongs to, if any.
    pub resource: Option<String>,
    /// Length of the document text as written, when known (for the size limit).
    pub text: Option<String>,
    /// For a document inside a module: the module calls that reached it.
    pub call_sites: Vec<Loc>,
}

/// One configuration: a root module with every local module it calls, evaluated.
#[derive(Clone, Debug, Default)]
pub struct Configuration {
    pub dir: PathBuf,
    /// A root module for configuration-scope rules: its directory configures a provider or a
    /// backend, or has variable files (or the configuration names it in `roots`). A directory
    /// no scanned module calls but that shows none of these signs is a reusable module linted
    /// without its callers: only its resources are judged. (A `terraform` block alone is no
    /// sign: child modules declare `required_providers`.)
    pub root: bool,
    /// The root module's files (the first one anchors configuration-scope findings).
    pub files: Vec<FileId>,
    pub blocks: Vec<Block>,
    /// Block indices by resource type (successor names), for rules and cross-resource lookups.
    pub by_type: HashMap<String, Vec<usize>>,
    /// The syntax trees of its modules' files, parsed from exactly the files' texts, kept for
    /// fixes (a fix then finds its block here instead of parsing the block's text again). Only
    /// a small run keeps them past its component (trees are ~25× their text); a configuration
    /// checked as it is evaluated has them while it is checked.
    pub syntax: HashMap<FileId, std::sync::Arc<Tree>>,
}

/// A module file's syntax tree. Its top-level structures may come from the tree of an earlier
/// text of the file, where they stood elsewhere (the language server keeps those a change did
/// not touch, rather than parse them again): each has the distance from its spans to its
/// offsets in this text, since hcl-edit does not let spans be moved. The body's own span is
/// that of the text it was parsed from (nothing reads it).
#[derive(Clone, Debug)]
pub struct Tree {
    pub body: hcl_edit::structure::Body,
    /// By top-level structure, what its spans are off by; empty when none is.
    shifts: Vec<isize>,
}

impl Tree {
    pub fn new(body: hcl_edit::structure::Body) -> Tree {
        Tree {
            body,
            shifts: Vec::new(),
        }
    }

    /// `body`, whose `i`th structure's spans are off by `shifts[i]`.
    pub(crate) fn shifted(body: hcl_edit::structure::Body, shifts: Vec<isize>) -> Tree {
        debug_assert_eq!(body.len(), shifts.len());
        match shifts.iter().all(|&s| s == 0) {
            true => Tree::new(body),
            false => Tree { body, shifts },
        }
    }

    /// What the spans of the `i`th top-level structure are off by.
    pub fn shift(&self, i: usize) -> isize {
        self.shifts.get(i).copied().unwrap_or(0)
    }

    /// The top-level structures, each with what its spans are off by.
    pub fn structures(
        &self,
    ) -> impl Iterator<Item = (&hcl_edit::structure::Structure, isize)> + '_ {
        self.body
            .iter()
            .enumerate()
            .map(|(i, s)| (s, self.shift(i)))
    }

    /// The top-level blocks, each with what its spans are off by.
    pub fn blocks(&self) -> impl Iterator<Item = (&hcl_edit::structure::Block, isize)> + '_ {
        self.structures()
            .filter_map(|(s, by)| s.as_block().map(|b| (b, by)))
    }
}

impl Block {
    /// Its type key (see [`Configuration::of_type`]), written into `key` (cleared first): the
    /// index and the engine ask it of every block.
    pub fn type_key_into(&self, key: &mut String) {
        key.clear();
        key.push_str(match self.kind {
            BlockKind::Resource => "",
            BlockKind::Data => "data.",
            BlockKind::Provider => "provider.",
            BlockKind::Output => "output",
        });
        if self.kind != BlockKind::Output {
            key.push_str(&self.rtype);
        }
    }
}

impl Configuration {
    /// The kept syntax tree of `file` (see [`Configuration::syntax`]), if any.
    pub fn syntax_of(&self, file: FileId) -> Option<&Tree> {
        self.syntax.get(&file).map(|b| &**b)
    }

    pub fn index(&mut self) {
        self.by_type.clear();
        // The key is written into one buffer and copied only for a type met first.
        let mut key = String::new();
        for (i, b) in self.blocks.iter().enumerate() {
            b.type_key_into(&mut key);
            match self.by_type.get_mut(key.as_str()) {
                Some(v) => v.push(i),
                None => {
                    self.by_type.insert(key.clone(), vec![i]);
                }
            }
        }
    }

    /// Blocks of a type key (`alicloud_oss_bucket`, `data.alicloud_x`, `provider.alicloud`,
    /// `output`).
    pub fn of_type<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a Block> + 'a {
        self.by_type
            .get(key)
            .into_iter()
            .flatten()
            .map(move |&i| &self.blocks[i])
    }
}

/// Everything the front ends produced for the rule engine.
#[derive(Default)]
pub struct Workspace {
    pub configurations: Vec<Configuration>,
    pub documents: Vec<Document>,
    /// Diagnostics of the analysis itself (parse errors, modules not analysed, limits).
    pub emits: Vec<Emit>,
    pub unknowns: Vec<UnknownNote>,
    /// Terraform plans read, with what they change (see [`crate::tf::plan`]).
    pub plans: Vec<super::plan::PlanInfo>,
    /// What the rules found in the configurations checked as soon as each was evaluated, and
    /// then freed ([`crate::tf::load_checking`]): in the order they would have had in
    /// `configurations`, after those.
    pub checked: Vec<crate::finding::Sink>,
}
