action = "ram:*"
