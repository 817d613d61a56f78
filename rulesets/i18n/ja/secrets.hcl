# ルール文書の日本語訳：rulesets/alicloud/secrets.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "SEC001" {
  docs = <<-EOT
    ## Why
    リポジトリ内の AccessKey ID（`LTAI` に続く 12～20 文字の英数字、または STS の `STS.` ID）は認証情報の半分であり、その Secret が近くにあることも少なくありません。
    すべての文字列がスキャンされます（`.tf`、`.tfvars`、ポリシーとプランの JSON、ヒアドキュメント、`user_data`、タグ、コメント）。
    さらに `.acslint.hcl` で `secrets = "iac"` を指定していない限り、走査で訪れるその他すべてのテキストファイル（`.env`、`*.py`、`*.yaml`、`*.properties`、`*.sh` など。バイナリファイルと無視対象のファイルはスキップされます）もスキャンされます。
    `LTAIxxxxxxxxxxxxxxxx` のようなプレースホルダーは無視されます（同じ文字の繰り返しで、エントロピーが低いため）。
    キーは `LTAI5t…Yx9Q` のように一部を伏せて表示されます。

    重大度は critical ではなく high です：ID だけでは認証できないためです。
    そばに Secret も見つかった場合、そのペアは ID を示したうえで SEC002（critical）として 1 回だけ報告されます。

    ## How to fix
    ファイルからキーを削除し、RAM コンソールで無効化して、コードの外（環境変数、CLI プロファイル、KMS Secrets Manager）に保管する代替のキーを作成し、履歴からも完全に削除してください。
    AccessKey よりもロール（ECS インスタンスロール、RRSA、OIDC）を優先してください。
  EOT
}

rule "SEC002" {
  docs = <<-EOT
    ## Why
    ID とともにある AccessKey Secret（30 文字の英数字）は、そのまま使える認証情報であるため critical です。
    ランダムな 30 文字のトークンは、AccessKey ID から 2 行以内にある場合（ペアとして報告され、ID は SEC001 として重ねて報告されません）、または認証情報を示す語（`secret`、`access_key`、`aliyun`、`alibaba`、`alicloud`。例：`access_key_secret = …`、`.env` ファイル内の `ALIBABA_CLOUD_ACCESS_KEY_SECRET=…`）を含む行にある場合に報告されます。
    同じ文字を繰り返すトークンやエントロピーの低いトークンは無視されます。
    走査で訪れるすべてのテキストファイルが読み取られます（SEC001 を参照）。
    acslint がメッセージに Secret を出力することはありません。

    ## How to fix
    キーペアは漏えいしたものとして扱ってください：無効化し、コードの外に保管する新しいキーペアを作成し、古いものを履歴から完全に削除します。
  EOT
}

rule "SEC003" {
  docs = <<-EOT
    ## Why
    STS セキュリティトークンとその一時的な AccessKey ID および Secret があれば、有効期限が切れるまで（最大 12 時間、一部のロールではそれ以上）、誰でもそれを受け取ったロールセッションとして操作できます。
    トークンは `CAIS`（古いものは `CAES`）で始まる長い base64 の文字列です。
    このプレフィックスを持ち、100 文字以上でエントロピーの高い文字列が、走査で訪れるすべてのテキストファイルで報告されます（SEC001 を参照）。
    認証情報が自然に失効するため、重大度は critical ではなく high です。

    ## How to fix
    ファイルとその履歴からトークンを削除してください。
    トークンは個別に取り消すことができません：まだ有効な可能性がある場合は、失効するまでロールに Deny をアタッチしてください（`acslint policy deny-high-risk`）。
    トークンは保存せず、実行時に取得してください（インスタンスロール、RRSA、OIDC）。
  EOT
}
