/**
 * Issue 5's swarm at scale, counted without a clock (bench/budgets/docker-scale.ts `elementsWalked`):
 * creating a service on an overlay network walks about the same number of array elements per task
 * whether it has 40 or 160 replicas. Each task's namespace holds an IPVS table with every task of
 * the service, so the state itself is n²; programming it must not be more (an unshift per real
 * server made it n³: 22,190 elements a task at 200 replicas against 2,628 at 50). A command after
 * it (service ps reconciles) finds the layout unchanged and does not walk those tables again.
 */
import { strict as assert } from 'node:assert';
import { elementsWalked } from '../../bench/budgets/docker-scale';
import { createMultiHostWorld } from '../../src/engine/hosts/multihost';
import { Shell } from '../../src/shell/shell';

function swarmWithOverlay(): Shell {
  const { world, host } = createMultiHostWorld(0x5eed, 5);
  const sh = new Shell(world, host);
  sh.run('docker swarm init');
  const token = sh.run('docker swarm join-token -q worker').stdout.trim();
  for (let n = 2; n <= 5; n++) sh.run(`ssh node${n} docker swarm join --token ${token} 192.168.1.11:2377`);
  sh.run('docker network create -d overlay ov');
  return sh;
}

/** Elements walked per task by the service create, then by a `service ps` (which reconciles first). */
function walkedPerTask(replicas: number): { create: number; ps: number } {
  const sh = swarmWithOverlay();
  const { result, walked } = elementsWalked(() => sh.run(`docker service create -d --name web --network ov --replicas ${replicas} nginx`));
  assert.equal(result.exitCode, 0, result.stderr);
  const ps = elementsWalked(() => sh.run('docker service ps -q web'));
  assert.equal((ps.result.stdout.match(/\n/g) ?? []).length, replicas);
  return { create: walked / replicas, ps: ps.walked / replicas };
}

describe('swarm at scale: service create on an overlay (elements walked per task)', () => {
  const small = walkedPerTask(40);
  const big = walkedPerTask(160);

  it('160 replicas walk less than twice as much per task as 40', () => {
    assert.ok(big.create < 2 * small.create, `${big.create.toFixed(0)} elements a task at 160 replicas, ${small.create.toFixed(0)} at 40`);
  });

  it('a later command does not rebuild the layout: service ps walks about as much per task at 160 replicas as at 40', () => {
    assert.ok(big.ps < 1.5 * small.ps, `service ps: ${big.ps.toFixed(0)} elements a task at 160 replicas, ${small.ps.toFixed(0)} at 40`);
  });
});
