/** tracepath: the path to a host and its MTU. */
import { flagDoc, doc } from './types';

export const TRACEPATH_DOC = doc({
  name: 'tracepath',
  summary: 'trace the path to a host and its MTU (iputils)',
  kernel: 'Sends UDP probes with TTL 1, 2, …: each router where the TTL runs out answers ICMP time exceeded, the destination port unreachable ("reached"). Prints the path MTU and the hops there and back (from the TTL of the answers). Unlike traceroute it needs no privileges.',
  usage: 'tracepath [-n] [-m HOPS] [-p PORT] DESTINATION',
  flags: [
    flagDoc('-n', 'print addresses, no DNS names'),
    flagDoc('-m HOPS', 'give up after HOPS hops (default 30)'),
    flagDoc('-p PORT', 'the first destination port (default 44444)'),
  ],
});
