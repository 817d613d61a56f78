locals {
  crlf = "line endings"
}
resource "alicloud_ram_user" "é" {
	name = "tab then é" 
