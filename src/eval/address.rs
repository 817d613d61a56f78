//! Terraform addresses as text (`module.a["k"].alicloud_x.y[0].attr`), read by the evaluator
//! (origins of values) and by `tf::links`.

/// Is `addr` the address of a resource instance (`module.a.alicloud_x.y["k"]`), not of one of
/// its attributes?
pub fn is_instance_address(addr: &str) -> bool {
    let Some(t) = address_type(addr) else {
        return false;
    };
    if !t.contains('_') {
        return false;
    }
    let Some(pos) = addr.rfind(&format!("{t}.")) else {
        return false;
    };
    let after = &addr[pos + t.len() + 1..];
    let name_end = after.find(['.', '[']).unwrap_or(after.len());
    let tail = &after[name_end..];
    tail.is_empty() || (tail.starts_with('[') && tail.ends_with(']') && !tail.contains("]."))
}

/// Is `addr` (an instance or one of its attributes) in a data source (`module.a.data.x.y`)?
pub fn is_data_address(addr: &str) -> bool {
    block_part(addr).is_some_and(|r| r.starts_with("data."))
}

/// The resource type of an address (`module.a.alicloud_x.y["k"].attr` → `alicloud_x`).
pub fn address_type(addr: &str) -> Option<&str> {
    let r = block_part(addr)?;
    let r = r.strip_prefix("data.").unwrap_or(r);
    r.split('.').next().filter(|t| !t.is_empty())
}

/// The address after its `module.NAME[key].` steps (`data.x.y.attr`, `alicloud_x.y[0]`).
fn block_part(addr: &str) -> Option<&str> {
    // Skip `module.NAME[key].` pairs; keys may contain dots, so walk brackets.
    let mut rest = addr;
    loop {
        let Some(after) = rest.strip_prefix("module.") else {
            return Some(rest);
        };
        // `NAME`, then an optional `[...]`, then `.`.
        let name_end = after.find(['.', '['])?;
        let mut tail = &after[name_end..];
        if tail.starts_with('[') {
            let close = tail.find(']')?;
            tail = &tail[close + 1..];
        }
        rest = tail.strip_prefix('.')?;
    }
}
