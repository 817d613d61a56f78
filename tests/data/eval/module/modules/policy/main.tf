variable "actions" {
  type = list(string)
}

variable "name" {
  type = string
}

resource "alicloud_ram_policy" "admin" {
  policy_name = var.name
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = var.actions, Resource = ["*"] }]
  })
}

output "policy_name" {
  value = alicloud_ram_policy.admin.policy_name
}
