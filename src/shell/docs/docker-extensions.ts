/** docker plugin, secret and config entries of the docker doc. */
import { flagDoc, subcommandDoc, type SubcommandDoc } from './types';

const sub = subcommandDoc;

export const DOCKER_EXTENSION_SUBCOMMANDS: SubcommandDoc[] = [
  sub('plugin', 'docker plugin install|ls|enable|disable|rm|inspect|set', 'manages plugins: extra volume and network drivers the daemon runs as containers (offline catalog: vieux/sshfs, weaveworks/net-plugin).'),
  { name: 'plugin install', usage: 'docker plugin install [--grant-all-permissions] [--alias NAME] [--disable] PLUGIN [KEY=VALUE...]', words: 'pulls and enables a plugin after you grant the privileges it asks for (host network, mounts, devices, capabilities); without --grant-all-permissions it asks y/N on stdin.', flags: [flagDoc('--grant-all-permissions', 'answer yes to the privileges prompt.')] },
  sub('plugin ls', 'docker plugin ls [-q] [--no-trunc]', 'lists plugins with ENABLED true/false.'),
  sub('plugin enable', 'docker plugin enable PLUGIN', 'starts the plugin: its driver can be used.'),
  sub('plugin disable', 'docker plugin disable [-f] PLUGIN', 'stops the plugin; refused while volumes use its driver.'),
  sub('plugin rm', 'docker plugin rm [-f] PLUGIN...', 'removes disabled plugins.'),
  sub('plugin inspect', 'docker plugin inspect [-f T] PLUGIN...', 'prints a plugin as JSON (its interface type, settings).'),
  sub('plugin set', 'docker plugin set PLUGIN KEY=VALUE...', 'changes a disabled plugin’s settings.'),
  sub('secret', 'docker secret create|ls|inspect|rm', 'manages swarm secrets (swarm managers only): encrypted in the raft log, given to service tasks as files in /run/secrets (a tmpfs, never on the node’s disk).'),
  sub('secret create', 'docker secret create [-l KEY=VALUE] NAME FILE|-', 'stores a secret from a file or stdin (-) and prints its id.'),
  sub('secret ls', 'docker secret ls [-q]', 'lists secrets (never their data).'),
  sub('secret inspect', 'docker secret inspect SECRET...', 'prints a secret’s metadata as JSON (no data).'),
  sub('secret rm', 'docker secret rm SECRET...', 'removes secrets no service uses.'),
  sub('config', 'docker config create|ls|inspect|rm', 'manages swarm configs: like secrets but not sensitive; mounted in service tasks at /NAME or the --config target.'),
  sub('config create', 'docker config create NAME FILE|-', 'stores a config from a file or stdin (-) and prints its id.'),
  sub('config ls', 'docker config ls [-q]', 'lists configs.'),
  sub('config inspect', 'docker config inspect CONFIG...', 'prints a config as JSON, its data base64-encoded in Spec.Data.'),
  sub('config rm', 'docker config rm CONFIG...', 'removes configs no service uses.'),
];
