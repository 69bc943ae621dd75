# PID 1 and signals (deep-dive/pitfalls.md)
docker run -d --name s1 debian:trixie sleep 600
time docker stop s1
docker inspect --format '{{.State.ExitCode}}' s1
docker run -d --name s2 --init debian:trixie sleep 600
docker top s2
time docker stop s2
docker inspect --format '{{.State.ExitCode}}' s2
docker run -d --name s3 debian:trixie sh -c 'trap "echo got TERM; exit 0" TERM; sleep 600 & wait'
time docker stop s3
docker inspect --format '{{.State.ExitCode}}' s3; docker logs s3
docker run -d --name s4 debian:trixie sh -c 'sleep 600'
docker top s4
time docker stop s4
docker rm s1 s2 s3 s4
