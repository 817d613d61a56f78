# The account this example deploys to: trusting its own root is the usual pattern (RAM031).
options "RAM031" {
  accounts = ["190000000000001"]
}
