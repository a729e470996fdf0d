/** `nft`: the nftables view of the rules iptables (nf_tables backend) wrote. */
import { flagDoc, doc } from './types';

export const NFT_DOC = doc({
  name: 'nft',
  summary: 'list the nftables ruleset (what iptables-nft wrote)',
  kernel:
    'Reads the nf_tables tables of the current namespace. iptables here is iptables-nft: each table (filter, nat, …) and each chain exists in the kernel only once a command wrote to it, and nft lists them in the order they were created, base chains with their hook and priority, rules as nftables statements with their counters. Rules that use iptables extensions (-m conntrack, -j MASQUERADE, -j LOG, …) are xt expressions: nft prints them translated and warns on stderr that the table is managed by iptables-nft.',
  usage: 'nft list ruleset | nft list table [ip] TABLE | nft list chain [ip] TABLE CHAIN',
  flags: [flagDoc('-v, --version', 'print the version (nftables v1.0.6)')],
  subcommands: [
    { name: 'list ruleset', usage: 'nft list ruleset [FAMILY]', words: 'every table with its chains and rules; prints nothing when no table exists' },
    { name: 'list tables', usage: 'nft list tables [FAMILY]', words: 'one line per table: table ip filter' },
    { name: 'list chains', usage: 'nft list chains [FAMILY]', words: 'every chain, without its rules' },
    { name: 'list table', usage: 'nft list table [FAMILY] NAME', words: 'one table; "Error: No such file or directory" (exit 1) when nothing created it yet' },
    { name: 'list chain', usage: 'nft list chain [FAMILY] TABLE CHAIN', words: 'one chain of a table; a built-in chain nothing wrote to does not exist' },
    { name: 'flush ruleset', usage: 'nft flush ruleset', words: 'delete every table, chain and rule (iptables shows empty tables with ACCEPT policies again)' },
  ],
});
