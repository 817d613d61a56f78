# ルール文書の日本語訳：rulesets/alicloud/nas.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "NAS001" {
  docs = <<-EOT
    ## Why
    サーバー側暗号化がないと、ファイルは書き込まれたまま保存され、ストレージのコピーやスナップショットから読み取られるおそれがあります。
    `encrypt_type` のデフォルトは `0`（暗号化なし）で、作成後に変更することはできません。
    暗号化の欠如は、acslint の重大度では medium です。

    ## How to fix
    `encrypt_type = 2` と独自の KMS キー（または NAS 管理キーの `1`。こちらは NAS002 が low として報告します）を指定してファイルシステムを作成してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
      encrypt_type  = 2
      kms_key_id    = alicloud_kms_key.nas.id
    }
    ```
  EOT
}

rule "NAS002" {
  docs = <<-EOT
    ## Why
    NAS 管理キー（`encrypt_type = 1`）では、キーの無効化やローテーション、キーポリシーによる使用者の制限、使用状況の監査ができません。
    独自の KMS キー（`encrypt_type = 2`）ではこれらが可能です。
    暗号化に上乗せする衛生管理であるため low です。
    KICS はこのチェックで暗号化されていないファイルシステムも報告しますが、acslint はそれらを NAS001 として 1 回だけ報告します。

    ## How to fix
    独自の KMS キーを使用してください（作成時のみ指定可能）。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
      encrypt_type  = 1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
      encrypt_type  = 2
      kms_key_id    = alicloud_kms_key.nas.id
    }
    ```
  EOT
}

rule "NAS003" {
  docs = <<-EOT
    ## Why
    アクセスルールは NFS における唯一の認可です：ルールに一致し、マウントターゲットに到達できるホストは、すべてのファイルを読み取れます（デフォルトの `RDWR` では書き込みも可能です）。
    `0.0.0.0/0`（または `::/0`）はすべてのホストに一致するため、ファイルシステムのプライバシーは周囲のネットワークに完全に依存します。
    データの公開であるため high です。

    ## How to fix
    クライアントのサブネットのみを許可してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_access_rule" "all" {
      access_group_name = alicloud_nas_access_group.app.access_group_name
      source_cidr_ip    = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_access_rule" "app" {
      access_group_name = alicloud_nas_access_group.app.access_group_name
      source_cidr_ip    = "10.0.1.0/24"
      rw_access_type    = "RDONLY"
    }
    ```
  EOT
}

rule "NAS004" {
  docs = <<-EOT
    ## Why
    VPC のデフォルトのアクセスグループ（`DEFAULT_VPC_GROUP_NAME`）は、`0.0.0.0/0` に読み書きアクセスを root squash なしで許可します：VPC 内のすべてのホスト、および VPC に到達できるあらゆるものが、ファイルシステムをマウントできます。
    `access_group_name` のないマウントターゲットにはこのグループが適用されます。
    ネットワーク内でのデータへの広範なアクセスであるため medium です。

    ## How to fix
    クライアントのサブネットを列挙したルールを持つ独自のアクセスグループをアタッチしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_mount_target" "app" {
      file_system_id = alicloud_nas_file_system.share.id
      vswitch_id     = alicloud_vswitch.app.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_mount_target" "app" {
      file_system_id    = alicloud_nas_file_system.share.id
      vswitch_id        = alicloud_vswitch.app.id
      access_group_name = "app-clients"
    }
    ```
  EOT
}
