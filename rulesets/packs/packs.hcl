# Rule packs: named sets of rules, selectable like codes (`--select mlps-level-3`,
# `pack = ["cis"]`). A pack's rules are the union of what its members name:
#   select     = codes, prefixes, rule names or other packs
#   reference  = rules citing that reference (`cis`, `cspm`)
#   tags       = rules carrying one of these tags
#   default    = true: the rules on by default
#   infraguard = InfraGuard packs (rulesets/peers/infraguard-packs.txt): every rule whose
#                `equivalents` names one of their rules
#   severity   = severities the pack raises or lowers when it is selected
# Pages: docs/packs/<name>.md (`acslint rules --pack-docs docs/packs`).

pack "all" {
  title       = "Every rule"
  description = "Every rule acslint has, including those off by default (opinions, facts, cost and availability hygiene)."
  select      = ["ALL"]
}

pack "recommended" {
  title       = "Recommended (the default set)"
  description = <<-EOT
    The high-signal, low-noise set acslint runs when nothing is selected. A rule is on by default
    when all of these hold: it reports a security weakness (exposure, a missing control, a grant
    too wide, a secret) or is a diagnostic of the analysis itself; the code decides it (what only
    the live account knows is never guessed, and unknown values are silent); the fix is right for
    almost every account (no organisation-specific choice such as deletion protection, a
    customer-managed key everywhere or tags); and it raises no false positive on the corpus of
    public Terraform projects the rules are tested on. Its few info rules are facts a reviewer
    wants to see (an AccessKey's blast radius, a redundant statement), which do not fail a run at
    the default `--fail-on low`. Rules that fail a criterion carry `enabled = false` and their
    page says so: select them by code, by pack (`cis`, `mlps-level-3`, …) or with `all`.
  EOT
  default     = true
}

pack "cspm" {
  title       = "Security Center CSPM"
  description = "The rules citing a check of Security Center's Cloud Security Posture Management catalogue."
  reference   = "cspm"
}

pack "leak-response" {
  title       = "AccessKey leak response"
  description = "What matters once an AccessKey may have leaked: secrets in files, high-risk grants and the blast radius of each principal (IAM030, reported at high in this pack)."
  tags        = ["leak-response"]
  severity    = { IAM030 = "high" }
}

pack "mlps-level-2" {
  title       = "MLPS 2.0 level 2 pre-check (等保二级)"
  description = "China's Multi-Level Protection Scheme, level 2: the acslint rules equivalent to InfraGuard's MLPS level 2 pre-check pack."
  infraguard  = ["mlps-level-2-pre-check-compliance-pack"]
}

pack "mlps-level-3" {
  title       = "MLPS 2.0 level 3 pre-check (等保三级)"
  description = "China's Multi-Level Protection Scheme, level 3: the acslint rules equivalent to InfraGuard's MLPS level 3 pre-check pack."
  infraguard  = ["mlps-level-3-pre-check-compliance-pack"]
}

pack "iso-27001" {
  title       = "ISO/IEC 27001"
  description = "The acslint rules equivalent to InfraGuard's ISO 27001 security management compliance pack."
  infraguard  = ["iso-27001-compliance"]
}

pack "nist-800-53" {
  title       = "NIST SP 800-53"
  description = "The acslint rules equivalent to InfraGuard's NIST 800-53 compliance pack."
  infraguard  = ["nist800-53-compliance"]
}

pack "pci-dss" {
  title       = "PCI DSS"
  description = "The acslint rules equivalent to InfraGuard's PCI-DSS data security standard pack."
  infraguard  = ["pci-dss-compliance"]
}

pack "soc2" {
  title       = "SOC 2"
  description = "The acslint rules equivalent to InfraGuard's SOC 2 audit compliance pack."
  infraguard  = ["soc2-audit-compliance"]
}

pack "security-group" {
  title       = "Security group best practice"
  description = "The acslint rules equivalent to InfraGuard's security-group best practice packs (both versions)."
  infraguard  = ["security-group-best-practice", "security-group-best-practice-v2"]
}

pack "public-access" {
  title       = "Public access detection"
  description = "The acslint rules equivalent to InfraGuard's resource public access detection pack: what the internet can reach."
  infraguard  = ["resource-public-access-detection-best-practice"]
}
