/** Vethlab's own `vm` command: virtual machines plugged into the host's tap devices. */
import { flagDoc, doc } from './types';

export const VM_DOC = doc({
  name: 'vm',
  summary: 'run simulated virtual machines on tap devices (Vethlab’s own command)',
  kernel: 'Boots a small simulated Linux machine whose NIC (eth0) is the far end of one of your tap devices, as QEMU/libvirt do with vnet0: the VM holds the tap open, so it gets carrier; put the tap in a bridge with eth0 and the VM is on the LAN.',
  usage: 'vm create NAME --tap TAP [--mac MAC] | vm ls | vm exec NAME COMMAND… | vm rm NAME',
  subcommands: [
    { name: 'create', usage: 'vm create NAME --tap TAP [--mac MAC]', words: 'boots a VM on TAP (made with `ip tuntap add TAP mode tap`); its eth0 is up, with a MAC from 52:54:00 (QEMU’s range) and no address until you give it one or it asks DHCP.', flags: [flagDoc('--tap TAP', 'the tap device the VM’s NIC plugs into'), flagDoc('--mac MAC', 'the VM NIC’s MAC address')] },
    { name: 'ls', usage: 'vm ls', words: 'lists VMs: name, tap, MAC and the addresses of their eth0.' },
    { name: 'exec', usage: 'vm exec NAME COMMAND [ARG…]', words: 'runs a command on the VM (its own kernel: interfaces, routes, ARP cache, files), as typed at its console. `vm console` is the same.' },
    { name: 'console', usage: 'vm console NAME COMMAND [ARG…]', words: 'same as `vm exec`.' },
    { name: 'rm', usage: 'vm rm NAME', words: 'powers the VM off and forgets it; its tap stays, without carrier.' },
  ],
});
