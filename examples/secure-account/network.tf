resource "alicloud_vpc" "main" {
  vpc_name   = "main"
  cidr_block = "10.0.0.0/8"
}

resource "alicloud_vswitch" "app" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.1.0.0/16"
  zone_id    = "cn-hangzhou-h"
}

resource "alicloud_log_store" "flow" {
  project          = "acme-network"
  name             = "vpc-flow"
  retention_period = 180
  encrypt_conf {
    enable       = true
    encrypt_type = "default"
    user_cmk_info {
      cmk_key_id = alicloud_kms_key.audit.id
      arn        = "acs:ram::190000000000002:role/aliyunlogdefaultrole"
      region_id  = "cn-hangzhou"
    }
  }
}

resource "alicloud_vpc_flow_log" "main" {
  flow_log_name  = "main"
  resource_type  = "VPC"
  resource_id    = alicloud_vpc.main.id
  traffic_type   = "All"
  project_name   = "acme-network"
  log_store_name = alicloud_log_store.flow.name
}

resource "alicloud_security_group" "app" {
  security_group_name = "app"
  vpc_id              = alicloud_vpc.main.id
}

resource "alicloud_security_group_rule" "https" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  cidr_ip           = "10.0.0.0/8"
  security_group_id = alicloud_security_group.app.id
}
