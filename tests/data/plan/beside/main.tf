provider "alicloud" {
  region     = "cn-hangzhou"
  access_key = "LTAI5tBesideFixture7Kq2"
  secret_key = var.secret_key
}

variable "secret_key" {
  sensitive = true
}

resource "alicloud_oss_bucket" "site" {
  bucket = "site"
  acl    = "public-read"
}

resource "alicloud_ram_policy" "admin" {
  policy_name = "admin"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "alicloud_ram_user" "ci" {
  name = "ci"
}

resource "alicloud_ram_access_key" "k" {
  user_name = alicloud_ram_user.ci.name
}

output "key_secret" {
  value = alicloud_ram_access_key.k.secret
}
