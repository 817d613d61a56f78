output "out" {
  value = { v = "z", w = ["q"] }
}
