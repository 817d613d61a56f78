resource "alicloud_ram_policy" "empty" {
  policy_name     = "empty"
  policy_document = jsonencode({ Version = "1", Statement = [] })
}

resource "alicloud_ram_policy" "used" {
  policy_name     = "used"
  policy_document = <<-EOT
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}
  EOT
}

resource "alicloud_db_instance" "inside" {
  instance_name = "inside"
  engine        = "MySQL"
  security_ips  = ["10.1.0.0/16", "10.2.3.4"]
}

resource "alicloud_db_instance" "outside" {
  instance_name = "outside"
  engine        = "MySQL"
  security_ips  = ["10.1.0.0/16", "192.168.0.0/24"]
}
