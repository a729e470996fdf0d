/** The iptables programs the simulated host has. */
import type { CommandFn } from '../types';
import { iptables } from './iptables';
import { iptablesSave } from './save';

export const IPTABLES_COMMANDS: Record<string, CommandFn> = {
  iptables,
  'iptables-save': iptablesSave,
};
