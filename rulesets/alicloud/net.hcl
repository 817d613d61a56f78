# Network exposure: security groups, load balancer TLS.

rule "NET001" {
  name     = "security-group-admin-port-open-to-internet"
  severity = "high"
  title    = "Security group rule opens SSH or RDP to the internet"
  resource = ["alicloud_security_group_rule"]
  # Ingress `accept` TCP rules from anywhere whose port range covers 22 or 3389. Every port
  # ("-1/-1", "1/65535", protocol `all`) is the business of NET002.
  assert = !(
    coalesce(self.type, "") == "ingress"
    && coalesce(self.policy, "accept") == "accept"
    && coalesce(self.ip_protocol, "") == "tcp"
    && !contains(["-1/-1", "1/65535"], coalesce(self.port_range, "-1/-1"))
    && contains(["0.0.0.0/0", "::/0"], coalesce(self.cidr_ip, self.ipv6_cidr_ip, ""))
    && anytrue([
      for p in [22, 3389] :
      tonumber(split("/", self.port_range)[0]) <= p && p <= tonumber(split("/", self.port_range)[1])
    ])
  )
  where   = "port_range"
  message = "ingress from `${coalesce(self.cidr_ip, self.ipv6_cidr_ip, "")}` to ports ${self.port_range} exposes SSH/RDP to the whole internet"
  help    = "restrict `cidr_ip` to your office or bastion ranges, or reach instances through a bastion host or Cloud Assistant"
  references = {
    cis  = "3.x Ensure no security groups allow ingress from 0.0.0.0/0 to port 22 or 3389"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["checkov:CKV_ALI_2", "checkov:CKV_ALI_3", "kics:public_security_group_rule_sensitive_port", "infraguard:sg-risky-ports-check"]
  docs = <<-EOT
    ## Why
    SSH (22) and RDP (3389) open to `0.0.0.0/0` are scanned and brute-forced within minutes
    of an instance coming up.

    ## How to fix
    Allow administration ports only from known ranges, or not at all (use a bastion host).

    ## Example
    ```hcl
    resource "alicloud_security_group_rule" "ssh" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "22/22"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "10.10.0.0/16"
    }
    ```
  EOT
}

rule "NET002" {
  name     = "security-group-all-ports-open-to-internet"
  severity = "high"
  title    = "Security group rule opens every port to the internet"
  resource = ["alicloud_security_group_rule"]
  assert = !(
    coalesce(self.type, "") == "ingress"
    && coalesce(self.policy, "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0"], coalesce(self.cidr_ip, self.ipv6_cidr_ip, ""))
    && (coalesce(self.ip_protocol, "") == "all" || contains(["-1/-1", "1/65535"], coalesce(self.port_range, "-1/-1")))
  )
  where   = "cidr_ip"
  message = "ingress from `${coalesce(self.cidr_ip, self.ipv6_cidr_ip)}` accepts ${self.ip_protocol} traffic on every port"
  help    = "open only the ports the service needs, to the sources that need them"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["kics:public_security_group_rule_all_ports_or_protocols", "infraguard:ecs-security-group-not-open-all-port", "infraguard:ecs-security-group-not-open-all-protocol"]
  docs = <<-EOT
    ## Why
    A rule that accepts every port (or every protocol) from anywhere exposes every service on
    the instances, including the ones nobody meant to publish.

    ## How to fix
    Replace it with rules for the specific ports, from specific ranges.

    ## Example
    ```hcl
    resource "alicloud_security_group_rule" "https" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "443/443"
      security_group_id = alicloud_security_group.web.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```
  EOT
}

rule "NET003" {
  name     = "slb-tls-policy-allows-old-tls"
  severity = "medium"
  title    = "SLB TLS cipher policy allows TLS 1.0 or 1.1"
  resource = ["alicloud_slb_tls_cipher_policy"]
  assert   = !anytrue([for v in coalesce(self.tls_versions, []) : contains(["TLSv1.0", "TLSv1.1"], v)])
  where    = "tls_versions"
  message  = "TLS cipher policy `${coalesce(self.tls_cipher_policy_name, "(unnamed)")}` still accepts TLS 1.0/1.1"
  help     = "allow only `TLSv1.2` and `TLSv1.3`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/tls-security-policies"
  }
  equivalents = ["checkov:CKV_ALI_33", "kics:slb_policy_with_insecure_tls_version_in_use", "infraguard:slb-all-listenter-tls-policy-check"]
  docs = <<-EOT
    ## Why
    TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses; compliance regimes
    such as PCI DSS forbid them.

    ## How to fix
    Keep only `TLSv1.2` and `TLSv1.3` in `tls_versions`.

    ## Example
    ```hcl
    resource "alicloud_slb_tls_cipher_policy" "modern" {
      tls_cipher_policy_name = "modern"
      tls_versions           = ["TLSv1.2", "TLSv1.3"]
      ciphers                = ["ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256"]
    }
    ```
  EOT
}
