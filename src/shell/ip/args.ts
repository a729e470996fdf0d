/**
 * iproute2's argument conventions: keywords match by prefix (`matches()`), NEXT_ARG fails with
 * "Command line is not complete", bad values are `invarg`, repeats are `duparg`. Errors are
 * thrown as IpError inside a command and turned into output by the `ip` entry point.
 */
export class IpError {
  constructor(
    readonly message: string,
    readonly exitCode: number,
  ) {}
}

/** iproute2 matches(): the typed word is a non-empty prefix of the keyword. */
export function matches(word: string | undefined, keyword: string): boolean {
  return word !== undefined && word.length > 0 && keyword.startsWith(word);
}

export class Args {
  private i = 0;
  constructor(private readonly argv: string[]) {}

  get done(): boolean {
    return this.i >= this.argv.length;
  }

  peek(): string | undefined {
    return this.argv[this.i];
  }

  take(): string {
    const word = this.argv[this.i++];
    if (word === undefined) throw incomplete();
    return word;
  }

  /** NEXT_ARG(): the value after a keyword. */
  next(): string {
    return this.take();
  }

  rest(): string[] {
    const r = this.argv.slice(this.i);
    this.i = this.argv.length;
    return r;
  }
}

/** iproute2's message when a keyword's value is missing (ip, bridge). */
export const INCOMPLETE = 'Command line is not complete. Try option "help"';
export const incomplete = () => new IpError(INCOMPLETE, 255);
export const invarg = (msg: string, arg: string) => new IpError(`Error: argument "${arg}" is wrong: ${msg}`, 255);
export const duparg = (key: string, arg: string) => new IpError(`Error: duplicate "${key}": "${arg}" is the second value.`, 255);
export const duparg2 = (key: string, arg: string) => new IpError(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.`, 255);
export const noDevice = (name: string) => new IpError(`Cannot find device "${name}"`, 1);
export const rtnl = (text: string) => new IpError(`RTNETLINK answers: ${text}`, 2);
export const kernelError = (text: string) => new IpError(`Error: ${text}`, 2);
