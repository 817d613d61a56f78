variable "action" {}

resource "alicloud_ram_policy" "maybe" {
  policy_name = "maybe"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = var.action, Resource = "*" }]
  })
}
