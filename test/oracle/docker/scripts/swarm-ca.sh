# docker swarm ca / swarm update (issue 5): outputs that carry no random material, or are cut to
# their fixed parts (the certificate's bytes, digests and keys differ on every swarm).
ip link add v0 type veth peer name v1 && ip addr add 10.99.0.1/24 dev v0 && ip link set v1 up && ip link set v0 up
docker swarm ca
docker swarm update --task-history-limit 2
docker swarm init --advertise-addr 10.99.0.1 --autolock | sed 's/SWMTKN-1-[a-z0-9-]*/TOKEN/; s/SWMKEY-1-[A-Za-z0-9+\/]*/KEY/; s/node ([a-z0-9]*)/node (ID)/'
docker swarm ca | sed -n '1p;$p'
docker swarm ca | wc -l
docker swarm ca | sed -n 2p | cut -c1-4
docker swarm ca extra
docker swarm ca --cert-expiry 48h
docker swarm ca --ca-cert /etc/hostname
docker swarm ca --ca-cert /nonexistent
docker swarm ca --bogus
docker swarm ca --external-ca foo
docker swarm ca --rotate --external-ca protocol=cfssl,url=https://x
docker swarm ca --rotate | head -3
docker swarm ca --rotate | grep -v '^desired root digest: sha256:' | sed -n '4p;$p'
docker swarm ca --rotate --quiet
docker swarm ca --rotate -d
docker swarm ca --rotate --cert-expiry 10m
docker swarm update
docker swarm update --task-history-limit 2
docker swarm update --cert-expiry 48h --dispatcher-heartbeat 10s --snapshot-interval 5 --max-snapshots 2
docker swarm update --cert-expiry bogus
docker swarm update --cert-expiry 10m
docker swarm update --cert-expiry -1h
docker swarm update --dispatcher-heartbeat 10
docker swarm update --dispatcher-heartbeat 5x
docker swarm update --task-history-limit x
docker swarm update --max-snapshots x
docker swarm update --autolock=maybe
docker swarm update --bogus
docker swarm update extra
docker swarm update --autolock=false
docker swarm update --autolock | sed 's/SWMKEY-1-[A-Za-z0-9+\/]*/KEY/'
docker swarm unlock-key | sed 's/SWMKEY-1-[A-Za-z0-9+\/]*/KEY/'
docker swarm leave --force
