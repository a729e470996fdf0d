/** The command documentation table's shape: shared by hovers, the shell's `help` and completions. */

export interface FlagDoc {
  /** As typed, with its argument: `-n NETNS`, `--numeric`. Aliases separated by `, `. */
  flag: string;
  words: string;
}

export interface SubcommandDoc {
  /** Words after the command, full length: `link add`, `addr show`. */
  name: string;
  usage: string;
  /** What it does to the kernel (or daemon), in plain words. */
  words: string;
  flags?: FlagDoc[];
}

export interface CommandDoc {
  name: string;
  /** One line for `help` and completion lists. */
  summary: string;
  /** What it does to the kernel, in plain words. */
  kernel: string;
  usage: string;
  flags: FlagDoc[];
  subcommands: SubcommandDoc[];
  /** iproute2 style: any unique prefix of a subcommand word works (`ip a s` = `ip addr show`). */
  abbreviations?: boolean;
}

export function doc(d: Omit<CommandDoc, 'flags' | 'subcommands'> & Partial<Pick<CommandDoc, 'flags' | 'subcommands'>>): CommandDoc {
  return { flags: [], subcommands: [], ...d };
}

export function flagDoc(flag: string, words: string): FlagDoc {
  return { flag, words };
}

export function subcommandDoc(name: string, usage: string, words: string, flags?: FlagDoc[]): SubcommandDoc {
  return flags ? { name, usage, words, flags } : { name, usage, words };
}
