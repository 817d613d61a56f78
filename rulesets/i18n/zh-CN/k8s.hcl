# 规则文档的简体中文译文：rulesets/alicloud/k8s.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "K8S001" {
  docs = <<-EOT
    ## Why
    不修复的故障节点会继续运行过时或损坏的组件。

    ## How to fix
    在节点池上开启托管节点自动修复。
  EOT
}

rule "K8S002" {
  docs = <<-EOT
    ## Why
    API Server 是集群的管理接口：任何持有 kubeconfig、泄露的服务账户令牌或 API Server 漏洞利用程序的人都能运行工作负载并读取所有 Secret。
    如果开放了公网连接地址，这个“任何人”就是公网上的任何人；如果没有，攻击者必须先在 VPC 中取得立足点。
    在 acslint 的分级中，管理接口暴露到公网属于 high（CIS 7.9，“私有集群”）。

    ACK 托管集群和专有集群会为 API Server 创建一个面向公网的负载均衡，除非设置 `slb_internet_enabled = false`（provider 的默认值为 `true`，因此未设置该参数会被报告）；ACK Serverless 集群只有在 `endpoint_public_access_enabled = true` 时才会绑定 EIP。
    这两个参数都只在创建时生效：之后要关闭公网连接地址，需要在控制台操作或解绑 EIP。

    ## How to fix
    创建集群时不开通公网连接地址，并从 VPC 内管理集群（VPN 网关、堡垒机、云企业网 CEN）。
    如果无法避免使用公网连接地址，请用访问控制列表限制该负载均衡。
  EOT
}

rule "K8S003" {
  docs = <<-EOT
    ## Why
    Kubernetes Secret 中保存着数据库密码、AccessKey 和 TLS 私钥。
    没有信封加密时，它们以 base64 编码的形式存储在 etcd 中，一份 etcd 备份或快照就会泄露全部 Secret。
    设置 `encryption_provider_key` 后，每个 Secret 都由受你的 KMS 密钥保护的数据密钥加密，且每次解密都会被 KMS 记录。
    缺少加密属于 medium。

    检查托管集群和 Serverless 集群；专有集群（`alicloud_cs_kubernetes`）没有该参数。
    Secret 加密需要 ACK Pro 版集群（`cluster_spec = "ack.pro.small"`；ACK Serverless Pro 版）：基础版集群同样会被报告，因为修复方法就是将其创建为 Pro 版。

    ## How to fix
    创建一个 KMS 密钥，并将 `encryption_provider_key` 设为其 ID。
  EOT
}

rule "K8S004" {
  docs = <<-EOT
    ## Why
    没有 RRSA 时，调用阿里云 API 的 Pod 要么使用工作节点的 RAM 角色（节点上的每个 Pod 都能使用它，因此一个 Pod 被攻破就拥有了所有 Pod 的权限），要么使用保存在 Secret 或环境变量中的 AccessKey。
    RRSA 通过 OIDC 和短期有效的 STS 令牌，为每个服务账户提供独立的 RAM 角色。
    授予超出所需的权限属于缺少控制措施：medium。

    `enable_rrsa` 默认为 false，开启后无法关闭。
    检查托管集群和 Serverless 集群（专有集群不支持 RRSA）。

    ## How to fix
    设置 `enable_rrsa = true`，然后为每个工作负载创建一个 RAM 角色，其信任策略指定该集群的 OIDC 身份提供商和服务账户。
  EOT
}

rule "K8S005" {
  docs = <<-EOT
    ## Why
    API Server 审计日志记录了谁读取了哪个 Secret、谁创建了哪个 Pod、谁修改了哪个角色绑定；没有它，对集群的入侵在节点之外不会留下任何痕迹。
    ACK 通过 `logtail-ds` 组件（现在也可以是 `loongcollector`）将审计日志和容器日志投递到日志服务 SLS。
    在 acslint 的分级中，缺少日志记录属于 low（CIS 2.4 和 7.1）。

    该组件位于集群的 `addons` 中（且未 `disabled`），或由 `cluster_id` 引用该集群的 `alicloud_cs_kubernetes_addon` 安装时，即视为已安装；在托管集群上，`audit_log_config { enabled = true }` 同样算数。
    不检查 Serverless 集群：它们的日志按 Pod 配置。

    ## How to fix
    在创建集群时添加该组件（或之后通过 `alicloud_cs_kubernetes_addon` 添加）。
  EOT
}

rule "K8S006" {
  docs = <<-EOT
    ## Why
    Kubernetes NetworkPolicy 用于阻止一个命名空间访问另一个命名空间的数据库和管理端点；不执行 NetworkPolicy 的网络插件会接受这些策略，却悄悄忽略它们。
    在 ACK 上，Flannel 不执行 NetworkPolicy；Terway（ENI 多 IP 模式，`terway-eniip`）会执行，除非其组件配置设置了 `NetworkPolicy = "false"`。
    集群内缺少网络隔离控制：low（CIS 7.7 和 7.8）。

    报告的情形：`flannel` 组件，或 JSON `config` 将 `NetworkPolicy` 设为 `"false"` 的 Terway 组件。
    `addons` 中两种插件都未指定的集群不做判断。

    acslint 与同类工具的区别：Checkov 的 CKV_ALI_26 接受 Flannel（它不执行任何策略），对于 Terway 集群则要求同时提供 `worker_vswitch_ids` 和 `master_vswitch_ids`，否则判定不通过，而且只检查 `alicloud_cs_kubernetes`；KICS 要求 `pod_vswitch_ids` 和 `terway-eniip` 组件，且只针对 `alicloud_cs_kubernetes`。
    acslint 对托管集群和专有集群只根据网络插件及其 NetworkPolicy 开关进行判断。

    ## How to fix
    使用 Terway 创建集群并保持 NetworkPolicy 开启；然后编写默认拒绝命名空间之间流量的策略。
  EOT
}

rule "K8S007" {
  docs = <<-EOT
    ## Why
    云监控插件上报节点指标和进程健康状况，并在节点被用于挖矿或磁盘空间耗尽时触发告警。
    在 acslint 的分级中，缺少监控属于 low（CIS 7.2）。
    默认不启用（不在 `recommended` 中）：监控往往改由集群内的 Prometheus 完成；可以按规则代码选择，或使用 `cis` 规则包。

    节点池默认为 `install_cloud_monitor = false`；专有集群默认为 `true`。

    ## How to fix
    在每个节点池上设置 `install_cloud_monitor = true`。
  EOT
}
