//! Attributes a provider always sets (`rulesets/data/computed-attributes.hcl`, embedded at build
//! time): a reference to one that the configuration does not set is unknown but set
//! ([`crate::value::Unknown::present`]), so `alicloud_vswitch.app.id != null` is true.

/// The table `build.rs` made of the HCL (checked there: a malformed table fails the build).
struct Table {
    resource: &'static [Types],
    data: &'static [Types],
}

/// One block: a type, or a prefix ending with `*` (`alicloud_*`, `*`).
struct Types {
    name: &'static str,
    set: &'static [&'static str],
    set_elements: &'static [&'static str],
}

static TABLE: Table = include!(concat!(env!("OUT_DIR"), "/computed-attributes.rs"));

impl Types {
    fn covers(&self, rtype: &str) -> bool {
        match self.name.strip_suffix('*') {
            Some(prefix) => rtype.starts_with(prefix),
            None => self.name == rtype,
        }
    }
}

fn blocks(data: bool) -> &'static [Types] {
    if data {
        TABLE.data
    } else {
        TABLE.resource
    }
}

/// Is `attr` of an existing instance of `rtype` (a data source when `data`) always set?
pub fn always_set(data: bool, rtype: &str, attr: &str) -> bool {
    blocks(data)
        .iter()
        .any(|b| b.covers(rtype) && b.set.contains(&attr))
}

/// Is `attr` a list whose elements are always set (so `attr[i]`, when it exists, is set)?
pub fn elements_set(data: bool, rtype: &str, attr: &str) -> bool {
    blocks(data)
        .iter()
        .any(|b| b.covers(rtype) && b.set_elements.contains(&attr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_knows_ids_arns_and_leaves_other_attributes_unknown() {
        assert!(always_set(false, "alicloud_vswitch", "id"));
        assert!(always_set(false, "alicloud_kms_key", "arn"));
        assert!(always_set(false, "alicloud_ram_role", "arn"));
        assert!(always_set(true, "alicloud_vswitches", "id"));
        assert!(always_set(true, "alicloud_vswitches", "ids"));
        assert!(elements_set(true, "alicloud_vswitches", "ids"));
        // Optional attributes, or lists that may hold nothing, are not known to be set.
        assert!(!always_set(false, "alicloud_kms_key", "description"));
        assert!(!always_set(false, "alicloud_vswitch", "arn"));
        assert!(!elements_set(false, "alicloud_vswitch", "ids"));
        assert!(!always_set(true, "template_file", "ids"));
    }
}
