# 规则文档的简体中文译文：rulesets/alicloud/iam.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "IAM001" {
  docs = <<-EOT
    ## Why
    写在 `.tf` 文件中的 AccessKey 会随代码仓库的每一份副本、每一条 CI 日志和每一个 fork 传播。
    任何读到它的人都能以其所有者的身份操作，而所有者往往拥有管理员权限。
    阿里云会限制检测到已泄露的密钥，但到那时密钥已经暴露。

    ## How to fix
    从 provider 块中删除 `access_key`、`secret_key` 和 `security_token`。
    从代码之外提供凭证：环境变量 `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`、CLI `profile`、ECS 实例 RAM 角色（`ecs_role_name`）、OIDC（`assume_role_with_oidc`）或 `assume_role` 块。
    然后禁用并轮换已提交的密钥：它会一直留在提交历史中。
    明显的占位符（`"xxxxxx"`、`"<your-access-key-id>"`）不会被报告。
  EOT
}

rule "IAM002" {
  docs = <<-EOT
    ## Why
    直接使用 AccessKey 的 provider 在密钥的整个生命周期内都以密钥所有者的身份操作；如果是主账号的密钥，就是以主账号身份操作。
    扮演角色可以限制一次运行能做的事情，并让每次运行都使用短期有效的 STS 临时凭证，操作审计（ActionTrail）会将这些操作记录到该角色会话名下。

    ## How to fix
    保留 AccessKey（从环境变量而不是代码中获取）仅用于认证，并添加 `assume_role` 块，指定一个具有该配置所需权限的角色。
    更好的做法是在 ECS 实例 RAM 角色下运行，或使用支持 OIDC 的 CI 系统。
  EOT
}

rule "IAM003" {
  docs = <<-EOT
    ## Why
    没有 `user_name` 时，`CreateAccessKey` 会为调用者自身创建密钥。
    如果 Terraform 使用主账号凭证运行，就会创建主账号 AccessKey：它拥有全部权限，且无法用任何策略加以限制。

    ## How to fix
    指定密钥所属的 RAM 用户，并只授予该用户所需的权限。
  EOT
}

rule "IAM004" {
  docs = <<-EOT
    ## Why
    provider 会将 `secret` 属性保存在状态文件中。
    任何能读取状态文件的人（后端存储 Bucket、CI 构建产物、某台笔记本电脑）都能使用该密钥。

    ## How to fix
    设置 `pgp_key`；此后 provider 只保存 `encrypted_secret`，由私钥持有者解密。
    更好的做法是用角色（ECS 实例 RAM 角色、RRSA、OIDC）代替 AccessKey。
  EOT
}

rule "IAM005" {
  docs = <<-EOT
    ## Why
    `secret_file` 会把密钥对写入运行 Terraform 的机器的磁盘，在那里它很容易被提交到代码仓库、被复制到 CI 构建产物中，或被遗留下来。

    ## How to fix
    删除 `secret_file`。
    使用 `pgp_key`，并分发 `encrypted_secret` 输出。
  EOT
}

rule "IAM006" {
  docs = <<-EOT
    ## Why
    每多一个启用的密钥，就多一个需要保护的秘密；而两个长期存在的密钥通常意味着轮换后旧密钥从未停用。

    ## How to fix
    每个用户只保留一个启用的密钥。
    轮换时，先创建新密钥，将客户端切换到新密钥，然后将旧密钥设为 `Inactive` 并删除。
  EOT
}

rule "IAM007" {
  docs = <<-EOT
    ## Why
    为人员账号创建 AccessKey，会让程序以该人员的权限运行；一旦 AccessKey 泄露，一个可以登录控制台的身份也随之失陷。

    ## How to fix
    为程序创建专用的 RAM 用户（或角色），并删除该人员的密钥。
  EOT
}

rule "IAM008" {
  docs = <<-EOT
    ## Why
    每次 apply 之后都会打印 output，其他配置和 CI 任务也会读取它们。
    output 中的 AccessKey Secret 或密码最终会出现在日志中。

    ## How to fix
    将 output 标记为 `sensitive = true`，或改为输出经 PGP 加密的 Secret。
  EOT
}

rule "IAM009" {
  docs = <<-EOT
    ## Why
    逐个用户授权的权限会逐渐变得不一致，难以审查或撤销；用户组或角色则为职责相同的所有人保留同一份权限定义。

    ## How to fix
    将策略授权给用户组或角色，通过管理成员关系来分配权限。
  EOT
}

rule "IAM010" {
  docs = <<-EOT
    ## Why
    `AdministratorAccess`、允许对所有资源执行 `*`（或 `ram:*`）的自定义策略，以及 `AliyunRAMFullAccess`（可以给自己授予任何权限）都等于交出整个账号。
    此类身份的凭证一旦泄露，就意味着整个账号失陷。

    ## How to fix
    授权遵循最小权限原则的策略。
    当自定义策略通过引用授权（`policy_name = alicloud_ram_policy.x.policy_name`）时，acslint 会读取该策略的文档。
  EOT
}

rule "IAM011" {
  docs = <<-EOT
    ## Why
    `Aliyun<Service>FullAccess` 允许对该服务的所有资源执行所有操作，包括删除数据和修改访问设置。
    很少有身份需要这样的权限。

    ## How to fix
    优先使用 `Aliyun<Service>ReadOnlyAccess`，或只列出所需操作的自定义策略。
  EOT
}

rule "IAM012" {
  docs = <<-EOT
    ## Why
    仅凭控制台密码，很容易因钓鱼、猜测或密码复用而被盗用。
    MFA 可以阻止大多数账号盗用。

    ## How to fix
    要求该用户绑定 MFA 设备，或在安全设置中为整个账号强制 MFA（满足其一即可通过此规则）。
  EOT
}

rule "IAM013" {
  docs = <<-EOT
    ## Why
    使用默认值 `independent` 时，是否需要 MFA 取决于每个用户自己的设置；`adaptive` 只在判定为异常的登录时才要求 MFA。
    只有 `mandatory` 能保证始终有第二重认证。

    ## How to fix
    设置 `mfa_operation_for_login = "mandatory"`。
    已弃用的 `enforce_mfa_for_login = true` 同样可以通过（与 Checkov 不同，acslint 两者都会读取）。
  EOT
}

rule "IAM014" {
  docs = <<-EOT
    ## Why
    自行创建密钥的用户会产生无人跟踪的长期凭证，而这些身份往往还能登录控制台。

    ## How to fix
    设置 `allow_user_to_manage_access_keys = false`，并通过经过审查的代码创建密钥。
  EOT
}

rule "IAM015" {
  docs = <<-EOT
    ## Why
    被遗忘的用户和密钥被滥用时，往往无人察觉。
    provider 的默认值要到 730 天后才会停用它们。
    过长的控制台会话在共享或被盗的设备上仍然可用。

    ## How to fix
    设置 `max_idle_days_for_users = 90` 和 `max_idle_days_for_access_keys = 90`（provider 1.268+），并让 `login_session_duration` 保持较短。
    选项 `max_idle_days`（默认 90）和 `max_session_hours`（默认 6）可以修改这些上限。
  EOT
}

rule "IAM016" {
  docs = <<-EOT
    ## Why
    如果没有登录掩码，被盗的密码（以及被实时钓鱼获取的 MFA）可以在公网上的任何地方使用。

    ## How to fix
    只允许从已知网络登录控制台和 SSO。
    范围大于 /8 的掩码同样会被报告。
  EOT
}

rule "IAM017" {
  docs = <<-EOT
    ## Why
    短密码容易被猜中。
    默认长度为 12（`alicloud_ram_account_password_policy`），而 `alicloud_ram_password_policy` 只有 8，因此未设置长度即视为不通过。

    ## How to fix
    将 `minimum_password_length` 设为 14 或更长。
  EOT
}

rule "IAM018" {
  docs = <<-EOT
    ## Why
    要求同时包含大写字母、小写字母、数字和符号，可以扩大每个密码的搜索空间。
    两种资源的默认值不同：`alicloud_ram_account_password_policy` 上默认为 true，较新的 `alicloud_ram_password_policy` 上默认为 false，因此只有后者在未设置这些属性时不通过。

    ## How to fix
    将四个 `require_*` 属性都设为 true。
  EOT
}

rule "IAM019" {
  docs = <<-EOT
    ## Why
    从不修改的密码在泄露后依然有效。
    默认值 `0` 表示密码永不过期。
    acslint 遵循 CIS v1.0.0（90 天或更短）；CIS v2.0.0 的表述存在歧义，可按你的理解设置选项 `max_age`。

    ## How to fix
    将 `max_password_age` 设为 90 或更小，且不为 0。
  EOT
}

rule "IAM020" {
  docs = <<-EOT
    ## Why
    如果不检查历史密码，强制修改密码后只要重新设回旧密码就等于没改。
    默认值 `0` 会关闭该检查；Checkov 和 KICS 都接受显式设置的 0，acslint 不接受。

    ## How to fix
    将 `password_reuse_prevention` 设为 24（至少为 5）。
  EOT
}

rule "IAM021" {
  docs = <<-EOT
    ## Why
    几次输错密码后锁定登录一小时，可以阻止在线猜测密码。
    `0` 会关闭锁定：这是 `alicloud_ram_password_policy` 的默认值（属性名为 `max_login_attemps`，原文如此），而 `alicloud_ram_account_password_policy` 的默认值为 5。
    Checkov 会放过显式设置的 0。

    ## How to fix
    将上限设为 5 或更小，且不为 0。
  EOT
}

rule "IAM022" {
  docs = <<-EOT
    ## Why
    没有强制过期时，过期只是一种提醒：任何持有过期密码的人（包括获取了该密码的攻击者）仍然可以登录一次并设置新密码。

    ## How to fix
    设置 `hard_expiry = true`。
  EOT
}

rule "IAM023" {
  docs = <<-EOT
    ## Why
    STS 临时凭证无法逐个吊销。
    如果一个可由其他账号扮演的角色允许 12 小时的会话，被盗的凭证在半天内都能使用。

    ## How to fix
    让 `max_session_duration` 保持较短（默认 3600）。
    超过选项 `max_session_duration` 的值会被报告；该选项默认为 39600 秒（11 小时），即报告超过 11 小时、
    直至 12 小时上限（43200）的会话时长。
  EOT
}

rule "IAM030" {
  docs = <<-EOT
    ## Why
    AccessKey 的影响范围取决于其 RAM 用户能做什么。
    阿里云会为它认为已泄露的密钥封禁一批高危 API，但只有在发现泄露之后，而且只封禁这份列表中的 API（使用的高危 API 列表：`rulesets/data/high-risk-apis.hcl`，或 `--high-risk-list FILE`；`acslint explain IAM030` 会打印该列表）。
    此规则列出该密钥的用户可以调用的、列表中的操作：对每个用户位于同一配置中的 `alicloud_ram_access_key`，它收集授权给该用户及其所属用户组（`alicloud_ram_group_membership`、`alicloud_ram_user_group_attachment`）的策略，像 RAM 那样对自定义策略（`alicloud_ram_policy`）求值（通配符、`NotAction`、Deny 优先于 Allow），并从一张表（`rulesets/data/system-policies.hcl`）中读取系统策略：`AdministratorAccess`、`Aliyun<Product>FullAccess` = 该产品的所有操作、`…ReadOnlyAccess` = 其只读操作。
    受条件（来源网络、MFA）限制的授权不计入；仅限于部分资源的授权则计入。
    只有在无条件地覆盖所有资源上的该操作时，Deny 才计入。
    RAM 和 IMS 按其写操作计入。

    当某个策略无法解析时（名称来自变量、自定义策略定义在别处、表中没有的系统策略、未知的用户组成员关系），结果为未知（`--show-unknown`），绝不会悄悄判定为通过。

    严重级别为 info：这是关于某个密钥的事实，日常有用，在安全事件中则至关重要。
    `leak-response` 规则包（`--select leak-response`，或 `pack = ["leak-response"]`）会将其报告为 high。

    ## How to fix
    只授予程序最小权限，为其不需要的高危 API 授权 Deny 策略，并优先使用角色（ECS 实例 RAM 角色、RRSA、OIDC）而不是长期 AccessKey。
  EOT
}
