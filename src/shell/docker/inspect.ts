/** docker inspect: the API's container JSON (field names and order as the Engine returns them), -f templates. */
import type { Container, DaemonState, DockerNetwork } from '../../engine/docker/types';
import { findContainer, imageOf } from '../../engine/docker/containers';
import { findNetwork } from '../../engine/docker/networks';
import { formatIpv4 } from '../../engine/net/ipv4';
import { Output, type CommandResult } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { apiTime } from './human';
import { renderTemplate } from './template';
import { findImage } from './images';
import { imageJson } from './image-inspect';
import { bindsJson, configVolumesJson, mountsJson } from './volume-inspect';
import { healthcheckJson, healthJson } from './health-inspect';

const ZERO_TIME = '0001-01-01T00:00:00Z';

function endpointJson(_d: DaemonState, c: Container, net: DockerNetwork) {
  const ep = c.endpoints.find((e) => e.networkId === net.id);
  const running = c.state === 'running' || c.state === 'paused';
  return {
    IPAMConfig: ep?.requestedIp !== undefined ? { IPv4Address: ep.requestedIp } : null,
    Links: null,
    Aliases: net.isDefault ? null : ep?.aliases.length ? ep.aliases : null,
    MacAddress: running && ep ? ep.mac : '',
    DriverOpts: null,
    NetworkID: net.id,
    EndpointID: running ? `${c.id.slice(32)}${net.id.slice(0, 32)}` : '',
    Gateway: running && net.gateway ? formatIpv4(net.gateway) : '',
    IPAddress: running && ep ? formatIpv4(ep.ip) : '',
    IPPrefixLen: running && ep ? net.prefixLen : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: net.isDefault || !running ? null : [c.name, c.id.slice(0, 12), ...(ep?.aliases ?? [])],
  };
}

export function containerJson(d: DaemonState, c: Container, epoch: number, now = 0) {
  const image = imageOf(d, c);
  const running = c.state === 'running' || c.state === 'paused';
  const nets = c.networkMode === 'host' || c.networkMode === 'none' ? [findNetwork(d, c.networkMode)!] : c.endpoints.map((e) => d.networks.find((n) => n.id === e.networkId)!).filter(Boolean);
  const primary = c.endpoints[0] && nets[0] && nets[0].isDefault ? endpointJson(d, c, nets[0]) : undefined;
  const ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> = {};
  for (const e of c.exposed) ports[e] = null;
  if (running) for (const p of c.ports) ports[`${p.containerPort}/${p.proto}`] = [{ HostIp: p.hostIp || '0.0.0.0', HostPort: String(p.hostPort) }, ...(p.hostIp ? [] : [{ HostIp: '::', HostPort: String(p.hostPort) }])];
  return {
    Id: c.id,
    Created: apiTime(epoch + c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.restartAt !== undefined ? 'restarting' : c.state,
      Running: running || c.restartAt !== undefined,
      Paused: c.state === 'paused',
      Restarting: c.restartAt !== undefined,
      OOMKilled: c.oomKilled ?? false,
      Dead: false,
      Pid: running ? c.pid : 0,
      ExitCode: c.exitCode,
      Error: c.startError ?? '',
      StartedAt: c.startedAt === null ? ZERO_TIME : apiTime(epoch + c.startedAt),
      FinishedAt: c.finishedAt === null ? ZERO_TIME : apiTime(epoch + c.finishedAt),
      ...healthJson(c, epoch, now),
    },
    Image: 'sha256:' + c.imageId,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: '/' + c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: bindsJson(c),
      NetworkMode: c.networkMode,
      PortBindings: Object.fromEntries(c.ports.map((p) => [`${p.containerPort}/${p.proto}`, [{ HostIp: p.hostIp, HostPort: p.ephemeral ? '' : String(p.hostPort) }]])),
      RestartPolicy: { Name: c.restart.split(':')[0], MaximumRetryCount: Number(c.restart.split(':')[1] ?? 0) },
      AutoRemove: c.autoRemove,
      Links: c.links.length ? c.links : null,
      CpuShares: c.limits?.cpuShares ?? 0,
      Memory: c.limits?.memory ?? 0,
      NanoCpus: c.limits?.nanoCpus ?? 0,
      MemorySwap: c.limits?.memorySwap ?? 0,
      ...(c.init ? { Init: true } : {}),
    },
    Mounts: mountsJson(c),
    Config: {
      Hostname: c.hostname,
      Domainname: '',
      User: '',
      AttachStdin: c.interactive,
      AttachStdout: true,
      AttachStderr: true,
      ExposedPorts: c.exposed.length ? Object.fromEntries(c.exposed.map((e) => [e, {}])) : undefined,
      Tty: c.tty,
      OpenStdin: c.interactive,
      StdinOnce: false,
      Env: c.env,
      Cmd: c.args.length || image?.entrypoint === null ? [c.path, ...c.args].slice(image?.entrypoint ? image.entrypoint.length : 0) : null,
      ...healthcheckJson(c),
      Image: c.image,
      Volumes: configVolumesJson(c),
      WorkingDir: image?.workdir ?? '',
      Entrypoint: image?.entrypoint ?? null,
      OnBuild: null,
      Labels: { ...(c.labels ?? {}) },
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: running && c.nsId !== null ? c.id.slice(8, 40) + c.id.slice(0, 32) : '',
      SandboxKey: running ? `/var/run/docker/netns/${c.id.slice(20, 32)}` : '',
      Ports: ports,
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: primary?.EndpointID ?? '',
      Gateway: primary?.Gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: primary?.IPAddress ?? '',
      IPPrefixLen: primary?.IPPrefixLen ?? 0,
      IPv6Gateway: '',
      MacAddress: primary?.MacAddress ?? '',
      Networks: Object.fromEntries(nets.map((n) => [n.name, endpointJson(d, c, n)])),
    },
  };
}

export function networkJson(d: DaemonState, n: DockerNetwork, epoch: number) {
  const members = d.containers.filter((c) => (c.state === 'running' || c.state === 'paused') && c.endpoints.some((e) => e.networkId === n.id));
  return {
    Name: n.name,
    Id: n.id,
    Created: apiTime(epoch + n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.isDefault ? null : {}, Config: n.driver === 'bridge' ? [ipamConfigJson(n)] : [] },
    Internal: n.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: Object.fromEntries(
      members.map((c) => {
        const ep = c.endpoints.find((e) => e.networkId === n.id)!;
        return [c.id, { Name: c.name, EndpointID: `${c.id.slice(32)}${n.id.slice(0, 32)}`, MacAddress: ep.mac, IPv4Address: `${formatIpv4(ep.ip)}/${n.prefixLen}`, IPv6Address: '' }];
      }),
    ),
    Options: n.isDefault ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true', 'com.docker.network.bridge.enable_ip_masquerade': 'true', 'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0', 'com.docker.network.bridge.name': 'docker0', 'com.docker.network.driver.mtu': '1500' } : {},
    Labels: {},
  };
}

export function printInspect(objects: unknown[], format: string | undefined, out: Output): boolean {
  if (format === undefined) {
    out.out(JSON.stringify(objects, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n');
    return true;
  }
  for (const o of objects) {
    const r = renderTemplate(format.replace(/\\t/g, '\t').replace(/\\n/g, '\n'), o);
    if (!r.ok) {
      // docker inspect reports an execution error as a parsing error, after an empty line.
      if (r.error.startsWith('template: ')) out.line('');
      out.err(r.error.startsWith('template: ') ? `template parsing error: ${r.error}` : r.error);
      return false;
    }
    out.line(r.value);
  }
  return true;
}

/**
 * buildIpamResources: a network made with --subnet shows the user's config (no Gateway unless
 * --gateway was given: recorded with --ip-range), one from the default pools what IPAM chose.
 * An omitted field is undefined: JSON leaves it out (omitempty), a template prints it empty.
 */
function ipamConfigJson(n: DockerNetwork) {
  return {
    Subnet: `${formatIpv4(n.subnet)}/${n.prefixLen}`,
    IPRange: n.ipRange ? `${formatIpv4(n.ipRange.addr)}/${n.ipRange.len}` : undefined,
    Gateway: n.userSubnet && !n.userGateway ? undefined : formatIpv4(n.gateway),
  };
}

export function dockerInspect(d: DockerCtx, argv: string[], kind: 'any' | 'container' | 'network' = 'any'): CommandResult {
  const cmd = kind === 'network' ? 'network inspect' : kind === 'container' ? 'container inspect' : 'inspect';
  const parsed = parseFlags(argv, flagSpecs('f|format= s|size type= v|verbose'), true);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  if (parsed.value.args.length === 0) return argsError(cmd, '[OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects');
  const epoch = d.sh.world.clock.epoch;
  const out = new Output();
  const objects: unknown[] = [];
  let missing = false;
  for (const ref of parsed.value.args) {
    const c = kind !== 'network' ? findContainer(d.daemon, ref) : undefined;
    const n = !c && kind !== 'container' ? findNetwork(d.daemon, ref) : undefined;
    const image = !c && !n && kind === 'any' ? findImage(d.daemon, ref) : undefined;
    const now = d.sh.world.clock.now();
    if (c) objects.push(has(parsed.value, 'size') ? { ...containerJson(d.daemon, c, epoch, now), SizeRw: 0, SizeRootFs: imageOf(d.daemon, c)?.size ?? 0 } : containerJson(d.daemon, c, epoch, now));
    else if (n) objects.push(networkJson(d.daemon, n, epoch));
    else if (image) objects.push(imageJson(image, d.daemon.images));
    else {
      missing = true;
      out.err(kind === 'network' ? errorResponse(`network ${ref} not found`) : `Error: No such object: ${ref}`);
    }
  }
  if (objects.length > 0 || parsed.value.args.length === 0 || last(parsed.value, 'format') === undefined) {
    if (!printInspect(objects, last(parsed.value, 'format'), out)) return out.done(1);
  } else out.out('\n'); // docker/cli's TemplateInspector.Flush: nothing was written, so a newline (recorded)
  return out.done(missing ? 1 : 0);
}
