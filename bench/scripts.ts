/** The scripts the benchmark runs: the seed walkthrough and a generated 1,000-namespace star. */
export function starScript(namespaces: number, pings: number): string[] {
  const lines = ['ip link add br0 type bridge', 'ip link set br0 up'];
  const addr = (i: number) => `10.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  for (let i = 0; i < namespaces; i++) {
    lines.push(
      `ip netns add ns${i}`,
      `ip link add v${i} type veth peer name v${i}-br`,
      `ip link set v${i} netns ns${i}`,
      `ip link set v${i}-br master br0`,
      `ip link set v${i}-br up`,
      `ip -n ns${i} addr add ${addr(i)}.1/8 dev v${i}`,
      `ip -n ns${i} link set v${i} up`,
    );
  }
  const step = Math.max(1, Math.floor(namespaces / pings));
  for (let k = 0; k < pings; k++) {
    const a = (k * step) % namespaces;
    const b = (a + Math.floor(namespaces / 2) + k) % namespaces;
    lines.push(`ip netns exec ns${a} ping -c 1 -W 1 ${addr(b)}.1`);
  }
  return lines;
}
