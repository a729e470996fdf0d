import { strict as assert } from 'node:assert';
import { ok, shell } from '../scenarios/shell.helpers';

const V4 = '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80';
const V6 = '/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80';

function published() {
  const sh = shell();
  ok(sh, 'docker pull -q nginx');
  ok(sh, 'docker run -d --name web -p 8080:80 nginx');
  return sh;
}

describe("the host's ps lists dockerd's docker-proxy processes", () => {
  it('ps -ef: one per address family of a port published on every address, children of dockerd', () => {
    const sh = published();
    const rows = ok(sh, 'ps -ef').split('\n').filter((l) => l.includes('docker-proxy'));
    assert.deepEqual(rows, [`root       988   689  0 09:30 ?        00:00:00 ${V4}`, `root       990   689  0 09:30 ?        00:00:00 ${V6}`]);
  });

  it('the PIDs are those ss -tlnp shows holding the ports', () => {
    const sh = published();
    const pids = ok(sh, 'ps -ef').split('\n').filter((l) => l.includes('docker-proxy')).map((l) => l.split(/\s+/)[1]);
    const ss = ok(sh, 'ss -tlnp');
    assert.deepEqual([...ss.matchAll(/"docker-proxy",pid=(\d+)/g)].map((m) => m[1]), pids);
  });

  it('ps aux: STAT Sl (not a session leader, threads), the full command line', () => {
    const sh = published();
    const row = ok(sh, 'ps aux').split('\n').find((l) => l.includes('-host-ip 0.0.0.0'))!;
    assert.match(row, /^root\s+988 .* \?\s+Sl\s+09:30\s+0:00 \/usr\/bin\/docker-proxy -proto tcp /);
  });

  it('a given host address gets one proxy; udp too; the container address of its first network', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'docker network create --subnet 10.9.0.0/24 app');
    ok(sh, 'docker run -d --name udp1 --network app -p 127.0.0.1:8081:80 -p 9090:90/udp busybox sleep 300');
    const rows = ok(sh, "ps -ef | grep '[d]ocker-proxy' | sed 's|^.*/||'").split('\n').filter(Boolean);
    assert.deepEqual(rows, [
      'docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 8081 -container-ip 10.9.0.2 -container-port 80',
      'docker-proxy -proto udp -host-ip 0.0.0.0 -host-port 9090 -container-ip 10.9.0.2 -container-port 90',
      'docker-proxy -proto udp -host-ip :: -host-port 9090 -container-ip 10.9.0.2 -container-port 90',
    ]);
  });

  it('they end with the container; pgrep finds them', () => {
    const sh = published();
    assert.equal(ok(sh, 'pgrep docker-proxy'), '988\n990\n');
    ok(sh, 'docker stop web');
    assert.equal(ok(sh, "ps -ef | grep -c '[d]ocker-proxy' || true"), '0\n');
  });
});
