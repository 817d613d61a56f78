locals {
  rocket = "🚀" "tail"
}
