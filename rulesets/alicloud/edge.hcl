# Load balancers, API Gateway, VPC flow logs, network ACLs, NAT DNAT entries, WAF, Cloud
# Firewall, CDN/DCDN. Attributes are read with lookup() so a missing one is its documented
# default.

rule "NET005" {
  name     = "lb-http-listener-without-redirect"
  severity = "medium"
  title    = "Load balancer listener serves plain HTTP without redirecting to HTTPS"
  resource = ["alicloud_slb_listener", "alicloud_alb_listener"]
  # SLB: `listener_forward = "on"` redirects to HTTPS. ALB: a rule of the listener whose
  # action is `Redirect`.
  assert = !(
    lower(lookup(self, "protocol", "-")) == "http" && lookup(self, "listener_forward", "off") != "on"
    || upper(lookup(self, "listener_protocol", "-")) == "HTTP" && !anytrue([
      for r in attached("alicloud_alb_rule", "listener_id") :
      anytrue([for a in lookup(r, "rule_actions", []) : lookup(a, "type", "-") == "Redirect"])
    ])
  )
  where   = "protocol|listener_protocol"
  message = "this listener serves plain HTTP on port ${coalesce(lookup(self, "frontend_port", null), lookup(self, "listener_port", null), "-")} and does not redirect to HTTPS"
  help    = "serve HTTPS, or redirect HTTP to HTTPS (`listener_forward = \"on\"` with `forward_port` on SLB, a `Redirect` rule on ALB)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/redirect-http-requests-to-https"
  }
  equivalents = ["kics:alb_listening_on_http", "infraguard:slb-all-listener-http-disabled", "infraguard:slb-all-listener-http-redirect-https", "infraguard:slb-listener-https-enabled"]
  docs = <<-EOT
    ## Why
    Over plain HTTP, cookies, tokens and form data cross the network in clear text and can be
    altered on the way. Missing transport encryption is medium.

    An SLB `http` listener passes with `listener_forward = "on"` (it then only redirects to
    its HTTPS `forward_port`); an ALB `HTTP` listener passes when an `alicloud_alb_rule` of it
    has a `Redirect` action. KICS reports every ALB HTTP listener, redirecting or not.

    ## How to fix
    Redirect HTTP to HTTPS, or remove the HTTP listener.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "http" {
      load_balancer_id = alicloud_slb_load_balancer.web.id
      protocol         = "http"
      frontend_port    = 80
      backend_port     = 80
      bandwidth        = -1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "http" {
      load_balancer_id = alicloud_slb_load_balancer.web.id
      protocol         = "http"
      frontend_port    = 80
      listener_forward = "on"
      forward_port     = 443
    }
    ```
  EOT
}

rule "NET006" {
  name     = "slb-listener-acl-off"
  severity = "low"
  enabled  = false
  title    = "SLB listener has no access control list"
  resource = ["alicloud_slb_listener"]
  assert   = lookup(self, "acl_status", "off") == "on"
  where    = "acl_status"
  message  = "access control is off on this listener (`acl_status` defaults to `off`): every source address reaches it"
  help     = "set `acl_status = \"on\"`, `acl_type = \"white\"` and `acl_ids` to an `alicloud_slb_acl` of the allowed ranges"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/access-control"
  }
  equivalents = ["infraguard:slb-all-listener-enabled-acl"]
  docs = <<-EOT
    ## Why
    A whitelist ACL limits who reaches a listener. Public websites are meant to be reached by
    everyone, so this is low and off unless selected (`--select NET006`): turn it on for load
    balancers that serve known clients (partners, offices, internal tools).

    ## How to fix
    Attach a whitelist.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "admin" {
      load_balancer_id = alicloud_slb_load_balancer.tools.id
      protocol         = "tcp"
      frontend_port    = 8443
      backend_port     = 8443
      bandwidth        = -1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "admin" {
      load_balancer_id = alicloud_slb_load_balancer.tools.id
      protocol         = "tcp"
      frontend_port    = 8443
      backend_port     = 8443
      bandwidth        = -1
      acl_status       = "on"
      acl_type         = "white"
      acl_ids          = [alicloud_slb_acl.offices.id]
    }
    ```
  EOT
}

rule "NET007" {
  name     = "lb-acl-allows-any-address"
  severity = "medium"
  title    = "Load balancer ACL contains 0.0.0.0/0"
  resource = ["alicloud_alb_acl_entry_attachment", "alicloud_alb_acl", "alicloud_slb_acl", "alicloud_slb_acl_entry_attachment"]
  # Entries: ALB/SLB entry attachments (`entry`), ALB `acl_entries`, SLB `entry_list`.
  each = concat(
    lookup(self, "acl_entries", []),
    lookup(self, "entry_list", []),
    lookup(self, "entry", null) == null ? [] : [{ entry = lookup(self, "entry", null) }],
  )
  assert  = !contains(["0.0.0.0/0", "0.0.0.0", "::/0"], lookup(each.value, "entry", "-"))
  where   = "entry|each.value.entry"
  message = "the ACL entry `${lookup(each.value, "entry", "-")}` matches every address: as a whitelist it restricts nothing"
  help    = "list only the ranges that need access"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/application-load-balancer/user-guide/access-control"
  }
  equivalents = ["checkov:CKV_ALI_29", "infraguard:alb-acl-public-access-check", "infraguard:slb-acl-public-access-check"]
  docs = <<-EOT
    ## Why
    An ACL used as a whitelist that contains `0.0.0.0/0` lets everyone in: the listener looks
    restricted but is not. Medium: it defeats a control rather than exposing data by itself.
    (Used as a blacklist, the entry would block everyone; that is an outage, not a risk, but
    the list is still wrong.)

    Entries are read from `alicloud_alb_acl_entry_attachment` and
    `alicloud_slb_acl_entry_attachment` (`entry`), `alicloud_alb_acl.acl_entries` and
    `alicloud_slb_acl.entry_list`; IPv6 `::/0` counts too.

    ## How to fix
    Replace the entry with the ranges that need access.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_alb_acl_entry_attachment" "any" {
      acl_id = alicloud_alb_acl.partners.id
      entry  = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_alb_acl_entry_attachment" "partner" {
      acl_id = alicloud_alb_acl.partners.id
      entry  = "203.0.113.0/24"
    }
    ```
  EOT
}

rule "NET008" {
  name     = "lb-internet-facing"
  severity = "info"
  enabled  = false
  title    = "Load balancer has a public address"
  resource = ["alicloud_slb_load_balancer", "alicloud_alb_load_balancer", "alicloud_nlb_load_balancer"]
  assert   = lower(lookup(self, "address_type", unknown("`address_type` is not set and the provider documents no default"))) != "internet"
  where    = "address_type"
  message  = "this load balancer is reachable from the internet (`address_type = ${lookup(self, "address_type", "-")}`)"
  help     = "use `intranet` for load balancers that only serve the VPC"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/product-overview/network-types"
  }
  equivalents = ["infraguard:slb-no-public-ip", "infraguard:alb-address-type-check"]
  docs = <<-EOT
    ## Why
    A fact worth reviewing rather than a defect: internet-facing load balancers are how
    public services are published. Info, off unless selected (`--select NET008`), to list the
    public entry points of a configuration in a review.

    ## How to fix
    Use `address_type = "intranet"` where the service is internal.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_load_balancer" "internal_api" {
      load_balancer_name = "internal-api"
      address_type       = "internet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_load_balancer" "internal_api" {
      load_balancer_name = "internal-api"
      address_type       = "intranet"
      vswitch_id         = alicloud_vswitch.app.id
    }
    ```
  EOT
}

rule "NET009" {
  name     = "network-deletion-protection-off"
  severity = "low"
  enabled  = false
  title    = "Load balancer, EIP or NAT gateway can be released without deletion protection"
  resource = ["alicloud_slb_load_balancer", "alicloud_alb_load_balancer", "alicloud_eip_address", "alicloud_nat_gateway"]
  # SLB `delete_protection` (on/off); ALB `deletion_protection_enabled` or
  # `deletion_protection_config`; EIP and NAT `deletion_protection` (bool).
  assert = (
    lookup(self, "payment_type", "PayAsYouGo") == "Subscription"
    || lookup(self, "delete_protection", "off") == "on"
    || lookup(self, "deletion_protection_enabled", false) == true
    || lookup(self, "deletion_protection", false) == true
    || lookup(lookup(self, "deletion_protection_config", [{}])[0], "enabled", false) == true
  )
  where   = "delete_protection|deletion_protection_enabled|deletion_protection"
  message = "this resource can be released by one API call: deletion protection is off"
  help    = "turn deletion protection on (`delete_protection = \"on\"` on SLB, `deletion_protection_enabled = true` on ALB, `deletion_protection = true` on EIPs and NAT gateways)"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_slb_load_balancer = { set = { delete_protection = "on" } }
      alicloud_alb_load_balancer = { set = { deletion_protection_enabled = true } }
      alicloud_eip_address       = { set = { deletion_protection = true } }
      alicloud_nat_gateway       = { set = { deletion_protection = true } }
    }
  }
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/enable-deletion-protection"
  }
  equivalents = ["infraguard:slb-delete-protection-enabled", "infraguard:alb-delete-protection-enabled", "infraguard:eip-delete-protection-enabled", "infraguard:natgateway-delete-protection-enabled"]
  docs = <<-EOT
    ## Why
    Deletion protection stops a mistaken or malicious call from releasing an entry point and
    its public address (which cannot be got back). It protects availability: low, off
    unless selected (`--select NET009`). Subscription resources cannot be released early and
    pass.

    ## How to fix
    Turn deletion protection on.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nat_gateway" "egress" {
      vpc_id     = alicloud_vpc.main.id
      vswitch_id = alicloud_vswitch.app.id
      nat_type   = "Enhanced"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nat_gateway" "egress" {
      vpc_id              = alicloud_vpc.main.id
      vswitch_id          = alicloud_vswitch.app.id
      nat_type            = "Enhanced"
      deletion_protection = true
    }
    ```
  EOT
}

rule "NET010" {
  name     = "lb-modification-protection-off"
  severity = "low"
  enabled  = false
  title    = "Load balancer can be changed without modification protection"
  resource = ["alicloud_slb_load_balancer", "alicloud_alb_load_balancer"]
  assert = (
    lookup(self, "modification_protection_status", "NonProtection") == "ConsoleProtection"
    || lookup(lookup(self, "modification_protection_config", [{}])[0], "status", "NonProtection") == "ConsoleProtection"
  )
  where   = "modification_protection_status|modification_protection_config"
  message = "the load balancer's configuration can be changed in the console: modification protection is off"
  help    = "set `modification_protection_status = \"ConsoleProtection\"` (SLB) or `modification_protection_config { status = \"ConsoleProtection\" }` (ALB)"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_slb_load_balancer = { set = { modification_protection_status = "ConsoleProtection" } }
      alicloud_alb_load_balancer = { block = "modification_protection_config", set = { status = "ConsoleProtection" } }
    }
  }
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/enable-configuration-read-only-mode"
  }
  equivalents = ["infraguard:slb-modify-protection-check"]
  docs = <<-EOT
    ## Why
    Modification protection keeps console users from changing a load balancer that Terraform
    manages (drift, accidental exposure). Hygiene: low, off unless selected (`--select NET010`).

    ## How to fix
    Turn console protection on.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_load_balancer" "web" {
      load_balancer_name = "web"
      address_type       = "internet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_load_balancer" "web" {
      load_balancer_name             = "web"
      address_type                   = "internet"
      modification_protection_status = "ConsoleProtection"
      modification_protection_reason = "managed by Terraform"
    }
    ```
  EOT
}

rule "NET011" {
  name     = "alb-access-log-off"
  severity = "low"
  title    = "Application load balancer keeps no access log"
  resource = ["alicloud_alb_load_balancer"]
  assert = (
    length(lookup(self, "access_log_config", [])) > 0
    || length(attached("alicloud_alb_load_balancer_access_log_config_attachment", "load_balancer_id")) > 0
  )
  message = "no access log is shipped to Log Service for this load balancer"
  help    = "add `access_log_config { log_project = … log_store = … }` (or an `alicloud_alb_load_balancer_access_log_config_attachment`)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/application-load-balancer/user-guide/enable-the-access-log-feature"
  }
  docs = <<-EOT
    ## Why
    Without access logs there is no record of who called what through the load balancer, for
    incident response or abuse reports. Missing logging is low.

    No peer rule checks ALB access logs in Terraform (InfraGuard's `slb-instance-log-enabled`
    concerns SLB, whose access logs are not configured by Terraform resources of the provider).

    ## How to fix
    Ship access logs to a Logstore.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_alb_load_balancer" "web" {
      load_balancer_name     = "web"
      address_type           = "Internet"
      vpc_id                 = alicloud_vpc.main.id
      load_balancer_edition  = "Standard"
      load_balancer_billing_config {
        pay_type = "PayAsYouGo"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_alb_load_balancer" "web" {
      load_balancer_name     = "web"
      address_type           = "Internet"
      vpc_id                 = alicloud_vpc.main.id
      load_balancer_edition  = "Standard"
      load_balancer_billing_config {
        pay_type = "PayAsYouGo"
      }
      access_log_config {
        log_project = alicloud_log_project.lb.project_name
        log_store   = alicloud_log_store.alb.logstore_name
      }
    }
    ```
  EOT
}

rule "NET012" {
  name     = "api-gateway-api-accepts-http"
  severity = "medium"
  title    = "API Gateway API accepts plain HTTP"
  resource = ["alicloud_api_gateway_api"]
  each     = lookup(self, "request_config", [])
  assert   = !contains([for p in split(",", upper(lookup(each.value, "protocol", "-"))) : trimspace(p)], "HTTP")
  where    = "each.value.protocol"
  message  = "the API accepts requests over plain HTTP (`protocol = ${lookup(each.value, "protocol", "-")}`)"
  help     = "set `protocol = \"HTTPS\"` in `request_config`"
  fix = { safety = "unsafe", block = "request_config", set = { protocol = "HTTPS" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/api-gateway/traditional-api-gateway/user-guide/create-an-api"
  }
  equivalents = ["checkov:CKV_ALI_21", "kics:api_gateway_api_protocol_not_https", "infraguard:api-gateway-api-internet-request-https"]
  docs = <<-EOT
    ## Why
    Requests over HTTP carry credentials and data in clear text. Missing transport encryption
    is medium.

    Reported for `HTTP` and for `HTTP,HTTPS` (plain HTTP is still accepted). Checkov also
    fails an API without `request_config`; the provider requires the block, so that case does
    not arise.

    ## How to fix
    Accept HTTPS only.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "APP"
      service_type = "HTTP"
      request_config {
        protocol = "HTTP"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "APP"
      service_type = "HTTP"
      request_config {
        protocol = "HTTPS"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```
  EOT
}

rule "NET013" {
  name     = "api-gateway-api-anonymous"
  severity = "medium"
  title    = "API Gateway API requires no authentication"
  resource = ["alicloud_api_gateway_api"]
  assert   = upper(lookup(self, "auth_type", "-")) != "ANONYMOUS"
  where    = "auth_type"
  message  = "anyone can call this API: `auth_type = \"ANONYMOUS\"`"
  help     = "use `auth_type = \"APP\"` (signed requests of authorised apps), or authenticate in a plugin (JWT)"
  fix = { safety = "unsafe", set = { auth_type = "APP" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/api-gateway/traditional-api-gateway/user-guide/authorize-an-app-to-call-an-api"
  }
  equivalents = ["infraguard:api-gateway-api-auth-required"]
  docs = <<-EOT
    ## Why
    An anonymous API can be called, scraped and abused by anyone who finds it, and the backend
    gets no caller identity. Missing authentication in front of a backend is medium (the
    backend may authenticate itself, which acslint cannot see).

    ## How to fix
    Require app authentication.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "ANONYMOUS"
      service_type = "MOCK"
      request_config {
        protocol = "HTTPS"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "APP"
      service_type = "MOCK"
      request_config {
        protocol = "HTTPS"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```
  EOT
}

rule "NET014" {
  name     = "vpc-flow-log-missing"
  severity = "low"
  title    = "VPC has no flow log"
  resource = ["alicloud_vpc"]
  assert   = length(attached("alicloud_vpc_flow_log", "resource_id")) > 0
  message  = "no `alicloud_vpc_flow_log` captures this VPC's traffic"
  help     = "add an `alicloud_vpc_flow_log` with `resource_type = \"VPC\"` and `resource_id` this VPC"
  references = {
    cis  = "3.3 Ensure VPC flow logging is enabled in all VPCs"
    docs = "https://www.alibabacloud.com/help/en/vpc/user-guide/flow-logs-overview"
  }
  equivalents = ["kics:vpc_flow_logs_disabled", "infraguard:vpc-flow-logs-enabled"]
  docs = <<-EOT
    ## Why
    Flow logs record accepted and rejected connections: without them there is no trace of
    lateral movement or exfiltration to investigate. Missing logging is low (CIS 3.3).

    The flow log is found by its `resource_id`, whether it refers to the VPC
    (`alicloud_vpc.main.id`, through modules too) or names its ID; KICS recognises only the
    `"$${alicloud_vpc.main.id}"` string form. A flow log managed in another configuration is
    not seen: suppress the finding there with a reason.

    ## How to fix
    Add a flow log.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }

    resource "alicloud_vpc_flow_log" "main" {
      resource_id    = alicloud_vpc.main.id
      resource_type  = "VPC"
      traffic_type   = "All"
      project_name   = alicloud_log_project.net.project_name
      log_store_name = alicloud_log_store.flows.logstore_name
    }
    ```
  EOT
}

rule "NET015" {
  name     = "network-acl-admin-port-open-to-internet"
  severity = "medium"
  title    = "Network ACL accepts administration or data ports from the internet"
  resource = ["alicloud_network_acl"]
  each     = lookup(self, "ingress_acl_entries", [])
  assert = !(
    lookup(each.value, "policy", "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0"], lookup(each.value, "source_cidr_ip", "-"))
    && contains(["tcp", "udp", "all"], lower(lookup(each.value, "protocol", "-")))
    && anytrue([
      for p in [22, 23, 135, 139, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 5985, 6379, 9200, 11211, 27017] :
      lower(lookup(each.value, "protocol", "-")) == "all"
      || lookup(each.value, "port", "-1/-1") == "-1/-1"
      || tonumber(split("/", lookup(each.value, "port", "-1/-1"))[0]) <= p && p <= tonumber(split("/", lookup(each.value, "port", "-1/-1"))[1])
    ])
  )
  where   = "each.value.port"
  message = "the ACL accepts ${lookup(each.value, "protocol", "-")} ${lookup(each.value, "port", "-1/-1")} from `${lookup(each.value, "source_cidr_ip", "-")}`, including administration or database ports"
  help    = "accept only the service ports from anywhere (80, 443), or only the ranges that need the others"
  references = {
    docs = "https://www.alibabacloud.com/help/en/vpc/user-guide/network-acl-overview"
  }
  equivalents = ["infraguard:vpc-network-acl-risky-ports-check"]
  docs = <<-EOT
    ## Why
    A network ACL is the vSwitch-level layer in front of the security groups; letting
    administration and database ports (SSH, RDP, SMB, SQL Server, MySQL, PostgreSQL, Redis,
    MongoDB, Elasticsearch, Memcached, Docker, VNC, WinRM) in from anywhere leaves the
    security groups as the only defence. Medium: the security groups still apply (NET001
    reports them when they are open too).

    Each `ingress_acl_entries` block is judged: `accept`, from `0.0.0.0/0` or `::/0`, protocol
    `tcp`, `udp` or `all`, with a `port` range (`-1/-1` is every port) covering one of those
    ports.

    ## How to fix
    Narrow the entry.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_network_acl" "app" {
      vpc_id = alicloud_vpc.main.id
      ingress_acl_entries {
        protocol       = "tcp"
        port           = "1/65535"
        source_cidr_ip = "0.0.0.0/0"
        policy         = "accept"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_network_acl" "app" {
      vpc_id = alicloud_vpc.main.id
      ingress_acl_entries {
        protocol       = "tcp"
        port           = "443/443"
        source_cidr_ip = "0.0.0.0/0"
        policy         = "accept"
      }
    }
    ```
  EOT
}

rule "NET016" {
  name     = "nat-dnat-admin-port"
  severity = "high"
  title    = "NAT gateway forwards an administration or data port from the internet"
  resource = ["alicloud_forward_entry"]
  # The internal port is the service reached; `any` forwards every port.
  assert = !(
    contains(["tcp", "udp", "any"], lower(lookup(self, "ip_protocol", "-")))
    && anytrue([
      for p in [22, 23, 135, 139, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 5985, 6379, 9200, 11211, 27017] :
      lower(lookup(self, "internal_port", "-")) == "any"
      || tonumber(split("/", replace(lookup(self, "internal_port", "0"), "-", "/"))[0]) <= p
      && p <= tonumber(reverse(split("/", replace(lookup(self, "internal_port", "0"), "-", "/")))[0])
    ])
  )
  where   = "internal_port"
  message = "the DNAT entry publishes internal port ${lookup(self, "internal_port", "-")} (${lookup(self, "ip_protocol", "-")}) on the internet, including administration or database ports"
  help    = "publish only service ports; reach administration ports through a bastion host or VPN"
  references = {
    docs = "https://www.alibabacloud.com/help/en/nat-gateway/user-guide/create-and-manage-dnat-entries"
  }
  equivalents = ["infraguard:nat-risk-ports-check"]
  docs = <<-EOT
    ## Why
    A DNAT entry maps a port of the NAT gateway's public EIP to an instance: forwarding SSH,
    RDP, SMB or a database port puts it on the internet, whatever the instance's security
    group says about other sources. Internet exposure of administration or data is high.

    The `internal_port` (single port, `from/to` or `from-to` range, or `any`) is compared with
    the administration and database ports SSH 22, Telnet 23, RPC 135, NetBIOS 139, SMB 445,
    SQL Server 1433, Oracle 1521, Docker 2375, MySQL 3306, RDP 3389, PostgreSQL 5432, VNC 5900,
    WinRM 5985, Redis 6379, Elasticsearch 9200, Memcached 11211, MongoDB 27017.

    ## How to fix
    Remove the entry; use a bastion host or VPN.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_forward_entry" "ssh" {
      forward_table_id = alicloud_nat_gateway.egress.forward_table_ids
      external_ip      = alicloud_eip_address.nat.ip_address
      external_port    = "2222"
      ip_protocol      = "tcp"
      internal_ip      = alicloud_instance.app.private_ip
      internal_port    = "22"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_forward_entry" "https" {
      forward_table_id = alicloud_nat_gateway.egress.forward_table_ids
      external_ip      = alicloud_eip_address.nat.ip_address
      external_port    = "443"
      ip_protocol      = "tcp"
      internal_ip      = alicloud_instance.app.private_ip
      internal_port    = "443"
    }
    ```
  EOT
}

rule "NET017" {
  name     = "slb-listener-admin-port"
  severity = "medium"
  title    = "SLB listener publishes an administration or database port"
  resource = ["alicloud_slb_listener"]
  assert   = !contains([22, 23, 135, 139, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 5985, 6379, 9200, 11211, 27017], tonumber(lookup(self, "frontend_port", 0)))
  where    = "frontend_port"
  message  = "the listener publishes port ${lookup(self, "frontend_port", "-")}, an administration or database port"
  help     = "keep administration and database ports off load balancers, or restrict the listener with a whitelist ACL (`acl_status = \"on\"`)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/user-guide/listener-overview"
  }
  equivalents = ["infraguard:slb-listener-risk-ports-check"]
  docs = <<-EOT
    ## Why
    A load balancer listener on SSH, RDP or a database port publishes that service to every
    client of the load balancer (the internet, for an internet-facing one). Medium: the load
    balancer may be intranet, which the listener alone does not tell.

    ## How to fix
    Remove the listener, or restrict it with a whitelist ACL.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "mysql" {
      load_balancer_id = alicloud_slb_load_balancer.db.id
      protocol         = "tcp"
      frontend_port    = 3306
      backend_port     = 3306
      bandwidth        = -1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "https" {
      load_balancer_id = alicloud_slb_load_balancer.web.id
      protocol         = "tcp"
      frontend_port    = 443
      backend_port     = 443
      bandwidth        = -1
    }
    ```
  EOT
}

rule "NET018" {
  name     = "waf-log-off"
  severity = "low"
  title    = "WAF instance keeps no logs"
  resource = ["alicloud_waf_instance"]
  assert   = tostring(lookup(self, "waf_log", "false")) == "true"
  where    = "waf_log"
  message  = "the WAF instance ships no logs to Log Service (`waf_log = ${lookup(self, "waf_log", "-")}`)"
  help     = "set `waf_log = \"true\"`"
  fix = { safety = "safe", set = { waf_log = "true" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/waf/web-application-firewall-2-0/user-guide/overview-of-log-service-for-waf"
  }
  equivalents = ["infraguard:waf-instance-logging-enabled"]
  docs = <<-EOT
    ## Why
    WAF logs are the record of blocked and allowed attacks. Missing logging is low.

    ## How to fix
    Enable Log Service for the instance.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_waf_instance" "main" {
      big_screen           = "0"
      exclusive_ip_package = "1"
      ext_bandwidth        = "50"
      ext_domain_package   = "1"
      package_code         = "version_3"
      prefessional_service = "false"
      subscription_type    = "Subscription"
      period               = 1
      waf_log              = "false"
      log_storage          = "3"
      log_time             = "180"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_waf_instance" "main" {
      big_screen           = "0"
      exclusive_ip_package = "1"
      ext_bandwidth        = "50"
      ext_domain_package   = "1"
      package_code         = "version_3"
      prefessional_service = "false"
      subscription_type    = "Subscription"
      period               = 1
      waf_log              = "true"
      log_storage          = "3"
      log_time             = "180"
    }
    ```
  EOT
}

rule "NET019" {
  name     = "cdn-domain-https-off"
  severity = "medium"
  title    = "CDN or DCDN domain serves no HTTPS"
  resource = ["alicloud_cdn_domain_new", "alicloud_dcdn_domain"]
  # CDN: `certificate_config { server_certificate_status = "on" }`; DCDN: `ssl_protocol = "on"`.
  assert = (
    lookup(lookup(self, "certificate_config", [{}])[0], "server_certificate_status", "off") == "on"
    || lookup(self, "ssl_protocol", "off") == "on"
  )
  where   = "certificate_config|ssl_protocol"
  message = "the accelerated domain `${lookup(self, "domain_name", "-")}` serves plain HTTP only: no certificate is enabled"
  help    = "enable a certificate (`certificate_config { server_certificate_status = \"on\" … }` on CDN, `ssl_protocol = \"on\"` on DCDN)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/cdn/user-guide/configure-an-ssl-certificate"
  }
  docs = <<-EOT
    ## Why
    Without a certificate the edge serves the site over plain HTTP, so visitors' traffic can
    be read and altered between them and the edge. Missing transport encryption is medium.
    No peer rule checks it; the provider exposes it on `alicloud_cdn_domain_new` and
    `alicloud_dcdn_domain`.

    ## How to fix
    Enable an HTTPS certificate.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cdn_domain_new" "site" {
      domain_name = "www.example.com"
      cdn_type    = "web"
      sources {
        content  = "origin.example.com"
        type     = "domain"
        port     = 443
        priority = 20
        weight   = 10
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cdn_domain_new" "site" {
      domain_name = "www.example.com"
      cdn_type    = "web"
      sources {
        content  = "origin.example.com"
        type     = "domain"
        port     = 443
        priority = 20
        weight   = 10
      }
      certificate_config {
        server_certificate_status = "on"
        cert_type                 = "cas"
        cert_id                   = var.cert_id
      }
    }
    ```
  EOT
}

rule "NET020" {
  name     = "cloud-firewall-accepts-all-inbound"
  severity = "high"
  title    = "Cloud Firewall policy accepts all inbound traffic from anywhere"
  resource = ["alicloud_cloud_firewall_control_policy"]
  assert = !(
    lower(lookup(self, "direction", "-")) == "in"
    && lower(lookup(self, "acl_action", "-")) == "accept"
    && contains(["0.0.0.0/0", "::/0"], lookup(self, "source", "-"))
    && upper(trimspace(lookup(self, "proto", "-"))) == "ANY"
    && contains(["0/0", "-1/-1", "1/65535", "0/65535", "any", "ANY", "-"], lookup(self, "dest_port", "-"))
    && lookup(self, "dest_port_type", "port") == "port"
  )
  where   = "source"
  message = "the firewall policy accepts every protocol and port from `${lookup(self, "source", "-")}` to `${lookup(self, "destination", "-")}`"
  help    = "accept only the services that must be public (ports 80/443), from the sources that need them"
  references = {
    docs = "https://www.alibabacloud.com/help/en/cloud-firewall/user-guide/access-control-overview"
  }
  docs = <<-EOT
    ## Why
    An inbound accept-all policy from `0.0.0.0/0` turns the Internet firewall off for its
    destinations: every administration and data port behind it is exposed. High. No peer
    rule checks policies (InfraGuard's `firewall-asset-open-protect` asks whether assets are
    protected at all, which only the account knows).

    ## How to fix
    Accept only the needed applications and ports.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cloud_firewall_control_policy" "any" {
      direction        = "in"
      acl_action       = "accept"
      description      = "allow all"
      source           = "0.0.0.0/0"
      source_type      = "net"
      destination      = "0.0.0.0/0"
      destination_type = "net"
      proto            = "ANY"
      application_name = "ANY"
      dest_port        = "0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cloud_firewall_control_policy" "https" {
      direction        = "in"
      acl_action       = "accept"
      description      = "public web"
      source           = "0.0.0.0/0"
      source_type      = "net"
      destination      = alicloud_eip_address.web.ip_address
      destination_type = "net"
      proto            = "TCP"
      application_name = "HTTPS"
      dest_port        = "443/443"
    }
    ```
  EOT
}

rule "NET021" {
  name     = "security-group-egress-all-to-internet"
  severity = "low"
  enabled  = false
  title    = "Security group rule lets every outbound connection out"
  resource = ["alicloud_security_group_rule"]
  assert = !(
    lookup(self, "type", "-") == "egress"
    && lookup(self, "policy", "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0"], coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-"))
    && (
      lower(lookup(self, "ip_protocol", "-")) == "all"
      || contains(["-1/-1", "1/65535", "0/65535"], lookup(self, "port_range", "-1/-1")) && contains(["tcp", "udp"], lower(lookup(self, "ip_protocol", "-")))
    )
  )
  where   = "cidr_ip|ipv6_cidr_ip"
  message = "egress to `${coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-")}` accepts ${lookup(self, "ip_protocol", "-")} on every port"
  help    = "allow outbound traffic only to the destinations and ports the workload needs (package mirrors, APIs), through a NAT gateway"
  references = {
    cis  = "3.5 Ensure the security group are configured with fine-grained rules"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["infraguard:ecs-security-group-egress-not-all-access"]
  docs = <<-EOT
    ## Why
    Unrestricted egress lets malware call home and lets stolen data leave on any port. Most
    workloads start with it (a security group allows all egress by default), so this is
    hygiene: low, off unless selected (`--select NET021`), for environments that restrict
    outbound traffic (CIS 3.5, fine-grained rules).

    ## How to fix
    Allow only the destinations and ports needed.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "out" {
      type              = "egress"
      ip_protocol       = "all"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_security_group_rule" "out_https" {
      type              = "egress"
      ip_protocol       = "tcp"
      port_range        = "443/443"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```
  EOT
}

rule "NET022" {
  name     = "security-group-non-web-port-open-to-internet"
  severity = "low"
  enabled  = false
  title    = "Security group rule opens a port other than 80/443 to the internet"
  resource = ["alicloud_security_group_rule"]
  # Every port is NET002's; a range of only 80 and/or 443 passes.
  assert = !(
    lookup(self, "type", "-") == "ingress"
    && lookup(self, "policy", "accept") == "accept"
    && contains(["0.0.0.0/0", "::/0"], coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-"))
    && contains(["tcp", "udp"], lower(lookup(self, "ip_protocol", "-")))
    && !(tonumber(split("/", lookup(self, "port_range", "-1/-1"))[0]) <= 1 && tonumber(split("/", lookup(self, "port_range", "-1/-1"))[1]) >= 65535)
    && !contains(["80/80", "443/443"], lookup(self, "port_range", "-1/-1"))
    && lookup(self, "port_range", "-1/-1") != "-1/-1"
  )
  where   = "port_range"
  message = "ingress from `${coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-")}` to ${lookup(self, "ip_protocol", "-")} ${lookup(self, "port_range", "-")} opens a port that is not HTTP or HTTPS to the whole internet"
  help    = "publish services on 80/443 behind a load balancer, or allow the port only from the ranges that need it"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/security-group-rules"
  }
  equivalents = ["kics:public_security_group_rule_unknown_port", "infraguard:ecs-security-group-white-list-port-check"]
  docs = <<-EOT
    ## Why
    A whitelist of public ports (HTTP and HTTPS) keeps unexpected services off the internet.
    Ports that are known to be dangerous are NET001's (high); this rule reports every other
    public port, which is often legitimate (a game server, a VPN endpoint): low, off unless
    selected (`--select NET022`). With it on, a sensitive port is reported by both rules.

    KICS' "unknown port" query reports ports outside its sensitive-port map (so 80 and 443
    too); InfraGuard's whitelist check takes the allowed ports as a parameter. acslint's
    whitelist is 80 and 443.

    ## How to fix
    Put the service behind a load balancer on 443, or restrict the source.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "app" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "8443/8443"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_security_group_rule" "app" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "443/443"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```
  EOT
}

rule "NET023" {
  name     = "api-gateway-log-off"
  severity = "low"
  title    = "API Gateway keeps no request logs"
  resource = ["alicloud_api_gateway_group"]
  # Logs go to Log Service through `alicloud_api_gateway_log_config` (region-wide) or the
  # group's `user_log_config`.
  assert  = length(lookup(self, "user_log_config", [])) > 0 || length(resources("alicloud_api_gateway_log_config")) > 0
  message = "requests to the APIs of this group are not logged: no `alicloud_api_gateway_log_config` and no `user_log_config`"
  help    = "add an `alicloud_api_gateway_log_config` (`log_type = \"PROVIDER\"`) shipping to a Logstore"
  references = {
    docs = "https://www.alibabacloud.com/help/en/api-gateway/traditional-api-gateway/user-guide/use-log-service-to-analyze-api-logs"
  }
  equivalents = ["infraguard:api-gateway-group-log-enabled"]
  docs = <<-EOT
    ## Why
    Without request logs there is no record of who called the APIs, for abuse and incident
    investigation. Missing logging is low.

    The log configuration applies to the whole region, so any `alicloud_api_gateway_log_config`
    in the configuration satisfies every group; one managed elsewhere is not seen.

    ## How to fix
    Configure API logging to Log Service.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_api_gateway_group" "shop" {
      name        = "shop"
      description = "shop APIs"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_api_gateway_group" "shop" {
      name        = "shop"
      description = "shop APIs"
    }

    resource "alicloud_api_gateway_log_config" "this" {
      sls_project   = alicloud_log_project.api.project_name
      sls_log_store = alicloud_log_store.api.logstore_name
      log_type      = "PROVIDER"
    }
    ```
  EOT
}

rule "NET024" {
  name     = "slb-classic-network"
  severity = "medium"
  title    = "Intranet load balancer is created in the classic network"
  resource = ["alicloud_slb_load_balancer"]
  assert   = !(lower(lookup(self, "address_type", "-")) == "intranet" && lookup(self, "vswitch_id", null) == null)
  where    = "address_type"
  message  = "this intranet load balancer has no `vswitch_id`: it is created in the classic network, shared with other tenants"
  help     = "set `vswitch_id` to a vSwitch of a VPC"
  references = {
    cis  = "3.1 Ensure legacy networks does not exist"
    docs = "https://www.alibabacloud.com/help/en/slb/classic-load-balancer/product-overview/network-types"
  }
  equivalents = ["infraguard:slb-loadbalancer-in-vpc"]
  docs = <<-EOT
    ## Why
    An intranet CLB without a vSwitch gets an address in the classic network, reachable from
    other tenants' classic instances; in a VPC it is reachable only from the VPC. Isolation
    missing from the start is medium (CIS 3.1). Internet-facing load balancers need no
    vSwitch and pass.

    ## How to fix
    Create it in a vSwitch.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_load_balancer" "api" {
      load_balancer_name = "api"
      address_type       = "intranet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_vswitch" "internal" {
      vpc_id     = alicloud_vpc.main.id
      cidr_block = "172.16.2.0/24"
      zone_id    = "cn-hangzhou-h"
    }

    resource "alicloud_slb_load_balancer" "api" {
      load_balancer_name = "api"
      address_type       = "intranet"
      vswitch_id         = alicloud_vswitch.internal.id
    }
    ```
  EOT
}
