//! Synthetic corpus generator for benchmarks: `cargo run --release --example gen_corpus -- N OUTDIR [SEED]`.
//!
//! Writes N Terraform modules under OUTDIR (`mod-0000/` …), each a root module with variables,
//! locals, a local sub-module, outputs and a standalone policy JSON file, mixing RAM policies
//! (heredoc, `jsonencode`, `alicloud_ram_policy_document` data source), roles, OSS buckets, ECS
//! instances, RDS, security groups, ActionTrail, `count` and `for_each`. A fixed seed (default 42)
//! makes the output identical from run to run, so figures are comparable. The generator is also
//! used by the benches (see `benches/engine.rs`), which include this file as a module.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// xorshift64*: enough randomness for realistic variety, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const ACTIONS: &[&str] = &[
    "oss:GetObject",
    "oss:PutObject",
    "oss:ListObjects",
    "ecs:DescribeInstances",
    "ecs:StartInstance",
    "rds:DescribeDBInstances",
    "ram:ListUsers",
    "ram:*",
    "*",
    "kms:Decrypt",
    "log:PostLogStoreLogs",
    "actiontrail:LookupEvents",
    "vpc:DescribeVpcs",
];
const RESOURCES: &[&str] = &[
    "*",
    "acs:oss:*:*:app-bucket/*",
    "acs:ecs:*:*:instance/*",
    "acs:rds:cn-hangzhou:*:dbinstance/*",
    "acs:kms:*:*:key/*",
];
const REGIONS: &[&str] = &["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"];
const CIDRS: &[&str] = &["0.0.0.0/0", "10.0.0.0/8", "192.168.0.0/16", "172.16.1.0/24"];
const PORTS: &[&str] = &[
    "22/22",
    "3389/3389",
    "80/80",
    "443/443",
    "1/65535",
    "3306/3306",
];
const ACLS: &[&str] = &["private", "public-read", "public-read-write"];

fn statement_json(r: &mut Rng, indent: &str) -> String {
    let n = 1 + r.below(3);
    let actions: Vec<String> = (0..n).map(|_| format!("\"{}\"", r.pick(ACTIONS))).collect();
    let effect = if r.chance(85) { "Allow" } else { "Deny" };
    let mut s = String::new();
    let _ = writeln!(s, "{indent}{{");
    let _ = writeln!(s, "{indent}  \"Effect\": \"{effect}\",");
    let _ = writeln!(s, "{indent}  \"Action\": [{}],", actions.join(", "));
    let _ = write!(s, "{indent}  \"Resource\": [\"{}\"]", r.pick(RESOURCES));
    if r.chance(30) {
        let _ = write!(
            s,
            ",\n{indent}  \"Condition\": {{\"IpAddress\": {{\"acs:SourceIp\": [\"{}\"]}}}}",
            r.pick(CIDRS)
        );
    }
    let _ = write!(s, "\n{indent}}}");
    s
}

/// A standalone RAM policy document.
pub fn policy_json(r: &mut Rng) -> String {
    let n = 1 + r.below(4);
    let st: Vec<String> = (0..n).map(|_| statement_json(r, "    ")).collect();
    format!(
        "{{\n  \"Version\": \"1\",\n  \"Statement\": [\n{}\n  ]\n}}\n",
        st.join(",\n")
    )
}

fn heredoc_policy(r: &mut Rng, i: usize, out: &mut String) {
    let n = 1 + r.below(3);
    let st: Vec<String> = (0..n).map(|_| statement_json(r, "      ")).collect();
    let _ = write!(
        out,
        r#"resource "alicloud_ram_policy" "heredoc_{i}" {{
  policy_name     = "${{var.prefix}}-heredoc-{i}"
  description     = "policy written as a heredoc"
  policy_document = <<EOF
  {{
    "Version": "1",
    "Statement": [
{}
    ]
  }}
  EOF
}}

"#,
        st.join(",\n")
    );
}

fn jsonencode_policy(r: &mut Rng, i: usize, out: &mut String) {
    let a = r.pick(ACTIONS);
    let b = r.pick(ACTIONS);
    let res = r.pick(RESOURCES);
    let _ = write!(
        out,
        r#"resource "alicloud_ram_policy" "encoded_{i}" {{
  policy_name = "${{var.prefix}}-encoded-{i}"
  policy_document = jsonencode({{
    Version = "1"
    Statement = [
      {{
        Effect   = "Allow"
        Action   = ["{a}", "{b}"]
        Resource = ["{res}"]
      }},
    ]
  }})
}}

"#
    );
}

fn data_source_policy(r: &mut Rng, i: usize, out: &mut String) {
    let a = r.pick(ACTIONS);
    let res = r.pick(RESOURCES);
    let _ = write!(
        out,
        r#"data "alicloud_ram_policy_document" "doc_{i}" {{
  version = "1"
  statement {{
    effect   = "Allow"
    action   = ["{a}"]
    resource = ["{res}"]
  }}
}}

resource "alicloud_ram_policy" "from_data_{i}" {{
  policy_name     = "${{var.prefix}}-data-{i}"
  policy_document = data.alicloud_ram_policy_document.doc_{i}.document
}}

resource "alicloud_ram_role" "role_{i}" {{
  name     = "${{var.prefix}}-role-{i}"
  document = <<EOF
  {{
    "Statement": [
      {{
        "Action": "sts:AssumeRole",
        "Effect": "Allow",
        "Principal": {{ "Service": ["ecs.aliyuncs.com"] }}
      }}
    ],
    "Version": "1"
  }}
  EOF
}}

resource "alicloud_ram_role_policy_attachment" "attach_{i}" {{
  policy_name = alicloud_ram_policy.from_data_{i}.policy_name
  policy_type = "Custom"
  role_name   = alicloud_ram_role.role_{i}.name
}}

"#
    );
}

fn oss(r: &mut Rng, i: usize, out: &mut String) {
    let acl = r.pick(ACLS);
    let sse = if r.chance(60) {
        "\n  server_side_encryption_rule {\n    sse_algorithm = \"KMS\"\n  }\n"
    } else {
        ""
    };
    let logging = if r.chance(50) {
        "\n  logging {\n    target_bucket = \"${var.prefix}-logs\"\n    target_prefix = \"log/\"\n  }\n"
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"resource "alicloud_oss_bucket" "bucket_{i}" {{
  count  = var.bucket_count
  bucket = "${{var.prefix}}-bucket-{i}-${{count.index}}"
  acl    = "{acl}"
{sse}{logging}
  versioning {{
    status = "Enabled"
  }}

  tags = local.tags
}}

"#
    );
}

fn ecs(r: &mut Rng, i: usize, out: &mut String) {
    let enc = if r.chance(50) { "true" } else { "false" };
    let _ = write!(
        out,
        r#"resource "alicloud_instance" "vm_{i}" {{
  for_each             = toset(var.instance_names)
  instance_name        = "${{var.prefix}}-${{each.key}}"
  image_id             = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
  instance_type        = "ecs.g7.large"
  security_groups      = [alicloud_security_group.sg_{sg}.id]
  vswitch_id           = var.vswitch_id
  system_disk_category = "cloud_essd"
  internet_max_bandwidth_out = {bw}

  data_disks {{
    size      = 100
    category  = "cloud_essd"
    encrypted = {enc}
  }}

  tags = local.tags
}}

"#,
        bw = r.below(3) * 10,
        sg = i.min(1)
    );
}

fn sg(r: &mut Rng, i: usize, out: &mut String) {
    let cidr = r.pick(CIDRS);
    let port = r.pick(PORTS);
    let _ = write!(
        out,
        r#"resource "alicloud_security_group" "sg_{i}" {{
  name   = "${{var.prefix}}-sg-{i}"
  vpc_id = var.vpc_id
}}

resource "alicloud_security_group_rule" "ingress_{i}" {{
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "{port}"
  priority          = 1
  security_group_id = alicloud_security_group.sg_{i}.id
  cidr_ip           = "{cidr}"
}}

"#
    );
}

fn rds(r: &mut Rng, i: usize, out: &mut String) {
    let ips = r.pick(CIDRS);
    let _ = write!(
        out,
        r#"resource "alicloud_db_instance" "db_{i}" {{
  engine               = "MySQL"
  engine_version       = "8.0"
  instance_type        = "rds.mysql.s2.large"
  instance_storage     = 50
  instance_charge_type = "Postpaid"
  vswitch_id           = var.vswitch_id
  security_ips         = ["{ips}"]
  ssl_action           = "{ssl}"
  tde_status           = "{tde}"
}}

"#,
        ssl = if r.chance(50) { "Open" } else { "Close" },
        tde = if r.chance(50) { "Enabled" } else { "Disabled" },
    );
}

fn actiontrail(r: &mut Rng, i: usize, out: &mut String) {
    let _ = write!(
        out,
        r#"resource "alicloud_actiontrail_trail" "trail_{i}" {{
  trail_name         = "${{var.prefix}}-trail-{i}"
  event_rw           = "{rw}"
  oss_bucket_name    = "${{var.prefix}}-audit"
  trail_region       = "All"
  is_organization_trail = {org}
}}

"#,
        rw = r.pick(&["All", "Write", "Read"]),
        org = if r.chance(50) { "true" } else { "false" },
    );
}

fn variables(r: &mut Rng) -> String {
    let region = r.pick(REGIONS);
    format!(
        r#"variable "prefix" {{
  description = "Name prefix of every resource"
  type        = string
  default     = "bench"
}}

variable "region" {{
  type    = string
  default = "{region}"
}}

variable "bucket_count" {{
  type    = number
  default = {count}
}}

variable "instance_names" {{
  type    = list(string)
  default = ["web", "api", "worker"]
}}

variable "vpc_id" {{
  type    = string
  default = "vpc-123456"
}}

variable "vswitch_id" {{
  type    = string
  default = "vsw-123456"
}}
"#,
        count = 1 + r.below(3)
    )
}

/// The main file of a module (about 300 lines).
pub fn main_tf(r: &mut Rng) -> String {
    let mut s = String::from(
        r#"terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = ">= 1.200.0"
    }
  }
}

provider "alicloud" {
  region = var.region
}

locals {
  tags = {
    Project = var.prefix
    Owner   = "platform"
  }
}

module "sub" {
  source = "./modules/sub"
  prefix = var.prefix
}

"#,
    );
    for i in 0..2 {
        heredoc_policy(r, i, &mut s);
        jsonencode_policy(r, i, &mut s);
        oss(r, i, &mut s);
        sg(r, i, &mut s);
        ecs(r, i, &mut s);
    }
    ecs(r, 2, &mut s);
    data_source_policy(r, 0, &mut s);
    rds(r, 0, &mut s);
    rds(r, 1, &mut s);
    actiontrail(r, 0, &mut s);
    actiontrail(r, 1, &mut s);
    s
}

fn sub_tf(r: &mut Rng) -> String {
    let mut s = String::from("variable \"prefix\" {\n  type = string\n}\n\n");
    heredoc_policy(r, 9, &mut s);
    rds(r, 9, &mut s);
    s.push_str("output \"policy\" {\n  value = alicloud_ram_policy.heredoc_9.policy_name\n}\n");
    s
}

/// Write `n` modules under `out`; returns the number of files written.
pub fn generate(n: usize, out: &Path, seed: u64) -> std::io::Result<usize> {
    let mut r = Rng::new(seed);
    let mut files = 0;
    for m in 0..n {
        let dir = out.join(format!("mod-{m:04}"));
        std::fs::create_dir_all(dir.join("modules/sub"))?;
        std::fs::create_dir_all(dir.join("policies"))?;
        let writes = [
            ("main.tf", main_tf(&mut r)),
            ("variables.tf", variables(&mut r)),
            (
                "outputs.tf",
                "output \"role\" {\n  value = alicloud_ram_role.role_0.arn\n}\n".to_string(),
            ),
            ("modules/sub/main.tf", sub_tf(&mut r)),
            ("policies/app.json", policy_json(&mut r)),
        ];
        for (name, text) in writes {
            std::fs::write(dir.join(name), text)?;
            files += 1;
        }
    }
    Ok(files)
}

#[cfg(not(test))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: gen_corpus N OUTDIR [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    match generate(n, Path::new(out), seed) {
        Ok(files) => eprintln!("wrote {files} files in {n} modules under {out} (seed {seed})"),
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(1);
        }
    }
}
