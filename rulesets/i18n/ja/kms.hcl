# ルール文書の日本語訳：rulesets/alicloud/kms.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "KMS001" {
  docs = <<-EOT
    ## Why
    ローテーションにより、1 つのキーバージョンで保護するデータの量と、漏えいしたキーが有効であり続ける期間を制限できます。

    ## How to fix
    自動ローテーションを有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description = "data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description        = "data"
      automatic_rotation = "Enabled"
      rotation_interval  = "365d"
    }
    ```
  EOT
}

rule "KMS002" {
  docs = <<-EOT
    ## Why
    ローテーションにより、1 つのキーバージョンで保護するデータの量と、盗まれたキーバージョンが有効であり続ける期間に上限を設けられます。
    間隔が数年の自動ローテーションでは、その効果はほとんどありません：KICS は 365 日を超える間隔を検出し、acslint も同様です。
    自動ローテーションのないキーは KMS001 の検出結果です。
    衛生管理であるため low です。

    間隔には単位 `s`、`m`、`h`、`d` を使用できます（`7d` と `604800s` は同じです）。

    ## How to fix
    少なくとも年に 1 回ローテーションしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      automatic_rotation = "Enabled"
      rotation_interval  = "730d"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      automatic_rotation = "Enabled"
      rotation_interval  = "365d"
    }
    ```
  EOT
}

rule "KMS003" {
  docs = <<-EOT
    ## Why
    無効化されたキーでは何も復号できません：そのキーが保護するディスク、バケット、データベースは読み取れなくなります。
    `PendingDeletion` のキーは、削除保留期間が終了すると、それで暗号化されたすべてのデータとともに破棄されます。
    いずれもキーが保護するデータの可用性が失われるため、medium です。

    acslint は `status` と、非推奨の `key_state` および `is_enabled` を読み取ります。
    未設定の `is_enabled` は検出事項になりません（KICS は報告しますが、この属性は非推奨で、キーはデフォルトで有効です）。

    ## How to fix
    データを保護するキーは `Enabled` のままにし、削除はデータを再暗号化した後にのみ行ってください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      status = "PendingDeletion"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      status = "Enabled"
    }
    ```
  EOT
}

rule "KMS004" {
  docs = <<-EOT
    ## Why
    キーを削除すると、それで暗号化されたすべてのデータが破棄されます。
    削除保護を有効にすると、誰かが意図的に無効にするまで `ScheduleKeyDeletion` は失敗します。
    デフォルトは `Disabled` です。
    誤操作や侵害されたオペレーターから守るための衛生管理であるため、low です。

    ## How to fix
    データを保護するキーで削除保護を有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description = "data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description         = "data"
      deletion_protection = "Enabled"
    }
    ```
  EOT
}

rule "KMS005" {
  docs = <<-EOT
    ## Why
    KMS がローテーションできるのにローテーションされないマネージドシークレット（データベース、RAM、ECS の認証情報）は、存在する限り同じパスワードを使い続けるため、漏えいしたコピーが有効なままになります。
    デフォルトはローテーションなしです。
    衛生管理であるため low です。

    汎用シークレット（`secret_type` が未設定または `Generic`）は KMS でローテーションできないため、報告されません（InfraGuard はローテーションのないすべてのシークレットを報告します）。

    ## How to fix
    マネージドシークレットの自動ローテーションを有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_secret" "db" {
      secret_name = "db-app"
      secret_type = "Rds"
      secret_data = jsonencode({ Accounts = [{ AccountName = "app" }] })
      version_id  = "v1"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_secret" "db" {
      secret_name               = "db-app"
      secret_type               = "Rds"
      secret_data               = jsonencode({ Accounts = [{ AccountName = "app" }] })
      version_id                = "v1"
      enable_automatic_rotation = true
      rotation_interval         = "30d"
    }
    ```
  EOT
}
