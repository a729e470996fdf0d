/**
 * The parts of the Compose specification's JSON schema Vethlab checks, with compose-go v2's
 * messages (santhosh-tekuri/jsonschema, as in Compose v2.32 shipped with Engine 27.5):
 * `services.web additional properties 'foo' not allowed`, `services.web.image must be a string`.
 * `x-` keys are allowed everywhere, as the schema's patternProperties say.
 */

export const TOP_LEVEL = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models'];

export const SERVICE_KEYS = [
  'annotations', 'attach', 'build', 'blkio_config', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares',
  'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt',
  'dns_search', 'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links', 'extra_hosts',
  'gpus', 'group_add', 'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'labels', 'label_file', 'links', 'logging',
  'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'network_mode', 'networks',
  'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop', 'privileged',
  'profiles', 'pull_policy', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size', 'stdin_open',
  'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'user', 'userns_mode', 'uts',
  'volumes', 'volumes_from', 'working_dir',
];

export const BUILD_KEYS = ['context', 'dockerfile', 'dockerfile_inline', 'args', 'ssh', 'labels', 'cache_from', 'cache_to', 'no_cache', 'additional_contexts', 'network', 'pull', 'target', 'shm_size', 'extra_hosts', 'isolation', 'privileged', 'secrets', 'tags', 'ulimits', 'platforms'];
export const DEPLOY_KEYS = ['mode', 'endpoint_mode', 'replicas', 'labels', 'rollback_config', 'update_config', 'resources', 'restart_policy', 'placement'];
export const PORT_KEYS = ['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol'];
export const MOUNT_KEYS = ['type', 'source', 'target', 'read_only', 'consistency', 'bind', 'volume', 'tmpfs', 'image'];
export const NETWORK_KEYS = ['name', 'driver', 'driver_opts', 'ipam', 'external', 'internal', 'enable_ipv4', 'enable_ipv6', 'attachable', 'labels'];
export const VOLUME_KEYS = ['name', 'driver', 'driver_opts', 'external', 'labels'];
export const SECRET_KEYS = ['name', 'environment', 'file', 'external', 'labels', 'driver', 'driver_opts', 'template_driver'];
export const CONFIG_KEYS = ['name', 'content', 'environment', 'file', 'external', 'labels', 'template_driver'];
export const SERVICE_NETWORK_KEYS = ['aliases', 'interface_name', 'ipv4_address', 'ipv6_address', 'link_local_ips', 'mac_address', 'driver_opts', 'priority', 'gw_priority'];
export const FILE_REF_KEYS = ['source', 'target', 'uid', 'gid', 'mode'];
export const DEPENDS_KEYS = ['condition', 'restart', 'required'];

/** `(root)` for the document itself, as compose-go names it. */
export function pathText(path: string[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

export function additionalProperty(path: string[], key: string): string {
  return `${pathText(path)} additional properties '${key}' not allowed`;
}

/** compose-go's humanReadableType: object is "mapping", several types are sorted and joined with "or". */
export function mustBe(path: string[], ...types: string[]): string {
  const names = types.map((t) => (t === 'object' ? 'mapping' : t));
  if (names.length > 1) names.sort();
  const text = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `${pathText(path)} must be a ${text}`;
}
