# ルール文書の日本語訳：rulesets/alicloud/iam.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "IAM001" {
  docs = <<-EOT
    ## Why
    `.tf` ファイルに書かれた AccessKey は、リポジトリのすべてのコピー、すべての CI ログ、すべてのフォークに含まれて広がります。
    それを読んだ人は誰でもキーの所有者として操作でき、多くの場合は管理者権限を持ちます。
    Alibaba Cloud は漏えいを検知したキーを制限しますが、その時点ですでにキーは露出しています。

    ## How to fix
    provider ブロックから `access_key`、`secret_key`、`security_token` を削除してください。
    認証情報はコードの外から渡します：環境変数 `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`、CLI の `profile`、ECS インスタンスロール（`ecs_role_name`）、OIDC（`assume_role_with_oidc`）、または `assume_role` ブロックを使用します。
    そのうえで、コミットされたキーを無効化してローテーションしてください：キーは履歴に残ります。
    明らかなプレースホルダー（`"xxxxxx"`、`"<your-access-key-id>"`）は報告されません。
  EOT
}

rule "IAM002" {
  docs = <<-EOT
    ## Why
    AccessKey ペアを直接使用するプロバイダーは、キーが存続する限り、キーの所有者（ルートアカウントのキーであればルートアカウント）として動作します。
    ロールを引き受けると、実行できる操作が限定され、各実行は短期間の STS 認証情報を使用し、ActionTrail ではその操作がロールセッションに紐付けて記録されます。

    ## How to fix
    AccessKey（コードではなく環境変数から渡すもの）は認証のためだけに使い、構成に必要な権限を持つロールを指定した `assume_role` ブロックを追加してください。
    さらに望ましいのは、ECS インスタンスロール、または OIDC を使用する CI システムから実行することです。
  EOT
}

rule "IAM003" {
  docs = <<-EOT
    ## Why
    `user_name` がない場合、`CreateAccessKey` は呼び出し元の ID に対して呼び出されます。
    Terraform がルートアカウントの認証情報で実行されている場合、これはルートアカウントの AccessKey を作成することになります：すべての権限を持ち、どのポリシーでも制限できないキーです。

    ## How to fix
    キーが属する RAM ユーザーを指定し、そのユーザーには必要な権限のみを付与してください。
  EOT
}

rule "IAM004" {
  docs = <<-EOT
    ## Why
    プロバイダーは `secret` 属性をステートに保存します。
    ステートを読み取れる人（バックエンドのバケット、CI の成果物、ノート PC）は誰でもキーを使用できます。

    ## How to fix
    `pgp_key` を設定してください。プロバイダーは `encrypted_secret` のみを保存し、秘密鍵の保持者がそれを復号します。
    さらに望ましいのは、AccessKey をロール（ECS ロール、RRSA、OIDC）に置き換えることです。
  EOT
}

rule "IAM005" {
  docs = <<-EOT
    ## Why
    `secret_file` は Terraform を実行するマシンのディスクにキーペアを書き込みます。そこでは誤ってコミットされたり、CI の成果物にコピーされたり、削除されずに残されたりしがちです。

    ## How to fix
    `secret_file` を削除してください。`pgp_key` を使用し、出力される `encrypted_secret` を配布します。
  EOT
}

rule "IAM006" {
  docs = <<-EOT
    ## Why
    有効なキーが 1 つ増えるごとに、保護すべきシークレットも 1 つ増えます。また、恒久的なキーが 2 つある場合、通常はローテーション後に古いキーが廃止されていないことを意味します。

    ## How to fix
    ユーザーごとに有効なキーは 1 つだけにしてください。
    ローテーションでは、新しいキーを作成してクライアントを切り替えた後、古いキーを `Inactive` にして削除します。
  EOT
}

rule "IAM007" {
  docs = <<-EOT
    ## Why
    人のアカウントに AccessKey があると、プログラムがその人の権限で動作できます。さらに AccessKey が漏えいすると、コンソールにログオンできる ID まで侵害されることになります。

    ## How to fix
    プログラム用に専用の RAM ユーザー（またはロール）を作成し、人のアカウントからキーを削除してください。
  EOT
}

rule "IAM008" {
  docs = <<-EOT
    ## Why
    output は apply のたびに表示され、他の構成や CI ジョブからも読み取られます。
    output に含まれる AccessKey Secret やパスワードはログに残ります。

    ## How to fix
    output を `sensitive = true` にするか、代わりに PGP で暗号化された Secret を出力してください。
  EOT
}

rule "IAM009" {
  docs = <<-EOT
    ## Why
    ユーザーごとにアタッチされた権限は次第にばらばらになり、レビューや取り消しが困難になります。グループやロールを使えば、同じ職務を持つ全員に対して 1 つの定義で管理できます。

    ## How to fix
    ポリシーはグループまたはロールにアタッチし、代わりにメンバーシップを管理してください。
  EOT
}

rule "IAM010" {
  docs = <<-EOT
    ## Why
    `AdministratorAccess`、すべてのリソースに対して `*`（または `ram:*`）を許可するカスタムポリシー、および `AliyunRAMFullAccess`（自分自身にあらゆる権限を付与できる）は、アカウント全体を明け渡すものです。
    このような ID の認証情報が漏えいすると、アカウント全体が侵害されます。

    ## How to fix
    最小権限のポリシーをアタッチしてください。
    カスタムポリシーが参照（`policy_name = alicloud_ram_policy.x.policy_name`）を通じてアタッチされている場合、acslint はそのポリシーのドキュメントを読み取ります。
  EOT
}

rule "IAM011" {
  docs = <<-EOT
    ## Why
    `Aliyun<Service>FullAccess` は、データの削除やアクセス設定の変更を含め、サービスのすべてのリソースに対するすべてのアクションを許可します。
    それが必要な ID はごく少数です。

    ## How to fix
    `Aliyun<Service>ReadOnlyAccess`、または必要なアクションを列挙したカスタムポリシーを使用してください。
  EOT
}

rule "IAM012" {
  docs = <<-EOT
    ## Why
    コンソールのパスワードだけでは、フィッシング、推測、使い回しによって破られます。MFA はアカウント乗っ取りの大半を防ぎます。

    ## How to fix
    ユーザーに MFA デバイスを必須にするか、セキュリティ設定でアカウント全体に MFA を強制してください（どちらか一方でこのルールを満たします）。
  EOT
}

rule "IAM013" {
  docs = <<-EOT
    ## Why
    デフォルトの `independent` では MFA は各ユーザー自身の設定に依存し、`adaptive` は異常と判断されたログオンでのみ MFA を要求します。
    第 2 要素を保証するのは `mandatory` だけです。

    ## How to fix
    `mfa_operation_for_login = "mandatory"` を設定してください。
    非推奨の `enforce_mfa_for_login = true` も受け入れられます（Checkov と異なり、acslint は両方を読み取ります）。
  EOT
}

rule "IAM014" {
  docs = <<-EOT
    ## Why
    自分でキーを作成するユーザーは、誰も追跡していない長期の認証情報を生み出します。しかも多くの場合、コンソールにもログオンする ID に対してです。

    ## How to fix
    `allow_user_to_manage_access_keys = false` を設定し、キーはレビューを経たコードで作成してください。
  EOT
}

rule "IAM015" {
  docs = <<-EOT
    ## Why
    忘れられたユーザーやキーは、悪用されても誰も気付きません。
    プロバイダーのデフォルトでは、これらは 730 日経過するまで無効化されません。
    コンソールセッションが長いと、共有端末や盗まれた端末で使用可能な状態が続きます。

    ## How to fix
    `max_idle_days_for_users = 90` と `max_idle_days_for_access_keys = 90` を設定し（provider 1.268 以降）、`login_session_duration` は短くしてください。
    オプション `max_idle_days`（デフォルト 90）と `max_session_hours`（デフォルト 6）で上限を変更できます。
  EOT
}

rule "IAM016" {
  docs = <<-EOT
    ## Why
    ログオン元のネットワークマスクがないと、盗まれたパスワード（リアルタイムでフィッシングされた場合は MFA も）がインターネット上のどこからでも使用できます。

    ## How to fix
    コンソールと SSO のログオンを既知のネットワークに限定してください。/8 より広いマスクも報告されます。
  EOT
}

rule "IAM017" {
  docs = <<-EOT
    ## Why
    短いパスワードは推測で破られます。
    デフォルトは 12（`alicloud_ram_account_password_policy`）、わずか 8（`alicloud_ram_password_policy`）であるため、長さを設定しないと違反になります。

    ## How to fix
    `minimum_password_length = 14` 以上を設定してください。
  EOT
}

rule "IAM018" {
  docs = <<-EOT
    ## Why
    大文字、小文字、数字、記号を必須にすると、すべてのパスワードの探索空間が広がります。
    デフォルトはリソースによって異なり、`alicloud_ram_account_password_policy` では true、新しい `alicloud_ram_password_policy` では false です。そのため、属性を設定しない場合に違反となるのは後者だけです。

    ## How to fix
    4 つの `require_*` 属性を true に設定してください。
  EOT
}

rule "IAM019" {
  docs = <<-EOT
    ## Why
    一度も変更されないパスワードは、漏えいした後も有効なままです。
    デフォルトの `0` は、パスワードが期限切れにならないことを意味します。
    acslint は CIS v1.0.0（90 日以下）に従います。CIS v2.0.0 の記述は曖昧なため、解釈に合わせてオプション `max_age` を設定してください。

    ## How to fix
    `max_password_age` を 90 以下（かつ 0 以外）に設定してください。
  EOT
}

rule "IAM020" {
  docs = <<-EOT
    ## Why
    履歴のチェックがないと、強制されたパスワード変更は、古いパスワードを再設定するだけで元に戻せてしまいます。
    デフォルトの `0` はチェックを無効にします。Checkov と KICS はいずれも明示的な 0 を許容しますが、acslint は許容しません。

    ## How to fix
    `password_reuse_prevention` を 24（少なくとも 5）に設定してください。
  EOT
}

rule "IAM021" {
  docs = <<-EOT
    ## Why
    数回パスワードを誤った後にログオンを 1 時間ロックすると、オンラインでの推測を防げます。
    `0` はロックを無効にします：これは `alicloud_ram_password_policy` のデフォルト（属性名は `max_login_attemps`、綴りは原文のまま）であり、`alicloud_ram_account_password_policy` のデフォルトは 5 です。
    Checkov は明示的な 0 を合格とします。

    ## How to fix
    上限を 5 以下（かつ 0 以外）に設定してください。
  EOT
}

rule "IAM022" {
  docs = <<-EOT
    ## Why
    ハード有効期限がないと、有効期限は警告を出すだけです：期限切れのパスワードを持つ人は誰でも（それを入手した攻撃者も含め）、もう一度ログオンして新しいパスワードを設定できます。

    ## How to fix
    `hard_expiry = true` を設定してください。
  EOT
}

rule "IAM023" {
  docs = <<-EOT
    ## Why
    STS 認証情報は個別に取り消すことができません。
    他のアカウントが 12 時間のセッションで引き受けられるロールでは、盗まれた認証情報が半日にわたって使用可能なままになります。

    ## How to fix
    `max_session_duration` は短く（デフォルトは 3600）してください。
    オプション `max_session_duration` を超える値が報告されます。
    オプションのデフォルトは 39600 秒（11 時間）で、11 時間を超え最大値の 12 時間（43200）までのセッションが報告されます。
  EOT
}

rule "IAM030" {
  docs = <<-EOT
    ## Why
    AccessKey の影響範囲（ブラストレディウス）は、その RAM ユーザーに許可された操作です。
    Alibaba Cloud は漏えいしたと判断したキーについて高リスク API のリストをブロックしますが、それは漏えいに気付いてからであり、しかもそのリストに含まれる API だけです（使用する高リスク API リストは `rulesets/data/high-risk-apis.hcl` または `--high-risk-list FILE` で指定したもので、`acslint explain IAM030` で表示できます）。
    このルールは、そのリストのうちキーのユーザーが呼び出せる操作を列挙します。
    ユーザーが同じ構成内にある `alicloud_ram_access_key` ごとに、ユーザーと、ユーザーが所属するグループ（`alicloud_ram_group_membership`、`alicloud_ram_user_group_attachment`）にアタッチされたポリシーを収集し、カスタムポリシー（`alicloud_ram_policy`）を RAM と同じ方法（ワイルドカード、`NotAction`、Allow より Deny を優先）で評価し、システムポリシーは表（`rulesets/data/system-policies.hcl`：`AdministratorAccess`、`Aliyun<Product>FullAccess` = そのプロダクトのすべてのアクション、`…ReadOnlyAccess` = その読み取りアクション）から読み取ります。
    条件（送信元ネットワーク、MFA）で制限された許可は数えませんが、一部のリソースに限定された許可は数えます。
    Deny は、条件なしですべてのリソースに対してその操作をカバーする場合に数えます。
    RAM と IMS は書き込み操作が数えられます。

    ポリシーを解決できない場合（変数に入った名前、別の場所で定義されたカスタムポリシー、表にないシステムポリシー、不明なグループメンバーシップ）、結果は不明（`--show-unknown`）となり、黙って合格にすることはありません。

    重要度は info です：これはキーに関する事実であり、日常的に役立ち、インシデント対応時には決定的な情報になります。
    `leak-response` パック（`--select leak-response` または `pack = ["leak-response"]`）では high として報告されます。

    ## How to fix
    プログラムには最小権限を付与し、不要な高リスク API を拒否する Deny をアタッチし、長期の AccessKey よりもロール（ECS インスタンスロール、RRSA、OIDC）を優先してください。
  EOT
}
