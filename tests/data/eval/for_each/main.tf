locals {
  policies = {
    readonly = "ecs:Describe*"
    admin    = "*"
  }
}

resource "alicloud_ram_policy" "p" {
  for_each    = local.policies
  policy_name = "policy-${each.key}"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = [each.value], Resource = "*" }]
  })
}

resource "alicloud_ram_user" "u" {
  count = 2
  name  = "user-${count.index}"
}
