# ルール文書の日本語訳：rulesets/analysis/suppressions.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "TF010" {
  docs = <<-EOT
    ## Why
    抑制は、後からそれを読むすべての人とすべての CI 実行から検出結果を隠します。
    理由がないと、そのリスクが意図的に受け入れられたものかどうかを誰も判断できず、後からレビューすることもできません。
    そのため acslint は、理由のない抑制を適用せずに報告します。

    ## How to fix
    ` -- ` の後に理由を書き、必要に応じて有効期限の日付も指定してください：
    `# acslint:ignore RAM001 until=2026-12-31 -- break-glass role, reviewed by security`。

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB001
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    # acslint:ignore DB001 -- reporting replica, reachable only through the VPN gateway
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```
  EOT
}

rule "TF011" {
  docs = <<-EOT
    ## Why
    存在しないルール（入力ミス、名前が変更されたコード）を指定した抑制、期限の日付が不正な抑制、抑制できないルールを指定した抑制は、作成者は機能していると思っていても、何も抑制しません。
    acslint はこれを報告し、コメントが修正されるようにします。

    ## How to fix
    `acslint rules` にあるコードまたは名前、`until=YYYY-MM-DD` 形式の日付、そして `acslint:ignore` または `acslint:ignore-file` のいずれかのディレクティブを使用してください。
    抑制不可とされているルール（構文エラー、読み取れないファイル）は抑制できません：代わりに原因を修正してください。

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB01 -- reporting replica, reachable only through the VPN gateway
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    # acslint:ignore DB001 -- reporting replica, reachable only through the VPN gateway
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```
  EOT
}

rule "TF012" {
  docs = <<-EOT
    ## Why
    一時的な例外は、誰にも思い出されなければ恒久的なものになってしまいます。
    `until=YYYY-MM-DD` を指定した抑制はその日付（UTC）を過ぎると機能しなくなるため、検出結果が再び表示され、この診断がその理由を示します。

    ## How to fix
    元の検出事項を修正してコメントを削除するか、新しい日付で意図的に更新してください。

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB001 until=2020-01-01 -- migration window
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    # The migration is done: the whitelist is narrowed and the suppression removed.
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["10.0.0.0/16"]
    }
    ```
  EOT
}

rule "TF013" {
  docs = <<-EOT
    ## Why
    抑制コメントは、対象として書かれたコードよりも長く残ります。
    もう何も隠していない抑制はノイズであり、さらに悪いことに、後で同じルールの新しい検出結果を黙って隠してしまいます。

    ## How to fix
    コメント、またはその中のもう検出されなくなったコードを削除してください。
    抑制がチェックされるのは実行されたルールについてのみです：`--select`/`--ignore` や構成によって無効にされたルールの抑制は、未使用とは見なされません。

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB001 -- legacy partner access
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["10.0.0.0/16"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["10.0.0.0/16"]
    }
    ```
  EOT
}
