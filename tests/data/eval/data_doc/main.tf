data "alicloud_ram_policy_document" "admin" {
  statement {
    effect   = "Allow"
    action   = ["*"]
    resource = ["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]
    condition {
      operator = "IpAddress"
      variable = "acs:SourceIp"
      values   = ["10.0.0.0/8"]
    }
  }
  statement {
    action = ["sts:AssumeRole"]
    principal {
      entity      = "Service"
      identifiers = ["ecs.aliyuncs.com"]
    }
  }
}

resource "alicloud_ram_policy" "admin" {
  policy_name     = "admin"
  policy_document = data.alicloud_ram_policy_document.admin.document
}
