# Simplified Chinese (zh-CN) rule titles, messages and help, keyed by rule code.
# A message keeps the English `${…}` interpolations exactly and code in backticks as it is
# (tests/rules.rs checks both); `acslint --lang zh-CN` reads this file.

rule "CR001" {
  title   = "容器镜像服务仓库为公开仓库"
  message = "任何人都可以拉取仓库 `${named(lookup(self, "name", null))}` 的镜像"
  help    = "设置 `repo_type = \"PRIVATE\"`，并通过 RAM 或实例访问凭证授予拉取权限"
}
rule "CR002" {
  title   = "容器镜像服务公网入口允许任意地址访问"
  message = "镜像仓库实例的公网入口接受来自 `${self.entry}` 的连接：即任意地址"
  help    = "只允许需要推送和拉取镜像的网络（CI 执行机、办公网）访问，或使用 VPC 访问入口"
}
rule "CR003" {
  title   = "容器镜像服务实例未开启镜像扫描"
  message = "镜像仓库 `${named(lookup(self, "instance_name", null))}` 不扫描推送镜像中的漏洞"
  help    = "删除 `image_scanner = \"DISABLE\"`（或设置为 `ACR` 或 `SAS`）"
}
rule "CR004" {
  title   = "容器镜像服务仓库允许覆盖镜像版本"
  message = "仓库 `${named(lookup(self, "name", null))}` 的镜像版本可以被覆盖：已部署的版本可能被悄悄替换"
  help    = "设置 `tag_immutability = true`（并按 digest 部署）"
}
rule "KMS001" {
  title   = "KMS 密钥未开启自动轮转"
  message = "KMS 密钥 `${coalesce(self.description, "(no description)")}` 从不轮转"
  help    = "设置 `automatic_rotation = \"Enabled\"`，并将 `rotation_interval` 设为 365 天或更短"
}
rule "KMS002" {
  title   = "KMS 密钥轮转周期超过一年"
  message = "KMS 密钥 `${named(lookup(self, "description", null))}` 每 ${self.rotation_interval} 轮转一次，超过 365 天"
  help    = "将 `rotation_interval` 设为 `365d` 或更短"
}
rule "KMS003" {
  title   = "KMS 密钥已禁用或计划删除"
  message = "KMS 密钥 `${named(lookup(self, "description", null))}` 的状态为 ${coalesce(lookup(self, "status", null), lookup(self, "key_state", null), "disabled")}：用它加密的数据无法解密"
  help    = "设置 `status = \"Enabled\"`，或在不再使用后将该密钥从配置中删除"
}
rule "KMS004" {
  title   = "KMS 密钥未开启删除保护"
  message = "KMS 密钥 `${named(lookup(self, "description", null))}` 未开启删除保护"
  help    = "设置 `deletion_protection = \"Enabled\"`（需要 provider 1.240.0 或更高版本）"
}
rule "KMS005" {
  title   = "KMS 凭据未开启自动轮转"
  message = "类型为 ${self.secret_type} 的凭据 `${named(lookup(self, "secret_name", null))}` 从不轮转"
  help    = "设置 `enable_automatic_rotation = true`，并设置 `rotation_interval`（例如 `30d`）"
}
rule "DB001" {
  title   = "RDS 实例白名单允许任意地址"
  message = "实例 `${named(self.instance_name)}` 接受来自任意 IP 地址的连接"
  help    = "只列出需要访问数据库的应用子网（或安全组）"
}
rule "DB002" {
  title   = "RDS 实例未开启 SSL"
  message = "实例 `${named(self.instance_name)}` 未强制使用 SSL（ssl_action 为 `${coalesce(self.ssl_action, "unset")}`）"
  help    = "设置 `ssl_action = \"Open\"`"
}
rule "DB003" {
  title   = "RDS 实例未使用透明数据加密（TDE）"
  message = "实例 `${named(self.instance_name)}` 存储数据时未使用 TDE"
  help    = "设置 `tde_status = \"Enabled\"`（适用于 MySQL 和 SQL Server；开启后无法关闭）"
}
rule "DB004" {
  title   = "RDS SQL 审计未开启或保存时间不足 180 天"
  message = "实例 `${named(self.instance_name)}` 的 SQL 审计日志未保存 180 天"
  help    = "设置 `sql_collector_status = \"Enabled\"` 和 `sql_collector_config_value = 180`（或更长）"
}
rule "DB005" {
  title   = "MongoDB 实例白名单允许任意地址"
  message = "MongoDB 实例 `${named(self.name)}` 接受来自任意 IP 地址的连接"
  help    = "白名单中只加入应用所在的子网"
}
rule "DB006" {
  title   = "数据库开通了公网连接地址"
  message = "该资源为数据库开通了公网连接地址"
  help    = "通过 VPC 连接地址访问（从 ECS，或通过 VPN/高速通道）；如果必须使用公网地址，白名单中只保留已知地址"
}
rule "DB007" {
  title   = "RDS PostgreSQL 未记录连接、断开连接或语句耗时"
  message = "PostgreSQL 实例 `${named(lookup(self, "instance_name", null))}` 未设置 `${each.value.param} = on`：日志中缺少 ${each.value.what}"
  help    = "为 `log_connections`、`log_disconnections` 和 `log_duration` 各添加一个 `parameters { name = … value = \"on\" }` 块"
}
rule "DB008" {
  title   = "使用云盘的 RDS 实例既未开启云盘加密也未开启 TDE"
  message = "实例 `${named(lookup(self, "instance_name", null))}` 将数据存储在未加密的云盘上"
  help    = "将 `encryption_key` 设为 KMS 密钥 ID（需要 RDS 服务关联角色），或开启 TDE"
}
rule "DB009" {
  title   = "RDS 实例未自动升级内核小版本"
  message = "实例 `${named(lookup(self, "instance_name", null))}` 只有在当前小版本下线时才会升级小版本（含安全修复）"
  help    = "设置 `auto_upgrade_minor_version = \"Auto\"`，并设置 `maintain_time` 可维护时间段"
}
rule "DB010" {
  title   = "RDS PostgreSQL 的 pg_hba 条目允许任意地址登录"
  message = "实例 `${named(lookup(self, "instance_name", null))}` 的一条 `pg_hba_conf` 条目允许其用户从任意地址登录"
  help    = "将 `address` 限制为客户端子网（拒绝条目可使用 `method = \"reject\"`）"
}
rule "DB011" {
  title   = "数据库日志备份已关闭"
  message = "日志备份已关闭：数据库无法按时间点恢复"
  help    = "将 `enable_backup_log` 设为 `true`（RDS）或 `1`（MongoDB），并按恢复需求设置日志保留时间"
}
rule "DB012" {
  title   = "数据库或数据服务白名单允许任意地址"
  message = "白名单包含 `0.0.0.0/0`：任何能访问连接地址的地址都可以连接"
  help    = "白名单中只加入客户端子网（开通了公网地址的实例绝不要使用 `0.0.0.0/0`）"
}
rule "DB013" {
  title   = "数据库创建在经典网络而不是 VPC 中"
  message = "数据库没有 `vswitch_id`：它被创建在经典网络中"
  help    = "在 VPC 中创建：设置 `vswitch_id`（资源支持时同时设置 `vpc_id`）"
}
rule "DB014" {
  title   = "数据服务向公网开放了连接地址"
  message = "该服务${each.value.what}"
  help    = "关闭公网连接地址并从 VPC 内访问；如果必须保留，白名单中只加入已知地址"
}
rule "DB015" {
  title   = "表格存储（OTS）实例接受来自公网的请求"
  message = "实例 `${named(lookup(self, "name", null))}` 接受来自公网的请求"
  help    = "设置 `network_type_acl = [\"VPC\"]`，并将实例绑定到你的 VPC"
}
rule "DB016" {
  title   = "数据服务将数据存储在未加密的磁盘上"
  message = "数据以未加密的形式静态存储"
  help    = "在创建资源时开启使用 KMS 密钥的磁盘（存储）加密"
}
rule "DB017" {
  title   = "PolarDB、MongoDB 或 Tair 实例未使用透明数据加密（TDE）"
  message = "数据库存储数据时未使用 TDE"
  help    = "设置 `tde_status = \"Enabled\"`（MongoDB 为 `\"enabled\"`），并用 `encryption_key` 指定你自己的密钥；TDE 开启后无法关闭"
}
rule "DB018" {
  title   = "TDE 使用服务密钥而不是你自己的 KMS 密钥"
  message = "TDE 已开启，但使用的是由服务托管的密钥"
  help    = "开启 TDE 时指定你自己的密钥（RDS 为 `tde_encryption_key`，其他产品为 `encryption_key`）"
}
rule "DB019" {
  title   = "数据库未为客户端连接开启 SSL/TLS"
  message = "到数据库的连接未加密"
  help    = "开启 SSL（MongoDB 为 `ssl_action = \"Open\"`，Redis 为 `ssl_enable = \"Enable\"`，GPDB 为 `ssl_enabled = 1`，AnalyticDB 为 `enable_ssl = true`，PolarDB 连接地址为 `ssl_enabled = \"Enable\"`），并让客户端校验证书"
}
rule "DB020" {
  title   = "Redis 或 RocketMQ 允许 VPC 内免密访问"
  message = "VPC 内的客户端无需任何密码即可读写数据"
  help    = "设置 `vpc_auth_mode = \"Open\"`（Redis）或 `default_vpc_auth_free = false`（RocketMQ），并为每个客户端分配独立账号"
}
rule "DB021" {
  title   = "PolarDB 或 MongoDB 未记录审计日志"
  message = "数据库没有记录所执行语句的审计日志"
  help    = "PolarDB：设置 `collector_status = \"Enable\"`；MongoDB：添加 `alicloud_mongodb_audit_policy` 并设置 `audit_status = \"enable\"`"
}
rule "DB022" {
  title   = "数据库未开启释放保护"
  message = "一次 API 调用即可删除该数据库：其删除（释放）保护已关闭"
  help    = "开启删除保护：`deletion_protection = true`（RDS、HBase）、`deletion_lock = 1`（PolarDB）、`db_instance_release_protection = true`（MongoDB）、`instance_release_protection = true`（Redis）、`deletion_proection = true`（Lindorm，原文如此）"
}
rule "DB023" {
  title   = "Redis/Tair 实例未保留增量（日志）备份"
  message = "该实例只能恢复到最近一次全量备份"
  help    = "设置 `enable_backup_log = 1`"
}
rule "DB024" {
  title   = "MaxCompute 项目接受来自任意地址的请求"
  message = "项目 `${named(lookup(self, "project_name", null))}` 没有 IP 白名单（或白名单允许所有地址）"
  help    = "添加 `ip_white_list { ip_list = \"…\" vpc_ip_list = \"…\" }`，填入客户端的地址"
}
rule "MSE001" {
  title   = "MSE 注册配置中心集群可从任意公网地址访问"
  message = "MSE 集群 `${named(lookup(self, "cluster_alias_name", null))}` 的公网地址对所有地址开放"
  help    = "设置 `pub_network_flow = \"0\"` 和 `net_type = \"privatenet\"`，或在 `acl_entry_list` 中只列出已知地址"
}
rule "NAS001" {
  title   = "NAS 文件系统未开启静态加密"
  message = "文件系统 `${named(lookup(self, "description", null))}` 以未加密形式存储文件"
  help    = "设置 `encrypt_type = 2` 和 `kms_key_id`（或设为 `1` 使用 NAS 托管密钥）；只能在创建时设置"
}
rule "NAS002" {
  title   = "加密的 NAS 文件系统使用 NAS 托管密钥而不是你自己的 KMS 密钥"
  message = "文件系统 `${named(lookup(self, "description", null))}` 使用 NAS 托管密钥加密，而不是你可控的 KMS 密钥"
  help    = "创建时设置 `encrypt_type = 2` 和 `kms_key_id`"
}
rule "NAS003" {
  title   = "NAS 权限组规则允许所有地址"
  message = "权限组 `${named(lookup(self, "access_group_name", null))}` 允许任意地址挂载文件系统（${coalesce(lookup(self, "rw_access_type", null), "RDWR")}）"
  help    = "在 `source_cidr_ip` 中列出客户端子网，而不是 `0.0.0.0/0`"
}
rule "NAS004" {
  title   = "NAS 挂载点使用默认权限组"
  message = "挂载点使用默认权限组，网络中的所有主机都能以读写方式挂载文件系统"
  help    = "创建一个带有客户端子网规则的 `alicloud_nas_access_group`，并设置 `access_group_name`"
}
rule "TF001" {
  title   = "Terraform 文件有语法错误"
  message = "语法错误：${reason}"
  help    = "修正语法错误；此文件的其他内容均未被分析"
}
rule "TF002" {
  title   = "无法读取文件"
  message = "无法读取：${reason}"
  help    = "将文件改为可读的 UTF-8 文本，或用 --exclude 排除它"
}
rule "TF003" {
  title   = "文件超过分析大小上限"
  message = "文件过大：${reason}"
  help    = "用 --max-file-size BYTES 提高上限，或排除生成的文件"
}
rule "TF004" {
  title   = "无法分析模块调用"
  message = "未分析模块 `${module}`（`${source}`）：${reason}"
  help    = "运行 `terraform init` 将模块安装到 .terraform/modules 下，或让本地 `source` 指向含有 Terraform 文件的目录"
}
rule "TF005" {
  title   = "Terraform 求值在达到上限时停止"
  message = "求值已停止：${reason}"
  help    = "打破循环引用，或缩小表达式的规模；涉及的值按未知处理"
}
rule "TF006" {
  title   = "文件分析因内部错误失败"
  message = "内部错误：此${what}的分析因 ${reason} 而停止；其检查结果缺失"
  help    = "这是 acslint 的缺陷：请附上该文件（或精简后的副本）报告问题；其他文件已正常分析"
}
rule "TF010" {
  title   = "抑制注释未给出理由"
  message = "`${syntax} ${codes}` 没有给出理由，因此不生效"
  help    = "在 ` -- ` 之后说明理由：`# ${syntax} ${codes} -- why this is acceptable`"
}
rule "TF011" {
  title   = "抑制注释格式错误或引用了未知规则"
  message = "无效的抑制注释：${reason}"
  help    = "写成 `# acslint:ignore CODE[,CODE] [until=YYYY-MM-DD] -- reason`，规则代码见 `acslint rules`"
}
rule "TF012" {
  title   = "抑制注释已过期"
  message = "`${codes}` 的抑制截止到 ${until}；该抑制已过期，不再生效"
  help    = "修复该问题，或用新的 `until=` 日期和最新的理由续期抑制"
}
rule "TF013" {
  title   = "抑制注释没有抑制任何问题"
  message = "针对 ${codes} 的 `${syntax}` 在此处没有抑制任何问题"
  help    = "删除该注释（或不再触发的规则代码），让抑制注释保持有意义"
}
rule "ECI001" {
  title   = "ECI 容器通过环境变量传递密钥"
  message = "环境变量 `${each.value.key}` 以明文保存密钥：任何能查看容器组详情的人都能读取它"
  help    = "从文件挂载密钥（部署时填充的 `ConfigFileVolume`），或在启动时通过容器组的 RAM 角色从 KMS 凭据管家获取"
}
rule "ECI002" {
  title   = "ECI 容器以特权模式或主机级权能运行"
  message = "容器 `${each.value.name}` 以特权模式运行或添加了主机级权能：容器被攻破即可危及宿主机"
  help    = "去掉 `privileged = true` 和这些权能（`SYS_ADMIN`、`NET_ADMIN` 等）；只授予程序需要的权限"
}
rule "ECS001" {
  title   = "ECS 云盘未加密"
  message = "云盘 `${named(self.disk_name)}` 创建时未加密"
  help    = "设置 `encrypted = true`（使用自己的密钥时同时设置 `kms_key_id`），或为账号开启默认加密"
}
rule "ECS002" {
  title   = "启动模板创建未加密的数据盘"
  message = "启动模板 `${named(self.launch_template_name)}` 创建的数据盘未加密"
  help    = "在每个 `data_disks` 块中设置 `encrypted = true`"
}
rule "ECS003" {
  title   = "无需 IMDSv2 令牌即可访问实例元数据"
  message = "实例元数据以普通模式提供（`http_tokens = ${lookup(self, "http_tokens", "optional")}`）：SSRF 攻击可读取实例 RAM 角色的 STS 凭证"
  help    = "将 `http_tokens` 设为 `required`（加固模式，IMDSv2）"
}
rule "ECS004" {
  title   = "实例分配了公网 IP 地址"
  message = "`internet_max_bandwidth_out = ${lookup(self, "internet_max_bandwidth_out", 0)}` 为实例分配了公网 IP 地址"
  help    = "让实例保持私网（`internet_max_bandwidth_out = 0`），通过负载均衡对外提供服务，通过 NAT 网关访问公网"
}
rule "ECS005" {
  title   = "实例使用密码而不是密钥对登录"
  message = "允许密码登录，且未绑定密钥对"
  help    = "绑定密钥对（`key_name`，启动模板为 `key_pair_name`），并去掉 `password`/`kms_encrypted_password`/`password_inherit`"
}
rule "ECS006" {
  title   = "实例系统盘未加密"
  message = "系统盘创建时未加密"
  help    = "设置 `system_disk_encrypted = true`（启动模板为 `system_disk { encrypted = true }`），使用自己的密钥时设置 `system_disk_kms_key_id`，或开启默认加密（`alicloud_ecs_disk_encryption_by_default`）"
}
rule "ECS007" {
  title   = "实例、伸缩配置或节点池创建未加密的数据盘"
  message = "此数据盘创建时未加密"
  help    = "在每个数据盘块中设置 `encrypted = true`（以及 `kms_key_id`）"
}
rule "ECS008" {
  title   = "加密云盘使用服务密钥而不是你自己的 KMS 密钥"
  message = "云盘使用 ECS 服务密钥加密，而不是你可控的 KMS 密钥"
  help    = "将 `kms_key_id` 设为用户主密钥（`alicloud_kms_key`）"
}
rule "ECS009" {
  title   = "按量付费实例未开启释放保护"
  message = "一次 API 调用即可释放该实例（`deletion_protection` 已关闭）"
  help    = "设置 `deletion_protection = true`"
}
rule "ECS010" {
  title   = "实例创建时未安装云安全中心客户端"
  message = "实例关闭了安全加固（未安装云安全中心客户端）"
  help    = "删除 `security_enhancement_strategy = \"Deactive\"`（或设为 `Active`）"
}
rule "ECS011" {
  title   = "实例未授予 RAM 角色"
  message = "实例没有 RAM 角色：其上的软件需要 AccessKey 才能调用云 API"
  help    = "授予 RAM 角色（`role_name` 或 `alicloud_ecs_ram_role_attachment`），让软件使用其 STS 凭证"
}
rule "ECS012" {
  title   = "实例或启动模板使用经典网络"
  message = "实例被放在与其他租户共享的经典网络中，而不是 VPC 中"
  help    = "将 `vswitch_id` 设为某个 VPC 的交换机（启动模板为 `network_type = \"vpc\"`）"
}
rule "FC001" {
  title   = "函数计算 HTTP 触发器接受匿名请求"
  message = "HTTP 触发器 `${named(lookup(self, "name", null))}` 允许公网上的任何人无需认证即可调用函数"
  help    = "在触发器配置中设置 `authType = \"function\"`（调用方对请求签名），或通过开启认证的 API 网关调用函数"
}
rule "FC002" {
  title   = "函数计算服务允许其函数访问公网"
  message = "服务 `${named(lookup(self, "name", null))}` 的函数可以向任意公网地址发送数据"
  help    = "设置 `internet_access = false`，并通过 VPC（`vpc_config`）访问函数所需的服务"
}
rule "FC003" {
  title   = "函数计算服务未将日志写入日志服务 SLS"
  message = "服务 `${named(lookup(self, "name", null))}` 的调用和错误没有记录日志"
  help    = "添加指向日志服务 Logstore 的 `log_config { project = …, logstore = … }`"
}
rule "FC004" {
  title   = "函数计算自定义域名使用 HTTP 明文或没有证书"
  message = "自定义域名 `${named(lookup(self, "domain_name", null))}` ${each.value.why}：请求和响应在传输中可能被读取和篡改"
  help    = "设置 `protocol = \"HTTP,HTTPS\"`，并在 `cert_config` 中配置该域名的证书"
}
rule "FC005" {
  title   = "函数计算服务没有 RAM 角色"
  message = "服务 `${named(lookup(self, "name", null))}` 没有 RAM 角色：调用云 API 的函数必须携带 AccessKey"
  help    = "将 `role` 设为一个只具有函数所需权限的 RAM 角色的 ARN"
}
rule "K8S001" {
  title   = "ACK 节点池未开启节点自动修复"
  message = "节点池 `${coalesce(self.node_pool_name, named(self.name))}` 不会修复故障节点"
  help    = "添加 `management { auto_repair = true }`"
}
rule "K8S002" {
  title   = "ACK 集群 API Server 开放了公网访问"
  message = "`${named(lookup(self, "name", null))}` 的 Kubernetes API Server 可从公网访问"
  help    = "设置 `slb_internet_enabled = false`（Serverless 集群为 `endpoint_public_access_enabled = false`），从 VPC 内访问 API Server（VPN、堡垒机、跳板机）"
}
rule "K8S003" {
  title   = "ACK 集群未使用 KMS 密钥加密 Kubernetes Secret"
  message = "集群 `${named(lookup(self, "name", null))}` 的 Secret 存储在 etcd 中，未使用 KMS 信封加密"
  help    = "将 `encryption_provider_key` 设为 KMS 密钥 ID（ACK Pro 版：`cluster_spec = \"ack.pro.small\"`）"
}
rule "K8S004" {
  title   = "ACK 集群未开启 RRSA（服务账户的 RAM 角色）"
  message = "集群 `${named(lookup(self, "name", null))}` 未开启 RRSA：Pod 无法获得自己的 RAM 角色"
  help    = "设置 `enable_rrsa = true`，并通过服务账户为每个工作负载授予独立的 RAM 角色"
}
rule "K8S005" {
  title   = "ACK 集群未将日志发送到日志服务 SLS"
  message = "集群 `${named(lookup(self, "name", null))}` 没有把日志采集到日志服务：没有 API Server 审计日志，也没有容器日志"
  help    = "安装 `logtail-ds` 组件（`addons { name = \"logtail-ds\" }` 或 `alicloud_cs_kubernetes_addon`），或设置 `audit_log_config { enabled = true }`"
}
rule "K8S006" {
  title   = "ACK 集群网络插件不支持 NetworkPolicy"
  message = "集群 `${named(lookup(self, "name", null))}` 的 Pod 可以访问其他所有 Pod：网络插件不执行 NetworkPolicy"
  help    = "使用 Terway（`addons { name = \"terway-eniip\" }` 并设置 `pod_vswitch_ids`），且不要在其配置中设置 `NetworkPolicy = \"false\"`"
}
rule "K8S007" {
  title   = "ACK 节点创建时未安装云监控插件"
  message = "`${named(try(coalesce(lookup(self, "node_pool_name", null), lookup(self, "name", null)), null))}` 的节点不受云监控 CloudMonitor 监控"
  help    = "设置 `install_cloud_monitor = true`"
}
rule "LOG001" {
  title   = "管理了账号安全配置，但没有操作审计 ActionTrail 跟踪"
  message = "扫描的文件中没有 `alicloud_actiontrail_trail`，但${why}"
  help    = "添加一个 `alicloud_actiontrail_trail`，设置 `trail_region = \"All\"`、`event_rw = \"All\"` 以及 OSS 或 SLS 投递目标（扫描文件中任意位置的跟踪都算数）"
}
rule "LOG002" {
  title   = "操作审计跟踪未记录所有地域"
  message = "`trail_region = \"${value}\"`：其他地域的事件不会被记录"
  help    = "设置 `trail_region = \"All\"`"
}
rule "LOG003" {
  title   = "操作审计跟踪未记录所有事件"
  message = "`event_rw` 为 ${value}：跟踪没有同时记录读事件和写事件"
  help    = "设置 `event_rw = \"All\"`"
}
rule "LOG004" {
  title   = "操作审计跟踪已停用"
  message = "`status = \"${value}\"`：跟踪不投递任何事件"
  help    = "设置 `status = \"Enable\"`（默认值）"
}
rule "LOG005" {
  title   = "操作审计跟踪没有投递目标"
  message = "跟踪没有设置 `oss_bucket_name`、`sls_project_arn` 或 `max_compute_project_arn`：事件只在控制台保留 90 天"
  help    = "投递到 OSS Bucket（`oss_bucket_name`）和/或 SLS Project（`sls_project_arn` 和 `sls_write_role_arn`）"
}
rule "LOG006" {
  title   = "跟踪未覆盖资源目录的成员账号"
  message = "此配置管理了资源目录，但跟踪不是多账号跟踪（`is_organization_trail` 不为 true）"
  help    = "在管理账号的跟踪上设置 `is_organization_trail = true`"
}
rule "LOG007" {
  title   = "接收操作审计日志的 OSS Bucket 未受保护"
  message = "跟踪的 Bucket `${bucket}` ${problem}"
  help    = "审计 Bucket 应保持私有、开启版本控制并加密（使用内联属性或拆分的 `alicloud_oss_bucket_*` 资源）"
}
rule "LOG008" {
  title   = "SLS 中的操作审计事件保存不足一年"
  message = "Logstore `${store}` 将 `${trail}` 的事件保存 ${days}；至少应保存 ${min} 天"
  help    = "将 `retention_period` 设为 365 或更长（选项 min_days）"
}
rule "LOG009" {
  title   = "没有针对主账号活动的告警"
  message = "`${trail}` 投递到 SLS，但没有 `alicloud_log_alert`/`alicloud_sls_alert` 监控主账号活动或 AccessKey 创建"
  help    = "在跟踪的 Logstore 上添加 SLS 告警，查询语句匹配 `event.userIdentity.type: root-account`（以及 `CreateAccessKey` 事件）"
}
rule "LOG010" {
  title   = "日志审计未采集操作审计、RDS 或 OSS 日志"
  message = "日志审计未采集${what}：`${key}` 不为 true"
  help    = "在 `variable_map` 中设置 `${key} = \"true\"`"
}
rule "LOG011" {
  title   = "VPC 没有流日志"
  message = "没有 `alicloud_vpc_flow_log` 记录 `${vpc}` 的流量"
  help    = "添加 `alicloud_vpc_flow_log`，设置 `resource_type = \"VPC\"` 并让 `resource_id` 引用该 VPC，或在日志审计中开启 `vpc_flow_enabled`"
}
rule "OSS001" {
  title   = "OSS Bucket 允许任何人读或写"
  message = "Bucket `${named(self.bucket)}` 通过其 ACL 授予了公共访问权限"
  help    = "将 ACL 设为 `private`，通过签名 URL 或限定到已知主体的 Bucket Policy 共享对象；并添加 `alicloud_oss_bucket_public_access_block`"
}
rule "OSS002" {
  title   = "OSS Bucket 未开启默认服务端加密"
  message = "Bucket `${named(self.bucket)}` 存储对象时没有默认加密"
  help    = "添加 `server_side_encryption_rule { sse_algorithm = \"KMS\" }` 或 `alicloud_oss_bucket_server_side_encryption` 资源"
}
rule "OSS003" {
  title   = "OSS Bucket 未开启版本控制"
  message = "Bucket `${named(self.bucket)}` 不保留对象的历史版本"
  help    = "添加 `versioning { status = \"Enabled\" }` 或 `alicloud_oss_bucket_versioning` 资源"
}
rule "OSS004" {
  title   = "OSS Bucket 未记录访问日志"
  message = "Bucket `${named(self.bucket)}` 不记录访问请求"
  help    = "添加 `logging { target_bucket = … }` 块或 `alicloud_oss_bucket_logging` 资源"
}
rule "OSS005" {
  title   = "OSS Bucket 使用 OSS 托管密钥而不是你自己的 KMS 密钥加密"
  message = "Bucket `${named(lookup(self, "bucket", null))}` 未使用你自己的 KMS 密钥（`kms_master_key_id`）加密"
  help    = "使用 `sse_algorithm = \"KMS\"`，并将 `kms_master_key_id` 设为你的密钥"
}
rule "OSS006" {
  title   = "OSS 防盗链允许不带 Referer 的请求"
  message = "Bucket `${named(lookup(self, "bucket", null))}` 的 Referer 白名单可被任何不带 Referer 头的请求绕过"
  help    = "设置 `allow_empty_referer = false`（已弃用的内联 `referer_config` 中为 `allow_empty = false`）"
}
rule "OSS007" {
  title   = "OSS Bucket 接受 TLS 1.0 和 1.1"
  message = "Bucket `${named(lookup(self, "bucket", null))}` 接受低于 1.2 的 TLS 版本"
  help    = "添加 `alicloud_oss_bucket_https_config`，设置 `enable = true` 和 `tls_versions = [\"TLSv1.2\", \"TLSv1.3\"]`"
}
rule "OSS008" {
  title   = "OSS Bucket 的数据只存放在一个可用区，没有复制或备份"
  message = "Bucket `${named(lookup(self, "bucket", null))}` ${each.value.what}"
  help    = "创建 Bucket 时设置 `redundancy_type = \"ZRS\"`，添加复制到其他地域 Bucket 的 `alicloud_oss_bucket_replication`，或添加 `alicloud_hbr_oss_backup_plan`"
}
rule "OSS009" {
  title   = "Bucket 和账号均未阻止公共访问"
  message = "一次 ACL 或 Policy 变更就能让 Bucket `${named(lookup(self, "bucket", null))}` 变为公开"
  help    = "添加 `alicloud_oss_bucket_public_access_block` 并设置 `block_public_access = true`，或用 `alicloud_oss_account_public_access_block` 为整个账号阻止公共访问"
}
rule "OSS010" {
  title   = "OSS Bucket 托管静态网站"
  message = "Bucket `${named(lookup(self, "bucket", null))}` 被配置为静态网站"
  help    = "确保此 Bucket 中只存放公开内容，或通过 CDN 从私有 Bucket 提供网站"
}
rule "OSS011" {
  title   = "OSS Bucket Policy 授权时未限制来源网络"
  message = "Bucket Policy 中没有任何 Allow 语句限制来源地址或 VPC（`acs:SourceIp`、`acs:SourceVpc`）"
  help    = "为 Allow 语句添加条件，例如 `\"IpAddress\": {\"acs:SourceIp\": [\"203.0.113.0/24\"]}` 或 `\"StringEquals\": {\"acs:SourceVpc\": [\"vpc-…\"]}`"
}
rule "ROS001" {
  title   = "ROS 资源栈没有资源栈策略"
  message = "资源栈 `${named(lookup(self, "stack_name", null))}` 没有资源栈策略：任何更新都可能替换或删除其资源"
  help    = "设置 `stack_policy_body`，对资源栈中的有状态资源拒绝 `Update:Replace` 和 `Update:Delete`"
}
rule "ROS002" {
  title   = "ROS 资源栈不发送事件通知"
  message = "资源栈 `${named(lookup(self, "stack_name", null))}` 的事件（更新失败、回滚、删除）不会通知任何人"
  help    = "将 `notification_urls` 设为团队关注的 HTTPS 地址（或 MNS 主题）"
}
rule "ROS003" {
  title   = "ROS 资源栈实例被移除时会删除其资源栈（及资源）"
  message = "移除此资源栈实例会删除账号 `${self.stack_instance_account_id}` 中的资源栈及其管理的所有资源"
  help    = "设置 `retain_stacks = true`，使从资源栈组中移除实例时保留资源栈"
}
rule "SEC001" {
  title   = "文件中包含阿里云 AccessKey ID"
  message = "此文件中写有 ${kind} `${key}`"
  help    = "从文件及其历史记录中删除该密钥，禁用并轮换它，改为从环境变量、配置文件（profile）或角色加载凭证"
}
rule "SEC002" {
  title   = "文件中包含阿里云 AccessKey Secret"
  message = "此文件中写有一个 ${length} 个字符的 AccessKey Secret，${near}（不显示 Secret）"
  help    = "从文件及其历史记录中删除该 Secret，禁用并轮换 AccessKey，并将密钥放在代码之外"
}
rule "SEC003" {
  title   = "文件中包含阿里云 STS 安全令牌"
  message = "此文件中写有一个 ${length} 个字符的 STS 安全令牌（不显示令牌）"
  help    = "从文件及其历史记录中删除该令牌；如果尚未过期，撤销该角色会话的权限，并改为在运行时获取令牌"
}
rule "SLS001" {
  title   = "SLS Logstore 未加密数据"
  message = "Logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` 以未加密形式存储日志"
  help    = "添加 `encrypt_conf { enable = true }`（使用你自己的 KMS 密钥时添加 `user_cmk_info`）"
}
rule "SLS002" {
  title   = "SLS Logstore 使用服务密钥而不是你自己的 KMS 密钥加密"
  message = "Logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` 使用 SLS 托管的密钥加密，而不是你可控的密钥"
  help    = "在 `encrypt_conf` 中添加 `user_cmk_info { cmk_key_id = …, arn = …, region_id = … }`（只能在创建时设置）"
}
rule "SLS003" {
  title   = "SLS Logstore 日志保存不足 180 天"
  message = "Logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` 在 ${coalesce(tonumber(lookup(self, "retention_period", null)), 30)} 天后删除日志，早于 180 天的审计期"
  help    = "设置 `retention_period = 180` 或更长（审计日志建议 365，3650 表示永久保存）"
}
rule "SLS004" {
  title   = "日志审计未采集其支持的某项服务的日志"
  message = "日志审计未采集${each.value.what}：请将 ${join(", ", [for k in each.value.keys : "`${k}`"])} 设为 \"true\""
  help    = "在 `variable_map` 中将该服务的开关设为 `\"true\"`（不使用的服务不产生费用）"
}
rule "NET001" {
  title   = "安全组规则向公网开放了管理或数据端口"
  message = "来自 `${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` 到端口 ${self.port_range} 的入方向规则将 ${each.value.service}（${self.ip_protocol}/${each.value.port}）暴露给整个公网"
  help    = "只允许已知网段（办公网、VPN、堡垒机）访问该端口，或通过堡垒机、云助手或私网访问该服务"
}
rule "NET002" {
  title   = "安全组规则向公网开放了所有端口"
  message = "来自 `${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` 的入方向规则接受所有端口上的 ${self.ip_protocol} 流量"
  help    = "只向需要的来源开放服务所需的端口"
}
rule "NET003" {
  title   = "负载均衡的 TLS 策略允许 TLS 1.0 或 1.1"
  message = "${length(lookup(self, "tls_versions", [])) > 0 ? "the TLS cipher policy" : lookup(self, "https_policy", null) != null ? "the API Gateway instance's HTTPS policy" : "this HTTPS listener"} 仍接受 TLS 1.0/1.1${lower(lookup(self, "protocol", "-")) == "https" && lookup(self, "tls_cipher_policy", null) == null ? " (`tls_cipher_policy` is unset and defaults to `tls_cipher_policy_1_0`)" : ""}"
  help    = "使用 `tls_cipher_policy_1_2`、`tls_cipher_policy_1_2_strict` 或 `tls_cipher_policy_1_2_strict_with_1_3`（自定义策略：只保留 `TLSv1.2` 和 `TLSv1.3`）"
}
rule "NET004" {
  title   = "安全组规则接受来自公网的 ICMP 或 GRE"
  message = "来自 `${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` 的入方向规则接受 ${self.ip_protocol}：任何人都可以对实例${lower(self.ip_protocol) == "gre" ? "open GRE tunnels to" : "ping and map"}"
  help    = "只接受来自监控和办公网段的 ICMP；仅在需要路径 MTU 发现的地方保留 `icmp`"
}
rule "NET005" {
  title   = "负载均衡监听使用 HTTP 明文且未重定向到 HTTPS"
  message = "此监听在端口 ${coalesce(lookup(self, "frontend_port", null), lookup(self, "listener_port", null), "-")} 上提供 HTTP 明文服务，且不重定向到 HTTPS"
  help    = "提供 HTTPS，或将 HTTP 重定向到 HTTPS（SLB 上使用 `listener_forward = \"on\"` 和 `forward_port`，ALB 上使用 `Redirect` 规则）"
}
rule "NET006" {
  title   = "SLB 监听没有访问控制列表"
  message = "此监听的访问控制已关闭（`acl_status` 默认为 `off`）：所有来源地址都能访问"
  help    = "设置 `acl_status = \"on\"`、`acl_type = \"white\"`，并将 `acl_ids` 设为包含允许网段的 `alicloud_slb_acl`"
}
rule "NET007" {
  title   = "负载均衡访问控制列表包含 0.0.0.0/0"
  message = "ACL 条目 `${lookup(each.value, "entry", "-")}` 匹配所有地址：作为白名单它不限制任何访问"
  help    = "只列出需要访问的网段"
}
rule "NET008" {
  title   = "负载均衡有公网地址"
  message = "此负载均衡可从公网访问（`address_type = ${lookup(self, "address_type", "-")}`）"
  help    = "只服务于 VPC 的负载均衡请使用 `intranet`"
}
rule "NET009" {
  title   = "负载均衡、EIP 或 NAT 网关未开启释放保护"
  message = "一次 API 调用即可释放此资源：删除保护已关闭"
  help    = "开启删除保护（SLB 为 `delete_protection = \"on\"`，ALB 为 `deletion_protection_enabled = true`，EIP 和 NAT 网关为 `deletion_protection = true`）"
}
rule "NET010" {
  title   = "负载均衡未开启配置修改保护"
  message = "可以在控制台修改负载均衡的配置：修改保护已关闭"
  help    = "设置 `modification_protection_status = \"ConsoleProtection\"`（SLB）或 `modification_protection_config { status = \"ConsoleProtection\" }`（ALB）"
}
rule "NET011" {
  title   = "应用型负载均衡 ALB 未保留访问日志"
  message = "此负载均衡没有向日志服务投递访问日志"
  help    = "添加 `access_log_config { log_project = … log_store = … }`（或 `alicloud_alb_load_balancer_access_log_config_attachment`）"
}
rule "NET012" {
  title   = "API 网关的 API 接受 HTTP 明文请求"
  message = "该 API 接受通过 HTTP 明文发送的请求（`protocol = ${lookup(each.value, "protocol", "-")}`）"
  help    = "在 `request_config` 中设置 `protocol = \"HTTPS\"`"
}
rule "NET013" {
  title   = "API 网关的 API 无需认证"
  message = "任何人都可以调用此 API：`auth_type = \"ANONYMOUS\"`"
  help    = "使用 `auth_type = \"APP\"`（已授权应用的签名请求），或在插件中认证（JWT）"
}
rule "NET014" {
  title   = "VPC 没有流日志"
  message = "没有 `alicloud_vpc_flow_log` 采集此 VPC 的流量"
  help    = "添加 `alicloud_vpc_flow_log`，设置 `resource_type = \"VPC\"`，`resource_id` 为此 VPC"
}
rule "NET015" {
  title   = "网络 ACL 接受来自公网的管理或数据端口访问"
  message = "该 ACL 接受来自 `${lookup(each.value, "source_cidr_ip", "-")}` 的 ${lookup(each.value, "protocol", "-")} ${lookup(each.value, "port", "-1/-1")}，其中包括管理或数据库端口"
  help    = "只对所有来源开放服务端口（80、443），其他端口只对需要的网段开放"
}
rule "NET016" {
  title   = "NAT 网关将管理或数据端口从公网转发进来"
  message = "该 DNAT 条目将内部端口 ${lookup(self, "internal_port", "-")}（${lookup(self, "ip_protocol", "-")}）发布到公网，其中包括管理或数据库端口"
  help    = "只发布服务端口；通过堡垒机或 VPN 访问管理端口"
}
rule "NET017" {
  title   = "SLB 监听发布了管理或数据库端口"
  message = "该监听发布了端口 ${lookup(self, "frontend_port", "-")}，这是管理或数据库端口"
  help    = "不要在负载均衡上发布管理和数据库端口，或用白名单 ACL 限制该监听（`acl_status = \"on\"`）"
}
rule "NET018" {
  title   = "WAF 实例未保留日志"
  message = "WAF 实例没有向日志服务投递日志（`waf_log = ${lookup(self, "waf_log", "-")}`）"
  help    = "设置 `waf_log = \"true\"`"
}
rule "NET019" {
  title   = "CDN 或 DCDN 域名未提供 HTTPS"
  message = "加速域名 `${lookup(self, "domain_name", "-")}` 只提供 HTTP 明文服务：未启用证书"
  help    = "启用证书（CDN 上为 `certificate_config { server_certificate_status = \"on\" … }`，DCDN 上为 `ssl_protocol = \"on\"`）"
}
rule "NET020" {
  title   = "云防火墙策略接受来自任意来源的所有入站流量"
  message = "该防火墙策略接受从 `${lookup(self, "source", "-")}` 到 `${lookup(self, "destination", "-")}` 的所有协议和端口"
  help    = "只放行必须公开的服务（端口 80/443），且只对需要的来源放行"
}
rule "NET021" {
  title   = "安全组规则放行所有出站连接"
  message = "到 `${coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-")}` 的出方向规则接受所有端口上的 ${lookup(self, "ip_protocol", "-")}"
  help    = "只允许访问工作负载需要的目标和端口（软件源镜像、API），并经由 NAT 网关出网"
}
rule "NET022" {
  title   = "安全组规则向公网开放了 80/443 以外的端口"
  message = "来自 `${coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-")}` 到 ${lookup(self, "ip_protocol", "-")} ${lookup(self, "port_range", "-")} 的入方向规则向整个公网开放了非 HTTP/HTTPS 端口"
  help    = "通过负载均衡在 80/443 上发布服务，或只允许需要的网段访问该端口"
}
rule "NET023" {
  title   = "API 网关未保留请求日志"
  message = "对此分组 API 的请求没有记录日志：没有 `alicloud_api_gateway_log_config`，也没有 `user_log_config`"
  help    = "添加投递到 Logstore 的 `alicloud_api_gateway_log_config`（`log_type = \"PROVIDER\"`）"
}
rule "NET024" {
  title   = "私网负载均衡创建在经典网络中"
  message = "此私网负载均衡没有 `vswitch_id`：它被创建在与其他租户共享的经典网络中"
  help    = "将 `vswitch_id` 设为某个 VPC 的交换机"
}
rule "IAM001" {
  title   = "Provider 凭证直接写在配置中"
  message = "provider `alicloud` 以字面值设置了 `${attribute}`${shown}：凭证出现在代码和版本控制中"
  help    = "删除它，让 provider 自行查找凭证：环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET、`profile`、`assume_role`、`ecs_role_name` 或 `assume_role_with_oidc`；然后禁用并轮换已泄露的 AccessKey"
}
rule "IAM002" {
  title   = "Provider 使用长期 AccessKey 且未扮演角色"
  message = "`${provider}` 使用静态 AccessKey 认证且没有 `assume_role`：Terraform 以密钥所有者的全部长期权限运行"
  help    = "添加 `assume_role { role_arn = ... }` 块，让 Terraform 通过使用临时凭证的角色工作，或使用 ECS 角色或 OIDC 代替 AccessKey"
}
rule "IAM003" {
  title   = "创建 AccessKey 时未指定用户名"
  message = "此 AccessKey 没有 `user_name`：它会为运行 Terraform 的身份创建，若 Terraform 以主账号运行则为主账号创建"
  help    = "将 `user_name` 设为专用的 RAM 用户；绝不要为主账号创建 AccessKey"
}
rule "IAM004" {
  title   = "AccessKey Secret 以明文保存在状态文件中"
  message = "此 AccessKey 没有 `pgp_key`：其 Secret 以明文写入 Terraform 状态文件"
  help    = "设置 `pgp_key`（base64 公钥或 `keybase:user`），使状态中只保存 `encrypted_secret`，或避免使用 AccessKey 而改用角色"
}
rule "IAM005" {
  title   = "AccessKey Secret 被写入本地文件"
  message = "`secret_file` 将 AccessKey ID 和 Secret 以明文写入 `${path}`"
  help    = "删除 `secret_file`；设置 `pgp_key` 并将加密后的 Secret 交给其用户，或用角色代替 AccessKey"
}
rule "IAM006" {
  title   = "RAM 用户有多个启用的 AccessKey"
  message = "RAM 用户 `${user}` 获得了第二个启用的 AccessKey"
  help    = "每个用户只保留一个启用的密钥；仅在轮换期间创建第二个，并将旧密钥设为 `status = \"Inactive\"`"
}
rule "IAM007" {
  title   = "RAM 用户同时具有控制台登录和 AccessKey"
  message = "RAM 用户 `${user}` 有控制台登录配置，又获得了 AccessKey：人员访问和程序访问混在一起"
  help    = "为人员（控制台、MFA）和程序（AccessKey，更好的是角色）使用不同的 RAM 用户"
}
rule "IAM008" {
  title   = "Output 暴露了密钥却没有 `sensitive = true`"
  message = "output `${output}` 暴露了 `${reference}`，且未标记为敏感"
  help    = "在 output 上设置 `sensitive = true`，或者根本不输出密钥（使用 `encrypted_secret` 和 `pgp_key`）"
}
rule "IAM009" {
  title   = "策略直接授权给 RAM 用户"
  message = "策略直接授权给了 RAM 用户；请通过用户组或角色授予权限"
  help    = "将策略授权给 RAM 用户组（`alicloud_ram_group_policy_attachment`）并把用户加入该组，或授权给用户扮演的角色"
}
rule "IAM010" {
  title   = "管理员策略被授权给身份"
  message = "管理员策略 `${policy}` 被授权给了${principal}：${why}"
  help    = "授权一个仅限于该${principal}所需操作和资源的策略；管理员权限只留给受 MFA 保护的应急（break-glass）角色"
}
rule "IAM011" {
  title   = "整个云服务的完全访问权限被授权给身份"
  message = "系统策略 `${policy}`（某服务的完全访问权限）被授权给了${principal}"
  help    = "使用该服务的只读策略，或仅限所需操作和资源的自定义策略"
}
rule "IAM012" {
  title   = "控制台登录配置未要求 MFA"
  message = "此 RAM 用户仅凭密码即可登录控制台：`mfa_bind_required` 不为 true，安全设置也未强制 MFA"
  help    = "设置 `mfa_bind_required = true`，或用 `alicloud_ram_security_preference { mfa_operation_for_login = \"mandatory\" }` 为所有用户强制 MFA"
}
rule "IAM013" {
  title   = "安全设置未强制 MFA"
  message = "控制台登录未要求所有 RAM 用户使用 MFA（${setting}）"
  help    = "设置 `mfa_operation_for_login = \"mandatory\"`（provider 1.248+），旧版本 provider 上设置 `enforce_mfa_for_login = true`"
}
rule "IAM014" {
  title   = "RAM 用户可以自行创建 AccessKey"
  message = "`allow_user_to_manage_access_keys = true` 允许每个 RAM 用户为自己创建 AccessKey"
  help    = "保持 `allow_user_to_manage_access_keys` 为 false（默认值），集中签发密钥，且只发给程序用户"
}
rule "IAM015" {
  title   = "闲置用户、闲置密钥或控制台会话的存活时间过长"
  message = "${what}的时间为 ${value}；请保持在 ${limit} 以内"
  help    = "将 `max_idle_days_for_users` 和 `max_idle_days_for_access_keys` 设为 90，并将 `login_session_duration` 保持在 6 小时或更短（选项 max_idle_days、max_session_hours）"
}
rule "IAM016" {
  title   = "允许从任意网络登录控制台"
  message = "允许从任意地址登录控制台：`login_network_masks` 中包含 ${masks}"
  help    = "在 `login_network_masks` 中列出办公网和 VPN 网段（以分号分隔的 CIDR 地址块）"
}
rule "IAM017" {
  title   = "密码策略允许短密码"
  message = "${how} ${value}：密码至少需要 ${min} 个字符"
  help    = "将 `minimum_password_length` 设为 14 或更长（选项 min_length）"
}
rule "IAM018" {
  title   = "密码策略未要求包含所有字符类型"
  message = "密码不必包含${class}：${how}"
  help    = "将 `require_uppercase_characters`、`require_lowercase_characters`、`require_numbers` 和 `require_symbols` 设为 true"
}
rule "IAM019" {
  title   = "密码永不过期或过期时间过长"
  message = "${how} ${value}：${what}；请要求在 ${max} 天内修改"
  help    = "将 `max_password_age` 设为 1 到 90 之间（选项 max_age）；0 表示关闭过期"
}
rule "IAM020" {
  title   = "密码策略允许重复使用最近的密码"
  message = "${how} ${value}：${what}；至少记住 ${min} 个"
  help    = "将 `password_reuse_prevention` 设为至少 5（推荐最大值 24；选项 min_reuse）；0 表示关闭该检查"
}
rule "IAM021" {
  title   = "未限制密码猜测次数"
  message = "${how} ${value}：${what}；最多 ${max} 次后锁定"
  help    = "将尝试次数上限设为 1 到 5 之间（选项 max_login_attempts）；在 `alicloud_ram_password_policy` 上该属性拼写为 `max_login_attemps`"
}
rule "IAM022" {
  title   = "过期密码仍可用于登录"
  message = "${how}：密码已过期的用户仍可登录并自行修改密码"
  help    = "设置 `hard_expiry = true`，使过期密码必须由管理员重置"
}
rule "IAM023" {
  title   = "受其他账号信任的角色允许长达 12 小时的会话"
  message = "角色会话最长持续 ${hours} 小时，且该角色受账号 ${accounts} 信任"
  help    = "将 `max_session_duration`（秒）降低到受信账号所需的时长，通常为 3600（选项 max_session_duration）"
}
rule "IAM030" {
  title   = "AccessKey 的用户可以调用没有 Deny 覆盖的高危 API"
  message = "如果此 AccessKey 泄露，RAM 用户 `${user}` 可以调用 ${count} 个没有任何已授权 Deny 覆盖的高危 API：${apis}（授权来源：${via}）"
  help    = "只授予该密钥的用户其程序所需的权限，为其不需要的高危 API 授权 Deny 策略（`acslint policy deny-high-risk --service …`），或用角色代替 AccessKey"
}
rule "RAM000" {
  title   = "策略文档不是有效的 JSON"
  message = "策略文档不是有效的 JSON：${reason}"
  help    = "RAM 只接受严格的 JSON：不能有注释、不能有尾随逗号，键必须用双引号"
}
rule "RAM001" {
  title   = "策略文档不符合 RAM 文档结构"
  message = "策略文档${problem}"
  help    = "RAM 策略的结构为 {\"Version\": \"1\", \"Statement\": [{...}, ...]}"
}
rule "RAM002" {
  title   = "Statement 是单个对象而不是数组"
  message = "`Statement` 是单个对象；RAM 语法将其写为语句数组"
  help    = "用 `[ ... ]` 包裹该语句"
}
rule "RAM003" {
  title   = "策略使用了未知、拼写错误、大小写错误或重复的元素"
  message = "元素 `${key}` ${problem}${suggestion}"
  help    = "顶层元素为 Version 和 Statement；语句包含 Sid、Effect、Action 或 NotAction、Resource、Principal 和 Condition（区分大小写）"
}
rule "RAM004" {
  title   = "语句中有无效或缺失的元素"
  message = "该语句${problem}"
  help    = "语句需要 Effect（\"Allow\" 或 \"Deny\"）、Action 和 NotAction 二者之一，以及 Resource（信任策略除外）；每个值都是字符串或字符串数组"
}
rule "RAM005" {
  title   = "策略使用了 RAM 不支持的 NotResource 或 NotPrincipal"
  message = "`${key}` 不属于 RAM 策略语言"
  help    = "明确列出资源（或主体），并用 Deny 语句排除例外"
}
rule "RAM006" {
  title   = "Principal 出现在不允许的位置，或在需要时缺失"
  message = "该语句${problem}"
  help    = "身份策略、会话策略和管控策略没有 Principal；信任策略、Bucket Policy、KMS 和 SLS Project 策略需要 Principal"
}
rule "RAM007" {
  title   = "Action 不是 service:ActionName 的形式"
  message = "操作 `${action}` ${problem}"
  help    = "将操作写为 `<ram-code>:<ActionName>`，例如 `ecs:DescribeInstances`，或写为 `*`"
}
rule "RAM008" {
  title   = "Action 引用了未知服务或该服务不存在的操作"
  message = "操作 `${action}`：${problem}"
  help    = "${suggestion}请查阅该服务的 RAM 鉴权页面，确认准确的操作名称"
}
rule "RAM009" {
  title   = "Action 的大小写与目录不一致"
  message = "操作 `${action}` 的大小写与 `${expected}` 不同"
  help    = "写为 `${expected}`"
}
rule "RAM010" {
  title   = "Resource 不是有效的 ARN，或引用了与操作无关的服务"
  message = "资源 `${resource}` ${problem}"
  help    = "资源为 `*` 或 `acs:<ram-code>:<region>:<account-id>:<relative-id>`，服务须与语句中的操作一致"
}
rule "RAM011" {
  title   = "条件运算符不受 RAM 支持"
  message = "条件运算符 `${operator}` ${problem}${suggestion}"
  help    = "RAM 只支持 String*、Numeric*、Date*、Bool、IpAddress 和 NotIpAddress 运算符（不支持 IfExists、Null 或 ForAnyValue:/ForAllValues:）"
}
rule "RAM012" {
  title   = "条件键未知，或其值与运算符不匹配"
  message = "条件键 `${key}` ${problem}"
  help    = "全局条件键有 acs:SourceIp、acs:SourceVpc、acs:SecureTransport、acs:CurrentTime、acs:MFAPresent、acs:AccessId、acs:UserAgent、acs:Referer、acs:ResourceTag/<k>、acs:RequestTag/<k>、acs:TagKeys、acs:PrincipalARN 等；值必须与运算符匹配（IP/CIDR、ISO 8601、\"true\"/\"false\"、数字）"
}
rule "RAM013" {
  title   = "策略文档超过 RAM 6,144 个字符的上限"
  message = "去掉空白后策略文档长 ${length} 个字符；RAM 自定义策略的上限为 ${limit}"
  help    = "将策略拆分为多个策略，或使用通配符并减少语句数量"
}
rule "RAM020" {
  title   = "策略授予了对所有资源的所有操作"
  message = "该语句允许对 `${resource}` 执行 ${action}：完全的管理员权限"
  help    = "只授予持有者所需的操作和资源；只为少数真正的管理员使用 AdministratorAccess 系统策略"
}
rule "RAM021" {
  title   = "策略授予了对敏感服务所有资源的所有操作"
  message = "该语句允许对所有资源执行 `${action}`：完全控制 ${service}"
  help    = "授予所需的具体操作（例如只读访问用 `${service}:Describe*`），或将 Resource 限定到具体的 ARN"
}
rule "RAM022" {
  title   = "Allow 语句使用了 NotAction"
  message = "该语句允许除 ${excluded} 以外的所有操作，包括将来任何服务新增的所有操作"
  help    = "用 Action 列出允许的操作；只在 Deny 语句中使用 NotAction"
}
rule "RAM023" {
  title   = "Allow 语句使用了 NotResource"
  message = "该语句允许对除所列资源以外的所有资源执行其操作"
  help    = "用 Resource 列出操作适用的资源"
}
rule "RAM024" {
  title   = "策略允许持有者提升自身权限"
  message = "权限提升：对 `${resource}` 的 `${action}` 使持有者可以${path}"
  help    = "将该操作限定到具体的 ARN（例如 `acs:ram:*:<account>:user/$${ram:UserName}` 形式的名称），或将其移到仅管理员可用的角色"
}
rule "RAM025" {
  title   = "在所有资源上授予了高危 API 且没有来源网络条件"
  message = "该语句允许从任意网络对所有资源调用 ${count} 个高危 API（${apis}）"
  help    = "添加 acs:SourceIp（IpAddress）或 acs:SourceVpc 条件，或添加使用 NotIpAddress 的 Deny 语句，使泄露的 AccessKey 无法从其他地方调用它们"
}
rule "RAM026" {
  title   = "策略允许无条件关闭审计日志或公开 Bucket"
  message = "该语句无条件允许 ${actions}"
  help    = "将这些操作只留给应急（break-glass）角色，或添加条件（acs:SourceIp；acs:MFAPresent 对 AccessKey 不起作用）"
}
rule "RAM030" {
  title   = "角色信任策略允许任何人扮演该角色"
  message = "信任策略允许主体 `${principal}`（任何人）扮演该角色"
  help    = "只信任特定的账号（`acs:ram::<uid>:root`）、角色、服务或身份提供商"
}
rule "RAM031" {
  title   = "角色无条件信任某账号的所有身份"
  message = "信任策略允许账号 ${account} 的所有 RAM 身份无条件扮演该角色"
  help    = "信任该账号的特定角色，或添加条件；在规则选项 `accounts` 中列出你自己的账号"
}
rule "RAM032" {
  title   = "角色信任身份提供商但没有受众或主体条件"
  message = "信任策略信任 `${provider}`，但没有针对 `${missing}` 的条件"
  help    = "添加针对 saml:recipient（SAML）或 oidc:aud 和 oidc:sub（OIDC / RRSA）的 StringEquals 条件"
}
rule "RAM033" {
  title   = "信任策略中的服务主体无效，或使用了 sts:AssumeRole 以外的操作"
  message = "信任策略${problem}"
  help    = "服务主体的形式为 `<service>.aliyuncs.com`；唯一的信任操作是 `sts:AssumeRole`"
}
rule "RAM040" {
  title   = "Bucket Policy 允许匿名用户写入、删除或修改访问权限"
  message = "Bucket Policy 允许匿名用户调用 ${actions}"
  help    = "只向指定的账号或角色授予写入、删除、ACL 和 Policy 操作"
}
rule "RAM041" {
  title   = "Bucket Policy 允许匿名用户无条件读取"
  message = "Bucket Policy 允许匿名用户从任何地方无条件调用其中的操作"
  help    = "用条件（acs:SourceIp、acs:SourceVpc、acs:Referer）限制匿名访问，或指定主体"
}
rule "RAM042" {
  title   = "Bucket Policy 向其他账号授予访问权限"
  message = "Bucket Policy 向所属账号（${owner}）之外的 `${principal}` 授予了访问权限"
  help    = "确认该账号可信；在规则选项 `accounts` 中列出你的所有账号"
}
rule "RAM043" {
  title   = "共享的 Bucket 未拒绝 HTTP 明文请求"
  message = "Bucket Policy 将 Bucket 共享给了 ${who}，但未拒绝通过 HTTP 明文发送的请求（`acs:SecureTransport`）"
  help    = "添加一条语句：当 `Bool` `acs:SecureTransport` 为 `\"false\"` 时对 `*` 拒绝所有操作，覆盖共享的操作和资源"
}
rule "RAM044" {
  title   = "KMS 密钥、凭据或 SLS Project 策略无条件允许任何人访问"
  message = "${what}允许任何人（`*`）无条件调用 ${actions}"
  help    = "指定需要访问的 RAM 用户、角色或账号，或用条件（acs:SourceVpc、acs:SourceIp）限制该语句"
}
rule "RAM045" {
  title   = "KMS 密钥、凭据或 SLS Project 策略向其他账号授予访问权限"
  message = "${what}将 ${actions} 授予了你的账号之外的 `${principal}`"
  help    = "确认该账号可信；在规则选项 `accounts` 中列出你的所有账号"
}
rule "RAM050" {
  title   = "语句依赖 acs:MFAPresent"
  message = "该语句依赖 `acs:MFAPresent`，它只反映控制台登录：不覆盖 AccessKey 调用"
  help    = "改用网络条件（acs:SourceIp、acs:SourceVpc）保护 API 访问"
}
rule "RAM051" {
  title   = "两条语句的 Sid 相同"
  message = "Sid \"${sid}\" 被多条语句使用"
  help    = "为每条语句指定唯一的 Sid"
}
rule "RAM052" {
  title   = "语句冗余：已被另一条语句覆盖"
  message = "语句 ${statement} 被语句 ${by} 覆盖：效果相同，其操作和资源是后者的子集"
  help    = "删除冗余语句；如果范围更大的语句授予了超出预期的权限，请收窄它"
}
