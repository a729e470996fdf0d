# fg and bg in a non-interactive bash (a script, a lab cell): no job control (bash 5.2).
fg
bg
sleep 0.2 & fg
sleep 0.2 & bg %1; wait
fg %1; echo $?
