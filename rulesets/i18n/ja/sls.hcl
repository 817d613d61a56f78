# ルール文書の日本語訳：rulesets/alicloud/sls.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "SLS001" {
  docs = <<-EOT
    ## Why
    ログには、リクエストパラメーター、ユーザー識別子、URL に紛れ込んだトークン、そして監査証跡そのものが含まれます。
    保存時の暗号化は、ストレージを入手した者からログを保護します。
    暗号化の欠如は、acslint の重大度では medium です。
    `encrypt_conf` はデフォルトで無効で、一度有効にすると無効にできません。

    ## How to fix
    `encrypt_conf { enable = true }`（サービスキーによる AES-256）を追加するか、独自の KMS キーを使用する場合は `user_cmk_info` も指定してください（SLS002）。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name     = alicloud_log_project.app.project_name
      logstore_name    = "app"
      retention_period = 180
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name     = alicloud_log_project.app.project_name
      logstore_name    = "app"
      retention_period = 180
      encrypt_conf {
        enable       = true
        encrypt_type = "default"
      }
    }
    ```
  EOT
}

rule "SLS002" {
  docs = <<-EOT
    ## Why
    独自の KMS キー（BYOK）を使用すると、ログを復号できる人を自分で決め、キーのすべての使用を ActionTrail で確認し、キーを無効にすることでアクセスを取り消せます。
    サービスキーでは、これらの制御は SLS の手にあります。
    どちらの場合もデータは暗号化されるため、low です。
    デフォルトでは無効です（`recommended` に含まれません）：カスタマー管理キーの採用は組織の判断です。
    コードで指定するか、コンプライアンスパックで選択してください。

    ## How to fix
    `user_cmk_info`（KMS キー、SLS がそのキーを使用するために引き受けるロール、キーのリージョン）を指定して Logstore を作成してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_store" "audit" {
      project_name  = alicloud_log_project.audit.project_name
      logstore_name = "audit"
      encrypt_conf {
        enable = true
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_store" "audit" {
      project_name  = alicloud_log_project.audit.project_name
      logstore_name = "audit"
      encrypt_conf {
        enable = true
        user_cmk_info {
          cmk_key_id = "key-hzz65a8b7c6d5e4f3g2h1"
          arn        = "acs:ram::123456789012:role/aliyunlogdefaultrole"
          region_id  = "cn-hangzhou"
        }
      }
    }
    ```
  EOT
}

rule "SLS003" {
  docs = <<-EOT
    ## Why
    侵入は開始から数か月後に発見されることがよくあります。
    デフォルトの 30 日後に削除されたログでは、侵入がどのように始まったかを示せません。
    等保（MLPS）のレベル 2 と 3 では 6 か月分のログが求められており、このルールはその期間を使用します。
    ログ記録の欠如であるため low です。
    デフォルトでは無効です（`recommended` に含まれません）：すべての Logstore が監査ログとは限りません（デバッグログやメトリクスログは意図的に短期間だけ保持されることがよくあります）。
    コードで指定するか、コンプライアンスパックで選択してください。
    ActionTrail の Logstore は LOG008 の対象です（365 日、デフォルトで有効）。

    Metricstore（`telemetry_type = "Metrics"`）は判定の対象外です。
    KICS は 90 日未満で報告しますが、acslint は 180 日の監査期間を使用するため、KICS が報告するすべての Logstore に加えて、さらに多くを報告します。
    ホットストレージの TTL（`hot_ttl`）は保持期間ではありません：これを過ぎたデータは低コストのストレージに移動し、引き続きクエリできます。

    ## How to fix
    `retention_period` を 180 日以上に設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name  = alicloud_log_project.app.project_name
      logstore_name = "app"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name     = alicloud_log_project.app.project_name
      logstore_name    = "app"
      retention_period = 180
    }
    ```
  EOT
}

rule "SLS004" {
  docs = <<-EOT
    ## Why
    ログ監査アプリは、アカウントの各サービスのセキュリティログを 1 か所に集約し、各サービス自身の保持期間を超えて保持します。
    対象から外したサービスはそれぞれ、調査における死角になります：ホスト上のログインとプロセス（Security Center）、ブロックされた攻撃（WAF、Anti-DDoS、Cloud Firewall）、サーバー上で誰が何を実行したか（Bastionhost）、誰が Kubernetes API を呼び出したか。
    ログ記録の欠如であるため low です。
    CIS 2.6～2.9 は Anti-DDoS、WAF、Cloud Firewall、Security Center のログを求めています。
    LOG010（medium、デフォルトで有効）は最低限の ActionTrail、RDS 監査、OSS アクセスログをカバーします。

    各サービスはファセット（`waf`、`sas`、`k8s` など）で、`variable_map` 内のそのサービスのスイッチのいずれかが `"true"` でない場合に報告されます（すべてデフォルトは false です）。
    デフォルトでは無効です（`recommended` に含まれません）：どのサービスが重要かはアカウントによって異なります。
    コードで指定するか、`cis` パックで選択してください。
    パフォーマンスログ（`rds_slow_enabled`、`rds_perf_enabled` など）は求めません：KICS の `rds_instance_events_not_logged` はこれらを要求しますが、セキュリティイベントは記録されません（その RDS 監査の部分は LOG010 がカバーします）。

    ## How to fix
    `variable_map` でサービスを有効にしてください。`--fix` は報告された各サービスのスイッチを
    `"true"` に設定します（すでに `"true"` のスイッチはそのままです）。LOG010 の修正と同じく safe
    です：検出結果が示すスイッチだけを、ヘルプが示す値に変更します。サービスのログ収集は保護を追加
    するだけでアクセスを広げません。ログ監査はアカウントがサービスを使っているかどうかに関係なく
    すべてのスイッチを受け付けるため、apply が失敗することはありません。費用が発生する場合があります：
    収集したログは SLS に保存されます。

    ## Example
    Bad:
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

    Good:
    ```hcl
    resource "alicloud_log_audit" "this" {
      display_name = "audit"
      aliuid       = "123456789012"
      variable_map = {
        actiontrail_enabled        = "true"
        rds_enabled                = "true"
        oss_access_enabled         = "true"
        polardb_enabled            = "true"
        drds_audit_enabled         = "true"
        slb_access_enabled         = "true"
        bastion_enabled            = "true"
        waf_enabled                = "true"
        cloudfirewall_enabled      = "true"
        ddos_coo_access_enabled    = "true"
        ddos_bgp_access_enabled    = "true"
        ddos_dip_access_enabled    = "true"
        sas_login_enabled          = "true"
        sas_process_enabled        = "true"
        sas_network_enabled        = "true"
        sas_security_alert_enabled = "true"
        apigateway_enabled         = "true"
        nas_enabled                = "true"
        k8s_audit_enabled          = "true"
        vpc_flow_enabled           = "true"
      }
    }
    ```
  EOT
}

rule "ROS001" {
  docs = <<-EOT
    ## Why
    スタックポリシーは、更新によってスタックのどのリソースを変更できるかを定めます。
    ポリシーがないと、テンプレートの編集の副作用としてデータベースが置き換えられたり、バケットが削除されたりする可能性があります。
    完全性の衛生管理であるため low です。
    デフォルトでは無効です（`recommended` に含まれません）：ステートフルなリソースを持たないスタックにはポリシーは不要です。

    KICS の `no_ros_stack_policy` は、`stack_policy_during_update_body` または `_url` のないスタックも報告します。
    これは 1 回の更新のための一時的な上書き（ポリシーを緩めるもの）であるため、acslint は要求しません。

    ## How to fix
    ステートフルなリソースを保護する `stack_policy_body` を追加してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name    = "app"
      template_body = file("app.json")
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name    = "app"
      template_body = file("app.json")
      stack_policy_body = jsonencode({
        Statement = [{ Effect = "Deny", Action = ["Update:Replace", "Update:Delete"], Resource = ["*"], Principal = "*" }]
      })
    }
    ```
  EOT
}

rule "ROS002" {
  docs = <<-EOT
    ## Why
    スタックイベントは、誰も計画していなかった変更も含め、インフラストラクチャへの変更をその発生時に示します。
    通知がないと、これらは自分から確認した人にしか見えません。
    監視の欠如であるため low です。
    デフォルトでは無効です（`recommended` に含まれません）：変更は通常 ActionTrail で監視されるためです。

    ## How to fix
    `notification_urls` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name    = "app"
      template_body = file("app.json")
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name        = "app"
      template_body     = file("app.json")
      notification_urls = ["https://hooks.example.com/ros"]
    }
    ```
  EOT
}

rule "ROS003" {
  docs = <<-EOT
    ## Why
    スタックインスタンスは、スタックグループのテンプレートを別のアカウントにデプロイします。
    `retain_stacks = false`（デフォルト）の場合、インスタンスを削除すると（Terraform コードのリファクタリングだけで起こり得ます）、そのアカウント内のスタックとそのリソースが、データも含めて削除されます。
    データ損失に関する衛生管理であるため low です。
    デフォルトでは無効です（`recommended` に含まれません）：削除保護と同様に、組織の判断事項です。

    ## How to fix
    `retain_stacks = true` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ros_stack_instance" "prod" {
      stack_group_name          = alicloud_ros_stack_group.baseline.stack_group_name
      stack_instance_account_id = "123456789012"
      stack_instance_region_id  = "cn-hangzhou"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ros_stack_instance" "prod" {
      stack_group_name          = alicloud_ros_stack_group.baseline.stack_group_name
      stack_instance_account_id = "123456789012"
      stack_instance_region_id  = "cn-hangzhou"
      retain_stacks             = true
    }
    ```
  EOT
}
