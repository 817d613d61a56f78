variable "bucket" {}
variable "acl" {}

resource "alicloud_oss_bucket" "b" {
  count  = 1
  bucket = var.bucket
  acl    = var.acl
}
