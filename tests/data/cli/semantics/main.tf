variable "class" {}

resource "alicloud_oss_bucket" "owned" {
  bucket        = "owned"
  storage_class = "IA"
  tags = {
    owner = "platform"
  }
}

resource "alicloud_oss_bucket" "untagged" {
  bucket = "untagged"
  tags = {
    team = "data"
  }
}

resource "alicloud_oss_bucket" "open_class" {
  bucket        = "open-class"
  storage_class = var.class
  tags          = { owner = "data" }
}
