# Errors printed by bash itself. Recorded through `bash -c`, so bash says
# "bash: line 1: ..." where an interactive bash (and the simulator's shell) says "bash: ...".
foo
ipp addr
iptable -L
pign 8.8.8.8
ifconfg
brctrl show
ip-netns
echo 1 > /proc/sys/net/ipv4/ip_forwarding
