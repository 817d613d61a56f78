# ルール文書の日本語訳：rulesets/alicloud/compute.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "ECS003" {
  docs = <<-EOT
    ## Why
    通常モードでは、メタデータサービスはインスタンスからの単純な GET にすべて応答します。そのため、アプリケーションにサーバーサイドリクエストフォージェリ（SSRF）の脆弱性があると、インスタンスの RAM ロールの一時的な認証情報が渡ってしまいます。
    セキュリティ強化モード（IMDSv2）では、まず PUT で取得したトークンが必要です。
    これは露出ではなく通信経路の保護の欠如であるため、medium です。

    `http_tokens` のデフォルトは `optional`（通常モードを許可）であるため、未設定の値は報告されます。`http_endpoint = "disabled"` のインスタンスはメタデータを提供しないため合格です。
    起動テンプレート（`alicloud_ecs_launch_template` と非推奨の `alicloud_launch_template`）も同じように読み取ります。

    ## How to fix
    `http_tokens = "required"` を設定してください。
  EOT
}

rule "ECS004" {
  docs = <<-EOT
    ## Why
    独自のパブリックアドレスを持つインスタンスは、セキュリティグループが開放しているすべてのポートでインターネットから到達でき、ルールを 1 つ変更するだけで SSH やデータベースが公開される状態にあります。
    アドレスそのものは何も公開しない（開放されたポートは NET001/NET002 が報告します）ため、これは衛生管理上の問題であり、low です。
    InfraGuard の「パブリックかつ任意の IP」チェックは、この 2 つの検出結果を組み合わせたものに相当します。

    ECS は `internet_max_bandwidth_out` が 0 より大きい場合にパブリックアドレスを割り当てます（非推奨の `allocate_public_ip` は provider 1.7.0 以降効果がありません）。
    インスタンス、起動テンプレート、ESS のスケーリング設定を読み取ります。`alicloud_eip_association` でバインドされた EIP はたどりません。

    ## How to fix
    `internet_max_bandwidth_out = 0` を設定し、前段にロードバランサーまたは NAT ゲートウェイを配置してください。
  EOT
}

rule "ECS005" {
  docs = <<-EOT
    ## Why
    パスワードは推測、使い回し、フィッシングの対象になりますが、キーペアはそうではありません。
    サーバーの認証方式が弱いことは、acslint の基準では medium です。
    Terraform に書かれたパスワードは、ステートファイル内のシークレットにもなります（リテラルのシークレットは SEC ルールが報告します）。

    パスワードが設定され（`password`、`kms_encrypted_password`、または `password_inherit = true`）、キーペアが設定されていない（`key_name`、起動テンプレートでは `key_pair_name`）場合に報告されます。
    キーペアがある場合、プロバイダーはパスワードを無視します。
    どちらもないインスタンスはログイン手段がないため合格です（Cloud Assistant や Session Manager で接続できます）。
    後から `alicloud_ecs_key_pair_attachment` でバインドされたキーペアはたどりません。

    ## How to fix
    `alicloud_ecs_key_pair` を作成し、`key_name` を設定してください。
  EOT
}

rule "ECS006" {
  docs = <<-EOT
    ## Why
    システムディスクにはオペレーティングシステム、アプリケーションファイル、ログ、そして多くの場合は認証情報が保存されています。暗号化されていないと、そのスナップショットやイメージはコピーを入手した誰でも読み取れます。
    暗号化の欠如は medium です。CIS 4.2 は、すべての VM ディスクの暗号化を求めています。

    `system_disk_encrypted` のデフォルトは、`alicloud_instance`、`alicloud_ess_scaling_configuration`、および ACK ノードプール（`alicloud_cs_kubernetes_node_pool`。ノードは ECS インスタンスです）では false です。起動テンプレートでは `system_disk { encrypted }` を読み取り、`system_disk` ブロックのないテンプレートも報告されます（そこから起動したインスタンスはデフォルトの暗号化されていないディスクを持ちます）。
    アカウント全体のデフォルト暗号化（`alicloud_ecs_disk_encryption_by_default`）は考慮しません：その設定は該当リージョンでのみ、かつ有効にした時点以降にのみ適用されるためです。

    ## How to fix
    `system_disk_encrypted = true` を設定してください。
  EOT
}

rule "ECS007" {
  docs = <<-EOT
    ## Why
    データディスクにはアプリケーションのデータが保存されています。暗号化されていないと、そのスナップショットはコピーを入手した誰でも読み取れます。
    暗号化の欠如は medium です（CIS 4.2）。

    `alicloud_instance` と ACK ノードプール（`alicloud_cs_kubernetes_node_pool`）のすべての `data_disks` ブロック、および `alicloud_ess_scaling_configuration` の `data_disk` ブロックを判定します（ディスクごとに 1 件の検出結果を、そのブロック、または `encrypted` が false に設定されている場合はその属性に報告します）。
    スナップショットから作成されたディスクはスナップショットの暗号化を継承するため合格です。
    単独のディスクは ECS001、起動テンプレートは ECS002 の対象です。

    ## How to fix
    各ブロックで `encrypted = true` を設定してください。
  EOT
}

rule "ECS008" {
  docs = <<-EOT
    ## Why
    独自の KMS キーを使えば、誰がディスクを復号できるかを制御でき（キーポリシー、キーの無効化や削除）、すべての使用が監査されます。デフォルトのサービスキーではそのような制御はできません。
    いずれにしてもデータは暗号化されているため、これは low です。

    暗号化されていないディスクは ECS001 の検出結果としてのみ報告されます（Checkov CKV_ALI_8 と KICS は両方を報告します）。スナップショットから作成されたディスクはその暗号化を継承するため合格です。
    `alicloud_ecs_disk` と非推奨の `alicloud_disk` の両方を対象とします（KICS と Checkov は後者のみを読み取ります）。

    ## How to fix
    `kms_key_id` を設定してください。
  EOT
}

rule "ECS009" {
  docs = <<-EOT
    ## Why
    リリース保護は、誤った、あるいは悪意のある `DeleteInstance` によってサーバーが破棄されるのを防ぎます。
    機密性ではなく可用性を保護するものであるため low であり、ほとんどのインスタンスは置き換え可能であることを前提としているので、選択しない限り（`--select ECS009`）無効です。

    リリース保護をサポートするのは、スポットインスタンスではない従量課金インスタンス（`instance_charge_type = "PostPaid"`、デフォルト）のみです。その他のインスタンスは合格です。

    ## How to fix
    `deletion_protection = true` を設定してください。
  EOT
}

rule "ECS010" {
  docs = <<-EOT
    ## Why
    セキュリティ強化戦略は Security Center エージェント（エンドポイント保護、CIS 4.6）をインストールし、侵入と脆弱性を検出します。
    エージェントがないと、誰もインスタンスを監視しません。防止ではなく検出に関するものであるため、low です。

    報告されるのは明示的な `Deactive` のみです：未設定の場合は API のデフォルトである `Active` となり、パブリックイメージで有効になります（カスタムイメージにはエージェントが含まれていない可能性がありますが、acslint には判別できません）。

    ## How to fix
    `security_enhancement_strategy = "Deactive"` を削除してください。
  EOT
}

rule "ECS011" {
  docs = <<-EOT
    ## Why
    RAM ロールのないインスタンス上でクラウド API を呼び出すソフトウェアは、ディスクに保存された長期の AccessKey を必要とします。ロールがあれば、代わりに短期間の STS 認証情報を使用できます。
    多くのインスタンスは API をまったく呼び出さないため、これは low であり、選択しない限り（`--select ECS011`）無効です。

    `role_name` で設定されたロール、または `alicloud_ecs_ram_role_attachment` でアタッチされたロールがあれば合格です。

    ## How to fix
    ソフトウェアが必要とする権限を持つロールをアタッチしてください。
  EOT
}

rule "ECS012" {
  docs = <<-EOT
    ## Why
    クラシックネットワークは、他の顧客のインスタンスと共有されるフラットなネットワークであり、それらを隔てるのはセキュリティグループだけです。
    VPC はインスタンスを分離します。
    当初から分離が欠けていることは medium です（CIS 3.1：レガシーネットワークが存在しないこと）。

    `vswitch_id`、ネットワークインターフェイス、起動テンプレートのいずれもない `alicloud_instance` は、クラシックネットワークに作成されます（アカウントがまだクラシックネットワークを利用できる場合。それ以外では呼び出しが失敗します）。
    起動テンプレートは `network_type = "classic"` の場合に報告されます。

    ## How to fix
    VPC の vSwitch 内にインスタンスを作成してください。
  EOT
}
