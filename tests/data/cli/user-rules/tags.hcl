# A team rule: every bucket carries an `owner` tag.
rule "ORG001" {
  name     = "bucket-owner-tag"
  severity = "low"
  title    = "Bucket has no owner tag"
  resource = ["alicloud_oss_bucket"]
  assert   = try(self.tags.owner != "", false)
  where    = "tags"
  message  = "bucket `${self.bucket}` has no `owner` tag"
  help     = "add `tags = { owner = \"team-name\" }`"
  docs     = "Every bucket names the team that owns it, so findings reach someone."
}
