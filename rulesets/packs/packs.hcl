# Rule packs: named sets of rules, selectable like codes (`--select mlps-level-3`,
# `pack = ["cis"]`). A pack's rules are the union of what its members name:
#   select     = codes, prefixes, rule names or other packs
#   reference  = rules citing that reference (`cis`, `cspm`)
#   tags       = rules carrying one of these tags
#   default    = true: the rules not switched off (`enabled = false`), with
#   min_severity = only those at this severity or above (the `recommended` criterion)
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
    The high-signal, low-noise set acslint runs when nothing is selected. Its criterion is this
    pack's data, applied to every built-in rule:

    1. the rule is not switched off (`enabled = false` in its rule file). Rules are switched off
       when they are hygiene or an organisation's choice rather than a weakness (deletion
       protection, a customer-managed key everywhere, tag immutability, stack policies), when
       they need account context the code does not carry (which services an account uses,
       how long its logs must be kept), or when they raised false positives on the corpus of
       public Terraform projects the rules are tested on;
    2. and it reports at `medium` or above (`min_severity`): exposure, grants too wide,
       secrets, missing encryption, TLS, MFA or audit. Low findings (missing logging,
       hygiene) and info facts are left to `all`, the compliance packs and `--select`;
    3. or it is a diagnostic of the analysis itself (`TF`: files that could not be parsed or
       read, modules not analysed, suppressions without a reason, expired or unused), which
       says whether the other rules saw everything.

    A rule outside the set says so on its page ("Off by default"); select it by code, by pack
    (`cis`, `mlps-level-3`, …) or with `all`.
  EOT
  default      = true
  min_severity = "medium"
  select       = ["TF"]
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
