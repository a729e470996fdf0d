/** `docker-machine` (0.16.2): machines are hosts of the simulated world. */
import { doc, subcommandDoc } from './types';

const sub = subcommandDoc;

export const DOCKER_MACHINE_DOC = doc({
  name: 'docker-machine',
  summary: 'create and manage Docker hosts (VirtualBox VMs, existing servers)',
  kernel: 'Adds hosts to the world: a virtualbox machine is a new Linux host with a Docker daemon on VirtualBox’s host-only network (your host gets vboxnet0 192.168.99.1/24, machines 192.168.99.100, .101, …); a generic machine is an existing host reached over ssh where Docker gets installed. `eval $(docker-machine env NAME)` sets DOCKER_HOST so the next docker commands talk to that daemon.',
  usage: 'docker-machine COMMAND [arg...]',
  subcommands: [
    sub('create', 'docker-machine create [-d virtualbox|generic] [--generic-ip-address IP] NAME', 'creates the machine and starts its daemon (boot2docker for virtualbox).'),
    sub('ls', 'docker-machine ls [-q]', 'lists machines: ACTIVE is * for the one DOCKER_HOST points at.'),
    sub('env', 'docker-machine env [-u] NAME', 'prints the export lines (DOCKER_HOST=tcp://IP:2376, …) to run with eval; -u prints the unset lines.'),
    sub('ip', 'docker-machine ip NAME', 'prints the machine’s address.'),
    sub('ssh', 'docker-machine ssh NAME [COMMAND]', 'logs in to the machine (exit to come back) or runs one command there.'),
    sub('start', 'docker-machine start NAME', 'powers the machine on: its interfaces come up; containers with a restart policy do not come back by themselves.'),
    sub('stop', 'docker-machine stop NAME', 'powers the machine off: its containers exit, its interfaces go down.'),
    sub('restart', 'docker-machine restart NAME', 'stop then start.'),
    sub('rm', 'docker-machine rm [-y] NAME', 'removes the machine (asks y/n unless -y).'),
    sub('status', 'docker-machine status NAME', 'prints Running or Stopped.'),
    sub('url', 'docker-machine url NAME', 'prints tcp://IP:2376.'),
    sub('active', 'docker-machine active', 'prints the machine DOCKER_HOST points at.'),
  ],
});
