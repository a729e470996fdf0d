/** curl, wget and the name lookup tools (used from the host and inside containers). */
import { flagDoc, doc } from './types';

const HTTP = 'Opens a TCP connection through the simulated network (route lookup, ARP, bridges, netfilter: a published port is a DNAT rule) and prints what the server answers.';

export const HTTP_TOOL_DOCS = [
  doc({
    name: 'curl',
    summary: 'fetch a URL over HTTP',
    kernel: HTTP,
    usage: 'curl [-sSIifLv] [-o FILE] [-m SECONDS] [-w FORMAT] [-X METHOD] [-H HEADER] [-d DATA] [-A AGENT] URL',
    flags: [
      flagDoc('-s, --silent', 'no progress or error messages'),
      flagDoc('-S, --show-error', 'show errors even with -s'),
      flagDoc('-I, --head', 'only the response headers (HEAD request)'),
      flagDoc('-i, --include', 'print the response headers too'),
      flagDoc('-f, --fail', 'exit 22 on HTTP errors, print nothing'),
      flagDoc('-o FILE, --output FILE', 'write the body to FILE'),
      flagDoc('-m SECONDS, --max-time SECONDS', 'give up after this long'),
      flagDoc('-L, --location', 'follow redirects'),
      flagDoc('-v, --verbose', 'show the connection steps (* what curl does, > the request, < the response headers)'),
      flagDoc('-w FORMAT, --write-out FORMAT', 'print variables after the transfer, e.g. %{http_code}, %{remote_ip}, %{time_total}, %{url_effective}'),
      flagDoc('-X METHOD, --request METHOD', 'the HTTP method to send'),
      flagDoc('-H HEADER, --header HEADER', 'add a request header ("Name:" with no value removes one)'),
      flagDoc('-d DATA, --data DATA', 'send DATA in a POST (@FILE reads a file); --data-raw, --data-binary'),
      flagDoc('-A AGENT, --user-agent AGENT', 'the User-Agent header'),
    ],
  }),
  doc({
    name: 'wget',
    summary: 'download a URL over HTTP',
    kernel: HTTP,
    usage: 'wget [-q] [-O FILE] [-T SECONDS] [--spider] URL',
    flags: [
      flagDoc('-q', 'quiet'),
      flagDoc('-O FILE', 'write to FILE (- for the terminal)'),
      flagDoc('-T SECONDS', 'timeout'),
      flagDoc('--spider', 'only check that the URL exists'),
    ],
  }),
  doc({
    name: 'getent',
    summary: 'look up a name in /etc/hosts and DNS',
    kernel: 'Resolves a host name the way programs do (/etc/hosts, then the DNS server in /etc/resolv.conf; Docker’s embedded DNS inside user networks).',
    usage: 'getent hosts NAME',
  }),
  doc({
    name: 'nslookup',
    summary: 'ask a DNS server for a name',
    kernel: 'Sends a DNS query to the server in /etc/resolv.conf (Docker’s 127.0.0.11 inside user networks) and prints the answer.',
    usage: 'nslookup NAME [SERVER]',
  }),
];
