docker login docker.io
docker login
docker login -u bob docker.io
docker login -u bob -p secret docker.io
echo secret | docker login -u bob --password-stdin localhost:5000
docker login -p secret docker.io
docker logout
docker logout docker.io
docker logout localhost:5000
cat /root/.docker/config.json
