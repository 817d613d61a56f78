module "account" {
  source  = "./modules/policy"
  actions = ["*"]
  name    = "admin-${local.env}"
}

locals {
  env = "prod"
}

module "remote" {
  source  = "alibaba/ram/alicloud"
  version = "1.0.0"
}
