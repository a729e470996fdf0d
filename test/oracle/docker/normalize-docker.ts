/**
 * Normalisation of Docker transcripts (test/golden/docker/*.txt and the simulator's) before they
 * are compared. Only what differs between two recordings of the same script on a real engine is
 * replaced: container/network/image ids, veth names, MACs, times ("3 seconds ago", ISO dates),
 * and, in a block where a relative time was replaced, the column padding that depends on it.
 * test/oracle/docker/README.md lists each rule. Pure: no imports but the kernel normaliser.
 */
import { normalizeTranscript } from '../normalize';

const ID64 = /\b[0-9a-f]{64}\b/g;
/** dockerd's engine ID (random per data root) and BuildKit's session ids. */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const ID12 = /\b[0-9a-f]{12}\b/g;
const VETH = /\bveth[0-9a-f]{7}\b/g;
const ISO_TIME = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
/** docker/cli's units.HumanDuration phrases (and "Less than a second"). */
const HUMAN_DURATION = /\b(?:Less than a second|About a minute|About an hour|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g;

/**
 * docker info / version fields that belong to the recording machine or the daemon's running
 * process, not to the engine: the kernel release, the data root's filesystem (the recorder keeps
 * it on tmpfs), and the daemon's open file and goroutine counts.
 */
function normalizeRecordingHost(text: string): string {
  return text
    .replace(/^( Kernel Version: ).*$/gm, '$1KERNEL')
    .replace(/"KernelVersion":"[^"]*"/g, '"KernelVersion":"KERNEL"')
    .replace(/^( {2}Backing Filesystem: ).*$/gm, '$1FS')
    .replace(/\["Backing Filesystem","[^"]*"\]/g, '["Backing Filesystem","FS"]')
    .replace(/"(NFd|NGoroutines)":\d+/g, '"$1":N');
}

/** `value` replaced by `token`, padded so the cell keeps its width (the table's layout is still compared). */
function sameWidth(value: string, pad: string, token: string): string {
  return token + ' '.repeat(Math.max(1, value.length + pad.length - token.length));
}

/**
 * docker top's rows are the host's `ps -ef`: PID and PPID are host PIDs (what ran on the
 * recording machine before), C is the CPU share so far and STIME the wall-clock start.
 */
function normalizeTopRows(block: string): string {
  if (!/^\$ docker (?:container )?top /.test(block)) return block;
  return block
    .replace(/^(\S+ +)(\d+)( +)(\d+)( +)(\d+)( +)(\d\d:\d\d|[A-Z][a-z]{2}\d\d)( +)/gm, (_, uid: string, pid: string, p1: string, ppid: string, p2: string, c: string, p3: string, stime: string, p4: string) =>
      uid + sameWidth(pid, p1, 'PID') + sameWidth(ppid, p2, 'PID') + sameWidth(c, p3, 'C') + sameWidth(stime, p4, 'STIME'))
    .replace(/^(\d+)( +)/gm, (_, pid: string, pad: string) => (/\nPID +/.test(block) ? sameWidth(pid, pad, 'PID') : pid + pad));
}

/**
 * BuildKit's plain progress (any block with its `#0 building with` line) carries timings of the
 * recording machine: `#N DONE 1.9s`, a status's own duration (`transferring dockerfile: 169B
 * 0.0s done`, printed only when the status outlived a progress tick), and the seconds each RUN
 * log line was stamped with (`#6 1.720 built`, and again in the error box).
 */
function normalizeBuildTimings(block: string): string {
  if (!block.includes('\n#0 building with ')) return block;
  return block
    .replace(/^(#\d+ DONE) \d+\.\ds$/gm, '$1 Ts')
    .replace(/^(#\d+ .*?) \d+\.\ds done$/gm, '$1 done')
    .replace(/^(#\d+) \d+\.\d{3} /gm, '$1 T ')
    .replace(/^\d+\.\d{3} /gm, 'T ')
    // The build context's random session and shared-key ids (identity.NewID) in a checksum error.
    .replace(/\bref UUID::[0-9a-z]{25}\b/g, 'ref UUID::SESSION');
}

/** One block ("$ cmd\n…[exit N]\n\n") or a whole transcript. */
export function normalizeDockerTranscript(text: string): string {
  let out = normalizeTranscript(text);
  out = out.replace(UUID, 'UUID').replace(ID64, 'ID64').replace(ID12, 'ID12').replace(VETH, 'vethX').replace(ISO_TIME, 'TIME');
  // The recorder's --exec-root; dockerd's default is /var/run/docker.
  out = out.replace(/\/tmp\/vethlab-dockerd\.\w+\/exec\//g, '/var/run/docker/');
  // The recorder's --data-root; dockerd's default is /var/lib/docker (docker info, volume Mountpoint, Mounts Source).
  out = out.replace(/\/tmp\/vethlab-dockerd\.\w+\/data\b/g, '/var/lib/docker');
  out = normalizeRecordingHost(out);
  // A container's eth0 keeps the ifindex it got in the host's namespace, which depends on what ran before.
  out = out.replace(/^\d+: (eth\d+)(?=[:@])/gm, 'N: $1');
  return out
    .split(/(?<=\n\n)(?=\$ )/)
    .map(normalizeTopRows)
    .map(normalizeBuildTimings)
    .map((block) => {
      if (block.search(HUMAN_DURATION) < 0) return block;
      const [head, ...body] = block.split('\n');
      const rest = body.join('\n').replace(HUMAN_DURATION, 'T').replace(/ {2,}/g, '  ').replace(/ +$/gm, '');
      return [head, rest].join('\n');
    })
    .join('');
}
