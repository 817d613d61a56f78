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

/// The resource type of an address (`module.a.alicloud_x.y["k"].attr` → `alicloud_x`).
pub fn address_type(addr: &str) -> Option<&str> {
    // Skip `module.NAME[key].` pairs; keys may contain dots, so walk brackets.
    let mut rest = addr;
    loop {
        let r = rest.strip_prefix("data.").unwrap_or(rest);
        let Some(after) = r.strip_prefix("module.") else {
            return r.split('.').next().filter(|t| !t.is_empty());
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
