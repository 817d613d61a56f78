//! Evaluating expression rules (`assert`, `message`) over a block.

use crate::rules::Rule;
use crate::source::Loc;
use crate::tf::{Block, Configuration};

pub enum Verdict {
    Pass,
    Fail { loc: Option<Loc>, message: String },
    Unknown { loc: Option<Loc>, reason: String },
}

pub fn assert(rule: &Rule, block: &Block, _cfg: &Configuration) -> Verdict {
    Verdict::Unknown {
        loc: Some(block.header),
        reason: format!("rule {} needs the expression evaluator", rule.id),
    }
}
