not hcl at all {{{
