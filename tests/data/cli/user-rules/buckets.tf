resource "alicloud_oss_bucket" "owned" {
  bucket = "owned"
  tags = {
    owner = "platform"
  }
}

resource "alicloud_oss_bucket" "orphan" {
  bucket = "orphan"
}
