# Attributes the provider always sets on an instance that exists, although their value is known
# only after apply. A reference to one of them (`alicloud_kms_key.k.arn`) is unknown but set:
# `!= null` is true, `== null` false, `coalesce(x, …)` is `x`. The evaluator reads this table
# only for attributes the configuration does not set; an attribute missing here stays a plain
# unknown (it may be null).
#
# `resource "*"` and `data "*"` apply to every type. `set` lists the attributes that are never
# null nor empty; `set_elements` lists attributes that are lists whose elements are set, so an
# indexed element (`data.alicloud_vswitches.v.ids[0]`) is set too — Terraform rejects an index
# into an empty list, so when the configuration is valid the element exists.

source = "alicloud provider documentation, \"Attributes Reference\" of each resource type (project reference provider-docs/r); Terraform: a managed resource instance and a data source instance always have an `id`; the alicloud data sources set `ids` to the IDs they found; hashicorp/random documentation for `result`"
date   = "2026-12-01"

# Every managed resource instance has an ID once created (Terraform rejects a create that
# leaves it empty).
resource "*" { set = ["id"] }

# Every data source instance has an ID once read; the alicloud data sources list the IDs they
# found in `ids` (possibly none: the list is set, its length unknown).
data "*" { set = ["id"] }
data "alicloud_*" {
  set          = ["ids"]
  set_elements = ["ids"]
}

resource "alicloud_kms_key" { set = ["arn"] }
resource "alicloud_kms_secret" { set = ["arn"] }
resource "alicloud_ram_role" { set = ["arn", "role_id"] }
resource "alicloud_fc_service" { set = ["service_id"] }
resource "alicloud_fc_function" { set = ["function_id", "function_arn"] }
resource "alicloud_fc_trigger" { set = ["trigger_id"] }
resource "alicloud_vpc" { set = ["route_table_id", "router_id"] }
resource "alicloud_vpc_flow_log" { set = ["flow_log_id"] }
resource "alicloud_nas_access_rule" { set = ["access_rule_id"] }
resource "alicloud_nas_mount_target" { set = ["mount_target_domain"] }
resource "alicloud_cen_transit_router_vpc_attachment" { set = ["transit_router_attachment_id"] }
resource "alicloud_cen_transit_router_peer_attachment" { set = ["transit_router_attachment_id"] }
resource "alicloud_cs_kubernetes_node_pool" { set = ["node_pool_id", "scaling_group_id"] }
resource "alicloud_cr_ee_repo" { set = ["repo_id"] }
resource "alicloud_api_gateway_api" { set = ["api_id"] }
resource "alicloud_alidns_domain" { set = ["domain_id"] }
resource "alicloud_forward_entry" { set = ["forward_entry_id"] }
resource "alicloud_mse_cluster" { set = ["cluster_id"] }
resource "alicloud_wafv3_instance" { set = ["instance_id"] }

resource "random_integer" { set = ["result"] }
resource "random_string" { set = ["result"] }
resource "random_password" { set = ["result"] }
resource "random_uuid" { set = ["result"] }
resource "random_id" { set = ["hex", "dec", "b64_url", "b64_std"] }
