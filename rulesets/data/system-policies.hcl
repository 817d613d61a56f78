# System policies (policy_type = "System") whose grants the rules know, for the blast-radius
# rule IAM030. A system policy not in this table makes that rule's result unknown, never a
# silent pass.
#
# `grants` are action patterns, as in a policy's Action. `read_only = true` keeps only the read
# operations of those patterns (names starting Describe, Get, List, Query or Check). The names
# follow the documented convention: AdministratorAccess is every action on every resource,
# Aliyun<Product>FullAccess every action of the product's RAM code, Aliyun<Product>ReadOnlyAccess
# its read actions.

source = "Alibaba Cloud RAM documentation, \"System policies\" and the system policy pages of each product (naming convention AdministratorAccess / Aliyun<Product>FullAccess / Aliyun<Product>ReadOnlyAccess); names seen in the alicloud Terraform provider examples and the project reference cspm-ram.md sections 3.10 and 5"
date   = "2026-12-01"

policy "AdministratorAccess" {
  grants = ["*"]
}
policy "ReadOnlyAccess" {
  grants    = ["*"]
  read_only = true
}

policy "AliyunRAMFullAccess" { grants = ["ram:*"] }
policy "AliyunRAMReadOnlyAccess" {
  grants    = ["ram:*"]
  read_only = true
}
policy "AliyunSTSAssumeRoleAccess" { grants = ["sts:AssumeRole"] }
policy "AliyunECSFullAccess" { grants = ["ecs:*"] }
policy "AliyunECSReadOnlyAccess" {
  grants    = ["ecs:*"]
  read_only = true
}
policy "AliyunECIFullAccess" { grants = ["eci:*"] }
policy "AliyunRDSFullAccess" { grants = ["rds:*"] }
policy "AliyunRDSReadOnlyAccess" {
  grants    = ["rds:*"]
  read_only = true
}
policy "AliyunOSSFullAccess" { grants = ["oss:*"] }
policy "AliyunOSSReadOnlyAccess" {
  grants    = ["oss:*"]
  read_only = true
}
policy "AliyunVPCFullAccess" { grants = ["vpc:*"] }
policy "AliyunVPCReadOnlyAccess" {
  grants    = ["vpc:*"]
  read_only = true
}
policy "AliyunSLBFullAccess" { grants = ["slb:*"] }
policy "AliyunKMSFullAccess" { grants = ["kms:*"] }
policy "AliyunLogFullAccess" { grants = ["log:*"] }
policy "AliyunLogReadOnlyAccess" {
  grants    = ["log:*"]
  read_only = true
}
policy "AliyunActionTrailFullAccess" { grants = ["actiontrail:*"] }
policy "AliyunCSFullAccess" { grants = ["cs:*"] }
policy "AliyunNASFullAccess" { grants = ["nas:*"] }
policy "AliyunNASReadOnlyAccess" {
  grants    = ["nas:*"]
  read_only = true
}
policy "AliyunDysmsFullAccess" { grants = ["dysms:*"] }
policy "AliyunDNSFullAccess" { grants = ["alidns:*"] }
policy "AliyunDMSFullAccess" { grants = ["dms:*"] }
policy "AliyunBSSFullAccess" { grants = ["bss:*"] }
