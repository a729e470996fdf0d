/** A container's mounts as `docker inspect` shows them (Mounts, HostConfig.Binds, Config.Volumes). */
import type { Container } from '../../engine/docker/types';

export function mountsJson(c: Container) {
  return (c.mounts ?? []).map((m) =>
    m.type === 'volume'
      ? { Type: 'volume', Name: m.source, Source: `/var/lib/docker/volumes/${m.source}/_data`, Destination: m.target, Driver: 'local', Mode: m.mode, RW: !m.readOnly, Propagation: '' }
      : { Type: 'bind', Source: m.source, Destination: m.target, Mode: m.mode, RW: !m.readOnly, Propagation: 'rprivate' },
  );
}

/** The -v texts (HostConfig.Binds), null without any. Anonymous `-v /data` goes to Config.Volumes instead. */
export function bindsJson(c: Container): string[] | null {
  const binds = (c.mounts ?? []).filter((m) => m.bind !== undefined && m.bind.includes(':')).map((m) => m.bind!);
  return binds.length > 0 ? binds : null;
}

export function configVolumesJson(c: Container): Record<string, object> | null {
  const anon = (c.mounts ?? []).filter((m) => m.bind !== undefined && !m.bind.includes(':'));
  return anon.length > 0 ? Object.fromEntries(anon.map((m) => [m.target, {}])) : null;
}
