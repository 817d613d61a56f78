# ルール文書の日本語訳：rulesets/alicloud/actiontrail.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "LOG001" {
  docs = <<-EOT
    ## Why
    証跡がなければ、誰がキーを作成したのか、誰がポリシーを変更したのか、誰がルートアカウントでログオンしたのかを誰も特定できません：コンソールはイベントを 90 日間しか保持せず、何もエクスポートしません。
    アカウントレベルのセキュリティ（パスワードポリシー、セキュリティ設定、リソースディレクトリ、アカウントエイリアス、またはルートモジュール内の RAM ID）を管理する構成には、証跡も含めるべきです。

    このルールは、各ルートモジュールを、それが呼び出すモジュールとあわせて判定します（ルートモジュールとは、スキャン対象の他のどのモジュールからも呼び出されず、かつプロバイダーまたはバックエンドを設定している、変数ファイルを持つ、または `roots` に指定されているディレクトリです）。
    そこにある証跡はルールを満たしますが、別のルートにある証跡は満たしません。そのため、1 つのファイル、ディレクトリ、リポジトリ全体のいずれを検査しても判定は同じになります。
    呼び出し元なしで検査された再利用可能なモジュールは判定されず、その呼び出し元が判定されます。
    オプション `require`（パスの glob のリスト）を指定すると、一致するルートモジュールでは、アカウントレベルのリソースを管理していなくても証跡が必須になります。

    ## How to fix
    すべてのイベントを記録し、OSS または SLS に配信するマルチリージョンの証跡を追加してください。

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_ram_account_password_policy" "this" {
      minimum_password_length = 14
    }
    ```

    Good:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_ram_account_password_policy" "this" {
      minimum_password_length = 14
    }

    resource "alicloud_actiontrail_trail" "audit" {
      trail_name      = "account-audit"
      trail_region    = "All"
      event_rw        = "All"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```
  EOT
}

rule "LOG002" {
  docs = <<-EOT
    ## Why
    攻撃者は誰も監視していないリージョンを利用します。1 つのリージョンに限定された証跡では、それらを見逃します。
    `trail_region` が記述されていない場合、ActionTrail は証跡をすべてのリージョンに適用するため、報告されるのは明示的に別の値を指定した場合のみです（未指定も報告する KICS とは異なります）。

    ## How to fix
    `trail_region = "All"` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name   = "audit"
      trail_region = "cn-hangzhou"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name   = "a"
      trail_region = "All"
    }

    resource "alicloud_actiontrail_trail" "default_regions" {
      trail_name = "b"
    }
    ```
  EOT
}

rule "LOG003" {
  docs = <<-EOT
    ## Why
    読み取りイベントは偵察やデータアクセス（キーの一覧取得、シークレットの読み取り）を示します。書き込みのみの証跡ではこれらを見逃します。

    `event_rw` が未設定の場合は、1 段階低い重要度（low）で「明示的に設定されていない」として別途報告されます：そのデフォルト値について情報源の記述が一致しておらず（参照コミット時点のプロバイダードキュメントでは `All`、古いプロバイダースキーマと ActionTrail の `CreateTrail` API では `Write`）、セキュリティリンターはプロバイダーのバージョンに依存するデフォルト値を前提にできないためです。
    非推奨の `alicloud_actiontrail` ではデフォルトが `Write` であり、未設定の値は medium で報告されます。

    ## Severity
    medium：読み取りイベントを見逃す証跡は不完全な監査証跡です（acslint の基準では、監査の欠落は medium です）。未設定の場合が low なのは、証跡がすべてを記録している可能性も十分にあるためです。

    ## How to fix
    `event_rw = "All"` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name = "audit"
      event_rw   = "Write"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
      event_rw   = "All"
    }

    resource "alicloud_actiontrail" "legacy" {
      name     = "legacy"
      event_rw = "All"
    }
    ```
  EOT
}

rule "LOG004" {
  docs = <<-EOT
    ## Why
    無効化された証跡は、コード上は監査しているように見えますが、何も記録しません。

    ## How to fix
    `status` を削除するか、`Enable` に設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name = "audit"
      status     = "Disable"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
      status     = "Enable"
    }

    resource "alicloud_actiontrail_trail" "b" {
      trail_name = "b"
    }
    ```
  EOT
}

rule "LOG005" {
  docs = <<-EOT
    ## Why
    調査は事後数か月経ってから始まることがよくあります。
    配信先がないと、イベントは 90 日後に消え、クエリやアラートの対象にもできません。

    ## How to fix
    長期保存には `oss_bucket_name` を、クエリとアラートには `sls_project_arn` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name      = "audit"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```
  EOT
}

rule "LOG006" {
  docs = <<-EOT
    ## Why
    リソースディレクトリでは、単一アカウントの証跡は管理アカウントしか記録しません。ワークロードが稼働するメンバーアカウントは監査されないままになります。

    ## How to fix
    `is_organization_trail = true` を設定してください（証跡は再作成されます）。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_resource_manager_resource_directory" "rd" {
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
    }

    resource "alicloud_actiontrail_trail" "b" {
      trail_name            = "b"
      is_organization_trail = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_resource_manager_resource_directory" "rd" {}
    resource "alicloud_actiontrail_trail" "org" {
      trail_name            = "org-audit"
      is_organization_trail = true
    }
    ```
  EOT
}

rule "LOG007" {
  docs = <<-EOT
    ## Why
    監査ログからはアカウントの構成がわかり、バケットを制御できる人はそれを改ざんできます。
    パブリックなバケットでは監査ログが漏えいし、バージョン管理のないバケットでは侵入者が上書きでき、暗号化されていないバケットでは平文で保存されます。
    acslint は証跡の `oss_bucket_name` から構成内のバケットを（参照または名前で）たどり、インライン属性と個別のリソース（`alicloud_oss_bucket_acl`、`_versioning`、`_server_side_encryption`）の両方を読み取ります。

    ## How to fix
    バケットをプライベートにし、バージョン管理とサーバー側暗号化を有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "audit" {
      bucket = "acme-audit"
      acl    = "public-read"
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "audit" {
      bucket = "acme-audit"
      acl    = "private"
      versioning {
        status = "Enabled"
      }
      server_side_encryption_rule {
        sse_algorithm = "KMS"
      }
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```
  EOT
}

rule "LOG008" {
  docs = <<-EOT
    ## Why
    侵害は数か月後に発見されることがよくあります。SLS のデフォルトの保存期間は 30 日です。

    ## How to fix
    証跡の配信先プロジェクトの Logstore に `retention_period = 365`（以上。3650 はイベントを無期限に保持）を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_project" "audit" {
      project_name = "acme-audit"
    }

    resource "alicloud_log_store" "trail" {
      project          = alicloud_log_project.audit.project_name
      name             = "actiontrail_a"
      retention_period = 90
    }

    resource "alicloud_log_store" "default" {
      project = "acme-audit"
      name    = "other"
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name         = "a"
      sls_project_arn    = "acs:log:cn-hangzhou:123456789012:project/$${alicloud_log_project.audit.project_name}"
      sls_write_role_arn = "acs:ram::123456789012:role/aliyunactiontraildefaultrole"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_project" "audit" {
      project_name = "acme-audit"
    }

    resource "alicloud_log_store" "trail" {
      project          = alicloud_log_project.audit.project_name
      name             = "actiontrail_a"
      retention_period = 365
    }

    resource "alicloud_log_store" "default" {
      project          = "acme-audit"
      name             = "other"
      retention_period = 365
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name         = "a"
      sls_project_arn    = "acs:log:cn-hangzhou:123456789012:project/$${alicloud_log_project.audit.project_name}"
      sls_write_role_arn = "acs:ram::123456789012:role/aliyunactiontraildefaultrole"
    }
    ```
  EOT
}

rule "LOG009" {
  docs = <<-EOT
    ## Why
    ルートアカウントは日常的に使用すべきではなく、新しい AccessKey は侵入者が居座るための手段です。
    どちらかに対するアラートがあれば、次回の監査を待たずに数分以内に気付けます。

    ## How to fix
    クエリに `root-account` または `CreateAccessKey` を含むアラートを追加してください。
    ルートモジュールまたはそれが呼び出すモジュール内のアラートであれば、どれでも対象になります（このルールはルートモジュールのみを判定します）。

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      sls_project_arn = "acs:log:cn-hangzhou:123456789012:project/audit"
    }

    resource "alicloud_log_alert" "cpu" {
      project_name = "audit"
      alert_name   = "cpu"
      query_list {
        store = "metrics"
        query = "cpu > 90"
      }
    }
    ```

    Good:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      sls_project_arn = "acs:log:cn-hangzhou:123456789012:project/audit"
    }

    resource "alicloud_log_alert" "root" {
      project_name = "audit"
      alert_name   = "root-activity"
      query_list {
        store = "actiontrail_a"
        query = "event.userIdentity.type: root-account"
      }
    }
    ```
  EOT
}

rule "LOG010" {
  docs = <<-EOT
    ## Why
    ログ監査は多数のサービスのログを一元化します。ActionTrail のイベント、RDS の監査ログ、OSS のアクセスログは、調査に必要な最低限のログです。
    3 つともデフォルトでは無効です。
    ログ監査が収集できるその他のサービス（WAF、Security Center、Kubernetes の監査など）は SLS004 の対象です。

    Checkov の CKV_ALI_38 は、3 つのうちの `rds_enabled` を要求します。
    KICS の `rds_instance_events_not_logged` は `rds_ti_enabled`、`rds_slow_enabled`、`rds_perf_enabled` も要求しますが、スロークエリログとパフォーマンスログはセキュリティイベントを記録しないため、acslint はこれらを要求しません。

    ## How to fix
    `actiontrail_enabled`、`rds_enabled`、`oss_access_enabled` を `"true"` に設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_audit" "this" {
      display_name = "audit"
      aliuid       = "123456789012"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_audit" "this" {
      display_name = "audit"
      aliuid       = "123456789012"
      variable_map = {
        actiontrail_enabled = "true"
        rds_enabled         = "true"
        oss_access_enabled  = "true"
      }
    }
    ```
  EOT
}

rule "LOG011" {
  docs = <<-EOT
    ## Why
    フローログは、どのアドレスがどのインスタンスと通信したかを示します：データの持ち出しやラテラルムーブメントの証拠になります。
    VPC またはその vSwitch のいずれかのフローログ、あるいは VPC フローログを収集するログ監査があれば、このルールを満たします。
    チェックするのはルートモジュール（スキャン対象の他のどのモジュールからも呼び出されず、かつプロバイダーまたはバックエンドを設定している、変数ファイルを持つ、または `roots` に指定されているディレクトリ。`terraform` ブロックだけでは該当しません）のみです：再利用可能なモジュールは、フローログとそれに必要なログプロジェクトを呼び出し元に任せます。

    ## How to fix
    VPC のフローログを追加してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }

    resource "alicloud_vpc" "other" {
      vpc_name   = "other"
      cidr_block = "172.16.0.0/12"
    }

    resource "alicloud_vpc_flow_log" "other" {
      resource_type  = "VPC"
      resource_id    = alicloud_vpc.other.id
      traffic_type   = "All"
      project_name   = "net"
      log_store_name = "flow"
      status         = "Inactive"
    }

    provider "alicloud" {
      region = "cn-hangzhou"
    }
    ```

    Good:
    ```hcl
    provider "alicloud" {
      region = "cn-hangzhou"
    }

    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }

    resource "alicloud_vpc_flow_log" "main" {
      resource_type  = "VPC"
      resource_id    = alicloud_vpc.main.id
      traffic_type   = "All"
      project_name   = "net"
      log_store_name = "flow"
    }
    ```
  EOT
}
