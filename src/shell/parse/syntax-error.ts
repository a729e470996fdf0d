/** A command line bash would not run: its message as bash prints it after `bash: `. */
export class SyntaxError {
  /** `incomplete`: more lines would complete the command (an open quote, `$(`, `if` without `fi` …). */
  constructor(
    readonly message: string,
    readonly incomplete = false,
  ) {}
}
