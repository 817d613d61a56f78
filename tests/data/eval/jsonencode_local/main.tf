locals {
  admin_statement = {
    Effect   = "Allow"
    Action   = "*"
    Resource = "*"
  }
  statements = [local.admin_statement]
}

resource "alicloud_ram_policy" "admin" {
  policy_name     = "admin"
  policy_document = jsonencode({ Version = "1", Statement = local.statements })
}
