locals {
  obj  = { a = "x", nested = { b = "y" } }
  envs = { dev = { name = "d" }, prod = { name = "p" } }
  l1   = ["one"]
  l2   = ["two", "three"]
}

module "m" {
  source = "./m"
}

resource "alicloud_vswitch" "v" {
  count        = 2
  vswitch_name = "n${count.index}"
}

resource "alicloud_vswitch" "none" {
  count = 0
}

resource "alicloud_oss_bucket" "c" {
  count  = 2
  bucket = "c${count.index}"
}

data "alicloud_kms_keys" "k" {
  count = 1
}

resource "alicloud_oss_bucket" "b" {
  for_each = local.envs
  bucket   = each.value.name
  acl      = each.value
  tags = {
    k  = each.key
    a  = local.obj.a
    b  = local.obj.nested.b
    o  = module.m.out.v
    oo = module.m.out
  }
}

resource "alicloud_oss_bucket" "s" {
  for_each = toset(["s1", "s2"])
  bucket   = each.value
  acl      = each.key
}

resource "alicloud_vpc" "f" {
  vpc_name    = "f"
  description = lookup(local.obj, "a", "def")
  tags = {
    names = alicloud_vswitch.v[*].vswitch_name
    ids   = alicloud_vswitch.v[*].id
    zones = alicloud_vswitch.v.*.zone_id
    first = alicloud_vswitch.v.*.vswitch_name[0]
    vpcs  = alicloud_vswitch.v[*].vpc_id
    keys  = data.alicloud_kms_keys.k[*].ids
    none  = alicloud_vswitch.none[*].id
    bids  = alicloud_oss_bucket.c[*].id
    one   = local.obj[*].a
    cat   = concat(local.l1, local.l2)
    mrg   = merge(local.obj, { c = "w" })
    miss  = lookup(local.obj, "zz", local.obj.nested)
  }
}
