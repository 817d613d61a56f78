variable "actions" {
  type    = list(string)
  default = ["ecs:Describe*", "*"]
}
