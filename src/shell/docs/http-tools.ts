/** curl, wget and the name lookup tools (used from the host and inside containers). */
import { doc } from './types';

const HTTP = 'Opens a TCP connection through the simulated network (route lookup, ARP, bridges, netfilter: a published port is a DNAT rule) and prints what the server answers.';

export const HTTP_TOOL_DOCS = [
  doc({
    name: 'curl',
    summary: 'fetch a URL over HTTP',
    kernel: HTTP,
    usage: 'curl [-sSIifLv] [-o FILE] [-m SECONDS] [-w FORMAT] [-X METHOD] [-H HEADER] [-d DATA] [-A AGENT] URL',
    flags: [
      { flag: '-s, --silent', words: 'no progress or error messages' },
      { flag: '-S, --show-error', words: 'show errors even with -s' },
      { flag: '-I, --head', words: 'only the response headers (HEAD request)' },
      { flag: '-i, --include', words: 'print the response headers too' },
      { flag: '-f, --fail', words: 'exit 22 on HTTP errors, print nothing' },
      { flag: '-o FILE, --output FILE', words: 'write the body to FILE' },
      { flag: '-m SECONDS, --max-time SECONDS', words: 'give up after this long' },
      { flag: '-L, --location', words: 'follow redirects' },
      { flag: '-v, --verbose', words: 'show the connection steps (* what curl does, > the request, < the response headers)' },
      { flag: '-w FORMAT, --write-out FORMAT', words: 'print variables after the transfer, e.g. %{http_code}, %{remote_ip}, %{time_total}, %{url_effective}' },
      { flag: '-X METHOD, --request METHOD', words: 'the HTTP method to send' },
      { flag: '-H HEADER, --header HEADER', words: 'add a request header ("Name:" with no value removes one)' },
      { flag: '-d DATA, --data DATA', words: 'send DATA in a POST (@FILE reads a file); --data-raw, --data-binary' },
      { flag: '-A AGENT, --user-agent AGENT', words: 'the User-Agent header' },
    ],
  }),
  doc({
    name: 'wget',
    summary: 'download a URL over HTTP',
    kernel: HTTP,
    usage: 'wget [-q] [-O FILE] [-T SECONDS] [--spider] URL',
    flags: [
      { flag: '-q', words: 'quiet' },
      { flag: '-O FILE', words: 'write to FILE (- for the terminal)' },
      { flag: '-T SECONDS', words: 'timeout' },
      { flag: '--spider', words: 'only check that the URL exists' },
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
