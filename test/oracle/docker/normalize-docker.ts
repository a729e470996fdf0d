/**
 * Normalisation of Docker transcripts (test/golden/docker/*.txt and the simulator's) before they
 * are compared. Only what differs between two recordings of the same script on a real engine is
 * replaced: container/network/image ids, veth names, MACs, times ("3 seconds ago", ISO dates),
 * and, in a block where a relative time was replaced, the column padding that depends on it.
 * test/oracle/docker/README.md lists each rule. Pure: no imports but the kernel normaliser.
 */
import { normalizeTranscript } from '../normalize';

const ID64 = /\b[0-9a-f]{64}\b/g;
const ID12 = /\b[0-9a-f]{12}\b/g;
const VETH = /\bveth[0-9a-f]{7}\b/g;
const ISO_TIME = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
/** docker/cli's units.HumanDuration phrases (and "Less than a second"). */
const HUMAN_DURATION = /\b(?:Less than a second|About a minute|About an hour|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g;

/** One block ("$ cmd\n…[exit N]\n\n") or a whole transcript. */
export function normalizeDockerTranscript(text: string): string {
  let out = normalizeTranscript(text);
  out = out.replace(ID64, 'ID64').replace(ID12, 'ID12').replace(VETH, 'vethX').replace(ISO_TIME, 'TIME');
  // The recorder's --exec-root; dockerd's default is /var/run/docker.
  out = out.replace(/\/tmp\/vethlab-dockerd\.\w+\/exec\//g, '/var/run/docker/');
  // A container's eth0 keeps the ifindex it got in the host's namespace, which depends on what ran before.
  out = out.replace(/^\d+: (eth\d+)(?=[:@])/gm, 'N: $1');
  return out
    .split(/(?<=\n\n)(?=\$ )/)
    .map((block) => {
      if (block.search(HUMAN_DURATION) < 0) return block;
      const [head, ...body] = block.split('\n');
      const rest = body.join('\n').replace(HUMAN_DURATION, 'T').replace(/ {2,}/g, '  ').replace(/ +$/gm, '');
      return [head, rest].join('\n');
    })
    .join('');
}
