# nft's own errors and the listing commands around them (nftables 1.0.6).
nft --version
nft -v
nft list ruleset ip
nft list ruleset inet
nft list ruleset ip6
nft list tables ip
nft list chains
nft list ruleset foo
nft list table ip
nft list table ip filter extra
nft list chain ip filter
nft list chain filter INPUT
nft list
nft list rulesets
iptables -A FORWARD -j DROP
nft list chains
nft list chain filter FORWARD
nft list table inet filter
nft list table ip6 filter
nft list ruleset ip
nft list ruleset inet
nft list tables ip
nft list tables inet
nft list chain ip filter forward
nft list table ip Filter
nft flush ruleset
iptables -S
nft list ruleset
iptables-save
iptables -A INPUT -j ACCEPT
nft list tables
