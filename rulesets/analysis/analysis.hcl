# Diagnostics of the analysis itself: files that could not be read or parsed, limits reached.
# Their checks live in the front ends; these blocks carry their metadata.

rule "TF001" {
  name     = "hcl-syntax-error"
  severity = "high"
  title    = "Terraform file has a syntax error"
  scope    = "file"
  check    = builtin("front-end")
  message  = "syntax error: ${reason}"
  help     = "fix the syntax; nothing else in this file was analysed"
  ignorable = false
  docs = <<-EOT
    ## Why
    A file that Terraform cannot parse cannot be analysed either: every rule is blind to it, so
    its misconfigurations go unseen. acslint reports the parser's own message at the position
    where parsing stopped and goes on with the other files.

    ## How to fix
    Correct the syntax (`terraform fmt` and `terraform validate` point at the same place).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_user" "u" {
      name = "ops"
    # the closing brace is missing
    ```

    Good:
    ```hcl
    resource "alicloud_ram_user" "u" {
      name = "ops"
    }
    ```
  EOT
}

rule "TF002" {
  name     = "unreadable-file"
  severity = "high"
  title    = "File could not be read"
  scope    = "file"
  check    = builtin("front-end")
  message  = "${reason}"
  help     = "make the file readable UTF-8 text, or exclude it with --exclude"
  ignorable = false
  docs = <<-EOT
    ## Why
    A file that cannot be read (permissions, a broken or looping symbolic link, bytes that are
    not UTF-8) is not analysed. acslint says so instead of passing it silently.

    ## How to fix
    Fix the permissions or the link, convert the file to UTF-8, or exclude it with
    `--exclude GLOB` if it is not Terraform or a policy.

    ## Example
    No example: the file is not text acslint can read (not UTF-8, a FIFO or device, a symbolic link leaving the tree, a loop): there is no source to show.
  EOT
}

rule "TF003" {
  name     = "file-too-large"
  severity = "medium"
  title    = "File is larger than the analysis limit"
  scope    = "file"
  check    = builtin("front-end")
  message  = "${reason}"
  help     = "raise the limit with --max-file-size BYTES, or exclude generated files"
  ignorable = false
  docs = <<-EOT
    ## Why
    Very large files are usually generated (state dumps, vendored data). acslint skips files
    over the limit (8 MiB by default) so that one file cannot stall a run, and reports each one
    so nothing is skipped silently.

    ## How to fix
    Exclude generated files with `--exclude`, or raise the limit with `--max-file-size`.

    ## Example
    No example: the file is larger than `--max-file-size` (8 MiB by default): too large to show.
  EOT
}

rule "RAM000" {
  name     = "policy-invalid-json"
  severity = "high"
  title    = "Policy document is not valid JSON"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("front-end")
  message  = "the policy document is not valid JSON: ${reason}"
  help     = "RAM accepts strict JSON only: no comments, no trailing commas, double-quoted keys"
  ignorable = false
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/policy-structure-and-syntax"
  }
  docs = <<-EOT
    ## Why
    RAM rejects a policy document that is not strict JSON, so `terraform apply` fails late, and
    no other policy rule can look inside it.

    ## How to fix
    Remove comments and trailing commas; quote every key with double quotes. In Terraform,
    prefer `jsonencode({ ... })` to a hand-written JSON string.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*",}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}
      ]
    }
    ```
  EOT
}

rule "TF004" {
  name     = "module-not-analysed"
  severity = "info"
  title    = "Module call could not be analysed"
  scope    = "file"
  check    = builtin("front-end")
  message  = "module `${module}` (`${source}`) is not analysed: ${reason}"
  help     = "run `terraform init` so the module is installed under .terraform/modules, or point a local `source` at a directory of Terraform files"
  docs = <<-EOF2
    ## Why
    acslint never downloads modules. A module call whose source is a registry, Git or HTTP
    address, or a local directory that holds no Terraform file, is not evaluated: the resources it
    creates are not checked and its outputs are unknown. acslint says so once per call, at the
    `source` attribute, instead of passing silently.

    ## How to fix
    Run `terraform init` first: modules it installs under `.terraform/modules/` (listed in
    `modules.json`) are read from there. A local module is read from its directory even when
    the scan does not reach it (its own findings are reported when it is scanned): check that
    its `source` names a directory of Terraform files.

    ## Example
    Bad:
    ```hcl
    module "vpc" {
      source  = "alibaba/vpc/alicloud"   # registry module, not downloaded
      version = "1.11.0"
    }
    ```

    Good:
    ```hcl
    module "vpc" {
      source = "./modules/vpc"
    }
    # file: modules/vpc/main.tf
    resource "alicloud_vpc" "this" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }
    ```
  EOF2
}

rule "TF005" {
  name     = "evaluation-limit"
  severity = "medium"
  title    = "Terraform evaluation stopped at a limit"
  scope    = "file"
  check    = builtin("front-end")
  message  = "evaluation stopped: ${reason}"
  help     = "break the cycle, or reduce the size of the expression; the values involved are treated as unknown"
  ignorable = false
  docs = <<-EOF2
    ## Why
    acslint evaluates Terraform with bounded work so that any input ends quickly: a local or
    module that depends on itself, a `count` or `for_each` with more than 1000 instances,
    expressions nested too deeply, strings or collections that grow too large, or module calls
    nested too deeply, or a configuration whose values or function work exceed its memory or
    work budget. When a bound is reached the values involved become unknown (so no finding is
    made on them) and this diagnostic says where.

    Part of the code was not checked, so nothing inside the scanned tree can silence this
    diagnostic (configuration, suppression comments, baselines) and it always fails the run:
    otherwise a pull request could add a bomb and `ignore = ["TF005"]` and pass. Only
    `--allow-incomplete` on the command line lifts this.

    ## How to fix
    Remove the cycle (Terraform rejects it too), or simplify the expression. Very large
    `count` values are usually a mistake; when they are not, the instances are checked as one
    instance with unknown `count.index`.

    ## Example
    Bad:
    ```hcl
    locals {
      a = local.b
      b = local.a   # cycle
    }
    ```

    Good:
    ```hcl
    locals {
      names = [for i in range(10) : "user-$${i}"]
      first = local.names[0]
    }

    resource "alicloud_ram_user" "u" {
      count = length(local.names)
      name  = local.names[count.index]
    }
    ```
  EOF2
}

rule "TF006" {
  name     = "internal-error"
  severity = "critical"
  title    = "The analysis of a file failed with an internal error"
  scope    = "file"
  check    = builtin("front-end")
  message  = "internal error: the analysis of this ${what} stopped on ${reason}; its findings are missing"
  help     = "this is a bug in acslint: please report it with the file (or a reduced copy); the other files were analysed"
  ignorable = false
  docs = <<-EOT
    ## Why
    acslint must never crash on its input, but if a bug makes the analysis of one file or
    configuration panic anyway, the panic is contained: that file is reported with this finding,
    every other file is analysed as usual, and the exit code is 2 so that CI does not mistake an
    incomplete run for a clean one. The message names the place in acslint's code that failed,
    never the content of the file (which could hold a secret).

    ## How to fix
    Report the bug with the file that triggers it, or a reduced copy of it. Until it is fixed,
    `--exclude` the file to get a complete run of the others.

    ## Example
    No example: an internal error in acslint; no input is meant to cause it.
  EOT
}
