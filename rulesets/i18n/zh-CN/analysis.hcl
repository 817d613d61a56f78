# 规则文档的简体中文译文：rulesets/analysis/analysis.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "TF001" {
  docs = <<-EOT
    ## Why
    Terraform 无法解析的文件也无法被分析：所有规则都看不到它，其中的错误配置因此不会被发现。
    acslint 会在解析停止的位置报告解析器自身的消息，并继续分析其他文件。

    ## How to fix
    修正语法错误（`terraform fmt` 和 `terraform validate` 会指向同一位置）。
  EOT
}

rule "TF002" {
  docs = <<-EOT
    ## Why
    无法读取的文件（权限问题、损坏或循环的符号链接、不是 UTF-8 的字节）不会被分析。acslint 会明确报告，
    而不是悄悄跳过。

    ## How to fix
    修正权限或链接，将文件转换为 UTF-8，或者如果它不是 Terraform 文件或策略文件，用
    `--exclude GLOB` 排除它。

    ## Example
    无示例：该文件不是 acslint 能读取的文本（不是 UTF-8、是 FIFO 或设备文件、是指向目录树之外的符号链接、存在循环）：没有可展示的源码。
  EOT
}

rule "TF003" {
  docs = <<-EOT
    ## Why
    非常大的文件通常是生成的（状态导出、vendor 引入的数据）。acslint 会跳过超过上限（默认 8 MiB）的文件，
    以免单个文件拖住整次运行，并逐个报告这些文件，确保不会悄悄跳过任何内容。

    ## How to fix
    用 `--exclude` 排除生成的文件，或用 `--max-file-size` 提高上限。

    ## Example
    无示例：该文件超过了 `--max-file-size`（默认 8 MiB）：过大，无法展示。
  EOT
}

rule "RAM000" {
  docs = <<-EOT
    ## Why
    RAM 会拒绝不是严格 JSON 的策略文档，因此 `terraform apply` 要到很晚才失败，而且其他策略规则
    都无法检查其内容。

    ## How to fix
    删除注释和尾随逗号；所有键都用双引号括起来。在 Terraform 中，优先使用 `jsonencode({ ... })`，
    而不是手写的 JSON 字符串。
  EOT
}

rule "TF004" {
  docs = <<-EOF2
    ## Why
    acslint 从不下载模块。如果模块调用的来源是 Registry、Git 或 HTTP 地址，或者是不含 Terraform 文件的本地目录，
    该模块就不会被求值：它创建的资源不会被检查，其输出也是未知的。acslint 会在每个调用的 `source`
    属性处报告一次，而不是悄悄跳过。

    ## How to fix
    先运行 `terraform init`：它安装到 `.terraform/modules/` 下的模块（列在 `modules.json` 中）会从那里读取。
    本地模块即使不在扫描范围内，也会从其目录读取（模块自身的问题在扫描该模块时报告）：请检查
    `source` 是否指向含有 Terraform 文件的目录。
  EOF2
}

rule "TF005" {
  docs = <<-EOF2
    ## Why
    acslint 以有限的工作量对 Terraform 求值，确保任何输入都能很快结束：依赖自身的 local 或模块、
    实例数超过 1000 的 `count` 或 `for_each`、嵌套过深的表达式、增长过大的字符串或集合、嵌套过深的
    模块调用，或者值或函数计算超出内存或工作量预算的配置。达到上限时，涉及的值变为未知（因此不会据此
    报告问题），并由这条诊断指出位置。

    由于有部分代码未被检查，扫描目录树内的任何内容（配置、抑制注释、基线）都无法屏蔽这条诊断，它总会
    导致本次运行失败：否则，一个拉取请求就可以加入一个“炸弹”再加上 `ignore = ["TF005"]` 而蒙混过关。
    只有命令行上的 `--allow-incomplete` 才能解除这一限制。

    ## How to fix
    消除循环引用（Terraform 也会拒绝它），或简化表达式。非常大的 `count` 值通常是错误；如果不是，
    这些实例会作为一个 `count.index` 未知的实例进行检查。
  EOF2
}

rule "TF006" {
  docs = <<-EOT
    ## Why
    acslint 绝不应因输入而崩溃，但如果某个缺陷仍然导致某个文件或配置的分析发生 panic，该 panic 会被
    隔离：该文件以这条问题报告，其他所有文件照常分析，退出码为 2，以免 CI 把不完整的运行误认为没有问题。
    消息中给出的是 acslint 代码中出错的位置，绝不会包含文件内容（其中可能有密钥）。

    ## How to fix
    附上触发问题的文件或其精简后的副本报告该缺陷。在修复之前，可以用 `--exclude` 排除该文件，
    以便完整地分析其他文件。

    ## Example
    无示例：这是 acslint 的内部错误；任何输入都不应导致它。
  EOT
}
