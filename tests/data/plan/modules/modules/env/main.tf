variable "name" {}

module "store" {
  source   = "../store"
  for_each = { logs = "public-read" }
  bucket   = "${var.name}-${each.key}"
  acl      = each.value
}
