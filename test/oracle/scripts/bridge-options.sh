# ip link's bridge options that change the forwarding table's ageing and the forward delay.
ip link add br0 type bridge
ip -d link show br0 | grep -o 'forward_delay [0-9]* hello_time [0-9]* max_age [0-9]* ageing_time [0-9]*'
ip link set br0 type bridge ageing_time 2000 forward_delay 400
ip -d link show br0 | grep -o 'forward_delay [0-9]* hello_time [0-9]* max_age [0-9]* ageing_time [0-9]*'
ip link add br7 type bridge ageing_time 0
ip -d link show br7 | grep -o 'ageing_time [0-9]*'
ip link set br0 type bridge ageing_time x
ip link set br0 type bridge forward_delay -1
brctl setageing br0 30
ip -d link show br0 | grep -o 'ageing_time [0-9]*'
