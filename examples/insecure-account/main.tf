# A small account baseline with the mistakes acslint's identity, credential and audit rules
# catch. Every key below is fake.

terraform {
  required_providers {
    alicloud = {
      source = "aliyun/alicloud"
    }
  }
}

provider "alicloud" {
  region     = var.region
  access_key = "LTAI5tExampleFake3Qz7Wm"
  secret_key = "Hx4Kq9Zt2Lw7Mb3Nv8Rc5Yp1Df6Gs0"
}

variable "region" {
  default = "cn-hangzhou"
}

variable "initial_password" {
  sensitive = true
}
