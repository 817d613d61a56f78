provider "alicloud" {
  region = "cn-hangzhou"
}

module "env" {
  source   = "./modules/env"
  for_each = toset(["prod"])
  name     = each.key
}
