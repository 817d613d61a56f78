# 规则文档的简体中文译文：rulesets/alicloud/dbs.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "DB012" {
  docs = <<-EOT
    ## Why
    白名单是这些服务的网络访问控制：`0.0.0.0/0` 让任何能访问连接地址的地址都可以尝试登录；如果开通了公网连接地址，这就意味着整个公网。
    数据暴露：high。
    RDS 由 DB001 检查，MongoDB 由 DB005 检查。

    检查的属性：PolarDB 的 `security_ips` 和 `db_cluster_ip_array`，Redis/Tair 的 `security_ips`，HBase 的 `ip_white`，Lindorm 的 `ip_white_list`，AnalyticDB 的 `security_ips`，GPDB 的 `security_ip_list` 和 `ip_whitelist`，ClickHouse 的 `db_cluster_access_white_list`，RocketMQ 的 `ip_whitelists` 和已弃用的 `network_info.internet_info.ip_whitelist`，以及 Elasticsearch 在 `enable_public` / `enable_kibana_public_network` 为 true 时的 `public_whitelist` / `kibana_whitelist`（私网白名单为 `0.0.0.0/0` 只是向其所在 VPC 开放服务）。

    InfraGuard 的“公网且允许任意 IP”规则只在白名单开放且同时存在公网连接地址时才报告；acslint 单独报告开放的白名单本身（连接地址可能之后在 Terraform 之外添加），并另行报告公网连接地址（DB006、DB014）。

    ## How to fix
    列出客户端所在的子网。
  EOT
}

rule "DB013" {
  docs = <<-EOT
    ## Why
    经典网络由一个地域内的所有租户共享：数据库与其他所有客户的实例之间只隔着白名单，而且无法使用安全组、VPC 流日志和私网路由（CIS 3.1，“传统网络”）。
    网络层面的安全卫生问题：low。

    设置了 `vswitch_id`、`vpc_id` 或 `network_type = "VPC"` 的数据库位于 VPC 中。
    Checkov 的 CKV_ALI_41 要求 MongoDB 即使指定了交换机也要设置 `network_type = "VPC"`；acslint 接受其中任意一种。
    Lindorm 必须指定交换机，因此只会在配置不完整时被报告；PolarDB 集群始终位于 VPC 中（InfraGuard 的 `polardb-dbcluster-in-vpc` 在 docs/coverage.md 中说明）。

    ## How to fix
    在你的 VPC 的交换机中创建实例。
  EOT
}

rule "DB014" {
  docs = <<-EOT
    ## Why
    公网连接地址会把数据服务放到公网上，只靠白名单和凭证保护。
    暴露程度由白名单决定（`0.0.0.0/0` 由 DB012 以 high 报告），因此仅有公网连接地址为 medium。
    分为两个方面：`endpoint`（服务本身）和 `kibana`（Elasticsearch 的 Kibana 控制台），因此一次跳过只屏蔽其中之一。

    检查的属性：Elasticsearch 的 `enable_public` 和 `enable_kibana_public_network`，Redis/Tair 的 `enable_public`（已弃用；`alicloud_kvstore_connection` 由 DB006 检查），ClickHouse 的 `allocate_public_connection`，Kafka 的 `deploy_type = 4`（公网和 VPC；`5` 表示仅 VPC），以及 EMR 主节点的 `is_open_public_ip`。
    Elasticsearch 会自行决定未设置的值；acslint 只报告显式设置的 `true`。

    ## How to fix
    从 VPC 内访问服务，或通过堡垒机或 VPN 访问。
  EOT
}

rule "DB015" {
  docs = <<-EOT
    ## Why
    除非 `network_type_acl` 另有规定，表格存储实例会接受来自公网、经典网络和 VPC 的请求（默认三者都允许）；此时请求只受 AccessKey 签名保护。
    将实例限制为只允许 VPC 访问，可以让泄露的密钥无法从任意地方使用。
    有认证保护的大范围网络暴露：medium。

    未设置 `network_type_acl` 时，会检查已弃用的 `accessed_by`（`Any` 表示允许公网访问）。

    ## How to fix
    只允许 VPC 访问。
  EOT
}

rule "DB016" {
  docs = <<-EOT
    ## Why
    没有静态加密时，数据文件以及由它们生成的快照和备份都以写入时的原样保存数据。
    缺少加密：medium。
    只能在创建资源时选择加密。

    检查的属性：MongoDB 的 `encrypted`（或 TDE，`tde_status = "enabled"`；使用本地盘的实例，即 `storage_type = "local_ssd"`，无法使用磁盘加密，不会被报告），GPDB 和 ClickHouse 的 `encryption_type = "CloudDisk"`，AnalyticDB 的 `disk_encryption`，Kafka 的 `kms_key_id`，RocketMQ 的 `product_info.storage_encryption`，Elasticsearch 的 `data_node_configuration.disk_encryption` 或已弃用的 `data_node_disk_encrypted`，以及 MaxCompute 的 `properties.encryption.enable`。
    RDS 由 DB008 和 DB003 检查；PolarDB、Redis 和 MongoDB 的 TDE 由 DB017 检查。

    ## How to fix
    创建资源时开启加密。
  EOT
}

rule "DB017" {
  docs = <<-EOT
    ## Why
    透明数据加密（TDE）使用 KMS 密钥加密数据文件和备份，因此没有密钥时，存储的副本或备份文件毫无用处。
    缺少加密：medium。
    使用加密云盘的 MongoDB 实例仍然缺少 TDE，同样会被报告（云盘加密由 DB016 检查）。

    Tair（Redis 企业版）实例只检查 DRAM 规格（`tair.rdb.*`），只有这些规格支持 TDE；Redis 开源版实例不会被报告。
    MongoDB 将该值写为 `enabled`；acslint 接受任意大小写（Checkov 的 CKV_ALI_44 要求小写）。
    InfraGuard 的 `redis-instance-enabled-byok-tde` 还要求使用你自己的密钥：见 DB018。

    ## How to fix
    开启 TDE（开启后无法再关闭；请规划好密钥的生命周期）。
  EOT
}

rule "DB018" {
  docs = <<-EOT
    ## Why
    使用服务托管的密钥时，你无法限制或审计密钥的使用，也无法在安全事件中吊销它；使用你自己的 KMS 密钥（BYOK，CIS 6.6）则可以。
    这是加密之上的安全卫生问题：low。
    未开启 TDE 的实例由 DB003（RDS）或 DB017 检查。

    ## How to fix
    开启 TDE 时指定你自己的 KMS 密钥（之后无法更改）。
  EOT
}

rule "DB019" {
  docs = <<-EOT
    ## Why
    没有 TLS 时，凭证和数据以明文在网络中传输，链路上的任何设备都能读取。
    缺少 TLS：medium。
    这些服务默认都不开启 SSL。

    检查的属性：MongoDB 的 `ssl_action`（`Open`/`Update`），Redis/Tair 的 `ssl_enable`（`Enable`/`Update`），GPDB 的 `ssl_enabled = 1`，AnalyticDB 的 `enable_ssl`，以及 `alicloud_polardb_endpoint` 的 `ssl_enabled`（PolarDB 按连接地址配置 SSL；集群资源本身没有 SSL 设置）。
    Memcache 实例（`instance_type = "Memcache"`）不支持 SSL，不会被报告。
    RDS 由 DB002 检查。

    ## How to fix
    开启 SSL，并在客户端强制使用。
  EOT
}

rule "DB020" {
  docs = <<-EOT
    ## Why
    免密访问（Redis 上为 `vpc_auth_mode = "Close"`，RocketMQ 5 上为 `acl_info.default_vpc_auth_free = true`）让任何能从 VPC 内访问到实例的对象无需任何凭证即可读取、修改和删除全部数据：VPC 中任意位置一个被攻破的容器或虚拟机就能掌控这些数据，而且无法审计是谁所为。
    对数据的未认证访问：high。

    ## How to fix
    保持认证开启（默认值）。
  EOT
}

rule "DB021" {
  docs = <<-EOT
    ## Why
    审计日志（PolarDB 的 SQL 洞察，MongoDB 的审计日志）记录了谁执行了哪条语句；没有它，就无法追查利用有效凭证进行的数据窃取。
    缺少日志记录：low。
    RDS 由 DB004 检查。

    ## How to fix
    开启审计日志。
  EOT
}

rule "DB022" {
  docs = <<-EOT
    ## Why
    删除保护会让释放操作失败，直到有人有意将其关闭：一次误执行的 `terraform destroy`、一次控制台误点击或一个被盗的运维密钥，都无法通过一次调用删除数据库。
    安全卫生问题：low，与其他删除保护规则一样默认不启用（需选择 `DB022`）。

    检查的属性：RDS 和 HBase 的 `deletion_protection`，PolarDB 的 `deletion_lock`，MongoDB 的 `db_instance_release_protection`，Redis/Tair 的 `instance_release_protection`，以及 Lindorm 的 `deletion_proection`（provider 中的拼写如此）。
    包年包月的 RDS 实例无法开启该保护，不会被报告。

    ## How to fix
    为生产环境数据库开启保护。
  EOT
}

rule "DB023" {
  docs = <<-EOT
    ## Why
    增量（日志）备份让你可以将实例恢复到某个时间点，例如恢复到攻击者或有问题的部署执行 `FLUSHALL` 之前。
    默认关闭。
    恢复能力方面的安全卫生问题：low。
    Memcache 实例没有这种备份，不会被报告。

    ## How to fix
    开启增量备份。
  EOT
}

rule "DB024" {
  docs = <<-EOT
    ## Why
    没有 IP 白名单时，MaxCompute 项目会响应来自任意地址的请求，只受 AccessKey 保护；泄露的密钥可以从任何地方导出项目中的表。
    有认证保护的大范围网络暴露：medium。
    `0.0.0.0/0` 的白名单等于没有白名单。

    ## How to fix
    将客户端所在的网络加入白名单。
  EOT
}
