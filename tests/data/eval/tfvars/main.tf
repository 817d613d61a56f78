variable "action" {
  type = string
}

resource "alicloud_ram_policy" "admin" {
  policy_name     = "admin"
  policy_document = <<-EOT
    {
      "Version": "1",
      "Statement": [{"Effect": "Allow", "Action": "${var.action}", "Resource": "*"}]
    }
  EOT
}
