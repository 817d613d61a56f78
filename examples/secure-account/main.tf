# A hardened account baseline: no credentials in code, people in groups with MFA, one program
# user with a PGP-protected key, strict password and logon settings, a complete multi-account
# trail with protected destinations and an alert on root activity.

terraform {
  required_providers {
    alicloud = {
      source = "aliyun/alicloud"
    }
  }
}

# Credentials come from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET) or OIDC in CI;
# every run works through a role with temporary credentials.
provider "alicloud" {
  region = var.region
  assume_role {
    role_arn     = "acs:ram::190000000000002:role/terraform"
    session_name = "terraform"
  }
}

variable "region" {
  default = "cn-hangzhou"
}

variable "initial_password" {
  sensitive = true
}

variable "ci_pgp_key" {
  description = "base64 public key of the CI team"
}
