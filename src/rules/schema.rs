//! JSON Schema validation of rule files (`rulesets/schema/rule.schema.json`).

use std::sync::OnceLock;

pub const RULE_SCHEMA: &str = include_str!("../../rulesets/schema/rule.schema.json");

pub struct SchemaError {
    /// JSON pointer into the rule object.
    pub pointer: String,
    pub message: String,
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(RULE_SCHEMA).expect("rule.schema.json is valid JSON");
        jsonschema::validator_for(&schema).expect("rule.schema.json is a valid schema")
    })
}

pub fn validate_rule(instance: &serde_json::Value) -> Vec<SchemaError> {
    let mut out: Vec<SchemaError> = validator()
        .iter_errors(instance)
        .map(|e| SchemaError {
            pointer: e.instance_path.to_string(),
            message: e.to_string(),
        })
        .collect();
    out.sort_by(|a, b| a.pointer.cmp(&b.pointer).then(a.message.cmp(&b.message)));
    out
}
