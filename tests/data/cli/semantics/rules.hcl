# Rule expressions follow Terraform's semantics (see docs/writing-rules.md).

# A missing map key is an error: without try() the rule cannot decide (never a silent pass).
rule "ORG101" {
  name     = "owner-tag-strict"
  severity = "low"
  title    = "Bucket owner tag is empty"
  resource = ["alicloud_oss_bucket"]
  assert   = self.tags.owner != ""
  where    = "tags"
  message  = "bucket `${self.bucket}` has an empty `owner` tag"
  docs     = "Test rule: a missing key is an error."
}

# With try(), the missing key is the fallback.
rule "ORG102" {
  name     = "owner-tag"
  severity = "low"
  title    = "Bucket has no owner tag"
  resource = ["alicloud_oss_bucket"]
  assert   = try(self.tags.owner != "", false)
  where    = "tags"
  message  = "bucket `${self.bucket}` has no `owner` tag"
  docs     = "Test rule: try() catches a missing key."
}

# coalesce() is unknown only when an unknown argument could be chosen.
rule "ORG103" {
  name     = "storage-class"
  severity = "low"
  title    = "Bucket is not in the standard storage class"
  resource = ["alicloud_oss_bucket"]
  assert   = coalesce(self.storage_class, "Standard") == "Standard"
  where    = "storage_class"
  message  = "bucket `${self.bucket}` uses the `${self.storage_class}` storage class"
  docs     = "Test rule: coalesce with unknowns."
}
