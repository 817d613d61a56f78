# 规则文档的简体中文译文：rulesets/alicloud/rds.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "DB006" {
  docs = <<-EOT
    ## Why
    公网连接地址把数据库放到了公网上：在它和所有扫描器之间只隔着白名单和密码。应通过 VPC 访问数据库。
    问题严重到什么程度取决于白名单（白名单中包含 `0.0.0.0/0` 属于 DB001、DB005 或 DB012，为高危），
    因此仅有公网连接地址本身为中危。

    报告的资源：`alicloud_db_connection`（RDS 实例的外网连接串）、`alicloud_kvstore_connection`
    （Redis/Tair 实例的公网连接地址；实例上已弃用的 `enable_public` 由 DB014 报告），以及
    `alicloud_polardb_endpoint_address`（`net_type = "Public"`，即默认值）。

    InfraGuard 的 `rds-public-connection-and-any-ip-access-check`、
    `polardb-public-and-any-ip-access-check` 和 `redis-public-and-any-ip-access-check`
    将公网连接地址与开放的白名单结合起来判断；acslint 单独报告开放的白名单（DB001、DB012），
    已覆盖这些检查。

    ## How to fix
    删除公网连接地址，从 VPC 内部连接。
  EOT
}

rule "DB007" {
  docs = <<-EOT
    ## Why
    只有当 `log_connections`、`log_disconnections` 和 `log_duration` 为 `on` 时（CIS 6.7-6.9），
    PostgreSQL 才会记录谁建立了连接、会话何时结束以及语句执行了多长时间。否则，入侵或暴力破解尝试
    不会在数据库日志中留下任何痕迹。缺少日志：低危。

    每个参数都是该问题的一个*分项*（facet：`log_connections`、`log_disconnections`、`log_duration`），
    因此 `#checkov:skip=CKV_ALI_37` 只屏蔽 `log_connections`。

    只判断 `engine = "PostgreSQL"`：MySQL 和 SQL Server 没有这些参数（Checkov 和 KICS 会对所有引擎报告）。
    当 `db_param_group_id` 指定了参数模板时，参数值来自该模板，该问题无法判定。

    ## How to fix
    将这三个参数设为 `on`。
  EOT
}

rule "DB008" {
  docs = <<-EOT
    ## Why
    云盘加密使用 KMS 密钥加密实例的数据文件、日志和备份；没有它（也没有 TDE，见 DB003）时，
    数据按写入时的原样存储。缺少加密：中危。

    只有使用云盘（`cloud_ssd`、`cloud_essd*`、`general_essd`）的 MySQL、PostgreSQL 和 SQL Server
    支持云盘加密；使用本地 SSD 盘的实例不会被报告，`db_instance_storage_type` 未设置的实例无法判定
    （默认值取决于实例规格）。开启了 TDE 的实例视为通过。

    ## How to fix
    创建实例时设置 `encryption_key`（对于创建时未设置的实例，之后无法再添加）。
  EOT
}

rule "DB009" {
  docs = <<-EOT
    ## Why
    内核小版本包含数据库引擎的安全修复。设置为 `Manual` 时，实例会一直停留在当前版本，
    直到阿里云下线该版本。补丁管理规范问题：低危。

    Checkov 对未设置的值也判定为不通过；provider 没有说明默认值，因此 acslint 只报告显式设置的
    `Manual`，未设置的值记为无法判定（`--show-unknown`）。

    ## How to fix
    在可维护时间段内自动升级小版本。
  EOT
}

rule "DB010" {
  docs = <<-EOT
    ## Why
    `address` 为 `0.0.0.0/0` 的 `pg_hba_conf` 条目允许所列用户从网络可达的任何地方进行认证；
    如果 `method = "trust"`，他们甚至完全不需要密码。数据暴露：高危。

    KICS 读取的是一个并不存在的顶层 `address` 属性（它属于 `pg_hba_conf` 块），因此在真实配置上
    什么也不会报告；acslint 读取这些块，并且不报告 `reject` 条目。

    ## How to fix
    每个条目只填写客户端子网。
  EOT
}

rule "DB011" {
  docs = <<-EOT
    ## Why
    日志备份使按时间点恢复成为可能：在执行了破坏性语句、遭到勒索软件攻击或迁移出错之后，
    可以恢复到事故发生前一秒的状态。没有日志备份，自上次全量备份以来的数据都会丢失。
    恢复能力规范问题：低危。

    报告的资源：`enable_backup_log = false`（默认值为 `true`）的 `alicloud_db_backup_policy`，以及
    `enable_backup_log = 0` 的 `alicloud_mongodb_instance`。Redis 的日志备份默认关闭，由 DB023 报告。

    ## How to fix
    保持日志备份开启。
  EOT
}
