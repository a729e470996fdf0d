/** `docker` subcommands about storage: volumes, the container's layer, images and builds. */
import type { SubcommandDoc } from './types';

const sub = (name: string, usage: string, words: string, flags?: Array<[string, string]>): SubcommandDoc => ({ name, usage, words, ...(flags ? { flags: flags.map(([flag, w]) => ({ flag, words: w })) } : {}) });

export const DOCKER_STORAGE_SUBCOMMANDS: SubcommandDoc[] = [
  sub('volume create', 'docker volume create [-d local] [--label K=V] [-o K=V] [NAME]', 'creates a named volume of the local driver (a directory under /var/lib/docker/volumes/NAME/_data); without NAME an anonymous one with a 64-hex name.', [['-d DRIVER, --driver DRIVER', 'volume driver (only local exists here)'], ['--label KEY=VALUE', 'label the volume'], ['-o KEY=VALUE, --opt KEY=VALUE', 'driver options, kept in Options']]),
  sub('volume ls', 'docker volume ls [-q] [--filter dangling=true|name=X|driver=X|label=K[=V]] [--format TEMPLATE]', 'lists volumes (DRIVER, VOLUME NAME).', [['-q, --quiet', 'names only'], ['-f FILTER, --filter FILTER', 'dangling=true: used by no container; name=, driver=, label='], ['--format TEMPLATE', 'Go template per volume ({{.Name}}, {{.Driver}}, {{.Mountpoint}})']]),
  sub('volume inspect', 'docker volume inspect [-f TEMPLATE] VOLUME...', 'prints a volume as JSON: CreatedAt, Driver, Labels, Mountpoint, Name, Options, Scope.', [['-f TEMPLATE, --format TEMPLATE', 'Go template']]),
  sub('volume rm', 'docker volume rm [-f] VOLUME...', 'removes volumes and their data; refused while any container (even a stopped one) uses it.', [['-f, --force', 'no error for a volume that does not exist']]),
  sub('volume prune', 'docker volume prune [-a] [-f] [--filter label=K]', 'removes anonymous volumes no container uses (with -a also named ones) and prints the reclaimed space; asks first unless -f.', [['-a, --all', 'named volumes too'], ['-f, --force', 'do not ask'], ['--filter FILTER', 'label=K[=V]']]),
  sub('build', 'docker build [-t NAME[:TAG]] [-f Dockerfile] [--build-arg K=V] [--no-cache] [-q] [--progress plain] PATH', 'builds an image from the Dockerfile in PATH with BuildKit: FROM, then one layer per RUN (run in a throw-away container of the image so far), COPY/ADD (files from the build context PATH); ENV, CMD, ENTRYPOINT, EXPOSE, WORKDIR, USER, ARG, LABEL change the image config. Unchanged steps are reused from the build cache (CACHED). Progress goes to stderr in BuildKit\'s plain format (what a script or lab cell shows).', [['-t NAME[:TAG], --tag', 'name the image (repeatable); an image that loses its name becomes dangling <none>:<none>'], ['-f FILE, --file FILE', 'the Dockerfile (default PATH/Dockerfile)'], ['--build-arg KEY=VALUE', 'value for an ARG'], ['--no-cache', 'run every step again'], ['-q, --quiet', 'print only the image id (sha256:…)'], ['--progress MODE', 'plain or auto (both print the plain format here), quiet'], ['--target STAGE', 'stop at a named stage'], ['--label KEY=VALUE', 'label the image']]),
];

/** run/create's storage flags. */
export const RUN_MOUNT_FLAGS = [
  { flag: '-v NAME:/PATH[:ro], --volume', words: 'mounts a named volume (created on first use), a host directory (/abs or ./rel: a bind mount) or, with only /PATH, a new anonymous volume; :ro makes writes fail with "Read-only file system"' },
  { flag: '--mount type=volume|bind,source=SRC,target=/PATH[,readonly]', words: 'the same mounts spelled as key=value pairs; a bind source must exist' },
];
