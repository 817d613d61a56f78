# Network exposure: security groups, load balancer TLS.

rule "NET001" {
  name     = "security-group-admin-port-open-to-internet"
  severity = "high"
  title    = "Security group rule opens an administration or data port to the internet"
  resource = ["alicloud_security_group_rule"]
  # One finding per sensitive port the rule's range covers, for the protocols the service
  # speaks. Every port ("-1/-1", "1/65535", protocol `all`) is NET002's finding instead.
  each = [
    { port = 20, service = "FTP data", protocols = ["tcp"] },
    { port = 21, service = "FTP", protocols = ["tcp"] },
    { port = 22, service = "SSH", protocols = ["tcp"] },
    { port = 23, service = "Telnet", protocols = ["tcp"] },
    { port = 25, service = "SMTP", protocols = ["tcp"] },
    { port = 53, service = "DNS", protocols = ["tcp", "udp"] },
    { port = 110, service = "POP3", protocols = ["tcp"] },
    { port = 135, service = "MS RPC", protocols = ["tcp", "udp"] },
    { port = 137, service = "NetBIOS name", protocols = ["tcp", "udp"] },
    { port = 138, service = "NetBIOS datagram", protocols = ["tcp", "udp"] },
    { port = 139, service = "NetBIOS session", protocols = ["tcp", "udp"] },
    { port = 161, service = "SNMP", protocols = ["udp"] },
    { port = 389, service = "LDAP", protocols = ["tcp", "udp"] },
    { port = 445, service = "SMB", protocols = ["tcp"] },
    { port = 636, service = "LDAPS", protocols = ["tcp"] },
    { port = 1433, service = "SQL Server", protocols = ["tcp"] },
    { port = 1434, service = "SQL Server browser", protocols = ["udp"] },
    { port = 1521, service = "Oracle", protocols = ["tcp"] },
    { port = 1522, service = "Oracle", protocols = ["tcp"] },
    { port = 2375, service = "Docker API", protocols = ["tcp"] },
    { port = 2376, service = "Docker API (TLS)", protocols = ["tcp"] },
    { port = 2379, service = "etcd", protocols = ["tcp"] },
    { port = 2380, service = "etcd peer", protocols = ["tcp"] },
    { port = 2382, service = "SQL Server Analysis", protocols = ["tcp"] },
    { port = 2383, service = "SQL Server Analysis", protocols = ["tcp"] },
    { port = 2483, service = "Oracle", protocols = ["tcp"] },
    { port = 2484, service = "Oracle (TLS)", protocols = ["tcp"] },
    { port = 3000, service = "Grafana / development servers", protocols = ["tcp"] },
    { port = 3020, service = "CIFS", protocols = ["tcp"] },
    { port = 3306, service = "MySQL", protocols = ["tcp"] },
    { port = 3389, service = "RDP", protocols = ["tcp", "udp"] },
    { port = 4333, service = "mSQL", protocols = ["tcp"] },
    { port = 4505, service = "SaltStack", protocols = ["tcp"] },
    { port = 4506, service = "SaltStack", protocols = ["tcp"] },
    { port = 5432, service = "PostgreSQL", protocols = ["tcp"] },
    { port = 5500, service = "VNC", protocols = ["tcp"] },
    { port = 5601, service = "Kibana", protocols = ["tcp"] },
    { port = 5900, service = "VNC", protocols = ["tcp"] },
    { port = 5985, service = "WinRM", protocols = ["tcp"] },
    { port = 5986, service = "WinRM (TLS)", protocols = ["tcp"] },
    { port = 6379, service = "Redis", protocols = ["tcp"] },
    { port = 6443, service = "Kubernetes API", protocols = ["tcp"] },
    { port = 7000, service = "Cassandra", protocols = ["tcp"] },
    { port = 7001, service = "Cassandra (TLS)", protocols = ["tcp"] },
    { port = 7199, service = "Cassandra JMX", protocols = ["tcp"] },
    { port = 8020, service = "HDFS", protocols = ["tcp"] },
    { port = 8140, service = "Puppet", protocols = ["tcp"] },
    { port = 9000, service = "Hadoop / PHP-FPM", protocols = ["tcp"] },
    { port = 9042, service = "Cassandra", protocols = ["tcp"] },
    { port = 9090, service = "Prometheus", protocols = ["tcp"] },
    { port = 9160, service = "Cassandra Thrift", protocols = ["tcp"] },
    { port = 9200, service = "Elasticsearch", protocols = ["tcp"] },
    { port = 9300, service = "Elasticsearch transport", protocols = ["tcp"] },
    { port = 10250, service = "kubelet", protocols = ["tcp"] },
    { port = 11211, service = "Memcached", protocols = ["tcp", "udp"] },
    { port = 11214, service = "Memcached (TLS)", protocols = ["tcp"] },
    { port = 11215, service = "Memcached (TLS)", protocols = ["tcp"] },
    { port = 27017, service = "MongoDB", protocols = ["tcp"] },
    { port = 27018, service = "MongoDB", protocols = ["tcp"] },
    { port = 50070, service = "HDFS NameNode UI", protocols = ["tcp"] },
    { port = 50470, service = "HDFS NameNode UI (TLS)", protocols = ["tcp"] },
    { port = 61620, service = "Cassandra OpsCenter", protocols = ["tcp"] },
    { port = 61621, service = "Cassandra OpsCenter", protocols = ["tcp"] },
  ]
  facet = "port:${each.value.port}"
  assert = !(
    try(self.type, null) == "ingress"
    && coalesce(try(self.policy, null), "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0", "0::0/0"], coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-"))
    && contains(each.value.protocols, lower(coalesce(try(self.ip_protocol, null), "-")))
    && !(tonumber(split("/", coalesce(try(self.port_range, null), "-1/-1"))[0]) <= 1 && tonumber(split("/", coalesce(try(self.port_range, null), "-1/-1"))[1]) >= 65535)
    && tonumber(split("/", self.port_range)[0]) <= each.value.port
    && each.value.port <= tonumber(split("/", self.port_range)[1])
  )
  where   = "port_range"
  message = "ingress from `${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` to ports ${self.port_range} exposes ${each.value.service} (${self.ip_protocol}/${each.value.port}) to the whole internet"
  help    = "allow the port only from known ranges (office, VPN, bastion), or reach the service through a bastion host, Cloud Assistant or a private network"
  references = {
    cis  = "3.2 Ensure that SSH access is restricted from the internet; 4.3 Ensure no security groups allow ingress from 0.0.0.0/0 to port 22; 4.4 Ensure no security groups allow ingress from 0.0.0.0/0 to port 3389"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["checkov:CKV_ALI_2#port:22", "checkov:CKV_ALI_3#port:3389", "kics:public_security_group_rule_sensitive_port", "infraguard:sg-risky-ports-check", "infraguard:ecs-security-group-risky-ports-check-with-protocol"]
  docs = <<-EOT
    ## Why
    Administration ports (SSH 22, RDP 3389, WinRM, Telnet), database and cache ports (MySQL,
    PostgreSQL, SQL Server, Oracle, Redis, MongoDB, Memcached, Elasticsearch, Cassandra) and
    cluster control planes (Docker, etcd, kubelet, Kubernetes API, SaltStack, Puppet, Hadoop)
    open to `0.0.0.0/0` or `::/0` are scanned and attacked within minutes of coming up:
    brute force, unauthenticated data stores, remote code execution. Internet exposure of data
    or administration is high on acslint's severity scale.

    Each port is a *facet* of the finding (`port:22`, `port:3306`, …, in the JSON `facet` field
    and in SARIF `properties.facet`): a range such as `3000/4000` gives one finding per
    sensitive port it covers, and `#checkov:skip=CKV_ALI_2` silences only `port:22`.

    How acslint reads a rule:
    - only `ingress` rules whose `policy` is `accept` (the default) are judged; a `drop` rule
      is never reported, and it does not cancel an `accept` rule either (acslint does not
      compute priorities across rules, so the accept rule stays reported);
    - the source is `cidr_ip = "0.0.0.0/0"` or `ipv6_cidr_ip = "::/0"`; an empty `cidr_ip` is
      not "everyone" (the API rejects it), unlike Checkov's CKV_ALI_2/3;
    - `port_range` is `from/to`; a range covering a port counts, per protocol (`udp/3389` is
      RDP, `udp/22` is not SSH); `-1/-1`, `1/65535` and `ip_protocol = "all"` are every port
      and are reported by NET002;
    - `nic_type` does not matter: in a VPC, `intranet` rules also apply to public addresses;
    - the web ports 80 and 443 are meant to be public and are not reported (KICS reports them);
    - the provider at the reference version has neither `alicloud_security_group_rules` nor
      inline `ingress` blocks on `alicloud_security_group`, so only `alicloud_security_group_rule`
      is read.

    ## How to fix
    Allow the port only from the ranges that need it, or not at all (use a bastion host,
    Cloud Assistant or a VPN).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "ssh" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "22/22"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
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
  # Every port: protocol `all`, or TCP/UDP with a range from 1 (or below) to 65535. ICMP and
  # GRE have no ports: NET004.
  assert = !(
    try(self.type, null) == "ingress"
    && coalesce(try(self.policy, null), "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0", "0::0/0"], coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-"))
    && (
      lower(coalesce(try(self.ip_protocol, null), "-")) == "all"
      || contains(["tcp", "udp"], lower(coalesce(try(self.ip_protocol, null), "-")))
      && tonumber(split("/", coalesce(try(self.port_range, null), "-1/-1"))[0]) <= 1
      && (tonumber(split("/", coalesce(try(self.port_range, null), "-1/-1"))[1]) >= 65535 || coalesce(try(self.port_range, null), "-1/-1") == "-1/-1")
    )
  )
  where   = "port_range"
  message = "ingress from `${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` accepts ${self.ip_protocol} traffic on every port"
  help    = "open only the ports the service needs, to the sources that need them"
  references = {
    cis  = "3.5 Ensure the security group are configured with fine-grained rules"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["kics:public_security_group_rule_all_ports_or_protocols", "infraguard:ecs-security-group-not-open-all-port", "infraguard:ecs-security-group-not-open-all-protocol", "infraguard:sg-public-access-check"]
  docs = <<-EOT
    ## Why
    A rule that accepts every port (or every protocol) from anywhere exposes every service on
    the instances, including the ones nobody meant to publish: high, like any internet
    exposure of administration and data.

    Every port means `ip_protocol = "all"`, or `tcp`/`udp` with `port_range` `-1/-1`, `0/65535`
    or `1/65535`, from `0.0.0.0/0` or `::/0`. ICMP and GRE have no ports: an `icmp` rule with
    `-1/-1` lets the internet ping the instances, which is NET004 (low), not this rule (KICS
    reports it here). The label sits on `port_range` (or on the block when it is unset).

    ## How to fix
    Replace it with rules for the specific ports, from specific ranges.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "all" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "1/65535"
      security_group_id = alicloud_security_group.web.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
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

rule "NET004" {
  name     = "security-group-ping-from-internet"
  severity = "low"
  title    = "Security group rule accepts ICMP or GRE from the internet"
  resource = ["alicloud_security_group_rule"]
  assert = !(
    try(self.type, null) == "ingress"
    && coalesce(try(self.policy, null), "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0", "0::0/0"], coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-"))
    && contains(["icmp", "icmpv6", "gre"], lower(coalesce(try(self.ip_protocol, null), "-")))
  )
  where   = "ip_protocol"
  message = "ingress from `${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` accepts ${self.ip_protocol}: anyone can ${lower(self.ip_protocol) == "gre" ? "open GRE tunnels to" : "ping and map"} the instances"
  help    = "accept ICMP only from your monitoring and office ranges; keep `icmp` only where path-MTU discovery needs it"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["kics:public_security_group_rule_all_ports_or_protocols"]
  docs = <<-EOT
    ## Why
    ICMP and GRE carry no ports, so a rule for them from `0.0.0.0/0` is not "every port"
    (NET002): it lets anyone ping, trace and map the instances (or send GRE). That helps
    reconnaissance but exposes no service: low, as hygiene.

    KICS reports ICMP/GRE `-1/-1` from anywhere in its all-ports query; acslint separates it so
    a ping rule is not mistaken for an open host.

    ## How to fix
    Accept ICMP only from the ranges that monitor the instances.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "ping" {
      type              = "ingress"
      ip_protocol       = "icmp"
      port_range        = "-1/-1"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_security_group_rule" "ping" {
      type              = "ingress"
      ip_protocol       = "icmp"
      port_range        = "-1/-1"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "10.0.0.0/8"
    }
    ```
  EOT
}

rule "NET003" {
  name     = "slb-tls-policy-allows-old-tls"
  severity = "medium"
  title    = "TLS policy of a load balancer allows TLS 1.0 or 1.1"
  resource = ["alicloud_slb_tls_cipher_policy", "alicloud_slb_listener", "alicloud_alb_listener", "alicloud_api_gateway_instance"]
  # Cipher policies: `tls_versions`. SLB HTTPS listeners: `tls_cipher_policy`, default
  # `tls_cipher_policy_1_0`. ALB HTTPS listeners: `security_policy_id`, no documented default.
  assert = (
    length(lookup(self, "tls_versions", [])) > 0 ? !anytrue([for v in lookup(self, "tls_versions", []) : contains(["TLSv1.0", "TLSv1.1"], v)])
    : lower(lookup(self, "protocol", "-")) == "https" ? !contains(["tls_cipher_policy_1_0", "tls_cipher_policy_1_1"], lookup(self, "tls_cipher_policy", "tls_cipher_policy_1_0"))
    : upper(lookup(self, "listener_protocol", "-")) == "HTTPS" ? (
      lookup(self, "security_policy_id", null) == null
      ? unknown("the ALB HTTPS listener sets no `security_policy_id` and the provider documents no default policy")
      : !contains(["tls_cipher_policy_1_0", "tls_cipher_policy_1_1"], lookup(self, "security_policy_id", ""))
    )
    : lookup(self, "https_policy", null) != null ? !(endswith(upper(lookup(self, "https_policy", "")), "TLS1_0") || endswith(upper(lookup(self, "https_policy", "")), "TLS1_1"))
    : true
  )
  where   = "tls_versions|tls_cipher_policy|security_policy_id|https_policy"
  message = "${length(lookup(self, "tls_versions", [])) > 0 ? "the TLS cipher policy" : lookup(self, "https_policy", null) != null ? "the API Gateway instance's HTTPS policy" : "this HTTPS listener"} still accepts TLS 1.0/1.1${lower(lookup(self, "protocol", "-")) == "https" && lookup(self, "tls_cipher_policy", null) == null ? " (`tls_cipher_policy` is unset and defaults to `tls_cipher_policy_1_0`)" : ""}"
  help    = "use `tls_cipher_policy_1_2`, `tls_cipher_policy_1_2_strict` or `tls_cipher_policy_1_2_strict_with_1_3` (custom policies: only `TLSv1.2` and `TLSv1.3`)"
  # Custom cipher policies only: a listener's fix is a policy name the user picks.
  fix = {
    safety = "unsafe"
    set    = { tls_versions = ["TLSv1.2", "TLSv1.3"] }
    when   = length(lookup(self, "tls_versions", [])) > 0
  }
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/tls-security-policies"
  }
  equivalents = ["checkov:CKV_ALI_33", "kics:slb_policy_with_insecure_tls_version_in_use", "infraguard:slb-all-listenter-tls-policy-check", "infraguard:api-gateway-group-https-policy-check"]
  docs = <<-EOT
    ## Why
    TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses; compliance regimes
    such as PCI DSS forbid them. Weak transport encryption is medium.

    Where a listener can end up with them:
    - `alicloud_slb_tls_cipher_policy` whose `tls_versions` contains `TLSv1.0` or `TLSv1.1`;
    - an `https` `alicloud_slb_listener` whose `tls_cipher_policy` is `tls_cipher_policy_1_0`
      or `_1_1`, or is unset: the provider's default is `tls_cipher_policy_1_0`;
    - an `HTTPS` `alicloud_alb_listener` with the predefined `tls_cipher_policy_1_0`/`_1_1`.
      An ALB listener without `security_policy_id` is undecided (`--show-unknown`): the provider
      docs give no default policy. A custom policy ID is followed only when it is a literal.
    - a dedicated `alicloud_api_gateway_instance` whose `https_policy` ends in `TLS1_0` or
      `TLS1_1` (e.g. `HTTPS2_TLS1_0`): every group on the instance inherits it.

    ## How to fix
    Use a TLS 1.2+ policy.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "https" {
      load_balancer_id      = alicloud_slb_load_balancer.web.id
      protocol              = "https"
      frontend_port         = 443
      backend_port          = 80
      bandwidth             = -1
      server_certificate_id = alicloud_slb_server_certificate.web.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "https" {
      load_balancer_id      = alicloud_slb_load_balancer.web.id
      protocol              = "https"
      frontend_port         = 443
      backend_port          = 80
      bandwidth             = -1
      server_certificate_id = alicloud_slb_server_certificate.web.id
      tls_cipher_policy     = "tls_cipher_policy_1_2_strict_with_1_3"
    }
    ```
  EOT
}
