# 规则文档的简体中文译文：rulesets/analysis/suppressions.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "TF010" {
  docs = <<-EOT
    ## Why
    抑制注释会让之后的每位读者和每次 CI 运行都看不到某个问题。如果没有理由，就没有人能判断该风险是否是
    有意接受的，之后也没有人能复核它。因此，acslint 不会应用没有理由的抑制注释，并会报告它。

    ## How to fix
    在 ` -- ` 之后写明理由，还可以加上到期日期：
    `# acslint:ignore RAM001 until=2026-12-31 -- break-glass role, reviewed by security`。
  EOT
}

rule "TF011" {
  docs = <<-EOT
    ## Why
    如果抑制注释引用了不存在的规则（拼写错误、已改名的代码）、到期日期格式错误，或者引用了不可抑制的规则，
    它实际上不会屏蔽任何问题，而作者却以为它会。acslint 会报告它，以便修正该注释。

    ## How to fix
    使用 `acslint rules` 中列出的代码或名称，日期写为 `until=YYYY-MM-DD`，并使用 `acslint:ignore`
    或 `acslint:ignore-file` 指令之一。标记为不可忽略的规则（语法错误、无法读取的文件）不能被抑制：
    请改为修复其根本原因。
  EOT
}

rule "TF012" {
  docs = <<-EOT
    ## Why
    没有人提醒时，临时例外就会变成永久例外。带有 `until=YYYY-MM-DD` 的抑制注释在该日期（UTC）之后失效，
    问题会再次出现，而这条诊断会说明原因。

    ## How to fix
    修复底层问题并删除该注释，或者有意识地用新日期为其续期。
  EOT
}

rule "TF013" {
  docs = <<-EOT
    ## Why
    抑制注释往往比它所针对的代码存在得更久。一条不再屏蔽任何问题的抑制注释只是噪音；更糟的是，
    以后它会悄悄屏蔽同一规则的新问题。

    ## How to fix
    删除该注释，或删除其中不再触发的规则代码。只会针对实际运行过的规则检查抑制注释：被 `--select`/`--ignore`
    或配置关闭的规则，不会让其抑制注释被判定为未使用。
  EOT
}
