/** The small programs and the shell itself: they read and print, and change no network state. */
import { doc, type CommandDoc } from './types';

const NO_KERNEL = 'Changes nothing in the network: it only reads or prints text.';

function text(name: string, summary: string, usage: string, flags: [string, string][] = [], kernel = NO_KERNEL): CommandDoc {
  return doc({ name, summary, kernel, usage, flags: flags.map(([flag, words]) => ({ flag, words })) });
}

export const COREUTILS_DOCS: CommandDoc[] = [
  text('cat', 'print files (e.g. /proc/sys/net/ipv4/ip_forward, /etc/hosts)', 'cat [FILE]...', [['-n', 'number the lines']], 'Reads files; under /proc/sys/net they show the namespace’s kernel settings.'),
  text('echo', 'print its arguments', 'echo [-n] [-e] TEXT...', [['-n', 'no newline at the end'], ['-e', 'interpret backslash escapes']], 'Prints text; `echo 1 > /proc/sys/net/ipv4/ip_forward` writes a kernel setting like sysctl -w.'),
  text('help', 'list the commands, or explain one (help ip)', 'help [COMMAND]'),
  text('clear', 'clear the terminal', 'clear'),
  text('true', 'do nothing, successfully (exit 0)', 'true'),
  text('false', 'do nothing, unsuccessfully (exit 1)', 'false'),
  text(':', 'do nothing, successfully (the shell builtin, as in `while :; do …; done`)', ': [ARGUMENTS]'),
  text('printf', 'print arguments through a format', 'printf FORMAT [ARGUMENT]...', [['%s, %d, %x, %b, %%', 'a string, a decimal, hex, a string with escapes, a percent sign'], ['%-10s, %05d', 'width, left-aligned or zero-padded']]),
  text('ps', 'list the host\'s processes: init, dockerd and containerd, each container\'s shim and processes (host PIDs), your shell', 'ps [-e] [-f] [-ef] [aux]', [['-e, -A', 'every process, not only this terminal\'s'], ['-f', 'full format: UID, PID, PPID, start time, command line'], ['aux', 'BSD format with %CPU, %MEM, VSZ, RSS, STAT']], 'Reads the process table; a container\'s processes are host processes in their own namespaces (compare `docker top` and `docker inspect -f {{.State.Pid}}`).'),
  text('pgrep', 'print the PIDs of processes by name', 'pgrep [-l] [-a] [-f] [-x] PATTERN', [['-l', 'PID and name'], ['-a', 'PID and full command line'], ['-f', 'match the full command line'], ['-x', 'the whole name must match']], 'Reads the process table: `pgrep nginx` finds a container\'s nginx from the host.'),
  text('tty', 'print the terminal\'s name (lab cells and scripts have none: not a tty)', 'tty'),
  text('more', 'show a file a page at a time (here: all of it, as when the output is not a terminal)', 'more [FILE]...'),
  text('less', 'show a file a page at a time (here: all of it, as when the output is not a terminal)', 'less [FILE]...'),
  text('test', 'check a condition: exit 0 when true, 1 when false, 2 on a bad expression', 'test EXPR', [['-z S / -n S', 'S is empty / not empty'], ['A = B, A != B', 'strings equal / differ'], ['A -eq B (-ne -lt -le -gt -ge)', 'integer comparisons'], ['-e F, -f F, -d F, -s F', 'F exists / is a file / a directory / is not empty'], ['! EXPR', 'negation'], ['EXPR -a EXPR, EXPR -o EXPR', 'and, or']]),
  text('[', 'the same as test, closed by ]: `[ "$x" = up ]`', '[ EXPR ]'),
  text('hostname', 'print the host name or its addresses', 'hostname [-I]', [['-I, --all-ip-addresses', 'every address of every interface (not loopback)']], 'Reads the UTS host name, or the addresses of the namespace’s interfaces with -I.'),
  text('jobs', 'list the background jobs (`cmd &`) with their number, state and command', 'jobs [-l] [-p]', [['-l', 'also the process IDs'], ['-p', 'only the process IDs']], 'Reads the shell\'s job table; a terminal (an interactive bash) also prints [N] PID when a job starts and [N]+  Done when it ends.'),
  text('wait', 'wait for background jobs to end (simulated time passes)', 'wait [%N|PID]...', [], 'Lets simulated time pass until the jobs end; its status is the last job\'s.'),
  text('kill', 'send a signal to a background job or, by host PID, to a container\'s process', 'kill [-s SIGNAL | -n NUM | -SIGNAL] %N|PID...', [['-s SIGNAL, -SIGNAL', 'a name with or without SIG, or a number: TERM (default), INT, KILL, STOP, CONT, HUP, QUIT…; background jobs take TERM, INT and KILL'], ['-n NUM', 'the signal by number']], 'Signals the job\'s processes, as Ctrl-C or a SIGKILL would; a container\'s processes by the host PIDs pgrep and docker top show: SIGSTOP stops one (ps STAT T, Docker still says running) until SIGCONT, SIGKILL of its PID 1 ends the container (Exited (137), restart policies apply), other signals reach PID 1 only if it handles them (nginx quits on TERM, a sleep ignores it).'),
  text('sleep', 'wait a number of seconds (simulated time)', 'sleep SECONDS', [], 'Lets simulated time pass: ARP entries and bridge FDB entries age while it waits.'),
  text('sudo', 'run a command as root (you already are)', 'sudo COMMAND ...', [], 'Runs the command unchanged: the simulated shell is root.'),
  text('grep', 'print lines that match a pattern', 'grep [-i] [-v] [-c] [-E] [-F] [-o] [-w] [-n] [-q] PATTERN [FILE]...', [['-i', 'ignore case'], ['-v', 'print lines that do not match'], ['-c', 'count matching lines'], ['-E', 'extended regular expressions'], ['-F', 'the pattern is a fixed string, not a regex'], ['-o', 'print only the matching part'], ['-w', 'whole words'], ['-n', 'prefix each line with its line number'], ['-q', 'quiet, only the exit status']]),
  text('head', 'print the first lines', 'head [-n N] [-c N] [FILE]', [['-n N', 'the first N lines (default 10)'], ['-c N', 'the first N bytes']]),
  text('tail', 'print the last lines', 'tail [-n N] [-c N] [FILE]', [['-n N', 'the last N lines (default 10); +N starts at line N'], ['-c N', 'the last N bytes; +N starts at byte N']]),
  text('wc', 'count lines, words, bytes', 'wc [-l] [-w] [-c] [FILE]', [['-l', 'lines'], ['-w', 'words'], ['-c', 'bytes']]),
  text('sort', 'sort lines', 'sort [-r] [-n] [-u] [-k N] [FILE]', [['-r', 'reverse'], ['-n', 'numeric'], ['-u', 'unique'], ['-k N', 'sort by field N']]),
  text('cut', 'print selected fields of each line', 'cut -d DELIM -f LIST [FILE]', [['-d DELIM', 'field separator'], ['-f LIST', 'fields to print (1,3 or 2-4)'], ['-c LIST', 'characters to print']]),
  text('awk', 'print fields of each line (print one-liners)', "awk [-F SEP] '[/REGEX/ | NR>N] {print $N, NF, NR}' [FILE]", [['-F SEP', 'field separator'], ['/REGEX/ {…}', 'only lines that match'], ['NR>1 {…}', 'only lines by number (==, !=, <, <=, >, >=): NR>1 skips a header']]),
  text('ls', 'list files (/run/netns, /sys/class/net, /proc/PID/ns, /var/lib/docker/containers, your files)', 'ls [-l] [-r] [-t] [-a] [-1] [PATH]...', [['-l', 'long listing'], ['-t', 'newest first'], ['-r', 'reverse the order (-lrt: oldest first)'], ['-a', 'also hidden files'], ['-1', 'one per line']], 'Lists files; `ls /run/netns` shows named namespaces, `ls /sys/class/net` the interfaces of this namespace, `ls -l /proc/PID/ns` the namespaces of a process, `ls -lrt /var/lib/docker/containers` one directory per container.'),
  text('readlink', 'print where a symbolic link points: /proc/PID/ns/net gives net:[INODE], the network namespace of that process', 'readlink [-f] [-e] [-m] [-n] [-v] FILE...', [['-f', 'the full path, every link followed (the last part may be missing)'], ['-e', 'the same, every part must exist'], ['-m', 'the same, no part needs to exist'], ['-n', 'no newline at the end'], ['-v', 'say why a FILE is not a link']], 'Reads links under /proc: two processes are in the same network namespace exactly when `readlink /proc/PID/ns/net` prints the same inode; /proc/self is the reading process.'),
  text('sed', 'edit lines with substitutions', "sed [-n] [-E] 's/REGEX/REPLACEMENT/[g]' [FILE]", [['-n', 'print only what p commands print'], ['-E', 'extended regular expressions'], ['-i', 'edit the file in place']]),
  text('which', 'say where a program is', 'which PROGRAM...'),
  text('uname', 'print the system name and kernel', 'uname [-a] [-r] [-n]', [['-a', 'everything'], ['-r', 'kernel release'], ['-n', 'host name']]),
  text('tee', 'copy input to a file and to the output', 'tee [-a] FILE', [['-a', 'append instead of overwriting']], 'Writes text; `echo 1 | tee /proc/sys/net/ipv4/ip_forward` changes a kernel setting.'),
  text('timeout', 'run a command with a time limit', 'timeout [-s SIGNAL] DURATION COMMAND ...', [['-s SIGNAL', 'the signal to send at the limit']], 'Runs the command; after DURATION of simulated time it is stopped and timeout exits 124.'),
  text('sh', 'run a command line in a new shell', "sh -c 'COMMANDS'", [['-c COMMANDS', 'the commands to run']], 'Runs the commands in a child shell in the same namespace.'),
  text('bash', 'run a command line in a new shell', "bash -c 'COMMANDS'", [['-c COMMANDS', 'the commands to run']], 'Runs the commands in a child shell in the same namespace (`ip netns exec red bash` enters red).'),
];
