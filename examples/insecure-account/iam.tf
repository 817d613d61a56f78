resource "alicloud_ram_user" "alice" {
  name         = "alice"
  display_name = "Alice (ops)"
}

resource "alicloud_ram_login_profile" "alice" {
  user_name = alicloud_ram_user.alice.name
  password  = var.initial_password
}

# Alice also gets keys for her scripts, twice.
resource "alicloud_ram_access_key" "alice" {
  user_name   = alicloud_ram_user.alice.name
  secret_file = "alice.key"
}

resource "alicloud_ram_access_key" "alice_new" {
  user_name = alicloud_ram_user.alice.name
}

# A key for "whoever runs Terraform".
resource "alicloud_ram_access_key" "bootstrap" {
  status = "Active"
}

resource "alicloud_ram_policy" "ops_admin" {
  policy_name     = "ops-admin"
  policy_document = file("${path.module}/policies/admin.json")
  description     = "everything, for now"
}

resource "alicloud_ram_policy" "ops_all" {
  policy_name     = "ops-all"
  policy_document = <<-EOT
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
  EOT
}

resource "alicloud_ram_user_policy_attachment" "alice_admin" {
  user_name   = alicloud_ram_user.alice.name
  policy_name = "AdministratorAccess"
  policy_type = "System"
}

resource "alicloud_ram_group" "dev" {
  name = "dev"
}

resource "alicloud_ram_group_policy_attachment" "dev_ecs" {
  group_name  = alicloud_ram_group.dev.name
  policy_name = "AliyunECSFullAccess"
  policy_type = "System"
}

resource "alicloud_ram_role" "partner" {
  role_name            = "partner-readonly"
  max_session_duration = 43200
  assume_role_policy_document = <<-EOT
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"RAM": ["acs:ram::190000000000001:root"]}}]}
  EOT
}

resource "alicloud_ram_role_policy_attachment" "partner" {
  role_name   = alicloud_ram_role.partner.role_name
  policy_name = alicloud_ram_policy.ops_all.policy_name
  policy_type = "Custom"
}

resource "alicloud_ram_security_preference" "this" {
  mfa_operation_for_login          = "adaptive"
  allow_user_to_manage_access_keys = true
  login_session_duration           = 24
}

resource "alicloud_ram_account_password_policy" "this" {
  minimum_password_length   = 8
  require_symbols           = false
  max_password_age          = 0
  password_reuse_prevention = 0
  max_login_attempts        = 0
}

output "alice_secret" {
  value = alicloud_ram_access_key.alice_new.secret
}
