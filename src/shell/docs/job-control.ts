/** `fg` and `bg`: the shell's job control builtins. */
import { flagDoc, doc } from './types';

const JOB_CONTROL = 'Changes nothing in the network. Only a terminal (an interactive bash) has job control; a script or a lab cell says "bash: fg: no job control", as bash does.';

export const JOB_CONTROL_DOCS = [
  doc({
    name: 'fg',
    summary: 'bring a background job (`cmd &`) to the foreground and wait for it',
    kernel: `Prints the job's command and waits for it to end (simulated time passes); its status is the job's. Ctrl-C then stops the job. ${JOB_CONTROL}`,
    usage: 'fg [%N | N | %+ | %- | %TEXT | %?TEXT]   (or just %N)',
    flags: [
      flagDoc('%N, N', 'job number N, as `jobs` lists it'),
      flagDoc('%+, %%', 'the current job (the newest; the default)'),
      flagDoc('%-', 'the previous job'),
      flagDoc('%TEXT, %?TEXT', 'the job whose command starts with / contains TEXT'),
    ],
  }),
  doc({
    name: 'bg',
    summary: 'resume a stopped job in the background',
    kernel: `Jobs never stop here (there is no Ctrl-Z), so every job is "already in background". ${JOB_CONTROL}`,
    usage: 'bg [%N]...',
  }),
];
