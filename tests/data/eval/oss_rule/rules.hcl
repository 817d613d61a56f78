rule "TST001" {
  name     = "test-bucket-versioning"
  severity = "medium"
  title    = "Test rule: bucket keeps versions"
  resource = ["alicloud_oss_bucket"]
  assert = anytrue([
    try(self.versioning[0].status == "Enabled", false),
    anytrue([for v in attached("alicloud_oss_bucket_versioning", "bucket") : v.status == "Enabled"]),
  ])
  where   = "versioning.status"
  message = "bucket `${self.bucket}` keeps no object versions"
  docs    = "Test rule used by tests/eval.rs only."
}

rule "TST002" {
  name     = "test-bucket-acl"
  severity = "low"
  title    = "Test rule: bucket acl is private"
  resource = ["alicloud_oss_bucket"]
  assert   = self.acl == null || self.acl == "private"
  where    = "acl"
  message  = "bucket `${self.bucket}` is `${self.acl}`"
  docs     = "Test rule used by tests/eval.rs only."
}
