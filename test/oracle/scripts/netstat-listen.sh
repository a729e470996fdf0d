# net-tools 2.10 netstat -tulnp: listening sockets of simulated servers (nc -l in the
# background stays up across lines).
netstat -tulnp
netstat -tln
nc -l -p 8080 >/dev/null & sleep 0.5; netstat -tlnp
netstat -tulnp
netstat -tln
netstat -ulnp
netstat -tlpn
