/**
 * docker info: the client block and the server's stable fields, laid out as docker/cli 28 prints
 * them (recorded from Engine 26.1.5), and the --format object (types.Info's JSON field order).
 */
import { HOST_CPUS, HOST_MEMORY } from '../../engine/docker/cgroups';
import { stableHex } from '../../engine/docker/catalog';
import { CLIENT, CONTAINERD, DAEMON_PROCESS, DOCKER_INIT, ENGINE, KERNEL_VERSION, OPERATING_SYSTEM, RUNC, RUNC_FEATURES } from '../../engine/docker/engine-info';
import type { DaemonState } from '../../engine/docker/types';
import { formatIpv4 } from '../../engine/net/ipv4';
import { Output, type CommandResult, success } from '../types';
import { usageError, type DockerCtx } from './context';
import { last, parseFlags, flagSpecs } from './flags';
import { apiTime } from './human';
import { renderTemplate } from './template';
import { membershipOf } from '../../engine/swarm/state';
import { swarmInfoLines, swarmInfoObject, swarmState } from './info-swarm';

/** dockerd's ID: a UUID fixed per host (the engine's key file). */
function engineId(daemon: DaemonState): string {
  const h = stableHex(`dockerd ${daemon.hostId}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Total Memory as docker/cli prints it (units.BytesSize: binary units, 4 significant digits). */
function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/** Both runtimes dockerd registers are runc; each carries runc's features as a JSON string. */
function runtimes(): Record<string, unknown> {
  const runc = { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': JSON.stringify(RUNC_FEATURES) } };
  return { 'io.containerd.runc.v2': runc, runc };
}

export function infoObject(d: DockerCtx, context: string): Record<string, unknown> {
  const cs = d.daemon.containers;
  const running = cs.filter((c) => c.state === 'running').length;
  const paused = cs.filter((c) => c.state === 'paused').length;
  const pools = d.daemon.config?.defaultAddressPools;
  const info: Record<string, unknown> = {
    ID: engineId(d.daemon),
    Containers: cs.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: cs.length - running - paused,
    Images: d.daemon.images.length,
    Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
    Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
    MemoryLimit: true,
    SwapLimit: true,
    KernelMemoryTCP: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: DAEMON_PROCESS.NFd,
    OomKillDisable: true,
    NGoroutines: DAEMON_PROCESS.NGoroutines,
    SystemTime: apiTime(d.sh.world.clock.epoch + d.sh.world.clock.now()),
    LoggingDriver: d.daemon.config?.logDriver ?? 'json-file',
    CgroupDriver: 'cgroupfs',
    CgroupVersion: '1',
    NEventsListener: 0,
    KernelVersion: KERNEL_VERSION,
    OperatingSystem: OPERATING_SYSTEM,
    OSVersion: '12',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: { IndexConfigs: { 'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true } }, InsecureRegistryCIDRs: ['127.0.0.0/8'], Mirrors: null },
    NCPU: HOST_CPUS,
    MemTotal: HOST_MEMORY,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: d.sh.host.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE.Version,
    Runtimes: runtimes(),
    DefaultRuntime: 'runc',
    Swarm: swarmInfoObject(membershipOf(d.sh.world, d.sh.host), d.sh.host.id),
    LiveRestoreEnabled: d.daemon.config?.liveRestore ?? false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: CONTAINERD.GitCommit, Expected: CONTAINERD.GitCommit },
    RuncCommit: { ID: RUNC.GitCommit, Expected: RUNC.GitCommit },
    InitCommit: { ID: DOCKER_INIT.GitCommit },
    SecurityOptions: ['name=seccomp,profile=builtin'],
    DefaultAddressPools: pools ? pools.map((p) => ({ Base: `${formatIpv4(p.base)}/${p.baseLen}`, Size: p.size })) : null,
    CDISpecDirs: [],
    Warnings: null,
    ClientInfo: { Debug: false, Version: CLIENT.Version, DefaultAPIVersion: CLIENT.ApiVersion, GitCommit: CLIENT.GitCommit, GoVersion: CLIENT.GoVersion, Os: 'linux', Arch: 'amd64', BuildTime: CLIENT.BuildTime, Context: context, Plugins: [], Warnings: null },
  };
  // types.Info's DefaultAddressPools is omitempty: a template still reads it ({{json .DefaultAddressPools}}
  // is null), {{json .}} leaves it out until daemon.json sets pools.
  if (!pools) Object.defineProperty(info, 'DefaultAddressPools', { enumerable: false });
  return info;
}

function infoText(d: DockerCtx, i: Record<string, unknown>, context: string): string {
  const member = membershipOf(d.sh.world, d.sh.host);
  const pools = i['DefaultAddressPools'] as Array<{ Base: string; Size: number }> | null;
  const lines = [
    'Client:',
    ` Version:    ${CLIENT.Version}`,
    ` Context:    ${context}`,
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${i['Containers']}`,
    `  Running: ${i['ContainersRunning']}`,
    `  Paused: ${i['ContainersPaused']}`,
    `  Stopped: ${i['ContainersStopped']}`,
    ` Images: ${i['Images']}`,
    ` Server Version: ${ENGINE.Version}`,
    ' Storage Driver: overlay2',
    '  Backing Filesystem: extfs',
    '  Supports d_type: true',
    '  Using metacopy: false',
    '  Native Overlay Diff: true',
    '  userxattr: false',
    ` Logging Driver: ${i['LoggingDriver']}`,
    ' Cgroup Driver: cgroupfs',
    ' Cgroup Version: 1',
    ' Plugins:',
    '  Volume: local',
    '  Network: bridge host ipvlan macvlan null overlay',
    '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
    ` Swarm: ${swarmState(member, d.sh.host.id)}`,
    ...swarmInfoLines(member, d.sh.host.id),
    ' Runtimes: io.containerd.runc.v2 runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ` containerd version: ${CONTAINERD.GitCommit}`,
    ` runc version: ${RUNC.GitCommit}`,
    ` init version: ${DOCKER_INIT.GitCommit}`,
    ' Security Options:',
    '  seccomp',
    '   Profile: builtin',
    ` Kernel Version: ${KERNEL_VERSION}`,
    ` Operating System: ${OPERATING_SYSTEM}`,
    ' OSType: linux',
    ' Architecture: x86_64',
    ` CPUs: ${HOST_CPUS}`,
    ` Total Memory: ${bytesSize(HOST_MEMORY)}`,
    ` Name: ${i['Name']}`,
    ` ID: ${i['ID']}`,
    ` Docker Root Dir: ${i['DockerRootDir']}`,
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  127.0.0.0/8',
    ` Live Restore Enabled: ${i['LiveRestoreEnabled']}`,
    ...(pools ? [' Default Address Pools:', ...pools.map((p) => `   Base: ${p.Base}, Size: ${p.Size}`)] : []),
    '',
  ];
  return lines.join('\n') + '\n';
}

export function dockerInfo(d: DockerCtx, argv: string[], context = 'default'): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format='), true);
  if (!parsed.ok) return usageError('info', parsed.error);
  if (parsed.value.args.length > 0) return usageError('info', `docker: 'docker info' accepts no arguments`);
  const info = infoObject(d, context);
  const format = last(parsed.value, 'format');
  if (format === undefined) return success(infoText(d, info, context));
  const r = renderTemplate(format, info);
  if (!r.ok) {
    // docker/cli renders info through its own struct: the message names it (recorded).
    const missing = /^(template: .* at <\.(\w+)>): map has no entry for key "\w+"$/.exec(r.error);
    return { stdout: '\n', stderr: (missing ? `${missing[1]}: can't evaluate field ${missing[2]} in type system.dockerInfo` : r.error) + '\n', exitCode: 1 };
  }
  return new Output().line(r.value).done(0);
}
