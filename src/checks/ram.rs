//! The policy analyzer (`policy`) as built-in checks: its problems and facts become emits.

use super::{DocCtx, Sink};
use crate::policy::{grammar, model, semantics};

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
