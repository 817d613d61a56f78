# ECS instances, launch templates and ESS scaling configurations: metadata, public addresses,
# login, disk encryption, protection. Attributes are read with lookup() so a missing one is
# its documented default.

rule "ECS003" {
  name     = "ecs-metadata-imdsv1-allowed"
  severity = "medium"
  title    = "Instance metadata is reachable without IMDSv2 tokens"
  resource = ["alicloud_instance", "alicloud_ecs_launch_template"]
  # `http_tokens` defaults to `optional`; a disabled metadata endpoint needs no tokens.
  assert  = lookup(self, "http_endpoint", "enabled") == "disabled" || lookup(self, "http_tokens", "optional") == "required"
  where   = "http_tokens"
  message = "instance metadata is served in normal mode (`http_tokens = ${lookup(self, "http_tokens", "optional")}`): an SSRF can read the instance role's STS credentials"
  help    = "set `http_tokens` to `required` (security-enhanced mode, IMDSv2)"
  fix = { safety = "unsafe", set = { http_tokens = "required" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata"
  }
  equivalents = ["infraguard:ecs-instance-meta-data-mode-check"]
  docs = <<-EOT
    ## Why
    In normal mode the metadata service answers any plain GET from the instance, so a
    server-side request forgery in an application hands out the temporary credentials of the
    instance's RAM role. Security-enhanced mode (IMDSv2) requires a token obtained with a PUT
    first. This is a missing transport protection rather than an exposure: medium.

    `http_tokens` defaults to `optional` (normal mode allowed), so an unset value is reported;
    an instance with `http_endpoint = "disabled"` serves no metadata and passes. Launch
    templates (`alicloud_ecs_launch_template` and the deprecated `alicloud_launch_template`)
    are read the same way.

    ## How to fix
    Set `http_tokens = "required"`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "web" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "web" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
      http_tokens   = "required"
    }
    ```
  EOT
}

rule "ECS004" {
  name     = "ecs-instance-public-ip"
  severity = "low"
  title    = "Instance gets a public IP address"
  resource = ["alicloud_instance", "alicloud_ecs_launch_template", "alicloud_ess_scaling_configuration"]
  # A public address is allocated when `internet_max_bandwidth_out` is above 0 (default 0).
  assert  = tonumber(lookup(self, "internet_max_bandwidth_out", 0)) <= 0
  where   = "internet_max_bandwidth_out"
  message = "`internet_max_bandwidth_out = ${lookup(self, "internet_max_bandwidth_out", 0)}` gives the instances a public IP address"
  help    = "keep instances private (`internet_max_bandwidth_out = 0`) and publish services through a load balancer, reach the internet through a NAT gateway"
  fix = { safety = "unsafe", set = { internet_max_bandwidth_out = 0 } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/public-ip-address"
  }
  equivalents = ["infraguard:ecs-instance-no-public-ip", "infraguard:ecs-running-instance-no-public-ip", "infraguard:ess-scaling-configuration-enabled-internet-check"]
  docs = <<-EOT
    ## Why
    An instance with its own public address is reachable from the internet on every port its
    security groups open, and is one rule change away from exposing SSH or a database. The
    address alone exposes nothing (NET001/NET002 report the open ports), so this is hygiene:
    low. InfraGuard's "public and any-IP" check is these two findings together.

    ECS allocates a public address when `internet_max_bandwidth_out` is above 0 (the
    deprecated `allocate_public_ip` has no effect since provider 1.7.0). Read on instances,
    launch templates and ESS scaling configurations; an EIP bound with
    `alicloud_eip_association` is not followed.

    ## How to fix
    Set `internet_max_bandwidth_out = 0` and put a load balancer or NAT gateway in front.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type              = "ecs.g7.large"
      image_id                   = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id                 = alicloud_vswitch.app.id
      internet_max_bandwidth_out = 10
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
    }
    ```
  EOT
}

rule "ECS005" {
  name     = "ecs-password-login-without-key-pair"
  severity = "medium"
  title    = "Instance logs in with a password instead of a key pair"
  resource = ["alicloud_instance", "alicloud_ecs_launch_template", "alicloud_ess_scaling_configuration"]
  assert = !(
    coalesce(lookup(self, "key_name", null), lookup(self, "key_pair_name", null), "-") == "-"
    && (
      coalesce(lookup(self, "password", null), lookup(self, "kms_encrypted_password", null), "-") != "-"
      || lookup(self, "password_inherit", false) == true
    )
  )
  message = "password login is allowed and no key pair is bound"
  help    = "bind a key pair (`key_name`, `key_pair_name` on launch templates) and drop `password`/`kms_encrypted_password`/`password_inherit`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/ssh-key-pair-overview"
  }
  equivalents = ["infraguard:ecs-instance-login-use-keypair", "infraguard:ecs-instance-not-bind-key-pair"]
  docs = <<-EOT
    ## Why
    Passwords can be guessed, reused and phished; key pairs cannot. A weak authentication
    method on a server is medium on acslint's scale. A password written in Terraform is also a
    secret in the state file (the SEC rules report literal secrets).

    Reported when a password is set (`password`, `kms_encrypted_password`, or
    `password_inherit = true`) and no key pair is (`key_name`; `key_pair_name` on launch
    templates). With a key pair the provider ignores the password. An instance with neither
    has no login and passes (Cloud Assistant or Session Manager reach it). A key pair bound
    later with `alicloud_ecs_key_pair_attachment` is not followed.

    ## How to fix
    Create an `alicloud_ecs_key_pair` and set `key_name`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
      password      = "Example-Passw0rd"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
      key_name      = alicloud_ecs_key_pair.ops.key_pair_name
    }
    ```
  EOT
}

rule "ECS006" {
  name     = "ecs-system-disk-unencrypted"
  severity = "medium"
  title    = "Instance system disk is not encrypted"
  resource = ["alicloud_instance", "alicloud_ess_scaling_configuration", "alicloud_ecs_launch_template", "alicloud_cs_kubernetes_node_pool"]
  # Instances and scaling configurations: `system_disk_encrypted` (default false); launch
  # templates: `system_disk { encrypted }`.
  assert = (
    lookup(self, "system_disk_encrypted", null) != null ? lookup(self, "system_disk_encrypted", false) == true
    : length(lookup(self, "system_disk", [])) > 0 ? lookup(lookup(self, "system_disk", [{}])[0], "encrypted", false) == true
    : false
  )
  where   = "system_disk_encrypted"
  message = "the system disk is created unencrypted"
  help    = "set `system_disk_encrypted = true` (`system_disk { encrypted = true }` on launch templates), with `system_disk_kms_key_id` for your own key, or turn on encryption by default (`alicloud_ecs_disk_encryption_by_default`)"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_instance                  = { set = { system_disk_encrypted = true } }
      alicloud_ess_scaling_configuration = { set = { system_disk_encrypted = true } }
      alicloud_ecs_launch_template       = { block = "system_disk", set = { encrypted = true } }
    }
  }
  references = {
    cis  = "4.2 Ensure that 'Virtual Machine's disk' are encrypted"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = ["infraguard:ess-scaling-configuration-system-disk-encrypted"]
  docs = <<-EOT
    ## Why
    The system disk holds the operating system, application files, logs and often
    credentials; unencrypted, its snapshots and images can be read by whoever obtains a
    copy. Missing encryption is medium. CIS 4.2 asks for every VM disk to be encrypted.

    `system_disk_encrypted` defaults to false on `alicloud_instance`, on
    `alicloud_ess_scaling_configuration` and on ACK node pools
    (`alicloud_cs_kubernetes_node_pool`, whose nodes are ECS instances); on launch templates `system_disk { encrypted }` is
    read, and a template without a `system_disk` block is reported too (instances launched
    from it get the default, unencrypted disk). Account-wide encryption by default
    (`alicloud_ecs_disk_encryption_by_default`) is not taken into account: it applies only in
    its region and only from when it was turned on.

    ## How to fix
    Set `system_disk_encrypted = true`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type          = "ecs.g7.large"
      image_id               = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id             = alicloud_vswitch.app.id
      system_disk_encrypted  = true
      system_disk_kms_key_id = alicloud_kms_key.disks.id
    }
    ```
  EOT
}

rule "ECS007" {
  name     = "ecs-instance-data-disk-unencrypted"
  severity = "medium"
  title    = "Instance, scaling configuration or node pool creates unencrypted data disks"
  resource = ["alicloud_instance", "alicloud_ess_scaling_configuration", "alicloud_cs_kubernetes_node_pool"]
  # `data_disks` on instances, `data_disk` on scaling configurations; a disk made from a
  # snapshot inherits the snapshot's encryption (undecidable here).
  each   = concat(lookup(self, "data_disks", []), lookup(self, "data_disk", []))
  assert = lookup(each.value, "encrypted", false) == true || lookup(each.value, "snapshot_id", null) != null
  where  = "each.value.encrypted"
  message = "this data disk is created unencrypted"
  help    = "set `encrypted = true` (and `kms_key_id`) in every data disk block"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_instance                  = { block = "data_disks", set = { encrypted = true } }
      alicloud_ess_scaling_configuration = { block = "data_disk", set = { encrypted = true } }
    }
  }
  references = {
    cis  = "4.2 Ensure that 'Virtual Machine's disk' are encrypted"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = ["infraguard:ess-scaling-configuration-data-disk-encrypted"]
  docs = <<-EOT
    ## Why
    Data disks hold the application's data; unencrypted, their snapshots can be read by whoever
    obtains a copy. Missing encryption is medium (CIS 4.2).

    Every `data_disks` block of `alicloud_instance` and of ACK node pools
    (`alicloud_cs_kubernetes_node_pool`) and `data_disk` block of
    `alicloud_ess_scaling_configuration` is judged (one finding per disk, on its block, or on
    `encrypted` when it is set to false). A disk created from a snapshot inherits the
    snapshot's encryption and passes. Stand-alone disks are ECS001, launch templates ECS002.

    ## How to fix
    Set `encrypted = true` in each block.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "db" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
      data_disks {
        size = 200
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "db" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
      data_disks {
        size      = 200
        encrypted = true
      }
    }
    ```
  EOT
}

rule "ECS008" {
  name     = "ecs-disk-without-customer-key"
  severity = "low"
  title    = "Encrypted disk uses the service key instead of a KMS key of yours"
  resource = ["alicloud_ecs_disk"]
  # Unencrypted disks are ECS001's finding; disks from snapshots inherit their encryption.
  assert  = lookup(self, "encrypted", false) != true || lookup(self, "snapshot_id", null) != null || lookup(self, "kms_key_id", null) != null
  where   = "encrypted"
  message = "the disk is encrypted with the ECS service key, not a KMS key you control"
  help    = "set `kms_key_id` to a customer master key (`alicloud_kms_key`)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = ["checkov:CKV_ALI_8", "kics:ecs_data_disk_kms_key_id_undefined", "infraguard:ecs-disk-all-encrypted-by-kms"]
  docs = <<-EOT
    ## Why
    With your own KMS key you control who may decrypt the disk (key policy, disabling or
    deleting the key) and every use is audited; the default service key gives no such
    control. The data is encrypted either way, so this is low.

    An unencrypted disk is ECS001's finding only (Checkov CKV_ALI_8 and KICS report both);
    a disk created from a snapshot inherits its encryption and passes. Covers
    `alicloud_ecs_disk` and the deprecated `alicloud_disk` (KICS and Checkov read only the
    latter).

    ## How to fix
    Set `kms_key_id`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ecs_disk" "data" {
      zone_id   = "cn-hangzhou-h"
      size      = 100
      encrypted = true
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "disk" {
      description         = "ECS data disks"
      automatic_rotation  = "Enabled"
      rotation_interval   = "365d"
      deletion_protection = "Enabled"
    }

    resource "alicloud_ecs_disk" "data" {
      zone_id    = "cn-hangzhou-h"
      size       = 100
      encrypted  = true
      kms_key_id = alicloud_kms_key.disk.id
    }
    ```
  EOT
}

rule "ECS009" {
  name     = "ecs-instance-deletion-protection-off"
  severity = "low"
  enabled  = false
  title    = "Pay-as-you-go instance can be released without deletion protection"
  resource = ["alicloud_instance"]
  # Deletion protection exists only for pay-as-you-go (the default charge type), not spot.
  assert = (
    lookup(self, "instance_charge_type", "PostPaid") != "PostPaid"
    || lookup(self, "spot_strategy", "NoSpot") != "NoSpot"
    || lookup(self, "deletion_protection", false) == true
  )
  where   = "deletion_protection"
  message = "the instance can be released by one API call (`deletion_protection` is off)"
  help    = "set `deletion_protection = true`"
  fix = { safety = "unsafe", set = { deletion_protection = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/enable-or-disable-instance-release-protection"
  }
  equivalents = ["infraguard:ecs-instance-deletion-protection-enabled"]
  docs = <<-EOT
    ## Why
    Release protection stops a mistaken or malicious `DeleteInstance` from destroying a
    server. It protects availability rather than confidentiality: low, and off unless
    selected (`--select ECS009`), since most instances are meant to be replaceable.

    Only pay-as-you-go instances (`instance_charge_type = "PostPaid"`, the default) that are
    not spot instances support it; others pass.

    ## How to fix
    Set `deletion_protection = true`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "db" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "db" {
      instance_type       = "ecs.g7.large"
      image_id            = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id          = alicloud_vswitch.app.id
      deletion_protection = true
    }
    ```
  EOT
}

rule "ECS010" {
  name     = "ecs-security-enhancement-disabled"
  severity = "low"
  title    = "Instance is created without the Security Center agent"
  resource = ["alicloud_instance"]
  # Unset means the API default, Active (the agent is installed on public images).
  assert  = lookup(self, "security_enhancement_strategy", "Active") != "Deactive"
  where   = "security_enhancement_strategy"
  message = "the instance turns off the security enhancement (no Security Center agent)"
  help    = "remove `security_enhancement_strategy = \"Deactive\"` (or set it to `Active`)"
  fix = { safety = "unsafe", set = { security_enhancement_strategy = "Active" } }
  references = {
    cis  = "4.6 Ensure that the endpoint protection for all Virtual Machines is installed"
    docs = "https://www.alibabacloud.com/help/en/security-center/user-guide/install-the-security-center-agent"
  }
  equivalents = ["infraguard:ecs-instance-enabled-security-protection"]
  docs = <<-EOT
    ## Why
    The security enhancement strategy installs the Security Center agent (endpoint protection,
    CIS 4.6), which detects intrusions and vulnerabilities. Without it nothing watches the
    instance; detection rather than prevention, so low.

    Only an explicit `Deactive` is reported: unset means the API default, `Active`, which
    takes effect on public images (a custom image may still lack the agent; acslint cannot tell).

    ## How to fix
    Remove `security_enhancement_strategy = "Deactive"`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type                 = "ecs.g7.large"
      image_id                      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id                    = alicloud_vswitch.app.id
      security_enhancement_strategy = "Deactive"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "app" {
      instance_type                 = "ecs.g7.large"
      image_id                      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id                    = alicloud_vswitch.app.id
      security_enhancement_strategy = "Active"
    }
    ```
  EOT
}

rule "ECS011" {
  name     = "ecs-instance-without-ram-role"
  severity = "low"
  enabled  = false
  title    = "Instance has no RAM role"
  resource = ["alicloud_instance"]
  # A role can also come from alicloud_ecs_ram_role_attachment / alicloud_ram_role_attachment.
  assert = (
    lookup(self, "role_name", null) != null
    || length(attached("alicloud_ecs_ram_role_attachment", "instance_id")) > 0
  )
  message = "the instance has no RAM role: software on it needs AccessKeys to call cloud APIs"
  help    = "attach a RAM role (`role_name` or `alicloud_ecs_ram_role_attachment`) and let the software use its STS credentials"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/attach-an-instance-ram-role-to-an-ecs-instance"
  }
  equivalents = ["infraguard:ecs-instance-ram-role-attached"]
  docs = <<-EOT
    ## Why
    Software on an instance without a RAM role that calls cloud APIs needs long-lived
    AccessKeys stored on the disk; a role gives it short-lived STS credentials instead. Many
    instances call no API at all, so this is low and off unless selected (`--select ECS011`).

    A role set with `role_name` or attached with `alicloud_ecs_ram_role_attachment` passes.

    ## How to fix
    Attach a role with the permissions the software needs.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "worker" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_instance" "worker" {
      instance_type = "ecs.g7.large"
      image_id      = "aliyun_3_x64_20G_alibase_20240528.vhd"
      vswitch_id    = alicloud_vswitch.app.id
      role_name     = "worker"
    }
    ```
  EOT
}

rule "ECS012" {
  name     = "ecs-classic-network"
  severity = "medium"
  title    = "Instance or launch template uses the classic network"
  resource = ["alicloud_instance", "alicloud_ecs_launch_template"]
  # Instances: no `vswitch_id`, no network interface and no launch template to supply one.
  # Launch templates: `network_type = "classic"`.
  assert = (
    lookup(self, "network_type", "vpc") != "classic"
    && (
      lookup(self, "launch_template_name", null) != null
      || lookup(self, "launch_template_id", null) != null
      || lookup(self, "name", null) != null
      || lookup(self, "vswitch_id", null) != null
      || length(lookup(self, "network_interfaces", [])) > 0
      || lookup(self, "instance_type", null) == null
    )
  )
  where   = "network_type"
  message = "instances are placed in the classic network, shared with other tenants, not in a VPC"
  help    = "set `vswitch_id` to a vSwitch of a VPC (`network_type = \"vpc\"` on launch templates)"
  references = {
    cis  = "3.1 Ensure legacy networks does not exist"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/migrate-ecs-instances-from-the-classic-network-to-a-vpc"
  }
  equivalents = ["infraguard:ecs-instances-in-vpc", "infraguard:ecs-running-instances-in-vpc", "infraguard:ecs-launch-template-network-type-check"]
  docs = <<-EOT
    ## Why
    The classic network is a flat network shared with other customers' instances; only
    security groups separate them. A VPC isolates the instances. Isolation missing from the
    start is medium (CIS 3.1: legacy networks do not exist).

    An `alicloud_instance` without `vswitch_id`, network interfaces or a launch template is
    created in the classic network (where the account still has it; elsewhere the call
    fails). Launch templates are reported for `network_type = "classic"`.

    ## How to fix
    Create the instance in a vSwitch of a VPC.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_instance" "legacy" {
      instance_type   = "ecs.g7.large"
      image_id        = "aliyun_3_x64_20G_alibase_20240528.vhd"
      security_groups = [alicloud_security_group.app.id]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_vswitch" "app" {
      vpc_id     = alicloud_vpc.main.id
      cidr_block = "172.16.1.0/24"
      zone_id    = "cn-hangzhou-h"
    }

    resource "alicloud_instance" "legacy" {
      instance_type   = "ecs.g7.large"
      image_id        = "aliyun_3_x64_20G_alibase_20240528.vhd"
      security_groups = [alicloud_security_group.app.id]
      vswitch_id      = alicloud_vswitch.app.id
    }
    ```
  EOT
}
