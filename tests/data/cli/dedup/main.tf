resource "alicloud_oss_bucket" "two" {
  count  = 2
  bucket = "two-${count.index}"
  acl    = "public-read"
}

resource "alicloud_ram_policy" "p" {
  for_each        = fileset(path.module, "policies/*.json")
  policy_name     = "p"
  policy_document = file("${path.module}/${each.value}")
}
