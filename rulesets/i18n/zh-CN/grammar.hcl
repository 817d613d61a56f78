# 规则文档的简体中文译文：rulesets/ram/grammar.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "RAM001" {
  docs = <<-EOT
    ## Why
    RAM 只接受 `{"Version": "1", "Statement": [ ... ]}` 这种形式：一个 JSON 对象，其 `Version`
    为字符串 `"1"`，`Statement` 为由语句对象组成的非空数组。其他任何形式在创建策略时都会被拒绝，
    因此 `terraform apply` 要到很晚才失败；或者（当语句不是对象时）语句无法表达其本来的含义。

    ## How to fix
    添加 `"Version": "1"`（是字符串，而不是数字 1），并将语句放入数组中。
  EOT
}

rule "RAM002" {
  docs = <<-EOT
    ## Why
    RAM 策略语法将 `Statement` 定义为数组。宽松的解析器也接受单个语句对象，但这不是文档给出的写法，
    而且要求数组的工具（包括同类工具的规则）会悄悄跳过它。acslint 会将其作为一条语句进行分析，
    并指出这一写法问题。

    ## How to fix
    写成 `"Statement": [ { ... } ]`。
  EOT
}

rule "RAM003" {
  docs = <<-EOT
    ## Why
    元素名称区分大小写。拼写错误的元素（`Actions`、`Resources`、`Conditon`）要么被拒绝，
    要么更糟——被忽略，而被忽略的 `Condition` 会让受限的授权变成不受限的授权。RAM 还会拒绝包含
    重复键的对象，而 JSON 解析器会悄悄只保留其中一个。

    ## How to fix
    严格按照文档使用元素名称；acslint 会给出最接近的名称。
  EOT
}

rule "RAM004" {
  docs = <<-EOT
    ## Why
    如果语句的 `Effect` 不恰好是 `Allow` 或 `Deny`，或者 `Action` 和 `NotAction` 同时存在或都不存在，
    或者缺少 `Resource`，RAM 都会拒绝该语句。每个标量值都必须是 JSON 字符串，包括条件中的数字、
    布尔值和日期：RAM 不接受不带引号的 `true` 或 `5`。

    ## How to fix
    按此大小写写成 `"Effect": "Allow"`，`Action`/`NotAction` 只保留其中一个，添加 `"Resource"`，
    并为每个值加上引号。
  EOT
}

rule "RAM005" {
  docs = <<-EOT
    ## Why
    `NotResource` 和 `NotPrincipal` 来自 AWS IAM。RAM 文档中没有这两个元素；使用它们的策略会被拒绝，
    或者该元素被忽略，语句的适用范围比预期更大。

    ## How to fix
    指定语句适用的资源或主体，并为例外情况添加 `Deny` 语句。
  EOT
}

rule "RAM006" {
  docs = <<-EOT
    ## Why
    `Principal` 指明基于资源的策略（角色信任策略、OSS Bucket Policy、KMS 密钥策略、SLS Project 策略）
    适用于谁。身份策略适用于其授权对象，不得指定主体；基于资源的策略则必须指定。
    `Principal` 出现在错误的位置，通常意味着把错误类型的策略粘贴到了错误的地方。

    ## How to fix
    从身份策略中删除 `Principal`；在信任策略和 Bucket Policy 中添加它。
  EOT
}

rule "RAM007" {
  docs = <<-EOT
    ## Why
    操作的形式为 `<ram-code>:<ActionName>`，可以使用 `*` 和 `?` 通配符。包含空白、没有冒号或
    某一部分为空的值不匹配任何操作，因此该语句授予的权限（在 Deny 中则是阻止的操作）会比预期少，
    而且不会有任何提示。

    ## How to fix
    删除多余的字符，写出服务代码和操作名称。
  EOT
}

rule "RAM008" {
  docs = <<-EOT
    ## Why
    不存在的操作不匹配任何内容。在 Allow 中，这会导致工作负载出错；在 Deny 中，这会让本应设置的防护
    悄悄失效。acslint 内置了约 80 个服务代码的 RAM 操作目录，由 `scripts/gen_ram_catalogue.py`
    根据官方 SDK 包生成（OSS 和 SLS：包含其 SDK 的全部操作以及仅用于 RAM 的操作名称）。
    目录之外的服务的操作不做检查。与已知服务代码相近的拼写错误（`ecss`、`actiontrial`）会被报告；
    不匹配目录中任何操作的通配符模式也会被报告。

    ## Severity
    服务的操作列表完整时为中危：该操作不存在，指定它的 Deny 语句起不到任何保护作用。许多服务的列表
    并不完整（RAM 仍接受旧版本 API 的操作，而 OSS、SLS 和 RAM 有一些操作并不是 API）：对这些服务
    以及未知的服务代码，该问题为提示（info）级别，表示需要核对的名称，而不是缺陷。

    ## How to fix
    使用该服务 RAM 鉴权页面上的操作名称；acslint 会给出最接近的名称。
  EOT
}

rule "RAM009" {
  docs = <<-EOT
    ## Why
    RAM “在大多数情况下”不区分操作的大小写，但文档要求使用服务鉴权页面上的准确大小写。
    大小写混用会让策略难以搜索和评审，而且哪些情况属于例外并没有文档说明。

    ## How to fix
    服务代码使用小写，操作名称与目录中的写法一致。
  EOT
}

rule "RAM010" {
  docs = <<-EOT
    ## Why
    不是 `*` 的资源必须是 ARN：`acs:<service>:<region>:<account>:<relative-id>`（RAM 等全局服务的
    地域为空）。格式错误的 ARN，或属于语句中所有操作都不涉及的服务的 ARN，不匹配任何资源：
    该语句不起作用，或者 Deny 语句保护不了它本应保护的内容。

    ## How to fix
    写出这些操作所作用的资源的 ARN。
  EOT
}

rule "RAM011" {
  docs = <<-EOT
    ## Why
    RAM 文档中只有五类运算符：String、Numeric、Date、Bool 和 IP 地址。`…IfExists`、`Null` 以及
    `ForAnyValue:`/`ForAllValues:` 前缀来自 AWS，会被拒绝（"The condition operator 'IfExists/Null'
    is not supported"）。拼写错误的运算符，例如 `IpAdress`（KICS 自己的查询所检查的正是这种拼写），
    永远起不到任何限制作用。

    ## How to fix
    使用文档中的运算符；acslint 会给出最接近的运算符。
  EOT
}

rule "RAM012" {
  docs = <<-EOT
    ## Why
    针对 RAM 不认识的键的条件永远不为真（在 Allow 中，授权失效），或者永远不为假（在使用 `…Not…`
    运算符的 Deny 中，防护永远不会触发）。当运算符无法比较该值时也是如此：`IpAddress` 配 VPC ID、
    `DateLessThan` 配 `31/12/2025`、`Bool` 配 `"yes"`。

    ## How to fix
    使用文档中的全局条件键并注意大小写，值的类型要与运算符匹配。
  EOT
}

rule "RAM013" {
  docs = <<-EOT
    ## Why
    RAM 会拒绝长度超过 6,144 个字符的自定义策略文档（空白不计入；旧版文档中为 2,048）。
    这一错误要到 `terraform apply` 时才会出现。

    ## How to fix
    将策略拆分为授权给同一身份的多个策略，合并效果和资源相同的语句，或使用操作通配符。

    ## Example
    无示例：该文档超过了 RAM 6,144 个字符的上限，过长，无法展示。
  EOT
}
