resource "alicloud_ram_user" "ops" {
  name = "ops"
