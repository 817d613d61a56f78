//! `acslint policy deny-high-risk`: a RAM policy that denies every operation of the high-risk
//! API list, to attach to a suspect user, group or role while its AccessKeys are rotated.

use super::grammar::MAX_POLICY_CHARS;
use super::highrisk::{HighRiskList, Op};
use serde_json::{json, Value as J};

pub struct Options {
    /// RAM codes to keep (empty: every service of the list).
    pub services: Vec<String>,
    /// Networks the Deny does not apply to (`acs:SourceIp` CIDRs).
    pub except_source_ip: Vec<String>,
}

/// One generated policy.
#[derive(Debug)]
pub struct Policy {
    pub name: String,
    pub description: String,
    pub document: J,
}

/// Statement ids say which entries use RAM codes no official page confirms.
pub const SID_VERIFIED: &str = "DenyHighRiskApis";
pub const SID_UNVERIFIED: &str = "DenyHighRiskApisUnverifiedCodes";

fn valid_cidr(s: &str) -> bool {
    let (ip, len) = match s.split_once('/') {
        Some((ip, len)) => (ip, Some(len)),
        None => (s, None),
    };
    match ip.parse::<std::net::IpAddr>() {
        Ok(addr) => {
            let max = if addr.is_ipv4() { 32 } else { 128 };
            len.is_none_or(|l| l.parse::<u8>().is_ok_and(|n| n <= max))
        }
        Err(_) => false,
    }
}

/// The document for some operations; verified and unverified codes in separate statements.
fn document(ops: &[&Op], opts: &Options) -> J {
    let mut stmts = Vec::new();
    for (verified, sid) in [(true, SID_VERIFIED), (false, SID_UNVERIFIED)] {
        let actions: Vec<String> = ops
            .iter()
            .filter(|o| o.verified == verified)
            .map(|o| o.text())
            .collect();
        if actions.is_empty() {
            continue;
        }
        let mut s = json!({"Sid": sid, "Effect": "Deny", "Action": actions, "Resource": "*"});
        if !opts.except_source_ip.is_empty() {
            s["Condition"] = json!({"NotIpAddress": {"acs:SourceIp": opts.except_source_ip}});
        }
        stmts.push(s);
    }
    json!({"Version": "1", "Statement": stmts})
}

/// RAM counts a document's characters without whitespace (RAM013).
fn size(doc: &J) -> usize {
    serde_json::to_string(doc)
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

/// The policies: one when the list fits RAM's size limit, else as few as whole services allow.
pub fn generate(list: &HighRiskList, opts: &Options) -> Result<Vec<Policy>, String> {
    for c in &opts.except_source_ip {
        if !valid_cidr(c) {
            return Err(format!(
                "--except-source-ip `{c}`: not an IP address or CIDR block"
            ));
        }
    }
    let known: Vec<&str> = list.services.iter().map(|s| s.name.as_str()).collect();
    for s in &opts.services {
        if !known.contains(&s.as_str()) {
            return Err(format!(
                "--service `{s}` is not on the high-risk list ({})",
                known.join(", ")
            ));
        }
    }
    let ops = list.ops();
    let ops: Vec<&Op> = ops
        .iter()
        .filter(|o| opts.services.is_empty() || opts.services.contains(&o.service))
        .collect();
    // Greedy packing, a service at a time (a service is never split unless it alone is too big).
    let mut groups: Vec<Vec<&Op>> = vec![Vec::new()];
    for svc in list.services.iter().map(|s| s.name.as_str()) {
        let mine: Vec<&Op> = ops.iter().copied().filter(|o| o.service == svc).collect();
        for op in mine {
            let last = groups.last_mut().expect("one group");
            last.push(op);
            if last.len() > 1 && size(&document(last, opts)) > MAX_POLICY_CHARS {
                let op = last.pop().expect("just pushed");
                groups.push(vec![op]);
            }
        }
    }
    if groups
        .iter()
        .any(|g| size(&document(g, opts)) > MAX_POLICY_CHARS)
    {
        return Err(format!(
            "one operation with the given networks does not fit RAM's {MAX_POLICY_CHARS}-character policy limit: list fewer networks"
        ));
    }
    let n = groups.len();
    let unverified: Vec<String> = list
        .unverified()
        .into_iter()
        .filter(|s| ops.iter().any(|o| o.service == *s))
        .map(str::to_string)
        .collect();
    Ok(groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let mut description = format!(
                "Break-glass Deny of the high-risk APIs blocked for leaked AccessKeys ({} list, {}){}.",
                list.origin,
                list.date,
                if n > 1 {
                    format!(", part {} of {n}", i + 1)
                } else {
                    String::new()
                }
            );
            let mine: Vec<&String> = unverified
                .iter()
                .filter(|s| g.iter().any(|o| &o.service == *s))
                .collect();
            if !mine.is_empty() {
                description.push_str(&format!(
                    " Unverified RAM codes (a wrong code denies nothing): {}.",
                    mine.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                ));
            }
            Policy {
                name: if n > 1 {
                    format!("acslint-deny-high-risk-{}", i + 1)
                } else {
                    "acslint-deny-high-risk".to_string()
                },
                description,
                document: document(&g, opts),
            }
        })
        .collect())
}

/// A policy document as pretty JSON.
pub fn json_text(p: &Policy) -> String {
    serde_json::to_string_pretty(&p.document).unwrap_or_default() + "\n"
}

/// `alicloud_ram_policy` resources, the document in a heredoc.
pub fn hcl_text(policies: &[Policy]) -> String {
    let mut s = String::new();
    for p in policies {
        let body = json_text(p)
            .lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n");
        s.push_str(&format!(
            "resource \"alicloud_ram_policy\" \"{}\" {{\n  policy_name     = \"{}\"\n  description     = {}\n  policy_document = <<-EOT\n{body}\n  EOT\n}}\n",
            p.name.replace('-', "_"),
            p.name,
            serde_json::to_string(&p.description).unwrap_or_default()
        ));
        if !std::ptr::eq(p, policies.last().unwrap_or(p)) {
            s.push('\n');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::highrisk::builtin;

    fn opts() -> Options {
        Options {
            services: Vec::new(),
            except_source_ip: Vec::new(),
        }
    }

    #[test]
    fn the_builtin_list_fits_one_policy() {
        let p = generate(builtin(), &opts()).unwrap();
        assert_eq!(p.len(), 1);
        let st = p[0].document["Statement"].as_array().unwrap();
        assert_eq!(st.len(), 2);
        assert_eq!(st[0]["Action"][0], "ram:*");
        assert!(st[1]["Action"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| !a.as_str().unwrap().starts_with("ecs:")));
        assert!(p[0]
            .description
            .contains("ecd, pts, dbs, alidns, bss, ehpc, dms"));
        assert!(size(&p[0].document) <= MAX_POLICY_CHARS);
    }

    #[test]
    fn many_networks_split_the_policy() {
        let o = Options {
            services: Vec::new(),
            except_source_ip: (0..200).map(|i| format!("10.{i}.0.0/16")).collect(),
        };
        let p = generate(builtin(), &o).unwrap();
        assert!(p.len() > 1);
        assert!(p.iter().all(|x| size(&x.document) <= MAX_POLICY_CHARS));
        assert_eq!(p[1].name, "acslint-deny-high-risk-2");
        assert!(p[0].description.contains("part 1 of"));
        // Nothing lost, nothing twice.
        let n: usize = p
            .iter()
            .flat_map(|x| x.document["Statement"].as_array().unwrap().clone())
            .map(|s| s["Action"].as_array().unwrap().len())
            .sum();
        assert_eq!(n, builtin().ops().len());
    }

    #[test]
    fn bad_input_is_refused() {
        let o = Options {
            services: vec!["oss".into()],
            except_source_ip: Vec::new(),
        };
        assert!(generate(builtin(), &o)
            .unwrap_err()
            .contains("not on the high-risk list"));
        let o = Options {
            services: Vec::new(),
            except_source_ip: vec!["10.0.0.0/33".into()],
        };
        assert!(generate(builtin(), &o).is_err());
        assert!(valid_cidr("2001:db8::/32") && valid_cidr("192.0.2.7"));
    }
}
