# Docker's chains as nftables lists them: iptables-nft wrote them (nft 1.0.6)
nft list tables
nft list table ip filter
nft list table ip nat
docker run -d --name web -p 8080:80 busybox sleep 300
nft list chain ip nat DOCKER
nft list chain ip filter DOCKER
nft list chain ip nat POSTROUTING
docker rm -f web
nft list chain ip nat DOCKER
