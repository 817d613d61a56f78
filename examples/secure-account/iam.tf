resource "alicloud_ram_group" "ops" {
  name = "ops"
}

resource "alicloud_ram_policy" "ops" {
  policy_name     = "ops-ecs-operate"
  policy_document = file("${path.module}/policies/ops.json")
}

resource "alicloud_ram_group_policy_attachment" "ops" {
  group_name  = alicloud_ram_group.ops.name
  policy_name = alicloud_ram_policy.ops.policy_name
  policy_type = "Custom"
}

resource "alicloud_ram_group_policy_attachment" "ops_read" {
  group_name  = alicloud_ram_group.ops.name
  policy_name = "AliyunECSReadOnlyAccess"
  policy_type = "System"
}

resource "alicloud_ram_user" "alice" {
  name         = "alice"
  display_name = "Alice (ops)"
}

resource "alicloud_ram_login_profile" "alice" {
  user_name               = alicloud_ram_user.alice.name
  password                = var.initial_password
  password_reset_required = true
  mfa_bind_required       = true
}

resource "alicloud_ram_group_membership" "ops" {
  group_name = alicloud_ram_group.ops.name
  user_names = [alicloud_ram_user.alice.name]
}

# A program user: one key, encrypted for the CI team, no console logon.
resource "alicloud_ram_user" "ci" {
  name = "ci-deploy"
}

resource "alicloud_ram_access_key" "ci" {
  user_name = alicloud_ram_user.ci.name
  pgp_key   = var.ci_pgp_key
}

resource "alicloud_ram_role" "partner" {
  role_name            = "partner-readonly"
  max_session_duration = 3600
  assume_role_policy_document = <<-EOT
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"RAM": ["acs:ram::190000000000001:root"]}}]}
  EOT
}

resource "alicloud_ram_role_policy_attachment" "partner" {
  role_name   = alicloud_ram_role.partner.role_name
  policy_name = "AliyunActionTrailReadOnlyAccess"
  policy_type = "System"
}

resource "alicloud_ram_security_preference" "this" {
  mfa_operation_for_login          = "mandatory"
  allow_user_to_manage_access_keys = false
  login_session_duration           = 6
  login_network_masks              = "203.0.113.0/24;198.51.100.0/24"
  max_idle_days_for_users          = 90
  max_idle_days_for_access_keys    = 90
}

resource "alicloud_ram_account_password_policy" "this" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 90
  password_reuse_prevention    = 24
  max_login_attempts           = 5
  hard_expiry                  = true
}

output "ci_access_key_id" {
  value = alicloud_ram_access_key.ci.id
}

output "ci_encrypted_secret" {
  value = alicloud_ram_access_key.ci.encrypted_secret
}
