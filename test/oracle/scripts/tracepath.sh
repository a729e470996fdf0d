# tracepath (iputils 20221126): UDP probes with rising TTL, path MTU, "reached" and the
# Resume line. The hidden router answers time exceeded, the internet host port unreachable.
tracepath -n 192.168.1.3
tracepath -n 8.8.8.8
tracepath -n -m 1 8.8.8.8
tracepath -n 127.0.0.1
tracepath
ip netns add red
ip netns exec red tracepath -n 10.0.0.1
