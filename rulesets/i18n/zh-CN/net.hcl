# 规则文档的简体中文译文：rulesets/alicloud/net.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "NET001" {
  docs = <<-EOT
    ## Why
    管理端口（SSH 22、RDP 3389、WinRM、Telnet）、数据库和缓存端口（MySQL、PostgreSQL、SQL Server、
    Oracle、Redis、MongoDB、Memcached、Elasticsearch、Cassandra）以及集群控制面（Docker、etcd、
    kubelet、Kubernetes API、SaltStack、Puppet、Hadoop）一旦向 `0.0.0.0/0` 或 `::/0` 开放，
    上线几分钟内就会遭到扫描和攻击：暴力破解、未认证的数据存储、远程代码执行。在 acslint 的严重级别中，
    将数据或管理入口暴露到公网属于高危。

    每个端口都是该问题的一个*分项*（facet：`port:22`、`port:3306` 等，见 JSON 的 `facet` 字段和
    SARIF 的 `properties.facet`）：`3000/4000` 这样的端口范围会为其覆盖的每个敏感端口各报告一个问题，
    而 `#checkov:skip=CKV_ALI_2` 只屏蔽 `port:22`。

    acslint 如何解读一条规则：
    - 只判断 `policy` 为 `accept`（默认值）的 `ingress` 规则；`drop` 规则永远不会被报告，也不会抵消
      `accept` 规则（acslint 不计算规则之间的优先级，因此 accept 规则仍会被报告）；
    - 来源为 `cidr_ip = "0.0.0.0/0"` 或 `ipv6_cidr_ip = "::/0"`；与 Checkov 的 CKV_ALI_2/3 不同，
      空的 `cidr_ip` 不算“所有人”（API 会拒绝它）；
    - `port_range` 的格式为 `from/to`；范围覆盖某个端口即算数，并区分协议（`udp/3389` 是 RDP，
      `udp/22` 不是 SSH）；`-1/-1`、`1/65535` 和 `ip_protocol = "all"` 表示所有端口，由 NET002 报告；
    - `nic_type` 无关紧要：在 VPC 中，`intranet` 规则同样适用于公网地址；
    - Web 端口 80 和 443 本来就是公开的，不会被报告（KICS 会报告它们）；
    - 参考版本的 provider 既没有 `alicloud_security_group_rules`，`alicloud_security_group`
      上也没有内联的 `ingress` 块，因此只读取 `alicloud_security_group_rule`。

    ## How to fix
    只允许需要访问的网段访问该端口，或者完全不开放（使用堡垒机、云助手或 VPN）。
  EOT
}

rule "NET002" {
  docs = <<-EOT
    ## Why
    接受来自任意地址的所有端口（或所有协议）的规则，会暴露实例上的所有服务，包括那些本来无意发布的服务：
    与任何将管理入口和数据暴露到公网的情况一样，属于高危。

    所有端口指：来自 `0.0.0.0/0` 或 `::/0` 的 `ip_protocol = "all"`，或者 `port_range` 为 `-1/-1`、
    `0/65535` 或 `1/65535` 的 `tcp`/`udp`。ICMP 和 GRE 没有端口：`-1/-1` 的 `icmp` 规则允许公网
    ping 实例，这属于 NET004（低危），而不是本规则（KICS 在这里报告它）。问题标注在 `port_range` 上
    （未设置时标注在整个块上）。

    ## How to fix
    将其替换为针对特定端口、特定来源网段的规则。
  EOT
}

rule "NET004" {
  docs = <<-EOT
    ## Why
    ICMP 和 GRE 不带端口，因此针对它们的来自 `0.0.0.0/0` 的规则并不是“所有端口”（NET002）：
    它允许任何人 ping、跟踪路由和探测实例（或发送 GRE）。这有助于侦察，但不暴露任何服务：
    作为安全规范问题，属于低危。

    KICS 在其所有端口查询中报告来自任意地址的 ICMP/GRE `-1/-1`；acslint 将其单独列出，
    以免把 ping 规则误认为主机完全开放。

    ## How to fix
    只接受来自监控实例的网段的 ICMP。
  EOT
}

rule "NET003" {
  docs = <<-EOT
    ## Why
    TLS 1.0 和 1.1 已被弃用（RFC 8996），存在已知缺陷；PCI DSS 等合规标准禁止使用它们。
    传输加密强度不足属于中危。

    监听可能在以下情况下使用这些版本：
    - `alicloud_slb_tls_cipher_policy` 的 `tls_versions` 包含 `TLSv1.0` 或 `TLSv1.1`；
    - `https` 类型的 `alicloud_slb_listener`，其 `tls_cipher_policy` 为 `tls_cipher_policy_1_0`
      或 `_1_1`，或者未设置：provider 的默认值为 `tls_cipher_policy_1_0`；
    - 使用预定义策略 `tls_cipher_policy_1_0`/`_1_1` 的 `HTTPS` 类型 `alicloud_alb_listener`。
      没有 `security_policy_id` 的 ALB 监听无法判定（`--show-unknown`）：provider 文档没有给出默认策略。
      自定义策略 ID 只有在是字面值时才会被追踪。
    - 专享的 `alicloud_api_gateway_instance`，其 `https_policy` 以 `TLS1_0` 或 `TLS1_1` 结尾
      （例如 `HTTPS2_TLS1_0`）：实例上的所有分组都会继承该策略。

    ## How to fix
    使用 TLS 1.2 及以上版本的策略。
  EOT
}
