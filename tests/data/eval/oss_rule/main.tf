variable "acl" {}

resource "alicloud_oss_bucket" "versioned" {
  bucket = "logs-versioned"
  versioning {
    status = "Enabled"
  }
}

resource "alicloud_oss_bucket" "by_reference" {
  bucket = "by-reference"
}

resource "alicloud_oss_bucket_versioning" "ref" {
  bucket = alicloud_oss_bucket.by_reference.id
  status = "Enabled"
}

resource "alicloud_oss_bucket" "by_name" {
  bucket = "by-name"
}

resource "alicloud_oss_bucket_versioning" "name" {
  bucket = "by-name"
  status = "Enabled"
}

resource "alicloud_oss_bucket" "suspended" {
  bucket = "suspended"
  acl    = var.acl
  versioning {
    status = "Suspended"
  }
}
