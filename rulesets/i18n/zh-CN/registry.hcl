# 规则文档的简体中文译文：rulesets/alicloud/registry.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "CR001" {
  docs = <<-EOT
    ## Why
    镜像中包含应用的代码，而且常常在某一层中打包了配置文件、密钥和令牌。公开仓库允许任何人拉取所有
    镜像版本。数据暴露到公网：高危。有意公开的镜像应在扫描之后，从专门为其设立的仓库发布。

    企业版仓库（`alicloud_cr_ee_repo`）和个人版仓库（`alicloud_cr_repo`）都会被检查。

    ## How to fix
    设置 `repo_type = "PRIVATE"`。
  EOT
}

rule "CR002" {
  docs = <<-EOT
    ## Why
    公网入口的访问控制列表是镜像仓库的网络边界：`0.0.0.0/0` 允许任何人对其尝试凭证，一旦令牌泄露
    或仓库是公开的，就可以拉取（或推送）镜像。数据暴露到公网：高危。

    ## How to fix
    列出需要访问镜像仓库的网络，或关闭公网入口并使用 VPC 访问。
  EOT
}

rule "CR003" {
  docs = <<-EOT
    ## Why
    镜像扫描可以在镜像运行之前发现其中存在已知漏洞的软件包和恶意文件。关闭扫描后，存在漏洞的镜像
    会在无人察觉的情况下进入生产环境。缺少安全控制：中危。只报告显式设置的
    `image_scanner = "DISABLE"`（默认引擎会进行扫描）。

    ## How to fix
    保留一个扫描引擎（`ACR`，或使用云安全中心引擎的 `SAS`）。
  EOT
}

rule "CR004" {
  docs = <<-EOT
    ## Why
    镜像版本可覆盖时，任何能推送镜像的人（例如泄露的 CI 凭证）都可以把 `app:1.4` 替换成另一个镜像，
    所有拉取该版本的节点都会运行它。不可变的镜像版本确保运行的正是经过评审和扫描的镜像。供应链安全
    规范问题：低危。默认关闭（不在 `recommended` 中）：移动 `latest` 等版本标签的工作流需要可覆盖的
    镜像版本；可按规则代码选择，或通过合规包启用。

    `tag_immutability` 默认为 false。

    ## How to fix
    设置 `tag_immutability = true`。
  EOT
}

rule "MSE001" {
  docs = <<-EOT
    ## Why
    MSE 集群（Nacos、ZooKeeper、Eureka）是微服务的注册中心和配置中心：其配置中常常包含连接串和密码，
    而能够注册服务的人可以重定向流量。对所有地址开放的公网地址属于数据和管理入口暴露到公网：高危。

    公网：`net_type` 为 `pubnet` 或 `both`，或者 `pub_network_flow`（公网带宽）大于 0。
    开放：`acl_entry_list` 为空或包含 `0.0.0.0/0`。InfraGuard 的 `mse-cluster-internet-check`
    会报告任何公网地址；acslint 接受仅限已知地址访问的公网地址（白名单正是该服务提供的控制手段）。

    ## How to fix
    让集群保持私网访问，或将客户端地址加入白名单。
  EOT
}
