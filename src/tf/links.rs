//! Links between resources: does an attribute of one block designate another block?
//!
//! Terraform code names a resource by referring to it (`bucket = alicloud_oss_bucket.b.bucket`,
//! through module outputs and instance indexes) or by writing its name. A link is decided by the
//! reference itself first (the value's origin, known or not), then by equal values — including
//! the attributes Terraform knows at plan time, such as an OSS bucket's `id`, which is its name —
//! and two unknowns of the same identity are the same value. An unknown that is none of these
//! does not designate the block: otherwise one unset variable would make every rule that follows
//! links undecided for every block of the configuration.

use super::Block;
pub use crate::eval::address::{address_type, is_instance_address};
use crate::value::{Kind, Value};

/// Attributes by which blocks of another type name a block.
const IDENTITY_ATTRS: &[&str] = &[
    "id",
    "bucket",
    "name",
    "user_name",
    "role_name",
    "group_name",
    "policy_name",
    "project_name",
    "project",
    "trail_name",
    "secret_name",
    "key_id",
];

/// Resources whose `id` Terraform knows at plan time (from the provider: the id is a name or a
/// composite of names): each part lists the attributes that may hold it (current name first,
/// deprecated ones after), parts are joined with `:`.
const PLAN_IDS: &[(&str, &[&[&str]])] = &[
    ("alicloud_oss_bucket", &[&["bucket"]]),
    ("alicloud_oss_bucket_acl", &[&["bucket"]]),
    ("alicloud_oss_bucket_versioning", &[&["bucket"]]),
    ("alicloud_oss_bucket_logging", &[&["bucket"]]),
    ("alicloud_oss_bucket_policy", &[&["bucket"]]),
    ("alicloud_oss_bucket_server_side_encryption", &[&["bucket"]]),
    ("alicloud_oss_bucket_public_access_block", &[&["bucket"]]),
    ("alicloud_oss_bucket_referer", &[&["bucket"]]),
    ("alicloud_log_project", &[&["project_name", "name"]]),
    (
        "alicloud_log_store",
        &[&["project_name", "project"], &["logstore_name", "name"]],
    ),
    ("alicloud_log_alert", &[&["project_name"], &["alert_name"]]),
    ("alicloud_sls_alert", &[&["project_name"], &["alert_name"]]),
    ("alicloud_ram_role", &[&["role_name", "name"]]),
    ("alicloud_ram_group", &[&["group_name", "name"]]),
    ("alicloud_ram_policy", &[&["policy_name", "name"]]),
    ("alicloud_ram_login_profile", &[&["user_name"]]),
    ("alicloud_actiontrail_trail", &[&["trail_name", "name"]]),
    ("alicloud_kms_secret", &[&["secret_name"]]),
    ("alicloud_fc_service", &[&["name"]]),
    ("alicloud_alidns_domain", &[&["domain_name"]]),
    ("alicloud_cdn_domain_new", &[&["domain_name"]]),
    ("alicloud_ots_instance", &[&["name"]]),
];

/// The value of a resource's `id` when Terraform knows it at plan time (it may still be unknown:
/// the bucket name itself may come from an unknown, and then the id is that same unknown).
pub fn plan_id(rtype: &str, value: &Value) -> Option<Value> {
    let parts = PLAN_IDS
        .iter()
        .find(|(t, _)| *t == super::successor(rtype))?
        .1;
    let mut vals = Vec::with_capacity(parts.len());
    for alts in parts {
        let v = alts
            .iter()
            .find_map(|a| value.get(a).filter(|v| !v.is_null()))?;
        vals.push(v);
    }
    if let [one] = vals[..] {
        return Some(one.clone());
    }
    let mut out = Vec::with_capacity(vals.len());
    for v in &vals {
        match &v.kind {
            Kind::String(s) => out.push(s.clone()),
            Kind::Number(_) | Kind::Bool(_) => out.push(v.to_string()),
            Kind::Unknown(u) => {
                return Some(Value::new(Kind::Unknown(u.clone()), v.loc));
            }
            _ => return None,
        }
    }
    Some(Value::string(out.join(":"), None))
}

/// Does `addr` (an origin or a reference) point into the block at `block_addr`?
fn points_into(addr: &str, block_addr: &str) -> bool {
    match addr.strip_prefix(block_addr) {
        // `alicloud_x.y.attr`, or the block itself; an index into a block whose instances are
        // not known (its address has no key) is one of them.
        Some(rest) => {
            rest.is_empty()
                || rest.starts_with('.')
                || (rest.starts_with('[') && !block_addr.ends_with(']'))
        }
        None => false,
    }
}

/// The address of the block a reference or origin reads from, if it is a resource or data source.
fn is_block_reference(r: &str) -> bool {
    address_type(r).is_some_and(|t| t.contains('_'))
        && !r.starts_with("var.")
        && !r.starts_with("local.")
}

/// The values by which other blocks name `target`: its identity attributes and plan-time id.
pub fn identities(target: &Block) -> Vec<Value> {
    let mut out: Vec<Value> = IDENTITY_ATTRS
        .iter()
        .filter_map(|a| target.value.get(a))
        .filter(|v| !v.is_null())
        .cloned()
        .collect();
    if target.value.get("id").is_none() {
        if let Some(id) = plan_id(&target.rtype, &target.value) {
            out.push(id);
        }
    }
    out
}

/// Does `v` (an attribute of another block) designate `target`? `None` when it cannot be told.
pub fn designates(v: &Value, target: &Block) -> Option<bool> {
    // By the reference itself, known value or not.
    if let Some(o) = &v.origin {
        if points_into(o, &target.address) {
            return Some(true);
        }
    }
    let ids = identities(target);
    match &v.kind {
        Kind::Unknown(u) => {
            if let Some(r) = &u.reference {
                if points_into(r, &target.address) {
                    return Some(true);
                }
            }
            // The same unknown as one of the target's names: the same value.
            if ids
                .iter()
                .any(|i| i.as_unknown().is_some_and(|x| x.same(u)))
            {
                return Some(true);
            }
            Some(false)
        }
        Kind::String(s) => {
            let mut undecided = false;
            for i in &ids {
                match &i.kind {
                    Kind::String(x) if x == s => return Some(true),
                    // A name the user leaves open (an unset variable) may be this one; a name
                    // computed from another resource (a random suffix) is not a literal.
                    Kind::Unknown(u) if !u.reference.as_deref().is_some_and(is_block_reference) => {
                        undecided = true;
                    }
                    _ => {}
                }
            }
            if undecided {
                None
            } else {
                Some(false)
            }
        }
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_types() {
        assert_eq!(
            address_type("alicloud_oss_bucket.b.bucket"),
            Some("alicloud_oss_bucket")
        );
        assert_eq!(
            address_type("module.a[\"x.y\"].module.b.alicloud_oss_bucket.b[0].id"),
            Some("alicloud_oss_bucket")
        );
        assert_eq!(address_type("data.alicloud_x.y.id"), Some("alicloud_x"));
        assert_eq!(address_type("var.x"), Some("var"));
        assert!(is_instance_address("module.a.alicloud_x.y[\"k\"]"));
        assert!(is_instance_address("alicloud_x.y"));
        assert!(!is_instance_address("alicloud_x.y.tags"));
        assert!(!is_instance_address("alicloud_x.y[0].tags"));
    }

    #[test]
    fn pointing_into_blocks() {
        assert!(points_into(
            "alicloud_oss_bucket.b.bucket",
            "alicloud_oss_bucket.b"
        ));
        assert!(points_into(
            "alicloud_oss_bucket.b",
            "alicloud_oss_bucket.b"
        ));
        assert!(!points_into(
            "alicloud_oss_bucket.b2.id",
            "alicloud_oss_bucket.b"
        ));
        assert!(points_into(
            "alicloud_oss_bucket.b[0].id",
            "alicloud_oss_bucket.b"
        ));
        assert!(!points_into(
            "alicloud_oss_bucket.b[1].id",
            "alicloud_oss_bucket.b[0]"
        ));
        assert!(points_into(
            "alicloud_oss_bucket.b[0].id",
            "alicloud_oss_bucket.b[0]"
        ));
    }

    #[test]
    fn composite_plan_ids() {
        let v = Value::object(
            vec![
                crate::value::Entry {
                    key: "project".into(),
                    key_loc: None,
                    value: Value::string("p", None),
                },
                crate::value::Entry {
                    key: "name".into(),
                    key_loc: None,
                    value: Value::string("s", None),
                },
            ],
            None,
        );
        assert_eq!(
            plan_id("alicloud_log_store", &v).and_then(|v| v.as_str().map(String::from)),
            Some("p:s".to_string())
        );
        assert!(plan_id("alicloud_kms_key", &v).is_none());
    }
}
