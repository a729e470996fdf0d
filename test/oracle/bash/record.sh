#!/usr/bin/env bash
# Records the host's real bash on the shell-grammar cases in cases.txt (one command line a case)
# into test/golden/bash-grammar.txt, and the sessions of sessions.txt (lines typed one after the
# other into one interactive bash: aliases, history) into test/golden/bash-sessions.txt;
# test/unit/shell-grammar-recorded.test.ts replays both.
# bash runs interactive (-i: errors read "bash: x: msg", not "bash: line 1: …") without rc files,
# in an empty scratch directory, with HOME=/root. Only bash and coreutils run: nothing networked.
#
#   test/oracle/bash/record.sh
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT:-$HERE/../../golden/bash-grammar.txt}
{
  echo "# Recorded by test/oracle/bash/record.sh from $(/bin/bash --version | head -1)"
  echo "# Each case: \$ LINE, then stdout and stderr as written (2>&1), then [exit N]."
  echo
  while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    dir=$(mktemp -d)
    out=$(cd "$dir" && env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin /bin/bash --norc --noprofile -i -c "$line" 2>&1 </dev/null; echo "[exit $?]")
    rm -rf "$dir"
    echo "\$ $line"
    # The two lines an interactive bash without a terminal prints first.
    printf '%s\n' "$out" | grep -v -e '^bash: cannot set terminal process group' -e '^bash: no job control in this shell$'
    echo
  done <"$HERE/cases.txt"
} >"$OUT"
echo "wrote $OUT"

# Sessions: blocks separated by a line `---`. bash -i with empty prompts echoes each line it reads
# on stderr, so 2>&1 gives: the line, then its output. The closing `exit` (end of input) is cut.
SESSIONS=${SESSIONS:-$HERE/../../golden/bash-sessions.txt}
{
  echo "# Recorded by test/oracle/bash/record.sh from $(/bin/bash --version | head -1)"
  echo "# Each session: ### session, then what an interactive bash printed for the lines typed (each line, then its output)."
  awk -v RS='\n---\n' '{ printf "%s%c", $0, 0 }' "$HERE/sessions.txt" | while IFS= read -r -d '' session; do
    dir=$(mktemp -d)
    echo '### session'
    printf '%s\n' "$session" | (cd "$dir" && env -i HOME=/root HISTFILE=/dev/null PS1= PS2= PATH=/usr/sbin:/usr/bin:/sbin:/bin /bin/bash --norc --noprofile -i 2>&1) |
      grep -v -e '^bash: cannot set terminal process group' -e '^bash: no job control in this shell$' | sed '$ { /^exit$/d }'
    rm -rf "$dir"
  done
} >"$SESSIONS"
echo "wrote $SESSIONS"
