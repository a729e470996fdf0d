import { strict as assert } from 'node:assert';
import { leaveManagerMessage, multipleAddresses } from '../../src/engine/swarm/messages';
import { constraintHolds } from '../../src/engine/swarm/orchestrator';
import type { SwarmNode } from '../../src/engine/swarm/types';
import { parseDuration, parsePort } from '../../src/shell/docker/service-spec';
import { imageWithTag } from '../../src/shell/docker/service-format';

const node: SwarmNode = { id: 'abc', hostId: 1, hostname: 'node2', role: 'worker', availability: 'active', addr: '192.168.1.12', labels: { zone: 'east' }, createdAt: 0, updatedAt: 0, left: false };

describe('swarm rules', () => {
  it('leave warnings follow moby: the last manager, a lost quorum, or only the consensus note', () => {
    const table: Array<[number, number, RegExp]> = [
      [1, 0, /Removing the last manager erases all current state of the swarm\. Use `--force` to ignore this message\. $/],
      [2, 0, /Removing this node leaves 1 managers out of 2\. Without a Raft quorum/],
      [2, 1, /Removing this node leaves 1 managers out of 3\./],
      [3, 0, /^You are attempting to leave the swarm on a node that is participating as a manager\. The only way to restore/],
      [5, 0, /^You are attempting to leave the swarm on a node that is participating as a manager\. The only way to restore/],
      [3, 1, /Removing this node leaves 2 managers out of 4\./],
    ];
    for (const [reachable, unreachable, re] of table) assert.match(leaveManagerMessage(reachable, unreachable), re, `${reachable}/${unreachable}`);
  });

  it('the advertise-address error names both interfaces, or one interface twice', () => {
    assert.equal(multipleAddresses({ addr: '10.0.2.15', dev: 'eth0' }, { addr: '192.168.99.100', dev: 'eth1' }), 'could not choose an IP address to advertise since this system has multiple addresses on different interfaces (10.0.2.15 on eth0 and 192.168.99.100 on eth1) - specify one with --advertise-addr');
    assert.equal(multipleAddresses({ addr: '10.0.0.1', dev: 'eth0' }, { addr: '10.0.0.2', dev: 'eth0' }), 'could not choose an IP address to advertise since this system has multiple addresses on interface eth0 (10.0.0.1 and 10.0.0.2) - specify one with --advertise-addr');
  });

  it('placement constraints', () => {
    const table: Array<[string, boolean]> = [
      ['node.role==worker', true],
      ['node.role == manager', false],
      ['node.hostname!=node2', false],
      ['node.hostname==node2', true],
      ['node.labels.zone==east', true],
      ['node.labels.zone!=east', false],
      ['node.labels.rack==1', false],
      ['node.platform.os==linux', true],
      ['garbage', false],
    ];
    for (const [c, want] of table) assert.equal(constraintHolds(node, c), want, c);
  });

  it('--publish short and long forms', () => {
    assert.deepEqual(parsePort('8080:80'), { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' });
    assert.deepEqual(parsePort('53:53/udp'), { published: 53, target: 53, protocol: 'udp', mode: 'ingress' });
    assert.deepEqual(parsePort('80'), { published: 0, target: 80, protocol: 'tcp', mode: 'ingress' });
    assert.deepEqual(parsePort('published=8080,target=80,mode=host'), { published: 8080, target: 80, protocol: 'tcp', mode: 'host' });
    assert.equal(typeof parsePort('x:y'), 'string');
  });

  it('Go durations for --update-delay', () => {
    const table: Array<[string, number | undefined]> = [['10s', 10000], ['1m30s', 90000], ['500ms', 500], ['0', 0], ['1h', 3600000], ['10', undefined], ['abc', undefined]];
    for (const [text, ms] of table) assert.equal(parseDuration(text), ms, text);
  });

  it('service images show with their tag', () => {
    assert.equal(imageWithTag('nginx'), 'nginx:latest');
    assert.equal(imageWithTag('redis:7'), 'redis:7');
  });
});
