rule "ORG002" {
  name     = "Not Kebab"
  severity = "low"
  title    = "A rule with a bad name"
  resource = ["alicloud_oss_bucket"]
  assert   = true
  message  = "never shown"
  docs     = "A rule file with a schema error on line 2."
}
