resource "alicloud_vpc" "v" {
  cidr_block = "10.0.0.0/8"
}

resource "alicloud_vswitch" "app" {
  for_each   = { a = "10.1.0.0/16" }
  vpc_id     = alicloud_vpc.v.id
  cidr_block = each.value
}

output "vswitch_id" {
  value = alicloud_vswitch.app["a"].id
}
