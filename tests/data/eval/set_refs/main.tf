module "net" {
  source = "./net"
}

resource "alicloud_kms_key" "k" {
  description = "disk key"
}

resource "alicloud_ram_role" "fc" {
  role_name = "fc-logs"
}

resource "alicloud_vswitch" "none" {
  count      = 0
  vpc_id     = "vpc-1"
  cidr_block = "10.0.0.0/24"
}

data "alicloud_vswitches" "found" {
  name_regex = "^app"
}

resource "alicloud_instance" "web" {
  instance_type = "ecs.g7.large"
  vswitch_id    = module.net.vswitch_id
  # Set: the key's ID and ARN, the role's ARN, an element of a data source's `ids`.
  kms_key_id    = alicloud_kms_key.k.id
  key_arn       = alicloud_kms_key.k.arn
  role_arn      = alicloud_ram_role.fc.arn
  found         = data.alicloud_vswitches.found.ids[0]
  whole         = alicloud_kms_key.k
  # A list, set but maybe empty.
  found_ids     = data.alicloud_vswitches.found.ids
  # Not known to be set: an optional attribute the configuration leaves out.
  rotation      = alicloud_kms_key.k.rotation_interval
  first         = try(alicloud_vswitch.none[0].id, null)
}
