/**
 * docker version: the client (docker/cli 28.2.2) and the server (Engine 26.1.5+dfsg1), the text block
 * as docker/cli prints it (recorded) and the --format object (types.Version's JSON field order).
 */
import { CLIENT, CONTAINERD, DOCKER_INIT, ENGINE, KERNEL_VERSION, RUNC } from '../../engine/docker/engine-info';
import { Output, type CommandResult, success } from '../types';
import { usageError, type DockerCtx } from './context';
import { last, parseFlags, flagSpecs } from './flags';
import { renderTemplate } from './template';

/**
 * Templates read Go's field names, JSON prints the tags: APIVersion is `json:"ApiVersion"` in both
 * the client's and the server's struct, so `{{.Server.APIVersion}}` works; the alias stays out of `{{json .}}`.
 */
function withApiAlias<T extends Record<string, unknown>>(o: T): T {
  Object.defineProperty(o, 'APIVersion', { value: o['ApiVersion'], enumerable: false });
  return o;
}

export function versionObject(context: string): Record<string, unknown> {
  return {
    Client: withApiAlias({ ...clientPart(context), ApiVersion: ENGINE.ApiVersion, DefaultAPIVersion: CLIENT.ApiVersion }),
    Server: withApiAlias({
      Platform: { Name: ENGINE.Platform },
      Components: [
        { Name: 'Engine', Version: ENGINE.Version, Details: { ApiVersion: ENGINE.ApiVersion, Arch: 'amd64', BuildTime: ENGINE.BuildTime, Experimental: 'false', GitCommit: ENGINE.GitCommit, GoVersion: ENGINE.GoVersion, KernelVersion: KERNEL_VERSION, MinAPIVersion: ENGINE.MinAPIVersion, Os: 'linux' } },
        { Name: 'containerd', Version: CONTAINERD.Version, Details: { GitCommit: CONTAINERD.GitCommit } },
        { Name: 'runc', Version: RUNC.Version, Details: { GitCommit: RUNC.GitCommit } },
        { Name: 'docker-init', Version: DOCKER_INIT.Version, Details: { GitCommit: DOCKER_INIT.GitCommit } },
      ],
      Version: ENGINE.Version,
      ApiVersion: ENGINE.ApiVersion,
      MinAPIVersion: ENGINE.MinAPIVersion,
      GitCommit: ENGINE.GitCommit,
      GoVersion: ENGINE.GoVersion,
      Os: 'linux',
      Arch: 'amd64',
      KernelVersion: KERNEL_VERSION,
      BuildTime: ENGINE.BuildTimeApi,
    }),
  };
}

function clientPart(context: string) {
  return { Version: CLIENT.Version, ApiVersion: CLIENT.ApiVersion, DefaultAPIVersion: CLIENT.ApiVersion, GitCommit: CLIENT.GitCommit, GoVersion: CLIENT.GoVersion, Os: 'linux', Arch: 'amd64', BuildTime: CLIENT.BuildTime, Context: context };
}

function clientText(context: string, apiLine: string): string {
  return `Client:
 Version:           ${CLIENT.Version}
 API version:       ${apiLine}
 Go version:        ${CLIENT.GoVersion}
 Git commit:        ${CLIENT.GitCommit}
 Built:             ${CLIENT.BuildTime}
 OS/Arch:           linux/amd64
 Context:           ${context}
`;
}

const SERVER_TEXT = `
Server:${ENGINE.Platform === '' ? '' : ` ${ENGINE.Platform}`}
 Engine:
  Version:          ${ENGINE.Version}
  API version:      ${ENGINE.ApiVersion} (minimum version ${ENGINE.MinAPIVersion})
  Go version:       ${ENGINE.GoVersion}
  Git commit:       ${ENGINE.GitCommit}
  Built:            ${ENGINE.BuildTime}
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          ${CONTAINERD.Version}
  GitCommit:        ${CONTAINERD.GitCommit}
 runc:
  Version:          ${RUNC.Version}
  GitCommit:        ${RUNC.GitCommit}
 docker-init:
  Version:          ${DOCKER_INIT.Version}
  GitCommit:        ${DOCKER_INIT.GitCommit}
`;

export function dockerVersion(d: DockerCtx, argv: string[], context = 'default'): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format='), true);
  if (!parsed.ok) return usageError('version', parsed.error);
  const format = last(parsed.value, 'format');
  if (format !== undefined) {
    const r = renderTemplate(format, versionObject(context));
    if (!r.ok) return { stdout: '', stderr: r.error + '\n', exitCode: 1 };
    return new Output().line(r.value).done(0);
  }
  void d;
  return success(clientText(context, `${ENGINE.ApiVersion} (downgraded from ${CLIENT.ApiVersion})`) + SERVER_TEXT);
}

/** `docker version` when the daemon cannot be reached: the client block, then the connection error (exit 1). */
export function clientOnlyVersion(context: string, error: string): CommandResult {
  return { stdout: clientText(context, CLIENT.ApiVersion), stderr: error + '\n', exitCode: 1 };
}
