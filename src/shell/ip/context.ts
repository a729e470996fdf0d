/** What every `ip` subcommand needs: the world, the namespace it runs in, global options. */
import type { World } from '../../engine/world';
import type { Host, Netns } from '../../engine/net/types';
import { linkByName } from '../../engine/net/links';
import { netnsByName } from '../../engine/net/netns';
import type { Link } from '../../engine/net/types';
import type { ShellContext } from '../types';
import { IpError, noDevice } from './args';

export interface IpOptions {
  family: 4 | 6 | null;
  brief: boolean;
  details: boolean;
  stats: number;
  oneline: boolean;
  json: boolean;
  all: boolean;
}

export class IpContext {
  out = '';
  err = '';
  constructor(
    readonly shell: ShellContext,
    readonly ns: Netns,
    readonly opts: IpOptions,
  ) {}

  get world(): World {
    return this.shell.world;
  }

  get host(): Host {
    return this.shell.host;
  }

  line(text = ''): void {
    this.out += text + '\n';
  }

  warn(text: string): void {
    this.err += text + '\n';
  }

  /** ll_name_to_index or die: `Cannot find device "x"`. */
  device(name: string): Link {
    const link = linkByName(this.world, this.ns.id, name);
    if (!link) throw noDevice(name);
    return link;
  }

  findDevice(name: string): Link | undefined {
    return linkByName(this.world, this.ns.id, name);
  }

  netns(name: string): Netns | undefined {
    return netnsByName(this.world, this.host, name);
  }
}

export function ipFail(message: string, exitCode: number): IpError {
  return new IpError(message, exitCode);
}
