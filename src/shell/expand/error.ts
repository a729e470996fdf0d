/** An expansion that fails (`$((1/0))`, `${x:?}`): the command does not run and its status is 1. */
export class ExpansionError {
  constructor(readonly message: string) {}
}
