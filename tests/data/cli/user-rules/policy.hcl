# Team rules built on the rule helpers `policy()` and `cidrcontains()`.
rule "ORG010" {
  name     = "policy-without-statements"
  severity = "low"
  title    = "RAM policy has no statements"
  resource = ["alicloud_ram_policy"]
  assert   = length(try(policy("policy_document").Statement, [])) > 0
  where    = "policy_document"
  message  = "policy `${self.policy_name}` grants nothing"
  docs     = "A policy without statements is a leftover; delete it."
}

rule "ORG011" {
  name     = "whitelist-outside-corporate-range"
  severity = "low"
  title    = "Database whitelist outside the corporate range"
  resource = ["alicloud_db_instance"]
  assert   = alltrue([for ip in coalesce(self.security_ips, []) : cidrcontains("10.0.0.0/8", ip)])
  where    = "security_ips"
  message  = "instance `${self.instance_name}` accepts addresses outside 10.0.0.0/8"
  docs     = "Only the corporate network may reach databases."
}
