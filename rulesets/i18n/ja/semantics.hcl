# ルール文書の日本語訳：rulesets/ram/semantics.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "RAM020" {
  docs = <<-EOT
    ## Why
    `*` に対する `*`（または `*:*`）の Allow は AdministratorAccess と同じです。
    保持者は、自分自身や他者にあらゆる権限を付与することも含め、何でも実行できます。
    除外リストの小さい `NotAction`（ごく一部のアクション以外のすべて）も同様です。
    他のツールと異なり、acslint はリスト形式の `Action`/`Resource`、`acs:*:*:*:*` 形式、`NotAction` を解釈し、同じドキュメント内のすべてを拒否する Deny によって打ち消されるステートメントは報告しません。

    ## How to fix
    ワイルドカードを、保持者が必要とするサービスとアクションに置き換えてください。
  EOT
}

rule "RAM021" {
  docs = <<-EOT
    ## Why
    `*` に対する `<service>:*` はプロダクト管理者の権限です。
    RAM、STS、IMS ではアカウント全体の乗っ取りにつながり、ECS、RDS、OSS、KMS、ActionTrail、SLS ではデータの削除、シークレットの読み取り、監査の停止が可能になります。
    機密性の高いサービスは ram、sts、ims、ecs、rds、oss、kms、actiontrail、log、resourcemanager、vpc、cs、cloudsso、bss、fc、sas です。
    同じドキュメント内でサービス全体を拒否する Deny があれば、検出結果は打ち消されます。

    ## How to fix
    必要なアクションを列挙するか、Resource を限定してください。
  EOT
}

rule "RAM022" {
  docs = <<-EOT
    ## Why
    `Allow` + `NotAction` は、列挙されていないすべてのアクションを、すべてのサービスにわたって、後から追加されるサービスやアクションも含めて付与します。
    Alibaba Cloud 自身のドキュメントも、広範な権限を付与することになると警告しています。
    他のツールは `NotAction` をまったく確認しません。

    ## How to fix
    許可するものを `Action` で指定してください。
  EOT
}

rule "RAM023" {
  docs = <<-EOT
    ## Why
    RAM の文書化された文法に含まれない（RAM005 を参照）ことに加え、`Allow` + `NotResource` は、列挙された少数のリソースを除き、現在および将来存在するすべてのリソースに対してアクションを付与します。

    ## How to fix
    リソースを `Resource` で指定してください。
  EOT
}

rule "RAM024" {
  docs = <<-EOT
    ## Why
    一部の RAM アクションでは保持者が自分自身に権限を追加できるため、範囲が狭く見えるポリシーが実際には管理者アクセスになります。
    acslint はその経路を示します：
    - ポリシーの書き換え：任意のポリシーに対する `ram:CreatePolicyVersion` / `ram:SetDefaultPolicyVersion`
    - 任意のポリシーのアタッチ：`ram:AttachPolicyToUser` / `ToGroup` / `ToRole`
    - 他のユーザーの認証情報の作成：任意のユーザーに対する `ram:CreateAccessKey`、`ram:CreateLoginProfile`、`ram:UpdateLoginProfile`
    - ロールの信頼ポリシーの書き換え：任意のロールに対する `ram:UpdateRole`
    - 任意のグループへの参加：`ram:AddUserToGroup`
    - 任意のロールの引き受け：`*` または `role/*` に対する `sts:AssumeRole`
    - 任意のロールのコンピューティングへの受け渡し：任意のロールに対する `ram:PassRole` と、コンピューティングにロールを渡すアクション（`ecs:AttachInstanceRamRole`、`ecs:RunInstances`、`fc:CreateFunction` など）の組み合わせ

    対象になるのは広範なリソース（`*`、`…:user/*`）のみで、同じドキュメント内でそのアクションを拒否する Deny があれば経路は打ち消されます。
    `*` そのものは RAM020 が、`NotAction` は RAM022 が報告します。

    ## How to fix
    これらのアクションを特定のユーザー、ロール、ポリシーに限定するか、管理者専用にしてください。
  EOT
}

rule "RAM025" {
  docs = <<-EOT
    ## Why
    Alibaba Cloud は、漏えいしたと判断した AccessKey に対して、固定リストの高リスク API をブロックします（AccessKey の制限保護）。
    対象は RAM と IMS のすべての API と、`ecs:RunInstances`、`ecs:RunCommand`、`rds:DeleteDBInstance`、`dysms:SendSms` などです。
    これらを `*` に対してネットワーク制限なしで付与するポリシーでは、漏えいしたキーが検知されるまでの間、どこからでもこれらの API を使用できてしまいます。
    acslint は、使用中の高リスク API リスト（`rulesets/data/high-risk-apis.hcl` または `--high-risk-list FILE`。`acslint explain RAM025` で表示できます）に基づき、RAM と IMS の書き込みアクション（Get/List/Describe 以外）と、その他のサービスの指定された API を数えます。
    `*` そのものは RAM020 が報告します。

    ## How to fix
    ステートメントを自社の送信元（egress）アドレスまたは VPC に限定するか、ネットワーク条件の Deny を追加してください。
  EOT
}

rule "RAM026" {
  docs = <<-EOT
    ## Why
    ActionTrail のトレイルの削除や停止、SLS のプロジェクトや Logstore の削除、OSS バケットのポリシーや ACL の変更は、攻撃者が痕跡の隠蔽やデータの持ち出しのために最初に行う操作です。
    監査証跡を無効にしたり、データをインターネットに公開したりできるからです。
    日常的に使う ID にこれらを条件なしで付与すると、API 呼び出し 1 回でそれが可能になります。

    ## How to fix
    これらのアクションを日常的なポリシーから削除するか、条件を追加してください。
  EOT
}

rule "RAM030" {
  docs = <<-EOT
    ## Why
    `Principal` が `"*"`（またはアカウントが `*` の ARN）の信頼ポリシーでは、Alibaba Cloud の任意の ID がロールを引き受け、その権限を使用できます。

    ## How to fix
    信頼するアカウント、ロール、サービス、または ID プロバイダーを指定してください。
  EOT
}

rule "RAM031" {
  docs = <<-EOT
    ## Why
    `acs:ram::<uid>:root` は、そのアカウントで `sts:AssumeRole` を持つすべてのユーザーとロールを信頼します。
    別のアカウントの場合、そのアカウントを管理する人なら誰にでもロールを渡すことになります。

    どのアカウントが「自分のもの」かはドキュメントだけでは判断できません。
    ルールオプション `accounts`（アカウント ID）に列挙すると、それ以外のアカウントのみが報告されます（medium）。
    指定しない場合、条件のない `root` の信頼はすべて、問いかけとなる info の検出結果になります（「cross-account trust: is 1234567890123456 yours?」）。
    アカウント全体を信頼することは、自分のアカウントであっても範囲が広いものの、欠陥となるのは、そのアカウントが他者のものだと判明した場合のみです。

    ## How to fix
    相手アカウントの特定のロールを信頼するか、条件を追加してください。
  EOT
}

rule "RAM032" {
  docs = <<-EOT
    ## Why
    `saml:recipient` のない SAML プロバイダーの信頼、または `oidc:aud` と `oidc:sub` のない OIDC プロバイダーの信頼では、そのプロバイダーの任意の ID（RRSA を使用するクラスターの任意のサービスアカウント）がロールを引き受けられます。

    ## How to fix
    信頼ポリシーのドキュメントに示されている条件を追加してください。
  EOT
}

rule "RAM033" {
  docs = <<-EOT
    ## Why
    Alibaba Cloud のサービスは `<service>.aliyuncs.com` として信頼されます。
    それ以外（AWS 形式の `ecs.amazonaws.com`、入力ミス）は一致することがないため、ロールは警告なく使用不能になります。
    信頼ポリシーが付与するのは `sts:AssumeRole` です。
    それ以外のアクションは意味がないか、拒否されます。

    ## How to fix
    ドキュメントに記載されたサービスプリンシパルと `sts:AssumeRole` を使用してください。
  EOT
}

rule "RAM040" {
  docs = <<-EOT
    ## Why
    書き込み、削除、またはバケットの ACL やポリシーの変更を許可する `"Principal": ["*"]` のステートメントでは、インターネット上の誰もがデータを上書き・削除したり、バケットのアクセス制御を乗っ取ったりできます。
    acslint は部分文字列の照合ではなく、OSS のアクションカタログに照らしてアクションを評価します（そのため `oss:Get*` は読み取り専用、`oss:PutObject` は書き込みと判断されます）。

    ## How to fix
    書き込みを許可するアカウントまたは RAM ID を指定してください。
  EOT
}

rule "RAM041" {
  docs = <<-EOT
    ## Why
    匿名ユーザーに対する条件なしの Allow は、オブジェクトを公開します。
    意図的な場合（静的 Web サイト）もありますが、通常は誤りです。
    書き込みアクセスは代わりに RAM040 が報告します。

    ## How to fix
    ネットワークまたはリファラーの条件を追加するか、プリンシパルを指定してください。
  EOT
}

rule "RAM042" {
  docs = <<-EOT
    ## Why
    バケット所有者のアカウント（ステートメントのリソース ARN にあるアカウント、またはルールオプション `accounts` に列挙されたアカウント）と異なるアカウントのプリンシパルは、管理の及ばない外部からデータにアクセスできます。

    ## How to fix
    プリンシパルを削除するか、自分のアカウントであればそのアカウントを `accounts` に追加してください。
  EOT
}

rule "RAM043" {
  docs = <<-EOT
    ## Why
    匿名ユーザーや別のアカウントと共有されたバケットは、管理下にないクライアントから読み書きされます。
    `acs:SecureTransport = false` に対する Deny がないと、これらのクライアントは平文 HTTP を使用でき、オブジェクトと署名が平文で送信されます。
    acslint は、全員に対する平文 HTTP の Deny が、共有ステートメントの許可するすべてのアクションとリソースをカバーしていること（`oss:PutObject` のみ、または 1 つのプレフィックスのみの Deny では残りは保護されません）、または共有ステートメント自体が `acs:SecureTransport = true` を要求していることを確認します。

    プリンシパルがアカウントを指定していて、バケット所有者のアカウントが不明な場合（Resource の ARN にアカウントがなく、ルールオプション `accounts` もない場合）は、判定できないため不明として報告されます。

    ## How to fix
    下の良い例のように、バケット全体に対して全員の平文 HTTP（`acs:SecureTransport` が `false`）を拒否するステートメントを追加するか、共有ステートメント自体で `acs:SecureTransport = true` を要求してください。
  EOT
}

rule "RAM044" {
  docs = <<-EOT
    ## Why
    KMS キーポリシー、KMS シークレットポリシー（`alicloud_kms_key.policy`、`alicloud_kms_secret.policy`）、または SLS プロジェクトポリシー（`alicloud_log_project.policy`）の Allow ステートメントがプリンシパル `*`（または任意のアカウントの ARN `acs:ram::*:*`）を指定し、条件を持たない場合、Alibaba Cloud のすべての ID がキーの使用、シークレットの読み取り、ログの書き込みと読み取りを行えます。

    ## How to fix
    `*` をアクセスが必要なプリンシパルに置き換えるか、呼び出し元を自社のネットワークに絞り込む条件を追加してください。
  EOT
}

rule "RAM045" {
  docs = <<-EOT
    ## Why
    別のアカウントのプリンシパルは、管理の及ばない外部から、キーの使用、シークレットの読み取り、プロジェクトのログの読み書きを行えます。
    自分のアカウントとは、ルールオプション `accounts` にあるアカウントと、ステートメントのリソース ARN にあるアカウントです。
    どちらもアカウントを示していない場合、各アカウントのプリンシパルは推測せずに不明として報告されます（`--show-unknown`）。

    ## How to fix
    プリンシパルを削除するか、自分のアカウントであればそのアカウントを `accounts` に追加してください：

    ```hcl
    options "RAM045" { accounts = ["123456789012"] }
    ```
  EOT
}

rule "RAM050" {
  docs = <<-EOT
    ## Why
    `acs:MFAPresent` は、ログオン時に MFA が使用されたかどうかを示します。
    AccessKey で署名された API 呼び出しはログオンを伴わないため、`acs:MFAPresent = false` に対する Deny では漏えいした AccessKey を止められません。

    ## How to fix
    コンソールユーザー向けの MFA 条件は残し、API アクセスにはネットワーク条件を追加してください。
  EOT
}

rule "RAM051" {
  docs = <<-EOT
    ## Why
    `Sid` はレビューや変更履歴でステートメントを識別するものです。
    重複は通常コピー＆ペーストによって生じ、どのステートメントが何をしているのかをわかりにくくします。

    ## How to fix
    どちらか一方の名前を変更してください。
  EOT
}

rule "RAM052" {
  docs = <<-EOT
    ## Why
    アクションとリソースのすべてが、同じ効果を持つ（かつ条件がより厳しくない）別のステートメントに一致するステートメントは、何も変えません。
    多くの場合、広い方のステートメントはもっと狭くするつもりだったか、狭い方のステートメントに条件を付けるつもりだったものです。

    ## How to fix
    どちらか一方を削除してください。
  EOT
}
