/** iputils ping and the net-tools programs, by name. */
import type { CommandFn } from '../types';
import { arp } from './arp';
import { ifconfig } from './ifconfig';
import { ping } from './ping';
import { netstat } from './netstat';
import { route } from './route';
import { conntrack } from './conntrack';
import { ss } from './ss';

export const NETTOOLS: Record<string, CommandFn> = { ping, arp, route, ifconfig, netstat, conntrack, ss };
